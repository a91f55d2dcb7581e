// Customers in the store: lookups by every key a person might type, writes, tags, aliases.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/customer.hpp"
#include "store/database.hpp"

namespace kunde::store {

struct CustomerFilter {
  std::vector<std::string> tags;        // all of them
  std::optional<std::string> country, city, kind, created_since, created_until;
  std::vector<std::pair<std::string, std::string>> attributes;  // key=value, all of them
  std::optional<std::string> search;    // full-text query
  std::optional<std::vector<std::int64_t>> ids;
  bool overdue = false;                 // an unpaid amount older than the terms
  bool over_limit = false;              // balance above the credit limit
  std::string sort = "id";              // a customer column, or revenue/balance/last_order
  bool descending = false;
  std::optional<std::int64_t> limit;
};

// Materialised per-customer figures (money in minor units).
// A customer's order and payment statistics (ContactRepo::summary has the contact ones).
struct CustomerStats {
  std::optional<std::string> first_order_at, last_order_at, top_categories;
  std::int64_t orders = 0, revenue = 0, cost = 0, margin = 0, paid = 0, balance = 0, avg_order_value = 0;
  std::optional<std::string> oldest_unpaid_at;  // oldest invoice not fully paid
};

class CustomerRepo {
 public:
  explicit CustomerRepo(Database& db) : db_(db) {}

  std::optional<model::Customer> by_id(std::int64_t id);
  // Numbers of merged customers lead to the customer they were merged into.
  std::optional<std::int64_t> id_by_number(std::string_view number);
  std::optional<std::int64_t> id_by_email(std::string_view email_key);
  std::vector<std::int64_t> ids_by_phone(std::string_view e164);

  // What a person typed: a customer number, an id ("#12" or a bare id with no such number),
  // an email address, or a phone number in any format. All matches, best first.
  std::vector<std::int64_t> resolve(std::string_view ref, const std::string& region);
  // Like resolve(), but exactly one match; throws kunde::Error for none or several.
  std::int64_t resolve_one(std::string_view ref, const std::string& region);
  // Where most customers live (judged from a sample, so lookups stay fast): the phone
  // region when none is configured.
  std::string usual_region();

  std::int64_t insert(const model::Customer& c);
  // Inserts `c` unless a customer has its number (which it must have); returns the new id,
  // or 0 when the number is taken. Alias numbers are not checked: see has_aliases().
  std::int64_t insert_if_new(const model::Customer& c);
  // Whether any customer was merged into another (its number lives on as an alias).
  bool has_aliases();
  void update(const model::Customer& c);
  bool add_tag(std::int64_t id, const std::string& tag);
  bool remove_tag(std::int64_t id, const std::string& tag);
  void remove(std::int64_t id);
  // Counts of what refers to a customer, for refusing rm and describing merges.
  struct Dependents {
    std::int64_t orders = 0, payments = 0, contacts = 0;
  };
  Dependents dependents(std::int64_t id);

  // Moves everything of `from` to `into`, keeps `from`'s number as an alias, deletes `from`.
  void merge(std::int64_t into, std::int64_t from);
  // Deletes the customer and everything held on them.
  void erase(std::int64_t id);

  void list(const CustomerFilter& filter, const std::function<void(const model::Customer&)>& each);
  std::vector<std::string> attribute_keys();
  std::vector<std::string> aliases(std::int64_t id);
  CustomerStats stats(std::int64_t id);
  std::int64_t count();

 private:
  // Runs the customer INSERT `sql` (with or without a conflict clause) and writes the tags
  // of a row it inserted; 0 when it inserted nothing.
  std::int64_t insert_with(std::string_view sql, const model::Customer& c);
  void write_tags(std::int64_t id, const std::vector<std::string>& tags);
  Database& db_;
};

// A full-text query folded like the index ("Bjørn" -> bjorn*), each word a prefix match.
std::string fts_query(std::string_view text);
// The same, word by word.
std::vector<std::string> fts_terms(std::string_view text);

}  // namespace kunde::store
