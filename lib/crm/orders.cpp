// Order and product services.
#include "crm/orders.hpp"

#include <fmt/format.h>

#include "crm/customer_resolver.hpp"
#include "error.hpp"
#include "store/store.hpp"

namespace kunde::crm {

AddedOrder add_order(Session& s, const NewOrder& in) {
  auto write = s.store().begin_write(s.command());
  auto& orders = s.store().orders();
  auto& products = s.store().products();
  model::Order order;
  order.customer_id = s.resolver().resolve_one(in.customer);
  order.ordered_at = in.ordered_at;
  order.channel = in.channel;
  order.status = in.status;
  order.freight = in.freight;
  order.number = in.number ? *in.number : orders.next_number();
  if (orders.by_number(order.number)) {
    throw Error(fmt::format("order {} exists already", order.number), "choose another --number");
  }
  std::vector<model::OrderLine> lines;
  for (const auto& l : in.lines) {
    auto p = products.by_sku(l.sku);
    if (!p) throw Error(fmt::format("no product '{}'", l.sku), "add it first with 'kunde product add SKU'");
    if (!l.input.unit_price && !p->list_price) {
      throw UsageError(fmt::format("{} has no list price", p->sku), fmt::format("give one: --line {}:QTY:PRICE", p->sku));
    }
    lines.push_back(price_line(*p, l.input));
  }
  if (in.amount) lines.push_back(order_level_line(*in.amount));
  AddedOrder out;
  order.id = orders.insert(order);
  for (auto& l : lines) {
    l.line = ++out.lines;
    orders.insert_line(order.id, l);
    out.total += l.amount;
  }
  out.number = order.number;
  write->commit(fmt::format("order {} added", order.number));
  return out;
}

bool cancel_order(Session& s, const std::string& number, std::string& was) {
  auto write = s.store().begin_write(s.command());
  auto& orders = s.store().orders();
  auto order = orders.by_number(number);
  if (!order) throw Error(fmt::format("no order '{}'", number), "'kunde order list' shows order numbers");
  was = order->status;
  if (order->status == "cancelled") return false;
  orders.set_status(order->id, "cancelled");
  write->commit(fmt::format("order {} cancelled", number));
  return true;
}

void list_orders(Session& s, const OrderFilter& f, const std::function<void(const OrderSummary&)>& each) {
  s.store().orders().list(f, each);
}

void export_order_lines(Session& s, const OrderFilter& f,
                        const std::function<void(const OrderSummary&, const LineView&)>& each) {
  s.store().orders().export_lines(f, each);
}

std::vector<std::string> order_attribute_keys(Session& s) { return s.store().orders().attribute_keys(); }

OrderDetail show_order(Session& s, const std::string& number) {
  auto& orders = s.store().orders();
  auto order = orders.by_number(number);
  if (!order) throw Error(fmt::format("no order '{}'", number), "'kunde order list' shows order numbers");
  OrderDetail d;
  OrderFilter f;
  f.customer_id = order->customer_id;
  orders.list(f, [&](const OrderSummary& x) {
    if (x.order.id == order->id) d.summary = x;
  });
  d.lines = orders.lines(order->id);
  return d;
}

void add_product(Session& s, const model::Product& p) {
  auto write = s.store().begin_write(s.command());
  auto& products = s.store().products();
  if (products.by_sku(p.sku)) {
    throw Error(fmt::format("product {} exists already", p.sku), "'kunde product import' updates products");
  }
  products.insert(p);
  write->commit("1 product added");
}

void list_products(Session& s, const ProductFilter& f, const std::function<void(const model::Product&)>& each) {
  s.store().products().list(f, each);
}

ProductDetail show_product(Session& s, const std::string& sku) {
  auto& products = s.store().products();
  auto p = products.by_sku(sku);
  if (!p) throw Error(fmt::format("no product '{}'", sku), "'kunde product list' shows the catalogue");
  return {*p, products.sales(p->id)};
}

}  // namespace kunde::crm
