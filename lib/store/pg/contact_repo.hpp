// Contacts in a PostgreSQL store.
#pragma once

#include <span>

#include "store/contacts.hpp"
#include "store/pg/connection.hpp"

namespace kunde::store::pg {

class ContactRepo final : public Contacts {
 public:
  explicit ContactRepo(Connection& db) : db_(db) {}

  std::optional<ContactRow> by_id(std::int64_t id) override;
  std::optional<std::pair<std::int64_t, std::int64_t>> by_key(const std::string& key) override;
  void keyless(std::int64_t customer_id, const std::function<void(const model::Contact&)>& each) override;
  std::int64_t insert(const model::Contact& c) override;
  bool mark_done(std::int64_t id, const std::string& at, const std::optional<std::string>& notes) override;
  // Sets the fields whose bit is set in `fields` on the contact with `c`'s key or with `id`,
  // when any differs; true when something changed.
  bool update_by_key(const model::Contact& c, unsigned fields);
  bool update_by_id(std::int64_t id, const model::Contact& c, unsigned fields);
  std::int64_t next_id();

  void list(const ContactFilter& filter, const std::function<void(const ContactRow&)>& each) override;
  void due(const DueFilter& filter, const std::function<void(const DueItem&)>& each) override;
  ContactSummary summary(std::int64_t customer_id) override;

 private:
  bool update(const model::Contact& c, unsigned fields, const std::string& where, const Params& key);
  Connection& db_;
};

// The contact's columns after id, as COPY and INSERT take them.
constexpr const char* kContactInsertColumns =
    "key, customer_id, at, channel, direction, subject, notes, outcome, reason, follow_up_at, promise, owner, "
    "done_at, done_notes";
// Whether every folded word of `query` (space-separated) starts a word of the folded `text`.
bool has_words(std::string_view text, std::string_view query);
// The folded words of a query, space-separated.
std::string query_words(std::string_view text);

}  // namespace kunde::store::pg
