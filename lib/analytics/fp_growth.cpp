// FP-growth over flat arrays. Items are renumbered by rank (0 = most frequent), so every path
// from the root of a tree runs through ascending ranks and a conditional tree of rank r only
// holds ranks below r. The recursion therefore meets each frequent itemset once, as ranks in
// descending order, and its call tree is itself the prefix tree of the result.
#include "analytics/fp_growth.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "error.hpp"

namespace kunde::analytics {

Baskets::Baskets(Item item_count) : item_count_(item_count) {
  if (item_count < 0) throw Error("a negative number of items", "");
}

void Baskets::add(std::span<const Item> items) {
  for (Item i : items) {
    if (i < 0 || i >= item_count_) {
      throw Error(fmt::format("item {} is outside 0..{}", i, item_count_ - 1),
                  "items must be numbered densely from 0");
    }
  }
  items_.insert(items_.end(), items.begin(), items.end());
  offsets_.push_back(items_.size());
}

std::int64_t FrequentItemsets::find(std::span<const std::uint32_t> ranks_descending) const {
  std::uint32_t node = 0;
  for (std::uint32_t r : ranks_descending) {
    const Node& n = nodes_[node];
    auto first = nodes_.begin() + n.first_child;
    auto last = first + n.child_count;
    auto it = std::lower_bound(first, last, r, [](const Node& a, std::uint32_t b) { return a.rank < b; });
    if (it == last || it->rank != r) return -1;
    node = static_cast<std::uint32_t>(it - nodes_.begin());
  }
  return node;
}

std::int64_t FrequentItemsets::count(std::span<const Item> items) const {
  if (items.empty()) return static_cast<std::int64_t>(baskets_);
  std::vector<std::uint32_t> ranks;
  ranks.reserve(items.size());
  for (Item i : items) {
    if (i < 0 || static_cast<std::size_t>(i) >= rank_of_item_.size() || rank_of_item_[i] < 0) return 0;
    ranks.push_back(static_cast<std::uint32_t>(rank_of_item_[i]));
  }
  std::sort(ranks.begin(), ranks.end(), std::greater<>());
  std::int64_t node = find(ranks);
  return node < 0 ? 0 : nodes_[node].count;
}

void FrequentItemsets::for_each(
    const std::function<void(std::span<const Item>, std::int64_t)>& each) const {
  std::vector<Item> path;
  std::vector<Item> sorted;
  auto visit = [&](auto& self, std::uint32_t node) -> void {
    const Node& n = nodes_[node];
    for (std::uint32_t c = n.first_child; c < n.first_child + n.child_count; ++c) {
      path.push_back(item_of_rank_[nodes_[c].rank]);
      sorted = path;
      std::sort(sorted.begin(), sorted.end());
      each(sorted, nodes_[c].count);
      self(self, c);
      path.pop_back();
    }
  };
  visit(visit, 0);
}

namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// One FP-tree as parallel arrays; node 0 is the root. Kept between uses so the many small
// conditional trees reuse their memory.
struct FpTree {
  std::vector<std::uint32_t> rank, count, parent, next, first_child, sibling;
  std::vector<std::uint32_t> head;        // per rank: a node holding it, the rest via next
  std::vector<std::uint32_t> total;       // per rank: its count in this tree
  std::vector<std::uint32_t> root_child;  // per rank: the root's child holding it
  std::vector<std::uint32_t> ranks;       // the ranks present, in order of appearance

  void reset(std::size_t rank_count) {
    for (std::uint32_t r : ranks) {
      head[r] = kNone;
      total[r] = 0;
      root_child[r] = kNone;
    }
    ranks.clear();
    if (head.size() < rank_count) {
      head.resize(rank_count, kNone);
      total.resize(rank_count, 0);
      root_child.resize(rank_count, kNone);
    }
    rank.assign(1, kNone);
    count.assign(1, 0);
    parent.assign(1, kNone);
    next.assign(1, kNone);
    first_child.assign(1, kNone);
    sibling.assign(1, kNone);
  }

  std::uint32_t new_node(std::uint32_t r, std::uint32_t up) {
    auto n = static_cast<std::uint32_t>(rank.size());
    rank.push_back(r);
    count.push_back(0);
    parent.push_back(up);
    first_child.push_back(kNone);
    if (up == 0) {
      root_child[r] = n;
      sibling.push_back(kNone);
    } else {
      sibling.push_back(first_child[up]);
      first_child[up] = n;
    }
    if (head[r] == kNone) ranks.push_back(r);
    next.push_back(head[r]);
    head[r] = n;
    return n;
  }

