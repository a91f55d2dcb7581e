// `report changes`: customers whose recent behaviour (the last window of days up to as-of)
// departs from their own history before it: order frequency, order value, category mix,
// order channel and complaint rate, with the thresholds of [changes] (kunde-report(1),
// CHANGES). Meant for cron: nothing changed, nothing to say.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "crm/reports.hpp"

namespace kunde::crm {

struct ChangeSettings {
  int min_orders = 3;             // history orders before frequency, value and mix are judged
  double frequency_drop = 0.5;    // recent orders at most this share of the expected: a drop
  double min_expected = 1.0;      // orders the history expects in a window before a drop counts
  double frequency_rise = 2.0;    // at least this multiple of the expected (and 2 orders): a rise
  double value_change = 0.5;      // mean order value up or down by this share
  double mix_distance = 0.5;      // category shares apart by this much (total variation, 0..1)
  double complaint_factor = 3.0;  // complaints per day this multiple of the history's
  int min_complaints = 2;         // recent complaints before the complaint rate is judged
};
// [changes] of the configuration; throws kunde::Error naming the file for a bad value.
ChangeSettings change_settings(const Config& config);

struct ChangesRequest {
  ReportScope scope;
  int window_days = 90;
  ChangeSettings settings;
};

struct Change {
  std::int64_t customer_id = 0;
  std::string what;                // frequency, value, category_mix, channel, complaints
  std::string before, now;         // as people read them: "4.2 orders", "books", ...
  std::optional<double> change;    // relative (now / before - 1), the distance for category_mix
  std::string detail;              // a sentence
};

struct ChangesReport {
  ChangesRequest request;
  std::string window_start;          // first day of the window
  std::int64_t customers = 0;        // with history before the window
  std::vector<Change> changes;       // by customer id, then what
};

// Throws kunde::UsageError for a window below 1 day.
ChangesReport changes_report(Session& s, const ChangesRequest& request);

// "90d", "12w", "3m" (30 days a month) or a plain number of days. Throws kunde::UsageError.
int window_days(std::string_view text);

}  // namespace kunde::crm
