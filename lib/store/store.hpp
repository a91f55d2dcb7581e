// Opening a kunde database: path checks, pragmas, migrations and per-connection setup.
#pragma once

#include <memory>
#include <string>

#include "store/database.hpp"

namespace kunde::store {

// Creates a new database at `path` (its directory too). Refuses to touch an existing file.
void init_database(const std::string& path, int money_decimals, const std::string& currency);

// Opens an existing database, migrating it forward when needed.
std::unique_ptr<Database> open_database(const std::string& path);

// The number of decimals money was stored with when the database was created.
int stored_money_decimals(Database& db);

}  // namespace kunde::store
