// Order-line pricing (pricing.hpp has the rule).
#include "crm/pricing.hpp"

#include <fmt/format.h>

#include "error.hpp"

namespace kunde::crm {

model::OrderLine price_line(const model::Product& product, const LineInput& in) {
  model::OrderLine l;
  l.quantity = in.quantity;
  l.product_id = product.id;
  l.unit_price = in.unit_price ? in.unit_price : product.list_price;
  if (!l.unit_price && !in.amount) {
    throw Error(fmt::format("no price for {}", product.sku), "give a unit price, or a list price for the product");
  }
  l.amount = in.amount ? *in.amount : model::line_total(l.quantity, *l.unit_price);
  l.unit_cost = in.unit_cost ? in.unit_cost : product.unit_cost;
  if (l.unit_cost) l.cost = model::line_total(l.quantity, *l.unit_cost);
  return l;
}

model::OrderLine order_level_line(const LineInput& in) {
  if (!in.amount && !in.unit_price) throw Error("neither a sku nor an amount", "order-level rows need an amount column");
  model::OrderLine l;
  l.quantity = in.quantity;
  l.unit_price = in.unit_price;
  l.amount = in.amount ? *in.amount : model::line_total(l.quantity, *in.unit_price);
  l.cost = in.unit_cost;
  return l;
}

}  // namespace kunde::crm
