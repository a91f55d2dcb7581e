// The CLV report: purchase days from the store, summarised and fitted by lib/analytics.
#include "crm/reports_clv.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "analytics/clv.hpp"
#include "analytics/fit_limits.hpp"
#include "analytics/purchase_summary.hpp"
#include "crm/session.hpp"
#include "error.hpp"
#include "store/store.hpp"

namespace kunde::crm {
namespace {

struct Day {
  std::int64_t customer;
  int day;
  std::int64_t amount;
};

analytics::CountModelKind kind_of(const std::string& key) { return analytics::parse_count_model(key); }

}  // namespace

ClvReport clv_report(Session& s, const ClvRequest& request) {
  ClvReport r;
  r.request = request;
  const double period_days = analytics::period_days(request.period);
  analytics::ClvOptions options;
  options.horizon = request.horizon;
  options.yearly_discount_rate = request.discount_rate;
  analytics::check_clv_options(options, period_days);
  const int as_of = day_number(request.scope.as_of);
  const int calibration_end = request.calibration_end ? day_number(*request.calibration_end) : as_of;
  if (calibration_end > as_of) {
    throw UsageError(fmt::format("the calibration end {} is after the as-of day {}", day_text(calibration_end),
                                 request.scope.as_of),
                     "give a calibration end on or before --as-of");
  }

  // The purchase days, and the cost of goods up to the calibration end for the margin ratio.
  std::vector<Day> days;
  std::int64_t with_cost = 0, cost = 0;
  int last_day = calibration_end;
  s.store().analytics().purchase_days(request.scope.query(), [&](const store::PurchaseDay& d) {
    int day = day_number(d.day);
    days.push_back({d.customer_id, day, d.amount});
    last_day = std::max(last_day, day);
    if (day <= calibration_end) {
      with_cost += d.amount_with_cost;
      cost += d.cost;
    }
  });
  r.margin_known = with_cost != 0 || cost != 0;
  if (r.margin_known && with_cost > 0) {
    r.margin_ratio = static_cast<double>(with_cost - cost) / static_cast<double>(with_cost);
  }
  options.margin_ratio = r.margin_ratio;

  analytics::SummaryOptions so;
  so.calibration_end = calibration_end;
  so.period_days = period_days;
  if (request.calibration_end) {
    int end = request.holdout_to_last_order ? last_day : as_of;
    if (end <= calibration_end) {
      throw UsageError(fmt::format("no holdout: there are no orders after the calibration end {}",
                                   day_text(calibration_end)),
                       "give a calibration end before the last order day, or a later --as-of");
    }
    so.holdout_end = end;
    r.holdout_end = day_text(end);
  }
  r.calibration_end = day_text(calibration_end);
  analytics::PurchaseSummaryBuilder builder(so);
  for (const Day& d : days) builder.add(d.customer, d.day, d.amount);
  days = {};
  analytics::PurchaseSummary summary = builder.finish();
  r.data = summary.describe();
  r.customers = static_cast<std::int64_t>(summary.customers.size());
  r.repeat_buyers = summary.repeat_buyers();
  r.repeat_purchases = summary.repeat_purchases();
  r.one_time_buyers = r.customers - r.repeat_buyers;
  r.after_end = summary.after_end;
  r.return_days = summary.return_days;
  for (const auto& c : summary.customers) r.revenue += c.revenue;

  analytics::CountFit count = analytics::fit_count_model(kind_of(request.model), summary);
  r.model_name = std::string(count.model->name());
  r.count_parameters = count.model->parameters();
  r.count_fit = count.report;
  analytics::GammaGammaFit spend = analytics::fit_gamma_gamma(summary);
  r.spend_parameters = spend.model.parameters();
  r.spend_fit = spend.report;
  r.limits = analytics::fit_limits(r.model_name, r.count_parameters, request.period);
  for (auto& limit : analytics::fit_limits("Gamma-Gamma", r.spend_parameters, request.period)) {
    r.limits.push_back(std::move(limit));
  }
  r.spend_customers = spend.customers;
  r.spend_excluded = spend.excluded;
  r.spend_correlation = spend.frequency_correlation;
  r.population_order_value = spend.model.expected_order_value();

  std::vector<analytics::CustomerValue> values = analytics::customer_values(*count.model, spend.model, summary, options);
  if (request.calibration_end) r.holdout = analytics::holdout_accuracy(*count.model, summary);
  const double holdout_periods = r.holdout ? r.holdout->periods : 0;
  CustomerNames names(s, request.scope);
  r.rows.reserve(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    const auto& c = summary.customers[i];
    const auto& v = values[i];
    ClvCustomer row;
    row.id = c.customer;
    const CustomerName& n = names.of(c.customer);
    row.number = n.number;
    row.name = n.name;
    row.frequency = c.x;
    row.recency = c.t_x;
    row.age = c.T;
    row.revenue = c.revenue;
    row.p_alive = v.p_alive;
    row.expected_purchases = v.expected_purchases;
    row.expected_order_value = v.expected_order_value;
    row.clv = v.clv;
    if (r.holdout) {
      row.holdout_actual = c.holdout_x;
      row.holdout_predicted = count.model->conditional_expected_purchases(c.x, c.t_x, c.T, holdout_periods);
    }
    r.total_clv += v.clv;
    r.total_expected_purchases += v.expected_purchases;
    r.rows.push_back(std::move(row));
  }
  std::sort(r.rows.begin(), r.rows.end(), [](const ClvCustomer& a, const ClvCustomer& b) {
    return a.clv != b.clv ? a.clv > b.clv : a.id < b.id;
  });

  if (request.save && !request.calibration_end) {
    std::vector<store::CustomerScore> scores;
    scores.reserve(r.rows.size());
    for (const auto& row : r.rows) {
      store::CustomerScore sc;
      sc.customer_id = row.id;
      sc.p_alive = row.p_alive;
      sc.expected_purchases = row.expected_purchases;
      sc.expected_order_value = std::llround(row.expected_order_value);
      sc.clv = std::llround(row.clv);
      scores.push_back(std::move(sc));
    }
    store::ScoreSave save;
    save.part = store::ScorePart::clv;
    save.as_of = request.scope.as_of;
    save.model = model_key(request.model);
    save.replace_all = !request.scope.customers && !request.scope.since;
    save.scores = scores;
    s.store().analytics().save_scores(save);
    r.saved = true;
  }
  return r;
}

}  // namespace kunde::crm
