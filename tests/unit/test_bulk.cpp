// Bulk writes: imports record their new rows by key range and list the customers they touch
// themselves; undo deletes by range and refuses when a later change is in the way.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <random>
#include <string>

#include "crm/imports.hpp"
#include "crm/session.hpp"
#include "error.hpp"
#include "helpers.hpp"
#include "model/contact.hpp"
#include "store/sqlite/change.hpp"
#include "store/sqlite/customer_repo.hpp"
#include "store/sqlite/database.hpp"
#include "store/sqlite/deferred_indexes.hpp"
#include "store/sqlite/history.hpp"
#include "store/sqlite/inserted_rows.hpp"
#include "store/sqlite/schema.hpp"
#include "store/sqlite/search.hpp"
#include "store/store.hpp"

using namespace kunde;
using kunde::store::sqlite::Change;
using kunde::store::sqlite::Database;
using kunde::test::scalar;

namespace {

using Fixture = test::StoreFixture;

// The ids of the customers `customer find TEXT` lists.
std::vector<std::int64_t> find(Fixture& fx, const std::string& text) {
  store::CustomerFilter f;
  f.search = text;
  std::vector<std::int64_t> ids;
  fx.store().customers().list(f, [&](const model::Customer& c) { ids.push_back(c.id); });
  return ids;
}

const char* kCustomers =
    "number,name,city,tags\n"
    "K1,Bjørn Åberg,Tromsø,vip\n"
    "K2,Åse Nilsen,Bergen,\n"
    "K3,Ola Dahl,Oslo,b2b;vip\n";
const char* kOrders =
    "order,customer,ordered_at,sku,quantity,unit_price,category\n"
    "O1,K1,2026-01-10,S1,2,10.00,books\n"
    "O1,K1,2026-01-10,S2,1,5.00,music\n"
    "O2,K2,2026-02-01,S1,1,10.00,books\n";

}  // namespace

TEST_CASE("bulk: an import records its new rows as key ranges, not as a changeset") {
  Fixture fx;
  auto counts = fx.import("customer", kCustomers);
  CHECK(counts.inserted == 3);
  CHECK(fx.count("history") == 1);
  CHECK(fx.count("history_changes") == 0);
  CHECK(fx.scalar("SELECT count(*) FROM history_inserts WHERE tbl = 'customers' AND lo = 1 AND hi = 3") == 1);
  CHECK(fx.scalar("SELECT bytes FROM history") > 0);
  // The triggers were off; the new customers have no statistics rows (no orders yet), and
  // their search entries wait for the next search.
  CHECK(fx.count("customer_order_stats") == 0);
  CHECK(fx.count("customer_search") == 0);
  CHECK(fx.scalar("SELECT count(*) FROM search_pending WHERE tbl = 'customers' AND lo = 1 AND hi = 3") == 1);
  CHECK(fx.consistent());
  store::sqlite::update_search_index(fx.db());
  CHECK(fx.count("customer_search") == 3);
  CHECK(fx.count("search_pending") == 0);
  // ... and they are back for the next write.
  CHECK(fx.scalar("SELECT count(*) FROM sqlite_temp_master WHERE type = 'trigger'") > 10);
}

TEST_CASE("bulk: an import's change checks no foreign keys per row, and they are checked again after it") {
  Fixture fx;
  CHECK(fx.scalar("PRAGMA foreign_keys") == 1);
  {
    Change change(fx.db(), "import", true, Change::References::writer);
    CHECK(fx.scalar("PRAGMA foreign_keys") == 0);
    change.rollback();
  }
  CHECK(fx.scalar("PRAGMA foreign_keys") == 1);
  fx.import("customer", kCustomers);
  fx.import("order", kOrders);
  CHECK(fx.scalar("PRAGMA foreign_keys") == 1);
  CHECK(fx.consistent());
  // Enforced again: a row that refers to nothing is refused.
  CHECK_THROWS(fx.db().exec("INSERT INTO orders(number, customer_id, ordered_at) VALUES ('X', 99, '2026-01-01')"));
}

