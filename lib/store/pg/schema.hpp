// The PostgreSQL schema and its forward migrations, versioned by meta.schema_version. Tables
// and columns are those of the SQLite schema (lib/store/sqlite/schema.cpp), in the same order,
// so a copy between the two is column for column.
#pragma once

#include <string>
#include <vector>

#include "store/pg/connection.hpp"

namespace kunde::store::pg {

// The schema version this build writes and reads (the same numbers as SQLite's).
int schema_version();

// Creates the schema in a database without one (kunde init); refuses a database that has one.
void create_schema(Connection& db, int money_decimals, const std::string& currency);

// Checks that the database holds a kunde store and brings it up to schema_version(); refuses
// a newer one.
void migrate(Connection& db);

// SQL that defines kunde_fold(text), the folding of lib/text (text::fold) for use in queries:
// made from the same tables, code point by code point.
std::string fold_function_sql();

}  // namespace kunde::store::pg
