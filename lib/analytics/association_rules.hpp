// Association rules over baskets, as R arules' apriori defines them: one item on the
// right-hand side, thresholds on the support of the whole rule, confidence and lift.
//
//   support    = baskets holding antecedent and consequent / all baskets
//   confidence = baskets holding antecedent and consequent / baskets holding the antecedent
//   lift       = confidence / (baskets holding the consequent / all baskets)
//
// Thresholds are inclusive. Output order (exact, computed from the counts, not from rounded
// ratios): lift descending, then confidence descending, then support descending, then the
// shorter antecedent, then the antecedent's item ids compared in ascending order, then the
// consequent's id. Ties between items thus follow the caller's numbering.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "analytics/fp_growth.hpp"

namespace kunde::analytics {

struct RuleOptions {
  double min_support = 0.01;    // of the whole rule, fraction 0..1
  double min_confidence = 0.5;  // 0..1
  double min_lift = 0.0;        // 0 keeps every rule
  // Items on both sides together: 2 (the default) asks for a non-empty antecedent; 1 adds
  // rules {} => {item} (confidence = the item's support, lift 1), as arules' minlen 1 does.
  int min_len = 2;
  int max_len = 10;
  std::size_t max_itemsets = 2'000'000;  // see ItemsetOptions
  // Beyond this many rules (about 100 bytes each) mining stops with a kunde::Error.
  std::size_t max_rules = 500'000;
};

struct Rule {
  std::vector<Item> antecedent;  // ascending item ids
  Item consequent = 0;
  std::int64_t count = 0;             // baskets holding antecedent and consequent
  std::int64_t antecedent_count = 0;  // baskets holding the antecedent (all baskets for {})
  std::int64_t consequent_count = 0;  // baskets holding the consequent
  double support = 0;
  double confidence = 0;
  double lift = 0;
};

// Mines the rules in the order described above. Throws kunde::UsageError for thresholds out
// of range, kunde::Error when the itemsets or rules exceed their caps.
std::vector<Rule> mine_rules(const Baskets& baskets, const RuleOptions& options);

// The rules of itemsets mined before (with at least options.min_support; max_len and
// max_itemsets of `options` are not used here).
std::vector<Rule> rules_from_itemsets(const FrequentItemsets& itemsets, const RuleOptions& options);

// True when `a` comes before `b` in the output order (rules of the same baskets).
bool rule_before(const Rule& a, const Rule& b);

}  // namespace kunde::analytics
