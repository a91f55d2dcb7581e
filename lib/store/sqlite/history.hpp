// Reading the history and undoing entries.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
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

// Removes the record of every history entry that changed one of the customer's rows, with
// its summary and all but the first two words of its command (they may name the person);
// the entries stay listed, and can no longer be undone. Part of an erasure.
void scrub_history_for_customer(Database& db, std::int64_t customer_id);

// What history holds on the customer, for the right of access: each entry that changed one
// of their rows, with those rows before and after.
nlohmann::ordered_json history_of_customer(Database& db, std::int64_t customer_id);

}  // namespace kunde::store::sqlite
