// Importing payments: upsert by reference; rows without one are keyed by a hash of their
// content and their occurrence number in the file, so importing a file again changes nothing.
#pragma once

#include "import/importer.hpp"
#include "store/database.hpp"

namespace kunde::import {

ImportCounts import_payments(store::Database& db, const std::string& path, const ImportOptions& options,
                             bool strip_zero_fraction = false);

}  // namespace kunde::import
