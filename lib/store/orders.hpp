// What the core needs of stored orders and their lines.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/order.hpp"

namespace kunde::store {

struct OrderFilter {
  std::optional<std::int64_t> customer_id;
  std::optional<std::string> since, until, channel, status, sku, category;
  std::optional<std::int64_t> limit;
  bool newest_first = false;
  // Only orders whose number is a content key (crm/content_keys.hpp): none was given.
  bool keyless_only = false;
};

// An order with its customer and totals, as lists show it: `amount` net of discounts,
// `gross` before them, `cost` the costs known (its lines' and, once it has lines, its
// freight), `uncosted` the part of the amount from lines without a cost.
struct OrderSummary {
  model::Order order;
  std::optional<std::string> customer_number;
  std::string customer_name;
  std::int64_t lines = 0, amount = 0, cost = 0, gross = 0, uncosted = 0;
  double quantity = 0;
};

// A line with its product, as show and export need it. In export_lines, line 0 stands for
// an order without lines.
struct LineView {
  model::OrderLine line;
  std::optional<std::string> sku, name, category;
};

// An order that counts (not cancelled) with its total: what payments settle.
struct Invoice {
  std::string at;
  std::int64_t total = 0;
};

class Orders {
 public:
  virtual ~Orders() = default;

  virtual std::optional<model::Order> by_number(std::string_view number) = 0;
  virtual std::optional<model::Order> by_id(std::int64_t id) = 0;
  virtual std::int64_t insert(const model::Order& o) = 0;
  virtual void update(const model::Order& o) = 0;
  virtual std::optional<model::OrderLine> line(std::int64_t order_id, std::int64_t line) = 0;
  virtual void insert_line(std::int64_t order_id, const model::OrderLine& l) = 0;
  virtual std::vector<LineView> lines(std::int64_t order_id) = 0;
  virtual void set_status(std::int64_t order_id, const std::string& status) = 0;

  virtual void list(const OrderFilter& f, const std::function<void(const OrderSummary&)>& each) = 0;
  // Every line of the orders the filter selects, by order date, order and line; an order
  // without lines once, with a LineView whose line number is 0. The summary's totals are not
  // filled in.
  virtual void export_lines(const OrderFilter& f,
                            const std::function<void(const OrderSummary&, const LineView&)>& each) = 0;
  // The names of the orders' custom attributes, sorted.
  virtual std::vector<std::string> attribute_keys() = 0;
  // The customer's orders that count, oldest first (by date, then id).
  virtual std::vector<Invoice> invoices(std::int64_t customer_id) = 0;
  // How many of the customer's orders that count came through each channel.
  virtual std::map<std::string, std::int64_t> orders_by_channel(std::int64_t customer_id) = 0;
  // Customers with a balance other than zero (every customer with orders or payments when
  // `all`), by id: id, number and name.
  virtual void balance_customers(bool all, const std::function<void(std::int64_t, const std::optional<std::string>&,
                                                                    const std::string&)>& each) = 0;
  // A free order number for an order added by hand: O-<n>.
  virtual std::string next_number() = 0;
};

}  // namespace kunde::store
