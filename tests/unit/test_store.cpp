// The SQLite store: history and undo, merge, erasure, duplicates, search, derived data.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <string>

#include "crm/customer_resolver.hpp"
#include "crm/session.hpp"
#include "error.hpp"
#include "helpers.hpp"
#include "model/customer.hpp"
#include "store/sqlite/change.hpp"
#include "store/sqlite/customer_repo.hpp"
#include "store/sqlite/database.hpp"
#include "store/sqlite/duplicates.hpp"
#include "store/sqlite/erasure.hpp"
#include "store/sqlite/history.hpp"
#include "store/sqlite/maintenance.hpp"

using namespace kunde;
using kunde::model::Customer;
using kunde::store::sqlite::Change;
using kunde::store::sqlite::CustomerRepo;
using kunde::store::sqlite::Database;
using kunde::test::scalar;

namespace {

Customer person(std::string number, std::string name, std::string city = "Oslo") {
  Customer c;
  c.number = std::move(number);
  c.name = std::move(name);
  c.city = std::move(city);
  c.country = "NO";
  return c;
}

// Normalises and inserts in one history entry; returns the new customer's id.
std::int64_t add(Database& db, Customer c, const std::string& command = "customer add") {
  model::ParseContext ctx;
  ctx.region = "NO";
  model::normalise(c, ctx);
  Change change(db, command);
  auto id = CustomerRepo(db).insert(c);
  change.commit("1 added");
  return id;
}

std::vector<std::int64_t> search(Database& db, const std::string& text) {
  store::CustomerFilter f;
  f.search = text;
  std::vector<std::int64_t> ids;
  CustomerRepo(db).list(f, [&](const Customer& c) { ids.push_back(c.id); });
  return ids;
}

std::string undo_error(Database& db, std::int64_t id) {
  try {
    store::sqlite::undo(db, id, "undo");
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

// An order of one line for `amount` minor units.
void add_order(Database& db, std::int64_t customer, const std::string& number, std::int64_t amount,
               const std::string& at = "2026-01-10") {
  db.prepare("INSERT INTO orders(number, customer_id, ordered_at, channel) VALUES (?, ?, ?, 'web')")
      .bind(1, number).bind(2, customer).bind(3, at).run();
  auto order = db.last_insert_rowid();
  db.prepare("INSERT INTO order_lines(order_id, line, quantity, unit_price, amount, cost) VALUES (?, 1, 1, ?, ?, ?)")
      .bind(1, order).bind(2, amount).bind(3, amount).bind(4, amount / 2).run();
}

}  // namespace

TEST_CASE("a committed change is one history entry; an empty one is none") {
  test::StoreFixture fx;
  auto& db = fx.db();
  {
    Change empty(db, "customer tag nothing");
    CHECK(empty.commit("0 tagged") == 0);
  }
  CHECK(store::sqlite::list_history(db, 10).empty());
  auto id = add(db, person("1001", "Bjørn Åberg"), "customer add Bjørn");
  CHECK(id == 1);
  auto h = store::sqlite::list_history(db, 10);
  REQUIRE(h.size() == 1);
  CHECK(h[0].id == 1);
  CHECK(h[0].command == "customer add Bjørn");
  CHECK(h[0].summary == "1 added");
  CHECK(h[0].undoable);
  CHECK_FALSE(h[0].undoes);
  CHECK_FALSE(h[0].undone_by);
  {
    Change rolled(db, "customer add dry-run");
    CustomerRepo(db).insert(person("1002", "Åse"));
    rolled.rollback();
  }
  CHECK(CustomerRepo(db).count() == 1);
  CHECK(store::sqlite::list_history(db, 10).size() == 1);
}

TEST_CASE("undo restores inserts, updates and deletes exactly") {
  test::StoreFixture fx;
  auto& db = fx.db();
  CustomerRepo repo(db);
  Customer original = person("1001", "Bjørn Åberg");
  original.tags = {"b2b", "vip"};
  original.email = "bjorn@example.com";
  original.credit_limit = 500000;
  original.attributes = {{"segment", "gold"}};
  auto id = add(db, original);
  auto stored = *repo.by_id(id);

  SUBCASE("update") {
    Customer changed = stored;
    changed.name = "Bjørn Aaberg";
    changed.tags = {"churned"};
    changed.attributes.clear();
    changed.credit_limit.reset();
    {
      Change ch(db, "customer edit");
      repo.update(changed);
      CHECK(ch.commit("1 updated") == 2);
    }
    CHECK(repo.by_id(id)->name == "Bjørn Aaberg");
    auto r = store::sqlite::undo(db, std::nullopt, "undo");
    CHECK(r.undone.id == 2);
    CHECK(r.entry_id == 3);
    CHECK(*repo.by_id(id) == stored);
    CHECK(store::sqlite::find_history(db, 2)->undone_by == std::optional<std::int64_t>(3));
    CHECK(store::sqlite::find_history(db, 3)->undoes == std::optional<std::int64_t>(2));
    CHECK(store::sqlite::find_history(db, 3)->summary == "undid entry 2");
  }
  SUBCASE("delete") {
    {
      Change ch(db, "customer rm");
      repo.erase(id);
      ch.commit("1 removed");
    }
    CHECK_FALSE(repo.by_id(id));
    store::sqlite::undo(db, std::nullopt, "undo");
    CHECK(*repo.by_id(id) == stored);
  }
  SUBCASE("insert") {
    store::sqlite::undo(db, 1, "undo");
    CHECK_FALSE(repo.by_id(id));
    CHECK(repo.count() == 0);
    CHECK(scalar(db, "SELECT count(*) FROM customer_tags") == 0);
    CHECK(search(db, "bjorn").empty());
  }
}

TEST_CASE("undo refuses when a later change touched the same row") {
  test::StoreFixture fx;
  auto& db = fx.db();
  CustomerRepo repo(db);
  auto id = add(db, person("1001", "Bjørn"), "customer add Bjørn");
  auto other = add(db, person("1002", "Åse"), "customer add Åse");
  Customer c = *repo.by_id(id);
  c.name = "Bjørn Å.";
  {
    Change ch(db, "customer edit 1001");
    repo.update(c);
    ch.commit("1 updated");
  }
  CHECK(undo_error(db, 1) ==
        "cannot undo entry 1 (customer add Bjørn): entry 3 (customer edit 1001) changed customer 1 later");
  CHECK(repo.by_id(id)->name == "Bjørn Å.");
  CHECK_FALSE(store::sqlite::find_history(db, 1)->undone_by);
  // An unrelated entry still undoes, and the blocker itself does.
  CHECK(repo.by_id(other));
  store::sqlite::undo(db, 2, "undo 2");
  CHECK_FALSE(repo.by_id(other));
  store::sqlite::undo(db, 3, "undo 3");
  CHECK(repo.by_id(id)->name == "Bjørn");
  store::sqlite::undo(db, 1, "undo 1");
  CHECK(repo.count() == 0);
}

TEST_CASE("undo refuses when a later row refers to a row it would delete") {
  test::StoreFixture fx;
  auto& db = fx.db();
  CustomerRepo repo(db);
  auto id = add(db, person("1001", "Bjørn"));
  {
    Change ch(db, "customer tag 1001 vip");
    repo.add_tag(id, "vip");
    ch.commit("1 tagged");
  }
  CHECK(undo_error(db, 1) ==
        "cannot undo entry 1 (customer add): entry 2 (customer tag 1001 vip) refers to rows it created");
  CHECK(repo.by_id(id));
}

TEST_CASE("undo of an undo is a redo") {
  test::StoreFixture fx;
  auto& db = fx.db();
  CustomerRepo repo(db);
  auto id = add(db, person("1001", "Bjørn"));
  auto before = *repo.by_id(id);
  store::sqlite::undo(db, 1, "undo");
  CHECK(repo.count() == 0);
  CHECK(undo_error(db, 1) == "entry 1 was already undone by entry 2");
  auto redo = store::sqlite::undo(db, 2, "undo 2");
  CHECK(redo.entry_id == 3);
  CHECK(*repo.by_id(id) == before);
  CHECK_FALSE(store::sqlite::find_history(db, 1)->undone_by);
  CHECK(store::sqlite::find_history(db, 2)->undone_by == std::optional<std::int64_t>(3));
  CHECK(search(db, "bjorn") == std::vector<std::int64_t>{id});
  // The original can be undone again.
  store::sqlite::undo(db, 1, "undo 1");
  CHECK(repo.count() == 0);
  CHECK(undo_error(db, 99) == "there is no history entry 99");
}

TEST_CASE("nothing to undo") {
  test::StoreFixture fx;
  auto& db = fx.db();
  CHECK_THROWS_WITH_AS(store::sqlite::undo(db, std::nullopt, "undo"), "there is nothing to undo", Error);
}

TEST_CASE("a large change is chunked and undone whole") {
  test::StoreFixture fx;
  auto& db = fx.db();
  CustomerRepo repo(db);
  const std::string filler(120, 'x');
  {
    Change ch(db, "customer import big.csv");
    for (int i = 0; i < 20000; ++i) {
      Customer c = person(fmt::format("N{:05}", i), fmt::format("Kunde {}", i));
      c.notes = filler;
      c.email = fmt::format("k{}@example.com", i);
      c.email_key = c.email;
      repo.insert(c);
    }
    CHECK(ch.commit("20000 inserted") == 1);
  }
  CHECK(repo.count() == 20000);
  CHECK(scalar(db, "SELECT count(*) FROM history_changes WHERE history_id = 1") > 1);
  CHECK(scalar(db, "SELECT bytes FROM history WHERE id = 1") > (1 << 21));
  store::sqlite::undo(db, std::nullopt, "undo");
  CHECK(repo.count() == 0);
  CHECK(scalar(db, "SELECT count(*) FROM customer_search") == 0);
}

TEST_CASE("merge moves orders, payments and tags and keeps the old number as an alias") {
  test::StoreFixture fx;
  auto& db = fx.db();
  CustomerRepo repo(db);
  Customer a = person("1001", "Bjørn Åberg");
  a.tags = {"vip"};
  Customer b = person("2002", "Bjorn Aberg");
  b.tags = {"newsletter", "vip"};
  b.email = "bjorn@example.com";
  b.email_key = "bjorn@example.com";
  b.attributes = {{"source", "shop"}};
  auto ida = add(db, a);
  auto idb = add(db, b);
  {
    Change ch(db, "order import");
    add_order(db, ida, "O1", 10000);
    add_order(db, idb, "O2", 2500, "2026-02-01");
    db.prepare("INSERT INTO payments(reference, customer_id, paid_at, amount) VALUES ('P1', ?, '2026-02-02', 2000)")
        .bind(1, idb).run();
    ch.commit("2 orders");
  }
  auto before_a = *repo.by_id(ida);
  auto before_b = *repo.by_id(idb);
  CHECK(repo.stats(idb).orders == 1);
  {
    Change ch(db, "customer merge 1001 2002");
    repo.merge(ida, idb);
    ch.commit("merged");
  }
  CHECK_FALSE(repo.by_id(idb));
  auto merged = *repo.by_id(ida);
  CHECK(merged.tags == std::vector<std::string>{"newsletter", "vip"});
  CHECK(merged.email == std::optional<std::string>("bjorn@example.com"));
  CHECK(merged.name == "Bjørn Åberg");
  CHECK(merged.attributes.at("source") == "shop");
  CHECK(scalar(db, fmt::format("SELECT count(*) FROM orders WHERE customer_id = {}", ida)) == 2);
  CHECK(scalar(db, fmt::format("SELECT count(*) FROM payments WHERE customer_id = {}", ida)) == 1);
  CHECK(repo.id_by_number("2002") == std::optional<std::int64_t>(ida));
  CHECK(fx.session().resolver().resolve("2002") == std::vector<std::int64_t>{ida});
  CHECK(repo.aliases(ida) == std::vector<std::string>{"2002"});
  auto s = repo.stats(ida);
  CHECK(s.orders == 2);
  CHECK(s.revenue == 12500);
  CHECK(s.paid == 2000);
  CHECK(s.balance == 10500);
  CHECK(store::sqlite::check_database(db, false).empty());

  store::sqlite::undo(db, std::nullopt, "undo");
  CHECK(*repo.by_id(ida) == before_a);
  CHECK(*repo.by_id(idb) == before_b);
  CHECK(repo.aliases(ida).empty());
  CHECK(repo.stats(idb).orders == 1);
  CHECK(repo.stats(ida).revenue == 10000);
  CHECK(store::sqlite::check_database(db, false).empty());
}

TEST_CASE("erase with scrubbed history") {
  test::StoreFixture fx;
  auto& db = fx.db();
  CustomerRepo repo(db);
  auto ida = add(db, person("1001", "Bjørn Åberg"), "customer add --name Bjørn Åberg");
  auto idb = add(db, person("2002", "Åse Nilsen"), "customer add --name Åse");
  {
    Change ch(db, "order add 1001");
    add_order(db, ida, "O1", 10000);
    ch.commit("1 order");
  }
  CHECK(store::sqlite::erase_customer(db, ida, "customer forget #1").complete);
  CHECK(store::sqlite::list_history(db, 10).back().id == 4);
  CHECK_FALSE(repo.by_id(ida));
  CHECK(scalar(db, "SELECT count(*) FROM orders") == 0);
  CHECK(scalar(db, "SELECT count(*) FROM order_lines") == 0);
  CHECK(search(db, "bjorn").empty());
  auto e1 = *store::sqlite::find_history(db, 1);
  CHECK_FALSE(e1.undoable);
  CHECK(e1.command == "customer add");
  CHECK(e1.summary == "scrubbed by an erasure");
  CHECK_FALSE(store::sqlite::find_history(db, 3)->undoable);
  CHECK(scalar(db, "SELECT count(*) FROM history_changes WHERE history_id IN (1, 3, 4)") == 0);
  auto e2 = *store::sqlite::find_history(db, 2);
  CHECK(e2.undoable);
  CHECK(e2.command == "customer add --name Åse");
  CHECK_FALSE(store::sqlite::find_history(db, 4)->undoable);
  CHECK(undo_error(db, 1) == "entry 1 (customer add) cannot be undone");
  CHECK(repo.by_id(idb));
  CHECK(store::sqlite::check_database(db, false).empty());
}

TEST_CASE("find_duplicates scores the evidence") {
  test::StoreFixture fx;
  auto& db = fx.db();
  Customer a = person("1", "Bjørn Åberg");
  a.email = "bjorn@example.com";
  a.phone = "91234567";
  Customer b = person("2", "B. Aaberg", "Bergen");
  b.email = "BJORN@example.com";
  b.phone = "+47 912 34 567";
  Customer c = person("3", "Kari Nordmann", "Tromsø");
  Customer d = person("4", "kari nordmann", "TROMSØ");
  Customer e = person("5", "Kari Nordmann", "Bodø");
  Customer f = person("6", "Ola");
  f.phone = "+47 22 00 00 00";
  Customer g = person("7", "Per");
  g.phone = "22000000";
  g.email = "per@example.com";
  for (auto* x : {&a, &b, &c, &d, &e, &f, &g}) add(db, *x);
  auto pairs = store::sqlite::find_duplicates(db, 50);
  REQUIRE(pairs.size() == 3);
  CHECK(pairs[0].a == 1);
  CHECK(pairs[0].b == 2);
  CHECK(pairs[0].score == 98);
  CHECK(pairs[0].reasons == std::vector<std::string>{"email", "phone"});
  CHECK(pairs[1].a == 6);
  CHECK(pairs[1].b == 7);
  CHECK(pairs[1].score == 80);
  CHECK(pairs[1].reasons == std::vector<std::string>{"phone"});
  CHECK(pairs[2].a == 3);
  CHECK(pairs[2].b == 4);
  CHECK(pairs[2].score == 60);
  CHECK(pairs[2].reasons == std::vector<std::string>{"name+city"});
  CHECK(store::sqlite::find_duplicates(db, 90).size() == 1);
  // A group larger than max_group is left out.
  CHECK(store::sqlite::find_duplicates(db, 50, 1).empty());
}

TEST_CASE("full-text search ignores case and diacritics") {
  test::StoreFixture fx;
  auto& db = fx.db();
  auto bjorn = add(db, person("1", "Bjørn Åberg"));
  auto ase = add(db, person("2", "Åse Nilsen", "Bergen"));
  auto gote = add(db, person("3", "Sven Svensson", "Göteborg"));
  Customer ae = person("4", "Ærlig Straße", "Łódź");
  ae.notes = "Ringte om fakturaen";
  auto aerlig = add(db, ae);
  CHECK(search(db, "bjorn") == std::vector<std::int64_t>{bjorn});
  CHECK(search(db, "BJØRN") == std::vector<std::int64_t>{bjorn});
  CHECK(search(db, "aberg") == std::vector<std::int64_t>{bjorn});
  CHECK(search(db, "ase") == std::vector<std::int64_t>{ase});
  CHECK(search(db, "goteborg") == std::vector<std::int64_t>{gote});
  CHECK(search(db, "Göteborg") == std::vector<std::int64_t>{gote});
  CHECK(search(db, "aerlig") == std::vector<std::int64_t>{aerlig});
  CHECK(search(db, "strasse") == std::vector<std::int64_t>{aerlig});
  CHECK(search(db, "lodz") == std::vector<std::int64_t>{aerlig});
  CHECK(search(db, "faktura") == std::vector<std::int64_t>{aerlig});  // prefix, in notes
  CHECK(search(db, "bjorn aberg") == std::vector<std::int64_t>{bjorn});
  CHECK(search(db, "bjorn bergen").empty());
  CHECK(search(db, "zzz").empty());
  CHECK(store::sqlite::fts_query("Bjørn  Å-berg") == "\"bjorn\"* \"a\"* \"berg\"*");
  CHECK(store::sqlite::fts_query("\"") == "");
  // The index follows edits at commit.
  CustomerRepo repo(db);
  Customer c = *repo.by_id(bjorn);
  c.name = "Bjarne";
  {
    Change ch(db, "customer edit");
    repo.update(c);
    ch.commit("1 updated");
  }
  CHECK(search(db, "bjorn").empty());
  CHECK(search(db, "bjarne") == std::vector<std::int64_t>{bjorn});
}

TEST_CASE("list filters") {
  test::StoreFixture fx;
  auto& db = fx.db();
  Customer a = person("1", "Bjørn", "Tromsø");
  a.tags = {"vip"};
  Customer b = person("2", "Åse", "TROMSO");
  b.attributes = {{"segment", "gold"}};
  Customer c = person("3", "Cecilie", "Oslo");
  c.country = "SE";
  c.tags = {"vip"};
  for (auto* x : {&a, &b, &c}) add(db, *x);
  auto ids = [&](store::CustomerFilter f) {
    std::vector<std::int64_t> out;
    CustomerRepo(db).list(f, [&](const Customer& x) { out.push_back(x.id); });
    return out;
  };
  store::CustomerFilter f;
  f.tags = {"vip"};
  CHECK(ids(f) == std::vector<std::int64_t>{1, 3});
  f.country = "se";
  CHECK(ids(f) == std::vector<std::int64_t>{3});
  store::CustomerFilter city;
  city.city = "tromso";
  CHECK(ids(city) == std::vector<std::int64_t>{1, 2});
  store::CustomerFilter attr;
  attr.attributes = {{"segment", "gold"}};
  CHECK(ids(attr) == std::vector<std::int64_t>{2});
  store::CustomerFilter sorted;
  sorted.sort = "name";
  sorted.descending = true;
  sorted.limit = 2;
  CHECK(ids(sorted) == std::vector<std::int64_t>{3, 1});  // cecilie, bjorn, ase
  store::CustomerFilter bad;
  bad.sort = "shoe_size";
  CHECK_THROWS_AS(ids(bad), UsageError);
}

TEST_CASE("derived statistics are refreshed at commit") {
  test::StoreFixture fx;
  auto& db = fx.db();
  CustomerRepo repo(db);
  auto id = add(db, person("1", "Bjørn"));
  CHECK(repo.stats(id).orders == 0);
  {
    Change ch(db, "order add");
    add_order(db, id, "O1", 10000, "2026-01-10");
    add_order(db, id, "O2", 5050, "2026-03-01");
    ch.commit("2 orders");
  }
  auto s = repo.stats(id);
  CHECK(s.orders == 2);
  CHECK(s.revenue == 15050);
  CHECK(s.cost == 7525);
  CHECK(s.margin == 7525);
  CHECK(s.first_order_at == std::optional<std::string>("2026-01-10"));
  CHECK(s.last_order_at == std::optional<std::string>("2026-03-01"));
  CHECK(s.balance == 15050);
  {
    Change ch(db, "order cancel O2");
    db.exec("UPDATE orders SET status = 'cancelled' WHERE number = 'O2'");
    db.prepare("INSERT INTO payments(reference, customer_id, paid_at, amount) VALUES ('P1', ?, '2026-02-01', 4000)")
        .bind(1, id).run();
    ch.commit("1 cancelled");
  }
  s = repo.stats(id);
  CHECK(s.orders == 1);
  CHECK(s.revenue == 10000);
  CHECK(s.paid == 4000);
  CHECK(s.balance == 6000);
  CHECK(s.last_order_at == std::optional<std::string>("2026-01-10"));
  CHECK(store::sqlite::check_database(db, false).empty());
  store::sqlite::undo(db, std::nullopt, "undo");
  CHECK(repo.stats(id).revenue == 15050);
  CHECK(repo.stats(id).paid == 0);
}

TEST_CASE("check_database notices stale derived data and fixes it") {
  test::StoreFixture fx;
  auto& db = fx.db();
  auto id = add(db, person("1", "Bjørn"));
  {
    Change ch(db, "order add");
    add_order(db, id, "O1", 10000);
    ch.commit("1 order");
  }
  CHECK(store::sqlite::check_database(db, false).empty());
  db.exec("UPDATE customer_order_stats SET revenue = 1");
  auto problems = store::sqlite::check_database(db, false);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].detail == "1 rows differ from a full recomputation");
  store::sqlite::check_database(db, true);
  CHECK(store::sqlite::check_database(db, false).empty());
  CHECK(CustomerRepo(db).stats(id).revenue == 10000);
  // A row missing, and a row too many, are noticed as well as a wrong one.
  db.exec("DELETE FROM customer_order_stats");
  REQUIRE(store::sqlite::check_database(db, false).size() == 1);
  store::sqlite::check_database(db, true);
  auto other = add(db, person("2", "Åse"));
  db.exec(fmt::format("INSERT INTO customer_order_stats(customer_id) VALUES ({})", other));
  REQUIRE(store::sqlite::check_database(db, false).size() == 1);
  store::sqlite::check_database(db, true);
  CHECK(store::sqlite::check_database(db, false).empty());
}

TEST_CASE("a large change is recorded in segments and undone newest first") {
  test::StoreFixture fx;
  auto& db = fx.db();
  CustomerRepo repo(db);
  std::int64_t entry = 0;
  {
    Change change(db, "big import");
    change.set_segment_bytes(1);  // every checkpoint writes a segment
    for (int i = 0; i < 300; ++i) {
      repo.insert(person(fmt::format("S-{}", i), fmt::format("Person {}", i)));
      if (i % 100 == 99) change.checkpoint();
    }
    // A row inserted in an earlier segment and changed in a later one.
    auto c = *repo.by_id(*repo.id_by_number("S-5"));
    c.city = "Bergen";
    repo.update(c);
    entry = change.commit("300 inserted");
  }
  CHECK(entry > 0);
  CHECK(store::sqlite::find_history(db, entry)->undoable);
  CHECK(repo.count() == 300);
  auto result = store::sqlite::undo(db, std::nullopt, "undo");
  CHECK(result.undone.id == entry);
  CHECK(repo.count() == 0);
  store::sqlite::undo(db, result.entry_id, "redo");
  CHECK(repo.count() == 300);
  CHECK(repo.by_id(*repo.id_by_number("S-5"))->city == std::optional<std::string>("Bergen"));
}
