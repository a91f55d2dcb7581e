// Cohorts by month of first order: how many of each cohort's customers order again k calendar
// months later, and what the cohort spends each month.
//
// A customer's cohort is the calendar month of their first order on or before the as-of day.
// Month offset k counts calendar months from the cohort month (an order on 31 January and one
// on 1 February are k = 0 and k = 1). Every row counts as the customer ordering in its
// month, so the caller passes the rows that should (e.g. not those of cancelled orders);
// rows after the as-of day are left out. Each cohort's row runs from k = 0 to the as-of
// month, which is counted up to the as-of day only.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace kunde::analytics {

struct CohortOrder {
  std::int64_t customer_id = 0;
  int day = 0;              // days since 1970-01-01
  std::int64_t amount = 0;  // minor units; returns negative
};

// Months are counted from January 1970 = 0 (January 2026 = 672).
int month_of_day(int day);
struct YearMonth {
  int year = 1970;
  int month = 1;  // 1-12
};
YearMonth year_month(int month_index);

struct CohortRow {
  int month = 0;                 // the cohort's month (first orders)
  std::int64_t customers = 0;    // customers whose first order fell in it
  // Index k = months since the cohort month, 0 .. as-of month - cohort month:
  std::vector<std::int64_t> active;   // customers of the cohort ordering in month k
  std::vector<double> retention;      // active[k] / customers (1 at k = 0)
  std::vector<std::int64_t> revenue;  // sum of the cohort's amounts in month k
};

struct CohortMatrix {
  int as_of_month = 0;
  std::vector<CohortRow> cohorts;  // ascending by month; months without new customers left out
};

CohortMatrix cohort_matrix(std::span<const CohortOrder> orders, int as_of_day);

}  // namespace kunde::analytics
