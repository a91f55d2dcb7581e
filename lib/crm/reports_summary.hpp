// `report summary`: the one-screen overview for a cron mail: how many customers there are,
// are active, new, at risk and gone, and revenue, margin and orders this period against the
// one before (kunde-report(1), SUMMARY).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "crm/reports_churn.hpp"

namespace kunde::crm {

struct SummaryRequest {
  ReportScope scope;
  std::string period = "month";  // day, week, month, quarter, year
  ChurnRequest churn;            // how at-risk and churned customers are found (its scope is this one's)
};

// One period's figures; money in minor units.
struct PeriodFigures {
  std::string first, last;  // the days it covers
  std::int64_t orders = 0, buyers = 0, new_customers = 0, revenue = 0, cost = 0, margin = 0;
};

struct SummaryReport {
  SummaryRequest request;
  std::int64_t customers = 0;  // on file: created on or before the as-of day, or without a date
  std::int64_t buyers = 0;     // with an order up to the as-of day
  std::int64_t active = 0, at_risk = 0, churned = 0;
  std::int64_t value_at_stake = 0;
  std::optional<std::string> fit_error;
  std::string model_name;
  PeriodFigures current, previous;
  std::int64_t revenue = 0, margin = 0, orders = 0;  // everything up to the as-of day
  std::int64_t revenue_with_cost = 0;                // of that revenue, the part whose cost is known
};

// The first day of the period of this length that ends on `last` ("month": the day after
// the same day a month before). Throws kunde::UsageError for an unknown period.
std::string period_start(const std::string& last, const std::string& period);

SummaryReport summary_report(Session& s, const SummaryRequest& request);

}  // namespace kunde::crm
