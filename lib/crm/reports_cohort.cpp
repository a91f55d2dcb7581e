// The cohort report: purchase days from the store into analytics::cohort_matrix.
#include "crm/reports_cohort.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "crm/session.hpp"
#include "error.hpp"
#include "store/store.hpp"

namespace kunde::crm {

std::string month_text(int month_index) {
  analytics::YearMonth ym = analytics::year_month(month_index);
  return fmt::format("{:04}-{:02}", ym.year, ym.month);
}

CohortReport cohort_report(Session& s, const ReportScope& scope) {
  CohortReport r;
  r.scope = scope;
  store::AnalyticsQuery q = scope.query();
  q.since.reset();  // a cohort is the month of the first order ever
  std::vector<analytics::CohortOrder> days;
  s.store().analytics().purchase_days(q, [&](const store::PurchaseDay& d) {
    days.push_back({d.customer_id, day_number(d.day), d.amount});
  });
  if (days.empty()) {
    throw Error(fmt::format("nothing to report: no orders up to {}", scope.as_of),
                "import orders (kunde order import), or give a later --as-of");
  }
  r.matrix = analytics::cohort_matrix(days, day_number(scope.as_of));
  if (scope.since) {
    const int first = analytics::month_of_day(day_number(*scope.since));
    auto& cohorts = r.matrix.cohorts;
    cohorts.erase(std::remove_if(cohorts.begin(), cohorts.end(),
                                 [&](const analytics::CohortRow& c) { return c.month < first; }),
                  cohorts.end());
  }
  for (const auto& c : r.matrix.cohorts) {
    r.customers += c.customers;
    for (std::int64_t v : c.revenue) r.revenue += v;
  }
  return r;
}

}  // namespace kunde::crm