  // Adds a path of ascending ranks `c` times.
  void insert(std::span<const std::uint32_t> path, std::uint32_t c) {
    std::uint32_t node = 0;
    for (std::uint32_t r : path) {
      std::uint32_t child;
      if (node == 0) {
        child = root_child[r];
      } else {
        child = first_child[node];
        while (child != kNone && rank[child] != r) child = sibling[child];
      }
      if (child == kNone) child = new_node(r, node);
      count[child] += c;
      total[r] += c;
      node = child;
    }
  }
};

class Miner {
 public:
  Miner(std::size_t rank_count, std::uint32_t min_count, int max_len, std::size_t max_itemsets,
        double min_support)
      : rank_count_(rank_count),
        min_count_(min_count),
        max_len_(max_len),
        max_itemsets_(max_itemsets),
        min_support_(min_support),
        trees_(static_cast<std::size_t>(max_len)),
        items_(static_cast<std::size_t>(max_len)),
        cond_count_(rank_count, 0) {}

  FpTree& tree(int depth) { return trees_[static_cast<std::size_t>(depth)]; }

  // Records the itemsets of `t` (the conditional tree of the prefix at trie node `node`,
  // `depth` items long) as children of `node`, then mines each one's conditional tree.
  template <class Nodes>
  void mine(Nodes& nodes, int depth, std::uint32_t node) {
    FpTree& t = trees_[static_cast<std::size_t>(depth)];
    auto& items = items_[static_cast<std::size_t>(depth)];
    items = t.ranks;
    std::sort(items.begin(), items.end());
    if (items.empty()) return;
    std::size_t first = nodes.size();
    if (first - 1 + items.size() > max_itemsets_) {
      throw Error(fmt::format("more than {} frequent itemsets at a minimum support of {}",
                              max_itemsets_, min_support_),
                  "raise the minimum support (--min-support) or lower the longest itemset (--max-len)");
    }
    nodes[node].first_child = static_cast<std::uint32_t>(first);
    nodes[node].child_count = static_cast<std::uint32_t>(items.size());
    for (std::uint32_t r : items) nodes.push_back({r, t.total[r], 0, 0});
    if (depth + 1 >= max_len_) return;
    for (std::size_t k = 0; k < items.size(); ++k) {
      if (build_conditional(t, items[k], trees_[static_cast<std::size_t>(depth) + 1])) {
        mine(nodes, depth + 1, static_cast<std::uint32_t>(first + k));
      }
    }
  }

 private:
  // Builds the tree of the baskets holding rank `r` in `t`, reduced to the ranks frequent
  // among them; false when there are none.
  bool build_conditional(const FpTree& t, std::uint32_t r, FpTree& out) {
    touched_.clear();
    for (std::uint32_t n = t.head[r]; n != kNone; n = t.next[n]) {
      std::uint32_t c = t.count[n];
      for (std::uint32_t a = t.parent[n]; a != 0; a = t.parent[a]) {
        std::uint32_t ar = t.rank[a];
        if (cond_count_[ar] == 0) touched_.push_back(ar);
        cond_count_[ar] += c;
      }
    }
    bool any = false;
    for (std::uint32_t ar : touched_) any = any || cond_count_[ar] >= min_count_;
    if (any) {
      out.reset(rank_count_);
      for (std::uint32_t n = t.head[r]; n != kNone; n = t.next[n]) {
        path_.clear();
        for (std::uint32_t a = t.parent[n]; a != 0; a = t.parent[a]) {
          if (cond_count_[t.rank[a]] >= min_count_) path_.push_back(t.rank[a]);
        }
        if (path_.empty()) continue;
        std::reverse(path_.begin(), path_.end());
        out.insert(path_, t.count[n]);
      }
    }
    for (std::uint32_t ar : touched_) cond_count_[ar] = 0;
    return any;
  }

  std::size_t rank_count_;
  std::uint32_t min_count_;
  int max_len_;
  std::size_t max_itemsets_;
  double min_support_;
  std::vector<FpTree> trees_;                      // one per depth
  std::vector<std::vector<std::uint32_t>> items_;  // one per depth
  std::vector<std::uint32_t> cond_count_;
  std::vector<std::uint32_t> touched_;
  std::vector<std::uint32_t> path_;
};

}  // namespace

