// Importing products: upsert by sku. A column present with an empty cell clears that field.
#pragma once

#include "crm/import/importer.hpp"

namespace kunde::crm::import {

ImportCounts import_products(Session& session, store::ImportWrite& write, const std::string& path, const ImportOptions& options);

}  // namespace kunde::crm::import
