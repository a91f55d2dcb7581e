// kunde report top: the best customers by profit, revenue, margin or CLV, and what sets them
// apart from the rest.
#include <fmt/format.h>

#include "analytics/purchase_summary.hpp"
#include "crm/reports_top.hpp"
#include "crm/statistics.hpp"
#include "render.hpp"
#include "report_charts.hpp"
#include "report_verbs.hpp"

namespace kunde::cmd {
namespace {

struct TopOptions {
  ReportOptions report;
  std::int64_t n = 10;
  std::string by = "profit";
  std::string model;
};

int run_top(Context& ctx, const TopOptions& o) {
  crm::TopRequest q;
  q.scope = report_scope(ctx, o.report);
  q.n = o.n;
  q.by = o.by;
  if (q.by == "clv") {
    if (q.scope.since) {
      throw UsageError("--since does not apply to --by clv", "CLV is fitted on every order up to --as-of");
    }
    crm::ClvSettings settings = crm::clv_settings(ctx.config());
    q.clv.model = crm::model_key(o.model.empty() ? settings.model : o.model);
    q.clv.period = settings.period;
    q.clv.horizon = crm::horizon_periods(settings.horizon, analytics::period_days(settings.period));
    q.clv.discount_rate = settings.discount_rate;
  }
  crm::TopReport r = crm::top_report(ctx.session(), q);
  auto money = [&](std::int64_t v) { return money_cell(ctx, v); };
  const auto top = static_cast<std::int64_t>(r.rows.size());

  const std::string& by = r.ranked_by;
  report::Document doc = report_document(fmt::format("Top {} customers by {}", top, by), q.scope);
  double share = r.total > 0 ? r.top_total / r.total : 0;
  auto& f = doc.fields();
  f.add("top", "top", top,
        fmt::format("{} of {} customers, {} {} together{}", top, r.population, by,
                    money_text(ctx, std::llround(r.top_total)), r.total > 0 ? fmt::format(" ({} of all)", percent(share)) : ""));
  f.data("by", by).data("population", r.population).data("top_total", money_cell(ctx, r.top_total));
  f.data("total", money_cell(ctx, r.total)).data("top_share_pct", r.total > 0 ? share_cell(share) : Value());
  if (!r.model_name.empty()) f.add("model", "model", q.clv.model, fmt::format("CLV from {} and Gamma-Gamma", r.model_name));
  if (by != q.by) {
    doc.note(fmt::format("no order line has a cost, so {} is unknown and the same for everyone: ranked by {} "
                         "(give products a unit_cost, or lines a cost, to rank by {})",
                         q.by, by, q.by),
             "ranked_by_note");
  } else if (!r.costs_configured && by == "profit") {
    doc.note("cost to serve is not configured ([costs.contact] and [costs.order] in kunde-config(5)): profit is the margin",
             "cost_to_serve_note");
  }
  const std::int64_t rest = r.population - top;
  for (std::size_t i = 0; i < r.profile.size() && i < 3; ++i) {
    const auto& p = r.profile[i];
    doc.paragraph(fmt::format("{} of the top {} have {} {}, against {} of the other {}{}", percent(p.top_share), top,
                              p.attribute, p.value, percent(p.rest_share), rest,
                              p.lift ? fmt::format(" (lift {:.1f})", *p.lift) : ""));
  }

  std::vector<std::string> columns = {"rank", "id", "number", "name", by, "revenue", "margin", "profit", "orders",
                                      "last_order", "order_channel", "country", "category"};
  if (by == "profit" || by == "revenue" || by == "margin") columns.erase(columns.begin() + 4);
  auto& rows = doc.table("top_customers", "Top customers", columns);
  rows.primary = true;
  std::int64_t rank = 0;
  for (const auto& t : r.rows) {
    const auto& v = t.value;
    std::vector<Value> cells = {++rank, v.id, v.number, v.name};
    if (t.clv) cells.push_back(money_cell(ctx, *t.clv));
    // Unknown where none of the customer's lines has a cost.
    const bool unknown = crm::margin_unknown(v.revenue, v.revenue_with_cost);
    cells.insert(cells.end(), {money(v.revenue), unknown ? Value() : money(v.margin),
                               unknown && !r.costs_configured ? Value() : money(v.profit), v.orders,
                               v.last_order.empty() ? Value() : Value(v.last_order),
                               v.main_channel.empty() ? Value() : Value(v.main_channel),
                               t.country.empty() ? Value() : Value(t.country),
                               t.category.empty() ? Value() : Value(t.category)});
    rows.add_row(std::move(cells));
  }

  auto& profile = doc.table("profile", "What the top customers have in common",
                            {"attribute", "value", "top", "top_pct", "rest", "rest_pct", "lift"});
  for (const auto& p : r.profile) {
    profile.add_row({p.attribute, p.value, p.top, share_cell(p.top_share), p.rest, share_cell(p.rest_share),
                     p.lift ? rounded(*p.lift, 2) : Value()});
  }
  if (!r.profile.empty()) doc.chart(top_profile_chart(r));
  render(ctx, doc);
  ctx.note(fmt::format("top {} of {} customers by {}", top, r.population, by));
  return kExitOk;
}

}  // namespace

void register_report_top(CLI::App* report, Context& ctx) {
  auto o = std::make_shared<TopOptions>();
  auto* cmd = report->add_subcommand("top", "The top customers and what characterises them");
  add_as_of_option(cmd, o->report);
  add_since_option(cmd, o->report, "Count orders and contacts from DATE on (default: all; not with --by clv)");
  cmd->add_option("-n", o->n, "How many top customers (default 10)");
  cmd->add_option("--by", o->by, "Rank by profit, revenue, margin or clv (default profit)")
      ->check(CLI::IsMember({"profit", "revenue", "margin", "clv"}));
  cmd->add_option("--model", o->model, "Purchase model for --by clv: bgnbd, mbgnbd or pareto-nbd (config clv.model)")
      ->check(CLI::IsMember({"bgnbd", "mbgnbd", "pareto-nbd", "pnbd"}));
  cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run_top(ctx, *o); }; });
}

}  // namespace kunde::cmd
