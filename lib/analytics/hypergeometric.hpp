// The Gaussian hypergeometric function 2F1 in the forms the buy-till-you-die models need,
// evaluated by its power series so that no intermediate overflows and no case returns NaN.
#pragma once

namespace kunde::analytics {

// log 2F1(a, b; c; z) for a, b, c > 0 and 0 <= z < 1. Every term of the series is positive,
// so it is summed with a running scale (as BTYD's h2f1 sums, but in log space): the
// Pareto/NBD likelihood takes 2F1(r+s+x, r+x; r+s+x+1; z), which for large x exceeds
// the range of a double long before its logarithm does.
double log_hyp2f1(double a, double b, double c, double z);

// [1 - (1-z)^e * 2F1(A, e; C; z)] / e for e > -1, C > 0 and 0 <= z < 1, continuous at
// e = 0 (where it is -log(1-z) - sum_n z^n (A)_n (n-1)! / ((C)_n n!)).
// The BG/NBD expectations are (a+b+x-1) times this with e = a-1, A = a+b-1-r,
// C = a+b+x-1 (Euler's transformation of 2F1(r+x, b+x; a+b+x-1; z)), which removes the
// 0/0 at a = 1 and the overflow of (1-z)^-(r+x) for large x.
double expectation_bracket(double e, double A, double C, double z);

}  // namespace kunde::analytics
