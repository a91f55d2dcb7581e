// The database schema and its forward migrations, versioned by PRAGMA user_version.
#pragma once

#include <string>
#include <vector>

#include "store/sqlite/database.hpp"

namespace kunde::store::sqlite {

// The schema version this build writes and reads.
int schema_version();

// Creates the schema in an empty database (kunde init).
void create_schema(Database& db, int money_decimals, const std::string& currency);

// Brings an older database up to schema_version(); refuses a newer one.
void migrate(Database& db);
// The same with the given steps (step i takes version i+1 to i+2): for tests of the
// mechanism itself.
void migrate(Database& db, const std::vector<std::string>& steps);

// Per-connection setup, made by the first write (Change) and not on open: temporary triggers
// that note which customers a write touched, so their statistics and search entries are
// refreshed in the same transaction, and the temporary lists they fill. Does nothing when
// they are in place.
void install_touch_triggers(Database& db);
// Drops them again, for a write that lists what it touches itself (Change::begin_bulk).
void drop_touch_triggers(Database& db);

}  // namespace kunde::store::sqlite
