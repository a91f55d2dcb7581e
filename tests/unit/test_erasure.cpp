// The right to erasure on SQLite, byte for byte: after `customer forget` no byte of the
// person is left in the database file or its log, history keeps nothing that names them,
// their id is never given again, a reader holding old pages is waited for or reported, and
// kunde doctor finds words of an erased person left in a search index.
#include <doctest/doctest.h>

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "crm/session.hpp"
#include "helpers.hpp"
#include "model/customer.hpp"
#include "store/sqlite/change.hpp"
#include "store/sqlite/customer_repo.hpp"
#include "store/sqlite/erasure.hpp"
#include "store/sqlite/fts_segments.hpp"
#include "store/sqlite/history.hpp"
#include "store/sqlite/maintenance.hpp"
#include "store/sqlite/personal_data.hpp"
#include "store/sqlite/sqlite_store.hpp"

using namespace kunde;
using kunde::store::sqlite::Change;
using kunde::store::sqlite::CustomerRepo;
using kunde::store::sqlite::Database;
using kunde::store::sqlite::SqliteStore;
using kunde::test::scalar;

namespace {

// Words that occur nowhere else, each in one of the places a person's data goes.
const std::vector<std::string> kTraces = {
    "zqxvornplim",      // name
    "hovdetakrum",      // name, edited away later (history's before-image)
    "vrommelstad",      // city
    "plimtak.example",  // email domain
    "kvistorpgata",     // street
    "PAYREF-ZQXV",      // payment reference
    "ORD-ZQXV",         // order number
    "bluttervoss",      // contact notes
    "+4799887766",      // phone
};

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The traces found in the database file and its log.
std::vector<std::string> traces_in(const std::string& path) {
  std::string bytes = file_bytes(path) + file_bytes(path + "-wal");
  std::vector<std::string> found;
  for (const auto& t : kTraces) {
    if (bytes.find(t) != std::string::npos) found.push_back(t);
  }
  return found;
}

model::Customer person(const std::string& number, const std::string& name) {
  model::Customer c;
  c.number = number;
  c.name = name;
  c.country = "NO";
  model::ParseContext pc;
  pc.region = "NO";
  model::normalise(c, pc);
  return c;
}

// The person and someone else, with everything that can name the person: an edit (history
// keeps the name before it), an order, a payment whose summary names number and
// reference, a contact; and a search, so the index holds their words.
struct Seeded {
  std::int64_t person = 0, other = 0;
};

Seeded seed(Database& db) {
  Seeded s;
  CustomerRepo repo(db);
  {
    Change ch(db, "customer add");
    auto c = person("K-7", "Hovdetakrum Zqxvornplim");
    c.city = "Vrommelstad";
    c.email = "zq@plimtak.example";
    c.street = "Kvistorpgata 9";
    c.phone = "99887766";
    model::ParseContext pc;
    pc.region = "NO";
    model::normalise(c, pc);
    s.person = repo.insert(c);
    s.other = repo.insert(person("K-8", "Ola Hansen"));
    ch.commit("2 added");
  }
  {
    Change ch(db, "customer edit K-7 --name 'Zqxvornplim'");
    auto c = *repo.by_id(s.person);
    c.name = "Zqxvornplim Zqxvornplim";
    repo.update(c);
    ch.commit("updated customer K-7");
  }
  {
    Change ch(db, "order add");
    db.prepare("INSERT INTO orders(number, customer_id, ordered_at) VALUES ('ORD-ZQXV', ?, '2026-01-02')")
        .bind(1, s.person)
        .run();
    db.prepare("INSERT INTO order_lines(order_id, line, quantity, unit_price, amount) VALUES (?, 1, 1, 500, 500)")
        .bind(1, db.last_insert_rowid())
        .run();
    ch.commit("order ORD-ZQXV for K-7");
  }
  {
    Change ch(db, "order pay K-7 5.00 --reference PAYREF-ZQXV");
    db.prepare("INSERT INTO payments(reference, customer_id, paid_at, amount) VALUES ('PAYREF-ZQXV', ?, '2026-01-03', 500)")
        .bind(1, s.person)
        .run();
    ch.commit("paid 5.00 by K-7, reference PAYREF-ZQXV");
  }
  {
    Change ch(db, "contact log K-7");
    db.prepare("INSERT INTO contacts(customer_id, at, channel, direction, notes) VALUES (?, '2026-01-04', 'phone', 'in', "
               "'lives by Bluttervoss')")
        .bind(1, s.person)
        .run();
    ch.commit("logged contact for K-7");
  }
  store::CustomerFilter f;
  f.search = "zqxvornplim";
  std::vector<std::int64_t> found;
  repo.list(f, [&](const model::Customer& c) { found.push_back(c.id); });
  REQUIRE(found == std::vector<std::int64_t>{s.person});
  return s;
}

struct FileStore {
  test::TempDir dir;
  std::string path = dir.file("k.db");
  std::unique_ptr<SqliteStore> store;
  FileStore() {
    store::sqlite::init_database(path, 2, "NOK");
    open();
  }
  void open() { store = std::make_unique<SqliteStore>(path, crm::Session::rules()); }
  Database& db() { return store->db(); }
};

// Entries of the index `fts` that name row `rowid`.
int index_entries(Database& db, const char* fts, std::int64_t rowid) {
  int n = 0;
  store::sqlite::for_each_index_entry(db, fts, [&](std::int64_t r, std::string_view) { n += r == rowid; });
  return n;
}

}  // namespace

