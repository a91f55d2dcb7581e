// Contacts in the store: logging, listing with filters, what is due, closing follow-ups,
// and the per-customer contact summary for the screen pop.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "model/contact.hpp"
#include "store/database.hpp"

namespace kunde::store {

struct ContactFilter {
  std::optional<std::int64_t> customer_id;
  std::optional<std::string> channel, direction, owner, outcome, reason;
  std::optional<std::string> since, until;  // dates; compared with the date part of `at`
  std::optional<std::string> grep;          // words, each the start of a word in subject or notes
  bool open = false;                        // unfulfilled promises and follow-ups only
  bool newest_first = false;
  std::optional<std::int64_t> limit;
};

// A contact with the customer it belongs to.
struct ContactRow {
  model::Contact contact;
  std::optional<std::string> customer_number;
  std::string customer_name;
};

struct DueFilter {
  std::string as_of;                  // YYYY-MM-DD
  int within_days = 0;                // also what falls due up to as_of + within_days
  bool overdue_only = false;          // only what was due before as_of
  std::optional<std::string> owner;
  std::optional<std::int64_t> customer_id;
};

struct DueItem {
  ContactRow row;
  std::string due;   // the date part of follow_up_at, or of `at` for an undated promise
  int days_late = 0;  // as_of - due in days; negative when not yet due
  std::optional<std::string> customer_phone, customer_email;
};

// What the screen pop shows about a customer's contacts.
struct ContactSummary {
  std::int64_t contacts = 0, inbound = 0, outbound = 0, complaints = 0, open_promises = 0, open_follow_ups = 0;
  std::optional<std::string> last_contact_at, next_follow_up_at, preferred_channel;
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> by_channel;  // channel -> (in, out)
};

class ContactRepo {
 public:
  explicit ContactRepo(Database& db);

  std::optional<ContactRow> by_id(std::int64_t id);
  // The id and customer of the contact with this key, if there is one.
  std::optional<std::pair<std::int64_t, std::int64_t>> by_key(const std::string& key);
  // A customer's contacts without a key, oldest first.
  void keyless(std::int64_t customer_id, const std::function<void(const model::Contact&)>& each);
  // The customer's number, or "#id" without one: how messages name them.
  std::string customer_ident(std::int64_t customer_id);
  // Inserts the contact unless one with the same key exists. Returns the new id, or 0.
  std::int64_t insert(const model::Contact& c);
  // The id the next new contact gets.
  std::int64_t next_id();
  // Inserts contacts without a key (nothing they can clash with), several to a statement.
  // They get consecutive ids; returns the first.
  static constexpr std::size_t kInsertRows = 32;
  std::int64_t insert_keyless(std::span<const model::Contact* const> contacts);
  // Sets the fields whose bit is set in `fields` (1 << ContactField) on the contact with the
  // same key, or with the id, when any differs; true when something changed.
  bool update_by_key(const model::Contact& c, unsigned fields);
  bool update_by_id(std::int64_t id, const model::Contact& c, unsigned fields);
  // Marks a contact done; false when it was done already.
  bool mark_done(std::int64_t id, const std::string& at, const std::optional<std::string>& notes);

  void list(const ContactFilter& filter, const std::function<void(const ContactRow&)>& each);
  void due(const DueFilter& filter, const std::function<void(const DueItem&)>& each);
  ContactSummary summary(std::int64_t customer_id);

 private:
  bool update(const model::Contact& c, unsigned fields, const std::string& where,
              const std::function<void(Statement&)>& bind_where);
  Database& db_;
};

}  // namespace kunde::store
