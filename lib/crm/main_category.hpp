// Each customer's main category as of a query: the category of the largest net amount of
// their order lines (crm::Leading, ties to the first by name), from the store's sums per
// customer and category rather than from every line.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "store/analytics.hpp"

namespace kunde::crm {

// Calls `each(customer_id, category)` for every customer with order lines, by customer;
// category is "" when none leads (no line has a category, or none adds up above zero).
// The text lives until `each` returns.
void main_categories(store::Analytics& analytics, const store::AnalyticsQuery& q,
                     const std::function<void(std::int64_t, std::string_view)>& each);

}  // namespace kunde::crm
