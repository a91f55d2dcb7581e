// Backup, checks and read-only queries.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "store/maintenance.hpp"
#include "store/sqlite/database.hpp"
#include "value.hpp"

namespace kunde::store::sqlite {

// Copies the database, consistently, to `path` (which must not exist).
void backup_database(Database& db, const std::string& path);

// Integrity and foreign keys, then derived statistics and the search index against a full
// recomputation. With `fix`, rebuilds the derived data when it differs.
std::vector<Problem> check_database(Database& db, bool fix);

// Runs one read-only statement within `limits` (only prepares it when `row` is empty);
// `header` gets the column names, `row` each row. More than one statement is a UsageError.
void run_query(Database& db, const std::string& sql, const QueryLimits& limits,
               const std::function<void(const std::vector<std::string>&)>& header,
               const std::function<void(const std::vector<Value>&)>& row);

}  // namespace kunde::store::sqlite
