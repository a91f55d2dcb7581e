// The store interface: what the core needs from wherever customers are kept. A location
// names the backend: a file path is a SQLite database (lib/store/sqlite/), the only one so
// far. Nothing above lib/store knows which backend is in use.
#pragma once

#include <memory>
#include <string>

#include "store/analytics.hpp"
#include "store/contacts.hpp"
#include "store/customers.hpp"
#include "store/derived_rules.hpp"
#include "store/history.hpp"
#include "store/maintenance.hpp"
#include "store/orders.hpp"
#include "store/payments.hpp"
#include "store/products.hpp"
#include "store/write.hpp"

namespace kunde::store {

class Store {
 public:
  virtual ~Store() = default;

  virtual Customers& customers() = 0;
  virtual Products& products() = 0;
  virtual Orders& orders() = 0;
  virtual Payments& payments() = 0;
  virtual Contacts& contacts() = 0;
  virtual History& history() = 0;
  virtual Maintenance& maintenance() = 0;
  // The rows reports read, and the model scores they store.
  virtual Analytics& analytics() = 0;

  // Where the store lives, as messages name it.
  virtual const std::string& location() const = 0;
  // The number of decimals money was stored with when the store was created.
  virtual int money_decimals() = 0;

  // A write command (`command` is what history shows). Writes through the repositories
  // while it is open belong to it.
  virtual std::unique_ptr<Write> begin_write(const std::string& command) = 0;
  // The write of an import (see ImportWrite).
  virtual std::unique_ptr<ImportWrite> begin_import(const std::string& command) = 0;
};

// Creates a new, empty store at `location` (never overwrites one).
void create_store(const std::string& location, int money_decimals, const std::string& currency);

// Opens the existing store at `location`, migrating it forward when needed. `rules` must
// outlive the store.
std::unique_ptr<Store> open_store(const std::string& location, const DerivedRules& rules);

}  // namespace kunde::store
