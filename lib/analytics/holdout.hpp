// How well a fitted count model forecasts the holdout period (`--calibration-end`): predicted
// against actual repeat purchases per customer and in total, by calibration frequency, and
// the cumulative tracking curve over calendar periods (BTYD's PlotTrackingCum).
#pragma once

#include <cstdint>
#include <vector>

#include "analytics/count_model.hpp"
#include "analytics/purchase_summary.hpp"

namespace kunde::analytics {

// Customers with calibration frequency x (the last row collects x >= kFrequencyRows - 1).
struct FrequencyRow {
  int x = 0;
  bool and_more = false;
  std::int64_t customers = 0;
  double actual = 0;     // mean repeat purchases in the holdout
  double predicted = 0;  // mean conditional expectation
};
inline constexpr int kFrequencyRows = 8;

// One calendar period, ending on `day`. Periods are counted back from the calibration end
// (the calibration side, back to the first purchase) and on from it (the holdout side); the
// last holdout period ends at the holdout end even when it is shorter.
struct TrackingPoint {
  int day = 0;
  double periods = 0;      // (day - calibration end) / period: <= 0 in calibration, > 0 in the holdout
  bool holdout = false;
  double actual = 0;       // repeat purchases of the summarised customers up to and including `day`
  double expected = 0;     // sum over customers of expected_purchases(since their first purchase)
  // Holdout points only (0 otherwise): the same since the calibration end, and the model's
  // conditional forecast for it.
  double actual_since_end = 0;
  double predicted_since_end = 0;
};

struct HoldoutAccuracy {
  double periods = 0;           // length of the holdout
  std::int64_t customers = 0;
  double actual = 0;            // repeat purchases in the holdout, all customers
  double predicted = 0;         // sum of the conditional expectations
  double mae = 0;               // mean absolute error per customer
  double rmse = 0;
  std::vector<FrequencyRow> by_frequency;
  std::vector<TrackingPoint> tracking;
};

// Throws kunde::Error when the summary was made without a holdout end.
HoldoutAccuracy holdout_accuracy(const CountModel& model, const PurchaseSummary& data);

}  // namespace kunde::analytics
