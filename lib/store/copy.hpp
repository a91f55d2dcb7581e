// Moving a whole store from one backend to another (`kunde db copy`, a backup of a server
// database to a file), and fingerprints of its tables to tell whether two stores hold the
// same (`kunde doctor --compare`). Backend-neutral: it goes through Maintenance::read_table
// and load_tables.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace kunde::store {

struct TableCount {
  std::string table;
  std::int64_t rows = 0;
};

// Creates a new store at `to` (never overwriting one) and copies everything of `from` into
// it: the rows of store_tables() (history entries without their undo records), then the
// derived data rebuilt there. The counts of what was copied, by table.
std::vector<TableCount> copy_store(Store& from, const std::string& to, const DerivedRules& rules);

// A table's rows and a hash of their content, in key order.
struct TableDigest {
  std::string table;
  std::int64_t rows = 0;
  std::string hash;  // 16 hex digits
};
std::vector<TableDigest> digest_store(Store& store);

}  // namespace kunde::store
