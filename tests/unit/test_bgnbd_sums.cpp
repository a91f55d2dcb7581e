// The BG/NBD fit's inner loop, built for vector math, against the same sums written plainly
// with std::exp and std::log1p, over histories whose two terms are close, far apart (where
// the smaller one underflows) and in either order.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "analytics/bgnbd_sums.hpp"

using namespace kunde::analytics;

TEST_CASE("bgnbd sums: the vector loop equals the plain one") {
  const std::vector<double> rx = {1.25, 2.25, 40.25};
  const std::vector<double> dropout = {-0.5, -1.75, -3.0};
  const std::vector<double> Ts = {0.5, 3.0, 52.0, 1e4}, txs = {0.0, 1.0, 30.0, 9e3};
  const double alpha = 4.5;
  std::vector<double> log_T(Ts.size()), inv_T(Ts.size()), log_tx(txs.size()), inv_tx(txs.size());
  log_and_inverse(Ts, alpha, log_T, inv_T);
  log_and_inverse(txs, alpha, log_tx, inv_tx);
  for (std::size_t i = 0; i < Ts.size(); ++i) {
    CHECK(log_T[i] == doctest::Approx(std::log(alpha + Ts[i])).epsilon(1e-15));
    CHECK(inv_T[i] == doctest::Approx(1 / (alpha + Ts[i])).epsilon(1e-15));
  }

  // Every combination, with counts 1, 2, 3, ... and more histories than any vector is wide.
  HistoryColumns h;
  for (std::uint32_t x = 0; x < rx.size(); ++x)
    for (std::uint32_t T = 0; T < Ts.size(); ++T)
      for (std::uint32_t tx = 0; tx < txs.size(); ++tx) h.push_back(x, T, tx, 1.0 + static_cast<double>(h.size()));
  std::vector<double> weights(h.size());
  DropoutSums got = dropout_sums(h, {rx, dropout, log_T, inv_T, log_tx, inv_tx}, weights);

  DropoutSums want;
  for (std::size_t i = 0; i < h.size(); ++i) {
    const double r_x = rx[h.x[i]], lT = std::log(alpha + Ts[h.T[i]]), ltx = std::log(alpha + txs[h.t_x[i]]);
    const double active = -r_x * lT, gone = dropout[h.x[i]] - r_x * ltx;
    const double m = std::max(active, gone);
    const double total = m + std::log(std::exp(active - m) + std::exp(gone - m));
    const double w = std::exp(gone - total);
    want.log_likelihood += h.count[i] * total;
    want.d_r -= h.count[i] * ((1 - w) * lT + w * ltx);
    want.d_alpha -= h.count[i] * r_x * ((1 - w) / (alpha + Ts[h.T[i]]) + w / (alpha + txs[h.t_x[i]]));
    CAPTURE(i);
    CHECK(weights[i] == doctest::Approx(h.count[i] * w).epsilon(1e-12));
  }
  CHECK(got.log_likelihood == doctest::Approx(want.log_likelihood).epsilon(1e-13));
  CHECK(got.d_r == doctest::Approx(want.d_r).epsilon(1e-13));
  CHECK(got.d_alpha == doctest::Approx(want.d_alpha).epsilon(1e-13));
  CHECK(std::isfinite(got.log_likelihood));

  HistoryColumns none;
  DropoutSums empty = dropout_sums(none, {rx, dropout, log_T, inv_T, log_tx, inv_tx}, {});
  CHECK(empty.log_likelihood == 0);
  CHECK(empty.d_r == 0);
}