TEST_CASE("bulk: statistics follow orders, payments and contacts imported in bulk") {
  Fixture fx;
  fx.import("customer", kCustomers);
  CHECK(fx.import("order", kOrders).inserted == 3);
  CHECK(fx.import("payment", "customer,paid_at,amount,reference\nK1,2026-01-20,20.00,P1\n").inserted == 1);
  CHECK(fx.import("contact", "customer,at,channel,direction,subject\nK2,2026-03-01,phone,in,Faktura\n").inserted == 1);
  CHECK(fx.consistent());
  CHECK(fx.scalar("SELECT revenue FROM customer_order_stats WHERE customer_id = 1") == 2500);
  CHECK(fx.scalar("SELECT balance FROM customer_order_stats WHERE customer_id = 1") == 500);
  CHECK(fx.scalar("SELECT contacts FROM customer_contact_stats WHERE customer_id = 2") == 1);
  store::sqlite::update_search_index(fx.db());
  CHECK(fx.scalar("SELECT count(*) FROM contact_search WHERE contact_search MATCH 'faktura'") == 1);

  // Re-imports with changes go through the changeset and still refresh what they touch.
  auto counts = fx.import("order", "order,customer,ordered_at,sku,quantity,unit_price,status\n"
                                   "O1,K1,2026-01-10,S1,2,10.00,cancelled\n");
  CHECK(counts.updated == 1);
  CHECK(fx.consistent());
  CHECK(fx.scalar("SELECT revenue FROM customer_order_stats WHERE customer_id = 1") == 0);
  fx.import("customer", "number,name,city\nK2,Åse Nilsen,Førde\n");
  CHECK(fx.consistent());
  store::sqlite::update_search_index(fx.db());
  CHECK(fx.scalar("SELECT count(*) FROM customer_search WHERE customer_search MATCH 'forde'") == 1);
}

TEST_CASE("bulk: a product import that changes categories refreshes the buyers' favourites") {
  Fixture fx;
  fx.import("customer", kCustomers);
  fx.import("order", kOrders);
  CHECK(fx.scalar("SELECT top_categories = 'books;music' FROM customer_order_stats WHERE customer_id = 1") == 1);
  CHECK(fx.import("product", "sku,category\nS1,comics\nS2,music\n").updated == 1);
  CHECK(fx.consistent());
  CHECK(fx.scalar("SELECT top_categories = 'comics;music' FROM customer_order_stats WHERE customer_id = 1") == 1);
  CHECK(fx.scalar("SELECT top_categories = 'comics' FROM customer_order_stats WHERE customer_id = 2") == 1);
}

TEST_CASE("bulk: undo deletes the recorded rows with their children, and redo puts them back") {
  Fixture fx;
  fx.import("customer", kCustomers);
  fx.import("order", kOrders);
  CHECK(fx.count("order_lines") == 3);
  CHECK(fx.count("products") == 2);
  store::sqlite::undo(fx.db(), 2, "undo");
  CHECK(fx.count("orders") == 0);
  CHECK(fx.count("order_lines") == 0);
  CHECK(fx.count("products") == 0);
  CHECK(fx.consistent());
  store::sqlite::undo(fx.db(), 1, "undo");
  CHECK(fx.count("customers") == 0);
  CHECK(fx.count("customer_tags") == 0);
  CHECK(fx.count("customer_search") == 0);
  CHECK(fx.consistent());
  // Redo (undo of the undo) and undo the original again.
  store::sqlite::undo(fx.db(), 4, "undo 4");
  CHECK(fx.count("customers") == 3);
  CHECK(fx.count("customer_tags") == 3);
  CHECK(fx.consistent());
  store::sqlite::undo(fx.db(), 1, "undo 1");
  CHECK(fx.count("customers") == 0);
}

TEST_CASE("bulk: a row updated by the same import is undone whole") {
  Fixture fx;
  fx.import("customer", "number,name,tags\nK1,Kari,a\nK1,Kari Nord,b\n");
  CHECK(fx.scalar("SELECT count(*) FROM customers WHERE name = 'Kari Nord'") == 1);
  store::sqlite::undo(fx.db(), 1, "undo");
  CHECK(fx.count("customers") == 0);
  CHECK(fx.count("customer_tags") == 0);
}

