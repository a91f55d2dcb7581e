// Refreshing derived data, inside the caller's transaction. Each refresh replaces the rows of
// exactly the customers (or contacts) it is given.
#pragma once

#include <string_view>

#include "store/database.hpp"

namespace kunde::store {

// Statistics and search entries of the customers listed in `customers`, a table with a
// customer_id INTEGER PRIMARY KEY column, and search entries of the contacts listed in
// `contacts` (contact_id). refresh_derived gives the temp.touched_* lists. Each streams the
// rows of the keys in one pass, whatever their number.
void refresh_order_stats(Database& db, std::string_view customers);
// Paid amount and balance of the customers listed in `customers` whose orders did not change
// (those not in `orders`). A customer left owing something needs the order figures to date
// the oldest unpaid invoice: it is added to `orders` for refresh_order_stats instead.
void refresh_paid(Database& db, std::string_view customers, std::string_view orders);
void refresh_contact_stats(Database& db, std::string_view customers);
void refresh_search(Database& db, std::string_view customers);
void refresh_contact_search(Database& db, std::string_view contacts);

}  // namespace kunde::store
