// `report churn`: customers at risk ranked by the value at stake with the reason they are
// flagged, churned customers against retained ones by recorded reason, last complaint,
// channel, category and tenure, and the churn and retention rate per month
// (kunde-report(1), CHURN). `report summary` uses the same counts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crm/reports.hpp"

namespace kunde::crm {

struct ChurnRequest {
  ReportScope scope;  // since is not used: churn looks at every order up to the as-of day
  ChurnSettings settings;
  std::string model = "bgnbd";  // the purchase model P(alive) comes from
  std::string period = "week";  // its time unit
  int months = 12;              // churn and retention rates for this many calendar months
  bool details = true;          // the breakdown, the rates and the rows' names (report summary: false)
  bool save = false;            // store each customer's churn risk
};

struct AtRisk {
  std::int64_t id = 0;
  std::string number, name;
  std::int64_t orders = 0, purchase_days = 0;
  std::string first_order, last_order;
  int days_since = 0;
  std::optional<double> median_interval;  // days between purchase days; with 3 or more of them
  std::optional<double> p_alive;
  std::int64_t revenue = 0, margin = 0;
  std::int64_t value_at_stake = 0;  // margin (revenue, when no line has a cost) per year of tenure
  bool by_p_alive = false, by_interval = false;
  std::string reason;
};

struct ChurnGroup {
  std::string dimension, value;
  std::int64_t churned = 0, retained = 0;
  double churned_share = 0, retained_share = 0;  // of all churned, of all retained customers
  double churn_rate = 0;                         // churned / (churned + retained)
  std::optional<double> lift;                    // churned_share / retained_share
};

struct ChurnMonth {
  std::string month;        // YYYY-MM
  std::string first, last;  // the days it covers (the as-of month up to the as-of day)
  // Active at the start, new (first order in the month), returned (inactive at the start,
  // an order in the month) and churned: the next month starts with active + new + returned
  // - churned, when churn_days is longer than a month.
  std::int64_t active_at_start = 0, new_customers = 0, returned = 0, churned = 0;
  std::optional<double> churn_rate, retention_rate;  // none without active customers at the start
};

struct ChurnReport {
  ChurnRequest request;
  std::string model_name;
  std::optional<std::string> fit_error;  // why P(alive) was left out
  std::int64_t customers = 0;            // with an order up to the as-of day
  std::int64_t active = 0, at_risk = 0, churned = 0, at_risk_by_p_alive = 0, at_risk_by_interval = 0;
  std::int64_t value_at_stake = 0;
  bool stake_is_revenue = false;  // no line has a cost: the value at stake is revenue
  std::int64_t revenue = 0, churned_revenue = 0;  // all customers', the churned ones'
  std::vector<AtRisk> rows;  // by value at stake, highest first (ties by id)
  std::vector<ChurnGroup> groups;
  std::vector<ChurnMonth> months;  // oldest first
  bool saved = false;
};

ChurnReport churn_report(Session& s, const ChurnRequest& request);

}  // namespace kunde::crm
