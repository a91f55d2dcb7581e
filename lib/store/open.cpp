// Choosing the backend a location names: a postgresql:// (or postgres://) URL is a
// PostgreSQL database, anything else the path of a SQLite file.
#include "store/pg/connection.hpp"
#include "store/pg/pg_store.hpp"
#include "store/sqlite/database.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"

namespace kunde::store {
namespace {

bool is_server_url(const std::string& location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

}  // namespace

std::string shown_location(const std::string& location) {
  return is_server_url(location) ? pg::redact(location) : location;
}

void create_store(const std::string& location, int money_decimals, const std::string& currency) {
  if (is_server_url(location)) {
    pg::init_database(location, money_decimals, currency);
    return;
  }
  sqlite::init_database(location, money_decimals, currency);
}

void count_query_memory() { sqlite::Database::count_memory(); }

std::unique_ptr<Store> open_store(const std::string& location, const DerivedRules& rules) {
  if (is_server_url(location)) return std::make_unique<pg::PgStore>(location, rules);
  return std::make_unique<sqlite::SqliteStore>(location, rules);
}

}  // namespace kunde::store
