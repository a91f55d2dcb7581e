// Writes and import writes on PostgreSQL.
#pragma once

#include <memory>
#include <string>

#include "store/pg/connection.hpp"
#include "store/write.hpp"

namespace kunde::store::pg {

std::unique_ptr<Write> make_write(Connection& db, const std::string& command);
std::unique_ptr<ImportWrite> make_import_write(Connection& db, const std::string& command);

}  // namespace kunde::store::pg
