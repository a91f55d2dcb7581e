// Secondary indexes a bulk write builds once at its end instead of row by row.
//
// Inserting a row into an index whose keys arrive in random order (emails, phone numbers,
// or orders that come by date rather than by customer) costs a descent and often a page
// split per row; building the index afterwards is one sort. That pays when the write adds
// at least as many rows as the table held, so the indexes of a table are dropped only once
// a write has inserted that many (and some thousands), and built again before the write
// refreshes derived data or commits. Dropping and creating an index is transactional: a
// write that rolls back leaves them as they were. Unique indexes (of constraints or not) are
// kept: imports find conflicts and look rows up by them.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "store/sqlite/database.hpp"
#include "store/sqlite/inserted_rows.hpp"

namespace kunde::store::sqlite {

class DeferredIndexes {
 public:
  // Rows a write must have inserted before it defers a table's indexes.
  static constexpr std::int64_t kMinRows = 10000;

  // Lets new rows of `table` defer the indexes of that table and its child tables.
  void allow(NewRow table) { tables_[index(table)].allowed = true; }
  // Notes a new row's key (keys are handed out in ascending order, so the first key of the
  // write tells how many rows the table held); drops the indexes when the time has come.
  void inserted(Database& db, NewRow table, std::int64_t key);
  // Builds the dropped indexes again. Reads that need them (a lookup by email in the
  // middle of an import) call it first.
  void restore(Database& db);
  bool any() const { return !dropped_.empty(); }

 private:
  struct Table {
    bool allowed = false, deferred = false;
    std::int64_t first_key = 0, count = 0;
  };
  static std::size_t index(NewRow t) { return static_cast<std::size_t>(t); }
  void drop(Database& db, NewRow table);

  std::array<Table, kNewRowKinds> tables_;
  std::vector<std::string> dropped_;  // CREATE INDEX statements, to run again
};

}  // namespace kunde::store::sqlite
