// kunde report: value, clv, rfm, churn, cohort, top and summary (one file each), and the
// options and cells they share.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "clock.hpp"
#include "commands.hpp"
#include "crm/reports_baskets.hpp"
#include "crm/segments.hpp"
#include "crm/statistics.hpp"
#include "options.hpp"
#include "render.hpp"
#include "report_verbs.hpp"

namespace kunde::cmd {

void add_as_of_option(CLI::App* app, ReportOptions& o) {
  app->add_option("--as-of", o.as_of, "Compute from the rows up to DATE (default today; also relative: -30d)");
  app->add_option("--segment", o.segment, "Only the members of segment NAME (see kunde-segment(1))");
}

void add_since_option(CLI::App* app, ReportOptions& o, const std::string& what) {
  app->add_option("--since", o.since, what);
}

std::optional<std::string> date_option_day(const std::string& text, const std::string& option) {
  auto day = date_option(text, option);
  if (day) day->resize(std::min<std::size_t>(day->size(), 10));
  return day;
}

crm::ReportScope report_scope(Context& ctx, const ReportOptions& o, bool empty_segment_ok) {
  crm::ReportScope s;
  if (!o.segment.empty()) {
    s.customers = empty_segment_ok ? crm::segment_member_ids(ctx.session(), o.segment)
                                   : crm::segment_members_to_report(ctx.session(), o.segment);
  }
  s.as_of = date_option_day(o.as_of, "--as-of").value_or(today_local());
  if (auto since = date_option_day(o.since, "--since")) {
    s.since = *since;
    if (*s.since > s.as_of) {
      throw UsageError(fmt::format("--since {} is after the as-of day {}", *s.since, s.as_of),
                       "give a --since on or before --as-of");
    }
  }
  return s;
}

Value money_cell(Context& ctx, std::int64_t minor) { return Decimal{minor, ctx.money_decimals()}; }

Value money_cell(Context& ctx, double minor) {
  if (!std::isfinite(minor)) return Value();
  return Decimal{std::llround(minor), ctx.money_decimals()};
}

Value rounded(double v, int decimals) {
  if (!std::isfinite(v)) return Value();
  double scale = std::pow(10.0, decimals);
  return Decimal{std::llround(v * scale), decimals};
}

Value share_cell(double share) { return rounded(100 * share, 1); }

double significant(double v, int digits) {
  if (v == 0 || !std::isfinite(v)) return v;
  double magnitude = std::pow(10.0, digits - 1 - static_cast<int>(std::floor(std::log10(std::abs(v)))));
  return std::round(v * magnitude) / magnitude;
}

std::string percent(double share) {
  if (!std::isfinite(share)) return "-";
  return fmt::format("{:.1f}%", 100 * share);
}

std::string money_text(Context& ctx, std::int64_t minor) {
  return format_decimal(Decimal{minor, ctx.money_decimals()}) + currency_suffix(ctx);
}

void product_names_table(Context& ctx, report::Document& doc, const std::vector<std::string>& skus) {
  auto names = crm::product_names(ctx.session(), skus);
  if (names.empty()) return;
  auto& t = doc.table("products", "Products", {"sku", "name", "category"});
  for (auto& p : names) t.add_row({p.sku, p.name, p.category ? Value(*p.category) : Value()});
}

std::string no_rules_note(double min_support, double min_confidence, double min_lift, std::int64_t baskets,
                          const std::string& basket, const std::string& item) {
  const auto needed = static_cast<std::int64_t>(std::ceil(min_support * static_cast<double>(baskets) - 1e-9));
  const bool lift = min_lift > 0;
  return fmt::format("no rule: a rule's {}s must be bought together in {} of the {} {}s (support {}) with confidence "
                     "{}{}; lower {}{} to find more",
                     item, std::max<std::int64_t>(needed, 1), baskets, basket, min_support, min_confidence,
                     lift ? fmt::format(" and lift {}", min_lift) : "",
                     lift ? "--min-support, --min-confidence or --min-lift" : "--min-support or --min-confidence",
                     item == "product" ? ", or use --level category," : "");
}

std::string margin_text(Context& ctx, std::int64_t margin, std::int64_t revenue, std::int64_t revenue_with_cost) {
  if (crm::margin_unknown(revenue, revenue_with_cost) && margin == 0) return kMarginUnknown;
  if (revenue_with_cost == revenue) return money_text(ctx, margin);
  return fmt::format("{} on the {} whose cost is known", money_text(ctx, margin), money_text(ctx, revenue_with_cost));
}

std::string currency_suffix(Context& ctx) {
  std::string c = ctx.config().currency();
  return c.empty() ? "" : " " + c;
}

report::Document report_document(const std::string& title, const crm::ReportScope& scope) {
  std::string subtitle = "as of " + scope.as_of;
  if (scope.since) subtitle = fmt::format("{} to {}", *scope.since, scope.as_of);
  report::Document doc(title, subtitle);
  doc.fields(report::Audience::machines).data("as_of", scope.as_of).data("since", scope.since);
  return doc;
}

void register_report(CLI::App& app, Context& ctx) {
  auto* report = app.add_subcommand("report", "What customers are worth, who is at risk, cohorts and the best customers");
  report->require_subcommand(1);
  register_report_summary(report, ctx);
  register_report_value(report, ctx);
  register_report_clv(report, ctx);
  register_report_rfm(report, ctx);
  register_report_churn(report, ctx);
  register_report_cohort(report, ctx);
  register_report_top(report, ctx);
  register_report_affinity(report, ctx);
  register_report_products(report, ctx);
  register_report_next(report, ctx);
  register_report_channels(report, ctx);
  register_report_changes(report, ctx);
  register_report_wallet(report, ctx);
  register_report_all(report, ctx);
}

}  // namespace kunde::cmd