FrequentItemsets frequent_itemsets(const Baskets& baskets, const ItemsetOptions& options) {
  if (!(options.min_support >= 0.0 && options.min_support <= 1.0)) {
    throw UsageError(fmt::format("the minimum support must be a fraction from 0 to 1, not {}",
                                 options.min_support),
                     "e.g. 0.01 for itemsets in at least 1 % of the baskets");
  }
  if (options.max_len < 1) {
    throw UsageError(fmt::format("the longest itemset must have at least 1 item, not {}", options.max_len), "");
  }
  if (baskets.size() >= kNone) {
    throw Error(fmt::format("{} baskets are more than association rules can count", baskets.size()), "");
  }

  FrequentItemsets result;
  const std::size_t n_items = static_cast<std::size_t>(baskets.item_count());
  result.baskets_ = baskets.size();
  // The relative slack absorbs rounding in the product (0.01 x 300 is 3.0000000000000004).
  double need = options.min_support * static_cast<double>(baskets.size());
  result.min_count_ = std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(need * (1 - 1e-12))));

  // Pass 1: how many baskets hold each item (a stamp per item counts repeats once).
  result.item_counts_.assign(n_items, 0);
  std::vector<std::size_t> stamp(n_items, kNone);
  for (std::size_t b = 0; b < baskets.size(); ++b) {
    for (Item i : baskets[b]) {
      if (stamp[i] != b) {
        stamp[i] = b;
        ++result.item_counts_[i];
      }
    }
  }
  for (std::size_t i = 0; i < n_items; ++i) {
    if (result.item_counts_[i] >= result.min_count_) result.item_of_rank_.push_back(static_cast<Item>(i));
  }
  std::sort(result.item_of_rank_.begin(), result.item_of_rank_.end(), [&](Item a, Item b) {
    if (result.item_counts_[a] != result.item_counts_[b]) return result.item_counts_[a] > result.item_counts_[b];
    return a < b;
  });
  result.rank_of_item_.assign(n_items, -1);
  for (std::size_t r = 0; r < result.item_of_rank_.size(); ++r) result.rank_of_item_[result.item_of_rank_[r]] = static_cast<std::int64_t>(r);

  const std::size_t rank_count = result.item_of_rank_.size();
  // No itemset is longer than the number of frequent items.
  int max_len = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(options.max_len),
                                                       std::max<std::size_t>(rank_count, 1)));
  Miner miner(rank_count, static_cast<std::uint32_t>(result.min_count_), max_len, options.max_itemsets,
              options.min_support);

  // Pass 2: the baskets as ascending ranks of their frequent items, sorted, into the tree.
  // In sorted order a basket shares its prefix with the one before and the rest of it is
  // new to the tree, so no node has to search its children.
  std::vector<std::uint32_t> ranks;
  std::vector<std::size_t> offsets{0};
  std::fill(stamp.begin(), stamp.end(), kNone);
  for (std::size_t b = 0; b < baskets.size(); ++b) {
    for (Item i : baskets[b]) {
      if (result.rank_of_item_[i] >= 0 && stamp[i] != b) {
        stamp[i] = b;
        ranks.push_back(static_cast<std::uint32_t>(result.rank_of_item_[i]));
      }
    }
    std::sort(ranks.begin() + static_cast<std::ptrdiff_t>(offsets.back()), ranks.end());
    if (ranks.size() > offsets.back()) offsets.push_back(ranks.size());
  }
  auto path = [&](std::size_t k) {
    return std::span<const std::uint32_t>(ranks.data() + offsets[k], offsets[k + 1] - offsets[k]);
  };
  std::vector<std::uint32_t> order(offsets.size() - 1);
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = static_cast<std::uint32_t>(k);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    auto pa = path(a), pb = path(b);
    return std::lexicographical_compare(pa.begin(), pa.end(), pb.begin(), pb.end());
  });
  FpTree& tree = miner.tree(0);
  tree.reset(rank_count);
  std::vector<std::uint32_t> previous;  // the nodes of the previous path
  std::span<const std::uint32_t> previous_path;
  for (std::uint32_t k : order) {
    auto p = path(k);
    std::size_t common = 0;
    while (common < p.size() && common < previous_path.size() && p[common] == previous_path[common]) ++common;
    previous.resize(common);
    for (std::size_t d = 0; d < p.size(); ++d) {
      if (d >= common) previous.push_back(tree.new_node(p[d], d == 0 ? 0 : previous[d - 1]));
      ++tree.count[previous[d]];
      ++tree.total[p[d]];
    }
    previous_path = p;
  }

  result.nodes_.push_back({kNone, static_cast<std::uint32_t>(baskets.size()), 0, 0});
  miner.mine(result.nodes_, 0, 0);
  return result;
}

}  // namespace kunde::analytics
