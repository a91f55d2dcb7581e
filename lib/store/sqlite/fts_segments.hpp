// Reading what an FTS5 index holds on its own pages. A deleted row's entries stay in the
// older segments of the index (a newer one holds delete markers that hide them from every
// query) until the segments are merged: only the pages themselves show whether words of an
// erased person are still in the file. The format is FTS5's documented on-disk format
// (sqlite/ext/fts5/fts5_index.c), which SQLite keeps compatible.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "store/sqlite/database.hpp"

namespace kunde::store::sqlite {

// Calls `each` with the row id of every entry on the leaf pages of the index `fts` (the
// FTS5 table's name) that is not a delete marker, with its term (empty for entries that
// continue a term from the page before).
void for_each_index_entry(Database& db, std::string_view fts,
                          const std::function<void(std::int64_t rowid, std::string_view term)>& each);

}  // namespace kunde::store::sqlite
