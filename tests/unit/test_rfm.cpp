// analytics/rfm: quintile scores with ties broken by customer id, cut points, segments.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "analytics/rfm.hpp"
#include "error.hpp"

using namespace kunde;
using namespace kunde::analytics;

namespace {

std::string segment_name(int r, int f, int m) {
  int s = segment_of(default_segments(), r, f, m);
  return s < 0 ? "" : default_segments()[static_cast<std::size_t>(s)].name;
}

struct Scores {
  int r, f, m;
  bool operator==(const Scores&) const = default;
};

std::map<std::int64_t, Scores> by_id(const RfmResult& result) {
  std::map<std::int64_t, Scores> out;
  for (const RfmScore& s : result.customers) out[s.customer_id] = {s.r, s.f, s.m};
  return out;
}

std::vector<int> frequency_scores(std::size_t n) {
  std::vector<RfmCustomer> customers;
  for (std::size_t i = 0; i < n; ++i) {
    customers.push_back({static_cast<std::int64_t>(i + 1), 0, static_cast<std::int64_t>(i + 1), 0});
  }
  std::vector<int> out;
  for (const RfmScore& s : score_rfm(customers, 0).customers) out.push_back(s.f);
  return out;
}

}  // namespace

TEST_CASE("the default RFM segments: every one of the 125 score combinations lands in one") {
  CHECK(uncovered_scores(default_segments()).empty());
  std::map<std::string, int> hits;
  for (int r = 1; r <= 5; ++r) {
    for (int f = 1; f <= 5; ++f) {
      for (int m = 1; m <= 5; ++m) {
        CAPTURE(r * 100 + f * 10 + m);
        std::string name = segment_name(r, f, m);
        CHECK(!name.empty());
        ++hits[name];
      }
    }
  }
  std::vector<std::string> names;
  for (const SegmentRule& s : default_segments()) names.push_back(s.name);
  CHECK(names == std::vector<std::string>{"Champions", "Loyal", "Potential loyalist", "New", "Promising",
                                          "Need attention", "About to sleep", "Cannot lose", "At risk",
                                          "Hibernating", "Lost"});
  CHECK(hits.size() == 11);  // no segment is shadowed by the ones before it
  CHECK_NOTHROW(check_segments(default_segments()));

  CHECK(segment_name(5, 5, 5) == "Champions");
  CHECK(segment_name(4, 4, 4) == "Champions");
  CHECK(segment_name(5, 5, 1) == "Loyal");
  CHECK(segment_name(3, 4, 5) == "Loyal");
  CHECK(segment_name(4, 2, 5) == "Potential loyalist");
  CHECK(segment_name(5, 1, 5) == "New");
  CHECK(segment_name(4, 1, 1) == "Promising");
  CHECK(segment_name(3, 3, 3) == "Need attention");
  CHECK(segment_name(3, 2, 1) == "About to sleep");
  CHECK(segment_name(1, 5, 5) == "Cannot lose");
  CHECK(segment_name(2, 4, 4) == "Cannot lose");
  CHECK(segment_name(1, 5, 3) == "At risk");
  CHECK(segment_name(2, 3, 1) == "At risk");
  CHECK(segment_name(2, 1, 5) == "Hibernating");
  CHECK(segment_name(1, 2, 5) == "Lost");
  CHECK(segment_name(1, 1, 1) == "Lost");
}

TEST_CASE("RFM scores, segments, cut points and totals of five customers") {
  // as of day 100: id, last order day, orders, revenue
  std::vector<RfmCustomer> customers = {
      {1, 100, 1, 500}, {2, 90, 5, 100}, {3, 50, 3, 300}, {4, 80, 2, 400}, {5, 10, 4, 200}};
  RfmResult result = score_rfm(customers, 100);
  REQUIRE(result.customers.size() == 5);
  CHECK(result.customers[0].customer_id == 1);  // input order kept
  CHECK(result.customers[4].recency_days == 90);
  std::map<std::int64_t, Scores> want = {
      {1, {5, 1, 5}}, {2, {4, 5, 1}}, {3, {2, 3, 3}}, {4, {3, 2, 4}}, {5, {1, 4, 2}}};
  CHECK(by_id(result) == want);
  auto segment = [&](std::size_t i) { return default_segments()[static_cast<std::size_t>(result.customers[i].segment)].name; };
  CHECK(segment(0) == "New");
  CHECK(segment(1) == "Loyal");
  CHECK(segment(2) == "At risk");
  CHECK(segment(3) == "About to sleep");
  CHECK(segment(4) == "At risk");  // frequent but small: not "Cannot lose"

  // Recency bands in days: score 5 is the most recent.
  CHECK(result.recency[4].customers == 1);
  CHECK(result.recency[4].low == 0);
  CHECK(result.recency[4].high == 0);
  CHECK(result.recency[0].low == 90);
  CHECK(result.recency[1].low == 50);
  CHECK(result.frequency[2].low == 3);
  CHECK(result.monetary[4].high == 500);

  auto totals = summarize_segments(result, default_segments());
  REQUIRE(totals.size() == 11);
  std::map<std::string, std::array<std::int64_t, 3>> got;
  for (const SegmentTotals& t : totals) got[t.name] = {t.customers, t.orders, t.revenue};
  CHECK(got["New"] == std::array<std::int64_t, 3>{1, 1, 500});
  CHECK(got["Loyal"] == std::array<std::int64_t, 3>{1, 5, 100});
  CHECK(got["At risk"] == std::array<std::int64_t, 3>{2, 7, 500});
  CHECK(got["About to sleep"] == std::array<std::int64_t, 3>{1, 2, 400});
  CHECK(got["Champions"] == std::array<std::int64_t, 3>{0, 0, 0});
  CHECK(totals[0].name == "Champions");
}

