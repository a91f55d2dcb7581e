// Frequent itemsets by FP-growth (Han, Pei & Yin 2000): baskets are compressed into a prefix
// tree once and mined by recursive conditional trees, so no candidate sets are generated and
// the data is read twice however long the itemsets get.
//
// Items are dense ints 0..item_count-1 (the caller maps products or categories to them). A
// basket counts each item once however often it is listed; empty baskets count as baskets.
// Support of an itemset = baskets holding all its items / all baskets, the definition of
// R arules.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace kunde::analytics {

using Item = std::int32_t;

// Baskets (transactions) in one flat array: cheap to build for hundreds of thousands of them.
class Baskets {
 public:
  explicit Baskets(Item item_count);
  // Appends one basket; items may repeat and come in any order. Throws kunde::Error for an
  // item outside 0..item_count-1.
  void add(std::span<const Item> items);
  void add(std::initializer_list<Item> items) { add(std::span<const Item>(items.begin(), items.size())); }

  std::size_t size() const { return offsets_.size() - 1; }
  Item item_count() const { return item_count_; }
  // The items of basket `b` as added.
  std::span<const Item> operator[](std::size_t b) const {
    return {items_.data() + offsets_[b], offsets_[b + 1] - offsets_[b]};
  }

 private:
  Item item_count_;
  std::vector<Item> items_;
  std::vector<std::size_t> offsets_{0};
};

struct ItemsetOptions {
  // Fraction of all baskets, 0..1: an itemset is frequent when it occurs in at least
  // ceil(min_support x baskets) of them (at least one).
  double min_support = 0.01;
  // Most items in one itemset (R arules' maxlen, default 10 there too).
  int max_len = 10;
  // Mining stops with a kunde::Error beyond this many frequent itemsets: a support too low
  // for the data makes their number explode, and this keeps time and memory bounded
  // (about 16 bytes per itemset).
  std::size_t max_itemsets = 2'000'000;
};

// The frequent itemsets, held as a prefix tree (each itemset once, with its basket count).
class FrequentItemsets {
 public:
  std::size_t baskets() const { return baskets_; }
  // The smallest basket count of a frequent itemset.
  std::int64_t min_count() const { return min_count_; }
  // Number of frequent itemsets, the empty set not counted.
  std::size_t size() const { return nodes_.size() - 1; }

  // Baskets holding every item of `items` (distinct items, any order): the basket count
  // for the empty set, 0 when the itemset is not frequent.
  std::int64_t count(std::span<const Item> items) const;
  // Baskets holding `item`, frequent or not.
  std::int64_t item_count(Item item) const { return item_counts_[static_cast<std::size_t>(item)]; }

  // Calls `each` for every frequent itemset with its items in ascending order and its count,
  // shorter itemsets not necessarily first.
  void for_each(const std::function<void(std::span<const Item> items, std::int64_t count)>& each) const;

 private:
  friend FrequentItemsets frequent_itemsets(const Baskets&, const ItemsetOptions&);
  friend class RuleMiner;

  // A prefix tree over items ordered by rank (0 = the most frequent item): a node's
  // children are the ranks below its own, stored contiguously in ascending order.
  struct Node {
    std::uint32_t rank;
    std::uint32_t count;
    std::uint32_t first_child;
    std::uint32_t child_count;
  };
  // The node for a path of ranks in descending order, or -1.
  std::int64_t find(std::span<const std::uint32_t> ranks_descending) const;

  std::size_t baskets_ = 0;
  std::int64_t min_count_ = 1;
  std::vector<Node> nodes_;                 // [0] is the empty set
  std::vector<Item> item_of_rank_;          // the frequent items, most frequent first
  std::vector<std::int64_t> rank_of_item_;  // -1 for an infrequent item
  std::vector<std::int64_t> item_counts_;
};

// Mines the frequent itemsets. Throws kunde::UsageError for a support outside 0..1 or a
// max_len below 1, and kunde::Error when more than max_itemsets are frequent.
FrequentItemsets frequent_itemsets(const Baskets& baskets, const ItemsetOptions& options);

}  // namespace kunde::analytics
