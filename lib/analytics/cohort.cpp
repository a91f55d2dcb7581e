// The cohort matrix from one sort of the rows by customer and month.
#include "analytics/cohort.hpp"

#include <date/date.h>

#include <algorithm>
#include <map>
#include <tuple>

namespace kunde::analytics {

int month_of_day(int day) {
  date::year_month_day ymd{date::sys_days{date::days{day}}};
  return (static_cast<int>(ymd.year()) - 1970) * 12 + static_cast<int>(static_cast<unsigned>(ymd.month())) - 1;
}

YearMonth year_month(int month_index) {
  // Floor division, so months before 1970 come out right too.
  int years = month_index >= 0 ? month_index / 12 : -((-month_index + 11) / 12);
  return {1970 + years, month_index - years * 12 + 1};
}

CohortMatrix cohort_matrix(std::span<const CohortOrder> orders, int as_of_day) {
  struct Row {
    std::int64_t customer;
    int month;
    std::int64_t amount;
  };
  std::vector<Row> rows;
  rows.reserve(orders.size());
  for (const CohortOrder& o : orders) {
    if (o.day <= as_of_day) rows.push_back({o.customer_id, month_of_day(o.day), o.amount});
  }
  std::sort(rows.begin(), rows.end(),
            [](const Row& a, const Row& b) { return std::tie(a.customer, a.month) < std::tie(b.customer, b.month); });

  CohortMatrix result;
  result.as_of_month = month_of_day(as_of_day);
  std::map<int, CohortRow> cohorts;
  for (std::size_t i = 0; i < rows.size();) {
    const std::int64_t customer = rows[i].customer;
    const int first = rows[i].month;
    CohortRow& c = cohorts[first];
    if (c.customers == 0) {
      c.month = first;
      auto width = static_cast<std::size_t>(result.as_of_month - first + 1);
      c.active.assign(width, 0);
      c.revenue.assign(width, 0);
    }
    ++c.customers;
    while (i < rows.size() && rows[i].customer == customer) {
      const int month = rows[i].month;
      auto k = static_cast<std::size_t>(month - first);
      ++c.active[k];
      for (; i < rows.size() && rows[i].customer == customer && rows[i].month == month; ++i) {
        c.revenue[k] += rows[i].amount;
      }
    }
  }
  for (auto& [month, c] : cohorts) {
    c.retention.resize(c.active.size());
    for (std::size_t k = 0; k < c.active.size(); ++k) {
      c.retention[k] = static_cast<double>(c.active[k]) / static_cast<double>(c.customers);
    }
    result.cohorts.push_back(std::move(c));
  }
  return result;
}

}  // namespace kunde::analytics
