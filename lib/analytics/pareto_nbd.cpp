// Pareto/NBD in log space.
#include "analytics/pareto_nbd.hpp"

#include <boost/math/special_functions/gamma.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "analytics/fit_limits.hpp"
#include "analytics/hypergeometric.hpp"
#include "error.hpp"

namespace kunde::analytics {
namespace {

struct Terms {
  double part1;   // log of the factor both branches share
  double alive;   // log of the term for a customer still active at T
  double dead;    // log of the term for one who left between t_x and T (-inf when t_x = T)
};

Terms terms(const ParetoNbdParams& p, int x, double t_x, double T) {
  const auto [r, alpha, s, beta] = p;
  const double w = r + s + x;
  Terms t;
  t.part1 = r * std::log(alpha) + s * std::log(beta) - boost::math::lgamma(r) + boost::math::lgamma(r + x);
  t.alive = -(r + x) * std::log(alpha + T) - s * std::log(beta + T);
  const double m = std::max(alpha, beta);
  const double gap = std::abs(alpha - beta);
  const double second = alpha < beta ? r + x : s + 1;
  const double log_f1 = log_hyp2f1(w, second, w + 1, gap / (m + t_x));
  const double log_f2 = log_hyp2f1(w, second, w + 1, gap / (m + T));
  // log(F1 - F2 ((m+t_x)/(m+T))^w), the difference taken relative to F1.
  const double diff = log_f2 + w * std::log((m + t_x) / (m + T)) - log_f1;
  const double log_a0 = diff < 0 ? -w * std::log(m + t_x) + log_f1 + std::log(-std::expm1(diff))
                                 : -std::numeric_limits<double>::infinity();
  t.dead = std::log(s / w) + log_a0;
  return t;
}

double log_add(double u, double v) {
  double m = std::max(u, v);
  if (m == -std::numeric_limits<double>::infinity()) return m;
  return m + std::log1p(std::exp(-std::abs(u - v)));
}

// (1 - u^(s-1)) / (s-1) for u = 1/(1 + q), continuous at s = 1.
double lifetime_factor(double s, double q) {
  const double log_u = -std::log1p(q);
  if (s == 1.0) return -log_u;
  return -std::expm1((s - 1) * log_u) / (s - 1);
}

}  // namespace

ParetoNbd::ParetoNbd(ParetoNbdParams params) : p_(params) {
  for (double v : {p_.r, p_.alpha, p_.s, p_.beta}) {
    if (!(v > 0) || !std::isfinite(v)) {
      throw Error(fmt::format("invalid Pareto/NBD parameters r={}, alpha={}, s={}, beta={}", p_.r, p_.alpha, p_.s,
                              p_.beta),
                  "every parameter must be a positive number");
    }
  }
}

std::vector<Parameter> ParetoNbd::parameters() const {
  return {{"r", p_.r}, {"alpha", p_.alpha}, {"s", p_.s}, {"beta", p_.beta}};
}

double ParetoNbd::log_likelihood(int x, double t_x, double T) const {
  check_history(x, t_x, T);
  Terms t = terms(p_, x, t_x, std::max(T, t_x));
  return t.part1 + log_add(t.alive, t.dead);
}

double ParetoNbd::p_alive(int x, double t_x, double T) const {
  check_history(x, t_x, T);
  Terms t = terms(p_, x, t_x, std::max(T, t_x));
  return 1.0 / (1.0 + std::exp(t.dead - t.alive));
}

double ParetoNbd::expected_purchases(double t) const {
  check_horizon(t);
  const auto [r, alpha, s, beta] = p_;
  return r * beta / alpha * lifetime_factor(s, t / beta);
}

double ParetoNbd::expected_purchases_if_alive(int x, double T, double t) const {
  check_history(x, 0.0, T);
  check_horizon(t);
  const auto [r, alpha, s, beta] = p_;
  return (r + x) * (beta + T) / (alpha + T) * lifetime_factor(s, t / (beta + T));
}

ParetoNbdFit fit_pareto_nbd(const PurchaseSummary& data, const FitOptions& options) {
  check_count_data("Pareto/NBD", data);
  struct Key {
    int x;
    double t_x, T;
    auto operator<=>(const Key&) const = default;
  };
  std::vector<Key> keys;
  double sum_t = 0;
  for (const auto& c : data.customers) {
    keys.push_back({c.x, c.t_x, std::max(c.T, c.t_x)});
    sum_t += c.T;
  }
  std::sort(keys.begin(), keys.end());
  std::vector<std::pair<Key, double>> groups;
  for (const Key& k : keys) {
    if (!groups.empty() && groups.back().first == k) {
      groups.back().second += 1;
    } else {
      groups.push_back({k, 1.0});
    }
  }
  const double mean_t = sum_t / static_cast<double>(data.customers.size());
  const double rate = static_cast<double>(data.repeat_purchases()) / std::max(sum_t, 1e-9);

  MleProblem problem;
  problem.model = "Pareto/NBD";
  problem.names = {"r", "alpha", "s", "beta"};
  end_in_model_limits(problem);
  problem.starts = {{0.5, 0.5 / rate, 0.5, std::max(mean_t, 1.0)}, {1.0, 1.0, 1.0, 1.0}};
  problem.negative_log_likelihood = [&](const std::vector<double>& phi, double*) {
    // Where alpha and beta are many orders of magnitude apart the 2F1 argument comes so close
    // to 1 that the series takes very long; no fit of real data goes there.
    if (std::abs(phi[1] - phi[3]) > std::log(1e4)) return std::numeric_limits<double>::infinity();
    ParetoNbdParams p{std::exp(phi[0]), std::exp(phi[1]), std::exp(phi[2]), std::exp(phi[3])};
    double ll = 0;
    for (const auto& [k, n] : groups) {
      Terms t = terms(p, k.x, k.t_x, k.T);
      ll += n * (t.part1 + log_add(t.alive, t.dead));
    }
    return -ll;
  };
  MleResult fit = maximise_likelihood(
      problem, options, data.describe(),
      // Not "try BG/NBD": its failures point here, and a user sent back and forth learns nothing.
      "the purchase pattern does not pin the model down: try another --period or a later --calibration-end "
      "(with few repeat buyers no model of purchase counts may fit)");
  const auto& v = fit.params;
  return {ParetoNbd({v[0], v[1], v[2], v[3]}), fit.report};
}

}  // namespace kunde::analytics
