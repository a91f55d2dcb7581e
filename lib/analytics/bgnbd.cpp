// BG/NBD and MBG/NBD: per-customer formulas, and the fast likelihood the fit runs on.
#include "analytics/bgnbd.hpp"

#include <boost/math/quadrature/tanh_sinh.hpp>
#include <boost/math/special_functions/beta.hpp>
#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <absl/container/flat_hash_map.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <limits>
#include <tuple>

#include "analytics/fit_limits.hpp"
#include "analytics/hypergeometric.hpp"
#include "error.hpp"

namespace kunde::analytics {
namespace {

using boost::math::digamma;
using boost::math::lgamma;

bool modified(BgVariant v) { return v == BgVariant::modified; }

// Below this c the series' first terms grow as 1/c: the integral takes over.
constexpr double kSmallestSeriesC = 0.05;
// The closed form's series grows like exp((a-1) z) before it cancels down: past this it
// overflows (a fit where everyone has about the same drop-out chance runs a into the
// thousands or to its limit, fit_limits.hpp).
constexpr double kLargestSeriesGrowth = 100;

// E[purchases in (0, t] | alive] for a customer whose purchase rate is Gamma(r, alpha) and
// drop-out probability Beta(a, b): given both, (1 - exp(-lambda p t)) / p, so over the rate
// (1 - (alpha / (alpha + p t))^r) / p, integrated over p. The closed form's 2F1 needs
// c = a + b + x - 1 > 0, which one-time buyers miss when a + b < 1 (fits of a few hundred
// customers reach it); the integral is finite for every a and b.
double expected_if_alive_by_integral(double r, double alpha, double a, double b, double t) {
  static thread_local boost::math::quadrature::tanh_sinh<double> integrator;
  const double log_beta = std::log(boost::math::beta(a, b));
  // Over u = p^a, which takes the Beta density's pole at p = 0 (a < 1) into dp; tanh-sinh
  // copes with the one at p = 1. Past the middle xc is 1 - u as the integrator knows it, with
  // the digits 1 - u would lose.
  auto f = [&](double u, double xc) {
    const double log_p = (u > 0.5 ? std::log1p(-xc) : std::log(u)) / a;
    const double p = std::exp(log_p), q = -std::expm1(log_p);
    const double purchases = p * t / alpha < 1e-8 ? r * t / alpha : -std::expm1(-r * std::log1p(p * t / alpha)) / p;
    return purchases * std::exp((b - 1) * std::log(q) - log_beta) / a;
  };
  return integrator.integrate(f, 0.0, 1.0);
}

// The same expectation where the Beta(a, b) is narrow (a + b at least in the hundreds): the
// expansion about its mean to second order, E f(p) = f(m) + f''(m) var / 2, whose next
// term is of order var^2. At the model's limit (a and b without bound) it is f(a/(a+b)).
double expected_if_alive_narrow(double r, double alpha, double a, double b, double t) {
  auto f = [&](double p) { return -std::expm1(-r * std::log1p(p * t / alpha)) / p; };
  const double n = a + b, mean = a / n, var = a / n * (b / n) / (n + 1);
  const double h = 1e-3 * mean;
  const double second = (f(mean + h) - 2 * f(mean) + f(mean - h)) / (h * h);
  return f(mean) + 0.5 * second * var;
}

// log(e^u + e^v) without overflow.
double log_add(double u, double v) {
  double m = std::max(u, v);
  if (m == -std::numeric_limits<double>::infinity()) return m;
  return m + std::log1p(std::exp(-std::abs(u - v)));
}

// The customers of a fit, grouped: identical histories once with a count, and the distinct
// x, T and t_x values once each, so an evaluation takes one exp and one log1p per group.
struct Grouped {
  struct Group {
    std::uint32_t xi, ti, txi;
    double count;
  };
  std::vector<Group> groups;
  std::vector<int> xs;              // distinct x
  std::vector<double> x_count;      // customers per distinct x
  std::vector<double> Ts, txs;      // distinct T and t_x
  double customers = 0;

