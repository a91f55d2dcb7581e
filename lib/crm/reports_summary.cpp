// The summary: one pass over the orders for the period figures and first orders, the churn
// counts from the churn report without its details, and the customers on file.
#include "crm/reports_summary.hpp"

#include <date/date.h>
#include <fmt/format.h>

#include "crm/session.hpp"
#include "crm/statistics.hpp"
#include "error.hpp"
#include "store/store.hpp"

namespace kunde::crm {
namespace {

// The same day `months` earlier; from the last day of a month, the last day of that earlier
// month, so that periods ending on a month's last day are calendar months (quarters, years).
int months_back(int day, int months) {
  date::year_month_day ymd{date::sys_days{date::days{day}}};
  date::year_month_day back = ymd - date::months{months};
  const bool month_end = ymd.day() == date::year_month_day_last{ymd.year(), date::month_day_last{ymd.month()}}.day();
  if (!back.ok() || month_end) back = back.year() / back.month() / date::last;
  return static_cast<int>(date::sys_days{back}.time_since_epoch().count());
}

}  // namespace

std::string period_start(const std::string& last, const std::string& period) {
  const int end = day_number(last);
  if (period == "day") return day_text(end);
  if (period == "week") return day_text(end - 6);
  if (period == "month") return day_text(months_back(end, 1) + 1);
  if (period == "quarter") return day_text(months_back(end, 3) + 1);
  if (period == "year") return day_text(months_back(end, 12) + 1);
  throw UsageError(fmt::format("'{}' is not a period", period), "use day, week, month, quarter or year");
}

SummaryReport summary_report(Session& s, const SummaryRequest& request) {
  SummaryReport r;
  r.request = request;
  r.current.last = request.scope.as_of;
  r.current.first = period_start(r.current.last, request.period);
  r.previous.last = day_text(day_number(r.current.first) - 1);
  r.previous.first = period_start(r.previous.last, request.period);

  store::AnalyticsQuery q = request.scope.query();
  q.since.reset();
  std::int64_t customer = 0;
  bool bought_now = false, bought_before = false;
  auto in = [](std::string_view day, const PeriodFigures& p) { return day >= p.first && day <= p.last; };
  s.store().analytics().orders(q, [&](const store::OrderFact& o) {
    if (o.customer_id != customer) {
      customer = o.customer_id;
      bought_now = bought_before = false;
      ++r.buyers;
      if (in(o.day, r.current)) ++r.current.new_customers;
      if (in(o.day, r.previous)) ++r.previous.new_customers;
    }
    r.orders += 1;
    r.revenue += o.amount;
    r.margin += margin_of(o.amount_with_cost, o.cost);
    r.revenue_with_cost += o.amount_with_cost;
    for (auto [p, seen] : {std::pair{&r.current, &bought_now}, std::pair{&r.previous, &bought_before}}) {
      if (!in(o.day, *p)) continue;
      ++p->orders;
      p->revenue += o.amount;
      p->cost += o.cost;
      p->margin += margin_of(o.amount_with_cost, o.cost);
      if (!*seen) ++p->buyers, *seen = true;
    }
  });

  const std::string next_day = day_text(day_number(request.scope.as_of) + 1);
  s.store().analytics().customer_labels(q, [&](const store::CustomerLabel& l) {
    if (l.created_at.empty() || l.created_at < std::string_view(next_day)) ++r.customers;
  });

  ChurnRequest churn = request.churn;
  churn.scope = request.scope;
  churn.details = false;
  churn.save = false;
  ChurnReport c = churn_report(s, churn);
  r.active = c.active;
  r.at_risk = c.at_risk;
  r.churned = c.churned;
  r.value_at_stake = c.value_at_stake;
  r.fit_error = c.fit_error;
  r.model_name = c.model_name;
  return r;
}

}  // namespace kunde::crm
