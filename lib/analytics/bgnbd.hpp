// BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way") and MBG/NBD
// (Batislam, Denizel & Filiztekin 2007): purchases at rate lambda ~ Gamma(r, alpha) while
// active, and after each purchase a drop-out with probability p ~ Beta(a, b).
// BG/NBD lets customers drop out only after a repeat purchase, so a one-time buyer has
// P(alive) = 1 however long ago that purchase was; MBG/NBD also lets them drop out after
// the first purchase, so P(alive) < 1 for one-time buyers too.
#pragma once

#include "analytics/count_model.hpp"

namespace kunde::analytics {

enum class BgVariant { bg, modified };

struct BgNbdParams {
  double r = 0, alpha = 0, a = 0, b = 0;  // alpha in periods
};

class BgNbd final : public CountModel {
 public:
  // Throws kunde::Error unless every parameter is positive and finite.
  explicit BgNbd(BgNbdParams params, BgVariant variant = BgVariant::bg);

  const BgNbdParams& params() const { return p_; }
  BgVariant variant() const { return variant_; }

  std::string_view name() const override;
  std::vector<Parameter> parameters() const override;
  double log_likelihood(int x, double t_x, double T) const override;
  // BG/NBD: 1 / (1 + [x > 0] a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x));
  // MBG/NBD: 1 / (1 + a/(b+x) ((alpha+T)/(alpha+t_x))^(r+x)).
  double p_alive(int x, double t_x, double T) const override;
  double expected_purchases(double t) const override;
  // BG/NBD: (a+b+x-1)/(a-1) * [1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t))];
  // MBG/NBD the same with a+b+x and 2F1(r+x, b+x+1; a+b+x; .).
  double expected_purchases_if_alive(int x, double T, double t) const override;

 private:
  BgNbdParams p_;
  BgVariant variant_;
};

struct BgNbdFit {
  BgNbd model;
  FitReport report;
};

// Maximum likelihood on the summary, with analytic gradients over customers grouped by
// identical (x, t_x, T) and terms shared by equal x, T or t_x computed once per evaluation.
// Throws kunde::Error as fit_count_model describes.
BgNbdFit fit_bgnbd(const PurchaseSummary& data, BgVariant variant = BgVariant::bg, const FitOptions& options = {});

}  // namespace kunde::analytics
