// kunde report value: profit per customer after cost of goods and cost to serve, deciles,
// the whale curve and what drives the losses.
#include <fmt/format.h>

#include "crm/reports_value.hpp"
#include "crm/statistics.hpp"
#include "render.hpp"
#include "report_charts.hpp"
#include "report_verbs.hpp"

namespace kunde::cmd {
namespace {

struct ValueOptions {
  ReportOptions report;
  std::optional<std::int64_t> limit;
};

int run_value(Context& ctx, const ValueOptions& o) {
  crm::ValueReport r = crm::value_report(ctx.session(), report_scope(ctx, o.report));
  const int d = ctx.money_decimals();
  auto money = [&](std::int64_t v) { return money_cell(ctx, v); };
  // Without a cost on any line, margin and profit are unknown: their cells stay empty rather
  // than read as 0.00, and there is no whale curve to draw.
  const bool unknown = crm::margin_unknown(r.revenue, r.revenue_with_cost);
  auto earned = [&](std::int64_t v) { return unknown ? Value() : money(v); };
  report::Document doc = report_document("Customer value", r.scope);
  auto& f = doc.fields();
  f.add("customers", "customers", r.customers, fmt::format("{} ({} orders, {} contacts)", r.customers, r.orders, r.contacts));
  f.data("orders", r.orders).data("contacts", r.contacts);
  f.add("revenue", "revenue", money(r.revenue), money_text(ctx, r.revenue));
  std::string known = r.revenue != 0 ? percent(static_cast<double>(r.revenue_with_cost) / static_cast<double>(r.revenue)) : "-";
  f.add("cost of goods", "cost_of_goods", money(r.cost),
        fmt::format("{}  (cost known for {} of revenue)", money_text(ctx, r.cost), known));
  f.data("revenue_with_cost", money(r.revenue_with_cost));
  f.add("margin", "margin", earned(r.margin), margin_text(ctx, r.margin, r.revenue, r.revenue_with_cost));
  f.add("returns", "returns", money(r.returns), money_text(ctx, r.returns));
  if (r.costs_configured) {
    f.add("cost to serve", "cost_to_serve", money(r.cost_to_serve), money_text(ctx, r.cost_to_serve));
  } else {
    f.data("cost_to_serve", Value());
  }
  f.add("profit", "profit", earned(r.profit), unknown ? std::string(kMarginUnknown) : money_text(ctx, r.profit));
  if (!unknown) {
    double losing_share = r.customers > 0 ? static_cast<double>(r.losing) / static_cast<double>(r.customers) : 0;
    f.add("losing", "losing_customers", r.losing,
          fmt::format("{} customers ({}) lose {} together", r.losing, percent(losing_share), money_text(ctx, -r.loss)));
    f.data("losing_share_pct", share_cell(losing_share)).data("loss", money(r.loss));
  }
  if (!unknown && r.profit > 0 && r.peak_customers > 0) {
    double peak = static_cast<double>(r.peak_profit) / static_cast<double>(r.profit);
    f.add("whale peak", "peak_profit_pct", share_cell(peak),
          fmt::format("the {} most profitable customers ({}) earn {} of the profit", r.peak_customers,
                      percent(static_cast<double>(r.peak_customers) / static_cast<double>(r.customers)), percent(peak)));
    f.data("peak_customers", r.peak_customers);
  }
  if (crm::margin_unknown(r.revenue, r.revenue_with_cost)) {
    doc.note("no order line has a cost, so margin and profit are unknown: customers of equal profit rank by revenue "
             "(give products a unit_cost, or lines a cost)",
             "no_cost_note");
  }
  if (!r.costs_configured) {
    doc.note("cost to serve is not configured ([costs.contact] and [costs.order] in kunde-config(5)): profit is the margin",
             "cost_to_serve_note");
  } else if (!r.uncosted.empty()) {
    doc.note(fmt::format("channels without a cost, counted as free: {}", fmt::join(r.uncosted, ", ")), "uncosted_channels");
  }

  if (!unknown && !r.whale.empty()) doc.chart(whale_chart(r, d));
  auto& deciles = doc.table("deciles",
                            unknown ? "Revenue deciles (1 = the tenth with the most revenue)"
                                    : "Profit deciles (1 = the most profitable tenth)",
                            {"decile", "customers", "revenue", "margin", "cost_to_serve", "profit", "profit_share_pct",
                             "cumulative_pct"});
  for (const auto& x : r.deciles) {
    deciles.add_row({x.decile, x.customers, money(x.revenue), earned(x.margin),
                     r.costs_configured ? money(x.cost_to_serve) : Value(), earned(x.profit),
                     r.profit > 0 ? share_cell(x.profit_share) : Value(),
                     r.profit > 0 ? share_cell(x.cumulative_share) : Value()});
  }
  if (!r.drivers.empty()) {
    auto& drivers = doc.table("loss_drivers", "What the customers with a loss cost", {"cost", "customers", "amount"});
    for (const auto& x : r.drivers) drivers.add_row({x.what, x.customers, money(x.amount)});
  }
  auto& rows = doc.table("by_customer", unknown ? "Customers by revenue" : "Customers by profit",
                         {"rank", "id", "number", "name", "orders", "contacts", "revenue", "cost", "margin", "returns",
                          "cost_to_serve", "profit", "cumulative_pct", "decile", "driver"});
  rows.primary = true;
  std::size_t shown = o.limit ? std::min(r.rows.size(), static_cast<std::size_t>(std::max<std::int64_t>(0, *o.limit)))
                              : r.rows.size();
  // Streamed while rendering: a row per customer never sits in memory twice.
  rows.stream = [&](const report::RowEmit& emit) {
    for (std::size_t i = 0; i < shown; ++i) {
      const auto& v = r.rows[i];
      emit({v.rank, v.id, v.number, v.name, v.orders, v.contacts, money(v.revenue), earned(v.cost),
            earned(v.margin), money(v.returns), v.cost_to_serve ? money(*v.cost_to_serve) : Value(),
            earned(v.profit),
            r.profit > 0 ? share_cell(static_cast<double>(v.cumulative_profit) /
                                      static_cast<double>(r.profit))
                         : Value(),
            v.decile, v.driver.empty() ? Value() : Value(v.driver)});
    }
  };
  render(ctx, doc);
  if (unknown) {
    ctx.note(fmt::format("{} customers, profit unknown (no line has a cost)", r.customers));
  } else {
    ctx.note(fmt::format("{} customers, profit {}; {} with a loss", r.customers, money_text(ctx, r.profit), r.losing));
  }
  return kExitOk;
}

}  // namespace

void register_report_value(CLI::App* report, Context& ctx) {
  auto o = std::make_shared<ValueOptions>();
  auto* cmd = report->add_subcommand("value", "Revenue, cost of goods, margin, cost to serve and profit per customer");
  add_as_of_option(cmd, o->report);
  add_since_option(cmd, o->report, "Count orders and contacts from DATE on (default: all)");
  cmd->add_option("-n,--limit", o->limit, "At most N customer rows (the figures still count every customer)");
  cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run_value(ctx, *o); }; });
}

}  // namespace kunde::cmd
