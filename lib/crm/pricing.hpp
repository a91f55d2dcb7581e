// The one rule for pricing an order line: a price given wins, else the product's list price;
// the cost comes from the line, else from the product; amounts are quantity × unit price,
// rounded once (model::line_total). `order add` and the order import both price through it.
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
  // A total the line states itself (an export's amount column), which wins over quantity ×
  // price.
  std::optional<std::int64_t> amount;
};

// Prices a line of `product` (sku, list price and unit cost as stored). Throws kunde::Error
// when neither the line nor the product has a price.
model::OrderLine price_line(const model::Product& product, const LineInput& input);

// An order-level line (no product): its amount, or quantity × price, and its cost of goods.
// Throws kunde::Error when it has neither an amount nor a price.
model::OrderLine order_level_line(const LineInput& input);

}  // namespace kunde::crm
