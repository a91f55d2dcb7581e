// Purchase summaries: days merged, then counted as Fader, Hardie and Lee (and BTYD, lifetimes)
// count them.
#include "analytics/purchase_summary.hpp"

#include <date/date.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "error.hpp"
#include "model/dates.hpp"

namespace kunde::analytics {

double period_days(std::string_view unit) {
  if (unit == "day") return 1.0;
  if (unit == "week") return 7.0;
  if (unit == "month") return 365.25 / 12.0;
  throw UsageError(fmt::format("'{}' is not a period", unit), "use day, week or month");
}

std::string period_name(double days) {
  if (days == 1.0) return "day";
  if (days == 7.0) return "week";
  if (days == 365.25 / 12.0) return "month";
  return fmt::format("period of {:g} days", days);
}

int epoch_day(std::string_view text) {
  std::string iso = model::parse_date(text.substr(0, std::min<std::size_t>(text.size(), 10)));
  auto ymd = date::year{std::stoi(iso.substr(0, 4))} / date::month{static_cast<unsigned>(std::stoi(iso.substr(5, 2)))} /
             date::day{static_cast<unsigned>(std::stoi(iso.substr(8, 2)))};
  return static_cast<int>(date::sys_days{ymd}.time_since_epoch().count());
}

std::string iso_date(int day) {
  return date::format("%F", date::year_month_day{date::sys_days{date::days{day}}});
}

std::int64_t PurchaseSummary::repeat_buyers() const {
  return std::count_if(customers.begin(), customers.end(), [](const CustomerSummary& c) { return c.x > 0; });
}

std::int64_t PurchaseSummary::repeat_purchases() const {
  std::int64_t n = 0;
  for (const auto& c : customers) n += c.x;
  return n;
}

std::string PurchaseSummary::describe() const {
  double sum_t = 0, sum_tx = 0;
  std::int64_t buyers = 0;
  for (const auto& c : customers) {
    sum_t += c.T;
    if (c.x > 0) {
      sum_tx += c.t_x;
      ++buyers;
    }
  }
  auto n = static_cast<std::int64_t>(customers.size());
  std::string unit = period_name(options.period_days);
  std::string text = fmt::format("{} customer{}, {} repeat buyer{}, {} repeat purchase{}", n, n == 1 ? "" : "s",
                                 buyers, buyers == 1 ? "" : "s", repeat_purchases(), repeat_purchases() == 1 ? "" : "s");
  if (n > 0) {
    text += fmt::format(", mean T {:.1f} {}s", sum_t / static_cast<double>(n), unit);
  }
  if (buyers > 0) {
    text += fmt::format(", mean recency of repeat buyers {:.1f} {}s", sum_tx / static_cast<double>(buyers), unit);
  }
  text += fmt::format(", calibration ending {}", iso_date(options.calibration_end));
  return text;
}

std::optional<CustomerSummary> summarize_customer(std::int64_t customer, std::span<const Purchase> rows,
                                                  PurchaseSummary& summary) {
  const SummaryOptions& o = summary.options;
  std::vector<Purchase> days(rows.begin(), rows.end());
  std::sort(days.begin(), days.end(), [](const Purchase& a, const Purchase& b) { return a.day < b.day; });
  // Merge each day into one purchase.
  std::size_t out = 0;
  for (std::size_t i = 0; i < days.size();) {
    Purchase day{days[i].day, 0};
    for (; i < days.size() && days[i].day == day.day; ++i) day.amount += days[i].amount;
    days[out++] = day;
  }
  days.resize(out);
  if (o.return_days == ReturnDays::skip) {
    auto returns = std::remove_if(days.begin(), days.end(), [](const Purchase& p) { return p.amount < 0; });
    summary.return_days += days.end() - returns;
    days.erase(returns, days.end());
  }
  if (days.empty()) return std::nullopt;
  if (days.front().day > o.calibration_end) {
    ++summary.after_end;
    return std::nullopt;
  }

  CustomerSummary c;
  c.customer = customer;
  c.first_day = days.front().day;
  c.last_day = c.first_day;
  c.revenue = days.front().amount;
  std::int64_t repeat_total = 0;
  for (std::size_t i = 1; i < days.size(); ++i) {
    const Purchase& p = days[i];
    if (p.day <= o.calibration_end) {
      ++c.x;
      c.last_day = p.day;
      c.revenue += p.amount;
      repeat_total += p.amount;
    } else if (o.holdout_end && p.day <= *o.holdout_end) {
      ++c.holdout_x;
      c.holdout_revenue += p.amount;
    } else {
      continue;
    }
    ++summary.repeat_purchases_by_day[p.day];
  }
  c.t_x = (c.last_day - c.first_day) / o.period_days;
  c.T = (o.calibration_end - c.first_day) / o.period_days;
  c.monetary = c.x > 0 ? static_cast<double>(repeat_total) / c.x : 0.0;
  return c;
}

PurchaseSummaryBuilder::PurchaseSummaryBuilder(SummaryOptions options) {
  if (!(options.period_days > 0) || !std::isfinite(options.period_days)) {
    throw UsageError(fmt::format("the period must be a positive number of days, not {}", options.period_days),
                     "use day, week or month");
  }
  if (options.holdout_end && *options.holdout_end <= options.calibration_end) {
    throw UsageError(fmt::format("the holdout period must end after the calibration end {}",
                                 iso_date(options.calibration_end)),
                     "give a calibration end before the last order date");
  }
  summary_.options = options;
}

void PurchaseSummaryBuilder::add(std::int64_t customer, int day, std::int64_t amount) {
  if (!have_current_ || customer != current_) {
    if (have_current_) flush();
    if (seen_.contains(customer)) {
      throw Error(fmt::format("internal error: the purchases of customer {} do not come together", customer),
                  "the rows for the CLV summary must come sorted by customer");
    }
    current_ = customer;
    have_current_ = true;
  }
  rows_.push_back({day, amount});
}

void PurchaseSummaryBuilder::flush() {
  seen_.insert(current_);
  if (auto c = summarize_customer(current_, rows_, summary_)) summary_.customers.push_back(*c);
  rows_.clear();
}

PurchaseSummary PurchaseSummaryBuilder::finish() {
  if (have_current_) flush();
  have_current_ = false;
  return std::move(summary_);
}

}  // namespace kunde::analytics
