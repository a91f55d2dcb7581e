// The store backends the contract suite (test_store_contract.cpp) runs against. A new
// backend joins by adding itself to store_backends(); every contract test then runs on it.
// PostgreSQL is among them when KUNDE_TEST_PG names a server database.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace kunde::test {

class TempDir;

struct StoreBackend {
  std::string name;
  // A new, empty store opened with `rules`; `dir` is a private directory for any files it
  // needs, removed after the test.
  std::function<std::unique_ptr<store::Store>(const TempDir& dir, const store::DerivedRules& rules)> open;
};

const std::vector<StoreBackend>& store_backends();

// A new, empty database on the server KUNDE_TEST_PG names (which must be set), as a URL.
std::string new_pg_database(const std::string& prefix);
// The URL of database `name` on the server of `base`.
std::string pg_database_url(const std::string& base, const std::string& name);

}  // namespace kunde::test
