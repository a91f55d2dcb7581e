// kunde report all: the monthly pack, every report's headline figures and charts in one
// document (with -o report.html one self-contained page with inline SVG charts).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "analytics/purchase_summary.hpp"
#include "crm/reports_affinity.hpp"
#include "crm/reports_channels.hpp"
#include "crm/reports_clv.hpp"
#include "crm/reports_cohort.hpp"
#include "crm/reports_rfm.hpp"
#include "crm/reports_top.hpp"
#include "crm/reports_value.hpp"
#include "render.hpp"
#include "report_verbs.hpp"

namespace kunde::cmd {
namespace {

struct AllOptions {
  ReportOptions report;
  std::int64_t top = 10;
};

void value_section(Context& ctx, report::Document& doc, const crm::ValueReport& r) {
  auto& s = doc.section("value", "Customer value");
  const int d = ctx.money_decimals();
  s.fields()
      .add("customers", "customers", r.customers)
      .add("revenue", "revenue", money_cell(ctx, r.revenue))
      .add("margin", "margin", money_cell(ctx, r.margin))
      .add("profit", "profit", money_cell(ctx, r.profit))
      .add("losing", "losing", r.losing, fmt::format("{} customers lose money", r.losing));
  report::Chart c(report::ChartKind::line, "whale_curve", "Whale curve");
  c.x_label = "customers, most profitable first";
  c.x_format.scale = report::Scale::percent;
  const bool shares = r.profit > 0;
  c.y_label = shares ? "share of total profit" : "cumulative profit";
  c.y_format.scale = shares ? report::Scale::percent : report::Scale::money;
  const double scale = std::pow(10.0, d);
  std::vector<double> y, equal;
  for (const auto& p : r.whale) {
    c.x.push_back(p.customer_share);
    y.push_back(shares ? static_cast<double>(p.cumulative_profit) / static_cast<double>(r.profit)
                       : static_cast<double>(p.cumulative_profit) / scale);
    equal.push_back(shares ? p.customer_share : p.customer_share * static_cast<double>(r.profit) / scale);
  }
  c.add_series("cumulative profit", y);
  c.add_series("every customer alike", equal, true);
  if (shares) c.guides.push_back({1.0, "100%"});
  if (!r.whale.empty()) s.chart(c);
}

void rfm_section(Context& ctx, report::Document& doc, const crm::RfmReport& r) {
  auto& s = doc.section("rfm", "RFM segments");
  auto& t = s.table("segments", "Segments", {"segment", "customers", "revenue"});
  for (const auto& seg : r.totals) t.add_row({seg.name.empty() ? Value("(no segment)") : Value(seg.name), seg.customers,
               money_cell(ctx, seg.revenue)});
  report::Chart grid(report::ChartKind::heatmap, "rfm_grid", "Customers by recency and frequency score");
  grid.x_label = "F score";
  grid.y_label = "R score";
  grid.value_label = "customers";
  grid.y_format.scale = report::Scale::integer;
  grid.categories = {"F1", "F2", "F3", "F4", "F5"};
  for (int rs = 5; rs >= 1; --rs) {
    std::vector<double> row;
    for (int fs = 1; fs <= 5; ++fs) row.push_back(static_cast<double>(r.grid[rs - 1][fs - 1]));
    grid.add_series(fmt::format("R{}", rs), row);
  }
  if (!r.rows.empty()) s.chart(grid);
}

void cohort_section(report::Document& doc, const crm::CohortReport& r) {
  const auto& cohorts = r.matrix.cohorts;
  if (cohorts.empty()) return;
  auto& s = doc.section("cohorts", "Cohorts by month of first order");
  std::size_t width = 0;
  for (const auto& c : cohorts) width = std::max(width, c.retention.size());
  report::Chart heat(report::ChartKind::heatmap, "retention", "Share of each cohort ordering k months later");
  heat.x_label = "months since the first order";
  heat.y_label = "cohort";
  heat.value_label = "ordering";
  heat.y_format.scale = report::Scale::percent;
  heat.y_format.decimals = 0;
  for (std::size_t k = 0; k < width; ++k) heat.categories.push_back(std::to_string(k));
  // The last 24 cohorts at most: a page, not a poster.
  std::size_t first = cohorts.size() > 24 ? cohorts.size() - 24 : 0;
  for (std::size_t i = first; i < cohorts.size(); ++i) {
    std::vector<double> shares;
    for (std::size_t k = 0; k < width; ++k) shares.push_back(k < cohorts[i].retention.size() ? cohorts[i].retention[k] : report::missing);
    heat.add_series(crm::month_text(cohorts[i].month), shares);
  }
  s.chart(heat);
}

void clv_section(Context& ctx, report::Document& doc, const crm::ReportScope& scope) {
  auto& s = doc.section("clv", "Customer lifetime value");
  crm::ClvSettings settings = crm::clv_settings(ctx.config());
  crm::ClvRequest q;
  q.scope = scope;
  q.scope.since.reset();
  q.model = crm::model_key(settings.model);
  q.period = settings.period;
  q.horizon = crm::horizon_periods(settings.horizon, analytics::period_days(settings.period));
  q.discount_rate = settings.discount_rate;
  try {
    crm::ClvReport r = crm::clv_report(ctx.session(), q);
    s.fields()
        .add("model", "model", r.model_name)
        .add("total CLV", "total_clv", money_cell(ctx, r.total_clv));
    const int d = ctx.money_decimals();
    const double scale = std::pow(10.0, d);
    std::vector<double> values;
    for (const auto& row : r.rows) values.push_back(row.clv / scale);
    report::Chart hist = report::histogram("clv_distribution", "CLV distribution", values, 0,
                                           {report::Scale::money, d, ctx.config().currency()});
    hist.x_label = "CLV";
    hist.y_label = "customers";
    if (!values.empty()) s.chart(hist);
  } catch (const Error& e) {
    s.note(fmt::format("no CLV: {}", e.what()), "clv_note");
  }
}

void channels_section(Context& ctx, report::Document& doc, const crm::ChannelsReport& r) {
  auto& s = doc.section("channels", "Channels");
  s.fields()
      .add("orders", "orders", r.orders)
      .add("contacts", "contacts", r.contacts)
      .add("multi-channel", "multi_channel", r.multi_channel,
           fmt::format("{} of {} customers use two channels or more", r.multi_channel, r.customers));
  report::Chart mix(report::ChartKind::bar, "channel_mix", "Channel mix of orders and contacts");
  mix.x_label = "channel";
  mix.y_label = "share";
  mix.y_format.scale = report::Scale::percent;
  std::vector<double> orders, contacts;
  auto& t = s.table("mix", "Channel mix", {"channel", "orders", "contacts", "revenue"});
  for (const auto& m : r.mix) {
    mix.categories.push_back(m.channel);
    orders.push_back(m.order_share);
    contacts.push_back(m.contact_share);
    t.add_row({m.channel, m.orders, m.contacts, money_cell(ctx, m.revenue)});
  }
  mix.add_series("orders", orders);
  mix.add_series("contacts", contacts);
  if (!r.mix.empty()) s.chart(mix);
}

void top_section(Context& ctx, report::Document& doc, const crm::TopReport& r) {
  auto& s = doc.section("top", fmt::format("Top {} customers by profit", r.rows.size()));
  auto& t = s.table("customers", "", {"rank", "number", "name", "profit", "revenue", "orders"});
  std::int64_t rank = 0;
  for (const auto& c : r.rows) {
    t.add_row({++rank, c.value.number, c.value.name, money_cell(ctx, c.value.profit), money_cell(ctx, c.value.revenue),
               c.value.orders});
  }
  report::Chart chart(report::ChartKind::bar, "top_profile", "Top customers against the rest");
  chart.x_label = "property";
  chart.y_label = "share of customers";
  chart.y_format.scale = report::Scale::percent;
  std::vector<double> top, rest;
  for (const auto& p : r.profile) {
    if (chart.categories.size() >= 8) break;
    chart.categories.push_back(p.attribute + " " + p.value);
    top.push_back(p.top_share);
    rest.push_back(p.rest_share);
  }
  chart.add_series(fmt::format("top {}", r.rows.size()), top);
  chart.add_series("the rest", rest);
  if (!top.empty()) s.chart(chart);
}

void affinity_section(report::Document& doc, const crm::AffinityReport& r) {
  auto& s = doc.section("affinity", "Bought together");
  auto& t = s.table("rules", "Strongest category rules", {"antecedent", "consequent", "support", "confidence", "lift"});
  for (std::size_t i = 0; i < r.rules.size() && i < 10; ++i) {
    const auto& rule = r.rules[i];
    t.add_row({"{" + fmt::format("{}", fmt::join(rule.antecedent, ", ")) + "}", rule.consequent, rounded(rule.support, 4),
               rounded(rule.confidence, 3), rounded(rule.lift, 2)});
  }
  if (r.rules.empty()) s.note("no rules at support 0.01 and confidence 0.5", "affinity_note");
}

int run_all(Context& ctx, const AllOptions& o) {
  crm::ReportScope scope = report_scope(ctx, o.report);
  if (o.top < 1) throw UsageError("--top must be at least 1", "give the number of top customers, such as --top 10");
  auto& s = ctx.session();
  report::Document doc = report_document("Customer report", scope);
  crm::ValueReport value = crm::value_report(s, scope);
  doc.fields()
      .add("customers", "customers", value.customers)
      .add("orders", "orders", value.orders)
      .add("revenue", "revenue", money_cell(ctx, value.revenue));
  value_section(ctx, doc, value);
  crm::ReportScope whole = scope;
  whole.since.reset();
  rfm_section(ctx, doc, crm::rfm_report(s, whole, false));
  cohort_section(doc, crm::cohort_report(s, scope));
  clv_section(ctx, doc, scope);
  channels_section(ctx, doc, crm::channels_report(s, scope));
  crm::TopRequest top;
  top.scope = scope;
  top.n = o.top;
  top_section(ctx, doc, crm::top_report(s, top));
  crm::AffinityRequest affinity;
  affinity.scope = scope;
  affinity_section(doc, crm::affinity_report(s, affinity));
  render(ctx, doc);
  ctx.note(fmt::format("report of {} customers", value.customers));
  return kExitOk;
}

}  // namespace

void register_report_all(CLI::App* report, Context& ctx) {
  auto o = std::make_shared<AllOptions>();
  auto* cmd = report->add_subcommand("all", "Every report in one document: kunde report all -o report.html");
  add_as_of_option(cmd, o->report);
  add_since_option(cmd, o->report, "Read orders and contacts from DATE on (default: all; CLV and RFM read all)");
  cmd->add_option("--top", o->top, "How many top customers (default 10)");
  cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run_all(ctx, *o); }; });
}

}  // namespace kunde::cmd