  // By hashing, not by sorting every customer (which took as long as the fit); the groups
  // then come in the order of (x, t_x, T), so the sums run in one fixed order.
  explicit Grouped(const PurchaseSummary& data) {
    absl::flat_hash_map<int, std::uint32_t> x_at;
    absl::flat_hash_map<double, std::uint32_t> T_at, tx_at;
    auto index = [](auto& at, auto& values, auto value) {
      auto [it, added] = at.try_emplace(value, static_cast<std::uint32_t>(values.size()));
      if (added) values.push_back(value);
      return it->second;
    };
    absl::flat_hash_map<std::array<std::uint32_t, 3>, std::uint32_t> counts;
    for (const auto& c : data.customers) {
      ++counts[{index(x_at, xs, c.x), index(tx_at, txs, c.t_x), index(T_at, Ts, c.T)}];
    }
    // Indices into the sorted values.
    auto rank = [](auto& values) {
      std::vector<std::uint32_t> order(values.size()), rank_of(values.size());
      for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
      std::sort(order.begin(), order.end(), [&](auto i, auto j) { return values[i] < values[j]; });
      auto sorted = values;
      for (std::uint32_t k = 0; k < order.size(); ++k) {
        rank_of[order[k]] = k;
        sorted[k] = values[order[k]];
      }
      values = std::move(sorted);
      return rank_of;
    };
    const auto x_rank = rank(xs), tx_rank = rank(txs), T_rank = rank(Ts);
    groups.reserve(counts.size());
    for (const auto& [key, count] : counts) {
      groups.push_back({x_rank[key[0]], T_rank[key[2]], tx_rank[key[1]], static_cast<double>(count)});
    }
    std::sort(groups.begin(), groups.end(), [](const Group& g, const Group& h) {
      return std::tie(g.xi, g.txi, g.ti) < std::tie(h.xi, h.txi, h.ti);
    });
    x_count.assign(xs.size(), 0.0);
    for (const auto& g : groups) x_count[g.xi] += g.count;
    customers = static_cast<double>(data.customers.size());
  }
};

// The negative log-likelihood and its gradient in log-parameters, over grouped customers.
class FastLikelihood {
 public:
  FastLikelihood(const Grouped& data, BgVariant variant)
      : d_(data),
        mod_(modified(variant)),
        per_x_(data.xs.size()),
        lT_(data.Ts.size()),
        iT_(data.Ts.size()),
        ltx_(data.txs.size()),
        itx_(data.txs.size()),
        w_x_(data.xs.size()) {}

  double operator()(const std::vector<double>& phi, double* grad) {
    const double r = std::exp(phi[0]), alpha = std::exp(phi[1]), a = std::exp(phi[2]), b = std::exp(phi[3]);
    const double log_alpha = std::log(alpha);
    const double shift = mod_ ? 1.0 : 0.0;  // MBG/NBD's Beta terms are BG/NBD's at x + 1
    const double lg_r = lgamma(r), lg_b = lgamma(b), lg_ab = lgamma(a + b);
    const double dg_r = digamma(r), dg_b = digamma(b), dg_ab = digamma(a + b);
    const double log_a = std::log(a);
    for (std::size_t i = 0; i < d_.xs.size(); ++i) {
      const double x = d_.xs[i];
      PerX& p = per_x_[i];
      p.rx = r + x;
      p.a1 = lgamma(r + x) - lg_r + r * log_alpha;
      p.a2 = lg_ab + lgamma(b + x + shift) - lg_b - lgamma(a + b + x + shift);
      p.da1_r = digamma(r + x) - dg_r + log_alpha;
      const double dg_abx = digamma(a + b + x + shift);
      p.da2_a = dg_ab - dg_abx;
      p.da2_b = dg_ab + digamma(b + x + shift) - dg_b - dg_abx;
      // The drop-out term: BG/NBD has none for x = 0.
      p.dropout = mod_ || d_.xs[i] > 0;
      const double bx = b + x - 1 + shift;
      p.c4 = p.dropout ? log_a - std::log(bx) : 0.0;
      p.dc4_b = p.dropout ? -1.0 / bx : 0.0;
    }
    for (std::size_t i = 0; i < d_.Ts.size(); ++i) {
      lT_[i] = std::log(alpha + d_.Ts[i]);
      iT_[i] = 1.0 / (alpha + d_.Ts[i]);
    }
    for (std::size_t i = 0; i < d_.txs.size(); ++i) {
      ltx_[i] = std::log(alpha + d_.txs[i]);
      itx_[i] = 1.0 / (alpha + d_.txs[i]);
    }
    std::fill(w_x_.begin(), w_x_.end(), 0.0);
    double ll = 0, dr = 0, dalpha = 0;
    for (const auto& g : d_.groups) {
      const PerX& p = per_x_[g.xi];
      const double a3 = -p.rx * lT_[g.ti];
      if (!p.dropout) {
        ll += g.count * a3;
        dr -= g.count * lT_[g.ti];
        dalpha -= g.count * p.rx * iT_[g.ti];
        continue;
      }
      const double a4 = p.c4 - p.rx * ltx_[g.txi];
      const double e = std::exp(-std::abs(a3 - a4));
      const double w = a4 >= a3 ? 1.0 / (1.0 + e) : e / (1.0 + e);  // share of the drop-out term
      ll += g.count * (std::max(a3, a4) + std::log1p(e));
      dr -= g.count * ((1 - w) * lT_[g.ti] + w * ltx_[g.txi]);
      dalpha -= g.count * p.rx * ((1 - w) * iT_[g.ti] + w * itx_[g.txi]);
      w_x_[g.xi] += g.count * w;
    }
    double da = 0, db = 0;
    for (std::size_t i = 0; i < d_.xs.size(); ++i) {
      const PerX& p = per_x_[i];
      const double n = d_.x_count[i];
      ll += n * (p.a1 + p.a2);
      dr += n * p.da1_r;
      da += n * p.da2_a + w_x_[i] / a;
      db += n * p.da2_b + w_x_[i] * p.dc4_b;
    }
    dalpha += d_.customers * r / alpha;
    if (grad) {
      grad[0] = -dr * r;
      grad[1] = -dalpha * alpha;
      grad[2] = -da * a;
      grad[3] = -db * b;
    }
    return -ll;
  }

