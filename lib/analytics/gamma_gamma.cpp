// Gamma-Gamma spend: the likelihood with analytic gradients, terms of equal x shared.
#include "analytics/gamma_gamma.hpp"

#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "analytics/fit_limits.hpp"
#include "error.hpp"

namespace kunde::analytics {
namespace {

using boost::math::digamma;
using boost::math::lgamma;

std::string spend_description(const PurchaseSummary& data, std::int64_t used, std::int64_t excluded) {
  return fmt::format("{} repeat buyer{} with a positive mean spend, {} with zero or negative spend left out; {}", used,
                     used == 1 ? "" : "s", excluded, data.describe());
}

}  // namespace

GammaGamma::GammaGamma(GammaGammaParams params) : p_(params) {
  for (double v : {p_.p, p_.q, p_.gamma}) {
    if (!(v > 0) || !std::isfinite(v)) {
      throw Error(fmt::format("invalid Gamma-Gamma parameters p={}, q={}, gamma={}", p_.p, p_.q, p_.gamma),
                  "every parameter must be a positive number");
    }
  }
  if (!(p_.q > 1)) {
    throw Error(fmt::format("Gamma-Gamma parameter q={:.4g} is not above 1: the mean order value would be infinite",
                            p_.q),
                "a few extreme order amounts dominate the spend; check them (returns, test orders, typos)");
  }
}

std::vector<Parameter> GammaGamma::parameters() const { return {{"p", p_.p}, {"q", p_.q}, {"gamma", p_.gamma}}; }

double GammaGamma::log_likelihood(int x, double mean) const {
  if (x < 1 || !(mean > 0) || !std::isfinite(mean)) {
    throw Error(fmt::format("internal error: Gamma-Gamma likelihood of x={}, mean={}", x, mean),
                "only repeat buyers with a positive mean spend enter the spend model");
  }
  const auto [p, q, g] = p_;
  const double px = p * x;
  return lgamma(px + q) - lgamma(px) - lgamma(q) + q * std::log(g) + (px - 1) * std::log(mean) +
         px * std::log(static_cast<double>(x)) - (px + q) * std::log(g + x * mean);
}

double GammaGamma::expected_order_value() const { return p_.p * p_.gamma / (p_.q - 1); }

double GammaGamma::conditional_expected_order_value(int x, double mean) const {
  if (x < 0 || !std::isfinite(mean)) {
    throw Error(fmt::format("internal error: expected order value for x={}, mean={}", x, mean), "");
  }
  if (x == 0) return expected_order_value();
  const auto [p, q, g] = p_;
  return p * (g + x * std::max(mean, 0.0)) / (p * x + q - 1);
}

GammaGammaFit fit_gamma_gamma(const PurchaseSummary& data, const FitOptions& options) {
  std::vector<int> xs;
  std::vector<double> means;
  std::int64_t excluded = 0;
  for (const auto& c : data.customers) {
    if (c.x == 0) continue;
    if (c.monetary > 0) {
      xs.push_back(c.x);
      means.push_back(c.monetary);
    } else {
      ++excluded;
    }
  }
  const auto used = static_cast<std::int64_t>(xs.size());
  if (used < kMinSpendCustomers) {
    std::string what = used == 0 && excluded > 0 ? "no repeat buyer has a positive mean spend"
                                                  : "too few repeat buyers with a positive mean spend";
    throw Error(fmt::format("cannot fit the Gamma-Gamma spend model: {} ({}; it needs at least {})", what,
                            spend_description(data, used, excluded), kMinSpendCustomers),
                excluded > 0 ? "the spend model needs order amounts above zero: check that the orders carry prices"
                             : "use a later --calibration-end or a longer order history");
  }

  // Per customer: x's index among the distinct x, log mean, log x.
  std::vector<int> distinct = xs;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  std::vector<std::uint32_t> xi(xs.size());
  std::vector<double> per_x_count(distinct.size(), 0.0);
  double sum_mean = 0;
  std::vector<double> log_mean(xs.size());
  for (std::size_t i = 0; i < xs.size(); ++i) {
    xi[i] = static_cast<std::uint32_t>(std::lower_bound(distinct.begin(), distinct.end(), xs[i]) - distinct.begin());
    per_x_count[xi[i]] += 1;
    log_mean[i] = std::log(means[i]);
    sum_mean += means[i];
  }
  const double n = static_cast<double>(used);

  auto objective = [&](const std::vector<double>& phi, double* grad) {
    const double p = std::exp(phi[0]), q = std::exp(phi[1]), g = std::exp(phi[2]);
    const double log_g = std::log(g), lg_q = lgamma(q), dg_q = digamma(q);
    double ll = 0, dp = 0, dq = 0, dg = 0;
    std::vector<double> lg(distinct.size()), dg_pxq(distinct.size()), dg_px(distinct.size());
    for (std::size_t k = 0; k < distinct.size(); ++k) {
      const double px = p * distinct[k];
      lg[k] = lgamma(px + q) - lgamma(px);
      dg_pxq[k] = digamma(px + q);
      dg_px[k] = digamma(px);
      ll += per_x_count[k] * (lg[k] - lg_q + q * log_g);
      dq += per_x_count[k] * (dg_pxq[k] - dg_q + log_g);
    }
    for (std::size_t i = 0; i < xs.size(); ++i) {
      const double x = xs[i], px = p * x;
      const double l = std::log(g + x * means[i]);
      ll += (px - 1) * log_mean[i] + px * std::log(x) - (px + q) * l;
      dp += x * (dg_pxq[xi[i]] - dg_px[xi[i]] + log_mean[i] + std::log(x) - l);
      dq -= l;
      dg -= (px + q) / (g + x * means[i]);
    }
    dg += n * q / g;
    if (grad) {
      grad[0] = -dp * p;
      grad[1] = -dq * q;
      grad[2] = -dg * g;
    }
    return -ll;
  };

  const double mean = sum_mean / n;
  MleProblem problem;
  problem.model = "Gamma-Gamma";
  problem.names = {"p", "q", "gamma"};
  end_in_model_limits(problem);
  problem.starts = {{2.0, 3.0, mean}, {6.0, 4.0, 0.5 * mean}, {1.0, 2.0, mean}};
  problem.has_gradient = true;
  problem.negative_log_likelihood = objective;
  const std::string described = spend_description(data, used, excluded);
  MleResult fit = maximise_likelihood(problem, options, described,
                                      "the spend per order may not follow the model: look for extreme amounts");
  const auto& v = fit.params;
  if (!(v[1] > 1)) {
    throw Error(fmt::format("the Gamma-Gamma fit gives q = {:.4g}, not above 1, so the mean order value would be "
                            "infinite ({})",
                            v[1], described),
                "a few extreme order amounts dominate the spend; check them (returns, test orders, typos)");
  }

  double mx = 0;
  for (int x : xs) mx += x;
  mx /= n;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    sxy += (xs[i] - mx) * (means[i] - mean);
    sxx += (xs[i] - mx) * (xs[i] - mx);
    syy += (means[i] - mean) * (means[i] - mean);
  }
  GammaGammaFit result{GammaGamma({v[0], v[1], v[2]}), fit.report, used, excluded, 0.0};
  if (sxx > 0 && syy > 0) result.frequency_correlation = sxy / std::sqrt(sxx * syy);
  return result;
}

}  // namespace kunde::analytics
