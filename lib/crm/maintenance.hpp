// The store as a whole: creating it, its history and undo, backups, checks and ad hoc queries.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "crm/session.hpp"
#include "store/copy.hpp"
#include "store/history.hpp"
#include "store/maintenance.hpp"
#include "value.hpp"

namespace kunde::crm {

using store::HistoryEntry;
using store::Problem;
using store::UndoResult;

// Creates the store the configuration names (kunde init); where it is.
std::string create_database(const Config& config);

std::vector<HistoryEntry> history(Session& s, std::int64_t limit);
UndoResult undo(Session& s, std::optional<std::int64_t> id);
void backup(Session& s, const std::string& path);
std::vector<Problem> check(Session& s, bool fix);

// A database location as messages show it (a server URL without its password).
std::string shown_location(const std::string& location);

// kunde db copy: the whole store into a new one at `to` (a file or a server URL), counts by table.
using store::TableCount;
std::vector<TableCount> copy_database(Session& s, const std::string& to);

// kunde doctor --compare: each table's rows and content hash here and in the store at `other`.
struct TableComparison {
  std::string table;
  std::int64_t rows = 0, other_rows = 0;
  std::string hash, other_hash;
  bool same() const { return rows == other_rows && hash == other_hash; }
};
std::vector<TableComparison> compare_databases(Session& s, const std::string& other);
std::vector<std::string> query_columns(Session& s, const std::string& sql);
using store::QueryLimits;
// Call before the session opens its store, so the memory limit of query() can hold.
void prepare_queries();
void query(Session& s, const std::string& sql, const QueryLimits& limits,
           const std::function<void(const std::vector<std::string>&)>& header,
           const std::function<void(const std::vector<Value>&)>& row);

}  // namespace kunde::crm
