// Each counted order with its line sums (order_facts), what the report streams read instead
// of summing every line of every order. A write only lists the customers whose orders it
// changed (order_facts_pending), so imports pay nothing for it; the next report brings
// those customers' rows up to date, as the next search does for the search index.
#pragma once

#include <cstdint>
#include <string_view>

#include "store/sqlite/database.hpp"

namespace kunde::store::sqlite {

// The orders of the customers listed in `customers` (a table with a customer_id column), or
// of one customer, changed.
void order_facts_changed(Database& db, std::string_view customers);
void order_facts_changed(Database& db, std::int64_t customer_id);

// Rewrites the rows of the listed customers, in the caller's write transaction.
void apply_pending_order_facts(Database& db);

// Brings order_facts up to date, in a write transaction of its own unless one is open.
// False when it cannot (a read-only database, another kunde writing, a read transaction
// open) and rows are pending: order_facts is then not to be read.
bool update_order_facts(Database& db);

}  // namespace kunde::store::sqlite
