// Holdout accuracy and the tracking curve.
#include "analytics/holdout.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "error.hpp"

namespace kunde::analytics {

HoldoutAccuracy holdout_accuracy(const CountModel& model, const PurchaseSummary& data) {
  const SummaryOptions& o = data.options;
  if (!o.holdout_end) {
    throw Error("internal error: holdout accuracy needs a summary with a holdout period",
                "give a calibration end before the last order date");
  }
  const double pd = o.period_days;
  const int end = o.calibration_end, holdout_end = *o.holdout_end;
  HoldoutAccuracy h;
  h.periods = (holdout_end - end) / pd;
  h.customers = static_cast<std::int64_t>(data.customers.size());
  h.by_frequency.resize(kFrequencyRows);
  for (int i = 0; i < kFrequencyRows; ++i) {
    h.by_frequency[i].x = i;
    h.by_frequency[i].and_more = i == kFrequencyRows - 1;
  }

  // The calendar periods.
  int first_day = end;
  std::map<int, double> first_days;  // customers by first purchase day
  for (const auto& c : data.customers) {
    first_day = std::min(first_day, c.first_day);
    first_days[c.first_day] += 1;
  }
  std::vector<int> days;
  for (int k = 0;; ++k) {
    int day = end - static_cast<int>(std::llround(k * pd));
    if (day < first_day) break;
    days.push_back(day);
  }
  std::reverse(days.begin(), days.end());
  for (int k = 1;; ++k) {
    int day = std::min(holdout_end, end + static_cast<int>(std::llround(k * pd)));
    days.push_back(day);
    if (day == holdout_end) break;
  }
  const std::size_t first_holdout =
      static_cast<std::size_t>(std::find_if(days.begin(), days.end(), [&](int d) { return d > end; }) - days.begin());
  std::vector<double> holdout_t;
  for (std::size_t i = first_holdout; i < days.size(); ++i) holdout_t.push_back((days[i] - end) / pd);

  // The forecast at each holdout period's end: P(alive) per customer times the expectation
  // for an active customer, which depends only on (x, T) and so is computed once per pair.
  struct KeyHash {
    std::size_t operator()(const std::pair<int, double>& k) const {
      return std::hash<double>()(k.second) * 31 + std::hash<int>()(k.first);
    }
  };
  std::unordered_map<std::pair<int, double>, std::vector<double>, KeyHash> if_alive;
  std::vector<double> predicted_since_end(holdout_t.size(), 0.0);
  double abs_error = 0, sq_error = 0;
  for (const auto& c : data.customers) {
    auto [it, fresh] = if_alive.try_emplace({c.x, c.T});
    if (fresh) {
      for (double t : holdout_t) it->second.push_back(model.expected_purchases_if_alive(c.x, c.T, t));
    }
    const double alive = model.p_alive(c.x, c.t_x, c.T);
    for (std::size_t k = 0; k < holdout_t.size(); ++k) predicted_since_end[k] += alive * it->second[k];
    const double at_end = alive * it->second.back();
    h.predicted += at_end;
    h.actual += c.holdout_x;
    const double err = at_end - c.holdout_x;
    abs_error += std::abs(err);
    sq_error += err * err;
    FrequencyRow& row = h.by_frequency[static_cast<std::size_t>(std::min(c.x, kFrequencyRows - 1))];
    row.customers += 1;
    row.actual += c.holdout_x;
    row.predicted += at_end;
  }
  if (h.customers > 0) {
    h.mae = abs_error / static_cast<double>(h.customers);
    h.rmse = std::sqrt(sq_error / static_cast<double>(h.customers));
  }
  for (auto& row : h.by_frequency) {
    if (row.customers > 0) {
      row.actual /= static_cast<double>(row.customers);
      row.predicted /= static_cast<double>(row.customers);
    }
  }

  // The tracking curve: unconditional expectations depend only on the days since the first
  // purchase, so each distinct offset is evaluated once.
  std::unordered_map<int, double> expected_at;
  auto expected = [&](int offset) {
    auto it = expected_at.find(offset);
    if (it != expected_at.end()) return it->second;
    double e = model.expected_purchases(offset / pd);
    expected_at.emplace(offset, e);
    return e;
  };
  double actual_at_end = 0;
  for (const auto& [day, n] : data.repeat_purchases_by_day) {
    if (day <= end) actual_at_end += static_cast<double>(n);
  }
  auto purchase = data.repeat_purchases_by_day.begin();
  double cumulative = 0;
  for (std::size_t i = 0; i < days.size(); ++i) {
    TrackingPoint p;
    p.day = days[i];
    p.periods = (p.day - end) / pd;
    p.holdout = p.day > end;
    for (; purchase != data.repeat_purchases_by_day.end() && purchase->first <= p.day; ++purchase) {
      cumulative += static_cast<double>(purchase->second);
    }
    p.actual = cumulative;
    for (const auto& [first, n] : first_days) {
      if (first > p.day) break;
      p.expected += n * expected(p.day - first);
    }
    if (p.holdout) {
      p.actual_since_end = cumulative - actual_at_end;
      p.predicted_since_end = predicted_since_end[i - first_holdout];
    }
    h.tracking.push_back(p);
  }
  return h;
}

}  // namespace kunde::analytics
