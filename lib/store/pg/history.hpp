// Reading the history, undoing entries, and scrubbing them for an erasure.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "store/history.hpp"
#include "store/pg/connection.hpp"

namespace kunde::store::pg {

std::vector<HistoryEntry> list_history(Connection& db, std::int64_t limit);
std::optional<HistoryEntry> find_history(Connection& db, std::int64_t id);

// Reverts entry `id`, or the latest entry not yet undone, as a new entry. Throws
// kunde::Error naming the later entry in the way when a later change touched the same rows.
UndoResult undo(Connection& db, std::optional<std::int64_t> id, const std::string& command);

// Drops the row images of every entry that holds something of the customer, and marks those
// entries as scrubbed (they can no longer be undone); part of an erasure's write.
void scrub_history_for_customer(Connection& db, std::int64_t customer_id);

// What history holds on the customer, for the right of access: each entry that changed one
// of their rows, with those rows before and after.
nlohmann::ordered_json history_of_customer(Connection& db, std::int64_t customer_id);

}  // namespace kunde::store::pg
