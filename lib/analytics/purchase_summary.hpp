// The per-customer purchase summary the CLV models are fitted on: from dated amounts to
// frequency x, recency t_x, age T and mean spend, for a calibration period and an optional
// holdout period after it. Days are days since 1970-01-01; amounts are minor units.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <absl/container/flat_hash_set.h>

namespace kunde::analytics {

// Period lengths in days: "day" 1, "week" 7, "month" 365.25/12. Throws kunde::UsageError for
// any other name.
double period_days(std::string_view unit);
// "day", "week", "month" for those lengths, otherwise "period of N days".
std::string period_name(double days);

// Days since 1970-01-01 of an ISO date (YYYY-MM-DD, anything after the date is ignored), and
// back. Throws kunde::Error for text that is not a date.
int epoch_day(std::string_view iso_date);
std::string iso_date(int epoch_day);

// One dated amount: an order, or an order line. Several on the same day are one purchase.
struct Purchase {
  int day = 0;               // days since 1970-01-01
  std::int64_t amount = 0;   // minor units; zero (free) and negative (returns) are allowed
};

// How a day whose amounts sum to less than zero counts. Such a day holds returns and no
// purchase worth more than them.
enum class ReturnDays {
  skip,   // not a purchase: left out of x, t_x, T and the spend, counted in return_days
  count,  // a purchase like any other day, with its negative total (lifetimes, BTYD)
};

struct SummaryOptions {
  int calibration_end = 0;             // last day of the calibration period (inclusive)
  std::optional<int> holdout_end;      // last day of the holdout period (inclusive), if any
  double period_days = 7.0;            // the unit of t_x, T and every model's time
  ReturnDays return_days = ReturnDays::skip;
};

struct CustomerSummary {
  std::int64_t customer = 0;   // the caller's id, passed through
  int first_day = 0;           // first purchase day
  int last_day = 0;            // last purchase day up to the calibration end
  int x = 0;                   // repeat purchase days in the calibration period
  double t_x = 0;              // (last_day - first_day) / period
  double T = 0;                // (calibration_end - first_day) / period
  double monetary = 0;         // mean total of the repeat purchase days (the first day is not
                               // counted, as in the Gamma-Gamma model); 0 when x == 0
  std::int64_t revenue = 0;    // sum of all purchase days in the calibration period, first included
  int holdout_x = 0;           // purchase days in (calibration_end, holdout_end]
  std::int64_t holdout_revenue = 0;
};

struct PurchaseSummary {
  SummaryOptions options;
  std::vector<CustomerSummary> customers;   // in the order their rows came
  std::int64_t after_end = 0;     // customers left out: first purchase after the calibration end
  std::int64_t return_days = 0;   // customer-days skipped as returns (ReturnDays::skip)
  // Repeat purchase days of the summarised customers by day, calibration and holdout: the
  // actual side of the tracking curve.
  std::map<int, std::int64_t> repeat_purchases_by_day;

  // "2,357 customers, 946 repeat buyers, 2,457 repeat purchases, mean T 32.7 weeks": the
  // data as the error messages of the fits describe it.
  std::string describe() const;
  std::int64_t repeat_buyers() const;
  std::int64_t repeat_purchases() const;
};

// Builds a PurchaseSummary from rows that come grouped by customer (every row of a customer
// before the next customer's, days in any order), as a store streams them. Throws
// kunde::Error when a customer's rows come in two separate runs.
class PurchaseSummaryBuilder {
 public:
  explicit PurchaseSummaryBuilder(SummaryOptions options);
  void add(std::int64_t customer, int day, std::int64_t amount);
  PurchaseSummary finish();

 private:
  void flush();
  PurchaseSummary summary_;
  std::int64_t current_ = 0;
  bool have_current_ = false;
  std::vector<Purchase> rows_;
  absl::flat_hash_set<std::int64_t> seen_;  // customers flushed so far, to catch rows out of order
};

// One customer's summary, or nothing when the first purchase is after the calibration end
// (counted in summary.after_end) or there is no purchase at all. Counts skipped return days
// into `summary` and adds the repeat purchase days to its per-day counts; does not append
// the result.
std::optional<CustomerSummary> summarize_customer(std::int64_t customer, std::span<const Purchase> rows,
                                                  PurchaseSummary& summary);

}  // namespace kunde::analytics