TEST_CASE("bulk: undo refuses while a later change uses or changed the rows") {
  Fixture fx;
  fx.import("customer", kCustomers);
  fx.import("order", kOrders);  // entry 2: orders of the customers entry 1 created
  CHECK(fx.undo_error(1) ==
        "cannot undo entry 1 (customer import): entry 2 (order import) refers to rows it created");
  CHECK(fx.count("customers") == 3);
  store::sqlite::undo(fx.db(), 2, "undo 2");  // entry 3
  CHECK(fx.undo_error(1) == "(no error)");
  CHECK(fx.count("customers") == 0);

  // A later edit of one of the rows blocks too, and stops blocking once undone.
  Fixture fy;
  fy.import("customer", kCustomers);
  {
    Change ch(fy.db(), "customer edit K2");
    fy.db().exec("UPDATE customers SET name = 'Åse N.' WHERE number = 'K2'");
    ch.commit("1 updated");
  }
  CHECK(fy.undo_error(1) == "cannot undo entry 1 (customer import): entry 2 (customer edit K2) changed rows it created");
  store::sqlite::undo(fy.db(), 2, "undo 2");
  CHECK(fy.undo_error(1) == "(no error)");
}

TEST_CASE("bulk: a redo puts back the keys an undo took: no later row is given them") {
  Fixture fx;
  fx.import("customer", "number,name\nK1,Kari\n");     // entry 1: customer 1
  store::sqlite::undo(fx.db(), 1, "undo 1");                     // entry 2
  fx.import("customer", "number,name\nK9,Nils\n");      // entry 3: customer 2, not 1 again
  CHECK(fx.scalar("SELECT id FROM customers WHERE number = 'K9'") == 2);
  CHECK(fx.undo_error(2) == "(no error)");  // and undoes it
  CHECK(fx.scalar("SELECT id FROM customers WHERE number = 'K1'") == 1);
}

TEST_CASE("bulk: an entry that deleted a reference is no obstacle") {
  Fixture fx;
  fx.import("customer", kCustomers);
  fx.import("order", kOrders);
  store::sqlite::undo(fx.db(), 2, "undo 2");
  // Entry 3 deleted order lines that referred to entry 2's products and customers of entry 1.
  CHECK(fx.undo_error(1) == "(no error)");
}

TEST_CASE("bulk: key ranges merge consecutive keys") {
  store::sqlite::InsertedRows rows;
  for (std::int64_t k : {5, 6, 7, 10, 11}) rows.add(store::sqlite::NewRow::orders, k);
  REQUIRE(rows.ranges(store::sqlite::NewRow::orders).size() == 2);
  CHECK(rows.ranges(store::sqlite::NewRow::orders)[0].hi == 7);
  CHECK(rows.contains(store::sqlite::NewRow::orders, 11));
  CHECK_FALSE(rows.contains(store::sqlite::NewRow::orders, 8));
  CHECK_FALSE(rows.contains(store::sqlite::NewRow::customers, 5));
  CHECK(rows.range_count() == 2);
  CHECK(store::sqlite::InsertedRows::from_table_name("payments") == store::sqlite::NewRow::payments);
  CHECK_FALSE(store::sqlite::InsertedRows::from_table_name("history"));
}

