// `report clv`: a purchase-count model (BG/NBD, MBG/NBD or Pareto/NBD) and Gamma-Gamma fitted
// to the purchase days up to the calibration end, the lifetime value of every customer, the
// holdout accuracy when the calibration ends before the data does, and the scores stored
// per customer (kunde-report(1), CLV).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analytics/count_model.hpp"
#include "analytics/gamma_gamma.hpp"
#include "analytics/holdout.hpp"
#include "crm/reports.hpp"

namespace kunde::crm {

struct ClvRequest {
  // as_of: the end of the data read. Without a calibration end the models are fitted as of
  // this day; with one, the holdout runs from the day after it to this day.
  ReportScope scope;
  std::string model = "bgnbd";   // bgnbd, mbgnbd, pareto-nbd
  std::string period = "week";   // day, week, month
  double horizon = 52;           // periods
  double discount_rate = 0.10;   // yearly
  std::optional<std::string> calibration_end;
  // With a calibration end and no as-of day of its own: the holdout ends on the last order
  // day up to scope.as_of.
  bool holdout_to_last_order = false;
  bool save = false;  // store the scores (never with a calibration end)
};

struct ClvCustomer {
  std::int64_t id = 0;
  std::string number, name;
  int frequency = 0;            // x: repeat purchase days
  double recency = 0, age = 0;  // t_x and T, in periods
  std::int64_t revenue = 0;     // in the calibration period
  double p_alive = 0, expected_purchases = 0;
  double expected_order_value = 0, clv = 0;  // minor units
  std::optional<int> holdout_actual;         // purchase days in the holdout
  std::optional<double> holdout_predicted;
};

struct ClvReport {
  ClvRequest request;
  std::string model_name;       // "BG/NBD"
  std::string calibration_end;  // YYYY-MM-DD
  std::optional<std::string> holdout_end;
  std::string data;             // the summary described, as fit errors give it
  std::int64_t customers = 0, repeat_buyers = 0, repeat_purchases = 0, one_time_buyers = 0;
  std::int64_t after_end = 0, return_days = 0;
  std::int64_t revenue = 0;        // Σ purchase days in the calibration period (return days left out)
  std::vector<analytics::Parameter> count_parameters;
  analytics::FitReport count_fit;
  std::vector<analytics::Parameter> spend_parameters;  // gamma in minor units
  analytics::FitReport spend_fit;
  std::vector<std::string> limits;  // the edges of the models the fits reached (analytics/fit_limits.hpp)
  std::int64_t spend_customers = 0, spend_excluded = 0;
  double spend_correlation = 0;
  double population_order_value = 0;  // minor units
  double margin_ratio = 1;
  bool margin_known = false;    // some line has a known cost
  std::optional<analytics::HoldoutAccuracy> holdout;
  std::vector<ClvCustomer> rows;  // by CLV, highest first (ties by id)
  double total_clv = 0, total_expected_purchases = 0;
  bool saved = false;
};

// Throws kunde::Error with the data described when a model cannot be fitted.
ClvReport clv_report(Session& s, const ClvRequest& request);

}  // namespace kunde::crm
