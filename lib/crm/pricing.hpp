// The one rule for pricing an order line. `order add` and the order import both price
// through it:
//   unit price  the line's, else the product's list price
//   gross       the line's gross total, else quantity × unit price, else (a net total and a
//               discount only) the net total grossed up by the discount, else the net total
//   amount      (net) the line's own total, else gross less the discount, else gross
//   discount    the rate the line gives; none when it is zero
//   cost        quantity × the line's unit cost, else the product's; none when neither is
//               known (the line then counts in revenue but not in margin)
// Every total is rounded half away from zero once (model::line_total, model::discounted).
// A net total wins over gross less discount, so a file's own rounding is kept as written.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "model/order.hpp"

namespace kunde::crm {

// What a line gives of its own; the rest comes from the product.
struct LineInput {
  double quantity = 1;
  std::optional<std::int64_t> unit_price, unit_cost;
  // A net total the line states itself (an export's amount column).
  std::optional<std::int64_t> amount;
  // A total before discount the line states itself.
  std::optional<std::int64_t> gross;
  // The discount rate, a fraction from 0 to 1 (model::parse_discount).
  std::optional<double> discount;
};

// Prices a line of `product` (sku, list price and unit cost as stored). Throws kunde::Error
// when neither the line nor the product has a price.
model::OrderLine price_line(const model::Product& product, const LineInput& input);

// An order-level line (no product): its amount, or quantity × price, less any discount, and
// its cost of goods (`unit_cost` holds the line's total cost). Throws kunde::Error when it
// has neither an amount nor a price.
model::OrderLine order_level_line(const LineInput& input);

}  // namespace kunde::crm