TEST_CASE("bulk: an older database is migrated step by step on open, and its derived data rebuilt") {
  test::TempDir dir;
  auto path = dir.file("old.db");
  {
    Database db(path, store::sqlite::OpenMode::create);
    store::sqlite::create_schema(db, 2, "");
    db.exec("INSERT INTO customers(id, number, name) VALUES (1, 'K1', 'Bjørn'); "
            "INSERT INTO contacts(customer_id, at, channel, direction, subject) VALUES (1, '2026-01-01', 'phone', 'in', 'Faktura'); "
            "DELETE FROM customer_contact_stats; PRAGMA user_version = 1");
  }
  // Two steps of a test's own: version 1 to 2 to 3.
  const std::vector<std::string> steps = {"CREATE TABLE added_in_2 (x INTEGER) STRICT;",
                                          "ALTER TABLE added_in_2 ADD COLUMN y TEXT;"};
  Database db(path, store::sqlite::OpenMode::existing);
  db.set_rules(&crm::Session::rules());  // the rules the derived data is rebuilt by
  store::sqlite::migrate(db, steps);
  CHECK(scalar(db, "PRAGMA user_version") == 3);
  CHECK(scalar(db, "SELECT count(*) FROM pragma_table_info('added_in_2')") == 2);
  // Derived data is rebuilt from the base tables.
  CHECK(scalar(db, "SELECT count(*) FROM customer_search WHERE customer_search MATCH 'bjorn'") == 1);
  CHECK(scalar(db, "SELECT count(*) FROM contact_search WHERE contact_search MATCH 'faktura'") == 1);
  CHECK(scalar(db, "SELECT count(*) FROM customer_contact_stats") == 1);
  CHECK(scalar(db, "SELECT count(*) FROM customer_order_stats") == 0);
  // Nothing more to do the next time; a newer database is refused.
  store::sqlite::migrate(db, steps);
  CHECK(scalar(db, "PRAGMA user_version") == 3);
  db.exec("PRAGMA user_version = 9");
  CHECK_THROWS_WITH_AS(store::sqlite::migrate(db, steps), doctest::Contains("newer kunde"), Error);
}

TEST_CASE("bulk: a version 3 database indexes names written with an apostrophe joined as well") {
  test::TempDir dir;
  auto path = dir.file("v3.db");
  {
    Database db(path, store::sqlite::OpenMode::create);
    store::sqlite::create_schema(db, 2, "");
    db.exec("INSERT INTO customers(id, number, name) VALUES (1, 'K1', 'O''Reilly Media'); "
            "DELETE FROM search_pending; DELETE FROM customer_search; "
            "INSERT INTO customer_search(rowid, name) VALUES (1, 'o''reilly media'); PRAGMA user_version = 3");
    CHECK(scalar(db, "SELECT count(*) FROM customer_search WHERE customer_search MATCH 'oreilly'") == 0);
  }
  Database db(path, store::sqlite::OpenMode::existing);
  db.set_rules(&crm::Session::rules());
  store::sqlite::migrate(db);
  CHECK(scalar(db, "PRAGMA user_version") == store::sqlite::schema_version());
  CHECK(scalar(db, "SELECT count(*) FROM customer_search WHERE customer_search MATCH 'oreilly'") == 1);
  CHECK(scalar(db, "SELECT count(*) FROM customer_search WHERE customer_search MATCH 'reilly'") == 1);
}

TEST_CASE("bulk: a version 1 database gains the stored offers and order facts tables, and keeps its rows") {
  test::TempDir dir;
  auto path = dir.file("v1.db");
  {
    Database db(path, store::sqlite::OpenMode::create);
    store::sqlite::create_schema(db, 2, "");
    db.exec("INSERT INTO customers(id, number, name) VALUES (1, 'K1', 'Bjørn'); "
            "DROP TABLE customer_offers; DROP TABLE order_facts; DROP TABLE order_facts_pending; "
            "PRAGMA user_version = 1");
  }
  Database db(path, store::sqlite::OpenMode::existing);
  db.set_rules(&crm::Session::rules());
  store::sqlite::migrate(db);
  CHECK(scalar(db, "PRAGMA user_version") == store::sqlite::schema_version());
  CHECK(scalar(db, "SELECT count(*) FROM pragma_table_info('customer_offers')") == 8);
  CHECK(scalar(db, "SELECT count(*) FROM customers") == 1);
  // The order facts are left for the first report to make.
  CHECK(scalar(db, "SELECT count(*) FROM order_facts_pending") == 1);
}

