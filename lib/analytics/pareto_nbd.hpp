// Pareto/NBD (Schmittlein, Morrison & Colombo 1987), as BTYD computes it: purchases at rate
// lambda ~ Gamma(r, alpha) while active, an exponential lifetime with rate mu ~ Gamma(s, beta).
// The likelihood's 2F1 terms are taken with the larger of alpha and beta in the argument, so
// the series always converges, and summed in log space.
#pragma once

#include "analytics/count_model.hpp"

namespace kunde::analytics {

struct ParetoNbdParams {
  double r = 0, alpha = 0, s = 0, beta = 0;  // alpha and beta in periods
};

class ParetoNbd final : public CountModel {
 public:
  // Throws kunde::Error unless every parameter is positive and finite.
  explicit ParetoNbd(ParetoNbdParams params);

  const ParetoNbdParams& params() const { return p_; }

  std::string_view name() const override { return "Pareto/NBD"; }
  std::vector<Parameter> parameters() const override;
  double log_likelihood(int x, double t_x, double T) const override;
  double p_alive(int x, double t_x, double T) const override;
  // r beta / (alpha (s-1)) * (1 - (beta/(beta+t))^(s-1)), continuous at s = 1.
  double expected_purchases(double t) const override;
  // (r+x)(beta+T) / ((alpha+T)(s-1)) * (1 - ((beta+T)/(beta+T+t))^(s-1)).
  double expected_purchases_if_alive(int x, double T, double t) const override;

 private:
  ParetoNbdParams p_;
};

struct ParetoNbdFit {
  ParetoNbd model;
  FitReport report;
};

// Maximum likelihood (derivative-free, over customers grouped by identical x, t_x, T).
// Slower than BG/NBD: two 2F1 series per group and evaluation. Throws kunde::Error as
// fit_count_model describes.
ParetoNbdFit fit_pareto_nbd(const PurchaseSummary& data, const FitOptions& options = {});

}  // namespace kunde::analytics
