// Rules from the prefix tree of frequent itemsets: every itemset yields one candidate rule per
// item, whose antecedent (the itemset without that item) is frequent too and found in the
// same tree.
#include "analytics/association_rules.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "error.hpp"

namespace kunde::analytics {

namespace {

void check(const RuleOptions& o) {
  if (!(o.min_confidence >= 0.0 && o.min_confidence <= 1.0)) {
    throw UsageError(fmt::format("the minimum confidence must be a fraction from 0 to 1, not {}", o.min_confidence),
                     "e.g. 0.25 for rules right in at least a quarter of the baskets they apply to");
  }
  if (!(o.min_lift >= 0.0) || std::isinf(o.min_lift)) {
    throw UsageError(fmt::format("the minimum lift must be 0 or more, not {}", o.min_lift),
                     "1 keeps the rules whose items go together more often than by chance");
  }
  if (o.min_len < 1) {
    throw UsageError(fmt::format("a rule has at least 1 item, not {}", o.min_len), "");
  }
}

}  // namespace

// Walks the prefix tree (a friend of FrequentItemsets, hence not in the anonymous namespace).
class RuleMiner {
 public:
  RuleMiner(const FrequentItemsets& sets, const RuleOptions& options) : sets_(sets), options_(options) {
    double need = options.min_support * static_cast<double>(sets.baskets());
    min_count_ = std::max<std::int64_t>(sets.min_count(),
                                        static_cast<std::int64_t>(std::ceil(need * (1 - 1e-12))));
  }

  std::vector<Rule> run() {
    visit(0);
    std::sort(rules_.begin(), rules_.end(), rule_before);
    return std::move(rules_);
  }

 private:
  void visit(std::uint32_t node) {
    const auto& nodes = sets_.nodes_;
    const auto& parent = nodes[node];
    for (std::uint32_t c = parent.first_child; c < parent.first_child + parent.child_count; ++c) {
      if (nodes[c].count < min_count_) continue;  // nor will any longer itemset through it be
      ranks_.push_back(nodes[c].rank);
      counts_.push_back(nodes[c].count);
      if (static_cast<int>(ranks_.size()) >= options_.min_len) rules_of_path();
      visit(c);
      ranks_.pop_back();
      counts_.pop_back();
    }
  }

  // The rules of the itemset ranks_ (descending ranks), one per consequent.
  void rules_of_path() {
    const std::size_t k = ranks_.size();
    const auto n = static_cast<std::int64_t>(sets_.baskets());
    const std::int64_t count = counts_.back();
    for (std::size_t j = 0; j < k; ++j) {
      std::int64_t antecedent_count;
      if (k == 1) {
        antecedent_count = n;
      } else if (j == k - 1) {
        antecedent_count = counts_[k - 2];  // the parent itemset
      } else {
        rest_.assign(ranks_.begin(), ranks_.end());
        rest_.erase(rest_.begin() + static_cast<std::ptrdiff_t>(j));
        antecedent_count = sets_.nodes_[static_cast<std::size_t>(sets_.find(rest_))].count;
      }
      double confidence = static_cast<double>(count) / static_cast<double>(antecedent_count);
      if (confidence < options_.min_confidence) continue;
      Item consequent = sets_.item_of_rank_[ranks_[j]];
      std::int64_t consequent_count = sets_.item_count(consequent);
      double lift = static_cast<double>(count) * static_cast<double>(n) /
                    (static_cast<double>(antecedent_count) * static_cast<double>(consequent_count));
      if (lift < options_.min_lift) continue;
      if (rules_.size() >= options_.max_rules) {
        throw Error(fmt::format("more than {} association rules", options_.max_rules),
                    "raise the minimum support (--min-support) or confidence (--min-confidence)");
      }
      Rule& rule = rules_.emplace_back();
      for (std::size_t i = 0; i < k; ++i) {
        if (i != j) rule.antecedent.push_back(sets_.item_of_rank_[ranks_[i]]);
      }
      std::sort(rule.antecedent.begin(), rule.antecedent.end());
      rule.consequent = consequent;
      rule.count = count;
      rule.antecedent_count = antecedent_count;
      rule.consequent_count = consequent_count;
      rule.support = static_cast<double>(count) / static_cast<double>(n);
      rule.confidence = confidence;
      rule.lift = lift;
    }
  }

  const FrequentItemsets& sets_;
  const RuleOptions& options_;
  std::int64_t min_count_ = 1;
  std::vector<std::uint32_t> ranks_;
  std::vector<std::int64_t> counts_;
  std::vector<std::uint32_t> rest_;
  std::vector<Rule> rules_;
};

bool rule_before(const Rule& a, const Rule& b) {
  using Wide = __int128;
  // lift_a > lift_b  <=>  count_a x A_b x C_b > count_b x A_a x C_a  (same number of baskets)
  Wide lift_a = Wide{a.count} * b.antecedent_count * b.consequent_count;
  Wide lift_b = Wide{b.count} * a.antecedent_count * a.consequent_count;
  if (lift_a != lift_b) return lift_a > lift_b;
  Wide conf_a = Wide{a.count} * b.antecedent_count;
  Wide conf_b = Wide{b.count} * a.antecedent_count;
  if (conf_a != conf_b) return conf_a > conf_b;
  if (a.count != b.count) return a.count > b.count;
  if (a.antecedent.size() != b.antecedent.size()) return a.antecedent.size() < b.antecedent.size();
  if (a.antecedent != b.antecedent) return a.antecedent < b.antecedent;
  return a.consequent < b.consequent;
}

std::vector<Rule> rules_from_itemsets(const FrequentItemsets& itemsets, const RuleOptions& options) {
  check(options);
  return RuleMiner(itemsets, options).run();
}

std::vector<Rule> mine_rules(const Baskets& baskets, const RuleOptions& options) {
  check(options);
  ItemsetOptions io;
  io.min_support = options.min_support;
  io.max_len = options.max_len;
  io.max_itemsets = options.max_itemsets;
  FrequentItemsets itemsets = frequent_itemsets(baskets, io);
  return RuleMiner(itemsets, options).run();
}

}  // namespace kunde::analytics
