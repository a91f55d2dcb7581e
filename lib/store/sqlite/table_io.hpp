// Reading and loading whole tables of the logical schema (store/tables.hpp), for copies
// between backends and comparisons of two stores.
#pragma once

#include "store/maintenance.hpp"
#include "store/sqlite/database.hpp"

namespace kunde::store::sqlite {

void read_table(Database& db, const TableSpec& table, const std::function<void(const std::vector<Value>&)>& row);
void load_tables(Database& db, const std::function<void(const TableSpec&, const Maintenance::RowSink&)>& source);

}  // namespace kunde::store::sqlite
