// The store's Write and ImportWrite on SQLite, both over one Change (change.hpp). The import
// write owns what only imports need: the statistics kept as rows stream by, the customers
// whose products changed category, and the switch to the bulk interface.
#pragma once

#include <memory>
#include <string>

#include "store/write.hpp"
#include "store/sqlite/database.hpp"

namespace kunde::store::sqlite {

std::unique_ptr<Write> make_write(Database& db, const std::string& command);
std::unique_ptr<ImportWrite> make_import_write(Database& db, const std::string& command);

}  // namespace kunde::store::sqlite
