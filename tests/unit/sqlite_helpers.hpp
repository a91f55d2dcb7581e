// For tests of the SQLite backend itself: a bare connection with the schema.
#pragma once

#include <memory>

#include "crm/session.hpp"
#include "store/sqlite/database.hpp"
#include "store/sqlite/schema.hpp"

namespace kunde::test {

// A fresh database in memory with the schema, the per-connection triggers and the rules.
inline std::unique_ptr<store::sqlite::Database> memory_db() {
  auto db = std::make_unique<store::sqlite::Database>(":memory:", store::sqlite::OpenMode::create);
  db->set_rules(&crm::Session::rules());
  store::sqlite::create_schema(*db, 2, "");
  store::sqlite::install_touch_triggers(*db);
  return db;
}

}  // namespace kunde::test
