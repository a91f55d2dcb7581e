// Main categories (main_category.hpp has the rule).
#include "crm/main_category.hpp"

#include <string>
#include <utility>
#include <vector>

#include "crm/statistics.hpp"

namespace kunde::crm {

void main_categories(store::Analytics& analytics, const store::AnalyticsQuery& q,
                     const std::function<void(std::int64_t, std::string_view)>& each) {
  std::int64_t current = 0;
  std::size_t used = 0;  // of `sums`, whose strings keep their room from customer to customer
  std::vector<std::pair<std::string, std::int64_t>> sums;
  auto flush = [&] {
    if (current == 0) return;
    Leading main;
    for (std::size_t i = 0; i < used; ++i) main.offer(sums[i].first, sums[i].second);
    each(current, main.name());
  };
  analytics.category_amounts(q, [&](const store::CustomerCategoryAmount& a) {
    if (a.customer_id != current) {
      flush();
      current = a.customer_id;
      used = 0;
    }
    if (used == sums.size()) sums.emplace_back();
    sums[used].first.assign(a.category);
    sums[used].second = a.amount;
    ++used;
  });
  flush();
}

}  // namespace kunde::crm
