// Importing customers: upsert by customer number, else by email.
#pragma once

#include "import/importer.hpp"
#include "store/database.hpp"

namespace kunde::import {

// Imports `path` inside the caller's transaction. Columns that are no canonical field become
// custom attributes; a column present with an empty cell clears that field.
ImportCounts import_customers(store::Database& db, const std::string& path, const ImportOptions& options);

}  // namespace kunde::import