TEST_CASE("bulk: contacts without a key are matched by customer, content and occurrence, in any order") {
  Fixture fx;
  std::string customers = "number,name\n";
  for (int c = 1; c <= 30; ++c) customers += fmt::format("K{},C{}\n", c, c);
  fx.import("customer", customers);
  std::mt19937 rng(11);
  std::vector<std::string> rows;
  const char* subjects[] = {"Offer", "Complaint", "", "Question"};
  for (int i = 0; i < 300; ++i) {
    // Few contents per customer, so many rows come twice or more.
    rows.push_back(fmt::format("K{},2026-0{}-01,{},in,{}", 1 + rng() % 30, 1 + rng() % 2, rng() % 2 ? "phone" : "email",
                               subjects[rng() % 4]));
  }
  auto file = [](const std::vector<std::string>& lines) {
    std::string out = "customer,at,channel,direction,subject\n";
    for (const auto& l : lines) out += l + "\n";
    return out;
  };
  std::vector<std::string> sorted = rows;
  std::stable_sort(sorted.begin(), sorted.end(), [](const std::string& x, const std::string& y) {
    return x.substr(0, x.find(',')) < y.substr(0, y.find(','));
  });
  CHECK(fx.import("contact", file(sorted)).inserted == 300);
  std::shuffle(rows.begin(), rows.end(), rng);
  auto again = fx.import("contact", file(rows));
  CHECK(again.inserted == 0);
  CHECK(again.unchanged == 300);
  // Two rows more of contents already there: two more contacts.
  rows.push_back(rows[3]);
  rows.push_back(rows[3]);
  std::shuffle(rows.begin(), rows.end(), rng);
  auto more = fx.import("contact", file(rows));
  CHECK(more.inserted == 2);
  CHECK(more.unchanged == 300);
  CHECK(fx.count("contacts") == 302);
  CHECK(fx.consistent());
  // Closing a follow-up of such a contact updates it; the content stays its identity.
  auto closed = fx.import("contact", "customer,at,channel,direction,subject,done_at\n" + rows[0] + ",2026-04-01\n");
  CHECK(closed.updated == 1);
  CHECK(fx.scalar("SELECT count(*) FROM contacts WHERE done_at = '2026-04-01'") == 1);
  CHECK(fx.import("contact", "customer,at,channel,direction,subject,done_at\n" + rows[0] + ",2026-04-01\n").unchanged == 1);
  // JSON is read on one thread, without rows prepared ahead: it matches the same way.
  std::string ndjson;
  for (const auto& r : rows) {
    auto cell = [&](int n) {
      std::size_t at = 0;
      for (int i = 0; i < n; ++i) at = r.find(',', at) + 1;
      return r.substr(at, r.find(',', at) - at);
    };
    ndjson += fmt::format(R"({{"customer":"{}","at":"{}","channel":"{}","direction":"in","subject":"{}"}})", cell(0),
                          cell(1), cell(2), cell(4)) + "\n";
  }
  ndjson += R"({"customer":"K1","at":"2027-01-01","channel":"phone","direction":"in"})" "\n";
  {
    auto counts = fx.import("contact", ndjson, crm::ImportRequest(crm::ImportKind::contacts), "ndjson");
    CHECK(counts.inserted == 1);
    CHECK(counts.unchanged == 302);
  }
  // A row with a key is never matched by content: the same content with a key is another contact.
  auto keyed = fx.import("contact", "key,customer,at,channel,direction,subject\nX-1," + rows[0] + "\n");
  CHECK(keyed.inserted == 1);
  CHECK(fx.count("contacts") == 304);
  CHECK(fx.consistent());
}

TEST_CASE("bulk: contacts of customers named by email are found again by a re-import") {
  Fixture fx;
  fx.import("customer", "number,name,email\nK1,Bjørn Åberg,bjorn@example.no\n,Åse Nilsen,ase@example.no\n");
  const char* contacts =
      "customer,at,channel,direction,subject\n"
      "BJORN@example.no,2026-03-01,phone,in,Faktura\n"
      "ase@example.no,2026-03-01,phone,in,Faktura\n"
      "ase@example.no,2026-03-01,phone,in,Faktura\n"  // the same again: a second contact
      "K1,2026-03-01,phone,in,Faktura\n";
  auto first = fx.import("contact", contacts);
  CHECK(first.inserted == 4);
  CHECK(fx.scalar("SELECT count(*) FROM contacts WHERE key IS NULL") == 4);
  auto again = fx.import("contact", contacts);
  CHECK(again.inserted == 0);
  CHECK(again.unchanged == 4);
  CHECK(fx.consistent());
}

