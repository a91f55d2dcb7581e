// Store-wide services.
#include "crm/maintenance.hpp"

#include "store/store.hpp"

namespace kunde::crm {

std::string create_database(const Config& config) {
  std::string location = config.db_path();
  store::create_store(location, config.money_decimals(), config.currency());
  return location;
}

std::vector<HistoryEntry> history(Session& s, std::int64_t limit) { return s.store().history().list(limit); }
UndoResult undo(Session& s, std::optional<std::int64_t> id) { return s.store().history().undo(id, s.command()); }
void backup(Session& s, const std::string& path) { s.store().maintenance().backup(path); }
std::vector<Problem> check(Session& s, bool fix) { return s.store().maintenance().check(fix); }

std::string shown_location(const std::string& location) { return store::shown_location(location); }

std::vector<TableCount> copy_database(Session& s, const std::string& to) {
  return store::copy_store(s.store(), to, Session::rules());
}

std::vector<TableComparison> compare_databases(Session& s, const std::string& other) {
  // The other database is opened first: a wrong location fails before this one is read.
  auto there_store = store::open_store(other, Session::rules());
  auto here = store::digest_store(s.store());
  auto there = store::digest_store(*there_store);
  // Both lists follow store_tables(), so they pair up by position.
  std::vector<TableComparison> out;
  for (std::size_t i = 0; i < here.size() && i < there.size(); ++i) {
    out.push_back({here[i].table, here[i].rows, there[i].rows, here[i].hash, there[i].hash});
  }
  return out;
}

std::vector<std::string> query_columns(Session& s, const std::string& sql) {
  return s.store().maintenance().query_columns(sql);
}

void prepare_queries() { store::count_query_memory(); }

void query(Session& s, const std::string& sql, const QueryLimits& limits,
           const std::function<void(const std::vector<std::string>&)>& header,
           const std::function<void(const std::vector<Value>&)>& row) {
  s.store().maintenance().query(sql, limits, header, row);
}

}  // namespace kunde::crm
