// The store interface: what the core needs from wherever customers are kept. A location
// names the backend: a file path is a SQLite database (lib/store/sqlite/), the only one so
// far. Nothing above lib/store knows which backend is in use.
#pragma once

#include <memory>

#include <string>
#include <vector>

#include "error.hpp"
#include "store/analytics.hpp"
#include "store/contacts.hpp"
#include "store/customers.hpp"
#include "store/derived_rules.hpp"
#include "store/history.hpp"
#include "store/maintenance.hpp"
#include "store/orders.hpp"
#include "store/payments.hpp"
#include "store/products.hpp"
#include "store/segments.hpp"
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
  virtual Segments& segments() = 0;
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

  // What the user should know of work that went on regardless (a search on a read-only
  // store that may miss rows), each once; taking them clears them.
  virtual std::vector<std::string> take_warnings() { return {}; }
};

// The location as messages may show it: a server URL without its password.
std::string shown_location(const std::string& location);

// What create_store throws when a store is at the location already.
class StoreExists : public Error {
 public:
  explicit StoreExists(const std::string& location)
      : Error("a database already exists at " + location,
              "kunde init never overwrites; remove it first or choose another --db") {}
};

// Creates a new, empty store at `location` (never overwrites one).
void create_store(const std::string& location, int money_decimals, const std::string& currency);

// Makes the stores this process opens from now on count their memory, so that
// QueryLimits::memory_bytes can hold. Counting costs every write some time, so only a
// command that runs ad hoc queries asks for it, before it opens its store.
void count_query_memory();

// Opens the existing store at `location`, migrating it forward when needed. `rules` must
// outlive the store.
std::unique_ptr<Store> open_store(const std::string& location, const DerivedRules& rules);

}  // namespace kunde::store
