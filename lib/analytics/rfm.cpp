// RFM scoring: one sort per dimension, then the quintile of each position.
#include "analytics/rfm.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "error.hpp"

namespace kunde::analytics {

const std::vector<SegmentRule>& default_segments() {
  static const std::vector<SegmentRule> table = {
      {"Champions", {4, 5}, {4, 5}, {4, 5}},
      {"Loyal", {3, 5}, {4, 5}, {1, 5}},
      {"Potential loyalist", {4, 5}, {2, 3}, {1, 5}},
      {"New", {5, 5}, {1, 1}, {1, 5}},
      {"Promising", {4, 4}, {1, 1}, {1, 5}},
      {"Need attention", {3, 3}, {3, 3}, {1, 5}},
      {"About to sleep", {3, 3}, {1, 2}, {1, 5}},
      {"Cannot lose", {1, 2}, {4, 5}, {4, 5}},
      {"At risk", {1, 2}, {3, 5}, {1, 5}},
      {"Hibernating", {2, 2}, {1, 2}, {1, 5}},
      {"Lost", {1, 1}, {1, 2}, {1, 5}},
  };
  return table;
}

void check_segments(std::span<const SegmentRule> segments) {
  for (const SegmentRule& s : segments) {
    if (s.name.empty()) throw UsageError("an RFM segment has no name", "");
    for (auto [dim, range] : {std::pair{'R', s.r}, std::pair{'F', s.f}, std::pair{'M', s.m}}) {
      if (range.low < 1 || range.high > 5 || range.low > range.high) {
        throw UsageError(fmt::format("RFM segment '{}': {} {}-{} is not a range of scores 1 to 5", s.name, dim,
                                     range.low, range.high),
                         "write the lower score first, e.g. 4-5");
      }
    }
  }
}

int segment_of(std::span<const SegmentRule> segments, int r, int f, int m) {
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const SegmentRule& s = segments[i];
    if (s.r.contains(r) && s.f.contains(f) && s.m.contains(m)) return static_cast<int>(i);
  }
  return -1;
}

std::vector<std::array<int, 3>> uncovered_scores(std::span<const SegmentRule> segments) {
  std::vector<std::array<int, 3>> out;
  for (int r = 1; r <= 5; ++r) {
    for (int f = 1; f <= 5; ++f) {
      for (int m = 1; m <= 5; ++m) {
        if (segment_of(segments, r, f, m) < 0) out.push_back({r, f, m});
      }
    }
  }
  return out;
}

namespace {

// Scores one dimension: `value(i)` of customer i, ranked ascending (worst first).
template <class Value>
void score_dimension(std::vector<RfmScore>& rows, Value value, int RfmScore::*score,
                     std::array<ScoreBand, 5>& bands, std::vector<std::size_t>& order) {
  const std::size_t n = rows.size();
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    auto va = value(rows[a]), vb = value(rows[b]);
    if (va != vb) return va < vb;
    return rows[a].customer_id < rows[b].customer_id;
  });
  for (std::size_t i = 0; i < n; ++i) rows[order[i]].*score = 1 + static_cast<int>(5 * (2 * i + 1) / (2 * n));
  bands = {};
  for (std::size_t i = 0; i < n; ++i) {
    const RfmScore& row = rows[order[i]];
    ScoreBand& band = bands[static_cast<std::size_t>(row.*score - 1)];
    std::int64_t v = value(row);
    if (band.customers == 0) band.low = v;
    band.high = v;
    ++band.customers;
  }
}

}  // namespace

RfmResult score_rfm(std::span<const RfmCustomer> customers, int as_of_day, std::span<const SegmentRule> segments) {
  check_segments(segments);
  RfmResult result;
  result.customers.reserve(customers.size());
  for (const RfmCustomer& c : customers) {
    if (c.orders < 1) {
      throw Error(fmt::format("customer {} has no orders to score", c.customer_id),
                  "RFM scores only customers who have ordered");
    }
    if (c.last_order_day > as_of_day) {
      throw Error(fmt::format("customer {} ordered after the as-of day", c.customer_id),
                  "count only the orders up to the as-of day");
    }
    RfmScore s;
    s.customer_id = c.customer_id;
    s.recency_days = static_cast<std::int64_t>(as_of_day) - c.last_order_day;
    s.orders = c.orders;
    s.revenue = c.revenue;
    result.customers.push_back(s);
  }
  // Ties are broken by id, so an id listed twice would make the scores depend on the input order.
  std::vector<std::int64_t> ids;
  ids.reserve(customers.size());
  for (const RfmCustomer& c : customers) ids.push_back(c.customer_id);
  std::sort(ids.begin(), ids.end());
  if (auto dup = std::adjacent_find(ids.begin(), ids.end()); dup != ids.end()) {
    throw Error(fmt::format("customer {} is listed twice", *dup), "give each customer's totals once");
  }
  std::vector<std::size_t> order(customers.size());
  // Recency ranks the most days first: a negated key keeps "ascending = worst first".
  score_dimension(result.customers, [](const RfmScore& s) { return -s.recency_days; }, &RfmScore::r,
                  result.recency, order);
  score_dimension(result.customers, [](const RfmScore& s) { return s.orders; }, &RfmScore::f, result.frequency,
                  order);
  score_dimension(result.customers, [](const RfmScore& s) { return s.revenue; }, &RfmScore::m, result.monetary,
                  order);
  // The recency bands hold days, not their negation.
  for (ScoreBand& band : result.recency) {
    std::int64_t low = -band.high, high = -band.low;
    band.low = band.customers ? low : 0;
    band.high = band.customers ? high : 0;
  }
  for (RfmScore& s : result.customers) s.segment = segment_of(segments, s.r, s.f, s.m);
  return result;
}

std::vector<SegmentTotals> summarize_segments(const RfmResult& result, std::span<const SegmentRule> segments) {
  std::vector<SegmentTotals> out(segments.size() + 1);
  for (std::size_t i = 0; i < segments.size(); ++i) out[i].name = segments[i].name;
  for (const RfmScore& s : result.customers) {
    SegmentTotals& t = out[s.segment < 0 ? segments.size() : static_cast<std::size_t>(s.segment)];
    ++t.customers;
    t.orders += s.orders;
    t.revenue += s.revenue;
  }
  if (out.back().customers == 0) out.pop_back();
  return out;
}

}  // namespace kunde::analytics
