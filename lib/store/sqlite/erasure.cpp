// Erasure that always completes (erasure.hpp).
#include "store/sqlite/erasure.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "error.hpp"
#include "store/sqlite/change.hpp"
#include "store/sqlite/customer_repo.hpp"
#include "store/sqlite/fts_segments.hpp"
#include "store/sqlite/history.hpp"

namespace kunde::store::sqlite {
namespace {

// SQLite overwrites deleted content with zeros while this lives, instead of leaving it in
// the free space of pages and in free pages.
class SecureDelete {
 public:
  explicit SecureDelete(Database& db) : db_(db) { db_.exec("PRAGMA secure_delete = ON"); }
  ~SecureDelete() {
    try {
      db_.exec("PRAGMA secure_delete = OFF");
    } catch (...) {
      // The connection ends with the command.
    }
  }
  SecureDelete(const SecureDelete&) = delete;
  SecureDelete& operator=(const SecureDelete&) = delete;

 private:
  Database& db_;
};

// Rewrites each search index as one segment of the rows it holds now: the entries of
// deleted rows, which the older segments kept, are gone from it.
void merge_search_indexes(Database& db) {
  db.exec("INSERT INTO customer_search(customer_search) VALUES ('optimize')");
  db.exec("INSERT INTO contact_search(contact_search) VALUES ('optimize')");
}

// Keys as ranges of consecutive ones.
std::vector<std::pair<std::int64_t, std::int64_t>> ranges_of(const std::vector<std::int64_t>& keys) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  for (std::int64_t k : keys) {
    if (!out.empty() && out.back().second + 1 == k) {
      out.back().second = k;
    } else {
      out.emplace_back(k, k);
    }
  }
  return out;
}

bool in_memory(Database& db) { return db.path() == ":memory:"; }

}  // namespace

Erasure erase_customer(Database& db, std::int64_t customer_id, const std::string& command) {
  {
    SecureDelete secure(db);
    // Recorded without a changeset: history must not keep what the erasure removed.
    Change change(db, command, false);
    std::vector<std::int64_t> contacts;
    {
      Statement st(db, "SELECT id FROM contacts WHERE customer_id = ? ORDER BY id");
      st.bind(1, customer_id);
      while (st.step()) contacts.push_back(st.get_int(0));
    }
    scrub_history_for_customer(db, customer_id);
    CustomerRepo(db).erase(customer_id);
    change.commit("1 customer erased", [&](std::int64_t entry) {
      // The search entries are deleted by now (the commit refreshed them); the merge takes
      // their words out of the older segments, in this same transaction, so no commit
      // leaves them behind however the command ends.
      merge_search_indexes(db);
      auto& note = db.prepare("INSERT INTO erased_keys(history_id, tbl, lo, hi) VALUES (?, ?, ?, ?)");
      note.bind(1, entry).bind(2, "customers").bind(3, customer_id).bind(4, customer_id).run();
      for (auto [lo, hi] : ranges_of(contacts)) note.bind(1, entry).bind(2, "contacts").bind(3, lo).bind(4, hi).run();
      db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('erasure_pending', ?)")
          .bind(1, std::to_string(entry))
          .run();
    });
  }
  return Erasure{finish_erasure(db, true)};
}

bool erasure_pending(Database& db) {
  auto& st = db.prepare("SELECT EXISTS (SELECT 1 FROM meta WHERE key = 'erasure_pending')");
  bool pending = st.step() && st.get_int(0) != 0;
  st.reset();
  return pending;
}

bool finish_erasure(Database& db, bool wait) {
  if (in_memory(db)) {
    db.exec("DELETE FROM meta WHERE key = 'erasure_pending'");
    return true;
  }
  if (!wait) sqlite3_busy_timeout(db.handle(), 0);
  auto checkpoint = [&] {
    // TRUNCATE waits (through the busy handler) until no reader uses the log, copies every
    // page into the file and empties the log.
    int log = 0, copied = 0;
    int rc = sqlite3_wal_checkpoint_v2(db.handle(), "main", SQLITE_CHECKPOINT_TRUNCATE, &log, &copied);
    if ((rc & 0xFF) == SQLITE_BUSY || (rc & 0xFF) == SQLITE_LOCKED) return false;
    if (rc != SQLITE_OK) db.fail(rc, "writing the erasure into the database file");
    return log <= 0 || log == copied;
  };
  bool done = checkpoint();
  if (done) {
    db.exec("DELETE FROM meta WHERE key = 'erasure_pending'");
    checkpoint();  // the log is left empty again: it held only that
  }
  if (!wait) sqlite3_busy_timeout(db.handle(), 5000);
  return done;
}

std::vector<Problem> check_erasures(Database& db, bool fix) {
  std::vector<Problem> problems;
  if (erasure_pending(db) && !(fix && finish_erasure(db, true))) {
    problems.push_back({"erasure", "an erasure has not finished: another program reading the database keeps old "
                                   "copies of the erased data in the file or its log until it closes"});
  }
  // Words of erased rows the search indexes still hold, by erasure.
  std::map<std::int64_t, std::int64_t> left;  // history entry -> entries of its rows
  for (auto [fts, tbl] : {std::pair{"customer_search", "customers"}, std::pair{"contact_search", "contacts"}}) {
    std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t>> erased;  // lo, hi, entry
    {
      Statement st(db, "SELECT lo, hi, history_id FROM erased_keys WHERE tbl = ? ORDER BY lo");
      st.bind(1, tbl);
      while (st.step()) erased.emplace_back(st.get_int(0), st.get_int(1), st.get_int(2));
    }
    if (erased.empty()) continue;
    // A row given its key again since is a new row: only keys no row holds now count.
    Statement live(db, fmt::format("SELECT 1 FROM {} WHERE id = ?", tbl));
    for_each_index_entry(db, fts, [&](std::int64_t rowid, std::string_view) {
      auto it = std::upper_bound(erased.begin(), erased.end(), rowid,
                                 [](std::int64_t r, const auto& e) { return r < std::get<0>(e); });
      if (it == erased.begin()) return;
      --it;
      if (rowid > std::get<1>(*it)) return;
      live.bind(1, rowid);
      bool alive = live.step();
      live.reset();
      if (!alive) ++left[std::get<2>(*it)];
    });
  }
  if (!left.empty() && fix) {
    SecureDelete secure(db);
    Transaction tx(db, Transaction::Kind::write);
    merge_search_indexes(db);
    tx.commit();
    finish_erasure(db, true);
  }
  for (auto [entry, n] : left) {
    problems.push_back({"search index", fmt::format("{} words of a customer erased in history entry {} are still in "
                                                    "the search index",
                                                    n, entry)});
  }
  return problems;
}

}  // namespace kunde::store::sqlite
