// The RFM report: customer totals from the store, scored by lib/analytics.
#include "crm/reports_rfm.hpp"

#include <fmt/format.h>

#include <utility>

#include "crm/session.hpp"
#include "error.hpp"
#include "store/store.hpp"

namespace kunde::crm {

RfmReport rfm_report(Session& s, const ReportScope& scope, bool save) {
  RfmReport r;
  r.scope = scope;
  r.segments = rfm_segments(s.config());
  std::vector<analytics::RfmCustomer> customers;
  std::vector<std::string> last_orders;
  s.store().analytics().customer_totals(scope.query(), [&](const store::CustomerTotals& t) {
    customers.push_back({t.customer_id, day_number(t.last_order), t.orders, t.revenue});
    last_orders.emplace_back(t.last_order);
  });
  analytics::RfmResult result = analytics::score_rfm(customers, day_number(scope.as_of), r.segments);
  r.totals = analytics::summarize_segments(result, r.segments);
  r.recency = result.recency;
  r.frequency = result.frequency;
  r.monetary = result.monetary;
  CustomerNames names(s, scope);
  if (result.customers.empty()) {
    throw Error(fmt::format("nothing to report: no orders up to {}", scope.as_of),
                "import orders (kunde order import), or give a later --as-of");
  }
  r.rows.reserve(result.customers.size());
  for (std::size_t i = 0; i < result.customers.size(); ++i) {
    const analytics::RfmScore& sc = result.customers[i];
    RfmRow row;
    row.id = sc.customer_id;
    const CustomerName& n = names.of(sc.customer_id);
    row.number = n.number;
    row.name = n.name;
    row.last_order = std::move(last_orders[i]);
    row.score = sc;
    if (sc.segment >= 0) row.segment = r.segments[static_cast<std::size_t>(sc.segment)].name;
    ++r.grid[sc.r - 1][sc.f - 1];
    r.grid_revenue[sc.r - 1][sc.f - 1] += sc.revenue;
    r.orders += sc.orders;
    r.revenue += sc.revenue;
    r.rows.push_back(std::move(row));
  }
  if (save) {
    std::vector<store::CustomerScore> scores;
    scores.reserve(r.rows.size());
    for (const auto& row : r.rows) {
      store::CustomerScore sc;
      sc.customer_id = row.id;
      sc.rfm_r = row.score.r;
      sc.rfm_f = row.score.f;
      sc.rfm_m = row.score.m;
      if (!row.segment.empty()) sc.rfm_segment = row.segment;
      scores.push_back(std::move(sc));
    }
    store::ScoreSave save_request;
    save_request.part = store::ScorePart::rfm;
    save_request.as_of = scope.as_of;
    save_request.replace_all = !scope.customers;
    save_request.scores = std::move(scores);
    s.store().analytics().save_scores(save_request);
    r.saved = true;
  }
  return r;
}

}  // namespace kunde::crm
