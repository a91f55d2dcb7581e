// Orders and their lines in the store, and what a customer owes.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/order.hpp"
#include "store/database.hpp"

namespace kunde::store {

// Payment terms when a customer has none recorded.
constexpr std::int64_t kDefaultPaymentTermsDays = 30;

struct OrderFilter {
  std::optional<std::int64_t> customer_id;
  std::optional<std::string> since, until, channel, status, sku, category;
  std::optional<std::int64_t> limit;
  bool newest_first = false;
};

// An order with its customer and totals, as lists show it.
struct OrderSummary {
  model::Order order;
  std::optional<std::string> customer_number;
  std::string customer_name;
  std::int64_t lines = 0, amount = 0, cost = 0;
  double quantity = 0;
};

// A line with its product, as show and export need it.
struct LineView {
  model::OrderLine line;
  std::optional<std::string> sku, name, category;
};

// What a customer owes. Payments and credit notes settle the oldest invoices first; an
// invoice is overdue once its date plus the payment terms lies before today.
struct Account {
  std::int64_t balance = 0, invoiced = 0, paid = 0, overdue = 0;
  std::optional<std::int64_t> credit_limit;
  std::int64_t terms_days = kDefaultPaymentTermsDays;
  bool terms_default = true;
  std::optional<std::string> oldest_unpaid_at;  // date of the oldest invoice not fully paid
  bool over_limit() const { return credit_limit && balance > *credit_limit; }
};

class OrderRepo {
 public:
  explicit OrderRepo(Database& db) : db_(db) {}

  std::optional<model::Order> by_number(std::string_view number);
  std::optional<model::Order> by_id(std::int64_t id);
  std::int64_t insert(const model::Order& o);
  // Inserts the order unless one with its number exists; its id, or 0 when it existed.
  std::int64_t insert_if_new(const model::Order& o);
  void update(const model::Order& o);
  std::optional<model::OrderLine> line(std::int64_t order_id, std::int64_t line);
  void insert_line(std::int64_t order_id, const model::OrderLine& l);
  void update_line(std::int64_t order_id, const model::OrderLine& l);
  // The highest line number of the order (0 without lines).
  std::int64_t last_line(std::int64_t order_id);
  // Deletes lines numbered above `keep`; returns how many went.
  std::int64_t delete_lines_after(std::int64_t order_id, std::int64_t keep);
  std::vector<LineView> lines(std::int64_t order_id);
  void set_status(std::int64_t order_id, const std::string& status);

  void list(const OrderFilter& f, const std::function<void(const OrderSummary&)>& each);
  // Every line of the orders the filter selects, in order number and line order.
  void export_lines(const OrderFilter& f,
                    const std::function<void(const OrderSummary&, const LineView&)>& each);

  Account account(std::int64_t customer_id, const std::string& today);
  // Customers with a balance other than zero (every customer with orders or payments when
  // `all`), by id: id, number and name.
  void balance_customers(bool all, const std::function<void(std::int64_t, const std::optional<std::string>&,
                                                            const std::string&)>& each);
  // A free order number for an order added by hand: O-<n>.
  std::string next_number();

 private:
  Database& db_;
};

}  // namespace kunde::store
