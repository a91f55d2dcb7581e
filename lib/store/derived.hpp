// Refreshing derived data for the customers listed in temp.refresh_batch (refresh_derived
// feeds it from temp.touched_orders, touched_contacts and touched_search in batches). Each refresh replaces
// the rows of exactly those customers, inside the caller's transaction.
#pragma once

#include "store/database.hpp"

namespace kunde::store {

void refresh_search(Database& db);
// For the contacts listed in temp.contact_batch.
void refresh_contact_search(Database& db);
void refresh_order_stats(Database& db);
void refresh_contact_stats(Database& db);

}  // namespace kunde::store
