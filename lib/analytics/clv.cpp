// CLV as the discounted sum of expected purchases per period times the expected order value.
// The purchase side factors into P(alive), which depends on the whole history, and the
// expectation for an active customer, which depends only on x and T; the second (a series
// per step) is computed once per distinct (x, T).
#include "analytics/clv.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "error.hpp"

namespace kunde::analytics {
namespace {

// Expected purchases over the horizon and their discounted sum, for an active customer.
struct Forecast {
  double purchases = 0;
  double discounted = 0;
};

Forecast forecast_if_alive(const CountModel& count, int x, double T, const ClvOptions& o, double log_discount) {
  Forecast f;
  const int steps = static_cast<int>(std::ceil(o.horizon));
  for (int k = 1; k <= steps; ++k) {
    const double t = std::min(static_cast<double>(k), o.horizon);
    const double e = count.expected_purchases_if_alive(x, T, t);
    f.discounted += std::max(e - f.purchases, 0.0) * std::exp(-t * log_discount);
    f.purchases = std::max(e, f.purchases);
  }
  return f;
}

CustomerValue value_of(const CountModel& count, const GammaGamma& spend, const CustomerSummary& c,
                       const ClvOptions& o, const Forecast& f) {
  CustomerValue v;
  v.p_alive = count.p_alive(c.x, c.t_x, c.T);
  v.expected_order_value = spend.conditional_expected_order_value(c.x, c.monetary);
  v.expected_purchases = v.p_alive * f.purchases;
  v.clv = o.margin_ratio * v.expected_order_value * v.p_alive * f.discounted;
  return v;
}

}  // namespace

void check_clv_options(const ClvOptions& o, double period_days) {
  if (!(o.horizon >= 0) || !(o.horizon * period_days <= 100 * 365.25)) {
    throw UsageError(fmt::format("a CLV horizon of {:g} {}s is out of range", o.horizon, period_name(period_days)),
                     "give a horizon between 0 and 100 years, such as 52w or 12m");
  }
  if (!(o.yearly_discount_rate > -1) || !std::isfinite(o.yearly_discount_rate)) {
    throw UsageError(fmt::format("a discount rate of {:g} is out of range", o.yearly_discount_rate),
                     "give the yearly rate as a fraction, such as 0.10 for 10 %");
  }
  if (!std::isfinite(o.margin_ratio)) {
    throw UsageError("the margin ratio must be a number", "give the margin as a fraction of revenue");
  }
}

double period_discount_rate(double yearly, double period_days) {
  return std::expm1(std::log1p(yearly) * period_days / 365.25);
}

CustomerValue customer_value(const CountModel& count, const GammaGamma& spend, const CustomerSummary& c,
                             const ClvOptions& o, double period_days) {
  check_clv_options(o, period_days);
  check_history(c.x, c.t_x, c.T);
  const double log_discount = std::log1p(period_discount_rate(o.yearly_discount_rate, period_days));
  return value_of(count, spend, c, o, forecast_if_alive(count, c.x, c.T, o, log_discount));
}

std::vector<CustomerValue> customer_values(const CountModel& count, const GammaGamma& spend,
                                           const PurchaseSummary& data, const ClvOptions& o) {
  const double period_days = data.options.period_days;
  check_clv_options(o, period_days);
  const double log_discount = std::log1p(period_discount_rate(o.yearly_discount_rate, period_days));
  struct KeyHash {
    std::size_t operator()(const std::pair<int, double>& k) const {
      return std::hash<double>()(k.second) * 31 + std::hash<int>()(k.first);
    }
  };
  std::unordered_map<std::pair<int, double>, Forecast, KeyHash> forecasts;
  std::vector<CustomerValue> out;
  out.reserve(data.customers.size());
  for (const auto& c : data.customers) {
    check_history(c.x, c.t_x, c.T);
    auto [it, fresh] = forecasts.try_emplace({c.x, c.T});
    if (fresh) it->second = forecast_if_alive(count, c.x, c.T, o, log_discount);
    out.push_back(value_of(count, spend, c, o, it->second));
  }
  return out;
}

}  // namespace kunde::analytics
