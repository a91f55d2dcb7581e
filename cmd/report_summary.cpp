// kunde report summary: the one-screen overview for a cron mail.
#include <fmt/format.h>

#include "crm/reports_summary.hpp"
#include "crm/statistics.hpp"
#include "render.hpp"
#include "report_verbs.hpp"

namespace kunde::cmd {
namespace {

struct SummaryOptions {
  ReportOptions report;
  std::string period = "month";
};

Value change(double now, double before) {
  if (before == 0) return Value();
  return share_cell((now - before) / std::abs(before));
}

int run_summary(Context& ctx, const SummaryOptions& o) {
  crm::ClvSettings clv = crm::clv_settings(ctx.config());
  crm::SummaryRequest q;
  q.scope = report_scope(ctx, o.report);
  q.period = o.period;
  q.churn.settings = crm::churn_settings(ctx.config());
  q.churn.model = clv.model;
  q.churn.period = clv.period;
  crm::SummaryReport r = crm::summary_report(ctx.session(), q);
  const auto& now = r.current;
  const auto& before = r.previous;

  report::Document doc = report_document("Summary", q.scope);
  auto& f = doc.fields();
  f.add("customers", "customers", r.customers,
        fmt::format("{} on file, {} have ordered: {} active, {} churned", r.customers, r.buyers, r.active, r.churned));
  f.data("buyers", r.buyers).data("active", r.active).data("churned", r.churned);
  f.add("at risk", "at_risk", r.at_risk,
        fmt::format("{} at risk, {} a year at stake", counted(r.at_risk, "active customer"), money_text(ctx, r.value_at_stake)));
  f.data("value_at_stake", money_cell(ctx, r.value_at_stake));
  f.add("new", "new_customers", now.new_customers,
        fmt::format("{} first ordered this {} ({} the one before)", now.new_customers, q.period, before.new_customers));
  f.add("this period", "period_first", now.first, fmt::format("{} to {}", now.first, now.last));
  f.data("period_last", now.last).data("previous_first", before.first).data("previous_last", before.last);
  f.data("period", q.period);
  std::string margin = margin_text(ctx, r.margin, r.revenue, r.revenue_with_cost);
  f.add("to date", "revenue", money_cell(ctx, r.revenue),
        fmt::format("revenue {}, margin {} in {} orders", money_text(ctx, r.revenue), margin, r.orders));
  f.data("margin", money_cell(ctx, r.margin)).data("revenue_with_cost", money_cell(ctx, r.revenue_with_cost));
  f.data("orders", r.orders);
  if (r.fit_error) doc.note("at risk by the order interval alone: " + *r.fit_error, "fit_error");

  auto& t = doc.table("figures", fmt::format("This {} against the one before", q.period),
                      {"figure", "this_period", "previous_period", "change_pct"});
  t.primary = true;
  auto money = [&](std::int64_t v) { return money_cell(ctx, v); };
  auto avg = [&](const crm::PeriodFigures& p) {
    return p.orders > 0 ? money_cell(ctx, static_cast<double>(p.revenue) / static_cast<double>(p.orders)) : Value();
  };
  auto count_row = [&](const char* name, std::int64_t a, std::int64_t b) {
    t.add_row({name, a, b, change(static_cast<double>(a), static_cast<double>(b))});
  };
  t.add_row({"revenue", money(now.revenue), money(before.revenue), change(now.revenue, before.revenue)});
  if (crm::margin_unknown(r.revenue, r.revenue_with_cost)) {
    t.add_row({"margin", Value(), Value(), Value()});  // unknown: no line has a cost
  } else {
    t.add_row({"margin", money(now.margin), money(before.margin), change(now.margin, before.margin)});
  }
  count_row("orders", now.orders, before.orders);
  t.add_row({"average order", avg(now), avg(before),
             now.orders > 0 && before.orders > 0
                 ? change(static_cast<double>(now.revenue) / now.orders, static_cast<double>(before.revenue) / before.orders)
                 : Value()});
  count_row("customers ordering", now.buyers, before.buyers);
  count_row("new customers", now.new_customers, before.new_customers);
  render(ctx, doc);
  ctx.note(fmt::format("{} customers, {} active, {} at risk, {} churned", r.customers, r.active, r.at_risk, r.churned));
  return kExitOk;
}

}  // namespace

void register_report_summary(CLI::App* report, Context& ctx) {
  auto o = std::make_shared<SummaryOptions>();
  auto* cmd = report->add_subcommand("summary", "The one-screen overview: customers, risk, and this period against the last");
  add_as_of_option(cmd, o->report);
  cmd->add_option("--period", o->period, "Length of the period ending on the as-of day: day, week, month, quarter, year (default month)")
      ->check(CLI::IsMember({"day", "week", "month", "quarter", "year"}));
  cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run_summary(ctx, *o); }; });
}

}  // namespace kunde::cmd
