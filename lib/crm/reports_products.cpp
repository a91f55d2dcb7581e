// The products report in one pass over the order lines: lines come by customer and order, so
// "a new customer or order for this item" is a comparison with the last one seen.
#include "crm/reports_products.hpp"

#include <algorithm>
#include <unordered_map>

#include "crm/session.hpp"
#include "store/store.hpp"

namespace kunde::crm {
namespace {

struct Tally {
  std::string item;
  std::int64_t customers = 0, orders = 0, revenue = 0;
  std::int64_t last_customer = -1, last_order = -1;
  // The requested customer's orders of it.
  std::int64_t own_orders = 0, own_revenue = 0;
  std::vector<std::string> own_days;  // distinct, ascending
};

}  // namespace

ProductsReport products_report(Session& s, const ProductsRequest& request) {
  ProductsReport r;
  r.request = request;
  std::unordered_map<std::string, std::size_t> by_category;
  std::unordered_map<std::int64_t, std::size_t> by_product;
  std::vector<Tally> tallies;
  std::int64_t last_customer = -1, last_order = -1;
  s.store().analytics().order_lines(request.scope.query(), [&](const store::LineFact& l) {
    if (l.customer_id != last_customer) ++r.customers, last_customer = l.customer_id;
    if (l.order_id != last_order) ++r.orders, last_order = l.order_id;
    std::size_t index;
    if (request.level == ItemLevel::category) {
      if (l.category.empty()) return;
      auto it = by_category.find(std::string(l.category));
      if (it == by_category.end()) {
        it = by_category.emplace(std::string(l.category), tallies.size()).first;
        tallies.emplace_back().item = std::string(l.category);
      }
      index = it->second;
    } else {
      if (!l.product_id) return;
      auto it = by_product.find(*l.product_id);
      if (it == by_product.end()) {
        it = by_product.emplace(*l.product_id, tallies.size()).first;
        auto p = s.store().products().by_id(*l.product_id);
        tallies.emplace_back().item = p ? p->sku : "#" + std::to_string(*l.product_id);
      }
      index = it->second;
    }
    Tally& t = tallies[index];
    t.revenue += l.amount;
    if (t.last_customer != l.customer_id) ++t.customers, t.last_customer = l.customer_id;
    bool new_order = t.last_order != l.order_id;
    if (new_order) ++t.orders, t.last_order = l.order_id;
    if (request.customer && l.customer_id == *request.customer) {
      t.own_revenue += l.amount;
      if (new_order) ++t.own_orders;
      if (t.own_days.empty() || t.own_days.back() != l.day) t.own_days.emplace_back(l.day);
    }
  });

  for (const Tally& t : tallies) {
    ItemPenetration p;
    p.item = t.item;
    p.customers = t.customers;
    p.orders = t.orders;
    p.revenue = t.revenue;
    if (r.customers > 0) p.customer_share = static_cast<double>(t.customers) / static_cast<double>(r.customers);
    if (r.orders > 0) p.order_share = static_cast<double>(t.orders) / static_cast<double>(r.orders);
    r.rows.push_back(std::move(p));
    if (request.customer) {
      CustomerItem c;
      c.item = t.item;
      c.bought = t.own_orders > 0;
      c.orders = t.own_orders;
      c.revenue = t.own_revenue;
      c.penetration = r.rows.back().customer_share;
      if (c.bought) {
        c.first = t.own_days.front();
        c.last = t.own_days.back();
        if (t.own_days.size() >= 2) {
          c.interval_days = static_cast<double>(day_number(c.last) - day_number(c.first)) /
                            static_cast<double>(t.own_days.size() - 1);
        }
      }
      r.customer_rows.push_back(std::move(c));
    }
  }
  std::sort(r.rows.begin(), r.rows.end(), [](const ItemPenetration& a, const ItemPenetration& b) {
    if (a.customers != b.customers) return a.customers > b.customers;
    if (a.orders != b.orders) return a.orders > b.orders;
    return a.item < b.item;
  });
  std::sort(r.customer_rows.begin(), r.customer_rows.end(), [](const CustomerItem& a, const CustomerItem& b) {
    if (a.bought != b.bought) return a.bought;
    if (a.bought && a.revenue != b.revenue) return a.revenue > b.revenue;
    if (!a.bought && a.penetration != b.penetration) return a.penetration > b.penetration;
    return a.item < b.item;
  });
  return r;
}

}  // namespace kunde::crm
