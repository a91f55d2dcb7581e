// Customers in a SQLite store.
#pragma once

#include "store/customers.hpp"
#include "store/sqlite/database.hpp"

namespace kunde::store::sqlite {

class CustomerRepo final : public Customers {
 public:
  explicit CustomerRepo(Database& db) : db_(db) {}

  std::optional<model::Customer> by_id(std::int64_t id) override;
  std::optional<std::int64_t> id_by_number(std::string_view number) override;
  std::vector<std::int64_t> ids_by_number_nocase(std::string_view number, std::size_t limit) override;
  std::optional<std::int64_t> id_by_email(std::string_view email_key) override;
  std::vector<std::int64_t> ids_by_phone(std::string_view e164) override;
  std::vector<std::int64_t> ids_by_phone_text(std::string_view text, std::size_t limit) override;
  std::vector<PhoneOwner> phones_ending_in(std::string_view digits, std::size_t limit) override;
  std::string usual_country() override;
  bool has_aliases() override;

  std::int64_t insert(const model::Customer& c) override;
  // Inserts `c` unless a customer has its number (which it must have); the new id, or 0.
  std::int64_t insert_if_new(const model::Customer& c);
  void update(const model::Customer& c) override;
  bool add_tag(std::int64_t id, const std::string& tag) override;
  bool remove_tag(std::int64_t id, const std::string& tag) override;
  Dependents dependents(std::int64_t id) override;
  void merge(std::int64_t into, std::int64_t from) override;
  void erase(std::int64_t id) override;

  void list(const CustomerFilter& filter, const std::function<void(const model::Customer&)>& each) override;
  std::vector<std::string> attribute_keys() override;
  std::vector<std::string> aliases(std::int64_t id) override;
  CustomerStats stats(std::int64_t id) override;
  std::int64_t count() override;

 private:
  void remove(std::int64_t id);
  // Runs the customer INSERT `sql` (with or without a conflict clause) and writes the tags
  // of a row it inserted; 0 when it inserted nothing.
  std::int64_t insert_with(std::string_view sql, const model::Customer& c);
  void write_tags(std::int64_t id, const std::vector<std::string>& tags);
  Database& db_;
};

// A full-text query folded like the index ("Bjørn" -> "bjorn"*), each word a prefix match.
std::string fts_query(std::string_view text);
// The same, word by word.
std::vector<std::string> fts_terms(std::string_view text);

}  // namespace kunde::store::sqlite
