// The rules are sorted once into the ranking order; a customer's offers are then the first
// applicable rule of each consequent, read from the top until enough items are found. Only
// the rules filed under an item the customer owns are read.
#include "analytics/next_offer.hpp"

#include <algorithm>
#include <functional>
#include <numeric>

namespace kunde::analytics {

OfferIndex::OfferIndex(std::span<const Rule> rules) {
  std::vector<std::size_t> order(rules.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t ia, std::size_t ib) {
    const Rule& a = rules[ia];
    const Rule& b = rules[ib];
    using Wide = __int128;
    Wide conf_a = Wide{a.count} * b.antecedent_count;
    Wide conf_b = Wide{b.count} * a.antecedent_count;
    if (conf_a != conf_b) return conf_a > conf_b;
    // Lifts with the same number of baskets: count / (A x C) compared crosswise.
    Wide lift_a = Wide{a.count} * b.antecedent_count * b.consequent_count;
    Wide lift_b = Wide{b.count} * a.antecedent_count * a.consequent_count;
    if (lift_a != lift_b) return lift_a > lift_b;
    if (a.count != b.count) return a.count > b.count;
    if (a.consequent != b.consequent) return a.consequent < b.consequent;
    if (a.antecedent.size() != b.antecedent.size()) return a.antecedent.size() < b.antecedent.size();
    return ia < ib;
  });
  entries_.reserve(rules.size());
  for (std::size_t i : order) {
    const Rule& r = rules[i];
    std::size_t first = antecedents_.size();
    antecedents_.insert(antecedents_.end(), r.antecedent.begin(), r.antecedent.end());
    entries_.push_back({i, r.consequent, first, antecedents_.size()});
    item_bound_ = std::max(item_bound_, r.consequent + 1);
    for (Item a : r.antecedent) item_bound_ = std::max(item_bound_, a + 1);
  }
  // Each rule is filed under the antecedent item that fewest rules have in theirs: a rare
  // item, owned by few customers, so most customers read few rules.
  std::vector<std::size_t> uses(static_cast<std::size_t>(item_bound_), 0);
  for (Item a : antecedents_) ++uses[static_cast<std::size_t>(a)];
  by_item_.resize(static_cast<std::size_t>(item_bound_));
  for (std::size_t k = 0; k < entries_.size(); ++k) {
    const Entry& e = entries_[k];
    if (e.first == e.last) {
      always_.push_back(static_cast<std::uint32_t>(k));
      continue;
    }
    Item file = antecedents_[e.first];
    for (std::size_t j = e.first + 1; j < e.last; ++j) {
      if (uses[static_cast<std::size_t>(antecedents_[j])] < uses[static_cast<std::size_t>(file)]) file = antecedents_[j];
    }
    by_item_[static_cast<std::size_t>(file)].push_back(static_cast<std::uint32_t>(k));
  }
}

std::vector<Offer> OfferIndex::offers(std::span<const Item> owned, std::size_t top_n) const {
  std::vector<Offer> out;
  if (top_n == 0) return out;
  // 1 = owned, 2 = already offered; items beyond every rule cannot matter.
  std::vector<unsigned char> mark(static_cast<std::size_t>(item_bound_), 0);
  // The lists of rules to read, merged in ranking order by a heap of (next position, list).
  std::vector<std::span<const std::uint32_t>> lists;
  if (!always_.empty()) lists.emplace_back(always_);
  for (Item i : owned) {
    if (i >= 0 && i < item_bound_ && mark[static_cast<std::size_t>(i)] == 0) {
      mark[static_cast<std::size_t>(i)] = 1;
      const auto& list = by_item_[static_cast<std::size_t>(i)];
      if (!list.empty()) lists.emplace_back(list);
    }
  }
  using Head = std::pair<std::uint32_t, std::size_t>;
  std::vector<Head> heap;
  for (std::size_t l = 0; l < lists.size(); ++l) heap.emplace_back(lists[l].front(), l);
  std::make_heap(heap.begin(), heap.end(), std::greater<>());
  std::vector<std::size_t> cursor(lists.size(), 0);
  while (!heap.empty() && out.size() < top_n) {
    std::pop_heap(heap.begin(), heap.end(), std::greater<>());
    auto [k, l] = heap.back();
    heap.pop_back();
    if (++cursor[l] < lists[l].size()) {
      heap.emplace_back(lists[l][cursor[l]], l);
      std::push_heap(heap.begin(), heap.end(), std::greater<>());
    }
    const Entry& e = entries_[k];
    if (mark[static_cast<std::size_t>(e.consequent)] != 0) continue;
    bool applies = true;
    for (std::size_t j = e.first; j < e.last && applies; ++j) {
      applies = mark[static_cast<std::size_t>(antecedents_[j])] == 1;
    }
    if (!applies) continue;
    out.push_back({e.consequent, e.rule});
    mark[static_cast<std::size_t>(e.consequent)] = 2;
  }
  return out;
}

std::vector<Offer> next_best_offers(std::span<const Rule> rules, std::span<const Item> owned, std::size_t top_n) {
  return OfferIndex(rules).offers(owned, top_n);
}

}  // namespace kunde::analytics
