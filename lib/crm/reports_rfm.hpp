// `report rfm`: recency, frequency and monetary scores by quintiles, a segment per customer
// from the configured table, the segments' totals and the cut points (kunde-report(1), RFM).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "analytics/rfm.hpp"
#include "crm/reports.hpp"

namespace kunde::crm {

struct RfmRow {
  std::int64_t id = 0;
  std::string number, name;
  std::string last_order;  // YYYY-MM-DD
  analytics::RfmScore score;
  std::string segment;     // empty when no rule matches
};

struct RfmReport {
  ReportScope scope;
  std::vector<analytics::SegmentRule> segments;
  std::vector<RfmRow> rows;  // by customer id
  std::vector<analytics::SegmentTotals> totals;
  std::array<analytics::ScoreBand, 5> recency, frequency, monetary;
  // [r - 1][f - 1]: customers with those scores, and their revenue.
  std::array<std::array<std::int64_t, 5>, 5> grid{}, grid_revenue{};
  std::int64_t orders = 0, revenue = 0;
  bool saved = false;
};

// Customers with orders up to the as-of day. `save`: store the scores.
RfmReport rfm_report(Session& s, const ReportScope& scope, bool save);

}  // namespace kunde::crm
