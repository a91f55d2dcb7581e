// Importing contacts: each row one contact, matched on its key column when the file has
// one, else on a hash of its content and its occurrence in the file, so importing the same
// file again changes nothing.
#pragma once

#include <string>
#include <vector>

#include "import/importer.hpp"
#include "store/database.hpp"

namespace kunde::import {

// Imports `path` inside the caller's transaction. `channels` are the configured extra channels.
ImportCounts import_contacts(store::Database& db, const std::string& path, const ImportOptions& options,
                             const std::vector<std::string>& channels);

}  // namespace kunde::import
