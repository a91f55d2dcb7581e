// Importing customers: upsert by customer number, else by email.
#pragma once

#include "crm/import/importer.hpp"

namespace kunde::crm::import {

// Imports `path` inside the caller's transaction. Columns that are no canonical field become
// custom attributes; a column present with an empty cell clears that field.
ImportCounts import_customers(Session& session, store::ImportWrite& write, const std::string& path, const ImportOptions& options);

}  // namespace kunde::crm::import
