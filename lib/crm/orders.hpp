// Orders: adding one by hand, cancelling, listing, showing and exporting them.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "crm/pricing.hpp"
#include "crm/session.hpp"
#include "store/orders.hpp"
#include "store/products.hpp"

namespace kunde::crm {

using store::LineView;
using store::OrderFilter;
using store::OrderSummary;
using store::ProductFilter;
using store::ProductSales;

struct NewOrder {
  std::string customer;                 // a reference (number, #id, email, phone)
  std::optional<std::string> number;    // default O-<n>
  std::string ordered_at;
  std::optional<std::string> channel;
  std::string status = "completed";
  std::optional<std::int64_t> freight;
  struct Line {
    std::string sku;
    LineInput input;
  };
  std::vector<Line> lines;              // product lines ...
  std::optional<LineInput> amount;      // ... or one order-level amount
};

struct AddedOrder {
  std::string number;
  std::int64_t lines = 0, total = 0;
};
AddedOrder add_order(Session& s, const NewOrder& order);

// Cancels the order; false when it was cancelled already. `was` gets its status before.
bool cancel_order(Session& s, const std::string& number, std::string& was);

void list_orders(Session& s, const OrderFilter& f, const std::function<void(const OrderSummary&)>& each);
// Every line of the selected orders (an order without lines once, as line 0).
void export_order_lines(Session& s, const OrderFilter& f,
                        const std::function<void(const OrderSummary&, const LineView&)>& each);
// The names of the orders' custom attributes, sorted.
std::vector<std::string> order_attribute_keys(Session& s);

struct OrderDetail {
  OrderSummary summary;
  std::vector<LineView> lines;
};
OrderDetail show_order(Session& s, const std::string& number);

// Products.
void add_product(Session& s, const model::Product& p);
void list_products(Session& s, const ProductFilter& f, const std::function<void(const model::Product&)>& each);
struct ProductDetail {
  model::Product product;
  ProductSales sales;
};
ProductDetail show_product(Session& s, const std::string& sku);

}  // namespace kunde::crm
