// The report verbs (one file each, report_*.cpp), registered by report.cpp, and what they
// share: the as-of option, money and number cells, the scope a report reads.
#pragma once

#include <CLI/CLI.hpp>

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>

#include "context.hpp"
#include "crm/reports.hpp"
#include "report/document.hpp"

namespace kunde::cmd {

void register_report_value(CLI::App* report, Context& ctx);
void register_report_clv(CLI::App* report, Context& ctx);
void register_report_rfm(CLI::App* report, Context& ctx);
void register_report_churn(CLI::App* report, Context& ctx);
void register_report_cohort(CLI::App* report, Context& ctx);
void register_report_top(CLI::App* report, Context& ctx);
void register_report_summary(CLI::App* report, Context& ctx);
// Purchase patterns, channels and behaviour changes.
void register_report_affinity(CLI::App* report, Context& ctx);
void register_report_products(CLI::App* report, Context& ctx);
void register_report_next(CLI::App* report, Context& ctx);
void register_report_channels(CLI::App* report, Context& ctx);
void register_report_changes(CLI::App* report, Context& ctx);
void register_report_wallet(CLI::App* report, Context& ctx);
void register_report_all(CLI::App* report, Context& ctx);

// Options every report takes.
struct ReportOptions {
  std::string as_of;
  std::string since;    // only where the report offers --since
  std::string segment;  // the members of a segment only
};
void add_as_of_option(CLI::App* app, ReportOptions& o);
void add_since_option(CLI::App* app, ReportOptions& o, const std::string& what);

// A date option as a day (YYYY-MM-DD); empty stays empty.
std::optional<std::string> date_option_day(const std::string& text, const std::string& option);

// The rows a report reads: up to --as-of (default today), from --since, of the members of
// --segment.
// A segment without members is an error (the report would be of no one) unless
// `empty_segment_ok`: report changes, which a cron job runs and which says nothing when
// nothing changed.
crm::ReportScope report_scope(Context& ctx, const ReportOptions& o, bool empty_segment_ok = false);

// Cells: money in minor units as the store's decimals; a number rounded for people (JSON
// gets the rounded number too: what a report says is what it means).
Value money_cell(Context& ctx, std::int64_t minor);
Value money_cell(Context& ctx, double minor);
Value rounded(double v, int decimals);
Value share_cell(double share);  // a fraction, as a percentage with one decimal: 12.5
// Rounded to `digits` significant digits: fitted parameters.
double significant(double v, int digits);
// "12.5%" for 0.125.
std::string percent(double share);
std::string money_text(Context& ctx, std::int64_t minor);
// The margin for people: of the revenue whose cost is known (crm/statistics.hpp), said so
// when that is not all of it, and "unknown" when no line has a cost.
std::string margin_text(Context& ctx, std::int64_t margin, std::int64_t revenue, std::int64_t revenue_with_cost);
// Why a rule search found nothing: what its support asks for, in baskets ("order", "customer")
// of items ("product", "category").
std::string no_rules_note(double min_support, double min_confidence, double min_lift, std::int64_t baskets,
                          const std::string& basket, const std::string& item);
// For a product-level report: a table "products" naming the products of the SKUs it shows
// (in that order), so a reader need not look each SKU up.
void product_names_table(Context& ctx, report::Document& doc, const std::vector<std::string>& skus);
// "NOK" when the currency is configured, else "".
std::string currency_suffix(Context& ctx);

// The document of a report: its title, and "as of DAY" (with "since DAY") as subtitle and as
// the fields as_of and since.
report::Document report_document(const std::string& title, const crm::ReportScope& scope);

}  // namespace kunde::cmd
