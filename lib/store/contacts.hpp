// What the core needs of stored contacts: logging, lists with filters, what is due, closing
// follow-ups, and the per-customer contact summary for the screen pop.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/contact.hpp"

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
  std::optional<int> within_days = 0;  // also what falls due up to as_of + within_days; none: everything open
  bool overdue_only = false;          // only what was due before as_of
  std::optional<std::string> owner;
  std::optional<std::int64_t> customer_id;
};

struct DueItem {
  ContactRow row;
  std::string due;    // the date part of follow_up_at, or of `at` for an undated promise
  int days_late = 0;  // as_of - due in days; negative when not yet due
  std::optional<std::string> customer_phone, customer_email;
};

// The materialised contact statistics of one customer (lib/crm/statistics.hpp defines them).
struct ContactSummary {
  std::int64_t contacts = 0, inbound = 0, outbound = 0, complaints = 0, open_promises = 0, open_follow_ups = 0;
  std::optional<std::string> last_contact_at, next_follow_up_at, preferred_channel;
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> by_channel;  // channel -> (in, out)
};

class Contacts {
 public:
  virtual ~Contacts() = default;

  virtual std::optional<ContactRow> by_id(std::int64_t id) = 0;
  // The id and customer of the contact with this key, if there is one.
  virtual std::optional<std::pair<std::int64_t, std::int64_t>> by_key(const std::string& key) = 0;
  // A customer's contacts without a key, oldest first.
  virtual void keyless(std::int64_t customer_id, const std::function<void(const model::Contact&)>& each) = 0;
  // Inserts the contact; its id, or 0 when a contact has its key (which is left as it is).
  virtual std::int64_t insert(const model::Contact& c) = 0;
  // Marks a contact done; false when it was done already.
  virtual bool mark_done(std::int64_t id, const std::string& at, const std::optional<std::string>& notes) = 0;

  virtual void list(const ContactFilter& filter, const std::function<void(const ContactRow&)>& each) = 0;
  virtual void due(const DueFilter& filter, const std::function<void(const DueItem&)>& each) = 0;
  virtual ContactSummary summary(std::int64_t customer_id) = 0;
};

}  // namespace kunde::store