TEST_CASE("erasure: no byte of the person is left in the database file or its log") {
  FileStore fs;
  auto s = seed(fs.db());
  REQUIRE_FALSE(traces_in(fs.path).empty());
  auto erasure = store::sqlite::erase_customer(fs.db(), s.person, "customer forget #1");
  CHECK(erasure.complete);
  CHECK(traces_in(fs.path).empty());
  CHECK(CustomerRepo(fs.db()).by_id(s.other));
  CHECK(store::sqlite::check_database(fs.db(), false).empty());
  fs.store.reset();  // closing checkpoints too: still nothing
  CHECK(traces_in(fs.path).empty());
}

TEST_CASE("erasure: the commit itself leaves no word in the search index and no name in history") {
  FileStore fs;
  auto& db = fs.db();
  auto s = seed(db);
  CHECK(index_entries(db, "customer_search", s.person) > 0);
  std::int64_t contact = scalar(db, "SELECT id FROM contacts WHERE customer_id = 1");
  CHECK(index_entries(db, "contact_search", contact) > 0);
  // A reader that started before holds old pages: the erasure's commit is all there is
  // until it ends, and that commit must hold nothing of the person.
  sqlite3* reader = nullptr;
  REQUIRE(sqlite3_open(fs.path.c_str(), &reader) == SQLITE_OK);
  REQUIRE(sqlite3_exec(reader, "BEGIN; SELECT count(*) FROM customers;", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_busy_timeout(db.handle(), 100);
  auto erasure = store::sqlite::erase_customer(db, s.person, "customer forget #1");
  CHECK_FALSE(erasure.complete);
  CHECK(store::sqlite::erasure_pending(db));
  CHECK(index_entries(db, "customer_search", s.person) == 0);
  CHECK(index_entries(db, "contact_search", contact) == 0);
  CHECK(scalar(db, "SELECT count(*) FROM history WHERE command || summary LIKE '%K-7%' OR command || summary LIKE "
                   "'%ZQXV%' OR command || summary LIKE '%zqxvornplim%'") == 0);
  CHECK(scalar(db, "SELECT count(*) FROM history WHERE summary = 'scrubbed by an erasure'") == 5);
  // doctor reports the erasure as not finished while the reader stays.
  auto problems = store::sqlite::check_database(db, false);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].check == "erasure");
  sqlite3_exec(reader, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(reader);
  // The next command to open the database finishes the erasure.
  fs.open();
  CHECK_FALSE(store::sqlite::erasure_pending(fs.db()));
  CHECK(traces_in(fs.path).empty());
  CHECK(store::sqlite::check_database(fs.db(), false).empty());
}

TEST_CASE("erasure: a reader that finishes soon is waited for") {
  FileStore fs;
  auto s = seed(fs.db());
  sqlite3* reader = nullptr;
  REQUIRE(sqlite3_open(fs.path.c_str(), &reader) == SQLITE_OK);
  REQUIRE(sqlite3_exec(reader, "BEGIN; SELECT count(*) FROM customers;", nullptr, nullptr, nullptr) == SQLITE_OK);
  std::thread done([reader] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    sqlite3_exec(reader, "COMMIT", nullptr, nullptr, nullptr);
  });
  auto erasure = store::sqlite::erase_customer(fs.db(), s.person, "customer forget #1");
  done.join();
  sqlite3_close(reader);
  CHECK(erasure.complete);
  CHECK(traces_in(fs.path).empty());
}

