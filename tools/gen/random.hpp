// Seeded random draws built only on std::mt19937_64's raw output, so a seed gives the same
// data with any standard library (the std:: distributions are implementation-defined).
#pragma once

#include <cmath>
#include <cstdint>
#include <random>
#include <span>
#include <vector>

namespace kunde::gen {

class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}

  // Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

  // Uniform integer in [lo, hi] (inclusive); the tiny modulo bias does not matter here.
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(engine_() % static_cast<std::uint64_t>(hi - lo + 1));
  }

  bool chance(double p) { return uniform() < p; }

  template <class T>
  const T& pick(std::span<const T> items) {
    return items[static_cast<std::size_t>(between(0, static_cast<std::int64_t>(items.size()) - 1))];
  }
  template <class T, std::size_t N>
  const T& pick(const T (&items)[N]) {
    return items[static_cast<std::size_t>(between(0, static_cast<std::int64_t>(N) - 1))];
  }

  // Standard normal by the Box-Muller transform (one value per call, no caching).
  double normal() {
    double u1 = 1.0 - uniform();  // (0, 1]
    double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
  }

  double exponential(double rate) { return -std::log(1.0 - uniform()) / rate; }

  // Gamma(shape, rate) by Marsaglia and Tsang (2000); shape < 1 boosted by U^(1/shape).
  double gamma(double shape, double rate) {
    if (shape < 1.0) {
      double u = 1.0 - uniform();
      return gamma(shape + 1.0, rate) * std::pow(u, 1.0 / shape);
    }
    const double d = shape - 1.0 / 3.0;
    const double c = 1.0 / std::sqrt(9.0 * d);
    for (;;) {
      double x = normal();
      double v = 1.0 + c * x;
      if (v <= 0.0) continue;
      v = v * v * v;
      double u = 1.0 - uniform();
      if (u < 1.0 - 0.0331 * x * x * x * x) return d * v / rate;
      if (std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return d * v / rate;
    }
  }

  double beta(double a, double b) {
    double x = gamma(a, 1.0);
    double y = gamma(b, 1.0);
    return x / (x + y);
  }

  // Poisson(mean) as the number of unit-rate exponential gaps that fit in `mean`.
  int poisson(double mean) {
    int n = 0;
    double t = exponential(1.0);
    while (t < mean) {
      ++n;
      t += exponential(1.0);
    }
    return n;
  }

  // Index drawn with probability proportional to the cumulative weights given.
  std::size_t weighted(const std::vector<double>& cumulative) {
    double x = uniform() * cumulative.back();
    std::size_t lo = 0, hi = cumulative.size() - 1;
    while (lo < hi) {
      std::size_t mid = (lo + hi) / 2;
      if (cumulative[mid] > x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace kunde::gen
