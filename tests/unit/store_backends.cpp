// The backends under contract test. Each is made through the same public door the commands
// use (store::create_store, store::open_store), so the suite sees a store as they do.
// PostgreSQL joins when KUNDE_TEST_PG names a server database whose role may create
// databases (scripts/pg-cluster starts a throwaway one): each test gets a new database.
#include "store_backends.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>

#include "helpers.hpp"
#include "store/pg/connection.hpp"

namespace kunde::test {

std::string pg_database_url(const std::string& base, const std::string& name) {
  // postgresql://user@host/dbname?params: the database is the path after the authority.
  auto scheme = base.find("://");
  auto slash = base.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  auto query = base.find('?');
  std::string head = slash == std::string::npos ? base.substr(0, query) : base.substr(0, slash);
  std::string tail = query == std::string::npos ? "" : base.substr(query);
  return head + "/" + name + tail;
}

std::string new_pg_database(const std::string& prefix) {
  static std::atomic<int> counter{0};
  const char* base = std::getenv("KUNDE_TEST_PG");
  std::string name = prefix + "_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
  store::pg::Connection admin(base);
  admin.run("DROP DATABASE IF EXISTS " + name);
  admin.run("CREATE DATABASE " + name);
  return pg_database_url(base, name);
}

const std::vector<StoreBackend>& store_backends() {
  static const std::vector<StoreBackend> backends = [] {
    std::vector<StoreBackend> out = {
        {"sqlite",
         [](const TempDir& dir, const store::DerivedRules& rules) {
           std::string location = dir.file("contract.db");
           store::create_store(location, 2, "NOK");
           return store::open_store(location, rules);
         }},
    };
    if (const char* pg = std::getenv("KUNDE_TEST_PG"); pg && *pg) {
      out.push_back({"postgresql", [](const TempDir&, const store::DerivedRules& rules) {
                       std::string location = new_pg_database("kunde_unit");
                       store::create_store(location, 2, "NOK");
                       return store::open_store(location, rules);
                     }});
    }
    return out;
  }();
  return backends;
}

}  // namespace kunde::test
