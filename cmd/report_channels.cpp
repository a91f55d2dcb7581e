// kunde report channels: the channel mix of orders and contacts, cost per channel, preferred
// channels, multi-channel customers and the movement between channels.
#include <fmt/format.h>

#include "crm/reports_channels.hpp"
#include "render.hpp"
#include "report_charts.hpp"
#include "report_verbs.hpp"

namespace kunde::cmd {
namespace {

struct ChannelsOptions {
  ReportOptions report;
};

int run_channels(Context& ctx, const ChannelsOptions& o) {
  crm::ReportScope scope = report_scope(ctx, o.report);
  crm::ChannelsReport r = crm::channels_report(ctx.session(), scope);
  auto money = [&](std::int64_t v) { return money_cell(ctx, v); };

  report::Document doc = report_document("Channels", scope);
  auto& f = doc.fields();
  f.add("customers", "customers", r.customers, fmt::format("{} customers with {} orders and {} contacts", r.customers, r.orders, r.contacts));
  double multi = r.customers > 0 ? static_cast<double>(r.multi_channel) / static_cast<double>(r.customers) : 0;
  f.add("multi-channel", "multi_channel", r.multi_channel,
        fmt::format("{} customers ({}) use two channels or more", r.multi_channel, percent(multi)));
  f.add("moved", "movers", r.movers,
        fmt::format("{} of {} repeat customers last ordered by another channel than first", r.movers, r.repeat_customers));
  f.data("orders", r.orders).data("contacts", r.contacts).data("repeat_customers", r.repeat_customers);
  f.data("costs_configured", r.costs_configured);
  if (!r.costs_configured) {
    doc.note("channel costs are not configured ([costs.contact] and [costs.order] in kunde-config(5))", "cost_note");
  }

  auto& t = doc.table("mix", "Channel mix",
                      {"channel", "orders", "orders_pct", "revenue", "contacts", "contacts_pct", "inbound", "customers",
                       "order_cost", "contact_cost", "cost"});
  t.primary = true;
  for (const auto& m : r.mix) {
    t.add_row({m.channel, m.orders, share_cell(m.order_share), money(m.revenue), m.contacts, share_cell(m.contact_share),
               m.inbound, m.customers, m.order_unit ? money(*m.order_unit) : Value(),
               m.contact_unit ? money(*m.contact_unit) : Value(), r.costs_configured ? money(m.cost) : Value()});
  }
  if (!r.mix.empty()) doc.chart(channel_mix_chart(r), report::Audience::people);

  auto& p = doc.table("preferred", "Preferred channel (most used)", {"channel", "customers", "customers_pct"});
  for (const auto& [channel, n] : r.preferred) {
    p.add_row({channel, n, share_cell(r.customers > 0 ? static_cast<double>(n) / static_cast<double>(r.customers) : 0)});
  }

  std::vector<std::string> columns = {"quarter"};
  columns.insert(columns.end(), r.period_channels.begin(), r.period_channels.end());
  auto& q = doc.table("quarters", "Orders by channel and quarter", columns);
  report::Chart trend(report::ChartKind::stacked_bar, "channel_trend", "Orders by channel per quarter");
  trend.y_label = "orders";
  trend.y_format.scale = report::Scale::integer;
  std::vector<std::vector<double>> series(r.period_channels.size());
  for (const auto& period : r.periods) {
    std::vector<Value> cells = {period.period};
    for (std::size_t i = 0; i < period.orders.size(); ++i) {
      cells.push_back(period.orders[i]);
      series[i].push_back(static_cast<double>(period.orders[i]));
    }
    q.add_row(std::move(cells));
    trend.categories.push_back(period.period);
  }
  for (std::size_t i = 0; i < series.size(); ++i) trend.add_series(r.period_channels[i], series[i]);
  if (!r.periods.empty() && !series.empty()) doc.chart(trend, report::Audience::people);

  auto& m = doc.table("moves", "First order channel to last", {"from", "to", "customers"});
  for (const auto& move : r.moves) m.add_row({move.from, move.to, move.customers});
  render(ctx, doc);
  ctx.note(fmt::format("{} over {}", counted(r.mix.size(), "channel"), counted(r.customers, "customer")));
  return kExitOk;
}

}  // namespace

void register_report_channels(CLI::App* report, Context& ctx) {
  auto o = std::make_shared<ChannelsOptions>();
  auto* cmd = report->add_subcommand("channels", "Channel mix of orders and contacts, costs, preferences and movement");
  add_as_of_option(cmd, o->report);
  add_since_option(cmd, o->report, "Read orders and contacts from DATE on (default: all)");
  cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run_channels(ctx, *o); }; });
}

}  // namespace kunde::cmd