TEST_CASE("bulk: customer search finds words in the customer's own text and in their contacts") {
  Fixture fx;
  fx.import("customer", kCustomers);
  fx.import("contact", "customer,at,channel,direction,subject,notes\n"
                       "K1,2026-03-01,phone,in,Faktura feil,Ringte om prisen\n"
                       "K2,2026-03-02,email,out,Tilbud,\n");
  CHECK(find(fx, "faktura") == std::vector<std::int64_t>{1});
  CHECK(find(fx, "bjorn pris") == std::vector<std::int64_t>{1});  // one word in the name, one in a contact
  CHECK(find(fx, "ase tilbud") == std::vector<std::int64_t>{2});
  CHECK(find(fx, "bjorn tilbud").empty());
  CHECK(fx.count("contact_search") == 2);
  store::sqlite::undo(fx.db(), 2, "undo");
  CHECK(fx.count("contact_search") == 0);
  CHECK(find(fx, "faktura").empty());
  CHECK(fx.consistent());
}

TEST_CASE("bulk: pending search entries follow edits, undo and new keys") {
  Fixture fx;
  fx.import("customer", kCustomers);  // entry 1: customers 1-3, their entries pending
  {
    // A single write indexes what it changes at once; the pending range makes it again later.
    Change change(fx.db(), "customer edit");
    store::sqlite::CustomerRepo repo(fx.db());
    auto c = *repo.by_id(2);
    c.name = "Åse Li";
    repo.update(c);
    change.commit("1 customer updated");
  }
  CHECK(fx.count("customer_search") == 1);
  CHECK(fx.consistent());
  CHECK(find(fx, "nilsen").empty());
  CHECK(find(fx, "li") == std::vector<std::int64_t>{2});
  CHECK(fx.count("search_pending") == 0);

  fx.import("customer", "number,name\nK4,Gro Moen\nK3,Ola Dahlstrøm\n");  // entry 3: new key 4, K3 updated
  CHECK(fx.scalar("SELECT count(*) FROM search_pending") == 2);
  store::sqlite::undo(fx.db(), 3, "undo 3");  // the rows go before their entries are made
  CHECK(fx.consistent());
  fx.import("customer", "number,name\nK5,Liv Moe\n");  // key 5: key 4 is never given again
  CHECK(find(fx, "gro").empty());
  CHECK(find(fx, "dahlstrom").empty());
  CHECK(find(fx, "liv") == std::vector<std::int64_t>{5});
  CHECK(fx.count("customer_search") == 4);
  CHECK(fx.consistent());

  // Customers an import changed are listed by runs of consecutive ids.
  fx.import("customer", "number,city\nK1,Alta\nK2,Vadsø\nK5,Bodø\n");
  CHECK(fx.scalar("SELECT count(*) FROM search_pending WHERE lo = 1 AND hi = 2") == 1);
  CHECK(fx.scalar("SELECT count(*) FROM search_pending WHERE lo = 5 AND hi = 5") == 1);
  CHECK(find(fx, "vadso") == std::vector<std::int64_t>{2});
  CHECK(fx.consistent());
}

TEST_CASE("bulk: a rolled back import (--dry-run, --strict) leaves the triggers in place") {
  Fixture fx;
  auto triggers = [&] { return fx.scalar("SELECT count(*) FROM sqlite_temp_master WHERE type = 'trigger'"); };
  auto before = triggers();
  {
    Change change(fx.db(), "customer import --dry-run");
    change.begin_bulk();
    CHECK(triggers() == 0);
    change.rollback();
  }
  CHECK(triggers() == before);
  {
    Change change(fx.db(), "customer import --strict");
    change.begin_bulk();
  }  // an exception unwinding: the transaction rolls back
  CHECK(triggers() == before);
}

TEST_CASE("bulk: an erased customer stays erased when the import that added them is undone and redone") {
  Fixture fx;
  fx.import("customer", kCustomers);
  {
    Change change(fx.db(), "customer forget #2", false);
    store::sqlite::scrub_history_for_customer(fx.db(), 2);
    store::sqlite::CustomerRepo(fx.db()).erase(2);
    change.commit("1 customer erased");
  }
  store::sqlite::undo(fx.db(), 1, "undo 1");  // entry 3
  CHECK(fx.count("customers") == 0);
  store::sqlite::undo(fx.db(), 3, "undo 3");
  CHECK(fx.count("customers") == 2);
  CHECK(fx.scalar("SELECT count(*) FROM customers WHERE id = 2") == 0);
  CHECK(fx.consistent());
}

