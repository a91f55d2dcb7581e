// Contacts in a SQLite store.
#pragma once

#include <span>

#include "store/contacts.hpp"
#include "store/sqlite/database.hpp"

namespace kunde::store::sqlite {

class ContactRepo final : public Contacts {
 public:
  explicit ContactRepo(Database& db);

  std::optional<ContactRow> by_id(std::int64_t id) override;
  std::optional<std::pair<std::int64_t, std::int64_t>> by_key(const std::string& key) override;
  void keyless(std::int64_t customer_id, const std::function<void(const model::Contact&)>& each) override;
  // Inserts the contact unless one with the same key exists. Returns the new id, or 0.
  std::int64_t insert(const model::Contact& c) override;
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
  bool mark_done(std::int64_t id, const std::string& at, const std::optional<std::string>& notes) override;

  void list(const ContactFilter& filter, const std::function<void(const ContactRow&)>& each) override;
  void due(const DueFilter& filter, const std::function<void(const DueItem&)>& each) override;
  ContactSummary summary(std::int64_t customer_id) override;

 private:
  bool update(const model::Contact& c, unsigned fields, const std::string& where,
              const std::function<void(Statement&)>& bind_where);
  Database& db_;
};

}  // namespace kunde::store::sqlite
