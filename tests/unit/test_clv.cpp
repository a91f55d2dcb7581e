// The CLV models of lib/analytics: purchase summaries, BG/NBD, MBG/NBD, Pareto/NBD,
// Gamma-Gamma, CLV and holdout accuracy, on hand-made histories, simulations with known
// parameters and the CDNOW sample (published fits by BTYD, BTYDplus and lifetimes).
#include <doctest/doctest.h>

// Boost 1.74 uses lgamma in pFq without including its definition.
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <boost/math/special_functions/hypergeometric_pFq.hpp>

#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <random>
#include <string>

#include "analytics/bgnbd.hpp"
#include "analytics/clv.hpp"
#include "analytics/fit_limits.hpp"
#include "analytics/gamma_gamma.hpp"
#include "analytics/holdout.hpp"
#include "analytics/hypergeometric.hpp"
#include "analytics/pareto_nbd.hpp"
#include "analytics/purchase_summary.hpp"
#include "error.hpp"
#include "helpers.hpp"
#include "model/money.hpp"

using namespace kunde::analytics;

namespace {

const std::string kCdnow = std::string(KUNDE_SHARED_DATA) + "/cdnow/";

// BTYD's BG/NBD fit of the CDNOW sample, the parameters the hand-computed values use.
const BgNbdParams kBtyd{0.2425982, 4.4136842, 0.7929899, 2.4261667};

// The message and hint of the kunde::Error that f throws (empty when it throws none).
template <class F>
std::string error_of(F f) {
  try {
    f();
  } catch (const kunde::Error& e) {
    return std::string(e.what()) + "\nhint: " + e.hint();
  }
  return {};
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

CustomerSummary customer(std::int64_t id, int x, double t_x, double T, double monetary = 0) {
  CustomerSummary c;
  c.customer = id;
  c.x = x;
  c.t_x = t_x;
  c.T = T;
  c.monetary = monetary;
  return c;
}

// Customers given directly as (x, t_x, T, monetary), in weeks.
PurchaseSummary histories(std::initializer_list<CustomerSummary> customers) {
  PurchaseSummary s;
  s.options.period_days = 7;
  s.options.calibration_end = epoch_day("2026-06-30");
  s.customers = customers;
  return s;
}

// A summary from rows (customer, ISO date, amount in minor units), in the order given.
PurchaseSummary summary_of(SummaryOptions o, std::initializer_list<std::tuple<int, const char*, std::int64_t>> rows) {
  PurchaseSummaryBuilder b(o);
  for (const auto& [customer, date, amount] : rows) b.add(customer, epoch_day(date), amount);
  return b.finish();
}

// CDNOW's sample order file, summarised with the 39-week calibration ending 1997-09-30 and
// the 39-week holdout after it; nothing when the shared data is not there.
std::optional<PurchaseSummary> cdnow(ReturnDays returns = ReturnDays::skip) {
  const std::string path = kCdnow + "cdnow_sample_orders.csv";
  if (!std::filesystem::exists(path)) return std::nullopt;
  struct Sink : kunde::io::RecordSink {
    PurchaseSummaryBuilder builder;
    std::size_t customer = 0, date = 0, amount = 0;
    explicit Sink(SummaryOptions o) : builder(o) {}
    void on_header(const std::vector<std::string>& h) override {
      for (std::size_t i = 0; i < h.size(); ++i) {
        if (h[i] == "customer_id") customer = i;
        if (h[i] == "ordered_at") date = i;
        if (h[i] == "amount") amount = i;
      }
    }
    void on_record(const kunde::io::Record& r) override {
      builder.add(kunde::model::parse_integer(r.fields[customer]), epoch_day(r.fields[date]),
                  kunde::model::parse_money(r.fields[amount], 2));
    }
  };
  SummaryOptions o;
  o.calibration_end = epoch_day("1997-09-30");
  o.holdout_end = epoch_day("1998-06-30");
  o.period_days = period_days("week");
  o.return_days = returns;
  Sink sink(o);
  kunde::io::read_records(path, {}, sink);
  return sink.builder.finish();
}

// Whether no parameter moved by 0.1 % either way raises the log-likelihood: the fit ended at
// a maximum, which checks the analytic gradients the search relied on.
template <class LogLikelihood>
bool at_maximum(const std::vector<double>& params, LogLikelihood ll) {
  const double best = ll(params);
  for (std::size_t i = 0; i < params.size(); ++i) {
    for (double factor : {0.999, 1.001}) {
      std::vector<double> moved = params;
      moved[i] *= factor;
      if (ll(moved) > best) return false;
    }
  }
  return true;
}

bool finite_values(const CustomerValue& v) {
  return std::isfinite(v.p_alive) && std::isfinite(v.expected_purchases) && std::isfinite(v.expected_order_value) &&
         std::isfinite(v.clv);
}

// Customers drawn from BG/NBD and Gamma-Gamma with known parameters: T uniform in [1, 78]
// weeks, spend in minor units.
PurchaseSummary simulate(int n, BgNbdParams bg, GammaGammaParams gg, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  std::gamma_distribution<double> lambda_of(bg.r, 1.0 / bg.alpha), beta_a(bg.a, 1.0), beta_b(bg.b, 1.0);
  std::gamma_distribution<double> nu_of(gg.q, 1.0 / gg.gamma);
  PurchaseSummary s = histories({});
  for (int i = 0; i < n; ++i) {
    const double T = 1 + 77 * uniform(rng);
    const double lambda = lambda_of(rng);
    const double ga = beta_a(rng), gb = beta_b(rng);
    const double p = ga / (ga + gb);
    std::gamma_distribution<double> spend(gg.p, 1.0 / nu_of(rng));
    CustomerSummary c;
    c.customer = i;
    c.T = T;
    double t = 0, total = 0;
    for (;;) {
      t += -std::log1p(-uniform(rng)) / lambda;
      if (t > T) break;
      ++c.x;
      c.t_x = t;
      total += spend(rng);
      if (uniform(rng) < p) break;
    }
    c.monetary = c.x > 0 ? total / c.x : 0;
    s.customers.push_back(c);
  }
  return s;
}

}  // namespace

TEST_CASE("clv: purchase summary merges days, skips return days and splits calibration and holdout") {
  SummaryOptions o;
  o.calibration_end = epoch_day("2026-03-31");
  o.holdout_end = epoch_day("2026-06-30");
  PurchaseSummary s = summary_of(o, {
                                        {1, "2026-01-05", 1000},
                                        {1, "2026-01-19", 300},   // repeat, 2 weeks later
                                        {1, "2026-01-05", 500},   // same day as the first: merged
                                        {1, "2026-01-26", -300},  // a return only: not a purchase
                                        {1, "2026-02-02", 0},     // free: a purchase worth 0
                                        {1, "2026-02-16", 900},
                                        {1, "2026-02-16", -200},  // net 700 that day
                                        {1, "2026-04-10", 400},   // holdout
                                        {1, "2026-07-10", 800},   // after the holdout: ignored
                                        {2, "2026-03-31", 250},   // first purchase on the last day
                                        {3, "2026-04-01", 100},   // first purchase after the end
                                        {4, "2026-02-01", -50},   // only returns
                                    });
  REQUIRE(s.customers.size() == 2);
  const CustomerSummary& c = s.customers[0];
  CHECK(c.customer == 1);
  CHECK(c.first_day == epoch_day("2026-01-05"));
  CHECK(c.last_day == epoch_day("2026-02-16"));
  CHECK(c.x == 3);
  CHECK(c.t_x == doctest::Approx(6.0));
  CHECK(c.T == doctest::Approx((epoch_day("2026-03-31") - epoch_day("2026-01-05")) / 7.0));
  CHECK(c.monetary == doctest::Approx((300 + 0 + 700) / 3.0));
  CHECK(c.revenue == 1500 + 300 + 0 + 700);
  CHECK(c.holdout_x == 1);
  CHECK(c.holdout_revenue == 400);
  const CustomerSummary& d = s.customers[1];
  CHECK(d.x == 0);
  CHECK(d.T == 0);
  CHECK(d.t_x == 0);
  CHECK(d.monetary == 0);
  CHECK(s.after_end == 1);
  CHECK(s.return_days == 2);
  CHECK(s.repeat_purchases() == 3);
  CHECK(s.repeat_buyers() == 1);
  CHECK(s.repeat_purchases_by_day.size() == 4);
  CHECK(s.repeat_purchases_by_day.at(epoch_day("2026-04-10")) == 1);
  CHECK(has(s.describe(), "2 customers, 1 repeat buyer, 3 repeat purchases, mean T 6.1 weeks"));

  // Counting return days as purchases, as lifetimes and BTYD do.
  o.return_days = ReturnDays::count;
  PurchaseSummary counted = summary_of(o, {{1, "2026-01-05", 1000}, {1, "2026-01-26", -300}, {1, "2026-02-02", 100}});
  REQUIRE(counted.customers.size() == 1);
  CHECK(counted.customers[0].x == 2);
  CHECK(counted.customers[0].monetary == doctest::Approx(-100.0));
  CHECK(counted.return_days == 0);
}

TEST_CASE("clv: periods, dates and bad summary input") {
  CHECK(period_days("day") == 1.0);
  CHECK(period_days("week") == 7.0);
  CHECK(period_days("month") == doctest::Approx(30.4375));
  CHECK_THROWS_AS(period_days("fortnight"), kunde::UsageError);
  CHECK(period_name(7.0) == "week");
  CHECK(epoch_day("1970-01-02") == 1);
  CHECK(epoch_day("1997-09-30 12:00") == 10134);
  CHECK(iso_date(10134) == "1997-09-30");

  SummaryOptions o;
  o.calibration_end = 100;
  o.holdout_end = 90;
  CHECK_THROWS_AS(PurchaseSummaryBuilder{o}, kunde::UsageError);
  o.holdout_end.reset();
  PurchaseSummaryBuilder b(o);
  b.add(1, 10, 100);
  b.add(2, 11, 100);
  CHECK(has(error_of([&] { b.add(1, 12, 100); }), "do not come together"));
}

TEST_CASE("clv: the series behind the hypergeometric terms agree with Boost's 2F1") {
  using boost::math::hypergeometric_pFq;
  for (auto [a, b, c, z] : {std::tuple{1.5, 2.5, 3.5, 0.3}, std::tuple{0.8, 3.1, 4.0, 0.9}, std::tuple{12.0, 1.3, 13.0, 0.55}}) {
    CHECK(log_hyp2f1(a, b, c, z) == doctest::Approx(std::log(hypergeometric_pFq({a, b}, {c}, z))).epsilon(1e-12));
  }
  for (auto [e, A, C, z] : {std::tuple{-0.2, 2.0, 4.0, 0.6}, std::tuple{0.7, -0.4, 2.5, 0.3}, std::tuple{-0.9, 1.0, 30.0, 0.95}}) {
    double direct = (1 - std::pow(1 - z, e) * hypergeometric_pFq({A, e}, {C}, z)) / e;
    CHECK(expectation_bracket(e, A, C, z) == doctest::Approx(direct).epsilon(1e-10));
  }
  // Continuous through e = 0, where the direct form is 0/0.
  double at_zero = expectation_bracket(0.0, 2.0, 4.0, 0.6);
  CHECK(std::isfinite(at_zero));
  CHECK(expectation_bracket(1e-7, 2.0, 4.0, 0.6) == doctest::Approx(at_zero).epsilon(1e-6));
  CHECK(expectation_bracket(-1e-7, 2.0, 4.0, 0.6) == doctest::Approx(at_zero).epsilon(1e-6));
  // 2F1(w, r+x; w+1; z) for x = 1000 exceeds a double; its logarithm does not.
  CHECK(std::isfinite(log_hyp2f1(1001.5, 1000.5, 1002.5, 0.9)));
  CHECK_THROWS_AS(log_hyp2f1(1.0, 1.0, 2.0, 1.0), kunde::Error);
}

TEST_CASE("clv: P(alive), expected purchases and likelihoods against values computed by hand") {
  // Reference values from the closed forms with scipy's hyp2f1 (lifetimes' and BTYD's
  // formulas), two of them confirmed by integrating over the individual rates numerically.
  struct Case {
    int x;
    double t_x, T;
    double bg_alive, bg_39, bg_52, bg_ll, mbg_alive, mbg_39, pnbd_alive, pnbd_39, pnbd_ll;
  };
  const Case cases[] = {
      {0, 0.0, 38.86, 1.0, 0.194784794112382, 0.2516708481542582, -0.5538116460948421, 0.38972279165330515,
       0.15394477343153046, 0.29511816029135085, 0.10707208768291036, -0.5212313930428776},
      {2, 30.43, 38.86, 0.7266072741522946, 1.2258971948418818, 1.5585633329364175, -9.459676152125004,
       0.7061177324453506, 1.2626285628348528, 0.8691242543735004, 1.455135313915635, -9.554253621632505},
      {5, 20.0, 38.86, 0.28729768985302406, 1.093798784502515, 1.3796191033091934, -16.822820349936627,
       0.2703015087957451, 1.0212362191323117, 0.3655940858820441, 1.3312817014667806, -16.669333627731504},
      {20, 38.0, 38.86, 0.9473606041006915, 13.425589772624509, 16.807828178712597, -38.900641767710404,
       0.9422766235494313, 12.73257300026819, 0.987557060666773, 13.30955162713124, -39.2265520257818},
  };
  const BgNbd bg(kBtyd);
  const BgNbd mbg({0.5248, 6.183, 0.8914, 1.614}, BgVariant::modified);
  const ParetoNbd pnbd({0.5533, 10.578, 0.6062, 11.669});
  for (const Case& c : cases) {
    CAPTURE(c.x);
    CHECK(bg.p_alive(c.x, c.t_x, c.T) == doctest::Approx(c.bg_alive).epsilon(1e-10));
    CHECK(bg.conditional_expected_purchases(c.x, c.t_x, c.T, 39) == doctest::Approx(c.bg_39).epsilon(1e-10));
    CHECK(bg.conditional_expected_purchases(c.x, c.t_x, c.T, 52) == doctest::Approx(c.bg_52).epsilon(1e-10));
    CHECK(bg.log_likelihood(c.x, c.t_x, c.T) == doctest::Approx(c.bg_ll).epsilon(1e-12));
    CHECK(mbg.p_alive(c.x, c.t_x, c.T) == doctest::Approx(c.mbg_alive).epsilon(1e-10));
    CHECK(mbg.conditional_expected_purchases(c.x, c.t_x, c.T, 39) == doctest::Approx(c.mbg_39).epsilon(1e-10));
    CHECK(pnbd.p_alive(c.x, c.t_x, c.T) == doctest::Approx(c.pnbd_alive).epsilon(1e-10));
    CHECK(pnbd.conditional_expected_purchases(c.x, c.t_x, c.T, 39) == doctest::Approx(c.pnbd_39).epsilon(1e-10));
    CHECK(pnbd.log_likelihood(c.x, c.t_x, c.T) == doctest::Approx(c.pnbd_ll).epsilon(1e-10));
  }
  // The one-time-buyer pitfall: BG/NBD keeps them alive for ever, MBG/NBD does not.
  CHECK(bg.p_alive(0, 0, 500) == 1.0);
  CHECK(mbg.p_alive(0, 0, 500) < 0.2);
  // Unconditional expectations; the first values are Hardie's spreadsheet for CDNOW.
  CHECK(bg.expected_purchases(1.0) == doctest::Approx(0.0532).epsilon(1e-3));
  CHECK(bg.expected_purchases(32.0) == doctest::Approx(1.0437).epsilon(1e-3));
  CHECK(bg.expected_purchases(52) == doctest::Approx(1.44400480103591).epsilon(1e-10));
  CHECK(mbg.expected_purchases(52) == doctest::Approx(1.418745821013524).epsilon(1e-10));
  CHECK(pnbd.expected_purchases(52) == doctest::Approx(1.4735182050652667).epsilon(1e-10));
  CHECK(bg.expected_purchases(0) == 0.0);
  // Hardie's spreadsheet: a CDNOW customer with x = 2, t_x = 30.43, T = 38.86 over 39 weeks.
  CHECK(bg.conditional_expected_purchases(2, 30.43, 38.86, 39) == doctest::Approx(1.226).epsilon(1e-3));
}

TEST_CASE("clv: one-time buyers when a + b < 1, where the closed form's 2F1 has c <= 0") {
  // The parameters a fit of classicmodels' 98 customers reached: c = a + b - 1 = -0.053.
  // References: the closed form with mpmath's hyp2f1 (30 digits), which takes c < 0.
  const BgNbd low({5.9, 30.0, 0.0737, 0.873});
  CHECK(low.conditional_expected_purchases(0, 0.0, 1.0, 1.0) == doctest::Approx(0.188747187053625).epsilon(1e-7));
  CHECK(low.conditional_expected_purchases(0, 0.0, 1.0, 52.0) == doctest::Approx(8.45310192812186).epsilon(1e-7));
  CHECK(low.conditional_expected_purchases(0, 0.0, 20.0, 13.0) == doctest::Approx(1.45560447830312).epsilon(1e-7));
  CHECK(low.conditional_expected_purchases(0, 0.0, 80.0, 52.0) == doctest::Approx(2.57455985833285).epsilon(1e-7));
  // Either side of c = 0.05, where the series hands over to the integral. BG/NBD's c is
  // a + b - 1 for a one-time buyer, MBG/NBD's a + b (its P(alive) below 1 included).
  struct Case {
    BgVariant variant;
    double a, b, T, expected;
  };
  for (const Case& c : {Case{BgVariant::bg, 0.3, 0.75 - 1e-7, 10, 1.36704052398895},
                        Case{BgVariant::bg, 0.3, 0.75 + 1e-7, 10, 1.36704059180846},
                        Case{BgVariant::bg, 0.3, 0.75 - 1e-7, 60, 0.501064076243451},
                        Case{BgVariant::bg, 0.3, 0.75 + 1e-7, 60, 0.501064088586936},
                        Case{BgVariant::modified, 0.02, 0.03 - 1e-7, 10, 0.888376079496318},
                        Case{BgVariant::modified, 0.02, 0.03 + 1e-7, 10, 0.888379161087516},
                        Case{BgVariant::modified, 0.02, 0.03 - 1e-7, 60, 0.150790542576585},
                        Case{BgVariant::modified, 0.02, 0.03 + 1e-7, 60, 0.150791283218055}}) {
    CAPTURE(c.b);
    CAPTURE(c.T);
    const BgNbd m({0.8, 12.0, c.a, c.b}, c.variant);
    CHECK(m.conditional_expected_purchases(0, 0.0, c.T, 52) == doctest::Approx(c.expected).epsilon(1e-7));
  }
}

TEST_CASE("clv: predictions stay finite at the edges") {
  // a = 1 makes the textbook expectation 0/0; x in the hundreds overflows its 2F1 terms.
  for (double a : {1.0, 1.0 - 1e-9, 1.0 + 1e-9}) {
    BgNbd m({0.3, 5.0, a, 2.0});
    double e = m.conditional_expected_purchases(3, 10, 20, 52);
    CHECK(std::isfinite(e));
    CHECK(e == doctest::Approx(BgNbd({0.3, 5.0, 1.0 + 1e-4, 2.0}).conditional_expected_purchases(3, 10, 20, 52))
                   .epsilon(1e-3));
  }
  const BgNbd bg(kBtyd);
  for (auto [x, t_x, T, t] : {std::tuple{500, 100.0, 100.0, 1e4}, std::tuple{500, 1.0, 1000.0, 52.0},
                              std::tuple{0, 0.0, 0.0, 1e5}, std::tuple{3, 0.001, 2000.0, 0.5}}) {
    for (auto variant : {BgVariant::bg, BgVariant::modified}) {
      BgNbd m(kBtyd, variant);
      double alive = m.p_alive(x, t_x, T);
      CHECK(alive >= 0.0);
      CHECK(alive <= 1.0);
      CHECK(std::isfinite(m.conditional_expected_purchases(x, t_x, T, t)));
      CHECK(std::isfinite(m.log_likelihood(x, t_x, T)));
    }
  }
  // lifetimes' overflow case for Pareto/NBD: alpha far below beta and x in the hundreds.
  const ParetoNbd pnbd({10.465, 7.98565181e-03, 3.0516, 2.820});
  for (auto [x, t_x, T] : {std::tuple{400, 5.0, 6.0}, std::tuple{500, 1.0, 37.0}, std::tuple{500, 4.0, 37.0}}) {
    CHECK(std::isfinite(pnbd.log_likelihood(x, t_x, T)));
    CHECK(std::isfinite(pnbd.conditional_expected_purchases(x, t_x, T, 52)));
  }
  CHECK(ParetoNbd({0.5, 10, 1.0, 12}).expected_purchases(52) ==
        doctest::Approx(ParetoNbd({0.5, 10, 1.0 + 1e-8, 12}).expected_purchases(52)).epsilon(1e-6));
  // Where a runs into the hundreds and beyond (everyone about equally likely to leave; the
  // Sakila rentals fit a = 1e8, b = 2e9) the closed form's series overflows: the expectation
  // if alive is then the integral over a narrow Beta, checked here by quadrature, and at
  // the limit the homogeneous (1 - ((alpha+T)/(alpha+T+p t))^(r+x)) / p.
  auto by_quadrature = [](double r, double alpha, double a, double b, double t) {
    const double n = a + b, mean = a / n, sd = std::sqrt(a * b / (n * n * (n + 1)));
    auto density = [&](double p) {
      return std::exp((a - 1) * std::log(p) + (b - 1) * std::log1p(-p) - std::lgamma(a) - std::lgamma(b) +
                      std::lgamma(a + b));
    };
    auto purchases = [&](double p) { return -std::expm1(-r * std::log1p(p * t / alpha)) / p * density(p); };
    return boost::math::quadrature::gauss_kronrod<double, 61>::integrate(purchases, std::max(mean - 12 * sd, 1e-12),
                                                                          std::min(mean + 12 * sd, 1 - 1e-12));
  };
  // (Plain variables, not structured bindings: CAPTURE's lambda cannot take those in C++20.)
  for (const auto& ab : {std::pair{300.0, 2700.0}, std::pair{2000.0, 18000.0}, std::pair{5e4, 2e4}}) {
    const double a = ab.first, b = ab.second;
    CAPTURE(a);
    for (const auto& xT : {std::pair{0, 30.0}, std::pair{17, 37.0}, std::pair{40, 37.0}}) {
      const int x = xT.first;
      const double T = xT.second;
      CAPTURE(x);
      const BgNbd m({5.8, 5.2, a, b});
      CHECK(m.expected_purchases_if_alive(x, T, 52) ==
            doctest::Approx(by_quadrature(5.8 + x, 5.2 + T, a, b + x, 52)).epsilon(1e-5));
      CHECK(BgNbd({5.8, 5.2, a, b}, BgVariant::modified).expected_purchases_if_alive(x, T, 52) ==
            doctest::Approx(by_quadrature(5.8 + x, 5.2 + T, a, b + x + 1, 52)).epsilon(1e-5));
    }
  }
  const double p = 1e8 / (1e8 + 9e8);
  CHECK(BgNbd({5.8, 5.2, 1e8, 9e8}).expected_purchases_if_alive(17, 37, 52) ==
        doctest::Approx(-std::expm1(-(5.8 + 17) * std::log1p(p * 52 / (5.2 + 37))) / p).epsilon(1e-7));
  // Either side of where the series hands over, the two agree.
  CHECK(BgNbd({5.8, 5.2, 180, 1620}).expected_purchases_if_alive(17, 37, 52) ==
        doctest::Approx(by_quadrature(5.8 + 17, 5.2 + 37, 180, 1620 + 17, 52)).epsilon(1e-6));
  CHECK_THROWS_AS(BgNbd({0.2, -1, 0.8, 2.4}), kunde::Error);
  CHECK_THROWS_AS(BgNbd({0.2, std::nan(""), 0.8, 2.4}), kunde::Error);
  CHECK_THROWS_AS(bg.p_alive(2, 10, 5), kunde::Error);
}

TEST_CASE("clv: Gamma-Gamma and CLV against values computed by hand") {
  const GammaGamma gg({6.25, 3.74, 1544.0});
  CHECK(gg.log_likelihood(2, 5000) == doctest::Approx(-9.48643504282228).epsilon(1e-12));
  CHECK(gg.expected_order_value() == doctest::Approx(6.25 * 1544.0 / 2.74));
  CHECK(gg.conditional_expected_order_value(2, 5000) == doctest::Approx(4734.251968503936));
  CHECK(gg.conditional_expected_order_value(0, 0) == gg.expected_order_value());
  // Zero or negative spend counts as 0: below the population mean, more so with more purchases.
  CHECK(gg.conditional_expected_order_value(1, -500) == doctest::Approx(6.25 * 1544.0 / (6.25 + 2.74)));
  CHECK(gg.conditional_expected_order_value(5, 0) < gg.conditional_expected_order_value(1, 0));
  CHECK_THROWS_AS(GammaGamma({6.0, 0.9, 15.0}), kunde::Error);

  // 4 weeks at 10 % a year and a margin of 30 %: the sum over weeks of the expected purchases
  // that week, times the expected order value and the margin, each discounted from its end.
  const BgNbd bg(kBtyd);
  CustomerSummary c;
  c.x = 2;
  c.t_x = 30.43;
  c.T = 38.86;
  c.monetary = 5000;
  ClvOptions o;
  o.horizon = 4;
  o.yearly_discount_rate = 0.10;
  o.margin_ratio = 0.3;
  CHECK(period_discount_rate(0.10, 7) == doctest::Approx(std::pow(1.1, 7 / 365.25) - 1));
  CustomerValue v = customer_value(bg, gg, c, o, 7);
  CHECK(v.clv == doctest::Approx(208.28093196353825).epsilon(1e-9));
  CHECK(v.expected_purchases == doctest::Approx(0.14731544469730828).epsilon(1e-9));
  CHECK(v.expected_order_value == doctest::Approx(4734.251968503936));
  CHECK(v.p_alive == doctest::Approx(0.7266072741522946));
  o.horizon = 2.5;  // the last step is half a week
  CHECK(customer_value(bg, gg, c, o, 7).clv == doctest::Approx(131.4357917748226).epsilon(1e-9));
  o.horizon = 0;
  CHECK(customer_value(bg, gg, c, o, 7).clv == 0.0);
  o.horizon = 52;
  o.yearly_discount_rate = 0;
  o.margin_ratio = 1;
  CustomerValue undiscounted = customer_value(bg, gg, c, o, 7);
  CHECK(undiscounted.clv == doctest::Approx(undiscounted.expected_purchases * undiscounted.expected_order_value));

  PurchaseSummary s = histories({c, customer(7, 0, 0, 5), customer(8, 3, 10, 20)});
  auto values = customer_values(bg, gg, s, o);
  REQUIRE(values.size() == 3);
  for (std::size_t i = 0; i < values.size(); ++i) {
    CHECK(finite_values(values[i]));
    CHECK(values[i].clv == doctest::Approx(customer_value(bg, gg, s.customers[i], o, 7).clv));
  }
  o.horizon = -1;
  CHECK_THROWS_AS(customer_values(bg, gg, s, o), kunde::UsageError);
}

TEST_CASE("clv: fits recover the parameters of simulated customers") {
  // 20,000 customers: standard errors are a few per cent for r, alpha and Gamma-Gamma, more
  // for a and b. Besides a loose relative check, the likelihood-ratio statistic against the
  // truth must be below the 99.9 % point of its chi-square distribution.
  const BgNbdParams truth{0.25, 4.0, 0.8, 2.5};
  const GammaGammaParams spend_truth{6.0, 4.0, 1500.0};
  PurchaseSummary s = simulate(20000, truth, spend_truth, 20261130);
  BgNbdFit fit = fit_bgnbd(s);
  const BgNbdParams& p = fit.model.params();
  CHECK(p.r == doctest::Approx(truth.r).epsilon(0.10));
  CHECK(p.alpha == doctest::Approx(truth.alpha).epsilon(0.10));
  CHECK(p.a == doctest::Approx(truth.a).epsilon(0.25));
  CHECK(p.b == doctest::Approx(truth.b).epsilon(0.25));
  // a and b move together; the mean drop-out probability a / (a + b) is pinned down closely.
  CHECK(p.a / (p.a + p.b) == doctest::Approx(truth.a / (truth.a + truth.b)).epsilon(0.05));
  const double ll_truth = total_log_likelihood(BgNbd(truth), s);
  CHECK(fit.report.log_likelihood >= ll_truth);
  CHECK(2 * (fit.report.log_likelihood - ll_truth) < 18.47);
  CHECK(total_log_likelihood(fit.model, s) == doctest::Approx(fit.report.log_likelihood).epsilon(1e-12));
  CHECK(fit.report.evaluations > 0);
  CHECK(fit.report.seconds > 0);

  GammaGammaFit spend = fit_gamma_gamma(s);
  const GammaGammaParams& g = spend.model.params();
  CHECK(g.p == doctest::Approx(spend_truth.p).epsilon(0.10));
  CHECK(g.q == doctest::Approx(spend_truth.q).epsilon(0.15));
  CHECK(g.gamma == doctest::Approx(spend_truth.gamma).epsilon(0.20));
  double gg_truth = 0;
  GammaGamma true_spend(spend_truth);
  for (const auto& c : s.customers) {
    if (c.x > 0) gg_truth += true_spend.log_likelihood(c.x, c.monetary);
  }
  CHECK(2 * (spend.report.log_likelihood - gg_truth) < 16.27);
  CHECK(std::abs(spend.frequency_correlation) < 0.05);
  CHECK(spend.excluded == 0);
  CHECK(spend.customers == s.repeat_buyers());

  // Pareto/NBD and MBG/NBD fit such data without trouble (it is not their truth, so their
  // likelihood is no better than BG/NBD's by much). 3,000 customers keep Pareto/NBD quick.
  s.customers.resize(3000);
  const double ll_bg = fit_bgnbd(s).report.log_likelihood;
  for (auto kind : {CountModelKind::mbgnbd, CountModelKind::pareto_nbd}) {
    CountFit other = fit_count_model(kind, s);
    CHECK(std::isfinite(other.report.log_likelihood));
    CHECK(other.report.log_likelihood < ll_bg + 10);
  }
}

TEST_CASE("clv: data that cannot identify a model ends in a clear error") {
  auto one_time = histories({});
  for (int i = 0; i < 50; ++i) one_time.customers.push_back(customer(i, 0, 0, 1.0 + i));
  for (auto kind : {CountModelKind::bgnbd, CountModelKind::mbgnbd, CountModelKind::pareto_nbd}) {
    std::string e = error_of([&] { fit_count_model(kind, one_time); });
    CHECK(has(e, "no customer bought again within the calibration period"));
    CHECK(has(e, "50 customers, 0 repeat buyers, 0 repeat purchases, mean T 25.5 weeks"));
    CHECK(has(e, "hint: the model learns purchase rates from repeat purchases"));
    CHECK(!has(e, "nan"));
  }

  auto three = histories({customer(1, 2, 3, 10, 50), customer(2, 0, 0, 12), customer(3, 5, 8, 9, 20)});
  std::string e = error_of([&] { fit_bgnbd(three); });
  CHECK(has(e, "too few customers to fit BG/NBD: 3 customers, 2 repeat buyers, 7 repeat purchases"));
  CHECK(has(e, "it needs at least 10"));
  CHECK(!has(e, "nan"));
  e = error_of([&] { fit_gamma_gamma(three); });
  CHECK(has(e, "too few repeat buyers with a positive mean spend"));

  auto zero_spend = histories({});
  for (int i = 0; i < 30; ++i) zero_spend.customers.push_back(customer(i, 1 + i % 3, 2, 20, i % 2 ? 0.0 : -150.0));
  e = error_of([&] { fit_gamma_gamma(zero_spend); });
  CHECK(has(e, "cannot fit the Gamma-Gamma spend model: no repeat buyer has a positive mean spend"));
  CHECK(has(e, "0 repeat buyers with a positive mean spend, 30 with zero or negative spend left out"));
  CHECK(has(e, "hint: the spend model needs order amounts above zero"));
  CHECK(!has(e, "nan"));
  // The purchase model still fits such data.
  CHECK(std::isfinite(fit_bgnbd(zero_spend).report.log_likelihood));

  // Everyone buys like clockwork and was seen on the last day: nothing tells how customers
  // differ or leave, so the fit ends in the model's limits (one rate for all, nobody
  // leaving), says so, and predicts from them.
  auto clockwork = histories({});
  for (int i = 0; i < 40; ++i) clockwork.customers.push_back(customer(i, 10, 20, 20, 100));
  const auto limit_fit = fit_bgnbd(clockwork);
  auto limits = fit_limits("BG/NBD", limit_fit.model.parameters(), "week");
  REQUIRE(limits.size() == 2);
  CHECK(has(limits[0], "every customer buys at about the same rate, 0.5 a week"));
  CHECK(has(limits[1], "no sign of customers leaving"));
  CHECK(limit_fit.model.p_alive(10, 20, 20) == doctest::Approx(1.0));
  CHECK(limit_fit.model.conditional_expected_purchases(10, 20, 20, 52) == doctest::Approx(26).epsilon(1e-3));

  // The limits against hangs.
  PurchaseSummary s = simulate(2000, kBtyd, {6, 4, 1500}, 7);
  FitOptions no_time;
  no_time.max_seconds = 0;
  e = error_of([&] { fit_pareto_nbd(s, no_time); });
  CHECK(has(e, "Pareto/NBD fit did not converge (the time limit of 0 s ran out)"));
  FitOptions few;
  few.max_evaluations = 3;
  e = error_of([&] { fit_bgnbd(s, BgVariant::bg, few); });
  CHECK(has(e, "BG/NBD fit did not converge (3 evaluations were not enough)"));
}

TEST_CASE("clv: a fit at the edge of its model says which edge, and an ordinary one says nothing") {
  // The BG/NBD fit of 59 customers who each bought seven times at even intervals.
  auto limits = fit_limits("BG/NBD", {{"r", 1.537e7}, {"alpha", 5.95e8}, {"a", 5.564e-8}, {"b", 1.037e6}}, "week");
  REQUIRE(limits.size() == 2);
  CHECK(limits[0] == "r and alpha ran large: every customer buys at about the same rate, 0.0258 a week");
  CHECK(has(limits[1], "a/(a+b) is 5.4e-14: the fit finds no sign of customers leaving"));
  limits = fit_limits("MBG/NBD", {{"r", 0.3}, {"alpha", 4.0}, {"a", 2e5}, {"b", 8e5}}, "day");
  REQUIRE(limits.size() == 1);
  CHECK(limits[0] == "a and b ran large: every customer has about the same chance, 0.2, of leaving after a purchase");
  limits = fit_limits("Pareto/NBD", {{"r", 0.5}, {"alpha", 10}, {"s", 1e-9}, {"beta", 1e4}}, "week");
  REQUIRE(limits.size() == 1);
  CHECK(has(limits[0], "s/beta is about 0"));
  CHECK(fit_limits("Gamma-Gamma", {{"p", 13.5}, {"q", 1.46e8}, {"gamma", 6.5e7}}, "week").size() == 1);
  // CDNOW's published fits are ordinary.
  CHECK(fit_limits("BG/NBD", {{"r", 0.2426}, {"alpha", 4.414}, {"a", 0.793}, {"b", 2.426}}, "week").empty());
  CHECK(fit_limits("Gamma-Gamma", {{"p", 6.25}, {"q", 3.74}, {"gamma", 15.44}}, "week").empty());
}

TEST_CASE("clv: holdout accuracy and the tracking curve on a small customer base") {
  SummaryOptions o;
  o.calibration_end = epoch_day("2026-01-28");
  o.holdout_end = epoch_day("2026-02-14");  // 2 weeks and 3 days
  PurchaseSummary s = summary_of(o, {
                                        {1, "2026-01-14", 100},
                                        {1, "2026-01-21", 100},
                                        {1, "2026-02-01", 100},
                                        {1, "2026-02-14", 100},
                                        {2, "2026-01-07", 100},
                                        {2, "2026-02-15", 100},  // after the holdout
                                        {3, "2026-01-28", 100},
                                        {3, "2026-01-29", 100},
                                    });
  const BgNbd bg(kBtyd);
  HoldoutAccuracy h = holdout_accuracy(bg, s);
  CHECK(h.customers == 3);
  CHECK(h.periods == doctest::Approx(17 / 7.0));
  CHECK(h.actual == 3);
  double predicted = 0, abs_error = 0;
  for (const auto& c : s.customers) {
    double e = bg.conditional_expected_purchases(c.x, c.t_x, c.T, 17 / 7.0);
    predicted += e;
    abs_error += std::abs(e - c.holdout_x);
  }
  CHECK(h.predicted == doctest::Approx(predicted));
  CHECK(h.mae == doctest::Approx(abs_error / 3));
  CHECK(h.by_frequency[0].customers == 2);
  CHECK(h.by_frequency[1].customers == 1);
  CHECK(h.by_frequency[1].actual == 2.0);
  CHECK(h.by_frequency[7].and_more);

  // Weeks end on Jan 7, 14, 21, 28 (the calibration end), then Feb 4, 11 and the holdout end.
  REQUIRE(h.tracking.size() == 7);
  const int days[] = {epoch_day("2026-01-07"), epoch_day("2026-01-14"), epoch_day("2026-01-21"),
                      epoch_day("2026-01-28"), epoch_day("2026-02-04"), epoch_day("2026-02-11"),
                      epoch_day("2026-02-14")};
  const double actual[] = {0, 0, 1, 1, 3, 3, 4};
  for (std::size_t i = 0; i < 7; ++i) {
    CAPTURE(i);
    CHECK(h.tracking[i].day == days[i]);
    CHECK(h.tracking[i].actual == actual[i]);
    CHECK(h.tracking[i].holdout == (i >= 4));
  }
  // Expected: customer 2 from Jan 7, customer 1 from Jan 14, customer 3 from Jan 28.
  CHECK(h.tracking[0].expected == 0);
  CHECK(h.tracking[2].expected == doctest::Approx(bg.expected_purchases(2) + bg.expected_purchases(1)));
  CHECK(h.tracking[6].expected == doctest::Approx(bg.expected_purchases(38 / 7.0) + bg.expected_purchases(31 / 7.0) +
                                                  bg.expected_purchases(17 / 7.0)));
  CHECK(h.tracking[4].actual_since_end == 2);
  CHECK(h.tracking[6].actual_since_end == 3);
  CHECK(h.tracking[6].predicted_since_end == doctest::Approx(h.predicted));
  CHECK(h.tracking[3].predicted_since_end == 0);

  PurchaseSummary no_holdout = histories({customer(1, 1, 1, 2)});
  CHECK_THROWS_AS(holdout_accuracy(bg, no_holdout), kunde::Error);
}

TEST_CASE("clv: CDNOW sample, summary and fits against the published values") {
  std::optional<PurchaseSummary> s = cdnow();
  if (!s) {
    MESSAGE("skipped: no CDNOW sample at " << kCdnow);
    return;
  }
  REQUIRE(s->customers.size() == 2357);
  CHECK(s->repeat_buyers() == 946);
  CHECK(s->repeat_purchases() == 2457);

  // The summary lifetimes ships (x, t_x, T and zbar rounded to 2 decimals), customer by customer.
  kunde::test::CollectSink published;
  kunde::io::read_records(kCdnow + "cdnow_customers_summary_with_transactions.csv", {}, published);
  REQUIRE(published.header() == std::vector<std::string>{"ID", "x", "t_x", "T", "zbar"});
  REQUIRE(published.records.size() == 2357);
  std::map<std::int64_t, const CustomerSummary*> ours;
  for (const auto& c : s->customers) ours[c.customer] = &c;
  int mismatches = 0;
  for (const auto& r : published.records) {
    auto it = ours.find(kunde::model::parse_integer(r.fields[0]));
    if (it == ours.end()) {
      ++mismatches;
      continue;
    }
    const CustomerSummary& c = *it->second;
    bool same = c.x == std::stoi(r.fields[1]) && std::abs(c.t_x - std::stod(r.fields[2])) <= 0.0051 &&
                std::abs(c.T - std::stod(r.fields[3])) <= 0.0051 &&
                std::abs(c.monetary / 100 - std::stod(r.fields[4])) <= 0.0051;
    if (!same) ++mismatches;
  }
  CHECK(mismatches == 0);

  // BG/NBD: BTYD gives r=0.2425982, alpha=4.4136842, a=0.7929899, b=2.4261667, LL=-9582.429.
  BgNbdFit bg = fit_bgnbd(*s);
  CHECK(bg.model.params().r == doctest::Approx(0.2426).epsilon(5e-4));
  CHECK(bg.model.params().alpha == doctest::Approx(4.414).epsilon(5e-4));
  CHECK(bg.model.params().a == doctest::Approx(0.7930).epsilon(5e-4));
  CHECK(bg.model.params().b == doctest::Approx(2.426).epsilon(5e-4));
  CHECK(bg.report.log_likelihood == doctest::Approx(-9582.429).epsilon(1e-6));
  CHECK(bg.report.log_likelihood >= total_log_likelihood(BgNbd(kBtyd), *s));
  using Values = const std::vector<double>&;
  const auto& fitted = bg.model.params();
  CHECK(at_maximum({fitted.r, fitted.alpha, fitted.a, fitted.b},
                   [&](Values v) { return total_log_likelihood(BgNbd({v[0], v[1], v[2], v[3]}), *s); }));

  // MBG/NBD: BTYDplus (as lifetimes' tests quote it) r=0.525, alpha=6.183, a=0.891, b=1.614.
  BgNbdFit mbg = fit_bgnbd(*s, BgVariant::modified);
  CHECK(mbg.model.params().r == doctest::Approx(0.525).epsilon(1e-3));
  CHECK(mbg.model.params().alpha == doctest::Approx(6.183).epsilon(1e-3));
  CHECK(mbg.model.params().a == doctest::Approx(0.891).epsilon(1e-3));
  CHECK(mbg.model.params().b == doctest::Approx(1.614).epsilon(1e-3));
  CHECK(mbg.report.log_likelihood == doctest::Approx(-9582.136).epsilon(1e-6));
  const auto& m = mbg.model.params();
  CHECK(at_maximum({m.r, m.alpha, m.a, m.b}, [&](Values v) {
    return total_log_likelihood(BgNbd({v[0], v[1], v[2], v[3]}, BgVariant::modified), *s);
  }));

  // Pareto/NBD: BTYD's vignette r=0.55, alpha=10.58, s=0.61, beta=11.67 and LL about -9595;
  // lifetimes' tests quote 0.553, 10.578, 0.606, 11.669.
  ParetoNbdFit pnbd = fit_pareto_nbd(*s);
  CHECK(pnbd.model.params().r == doctest::Approx(0.553).epsilon(1e-3));
  CHECK(pnbd.model.params().alpha == doctest::Approx(10.578).epsilon(1e-3));
  CHECK(pnbd.model.params().s == doctest::Approx(0.606).epsilon(1e-3));
  CHECK(pnbd.model.params().beta == doctest::Approx(11.669).epsilon(1e-3));
  CHECK(pnbd.report.log_likelihood == doctest::Approx(-9595).epsilon(1e-4));
  const auto& pp = pnbd.model.params();
  CHECK(at_maximum({pp.r, pp.alpha, pp.s, pp.beta},
                   [&](Values v) { return total_log_likelihood(ParetoNbd({v[0], v[1], v[2], v[3]}), *s); }));

  // Gamma-Gamma on the repeat-purchase spend (Fader, Hardie & Lee): p=6.25, q=3.74, gamma=15.44
  // dollars; the summary is in cents, so gamma comes back 100 times larger.
  GammaGammaFit gg = fit_gamma_gamma(*s);
  CHECK(gg.customers == 946);
  CHECK(gg.excluded == 0);
  CHECK(gg.model.params().p == doctest::Approx(6.25).epsilon(1e-3));
  CHECK(gg.model.params().q == doctest::Approx(3.74).epsilon(1e-3));
  CHECK(gg.model.params().gamma / 100 == doctest::Approx(15.44).epsilon(1e-3));
  const auto& gp = gg.model.params();
  CHECK(at_maximum({gp.p, gp.q, gp.gamma}, [&](Values v) {
    GammaGamma spend({v[0], v[1], v[2]});
    double ll = 0;
    for (const auto& c : s->customers) {
      if (c.x > 0) ll += spend.log_likelihood(c.x, c.monetary);
    }
    return ll;
  }));

  // The holdout: 1,882 repeat purchase days by the same customers in the 39 weeks after.
  HoldoutAccuracy h = holdout_accuracy(bg.model, *s);
  CHECK(h.actual == 1882);
  CHECK(h.predicted > 1500);
  CHECK(h.predicted < 1900);
  CHECK(std::isfinite(h.mae));
  REQUIRE(!h.tracking.empty());
  CHECK(h.tracking.back().actual == 2457 + 1882);
  CHECK(h.tracking.back().day == epoch_day("1998-06-30"));
  for (std::size_t i = 1; i < h.tracking.size(); ++i) {
    CHECK(h.tracking[i].expected >= h.tracking[i - 1].expected);
    CHECK(h.tracking[i].actual >= h.tracking[i - 1].actual);
  }
  auto at_end = std::find_if(h.tracking.begin(), h.tracking.end(), [&](const TrackingPoint& p) {
    return p.day == s->options.calibration_end;
  });
  REQUIRE(at_end != h.tracking.end());
  CHECK(at_end->actual == 2457);
  CHECK(at_end->expected == doctest::Approx(2457).epsilon(0.05));

  // CLV for everyone, all finite.
  auto values = customer_values(bg.model, gg.model, *s, ClvOptions{});
  REQUIRE(values.size() == 2357);
  for (const auto& v : values) REQUIRE(finite_values(v));

  // Counting return days as purchases changes nothing here: CDNOW has no negative amounts.
  std::optional<PurchaseSummary> counted = cdnow(ReturnDays::count);
  CHECK(counted->repeat_purchases() == 2457);
}
