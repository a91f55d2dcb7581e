// The PostgreSQL schema's versions: a store an older kunde made is migrated when opened.
// Runs when KUNDE_TEST_PG names a test server (scripts/pg-cluster), else skips.
#include <doctest/doctest.h>

#include <cstdlib>

#include "crm/statistics.hpp"
#include "store/pg/connection.hpp"
#include "store/pg/schema.hpp"
#include "store/store.hpp"
#include "store_backends.hpp"

using namespace kunde;

TEST_CASE("pg schema: a store of version 1 gains the stored offers and the joined search words when opened") {
  const char* server = std::getenv("KUNDE_TEST_PG");
  if (!server || !*server) {
    MESSAGE("KUNDE_TEST_PG is not set: skipped");
    return;
  }
  const crm::StatisticsRules rules;
  std::string url = test::new_pg_database("kunde_unit_schema");
  store::create_store(url, 2, "NOK");
  {
    // Version 1 as it was: no customer_offers.
    store::pg::Connection db(url);
    db.run("DROP TABLE customer_offers");
    // Version 2's search words: O'Reilly as o and reilly only.
    db.run("INSERT INTO customers(id, number, name) VALUES (100, 'K-100', 'O''Reilly Media')");
    db.run("DELETE FROM search_pending");
    db.run("INSERT INTO customer_search(customer_id, words) VALUES (100, 'o reilly media')");
    db.run("UPDATE meta SET value = '1' WHERE key = 'schema_version'");
  }
  auto s = store::open_store(url, rules);
  {
    store::pg::Connection db(url);
    store::pg::Result version = db.exec("SELECT value FROM meta WHERE key = 'schema_version'");
    REQUIRE(version.rows() == 1);
    CHECK(version.row(0).text(0) == std::to_string(store::pg::schema_version()));
  }
  CHECK(store::pg::schema_version() == 3);
  store::CustomerFilter by_joined;
  by_joined.search = "oreilly";
  std::vector<std::int64_t> found;
  s->customers().list(by_joined, [&](const model::Customer& c) { found.push_back(c.id); });
  CHECK(found == std::vector<std::int64_t>{100});

  std::int64_t id = 0;
  {
    auto w = s->begin_write("customer add");
    model::Customer c;
    c.number = "K-1";
    c.name = "Kari Nordmann";
    id = s->customers().insert(c);
    w->commit("1 customer added");
  }
  std::vector<store::CustomerOffers> offers = {{id, {{"books", {"music"}, 0.5, 1.25}}}};
  s->analytics().save_offers({"2026-06-30", "category", offers});
  auto got = s->analytics().offers(id);
  REQUIRE(got);
  REQUIRE(got->offers.size() == 1);
  CHECK(got->offers[0].because == std::vector<std::string>{"music"});
}
