// The PostgreSQL backend of the store interface: one connection to one database, for a
// team's shared server. Many kunde commands may use it at once: readers never wait, and
// writers take turns (change.hpp).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "store/pg/connection.hpp"
#include "store/store.hpp"

namespace kunde::store::pg {

class PgStore final : public Store {
 public:
  // Connects to the database a postgresql:// URL names and checks (migrates) its schema.
  PgStore(const std::string& url, const DerivedRules& rules);
  ~PgStore() override;

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

  Connection& db() { return *db_; }

 private:
  struct Parts;
  std::unique_ptr<Connection> db_;
  std::unique_ptr<Parts> parts_;
  std::optional<int> decimals_;
};

// Creates the kunde schema in the (existing, empty) database a URL names.
void init_database(const std::string& url, int money_decimals, const std::string& currency);

}  // namespace kunde::store::pg
