// kunde report clv: the purchase and spend models fitted, lifetime value per customer, the
// holdout accuracy with --calibration-end, and the scores stored for customer show.
#include <fmt/format.h>

#include "analytics/purchase_summary.hpp"
#include "crm/reports_clv.hpp"
#include "render.hpp"
#include "report_charts.hpp"
#include "report_verbs.hpp"

namespace kunde::cmd {
namespace {

struct ClvOptions {
  ReportOptions report;
  std::string model, period, horizon, calibration_end;
  std::optional<double> discount_rate;
  bool no_save = false;
  std::optional<std::int64_t> limit;
};

std::string parameter_text(const std::vector<analytics::Parameter>& params, double gamma_scale) {
  std::vector<std::string> parts;
  for (const auto& p : params) {
    double v = p.name == "gamma" ? p.value / gamma_scale : p.value;
    parts.push_back(fmt::format("{} {:.4g}", p.name, v));
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

crm::ClvRequest make_request(Context& ctx, const ClvOptions& o) {
  crm::ClvSettings settings = crm::clv_settings(ctx.config());
  crm::ClvRequest q;
  q.scope = report_scope(ctx, o.report);
  q.model = crm::model_key(o.model.empty() ? settings.model : o.model);
  q.period = o.period.empty() ? settings.period : o.period;
  const double period_days = analytics::period_days(q.period);
  q.horizon = crm::horizon_periods(o.horizon.empty() ? settings.horizon : o.horizon, period_days);
  q.discount_rate = o.discount_rate.value_or(settings.discount_rate);
  if (auto end = date_option_day(o.calibration_end, "--calibration-end")) {
    q.calibration_end = *end;
    q.holdout_to_last_order = o.report.as_of.empty();
  }
  q.save = !o.no_save;
  return q;
}

void add_holdout(Context& ctx, report::Document& doc, const crm::ClvReport& r) {
  const auto& h = *r.holdout;
  const std::string unit = analytics::period_name(analytics::period_days(r.request.period));
  auto& s = doc.section("holdout", fmt::format("Holdout {} to {} ({:.1f} {}s)", crm::day_text(crm::day_number(r.calibration_end) + 1),
                                                *r.holdout_end, h.periods, unit));
  double error = h.actual > 0 ? (h.predicted - h.actual) / h.actual : 0;
  s.fields()
      .add("repeat purchases", "actual", rounded(h.actual, 0),
           fmt::format("{:.0f} actual, {:.1f} predicted ({:+.1f}%)", h.actual, h.predicted, 100 * error))
      .data("predicted", rounded(h.predicted, 2))
      .data("error_pct", share_cell(error))
      .add("per customer", "mae", rounded(h.mae, 4), fmt::format("mean absolute error {:.4f}, RMSE {:.4f}", h.mae, h.rmse))
      .data("rmse", rounded(h.rmse, 4))
      .data("customers", h.customers)
      .data("periods", rounded(h.periods, 2));
  auto& freq = s.table("by_frequency", "Mean repeat purchases in the holdout by calibration frequency",
                       {"frequency", "customers", "actual", "predicted"});
  for (const auto& row : h.by_frequency) {
    freq.add_row({row.and_more ? Value(fmt::format("{}+", row.x)) : Value(std::to_string(row.x)), row.customers,
                  rounded(row.actual, 3), rounded(row.predicted, 3)});
  }
  report::Chart c(report::ChartKind::line, "tracking_curve", "Cumulative repeat purchases, actual and expected");
  c.x_label = fmt::format("{}s from the calibration end", unit);
  c.y_label = "repeat purchases";
  c.y_format.scale = report::Scale::integer;
  std::vector<double> actual, expected;
  auto& track = s.table("tracking", "Cumulative repeat purchases by period",
                        {"period_end", "periods", "holdout", "actual", "expected"});
  for (const auto& p : h.tracking) {
    c.x.push_back(p.periods);
    actual.push_back(p.actual);
    expected.push_back(p.expected);
    track.add_row({crm::day_text(p.day), rounded(p.periods, 2), p.holdout, rounded(p.actual, 0), rounded(p.expected, 1)});
  }
  c.add_series("actual", actual);
  c.add_series("expected", expected, true);
  s.chart(c);
  (void)ctx;
}

int run_clv(Context& ctx, const ClvOptions& o) {
  crm::ClvRequest q = make_request(ctx, o);
  crm::ClvReport r = crm::clv_report(ctx.session(), q);
  const int d = ctx.money_decimals();
  const double scale = std::pow(10.0, d);
  const std::string unit = analytics::period_name(analytics::period_days(q.period));
  crm::ReportScope shown = q.scope;
  shown.as_of = r.calibration_end;
  report::Document doc = report_document("Customer lifetime value", shown);
  if (r.holdout_end) doc.subtitle = fmt::format("calibration to {}, holdout to {}", r.calibration_end, *r.holdout_end);

  auto& f = doc.fields();
  f.add("model", "model", crm::model_key(q.model),
        fmt::format("{}: {}  (log-likelihood {:.1f})", r.model_name, parameter_text(r.count_parameters, 1),
                    r.count_fit.log_likelihood));
  f.data("log_likelihood", significant(r.count_fit.log_likelihood, 10))
      .data("fit_evaluations", r.count_fit.evaluations)
      .data("fit_seconds", rounded(r.count_fit.seconds, 4));
  f.add("spend", "spend_model", "gamma-gamma",
        fmt::format("Gamma-Gamma: {}  ({} repeat buyers{})", parameter_text(r.spend_parameters, scale), r.spend_customers,
                    r.spend_excluded > 0 ? fmt::format("; {} left out, their mean spend not above zero", r.spend_excluded)
                                         : ""));
  f.data("spend_log_likelihood", significant(r.spend_fit.log_likelihood, 10))
      .data("spend_customers", r.spend_customers)
      .data("spend_excluded", r.spend_excluded)
      .data("spend_frequency_correlation", rounded(r.spend_correlation, 4));
  f.add("data", "data", r.data);
  f.data("customers", r.customers)
      .data("repeat_buyers", r.repeat_buyers)
      .data("repeat_purchases", r.repeat_purchases)
      .data("calibration_end", r.calibration_end)
      .data("holdout_end", r.holdout_end)
      .data("revenue", money_cell(ctx, r.revenue));
  f.add("period", "period", unit);
  f.add("horizon", "horizon", rounded(q.horizon, 2), fmt::format("{:g} {}s", significant(q.horizon, 4), unit));
  f.add("discount rate", "discount_rate", rounded(q.discount_rate, 4), fmt::format("{} a year", percent(q.discount_rate)));
  f.add("margin", "margin_ratio", rounded(r.margin_ratio, 4),
        r.margin_known ? fmt::format("{} of revenue (lines with a known cost)", percent(r.margin_ratio))
                       : "no cost of goods recorded: CLV counts revenue");
  f.add("order value", "population_order_value", money_cell(ctx, r.population_order_value),
        fmt::format("{} expected of a new customer's order", money_text(ctx, std::llround(r.population_order_value))));
  f.add("total CLV", "total_clv", money_cell(ctx, r.total_clv),
        fmt::format("{} over {} customers ({} purchases expected)", money_text(ctx, std::llround(r.total_clv)),
                    r.customers,
                    // Whole purchases, or two digits of a fraction rather than "0".
                    r.total_expected_purchases >= 100 ? fmt::format("{:.0f}", r.total_expected_purchases)
                                                      : fmt::format("{:g}", significant(r.total_expected_purchases, 2))));
  f.data("expected_purchases", rounded(r.total_expected_purchases, 2));
  f.add("stored", "saved", r.saved,
        r.saved ? "the scores are stored for customer show, lists and segments"
                : q.calibration_end ? "not stored: a holdout run scores the calibration period" : "not stored (--no-save)");

  if (q.model == "bgnbd" && r.one_time_buyers > 0) {
    doc.note(fmt::format("BG/NBD keeps a customer who bought once alive (P(alive) 1) however long ago that was: "
                         "{} one-time buyers here; --model mbgnbd lets them drop out",
                         r.one_time_buyers),
             "one_time_buyers_note");
  }
  if (!r.limits.empty()) {
    doc.note(fmt::format("the fit reached the edge of its model: {}", fmt::join(r.limits, "; ")), "fit_limits_note");
  }
  if (r.return_days > 0) {
    doc.note(fmt::format("{} customer-days with more returned than bought are not counted as purchases", r.return_days),
             "return_days_note");
  }
  if (r.after_end > 0 && q.calibration_end) {
    doc.note(fmt::format("{} customers first bought after the calibration end and are not scored", r.after_end),
             "after_end_note");
  }

  auto& params = doc.table("parameters", "Fitted parameters", {"model", "parameter", "value", "unit"});
  for (const auto& p : r.count_parameters) {
    bool time = p.name == "alpha" || p.name == "beta";
    params.add_row({r.model_name, p.name, significant(p.value, 6), time ? Value(unit + "s") : Value()});
  }
  for (const auto& p : r.spend_parameters) {
    bool money = p.name == "gamma";
    params.add_row({"Gamma-Gamma", p.name, significant(money ? p.value / scale : p.value, 6),
                    money ? Value(ctx.config().currency().empty() ? std::string("currency") : ctx.config().currency())
                          : Value()});
  }

  doc.chart(clv_histogram(ctx, r));

  if (r.holdout) add_holdout(ctx, doc, r);

  std::vector<std::string> columns = {"id", "number", "name", "frequency", "recency", "T", "revenue", "p_alive",
                                      "expected_purchases", "expected_order_value", "clv"};
  if (r.holdout) columns.insert(columns.end(), {"holdout_actual", "holdout_predicted"});
  auto& rows = doc.table("by_customer", "Customers by CLV", columns);
  rows.primary = true;
  std::size_t shown_rows = o.limit ? std::min(r.rows.size(), static_cast<std::size_t>(std::max<std::int64_t>(0, *o.limit)))
                                   : r.rows.size();
  // Streamed while rendering: a row per customer never sits in memory twice.
  rows.stream = [&](const report::RowEmit& emit) {
    for (std::size_t i = 0; i < shown_rows; ++i) {
      const auto& c = r.rows[i];
      std::vector<Value> cells = {c.id, c.number, c.name, c.frequency, rounded(c.recency, 2), rounded(c.age, 2),
                                  money_cell(ctx, c.revenue), rounded(c.p_alive, 4), rounded(c.expected_purchases, 4),
                                  money_cell(ctx, c.expected_order_value), money_cell(ctx, c.clv)};
      if (r.holdout) {
        cells.push_back(c.holdout_actual ? Value(static_cast<std::int64_t>(*c.holdout_actual)) : Value());
        cells.push_back(c.holdout_predicted ? rounded(*c.holdout_predicted, 4) : Value());
      }
      emit(std::move(cells));
    }
  };
  render(ctx, doc);
  ctx.note(fmt::format("{}: {} customers, CLV {}{}", r.model_name, r.customers, money_text(ctx, std::llround(r.total_clv)),
                       r.saved ? "; scores stored" : ""));
  return kExitOk;
}

}  // namespace

void register_report_clv(CLI::App* report, Context& ctx) {
  auto o = std::make_shared<ClvOptions>();
  auto* cmd = report->add_subcommand("clv", "Lifetime value: BG/NBD (or MBG/NBD, Pareto/NBD) and Gamma-Gamma per customer");
  add_as_of_option(cmd, o->report);
  cmd->add_option("--model", o->model, "Purchase model: bgnbd, mbgnbd or pareto-nbd (config clv.model; default bgnbd)")
      ->check(CLI::IsMember({"bgnbd", "mbgnbd", "pareto-nbd", "pnbd"}));
  cmd->add_option("--period", o->period, "Time unit of the models: day, week or month (config clv.period; default week)")
      ->check(CLI::IsMember({"day", "week", "month"}));
  cmd->add_option("--horizon", o->horizon, "Forecast horizon: 52w, 12m, 1y, 90d or a number of periods (default 52w)");
  cmd->add_option("--discount-rate", o->discount_rate, "Yearly discount rate as a fraction (config clv.discount_rate; default 0.10)");
  cmd->add_option("--calibration-end", o->calibration_end,
                  "Fit on the orders up to DATE and report the accuracy on the orders after it (stores no scores)");
  cmd->add_flag("--no-save", o->no_save, "Do not store the scores");
  cmd->add_option("-n,--limit", o->limit, "At most N customer rows (the totals still count every customer)");
  cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run_clv(ctx, *o); }; });
}

}  // namespace kunde::cmd