TEST_CASE("RFM ties are split by customer id, the same way whatever the input order") {
  // Ten customers alike in every value.
  std::vector<RfmCustomer> customers;
  for (std::int64_t id = 10; id >= 1; --id) customers.push_back({id, 30, 2, 100});
  RfmResult result = score_rfm(customers, 40);
  auto scores = by_id(result);
  for (std::int64_t id = 1; id <= 10; ++id) {
    int want = static_cast<int>((id + 1) / 2);  // ids 1 2 -> 1, 3 4 -> 2, ... 9 10 -> 5
    CHECK(scores[id] == Scores{want, want, want});
  }
  for (const ScoreBand& band : result.frequency) {
    CHECK(band.customers == 2);
    CHECK(band.low == 2);  // the same value in every band
    CHECK(band.high == 2);
  }
  CHECK(result.recency[0].low == 10);

  std::mt19937 rng(3);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(customers.begin(), customers.end(), rng);
    CHECK(by_id(score_rfm(customers, 40)) == scores);
  }

  // Partial ties: the tied pair straddles a quintile boundary.
  std::vector<RfmCustomer> partial = {{7, 0, 1, 10}, {3, 0, 1, 20}, {9, 0, 1, 20}, {1, 0, 1, 30}, {5, 0, 1, 40}};
  auto p = by_id(score_rfm(partial, 0));
  CHECK(p[7].m == 1);
  CHECK(p[3].m == 2);
  CHECK(p[9].m == 3);
  CHECK(p[1].m == 4);
  CHECK(p[5].m == 5);
}

TEST_CASE("RFM with fewer than five customers, and quintiles of uneven size") {
  CHECK(frequency_scores(1) == std::vector<int>{3});
  CHECK(frequency_scores(2) == std::vector<int>{2, 4});
  CHECK(frequency_scores(3) == std::vector<int>{1, 3, 5});
  CHECK(frequency_scores(4) == std::vector<int>{1, 2, 4, 5});
  CHECK(frequency_scores(5) == std::vector<int>{1, 2, 3, 4, 5});
  CHECK(frequency_scores(7) == std::vector<int>{1, 2, 2, 3, 4, 4, 5});
  CHECK(frequency_scores(12) == std::vector<int>{1, 1, 2, 2, 2, 3, 3, 4, 4, 4, 5, 5});

  RfmResult one = score_rfm(std::vector<RfmCustomer>{{42, 5, 1, 990}}, 5);
  CHECK(by_id(one)[42] == Scores{3, 3, 3});
  CHECK(default_segments()[static_cast<std::size_t>(one.customers[0].segment)].name == "Need attention");
  CHECK(one.monetary[2].customers == 1);
  CHECK(one.monetary[0].customers == 0);
  CHECK(one.monetary[0].low == 0);

  CHECK(score_rfm(std::vector<RfmCustomer>{}, 0).customers.empty());
}

TEST_CASE("RFM rejects what it cannot score") {
  CHECK_THROWS_AS(score_rfm(std::vector<RfmCustomer>{{1, 10, 1, 5}, {1, 12, 2, 5}}, 20), Error);
  CHECK_THROWS_AS(score_rfm(std::vector<RfmCustomer>{{1, 10, 0, 0}}, 20), Error);
  CHECK_THROWS_AS(score_rfm(std::vector<RfmCustomer>{{1, 21, 1, 5}}, 20), Error);
  std::vector<SegmentRule> bad = {{"Odd", {0, 3}, {1, 5}, {1, 5}}};
  CHECK_THROWS_AS(check_segments(bad), UsageError);
  bad = {{"Backwards", {1, 5}, {5, 4}, {1, 5}}};
  CHECK_THROWS_AS(score_rfm(std::vector<RfmCustomer>{{1, 10, 1, 5}}, 20, bad), UsageError);
  bad = {{"", {1, 5}, {1, 5}, {1, 5}}};
  CHECK_THROWS_AS(check_segments(bad), UsageError);
}

TEST_CASE("a segment table from the configuration, with gaps") {
  std::vector<SegmentRule> table = {{"Recent", {5, 5}, {1, 5}, {1, 5}}, {"Big", {1, 5}, {1, 5}, {5, 5}}};
  CHECK(uncovered_scores(table).size() == 125 - 25 - 20);
  CHECK(uncovered_scores(table).front() == std::array<int, 3>{1, 1, 1});
  std::vector<RfmCustomer> customers = {{1, 100, 1, 10}, {2, 90, 2, 20}, {3, 80, 3, 30}, {4, 70, 4, 40}, {5, 60, 5, 50}};
  RfmResult result = score_rfm(customers, 100, table);
  CHECK(result.customers[0].segment == 0);   // R 5
  CHECK(result.customers[4].segment == 1);   // M 5
  CHECK(result.customers[2].segment == -1);  // 3 3 3
  auto totals = summarize_segments(result, table);
  REQUIRE(totals.size() == 3);
  CHECK(totals[0].name == "Recent");
  CHECK(totals[0].customers == 1);
  CHECK(totals[1].customers == 1);
  CHECK(totals[2].name.empty());
  CHECK(totals[2].customers == 3);
  CHECK(totals[2].orders == 2 + 3 + 4);
  CHECK(totals[2].revenue == 20 + 30 + 40);
}
