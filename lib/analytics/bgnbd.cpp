// BG/NBD and MBG/NBD: per-customer formulas, and the fast likelihood the fit runs on.
#include "analytics/bgnbd.hpp"

#include <boost/math/quadrature/tanh_sinh.hpp>
#include <boost/math/special_functions/beta.hpp>
#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <absl/container/flat_hash_map.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include "analytics/bgnbd_sums.hpp"
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
// BG/NBD's one-time buyers (x = 0) have no drop-out term: they only need a count per T.
struct Grouped {
  HistoryColumns dropout;           // histories with a drop-out term, in the order of (x, t_x, T)
  std::vector<double> single_by_T;  // one-time buyers without one, per distinct T
  std::vector<int> xs;              // distinct x
  std::vector<double> x_count;      // customers per distinct x
  std::vector<double> Ts, txs;      // distinct T and t_x, ascending
  double customers = 0;

  // Hashing finds the distinct values; counting sorts on their ranks then put the histories
  // in one fixed order without comparing customers, so a machine sums them alike every time
  // (machines with and without AVX2 add them in partial sums of different widths, which may
  // differ in the last bits).
  Grouped(const PurchaseSummary& data, bool all_drop_out) {
    const std::size_t n = data.customers.size();
    std::vector<std::uint32_t> x_of(n), T_of(n), tx_of(n);
    {
      absl::flat_hash_map<int, std::uint32_t> x_at;
      absl::flat_hash_map<double, std::uint32_t> T_at, tx_at;
      auto index = [](auto& at, auto& values, auto value) {
        auto [it, added] = at.try_emplace(value, static_cast<std::uint32_t>(values.size()));
        if (added) values.push_back(value);
        return it->second;
      };
      for (std::size_t i = 0; i < n; ++i) {
        const auto& c = data.customers[i];
        x_of[i] = index(x_at, xs, c.x);
        T_of[i] = index(T_at, Ts, c.T);
        tx_of[i] = index(tx_at, txs, c.t_x);
      }
    }
    rank(xs, x_of);
    rank(Ts, T_of);
    rank(txs, tx_of);
    // Least significant key first: each counting sort keeps the order of the one before.
    std::vector<std::uint32_t> order(n);
    for (std::uint32_t i = 0; i < n; ++i) order[i] = i;
    order = sorted_by(order, T_of, Ts.size());
    order = sorted_by(order, tx_of, txs.size());
    order = sorted_by(order, x_of, xs.size());

    x_count.assign(xs.size(), 0.0);
    single_by_T.assign(Ts.size(), 0.0);
    for (std::size_t k = 0; k < n; ++k) {
      const std::uint32_t i = order[k];
      x_count[x_of[i]] += 1;
      if (!all_drop_out && xs[x_of[i]] == 0) {
        single_by_T[T_of[i]] += 1;
      } else if (k > 0 && x_of[i] == x_of[order[k - 1]] && T_of[i] == T_of[order[k - 1]] &&
                 tx_of[i] == tx_of[order[k - 1]]) {
        dropout.count.back() += 1;
      } else {
        dropout.push_back(x_of[i], T_of[i], tx_of[i], 1.0);
      }
    }
    customers = static_cast<double>(n);
  }

 private:
  // Sorts the distinct values and turns indices into them into ranks.
  template <typename T>
  static void rank(std::vector<T>& values, std::vector<std::uint32_t>& indices) {
    std::vector<std::uint32_t> order(values.size()), rank_of(values.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](auto i, auto j) { return values[i] < values[j]; });
    std::vector<T> sorted(values.size());
    for (std::uint32_t k = 0; k < order.size(); ++k) {
      rank_of[order[k]] = k;
      sorted[k] = values[order[k]];
    }
    values = std::move(sorted);
    for (auto& i : indices) i = rank_of[i];
  }

  // `order` stably sorted by key[order[.]], whose values are below `keys`.
  static std::vector<std::uint32_t> sorted_by(const std::vector<std::uint32_t>& order,
                                              const std::vector<std::uint32_t>& key, std::size_t keys) {
    std::vector<std::uint32_t> start(keys + 1, 0), out(order.size());
    for (auto i : order) ++start[key[i] + 1];
    for (std::size_t k = 1; k <= keys; ++k) start[k] += start[k - 1];
    for (auto i : order) out[start[key[i]]++] = i;
    return out;
  }
};

