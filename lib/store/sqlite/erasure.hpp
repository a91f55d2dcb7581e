// The right to erasure on SQLite. A person's text lives on in more places than their rows:
// in the search indexes (FTS5 keeps a deleted row's words in older segments until they are
// merged), in history's records and summaries, in the free space of pages, in the database
// file's old pages until the log is checkpointed into it, and in the log itself. The
// erasure removes all of it in one transaction whose commit leaves no copy of the text in
// any page in use or freed (secure_delete, the indexes merged), then overwrites the file's
// old pages and empties the log once no reader needs them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/maintenance.hpp"
#include "store/sqlite/database.hpp"

namespace kunde::store::sqlite {

// Erases the customer, their orders, payments and contacts, every search entry and history
// record of them, as one history entry that cannot be undone; then finish_erasure().
Erasure erase_customer(Database& db, std::int64_t customer_id, const std::string& command);

// Checkpoints the log into the database file and empties it, so the pages an erasure
// overwrote are gone from both. Another connection reading an older snapshot holds those
// pages: with `wait`, waits for it as long as the busy timeout, else tries once. False
// while one still does; the erasure stays pending (meta 'erasure_pending') and the next
// connection to open the database finishes it.
bool finish_erasure(Database& db, bool wait);

// Whether an erasure committed but its old pages may still be in the file or its log.
bool erasure_pending(Database& db);

// Erasures not finished, and words of erased customers or their contacts still in the
// search indexes. With `fix`, finishes the erasures and merges the indexes.
std::vector<Problem> check_erasures(Database& db, bool fix);

}  // namespace kunde::store::sqlite
