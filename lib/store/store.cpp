// Database lifecycle.
#include "store/store.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "error.hpp"
#include "store/schema.hpp"

namespace kunde::store {

void init_database(const std::string& path, int money_decimals, const std::string& currency) {
  namespace fs = std::filesystem;
  if (path != ":memory:" && fs::exists(path)) {
    throw Error(fmt::format("a database already exists at {}", path),
                "kunde init never overwrites; remove the file first or choose another --db");
  }
  if (auto dir = fs::path(path).parent_path(); !dir.empty()) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw Error(fmt::format("cannot create directory {}: {}", dir.string(), ec.message()), "check the path");
  }
  Database db(path, OpenMode::create);
  create_schema(db, money_decimals, currency);
}

std::unique_ptr<Database> open_database(const std::string& path) {
  auto db = std::make_unique<Database>(path, OpenMode::existing);
  migrate(*db);
  install_touch_triggers(*db);
  return db;
}

int stored_money_decimals(Database& db) {
  auto& st = db.prepare("SELECT value FROM meta WHERE key = 'money_decimals'");
  int d = st.step() ? std::stoi(st.get_text(0)) : 2;
  st.reset();
  return d;
}

}  // namespace kunde::store
