// What the core needs of the history: every write is one entry, and an entry can be undone
// unless a later change is in the way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kunde::store {

// Why an entry cannot be undone, as both backends say it.
inline constexpr const char* kNoUndoRecordHint =
    "erasures, entries scrubbed by an erasure and entries copied from another database (kunde db copy) "
    "keep no record of their rows";

struct HistoryEntry {
  std::int64_t id = 0;
  std::string at;
  std::string command;
  std::string summary;
  std::optional<std::int64_t> undoes;
  std::optional<std::int64_t> undone_by;
  bool undoable = false;  // it recorded what it changed (an erasure does not)
};

struct UndoResult {
  HistoryEntry undone;        // the entry that was reverted
  std::int64_t entry_id = 0;  // the new entry recording the undo
};

class History {
 public:
  virtual ~History() = default;
  // The last `limit` entries, oldest first.
  virtual std::vector<HistoryEntry> list(std::int64_t limit) = 0;
  virtual std::optional<HistoryEntry> find(std::int64_t id) = 0;
  // Reverts entry `id`, or the latest entry not yet undone, as a new entry. Throws
  // kunde::Error naming the later entry in the way when a later change touched the same rows.
  virtual UndoResult undo(std::optional<std::int64_t> id, const std::string& command) = 0;
};

}  // namespace kunde::store
