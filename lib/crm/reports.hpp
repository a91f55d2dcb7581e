// What every report service shares: which rows a report reads (as of a day, from a day, of
// some customers), the settings reports take from the configuration ([clv], [churn], [rfm]),
// and day numbers. The reports themselves are in reports_*.hpp; kunde-report(1) defines every
// figure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/rfm.hpp"
#include "config/config.hpp"
#include "store/analytics.hpp"

namespace kunde::crm {

class Session;

// The rows a report reads.
struct ReportScope {
  std::string as_of;                                   // YYYY-MM-DD
  std::optional<std::string> since;                    // YYYY-MM-DD
  std::optional<std::vector<std::int64_t>> customers;  // a segment's members
  store::AnalyticsQuery query() const { return {as_of, since, customers}; }
};

// Days since 1970-01-01 of the date at the start of `text` (YYYY-MM-DD...). Throws
// kunde::Error for text that is not a date.
int day_number(std::string_view text);
std::string day_text(int day);

// [clv]: the purchase model, the time unit, the forecast horizon and the yearly discount rate.
struct ClvSettings {
  std::string model = "bgnbd";  // bgnbd, mbgnbd or pareto-nbd
  std::string period = "week";  // day, week or month
  std::string horizon = "52w";  // a number of periods, or a length: 52w, 12m, 1y, 365d
  double discount_rate = 0.10;  // yearly
};
ClvSettings clv_settings(const Config& config);

// A horizon such as "52w", "12m", "1y", "90d" (months of 365.25/12 days, years of 365.25
// days) or a plain number of periods, in periods of `period_days`. Throws kunde::UsageError.
double horizon_periods(std::string_view text, double period_days);

// "bgnbd", "mbgnbd" or "pareto-nbd" (also "pnbd"), as stored with the scores. Throws
// kunde::UsageError for other names.
std::string model_key(std::string_view name);

// [churn]: when a customer is at risk, and when gone.
struct ChurnSettings {
  double p_alive_threshold = 0.5;
  double interval_factor = 3;
  int churn_days = 365;
};
ChurnSettings churn_settings(const Config& config);

// [rfm] segments: the configured table, else analytics::default_segments(). Throws
// kunde::Error naming the config file for a malformed rule.
std::vector<analytics::SegmentRule> rfm_segments(const Config& config);

// The customer number and name of every customer in the scope, for the rows of a report.
struct CustomerName {
  std::string number, name;
};
class CustomerNames {
 public:
  CustomerNames(Session& s, const ReportScope& scope);
  const CustomerName& of(std::int64_t id) const;

 private:
  std::vector<std::pair<std::int64_t, CustomerName>> names_;  // by id
  CustomerName none_;
};

}  // namespace kunde::crm
