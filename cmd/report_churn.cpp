// kunde report churn: customers at risk by value at stake, churned against retained
// customers, and churn and retention per month.
#include <fmt/format.h>

#include "crm/reports_churn.hpp"
#include "render.hpp"
#include "report_verbs.hpp"

namespace kunde::cmd {
namespace {

struct ChurnOptions {
  ReportOptions report;
  std::string model, period;
  int months = 12;
  bool no_save = false;
  std::optional<std::int64_t> limit;
};

Value opt_share(const std::optional<double>& v) { return v ? share_cell(*v) : Value(); }

int run_churn(Context& ctx, const ChurnOptions& o) {
  crm::ClvSettings clv = crm::clv_settings(ctx.config());
  crm::ChurnRequest q;
  q.scope = report_scope(ctx, o.report);
  q.settings = crm::churn_settings(ctx.config());
  q.model = crm::model_key(o.model.empty() ? clv.model : o.model);
  q.period = o.period.empty() ? clv.period : o.period;
  if (o.months < 1 || o.months > 1200) throw UsageError("--months must be between 1 and 1200", "e.g. --months 12");
  q.months = o.months;
  q.save = !o.no_save;
  crm::ChurnReport r = crm::churn_report(ctx.session(), q);
  auto money = [&](std::int64_t v) { return money_cell(ctx, v); };
  const auto& cs = q.settings;

  report::Document doc = report_document("Churn", r.request.scope);
  double churned_share = r.customers > 0 ? static_cast<double>(r.churned) / static_cast<double>(r.customers) : 0;
  auto& f = doc.fields();
  f.add("customers", "customers", r.customers, fmt::format("{} with orders: {} active, {} churned ({})", r.customers,
                                                            r.active, r.churned, percent(churned_share)));
  f.data("active", r.active).data("churned", r.churned).data("churned_pct", share_cell(churned_share));
  f.add("at risk", "at_risk", r.at_risk,
        fmt::format("{} ({} by P(alive), {} by their interval), {} a year at stake{}", r.at_risk, r.at_risk_by_p_alive,
                    r.at_risk_by_interval, money_text(ctx, r.value_at_stake),
                    r.stake_is_revenue ? " (revenue: no line has a cost)" : ""));
  f.data("at_risk_by_p_alive", r.at_risk_by_p_alive)
      .data("at_risk_by_interval", r.at_risk_by_interval)
      .data("value_at_stake", money(r.value_at_stake));
  f.add("rules", "churn_days", cs.churn_days,
        fmt::format("churned after {} days without an order; at risk when P(alive) < {:g} or, with 3 or more purchase "
                    "days, {:g} x the median interval has passed",
                    cs.churn_days, cs.p_alive_threshold, cs.interval_factor));
  f.data("p_alive_threshold", cs.p_alive_threshold).data("interval_factor", cs.interval_factor);
  f.add("model", "model", q.model, r.model_name.empty() ? "" : fmt::format("P(alive) from {} fitted in {}s", r.model_name, q.period));
  f.add("stored", "saved", r.saved, r.saved ? "each customer's churn risk is stored for lists and segments" : "not stored (--no-save)");
  if (r.fit_error) doc.note("P(alive) is left out: " + *r.fit_error, "fit_error");

  auto& groups = doc.table("churned_vs_retained", "Churned against retained customers",
                           {"dimension", "value", "churned", "churned_pct", "retained", "retained_pct", "churn_rate_pct",
                            "lift"});
  for (const auto& g : r.groups) {
    groups.add_row({g.dimension, g.value, g.churned, share_cell(g.churned_share), g.retained, share_cell(g.retained_share),
                    share_cell(g.churn_rate), g.lift ? rounded(*g.lift, 2) : Value()});
  }

  auto& months = doc.table("months", "Churn and retention by month",
                           {"month", "first", "last", "active_at_start", "new", "returned", "churned",
                            "churn_rate_pct", "retention_pct"});
  report::Chart chart(report::ChartKind::line, "churn_rate", "Churn rate by month");
  chart.x_label = "month";
  chart.y_label = "churned of those active at the start";
  chart.y_format.scale = report::Scale::percent;
  std::vector<double> rates;
  for (const auto& m : r.months) {
    months.add_row({m.month, m.first, m.last, m.active_at_start, m.new_customers, m.returned, m.churned,
                    opt_share(m.churn_rate), opt_share(m.retention_rate)});
    chart.categories.push_back(m.month);
    rates.push_back(m.churn_rate.value_or(report::missing));
  }
  chart.add_series("churn rate", rates);
  if (!r.months.empty()) doc.chart(chart);

  auto& rows = doc.table("at_risk_customers", "Customers at risk by value at stake",
                         {"id", "number", "name", "orders", "first_order", "last_order", "days_since",
                          "median_interval_days", "p_alive", "revenue", "margin", "value_at_stake", "reason"});
  rows.primary = true;
  std::size_t shown = o.limit ? std::min(r.rows.size(), static_cast<std::size_t>(std::max<std::int64_t>(0, *o.limit)))
                              : r.rows.size();
  // Streamed while rendering: a row per customer never sits in memory twice.
  rows.stream = [&](const report::RowEmit& emit) {
    for (std::size_t i = 0; i < shown; ++i) {
      const auto& a = r.rows[i];
      emit({a.id, a.number, a.name, a.orders, a.first_order, a.last_order, a.days_since,
            a.median_interval ? rounded(*a.median_interval, 1) : Value(),
            a.p_alive ? rounded(*a.p_alive, 4) : Value(), money(a.revenue), money(a.margin),
            money(a.value_at_stake), a.reason});
    }
  };
  render(ctx, doc);
  ctx.note(fmt::format("{} at risk, {} churned of {}", counted(r.at_risk, "customer"), r.churned, r.customers));
  return kExitOk;
}

}  // namespace

void register_report_churn(CLI::App* report, Context& ctx) {
  auto o = std::make_shared<ChurnOptions>();
  auto* cmd = report->add_subcommand("churn", "Customers at risk by value at stake, and why customers leave");
  add_as_of_option(cmd, o->report);
  cmd->add_option("--model", o->model, "Purchase model for P(alive): bgnbd, mbgnbd or pareto-nbd (config clv.model)")
      ->check(CLI::IsMember({"bgnbd", "mbgnbd", "pareto-nbd", "pnbd"}));
  cmd->add_option("--period", o->period, "Time unit of the model: day, week or month (config clv.period)")
      ->check(CLI::IsMember({"day", "week", "month"}));
  cmd->add_option("--months", o->months, "Churn and retention for the last N calendar months (default 12)");
  cmd->add_flag("--no-save", o->no_save, "Do not store each customer's churn risk");
  cmd->add_option("-n,--limit", o->limit, "At most N customer rows (the counts still include every customer)");
  cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run_churn(ctx, *o); }; });
}

}  // namespace kunde::cmd
