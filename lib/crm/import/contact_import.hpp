// Importing contacts: each row one contact, matched on its key column when the file has
// one, else on a hash of its content and its occurrence in the file, so importing the same
// file again changes nothing.
#pragma once

#include <string>
#include <vector>

#include "crm/import/importer.hpp"

namespace kunde::crm::import {

// Imports `path` inside the caller's transaction. `channels` are the configured extra channels.
ImportCounts import_contacts(Session& session, store::ImportWrite& write, const std::string& path, const ImportOptions& options,
                             const std::vector<std::string>& channels);

}  // namespace kunde::crm::import
