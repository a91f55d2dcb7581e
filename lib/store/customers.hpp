// What the core needs of stored customers: lookups by every key a person might type, writes,
// tags, aliases of merged customers, lists and the materialised statistics.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/customer.hpp"
#include "model/rule_tree.hpp"

namespace kunde::store {

struct CustomerFilter {
  std::vector<std::string> tags;        // all of them
  std::optional<std::string> country, city, kind, created_since, created_until;
  std::vector<std::pair<std::string, std::string>> attributes;  // key=value, all of them
  std::optional<std::string> search;    // words, each the start of a word (case and accents ignored)
  std::optional<std::vector<std::int64_t>> ids;
  std::optional<std::string> overdue_as_of;  // an unpaid amount older than the terms on that day
  bool over_limit = false;              // balance above the credit limit
  std::optional<model::RuleNode> rule;  // a segment rule the customers meet, on the day rule_today
  std::string rule_today;
  std::optional<std::string> segment;   // members of the segment of this name
  std::string sort = "id";              // a customer column, or revenue/balance/last_order ...
  bool descending = false;
  std::optional<std::int64_t> limit;
};

// The sort keys CustomerFilter::sort takes.
const std::vector<std::string>& customer_sort_keys();

// A customer's materialised order and payment statistics (money in minor units); the contact
// statistics are in Contacts::summary. A customer without orders or payments has zeros.
struct PhoneOwner {
  std::int64_t id = 0;
  std::string e164, country;
};

struct CustomerStats {
  std::optional<std::string> first_order_at, last_order_at, top_categories;
  std::int64_t orders = 0, revenue = 0, cost = 0, margin = 0, paid = 0, balance = 0, avg_order_value = 0;
  std::int64_t uncosted_revenue = 0;  // revenue from lines without a cost: margin leaves it out
  std::optional<std::string> oldest_unpaid_at;  // oldest invoice not fully paid
};

// Counts of what refers to a customer, for refusing rm and describing merges.
struct Dependents {
  std::int64_t orders = 0, payments = 0, contacts = 0;
};

class Customers {
 public:
  virtual ~Customers() = default;

  virtual std::optional<model::Customer> by_id(std::int64_t id) = 0;
  // Numbers of merged customers lead to the customer they were merged into.
  virtual std::optional<std::int64_t> id_by_number(std::string_view number) = 0;
  // Customers whose number equals `number` ignoring case (at most `limit`). May look at
  // every customer: for what a person types, not for every row of a file.
  virtual std::vector<std::int64_t> ids_by_number_nocase(std::string_view number, std::size_t limit) = 0;
  // By the lower-cased email.
  virtual std::optional<std::int64_t> id_by_email(std::string_view email_key) = 0;
  virtual std::vector<std::int64_t> ids_by_phone(std::string_view e164) = 0;
  // Customers whose phone is stored exactly as `text`, or whose stored phone has exactly
  // these digits (at most `limit`).
  virtual std::vector<std::int64_t> ids_by_phone_text(std::string_view text, std::size_t limit) = 0;
  // Customers whose E.164 phone is a country code of one to three digits followed by
  // `digits` (at most `limit`, by id), with that phone and their country ("" without one):
  // the owners a national number of another country may belong to. Looks at every customer.
  virtual std::vector<PhoneOwner> phones_ending_in(std::string_view digits, std::size_t limit) = 0;
  // The country most customers live in (judged from a sample; ties to the first by code):
  // the phone region when none is configured. Empty when no customer has a country.
  virtual std::string usual_country() = 0;

  // Whether any customer was merged into another (its number lives on as an alias).
  virtual bool has_aliases() = 0;

  virtual std::int64_t insert(const model::Customer& c) = 0;
  virtual void update(const model::Customer& c) = 0;
  virtual bool add_tag(std::int64_t id, const std::string& tag) = 0;
  virtual bool remove_tag(std::int64_t id, const std::string& tag) = 0;
  virtual Dependents dependents(std::int64_t id) = 0;
  // Moves everything of `from` to `into`, keeps `from`'s number as an alias, deletes `from`.
  virtual void merge(std::int64_t into, std::int64_t from) = 0;
  // Deletes the customer and everything held on them (undoable, unlike an erasure).
  virtual void erase(std::int64_t id) = 0;

  virtual void list(const CustomerFilter& filter, const std::function<void(const model::Customer&)>& each) = 0;
  virtual std::vector<std::string> attribute_keys() = 0;
  virtual std::vector<std::string> aliases(std::int64_t id) = 0;
  virtual CustomerStats stats(std::int64_t id) = 0;
  virtual std::int64_t count() = 0;
};

}  // namespace kunde::store
