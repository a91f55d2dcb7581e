// `report cohort`: customers grouped by the month of their first order, how many of each
// cohort order again in each later month, and what each cohort spends (kunde-report(1),
// COHORT).
#pragma once

#include <cstdint>
#include <string>

#include "analytics/cohort.hpp"
#include "crm/reports.hpp"

namespace kunde::crm {

struct CohortReport {
  ReportScope scope;
  analytics::CohortMatrix matrix;
  std::int64_t customers = 0, revenue = 0;
};

// "2026-03" for a month index of analytics::month_of_day.
std::string month_text(int month_index);

// Every purchase day up to the as-of day. With `since`, only the cohorts from its month on
// are kept (a customer's cohort is still the month of their first order ever).
CohortReport cohort_report(Session& s, const ReportScope& scope);

}  // namespace kunde::crm
