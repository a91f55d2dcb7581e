// Reading the history and undoing entries.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/history.hpp"
#include "store/sqlite/database.hpp"

namespace kunde::store::sqlite {

std::vector<HistoryEntry> list_history(Database& db, std::int64_t limit);
std::optional<HistoryEntry> find_history(Database& db, std::int64_t id);

// Reverts entry `id`, or the latest entry not yet undone. Throws kunde::Error naming the
// later entry in the way when a later change touched the same rows.
UndoResult undo(Database& db, std::optional<std::int64_t> id, const std::string& command);

// Whether any history entry's changeset mentions one of the given customer ids; used by
// erasure to scrub those entries.
void scrub_history_for_customer(Database& db, std::int64_t customer_id);

// After an erasure: merges the search index and checkpoints the WAL, so no copy of the
// erased text lingers in old index segments or log frames.
void compact_after_erasure(Database& db);

}  // namespace kunde::store::sqlite
