// Baskets from the order-line stream: items are interned while streaming, then renumbered
// in label order so the output does not depend on the order rows arrive in.
#include "crm/reports_baskets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "crm/session.hpp"
#include "error.hpp"
#include "store/store.hpp"

namespace kunde::crm {

ItemLevel item_level(std::string_view name) {
  if (name == "category") return ItemLevel::category;
  if (name == "product") return ItemLevel::product;
  throw UsageError(fmt::format("unknown level '{}'", name), "use category or product");
}

BasketBy basket_by(std::string_view name) {
  if (name == "order") return BasketBy::order;
  if (name == "customer") return BasketBy::customer;
  throw UsageError(fmt::format("cannot form baskets by '{}'", name), "use order or customer");
}

BasketData read_baskets(Session& s, const ReportScope& scope, ItemLevel level, BasketBy by) {
  BasketData out;
  std::unordered_map<std::string, analytics::Item> by_label;
  std::unordered_map<std::int64_t, analytics::Item> by_product;
  std::vector<std::int64_t> product_of_item;  // product level: the product id of each item
  std::vector<analytics::Item> items;          // flat, interned ids
  std::vector<std::size_t> offsets{0};
  std::vector<std::int64_t> customers;
  std::int64_t current_customer = -1, current_order = -1;

  auto close = [&] {
    if (items.size() > offsets.back()) {
      offsets.push_back(items.size());
      customers.push_back(current_customer);
    }
  };
  s.store().analytics().order_lines(scope.query(), [&](const store::LineFact& l) {
    if (l.amount < 0) return;
    analytics::Item item;
    if (level == ItemLevel::category) {
      if (l.category.empty()) return;
      auto it = by_label.find(std::string(l.category));
      if (it == by_label.end()) {
        it = by_label.emplace(std::string(l.category), static_cast<analytics::Item>(out.labels.size())).first;
        out.labels.emplace_back(l.category);
      }
      item = it->second;
    } else {
      if (!l.product_id) return;
      auto it = by_product.find(*l.product_id);
      if (it == by_product.end()) {
        it = by_product.emplace(*l.product_id, static_cast<analytics::Item>(product_of_item.size())).first;
        product_of_item.push_back(*l.product_id);
      }
      item = it->second;
    }
    bool next = by == BasketBy::order ? l.order_id != current_order : l.customer_id != current_customer;
    if (next) {
      close();
      current_order = l.order_id;
      current_customer = l.customer_id;
    }
    items.push_back(item);
    ++out.lines;
  });
  close();

  if (level == ItemLevel::product) {
    out.labels.resize(product_of_item.size());
    for (std::size_t i = 0; i < product_of_item.size(); ++i) {
      auto p = s.store().products().by_id(product_of_item[i]);
      out.labels[i] = p ? p->sku : fmt::format("#{}", product_of_item[i]);
    }
  }
  // Renumber by label.
  std::vector<analytics::Item> order(out.labels.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](analytics::Item a, analytics::Item b) {
    return out.labels[static_cast<std::size_t>(a)] < out.labels[static_cast<std::size_t>(b)];
  });
  std::vector<analytics::Item> renumber(out.labels.size());
  std::vector<std::string> sorted(out.labels.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    renumber[static_cast<std::size_t>(order[i])] = static_cast<analytics::Item>(i);
    sorted[i] = std::move(out.labels[static_cast<std::size_t>(order[i])]);
  }
  out.labels = std::move(sorted);
  for (auto& i : items) i = renumber[static_cast<std::size_t>(i)];

  out.baskets = analytics::Baskets(static_cast<analytics::Item>(out.labels.size()));
  for (std::size_t b = 0; b + 1 < offsets.size(); ++b) {
    out.baskets.add(std::span<const analytics::Item>(items.data() + offsets[b], offsets[b + 1] - offsets[b]));
  }
  out.customer = std::move(customers);
  return out;
}

std::int64_t multi_item_baskets(const BasketData& data) {
  std::int64_t n = 0;
  for (std::size_t b = 0; b < data.baskets.size(); ++b) n += data.baskets[b].size() >= 2 ? 1 : 0;
  return n;
}

std::vector<ProductName> product_names(Session& s, const std::vector<std::string>& skus) {
  std::vector<ProductName> out;
  std::unordered_set<std::string> seen;
  for (const auto& sku : skus) {
    if (!seen.insert(sku).second) continue;
    if (auto p = s.store().products().by_sku(sku)) out.push_back({p->sku, p->name, p->category});
  }
  return out;
}

}  // namespace kunde::crm
