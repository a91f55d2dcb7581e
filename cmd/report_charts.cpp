// The report charts.
#include "report_charts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace kunde::cmd {

report::Chart whale_chart(const crm::ValueReport& r, int decimals) {
  report::Chart c(report::ChartKind::line, "whale_curve", "Whale curve");
  c.x_label = "customers, most profitable first";
  c.x_format.scale = report::Scale::percent;
  std::vector<double> y, equal;
  const bool shares = r.profit > 0;
  c.y_label = shares ? "share of total profit" : "cumulative profit";
  c.y_format.scale = shares ? report::Scale::percent : report::Scale::money;
  const double scale = std::pow(10.0, decimals);
  for (const auto& p : r.whale) {
    c.x.push_back(p.customer_share);
    y.push_back(shares ? static_cast<double>(p.cumulative_profit) / static_cast<double>(r.profit)
                       : static_cast<double>(p.cumulative_profit) / scale);
    equal.push_back(shares ? p.customer_share : p.customer_share * static_cast<double>(r.profit) / scale);
  }
  c.add_series("cumulative profit", y);
  c.add_series("every customer alike", equal, true);
  if (shares) c.guides.push_back({1.0, "100%"});
  return c;
}

report::Chart rfm_grid_chart(const crm::RfmReport& r) {
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
  return grid;
}

report::Chart retention_heatmap(const crm::CohortReport& r, std::size_t last) {
  const auto& cohorts = r.matrix.cohorts;
  report::Chart heat(report::ChartKind::heatmap, "retention_heatmap", "Share of each cohort ordering k months later");
  heat.x_label = "months since the first order";
  heat.y_label = "cohort";
  heat.value_label = "ordering";
  heat.y_format.scale = report::Scale::percent;
  heat.y_format.decimals = 0;
  const std::size_t first = cohorts.size() > last ? cohorts.size() - last : 0;
  std::size_t width = 0;
  for (std::size_t i = first; i < cohorts.size(); ++i) width = std::max(width, cohorts[i].retention.size());
  for (std::size_t k = 0; k < width; ++k) heat.categories.push_back(std::to_string(k));
  for (std::size_t i = first; i < cohorts.size(); ++i) {
    std::vector<double> shares;
    for (std::size_t k = 0; k < width; ++k) shares.push_back(k < cohorts[i].retention.size() ? cohorts[i].retention[k] : report::missing);
    heat.add_series(crm::month_text(cohorts[i].month), shares);
  }
  return heat;
}

report::Chart clv_histogram(Context& ctx, const crm::ClvReport& r) {
  const int d = ctx.money_decimals();
  const double scale = std::pow(10.0, d);
  std::vector<double> values;
  values.reserve(r.rows.size());
  for (const auto& row : r.rows) values.push_back(row.clv / scale);
  report::Chart hist = report::histogram("clv_distribution", "CLV distribution", values, 0,
                                         {report::Scale::money, d, ctx.config().currency()});
  hist.x_label = "CLV";
  hist.y_label = "customers";
  return hist;
}

report::Chart channel_mix_chart(const crm::ChannelsReport& r) {
  report::Chart mix(report::ChartKind::bar, "channel_mix", "Channel mix of orders and contacts");
  mix.x_label = "channel";
  mix.y_label = "share";
  mix.y_format.scale = report::Scale::percent;
  std::vector<double> orders, contacts;
  for (const auto& m : r.mix) {
    mix.categories.push_back(m.channel);
    orders.push_back(m.order_share);
    contacts.push_back(m.contact_share);
  }
  mix.add_series("orders", orders);
  mix.add_series("contacts", contacts);
  return mix;
}

report::Chart top_profile_chart(const crm::TopReport& r) {
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
  return chart;
}

report::Chart wallet_bands_chart(const crm::WalletReport& r) {
  report::Chart chart(report::ChartKind::bar, "wallet_bands", "Customers by share of wallet");
  chart.x_label = "share of wallet";
  chart.y_label = "customers";
  chart.y_format.scale = report::Scale::integer;
  std::vector<double> customers;
  for (const auto& b : r.bands) {
    chart.categories.push_back(b.band);
    customers.push_back(static_cast<double>(b.customers));
  }
  chart.add_series("customers", customers);
  return chart;
}

}  // namespace kunde::cmd
