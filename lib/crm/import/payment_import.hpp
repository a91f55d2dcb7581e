// Importing payments: upsert by reference; rows without one are keyed by a hash of their
// content and their occurrence number in the file, so importing a file again changes nothing.
#pragma once

#include "crm/import/importer.hpp"

namespace kunde::crm::import {

ImportCounts import_payments(Session& session, store::ImportWrite& write, const std::string& path, const ImportOptions& options,
                             bool strip_zero_fraction = false);

}  // namespace kunde::crm::import
