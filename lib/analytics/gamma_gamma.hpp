// The Gamma-Gamma model of spend per purchase (Fader, Hardie & Lee 2005, "RFM and CLV";
// Colombo & Jiang 1999): each purchase is worth z ~ Gamma(p, nu), nu ~ Gamma(q, gamma) per
// customer, independent of how often the customer buys. Amounts are minor units, so gamma is
// in minor units too (p and q have none).
#pragma once

#include <cstdint>
#include <vector>

#include "analytics/count_model.hpp"
#include "analytics/mle.hpp"
#include "analytics/purchase_summary.hpp"

namespace kunde::analytics {

struct GammaGammaParams {
  double p = 0, q = 0, gamma = 0;
};

class GammaGamma {
 public:
  // Throws kunde::Error unless every parameter is positive and finite and q > 1 (otherwise
  // the mean order value is infinite).
  explicit GammaGamma(GammaGammaParams params);

  const GammaGammaParams& params() const { return p_; }
  std::vector<Parameter> parameters() const;

  // Log-likelihood of x >= 1 repeat purchases with mean value `mean` > 0.
  double log_likelihood(int x, double mean) const;
  // p gamma / (q - 1): the expected value of a purchase by a customer we know nothing of.
  double expected_order_value() const;
  // (p (gamma + x mean)) / (p x + q - 1): a weighted mean of the population's and the
  // customer's own mean. x = 0 gives expected_order_value(); a mean <= 0 (customers the fit
  // leaves out) counts as 0, which pulls the estimate down the more purchases it rests on.
  double conditional_expected_order_value(int x, double mean) const;

 private:
  GammaGammaParams p_;
};

struct GammaGammaFit {
  GammaGamma model;
  FitReport report;
  std::int64_t customers = 0;      // repeat buyers the fit used (mean spend > 0)
  std::int64_t excluded = 0;       // repeat buyers left out: mean spend zero or negative
  double frequency_correlation = 0;  // Pearson correlation of x and mean spend among those used;
                                     // the model assumes none
};

inline constexpr std::int64_t kMinSpendCustomers = 10;

// Maximum likelihood over the repeat buyers (x > 0) with a positive mean spend. Throws
// kunde::Error with the data described and a hint when fewer than kMinSpendCustomers remain,
// when the fit does not converge, or when it gives q <= 1.
GammaGammaFit fit_gamma_gamma(const PurchaseSummary& data, const FitOptions& options = {});

}  // namespace kunde::analytics
