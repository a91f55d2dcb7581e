// The store's tables as every backend holds them: names, columns and keys. What a copy
// between backends moves and what `kunde doctor --compare` compares, backend-neutral.
#pragma once

#include <string>
#include <vector>

namespace kunde::store {

struct TableSpec {
  std::string name;
  std::vector<std::string> columns;  // in the order rows are read and written
  std::vector<std::string> keys;     // the order rows are read in (each backend's primary key)
  bool copied = true;                // false: derived, rebuilt by the store that receives a copy
  std::vector<std::string> json;     // columns holding JSON (an object, or an array)
};

// Every table a copy moves or a comparison looks at, parents before children. History
// entries are listed without their undo records (each backend keeps those in its own form).
const std::vector<TableSpec>& store_tables();

}  // namespace kunde::store
