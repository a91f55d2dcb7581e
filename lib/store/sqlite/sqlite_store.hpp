// The SQLite backend of the store interface: one connection to one database file.
#pragma once

#include <memory>
#include <string>

#include "store/store.hpp"
#include "store/sqlite/database.hpp"

namespace kunde::store::sqlite {

class SqliteStore final : public Store {
 public:
  // Opens the database at `path` (":memory:" for a new private one, with the schema),
  // migrating a file forward when needed.
  SqliteStore(const std::string& path, const DerivedRules& rules);
  ~SqliteStore() override;

  Customers& customers() override;
  Products& products() override;
  Orders& orders() override;
  Payments& payments() override;
  Contacts& contacts() override;
  Segments& segments() override;
  History& history() override;
  Maintenance& maintenance() override;
  Analytics& analytics() override;
  const std::string& location() const override;
  int money_decimals() override;
  std::unique_ptr<Write> begin_write(const std::string& command) override;
  std::unique_ptr<ImportWrite> begin_import(const std::string& command) override;
  std::vector<std::string> take_warnings() override { return db_->take_warnings(); }

  // The connection, for this backend's own tests.
  Database& db() { return *db_; }

 private:
  struct Parts;
  std::unique_ptr<Database> db_;
  std::unique_ptr<Parts> parts_;
  std::optional<int> decimals_;
};

// Creates a new database at `path` (its directory too). Refuses to touch an existing file.
void init_database(const std::string& path, int money_decimals, const std::string& currency);

}  // namespace kunde::store::sqlite
