// The affinity report: baskets from the store, rules by FP-growth, items named again.
#include "crm/reports_affinity.hpp"

#include <fmt/format.h>

#include "error.hpp"

namespace kunde::crm {

analytics::RuleOptions rule_options(const AffinityRequest& request) {
  if (!(request.min_support > 0 && request.min_support <= 1)) {
    throw UsageError(fmt::format("--min-support {} is outside 0..1", request.min_support),
                     "give a fraction of the baskets, such as 0.01");
  }
  if (!(request.min_confidence >= 0 && request.min_confidence <= 1)) {
    throw UsageError(fmt::format("--min-confidence {} is outside 0..1", request.min_confidence),
                     "give a fraction, such as 0.5");
  }
  if (!(request.min_lift >= 0)) {
    throw UsageError(fmt::format("--min-lift {} is negative", request.min_lift), "give 0 or more, such as 1.5");
  }
  if (request.min_len < 1 || request.max_len < request.min_len || request.max_len > 10) {
    throw UsageError(fmt::format("--max-len {} is outside {}..10", request.max_len, request.min_len),
                     "a rule has 2 items or more, such as --max-len 3");
  }
  analytics::RuleOptions o;
  o.min_support = request.min_support;
  o.min_confidence = request.min_confidence;
  o.min_lift = request.min_lift;
  o.min_len = request.min_len;
  o.max_len = request.max_len;
  return o;
}

AffinityReport affinity_report(Session& s, const AffinityRequest& request) {
  analytics::RuleOptions options = rule_options(request);
  AffinityReport r;
  r.request = request;
  BasketData data = read_baskets(s, request.scope, request.level, request.by);
  r.baskets = static_cast<std::int64_t>(data.baskets.size());
  r.items = static_cast<std::int64_t>(data.labels.size());
  r.multi_item = multi_item_baskets(data);
  r.lines = data.lines;
  if (data.baskets.size() == 0) return r;
  for (const auto& rule : analytics::mine_rules(data.baskets, options)) {
    AffinityRule a;
    for (auto i : rule.antecedent) a.antecedent.push_back(data.labels[static_cast<std::size_t>(i)]);
    a.consequent = data.labels[static_cast<std::size_t>(rule.consequent)];
    a.count = rule.count;
    a.antecedent_count = rule.antecedent_count;
    a.consequent_count = rule.consequent_count;
    a.support = rule.support;
    a.confidence = rule.confidence;
    a.lift = rule.lift;
    r.rules.push_back(std::move(a));
  }
  return r;
}

}  // namespace kunde::crm
