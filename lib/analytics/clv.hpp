// Customer lifetime value from a purchase-count model and the Gamma-Gamma spend model.
//
// For a customer with history (x, t_x, T) at the calibration end, a horizon of H periods,
// a yearly discount rate y and a margin ratio m (margin per unit of revenue, from the caller):
//
//   d      = (1 + y)^(period_days / 365.25) - 1                 the rate per period
//   E(t)   = conditional expected purchases in (T, T + t]       CountModel
//   V      = conditional expected order value                   GammaGamma, minor units
//   t_k    = min(k, H) for k = 1 .. ceil(H)
//   CLV    = m * V * sum_k (E(t_k) - E(t_{k-1})) / (1 + d)^t_k  minor units
//
// that is, the purchases expected in each period are valued at the expected order value and
// discounted to the calibration end from the end of that period (as lifetimes'
// customer_lifetime_value does per step). E(t) = P(alive) * A(t) with A the expectation for
// an active customer (CountModel::expected_purchases_if_alive), so the sum is computed once
// per distinct (x, T).
#pragma once

#include <vector>

#include "analytics/count_model.hpp"
#include "analytics/gamma_gamma.hpp"
#include "analytics/purchase_summary.hpp"

namespace kunde::analytics {

struct ClvOptions {
  double horizon = 52;                 // periods of the summary (52 weeks by default)
  double yearly_discount_rate = 0.10;  // 0.10 = 10 % a year
  double margin_ratio = 1.0;           // 1.0 values revenue; gross margin / revenue values margin
};

// Throws kunde::UsageError for a horizon that is negative or longer than 100 years, or a
// discount rate of -100 % or less.
void check_clv_options(const ClvOptions& options, double period_days);

// (1 + yearly)^(period_days / 365.25) - 1.
double period_discount_rate(double yearly, double period_days);

struct CustomerValue {
  double p_alive = 0;               // at the calibration end
  double expected_purchases = 0;    // over the horizon
  double expected_order_value = 0;  // minor units
  double clv = 0;                   // minor units, discounted, times the margin ratio
};

CustomerValue customer_value(const CountModel& count, const GammaGamma& spend, const CustomerSummary& customer,
                             const ClvOptions& options, double period_days);

// customer_value for every customer of the summary, in its order.
std::vector<CustomerValue> customer_values(const CountModel& count, const GammaGamma& spend,
                                           const PurchaseSummary& data, const ClvOptions& options);

}  // namespace kunde::analytics