TEST_CASE("erasure: ids are never given again") {
  FileStore fs;
  auto& db = fs.db();
  auto s = seed(db);
  CustomerRepo repo(db);
  // The person has the lower id; the other customer is the highest and goes first.
  store::sqlite::erase_customer(db, s.other, "customer forget #2");
  std::int64_t next = 0;
  {
    Change ch(db, "customer add");
    next = repo.insert(person("K-9", "Nils"));
    ch.commit("1 added");
  }
  CHECK(next == s.other + 1);
  {
    Change ch(db, "customer rm K-9");
    db.prepare("DELETE FROM customers WHERE id = ?").bind(1, next).run();
    ch.commit("1 removed");
  }
  {
    Change ch(db, "customer add");
    CHECK(repo.insert(person("K-10", "Siri")) == next + 1);
    ch.commit("1 added");
  }
  // Undo of an add takes the row back; its id stays used.
  store::sqlite::undo(db, std::nullopt, "undo");
  {
    Change ch(db, "customer add");
    CHECK(repo.insert(person("K-11", "Per")) == next + 2);
    ch.commit("1 added");
  }
  // An insert that inserts nothing leaves the id for the next.
  {
    Change ch(db, "customer forget #1");
    repo.erase(next + 2);
    ch.commit("1 erased");
  }
  {
    Change ch(db, "customer import");
    CHECK(repo.insert_if_new(person("K-1", "Again")) == next + 3);
    CHECK(repo.insert_if_new(person("K-1", "Again")) == 0);
    CHECK(repo.insert_if_new(person("K-12", "Eva")) == next + 4);
    ch.commit("2 added");
  }
}

TEST_CASE("erasure: export-one holds what history holds on the person") {
  FileStore fs;
  auto& db = fs.db();
  auto s = seed(db);
  auto doc = store::sqlite::personal_data(db, s.person);
  REQUIRE(doc["history"].is_array());
  std::vector<std::string> commands;
  for (const auto& e : doc["history"]) commands.push_back(e["command"]);
  CHECK(commands == std::vector<std::string>{"customer add", "customer edit K-7 --name 'Zqxvornplim'", "order add",
                                             "order pay K-7 5.00 --reference PAYREF-ZQXV", "contact log K-7"});
  const auto& edit = doc["history"][1]["changes"][0];
  CHECK(edit["table"] == "customers");
  CHECK(edit["change"] == "changed");
  CHECK(edit["before"]["name"] == "Hovdetakrum Zqxvornplim");
  CHECK(edit["after"]["name"] == "Zqxvornplim Zqxvornplim");
  // The other customer's export holds only their own part of the entry they share.
  auto other = store::sqlite::personal_data(db, s.other);
  REQUIRE(other["history"].size() == 1);
  CHECK(other["history"][0]["changes"].size() == 1);
  CHECK(other["history"][0]["changes"][0]["after"]["name"] == "Ola Hansen");
  CHECK(other.dump().find("Zqxvornplim") == std::string::npos);
}

