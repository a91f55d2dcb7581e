// Running an import: one write, one history entry, landing whole or not at all.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "crm/import/importer.hpp"
#include "crm/import/order_import.hpp"
#include "crm/session.hpp"

namespace kunde::crm {

using import::ImportCounts;
using import::ImportOptions;
using import::OrderImportOptions;

enum class ImportKind { customers, products, orders, payments, contacts };

struct ImportRequest {
  explicit ImportRequest(ImportKind k) : kind(k) {}
  ImportKind kind;
  std::string path;
  ImportOptions options;
  OrderImportOptions orders;                  // for orders
  std::string lines_path;                     // orders: a file of their lines (`path` holds one row per order)
  bool strip_zero_fraction = false;           // for payments
};

// Imports the file in one write: committed unless --dry-run (rolled back) or --strict with a
// rejected row (kunde::Error, nothing changed). An order file with a lines file is one
// write too: the counts of the lines file follow in `next`.
ImportCounts run_import(Session& s, const ImportRequest& request);

// The command that imports `kind` ("kunde order import"), for hints.
std::string_view import_command(ImportKind kind);

// The fields an import of `kind` reads, with the column names it takes for each.
const std::vector<model::FieldSpec>& import_fields(ImportKind kind);

// The import options a mapping (a TOML file, or the NAME of an [import.NAME] table in the
// config) gives; `flags` are those given on the command line, which win.
void apply_mapping_named(Session& s, ImportOptions& options, const std::string& mapping, bool sep_flag,
                         bool encoding_flag, bool date_format_flag, bool decimal_comma_flag);

}  // namespace kunde::crm
