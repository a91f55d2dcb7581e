// Order-line pricing (pricing.hpp has the rule).
#include "crm/pricing.hpp"

#include <fmt/format.h>

#include "error.hpp"

namespace kunde::crm {
namespace {

// Gross, discount and net of a line whose unit price (if any) is settled.
void set_totals(model::OrderLine& l, const LineInput& in) {
  std::optional<double> discount = in.discount && *in.discount != 0 ? in.discount : std::nullopt;
  std::optional<std::int64_t> gross = in.gross;
  if (!gross && l.unit_price) gross = model::line_total(l.quantity, *l.unit_price);
  if (!gross && in.amount) gross = discount ? model::undiscounted(*in.amount, *discount) : in.amount;
  if (in.amount) {
    l.amount = *in.amount;
  } else if (gross) {
    l.amount = discount ? model::discounted(*gross, *discount) : *gross;
  }
  l.discount = discount;
  l.gross = gross && *gross != l.amount ? gross : std::nullopt;
}

}  // namespace

model::OrderLine price_line(const model::Product& product, const LineInput& in) {
  model::OrderLine l;
  l.quantity = in.quantity;
  l.product_id = product.id;
  l.unit_price = in.unit_price ? in.unit_price : product.list_price;
  if (!l.unit_price && !in.amount && !in.gross) {
    throw Error(fmt::format("no price for {}", product.sku), "give a unit price, or a list price for the product");
  }
  set_totals(l, in);
  l.unit_cost = in.unit_cost ? in.unit_cost : product.unit_cost;
  if (l.unit_cost) l.cost = model::line_total(l.quantity, *l.unit_cost);
  return l;
}

model::OrderLine order_level_line(const LineInput& in) {
  if (!in.amount && !in.unit_price && !in.gross) {
    throw Error("neither a sku nor an amount", "order-level rows need an amount column");
  }
  model::OrderLine l;
  l.quantity = in.quantity;
  l.unit_price = in.unit_price;
  set_totals(l, in);
  l.cost = in.unit_cost;
  return l;
}

}  // namespace kunde::crm