TEST_CASE("bulk: a later import is not given the key of an erased customer") {
  Fixture fx;
  fx.import("customer", kCustomers);  // customers 1-3
  {
    Change change(fx.db(), "customer forget #3", false);
    store::sqlite::CustomerRepo(fx.db()).erase(3);
    change.commit("1 customer erased");
  }
  fx.import("customer", "number,name\nK9,Nils\nK10,Siri\n");
  CHECK(fx.scalar("SELECT id FROM customers WHERE number = 'K9'") == 4);
  CHECK(fx.scalar("SELECT id FROM customers WHERE number = 'K10'") == 5);
  CHECK(fx.undo_error(1) == "(no error)");
  CHECK(fx.consistent());
}

TEST_CASE("bulk: undo refuses when a later import was given a key the import had used") {
  Fixture fx;
  fx.import("customer", kCustomers);  // customers 1-3
  {
    Change change(fx.db(), "customer forget #3", false);
    store::sqlite::CustomerRepo(fx.db()).erase(3);
    change.commit("1 customer erased");
  }
  // A database that did not keep how high ids went (written before kunde kept it).
  fx.db().exec("DELETE FROM meta WHERE key = 'customer_id_high'");
  fx.import("customer", "number,name\nK9,Nils\n");  // entry 3: key 3 again
  CHECK(fx.scalar("SELECT id FROM customers WHERE number = 'K9'") == 3);
  CHECK(fx.undo_error(1) ==
        "cannot undo entry 1 (customer import): entry 3 (customer import) was given keys of rows it created");
  CHECK(fx.count("customers") == 3);
}

TEST_CASE("bulk: a large import into a small table builds its indexes once, at the end") {
  Fixture fx;
  auto indexes = [&](const std::string& table) {
    return fx.scalar("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = '" +
                     table + "'");
  };
  const auto customer_indexes = indexes("customers"), tag_indexes = indexes("customer_tags");
  REQUIRE(customer_indexes == 2);  // email, phone
  const std::int64_t n = store::sqlite::DeferredIndexes::kMinRows + 500;
  {
    Change change(fx.db(), "test");
    change.begin_bulk();
    change.defer_indexes(store::sqlite::NewRow::customers);
    store::sqlite::CustomerRepo repo(fx.db());
    for (std::int64_t i = 1; i <= n; ++i) {
      model::Customer c;
      c.number = fmt::format("K{}", i);
      c.name = "x";
      c.email = c.email_key = fmt::format("x{}@example.no", n - i);
      if (i % 3 == 0) c.tags = {"vip"};
      change.insert_new(store::sqlite::NewRow::customers, [&] { return repo.insert(c); });
      CHECK(indexes("customers") == (i < store::sqlite::DeferredIndexes::kMinRows ? customer_indexes : 0));
      if (i < n) continue;
      CHECK(indexes("customer_tags") == 0);
      // A lookup by email in the middle of the write builds its index again by itself.
      CHECK(repo.id_by_email("x0@example.no") == n);
      CHECK(indexes("customers") == customer_indexes);
    }
    change.commit("added");
  }
  CHECK(indexes("customers") == customer_indexes);
  CHECK(indexes("customer_tags") == tag_indexes);
  CHECK(fx.scalar("PRAGMA integrity_check") == 0);  // "ok" reads as 0
  CHECK(fx.consistent());

  // A write that inserts fewer rows than the table holds keeps its indexes; one that rolls
  // back leaves them as they were.
  {
    Change change(fx.db(), "test");
    change.begin_bulk();
    change.defer_indexes(store::sqlite::NewRow::customers);
    store::sqlite::CustomerRepo repo(fx.db());
    for (std::int64_t i = 1; i < n; ++i) {
      model::Customer c;
      c.number = fmt::format("L{}", i);
      c.name = "y";
      change.insert_new(store::sqlite::NewRow::customers, [&] { return repo.insert(c); });
    }
    CHECK(indexes("customers") == customer_indexes);
    for (std::int64_t i = 1; i <= n; ++i) {
      model::Customer c;
      c.number = fmt::format("M{}", i);
      c.name = "z";
      change.insert_new(store::sqlite::NewRow::customers, [&] { return repo.insert(c); });
    }
    CHECK(indexes("customers") == 0);  // now as many as the table held
    change.rollback();
  }
  CHECK(indexes("customers") == customer_indexes);
  CHECK(indexes("customer_tags") == tag_indexes);
  CHECK(fx.count("customers") == n);
  CHECK(fx.scalar("PRAGMA integrity_check") == 0);
}

