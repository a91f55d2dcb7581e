// RFM: recency, frequency and monetary scores 1-5 by quintiles, and segments named by a
// first-match-wins table of score ranges.
//
// Per customer: R = days from the last order to the as-of day, F = orders, M = revenue in
// minor units. In each dimension the customers are ranked from worst to best (R: most days
// first; F, M: smallest first), equal values by ascending customer id, and the customer at
// position i of n (from 0) scores
//
//   1 + floor(5 (2i + 1) / (2n))
//
// i.e. the quintile holding the middle of the customer's share of the ranking. Quintile sizes
// differ by at most one (n = 7 scores 1 2 2 3 4 4 5); fewer than five customers spread out
// over the scale (one customer scores 3, two score 2 and 4). Equal values can get different
// scores, the lower customer id the lower score, so the result is the same in every run.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace kunde::analytics {

struct RfmCustomer {
  std::int64_t customer_id = 0;
  int last_order_day = 0;    // days since 1970-01-01
  std::int64_t orders = 0;   // at least 1
  std::int64_t revenue = 0;  // minor units
};

struct ScoreRange {
  int low = 1;
  int high = 5;
  bool contains(int score) const { return score >= low && score <= high; }
};

struct SegmentRule {
  std::string name;
  ScoreRange r, f, m;
};

// The default segments, first match wins (every one of the 125 score combinations lands in
// one; "1-5" is any score):
//
//   Segment              R     F     M     Meaning
//   Champions            4-5   4-5   4-5   bought recently, buy often, spend the most
//   Loyal                3-5   4-5   1-5   buy often, not lately the most or the biggest
//   Potential loyalist   4-5   2-3   1-5   recent and came back, not yet often
//   New                  5     1     1-5   first order very recently
//   Promising            4     1     1-5   one order, fairly recently
//   Need attention       3     3     1-5   middling on recency and frequency
//   About to sleep       3     1-2   1-5   few orders, fading recency
//   Cannot lose          1-2   4-5   4-5   frequent big spenders who stopped buying
//   At risk              1-2   3-5   1-5   bought often, long ago
//   Hibernating          2     1-2   1-5   few orders, long ago
//   Lost                 1     1-2   1-5   few orders, the longest ago
//
// Cannot lose comes before At risk, which would otherwise take its customers.
const std::vector<SegmentRule>& default_segments();

// Throws kunde::UsageError for a rule without a name or with a range outside 1-5 or empty.
void check_segments(std::span<const SegmentRule> segments);
// The (r, f, m) combinations no rule matches, ascending.
std::vector<std::array<int, 3>> uncovered_scores(std::span<const SegmentRule> segments);
// The index of the first rule matching, or -1.
int segment_of(std::span<const SegmentRule> segments, int r, int f, int m);

struct RfmScore {
  std::int64_t customer_id = 0;
  std::int64_t recency_days = 0;
  std::int64_t orders = 0;
  std::int64_t revenue = 0;
  int r = 0, f = 0, m = 0;
  int segment = -1;  // index into the segments, -1 when none matches
};

// The customers who got one score, and the range of their values (days for R, orders for
// F, minor units for M; low <= high, both 0 when there are none). Neighbouring bands can
// share a value when equal values were split between them.
struct ScoreBand {
  std::size_t customers = 0;
  std::int64_t low = 0, high = 0;
};

struct RfmResult {
  std::vector<RfmScore> customers;  // in input order
  // [score - 1]: the cut points used in each dimension.
  std::array<ScoreBand, 5> recency, frequency, monetary;
};

// Scores the customers as of `as_of_day` (days since 1970-01-01). Throws kunde::Error for a
// customer listed twice, without orders, or whose last order is after the as-of day, and
// kunde::UsageError for a bad segment table.
RfmResult score_rfm(std::span<const RfmCustomer> customers, int as_of_day,
                    std::span<const SegmentRule> segments = default_segments());

struct SegmentTotals {
  std::string name;  // empty for the customers no rule matched
  std::int64_t customers = 0;
  std::int64_t orders = 0;
  std::int64_t revenue = 0;
};

// One entry per segment rule in table order (empty segments included), then one with an
// empty name when some customers matched no rule.
std::vector<SegmentTotals> summarize_segments(const RfmResult& result, std::span<const SegmentRule> segments);

}  // namespace kunde::analytics
