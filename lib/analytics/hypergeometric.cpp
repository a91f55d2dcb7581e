// Power series for 2F1. The ratio of successive terms tends to z, so for the z < 1 the models
// produce the series converges geometrically; a cap on the terms bounds the work for z very
// near 1, and the remaining tail is then estimated as geometric.
#include "analytics/hypergeometric.hpp"

#include <fmt/format.h>

#include <cmath>

#include "error.hpp"

namespace kunde::analytics {
namespace {

constexpr int kMaxTerms = 200'000;
constexpr double kRescale = 1e200;

[[noreturn]] void bad_argument(const char* what, double a, double b, double c, double z) {
  throw Error(fmt::format("internal error: {} called with a={}, b={}, c={}, z={}", what, a, b, c, z),
              "please report this with the data that caused it");
}

}  // namespace

double log_hyp2f1(double a, double b, double c, double z) {
  if (!(a > 0 && b > 0 && c > 0 && z >= 0 && z < 1) || !std::isfinite(a) || !std::isfinite(b) ||
      !std::isfinite(c)) {
    bad_argument("log_hyp2f1", a, b, c, z);
  }
  double sum = 1, term = 1, log_scale = 0;
  for (int n = 0; n < kMaxTerms; ++n) {
    double ratio = (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
    term *= ratio;
    sum += term;
    // Past the largest term the rest is below a geometric series with this ratio.
    if (ratio < 1 && term / (1 - ratio) <= sum * 1e-16) return log_scale + std::log(sum);
    if (sum > kRescale) {
      sum /= kRescale;
      term /= kRescale;
      log_scale += std::log(kRescale);
    }
  }
  double ratio = (a + kMaxTerms) * (b + kMaxTerms) / ((c + kMaxTerms) * (kMaxTerms + 1.0)) * z;
  if (ratio < 1) sum += term * ratio / (1 - ratio);
  return log_scale + std::log(sum);
}

double expectation_bracket(double e, double A, double C, double z) {
  if (!(e > -1 && C > 0 && z >= 0 && z < 1) || !std::isfinite(e) || !std::isfinite(A) || !std::isfinite(C)) {
    bad_argument("expectation_bracket", e, A, C, z);
  }
  // G = sum_{n>=1} z^n (A)_n (e+1)_{n-1} / ((C)_n n!), so that 2F1(A, e; C; z) = 1 + e G.
  double g = 0;
  double term = z * A / C;
  for (int n = 1; n < kMaxTerms; ++n) {
    g += term;
    double ratio = z * (A + n) * (e + n) / ((C + n) * (n + 1));
    term *= ratio;
    // Terms may change sign while A + n < 0; past that their size only shrinks.
    if (A + n > 0 && std::abs(ratio) < 1 && std::abs(term) <= std::abs(g) * 1e-17) break;
    if (term == 0) break;
  }
  double log1mz = std::log1p(-z);
  double el = e * log1mz;
  double head = e == 0 ? -log1mz : -std::expm1(el) / e;
  return head - std::exp(el) * g;
}

}  // namespace kunde::analytics
