// The one loop of a BG/NBD fit that runs over every distinct customer history: each
// history's share of the log-likelihood and of its gradient, given the terms shared by equal
// x, T or t_x. It sits in a file of its own because it alone is built for vector math
// (see bgnbd_sums.cpp); everything around it stays in bgnbd.cpp.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace kunde::analytics {

// Customer histories grouped by identical (x, t_x, T), as columns: indices into the tables
// of distinct x, T and t_x values, and how many customers share the history.
struct HistoryColumns {
  std::vector<std::uint32_t> x, T, t_x;
  std::vector<double> count;

  std::size_t size() const { return count.size(); }
  void push_back(std::uint32_t xi, std::uint32_t Ti, std::uint32_t txi, double n) {
    x.push_back(xi);
    T.push_back(Ti);
    t_x.push_back(txi);
    count.push_back(n);
  }
};

// log(alpha + v) and 1 / (alpha + v) for each v.
void log_and_inverse(std::span<const double> values, double alpha, std::span<double> logs,
                     std::span<double> inverses);

// Per distinct x: r + x, and log(a / (b + x - 1)) (MBG/NBD: b + x) of the drop-out term.
// Per distinct T and t_x: log(alpha + .) and 1 / (alpha + .).
struct SharedTerms {
  std::span<const double> rx, dropout;
  std::span<const double> log_T, inv_T, log_tx, inv_tx;
};

struct DropoutSums {
  double log_likelihood = 0, d_r = 0, d_alpha = 0;
};

// For histories whose likelihood has both terms, -(r+x) log(alpha+T) (still active) and
// dropout(x) - (r+x) log(alpha+t_x) (gone after the last purchase): the count-weighted sum of
// log(e^A + e^B), and its derivatives in r and alpha. weights[i] receives count[i] times the
// drop-out term's share of history i's likelihood, from which the derivatives in a and b
// follow per x.
DropoutSums dropout_sums(const HistoryColumns& h, const SharedTerms& t, std::span<double> weights);

}  // namespace kunde::analytics
