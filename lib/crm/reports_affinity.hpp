// `report affinity`: association rules (support, confidence, lift) over baskets of orders or
// of customers, on category or product level (kunde-report(1), AFFINITY).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analytics/association_rules.hpp"
#include "crm/reports_baskets.hpp"

namespace kunde::crm {

struct AffinityRequest {
  ReportScope scope;
  BasketBy by = BasketBy::order;
  ItemLevel level = ItemLevel::category;
  double min_support = 0.01;
  double min_confidence = 0.5;
  double min_lift = 0;
  int min_len = 2;
  int max_len = 4;
};

// The request's thresholds as analytics::RuleOptions.
analytics::RuleOptions rule_options(const AffinityRequest& request);

struct AffinityRule {
  std::vector<std::string> antecedent;  // labels, ascending
  std::string consequent;
  std::int64_t count = 0, antecedent_count = 0, consequent_count = 0;
  double support = 0, confidence = 0, lift = 0;
};

struct AffinityReport {
  AffinityRequest request;
  std::int64_t baskets = 0, items = 0, lines = 0;
  std::int64_t multi_item = 0;  // baskets with two items or more
  std::vector<AffinityRule> rules;  // by lift, confidence, support (analytics::rule_before)
};

// Throws kunde::UsageError for thresholds out of range (support and confidence 0..1, lift
// >= 0, 1 <= min_len <= max_len).
AffinityReport affinity_report(Session& s, const AffinityRequest& request);

}  // namespace kunde::crm
