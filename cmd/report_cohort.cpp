// kunde report cohort: the retention matrix and revenue by month of first order.
#include <fmt/format.h>

#include "crm/reports_cohort.hpp"
#include "render.hpp"
#include "report_charts.hpp"
#include "report_verbs.hpp"

namespace kunde::cmd {
namespace {

int run_cohort(Context& ctx, const ReportOptions& o) {
  crm::CohortReport r = crm::cohort_report(ctx.session(), report_scope(ctx, o));
  const auto& cohorts = r.matrix.cohorts;
  std::size_t width = 0;
  for (const auto& c : cohorts) width = std::max(width, c.active.size());

  report::Document doc = report_document("Cohorts by month of first order", r.scope);
  doc.fields()
      .add("cohorts", "cohorts", static_cast<std::int64_t>(cohorts.size()),
           fmt::format("{} months, {} customers, revenue {}", cohorts.size(), r.customers, money_text(ctx, r.revenue)))
      .data("customers", r.customers)
      .data("revenue", money_cell(ctx, r.revenue));

  report::Chart revenue(report::ChartKind::bar, "cohort_revenue", "Revenue by cohort");
  revenue.x_label = "cohort";
  revenue.y_label = "revenue";
  revenue.y_format = {report::Scale::money, ctx.money_decimals(), ctx.config().currency()};
  std::vector<double> revenue_values;
  const double scale = std::pow(10.0, ctx.money_decimals());

  std::vector<std::string> columns = {"cohort", "customers", "revenue"};
  std::vector<std::string> revenue_columns = {"cohort", "customers", "revenue"};
  for (std::size_t k = 0; k < width; ++k) {
    columns.push_back(fmt::format("m{}_pct", k));
    revenue_columns.push_back(fmt::format("m{}", k));
  }
  std::vector<std::vector<Value>> rows, money_rows;
  for (const auto& c : cohorts) {
    std::string name = crm::month_text(c.month);
    std::int64_t total = 0;
    for (std::int64_t v : c.revenue) total += v;
    std::vector<Value> cells = {name, c.customers, money_cell(ctx, total)};
    std::vector<Value> money_cells = cells;
    for (std::size_t k = 0; k < width; ++k) {
      bool has = k < c.retention.size();
      cells.push_back(has ? share_cell(c.retention[k]) : Value());
      money_cells.push_back(has ? money_cell(ctx, c.revenue[k]) : Value());
    }
    rows.push_back(std::move(cells));
    money_rows.push_back(std::move(money_cells));
    revenue.categories.push_back(name);
    revenue_values.push_back(static_cast<double>(total) / scale);
  }
  revenue.add_series("revenue", revenue_values);
  if (!cohorts.empty()) {
    doc.chart(retention_heatmap(r, cohorts.size()));
    doc.chart(revenue);
  }
  auto& table = doc.table("retention", "Retention: % of the cohort ordering in month k", columns);
  table.primary = true;
  for (auto& row : rows) table.add_row(std::move(row));
  auto& money_table = doc.table("revenue_by_month", "Revenue of the cohort in month k", revenue_columns);
  for (auto& row : money_rows) money_table.add_row(std::move(row));
  render(ctx, doc);
  ctx.note(fmt::format("{}, {}", counted(cohorts.size(), "cohort"), counted(r.customers, "customer")));
  return kExitOk;
}

}  // namespace

void register_report_cohort(CLI::App* report, Context& ctx) {
  auto o = std::make_shared<ReportOptions>();
  auto* cmd = report->add_subcommand("cohort", "Retention and revenue by month of first order");
  add_as_of_option(cmd, *o);
  add_since_option(cmd, *o, "Show the cohorts from the month of DATE on (default: all)");
  cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run_cohort(ctx, *o); }; });
}

}  // namespace kunde::cmd