 private:
  struct PerX {
    double rx, a1, a2, da1_r, da2_a, da2_b, c4, dc4_b;
    bool dropout;
  };
  const Grouped& d_;
  bool mod_;
  std::vector<PerX> per_x_;
  std::vector<double> lT_, iT_, ltx_, itx_, w_x_;
};

}  // namespace

BgNbd::BgNbd(BgNbdParams params, BgVariant variant) : p_(params), variant_(variant) {
  for (double v : {p_.r, p_.alpha, p_.a, p_.b}) {
    if (!(v > 0) || !std::isfinite(v)) {
      throw Error(fmt::format("invalid {} parameters r={}, alpha={}, a={}, b={}", name(), p_.r, p_.alpha, p_.a, p_.b),
                  "every parameter must be a positive number");
    }
  }
}

std::string_view BgNbd::name() const { return modified(variant_) ? "MBG/NBD" : "BG/NBD"; }

std::vector<Parameter> BgNbd::parameters() const {
  return {{"r", p_.r}, {"alpha", p_.alpha}, {"a", p_.a}, {"b", p_.b}};
}

double BgNbd::log_likelihood(int x, double t_x, double T) const {
  check_history(x, t_x, T);
  const auto [r, alpha, a, b] = p_;
  const double shift = modified(variant_) ? 1.0 : 0.0;
  const double a1 = lgamma(r + x) - lgamma(r) + r * std::log(alpha);
  const double a2 = lgamma(a + b) + lgamma(b + x + shift) - lgamma(b) - lgamma(a + b + x + shift);
  const double a3 = -(r + x) * std::log(alpha + T);
  if (!modified(variant_) && x == 0) return a1 + a2 + a3;
  const double a4 = std::log(a) - std::log(b + x - 1 + shift) - (r + x) * std::log(alpha + t_x);
  return a1 + a2 + log_add(a3, a4);
}

double BgNbd::p_alive(int x, double t_x, double T) const {
  check_history(x, t_x, T);
  const auto [r, alpha, a, b] = p_;
  if (!modified(variant_) && x == 0) return 1.0;
  const double shift = modified(variant_) ? 1.0 : 0.0;
  const double log_odds = std::log(a / (b + x - 1 + shift)) + (r + x) * std::log((alpha + T) / (alpha + t_x));
  return 1.0 / (1.0 + std::exp(log_odds));
}

// A customer who has just made the first purchase: the conditional expectation at x = T = 0
// (for MBG/NBD that includes the drop-out right after the first purchase).
double BgNbd::expected_purchases(double t) const { return conditional_expected_purchases(0, 0.0, 0.0, t); }

double BgNbd::expected_purchases_if_alive(int x, double T, double t) const {
  check_history(x, 0.0, T);
  check_horizon(t);
  if (t == 0) return 0.0;
  const auto [r, alpha, a, b] = p_;
  const double z = t / (alpha + T + t);
  // MBG/NBD's drop-out chance at the first purchase counts as one more: Beta(a, b + x + 1).
  const double b_alive = b + x + (modified(variant_) ? 1 : 0);
  if ((a - 1) * z > kLargestSeriesGrowth) return expected_if_alive_narrow(r + x, alpha + T, a, b_alive, t);
  const double c = modified(variant_) ? a + b + x : a + b + x - 1;
  if (c < kSmallestSeriesC) return expected_if_alive_by_integral(r + x, alpha + T, a, b_alive, t);
  return c * expectation_bracket(a - 1, c - r - x, c, z);
}

BgNbdFit fit_bgnbd(const PurchaseSummary& data, BgVariant variant, const FitOptions& options) {
  std::string_view model = modified(variant) ? "MBG/NBD" : "BG/NBD";
  check_count_data(model, data);
  const auto started = std::chrono::steady_clock::now();  // the grouping is part of the fit's time
  Grouped grouped(data);
  FastLikelihood likelihood(grouped, variant);

  double sum_t = 0;
  for (const auto& c : data.customers) sum_t += c.T;
  const double rate = static_cast<double>(data.repeat_purchases()) / std::max(sum_t, 1e-9);
  MleProblem problem;
  problem.model = model;
  problem.names = {"r", "alpha", "a", "b"};
  end_in_model_limits(problem);
  problem.starts = {{0.5, 0.5 / rate, 1.0, 3.0}, {1.0, 1.0 / rate, 0.5, 1.0}, {1.0, 1.0, 1.0, 1.0}};
  problem.has_gradient = true;
  problem.negative_log_likelihood = [&](const std::vector<double>& phi, double* grad) {
    return likelihood(phi, grad);
  };
  MleResult fit = maximise_likelihood(
      problem, options, data.describe(),
      "the purchase pattern does not pin the model down: try another --period, a later --calibration-end, or "
      "the Pareto/NBD model");
  const auto& v = fit.params;
  fit.report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return {BgNbd({v[0], v[1], v[2], v[3]}, variant), fit.report};
}

}  // namespace kunde::analytics
