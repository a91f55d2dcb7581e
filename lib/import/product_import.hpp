// Importing products: upsert by sku. A column present with an empty cell clears that field.
#pragma once

#include "import/importer.hpp"
#include "store/database.hpp"

namespace kunde::import {

ImportCounts import_products(store::Database& db, const std::string& path, const ImportOptions& options);

}  // namespace kunde::import
