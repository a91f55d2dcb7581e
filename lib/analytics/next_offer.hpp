// Next best offer: the items to offer one customer, from association rules whose antecedent
// the customer already has and whose consequent they do not.
//
// Ranking: each item is ranked by its best applicable rule, best meaning the highest
// confidence, then the highest lift, then the highest support (count), then the shorter
// antecedent, then the rule's position in the list given. Items whose best rules tie on all
// of confidence, lift and support come in ascending item id.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "analytics/association_rules.hpp"

namespace kunde::analytics {

struct Offer {
  Item item = 0;
  std::size_t rule = 0;  // index into the rules given: the best rule recommending the item
};

// Built once from a rule list and asked for many customers. Holds its own copy of what it
// needs, so the rules may go away; Offer::rule still counts positions in that list.
class OfferIndex {
 public:
  explicit OfferIndex(std::span<const Rule> rules);

  // The top `top_n` offers for a customer who has `owned` (any order, repeats allowed).
  std::vector<Offer> offers(std::span<const Item> owned, std::size_t top_n) const;

 private:
  struct Entry {
    std::size_t rule;
    Item consequent;
    std::size_t first, last;  // antecedent items in antecedents_
  };
  std::vector<Entry> entries_;  // in ranking order
  std::vector<Item> antecedents_;
  // Positions in entries_ (ascending) filed under one item of their antecedent, so a
  // customer's candidates are the rules of the items they own; rules without antecedent
  // are in always_.
  std::vector<std::vector<std::uint32_t>> by_item_;
  std::vector<std::uint32_t> always_;
  Item item_bound_ = 0;  // one past the largest item id in any rule
};

// One customer's offers, for a single use of the rules.
std::vector<Offer> next_best_offers(std::span<const Rule> rules, std::span<const Item> owned, std::size_t top_n);

}  // namespace kunde::analytics