using DoublePrecision = boost::math::policies::policy<boost::math::policies::promote_double<false>>;

// The negative log-likelihood and its gradient in log-parameters, over grouped customers.
class FastLikelihood {
 public:
  FastLikelihood(const Grouped& data, BgVariant variant)
      : d_(data),
        mod_(modified(variant)),
        per_x_(data.xs.size()),
        rx_(data.xs.size()),
        dropout_(data.xs.size()),
        lT_(data.Ts.size()),
        iT_(data.Ts.size()),
        ltx_(data.txs.size()),
        itx_(data.txs.size()),
        weights_(data.dropout.size()),
        w_x_(data.xs.size()) {}

  double operator()(const std::vector<double>& phi, double* grad) {
    // In double precision: Boost computes a double's lgamma and digamma in long double by
    // default, which took a third of each evaluation.
    auto lgamma = [](double v) { return boost::math::lgamma(v, DoublePrecision()); };
    auto digamma = [](double v) { return boost::math::digamma(v, DoublePrecision()); };
    const double r = std::exp(phi[0]), alpha = std::exp(phi[1]), a = std::exp(phi[2]), b = std::exp(phi[3]);
    const double log_alpha = std::log(alpha);
    const double shift = mod_ ? 1.0 : 0.0;  // MBG/NBD's Beta terms are BG/NBD's at x + 1
    const double lg_r = lgamma(r), lg_b = lgamma(b), lg_ab = lgamma(a + b);
    const double dg_r = digamma(r), dg_b = digamma(b), dg_ab = digamma(a + b);
    const double log_a = std::log(a);
    for (std::size_t i = 0; i < d_.xs.size(); ++i) {
      const double x = d_.xs[i];
      PerX& p = per_x_[i];
      rx_[i] = r + x;
      p.a1 = lgamma(r + x) - lg_r + r * log_alpha;
      p.a2 = lg_ab + lgamma(b + x + shift) - lg_b - lgamma(a + b + x + shift);
      p.da1_r = digamma(r + x) - dg_r + log_alpha;
      const double dg_abx = digamma(a + b + x + shift);
      p.da2_a = dg_ab - dg_abx;
      p.da2_b = dg_ab + digamma(b + x + shift) - dg_b - dg_abx;
      // The drop-out term: BG/NBD has none for x = 0 (those customers are not in d_.dropout).
      const double bx = b + x - 1 + shift;
      const bool has_dropout = mod_ || d_.xs[i] > 0;
      dropout_[i] = has_dropout ? log_a - std::log(bx) : 0.0;
      p.dc4_b = has_dropout ? -1.0 / bx : 0.0;
    }
    log_and_inverse(d_.Ts, alpha, lT_, iT_);
    log_and_inverse(d_.txs, alpha, ltx_, itx_);
    DropoutSums sums = dropout_sums(d_.dropout, {rx_, dropout_, lT_, iT_, ltx_, itx_}, weights_);
    double ll = sums.log_likelihood, dr = sums.d_r, dalpha = sums.d_alpha;
    for (std::size_t i = 0; i < d_.Ts.size(); ++i) {
      const double n = d_.single_by_T[i];
      ll -= n * r * lT_[i];
      dr -= n * lT_[i];
      dalpha -= n * r * iT_[i];
    }
    std::fill(w_x_.begin(), w_x_.end(), 0.0);
    for (std::size_t g = 0; g < weights_.size(); ++g) w_x_[d_.dropout.x[g]] += weights_[g];
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
    double a1, a2, da1_r, da2_a, da2_b, dc4_b;
  };
  const Grouped& d_;
  bool mod_;
  std::vector<PerX> per_x_;
  std::vector<double> rx_, dropout_, lT_, iT_, ltx_, itx_, weights_, w_x_;
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
  Grouped grouped(data, modified(variant));
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
      "--model pareto-nbd");
  const auto& v = fit.params;
  fit.report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return {BgNbd({v[0], v[1], v[2], v[3]}, variant), fit.report};
}

}  // namespace kunde::analytics
