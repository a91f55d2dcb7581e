// The database schema and its forward migrations, versioned by PRAGMA user_version.
#pragma once

#include "store/database.hpp"

namespace kunde::store {

// The schema version this build writes and reads.
int schema_version();

// Creates the schema in an empty database (kunde init).
void create_schema(Database& db, int money_decimals, const std::string& currency);

// Brings an older database up to schema_version(); refuses a newer one.
void migrate(Database& db);

// Clears the keys schema 4 made from contacts' content where they are still (a contact an
// undo put back as it was recorded then); migration 5 cleared the rest.
void clear_v4_content_keys(Database& db);

// Per-connection setup: temporary triggers that note which customers a write touched, so
// their statistics and search entries are refreshed in the same transaction.
void install_touch_triggers(Database& db);
// Drops them again, for a write that lists what it touches itself (Change::begin_bulk).
void drop_touch_triggers(Database& db);

}  // namespace kunde::store
