// Customers in a PostgreSQL store.
#pragma once

#include "store/customers.hpp"
#include "store/pg/connection.hpp"

namespace kunde::store::pg {

class CustomerRepo final : public Customers {
 public:
  explicit CustomerRepo(Connection& db) : db_(db) {}

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
  void write_tags(std::int64_t id, const std::vector<std::string>& tags);
  Connection& db_;
};

// The columns of a customer row in the order the store's queries read them (alias c), and
// reading them back.
extern const char* const kCustomerColumns;
model::Customer read_customer(const Row& r);
// The attributes as stored: a JSON object.
std::string attributes_json(const model::Customer& c);
// The parameters $1..$20 of a customer's columns, in the schema's order after id.
Params customer_params(const model::Customer& c);
// The same columns by name, as COPY and INSERT take them.
constexpr const char* kCustomerInsertColumns =
    "number, name, kind, email, email_key, phone, phone_e164, street, postal_code, city, country, org_number, "
    "created_at, preferred_channel, credit_limit, payment_terms_days, wallet, notes, attributes, contact_person";

}  // namespace kunde::store::pg