TEST_CASE("erasure: doctor finds words of an erased person left in the search index") {
  FileStore fs;
  auto& db = fs.db();
  auto s = seed(db);
  // What an erasure cut short between its commit and the merge of the indexes left: the
  // search entries deleted, their words still in the older segments.
  {
    Change ch(db, "customer forget #1", false);
    store::sqlite::scrub_history_for_customer(db, s.person);
    CustomerRepo(db).erase(s.person);
    ch.commit("1 customer erased", [&](std::int64_t entry) {
      db.prepare("INSERT INTO erased_keys(history_id, tbl, lo, hi) VALUES (?, 'customers', ?, ?)")
          .bind(1, entry)
          .bind(2, s.person)
          .bind(3, s.person)
          .run();
    });
  }
  CHECK(index_entries(db, "customer_search", s.person) > 0);
  auto problems = store::sqlite::check_database(db, false);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].check == "search index");
  CHECK(problems[0].detail.find("of a customer erased in history entry 6 are still in the search index") !=
        std::string::npos);
  store::sqlite::check_database(db, true);
  CHECK(index_entries(db, "customer_search", s.person) == 0);
  CHECK(store::sqlite::check_database(db, false).empty());
}

TEST_CASE("fts segments: entries of deleted rows stay until a merge") {
  auto db = std::make_unique<Database>(":memory:", store::sqlite::OpenMode::create);
  db->exec("CREATE VIRTUAL TABLE s USING fts5(name, tokenize = 'unicode61 remove_diacritics 2', columnsize = 0)");
  db->exec("INSERT INTO s(rowid, name) VALUES (1, 'anna oslo'), (2, 'zqxv bergen')");
  db->exec("INSERT INTO s(rowid, name) VALUES (3, 'per oslo')");
  std::vector<std::pair<std::int64_t, std::string>> got;
  auto read = [&] {
    got.clear();
    store::sqlite::for_each_index_entry(*db, "s", [&](std::int64_t r, std::string_view t) { got.emplace_back(r, t); });
    std::sort(got.begin(), got.end());
  };
  read();
  CHECK(got == std::vector<std::pair<std::int64_t, std::string>>{
                   {1, "anna"}, {1, "oslo"}, {2, "bergen"}, {2, "zqxv"}, {3, "oslo"}, {3, "per"}});
  db->exec("DELETE FROM s WHERE rowid = 2");
  read();
  CHECK(std::count_if(got.begin(), got.end(), [](const auto& e) { return e.first == 2; }) == 2);
  db->exec("INSERT INTO s(s) VALUES ('optimize')");
  read();
  CHECK(std::count_if(got.begin(), got.end(), [](const auto& e) { return e.first == 2; }) == 0);
  // Many rows: doclists and terms run over several pages.
  for (int i = 10; i < 3000; ++i) {
    db->exec("INSERT INTO s(rowid, name) VALUES (" + std::to_string(i) + ", 'common word" + std::to_string(i % 50) + "')");
  }
  db->exec("INSERT INTO s(s) VALUES ('optimize')");
  read();
  // Each row has its two entries; those that continue "common" on a later page come without
  // their term (the page holds only the row ids).
  CHECK(std::count_if(got.begin(), got.end(), [](const auto& e) { return e.first >= 10; }) == 2 * 2990);
  auto common = std::count_if(got.begin(), got.end(), [](const auto& e) { return e.second == "common"; });
  auto continued = std::count_if(got.begin(), got.end(), [](const auto& e) { return e.second.empty(); });
  CHECK(common > 0);
  CHECK(common <= 2990);
  CHECK(common + continued >= 2990);
  int sevens = 0;
  for (int i = 10; i < 3000; ++i) sevens += i % 50 == 7;
  CHECK(std::count_if(got.begin(), got.end(), [](const auto& e) { return e.second == "word7"; }) == sevens);
}
