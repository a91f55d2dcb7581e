// Reading and loading whole tables of the logical schema (store/tables.hpp) on PostgreSQL.
#pragma once

#include "store/maintenance.hpp"
#include "store/pg/connection.hpp"

namespace kunde::store::pg {

void read_table(Connection& db, const TableSpec& table, const std::function<void(const std::vector<Value>&)>& row);
void load_tables(Connection& db, const std::function<void(const TableSpec&, const Maintenance::RowSink&)>& source);

}  // namespace kunde::store::pg
