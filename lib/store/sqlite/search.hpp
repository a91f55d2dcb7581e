// Keeping the full-text indexes current when bulk writes leave their entries pending
// (search_index.cpp explains why).
#pragma once

#include <cstdint>

#include "store/sqlite/database.hpp"

namespace kunde::store::sqlite {

enum class SearchTable { customers, contacts };

// Notes that the search entries of keys lo..hi of `table` are to be made, in the caller's
// transaction.
void defer_search(Database& db, SearchTable table, std::int64_t lo, std::int64_t hi);
// Moves the keys listed in temp.touched_search and temp.touched_contact_search to the
// pending list.
void defer_touched_search(Database& db);
// Whether some search entries are pending.
bool search_is_pending(Database& db);
// Makes the pending entries, in the caller's transaction.
void apply_pending_search(Database& db);
// Makes the pending entries, if any, in a write transaction of its own (or a savepoint of
// the caller's). Every search calls it before it reads the indexes. On a database opened
// read-only (file permissions) it cannot: the search then misses the pending rows, and a
// warning (Database::warn) says so.
void update_search_index(Database& db);

}  // namespace kunde::store::sqlite
