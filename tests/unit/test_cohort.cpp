// analytics/cohort: retention and revenue by month of first order.
#include <doctest/doctest.h>

#include <date/date.h>

#include <vector>

#include "analytics/cohort.hpp"

using namespace kunde::analytics;

namespace {

int day(int y, unsigned m, unsigned d) {
  return static_cast<int>(date::sys_days{date::year{y} / date::month{m} / date::day{d}}.time_since_epoch().count());
}

int month(int y, int m) { return (y - 1970) * 12 + m - 1; }

}  // namespace

TEST_CASE("months since January 1970") {
  CHECK(month_of_day(0) == 0);
  CHECK(month_of_day(30) == 0);  // 1970-01-31
  CHECK(month_of_day(31) == 1);  // 1970-02-01
  CHECK(month_of_day(-1) == -1);  // 1969-12-31
  CHECK(month_of_day(day(2024, 2, 29)) == month(2024, 2));
  CHECK(month_of_day(day(2024, 3, 1)) == month(2024, 3));
  CHECK(month_of_day(day(2023, 3, 1)) == month(2023, 3));
  CHECK(month_of_day(day(2023, 2, 28)) == month(2023, 2));
  CHECK(month(2026, 1) == 672);
  for (int m : {-25, -13, -12, -1, 0, 11, 12, 672, 683}) {
    YearMonth ym = year_month(m);
    CAPTURE(m);
    CHECK(month(ym.year, ym.month) == m);
    CHECK(ym.month >= 1);
    CHECK(ym.month <= 12);
  }
  CHECK(year_month(-1).year == 1969);
  CHECK(year_month(-1).month == 12);
}

TEST_CASE("cohort matrix: month boundaries, a leap day, one-order customers, the as-of day") {
  std::vector<CohortOrder> orders = {
      {1, day(2024, 1, 31), 100},  // cohort January
      {1, day(2024, 2, 1), 50},    // the next day, but month 1
      {1, day(2024, 2, 29), 25},   // same month again: counted once
      {1, day(2024, 4, 20), 999},  // after the as-of day
      {2, day(2024, 1, 1), 200},   // one order only
      {3, day(2024, 3, 1), 20},    // listed before its first order
      {3, day(2024, 2, 29), 10},   // first order on the leap day: cohort February
      {4, day(2024, 4, 15), 5},    // on the as-of day
      {5, day(2024, 5, 1), 7},     // first order after the as-of day: no cohort
      {6, day(2023, 12, 31), 7},   // across the year
      {6, day(2024, 1, 1), 8},
      {6, day(2024, 1, 2), -3},    // a return
  };
  CohortMatrix m = cohort_matrix(orders, day(2024, 4, 15));
  CHECK(m.as_of_month == month(2024, 4));
  REQUIRE(m.cohorts.size() == 4);  // December, January, February, April; no one started in March

  const CohortRow& dec = m.cohorts[0];
  CHECK(dec.month == month(2023, 12));
  CHECK(dec.customers == 1);
  CHECK(dec.active == std::vector<std::int64_t>{1, 1, 0, 0, 0});
  CHECK(dec.revenue == std::vector<std::int64_t>{7, 5, 0, 0, 0});

  const CohortRow& jan = m.cohorts[1];
  CHECK(jan.month == month(2024, 1));
  CHECK(jan.customers == 2);
  CHECK(jan.active == std::vector<std::int64_t>{2, 1, 0, 0});
  CHECK(jan.retention == std::vector<double>{1.0, 0.5, 0.0, 0.0});
  CHECK(jan.revenue == std::vector<std::int64_t>{300, 75, 0, 0});

  const CohortRow& feb = m.cohorts[2];
  CHECK(feb.month == month(2024, 2));
  CHECK(feb.customers == 1);
  CHECK(feb.active == std::vector<std::int64_t>{1, 1, 0});
  CHECK(feb.revenue == std::vector<std::int64_t>{10, 20, 0});

  const CohortRow& apr = m.cohorts[3];
  CHECK(apr.month == month(2024, 4));
  CHECK(apr.active == std::vector<std::int64_t>{1});
  CHECK(apr.retention == std::vector<double>{1.0});
  CHECK(apr.revenue == std::vector<std::int64_t>{5});

  // A day earlier, customer 4 has not ordered yet.
  CohortMatrix before = cohort_matrix(orders, day(2024, 4, 14));
  CHECK(before.cohorts.size() == 3);
}

TEST_CASE("cohort matrix of nothing, and retention as a share") {
  CHECK(cohort_matrix(std::vector<CohortOrder>{}, 0).cohorts.empty());
  std::vector<CohortOrder> orders;
  for (std::int64_t c = 1; c <= 3; ++c) orders.push_back({c, day(2025, 1, 10), 1});
  orders.push_back({2, day(2025, 3, 5), 1});
  CohortMatrix m = cohort_matrix(orders, day(2025, 3, 31));
  REQUIRE(m.cohorts.size() == 1);
  CHECK(m.cohorts[0].active == std::vector<std::int64_t>{3, 0, 1});
  CHECK(m.cohorts[0].retention[2] == doctest::Approx(1.0 / 3));
}