TEST_CASE("bulk: an import that defers the email index still matches rows without a number by email") {
  Fixture fx;
  std::string csv = "number,name,email\n";
  for (int i = 1; i <= 12000; ++i) csv += fmt::format("K{},Kari {},kari{}@example.no\n", i, i, i);
  csv += ",Kari Again,KARI11999@example.no\n";  // no number: matched by email, after the deferral
  auto counts = fx.import("customer", csv);
  CHECK(counts.inserted == 12000);
  CHECK(counts.updated == 1);
  CHECK(fx.scalar("SELECT count(*) FROM customers WHERE name = 'Kari Again'") == 1);
  CHECK(fx.scalar("SELECT id FROM customers WHERE name = 'Kari Again' AND number = 'K11999'") == 11999);
  CHECK(fx.consistent());
}

TEST_CASE("bulk: an import write that dropped its indexes builds them again for a lookup, and at commit") {
  Fixture fx;
  fx.import("customer", "number,name,email\nK0,Kari,kari@example.no\n");
  auto index_names = [&] {
    std::vector<std::string> names;
    store::sqlite::Statement st(fx.db(), "SELECT name FROM sqlite_schema WHERE type = 'index' ORDER BY name");
    while (st.step()) names.push_back(st.get_text(0));
    return names;
  };
  const auto before = index_names();
  REQUIRE(std::find(before.begin(), before.end(), "customers_email_key") != before.end());
  const std::int64_t n = store::sqlite::DeferredIndexes::kMinRows + 100;
  {
    auto write = fx.store().begin_import("customer import big.csv");
    write->expect_many(store::Table::customers);
    auto add = [&](std::int64_t i) {
      model::Customer c;
      c.number = fmt::format("K{}", i);
      c.name = fmt::format("Kunde {}", i);
      c.email = c.email_key = fmt::format("k{}@example.no", i);
      c.phone = c.phone_e164 = fmt::format("+4790{:06}", i);
      return write->add_customer(c);
    };
    for (std::int64_t i = 1; i <= n; ++i) add(i);
    auto during = index_names();
    CHECK(std::find(during.begin(), during.end(), "customers_email_key") == during.end());
    CHECK(during.size() < before.size());
    // Reads through the store's repositories see the rows written so far.
    CHECK(fx.store().customers().id_by_email("k5000@example.no") == std::optional<std::int64_t>(5001));
    CHECK(fx.store().customers().id_by_email("kari@example.no") == std::optional<std::int64_t>(1));
    CHECK(index_names() == before);
    CHECK(fx.store().customers().ids_by_phone("+4790000007") == std::vector<std::int64_t>{8});
    add(n + 1);
    CHECK(write->commit("10101 inserted") == 2);
  }
  CHECK(index_names() == before);
  CHECK(fx.store().customers().id_by_email(fmt::format("k{}@example.no", n + 1)) == std::optional<std::int64_t>(n + 2));
  CHECK(fx.scalar("PRAGMA integrity_check") == 0);  // "ok" reads as 0
  CHECK(fx.consistent());

  // Rolled back, the import leaves the indexes as they were.
  {
    auto write = fx.store().begin_import("customer import --dry-run big.csv");
    write->expect_many(store::Table::customers);
    for (std::int64_t i = 1; i <= 2 * n; ++i) {
      model::Customer c;
      c.number = fmt::format("M{}", i);
      c.name = "M";
      write->add_customer(c);
    }
    CHECK(index_names() != before);
    write->rollback();
  }
  CHECK(index_names() == before);
  CHECK(fx.count("customers") == n + 2);
}
