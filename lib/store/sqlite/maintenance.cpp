// Backup, doctor and the sql command.
#include "store/sqlite/maintenance.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "error.hpp"
#include "store/query_errors.hpp"
#include "store/sqlite/change.hpp"
#include "store/sqlite/erasure.hpp"
#include "store/sqlite/order_facts.hpp"
#include "store/sqlite/search.hpp"

namespace kunde::store::sqlite {

void backup_database(Database& db, const std::string& path) {
  if (std::filesystem::exists(path)) {
    throw Error(fmt::format("{} exists already", path), "backup never overwrites; choose a new file name");
  }
  sqlite3* dest = nullptr;
  if (sqlite3_open(path.c_str(), &dest) != SQLITE_OK) {
    std::string why = sqlite3_errmsg(dest);
    sqlite3_close(dest);
    throw Error(fmt::format("cannot create {}: {}", path, why), "check the path");
  }
  sqlite3_backup* b = sqlite3_backup_init(dest, "main", db.handle(), "main");
  int rc = b ? sqlite3_backup_step(b, -1) : sqlite3_errcode(dest);
  if (b) sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) {
    std::string why = sqlite3_errmsg(dest);
    sqlite3_close(dest);
    std::filesystem::remove(path);
    throw Error(fmt::format("backup to {} failed: {}", path, why), "check free space and try again");
  }
  sqlite3_close(dest);
}

std::vector<Problem> check_database(Database& db, bool fix) {
  std::vector<Problem> problems;
  {
    Statement st(db, "PRAGMA integrity_check");
    while (st.step()) {
      std::string r = st.get_text(0);
      if (r != "ok") problems.push_back({"integrity", r});
    }
  }
  {
    Statement st(db, "PRAGMA foreign_key_check");
    while (st.step()) {
      problems.push_back({"foreign keys", fmt::format("{} row {} refers to a missing {} row", st.get_text(0),
                                                      st.get_text(1), st.get_text(2))});
    }
  }
  // Derived data: recompute everything in a transaction that is rolled back, and compare.
  std::vector<Problem> derived;
  {
    Transaction tx(db, Transaction::Kind::write);
    apply_pending_search(db);  // entries left for the next search are not missing
    apply_pending_order_facts(db);  // nor rows left for the next report
    db.exec("CREATE TEMP TABLE old_order_stats AS SELECT * FROM customer_order_stats");
    db.exec("CREATE TEMP TABLE old_order_facts AS SELECT * FROM order_facts");
    db.exec("CREATE TEMP TABLE old_contact_stats AS SELECT * FROM customer_contact_stats");
    db.exec("CREATE TEMP TABLE old_search AS SELECT rowid AS id, name, email, phone, city, notes, contact_person, attributes "
            "FROM customer_search");
    db.exec("CREATE TEMP TABLE old_contact_search AS SELECT rowid AS id, subject, notes FROM contact_search");
    rebuild_derived(db);
    apply_pending_order_facts(db);
    struct Check {
      const char* what;
      const char* now;    // the recomputed rows, key first and named id
      const char* saved;  // the rows as they were, the same columns
    };
    const Check checks[] = {
        {"order statistics", "SELECT customer_id AS id, * FROM customer_order_stats",
         "SELECT customer_id AS id, * FROM temp.old_order_stats"},
        {"order facts", "SELECT order_id AS id, * FROM order_facts", "SELECT order_id AS id, * FROM temp.old_order_facts"},
        {"contact statistics", "SELECT customer_id AS id, * FROM customer_contact_stats",
         "SELECT customer_id AS id, * FROM temp.old_contact_stats"},
        {"search index", "SELECT rowid AS id, name, email, phone, city, notes, contact_person, attributes FROM customer_search",
         "SELECT * FROM temp.old_search"},
        {"contact search index", "SELECT rowid AS id, subject, notes FROM contact_search",
         "SELECT * FROM temp.old_contact_search"},
    };
    for (const auto& c : checks) {
      // Rows missing on either side, or different: each direction apart, since SQLite reads
      // A EXCEPT B UNION ALL B EXCEPT A left to right, which leaves out A's extra rows.
      Statement st(db, fmt::format("SELECT count(DISTINCT id) FROM (SELECT id FROM ({0} EXCEPT {1}) "
                                   "UNION ALL SELECT id FROM ({1} EXCEPT {0}))",
                                   c.now, c.saved));
      st.step();
      if (auto n = st.get_int(0); n > 0) {
        derived.push_back({c.what, fmt::format("{} rows differ from a full recomputation", n)});
      }
    }
    db.exec("DROP TABLE temp.old_order_stats; DROP TABLE temp.old_order_facts; DROP TABLE temp.old_contact_stats; DROP TABLE temp.old_search; "
            "DROP TABLE temp.old_contact_search");
    if (fix && !derived.empty()) {
      tx.commit();
    } else {
      tx.rollback();
    }
  }
  problems.insert(problems.end(), derived.begin(), derived.end());
  auto erasures = check_erasures(db, fix);
  problems.insert(problems.end(), erasures.begin(), erasures.end());
  return problems;
}

namespace {

// While a query runs: read-only, and within its limits. Everything is put back when it ends.
class QueryGuard {
 public:
  QueryGuard(Database& db, const QueryLimits& limits) : db_(db) {
    db_.exec("PRAGMA query_only = 1");
    if (limits.time.count() > 0) {
      deadline_ = std::chrono::steady_clock::now() + limits.time;
      // Called every few thousand virtual machine steps: an endless recursive query stops.
      sqlite3_progress_handler(db_.handle(), 10000, &QueryGuard::progress, this);
    }
    if (limits.memory_bytes > 0) {
      heap_before_ = sqlite3_hard_heap_limit64(limits.memory_bytes);
      heap_set_ = true;
      // One value may not take more than the whole budget either.
      length_before_ = sqlite3_limit(db_.handle(), SQLITE_LIMIT_LENGTH,
                                     static_cast<int>(std::min<std::int64_t>(limits.memory_bytes, 1'000'000'000)));
    }
  }
  ~QueryGuard() {
    sqlite3_progress_handler(db_.handle(), 0, nullptr, nullptr);
    if (heap_set_) {
      sqlite3_hard_heap_limit64(heap_before_);
      sqlite3_limit(db_.handle(), SQLITE_LIMIT_LENGTH, length_before_);
    }
    try {
      db_.exec("PRAGMA query_only = 0");
    } catch (...) {
      // The connection ends with the command.
    }
  }
  QueryGuard(const QueryGuard&) = delete;
  QueryGuard& operator=(const QueryGuard&) = delete;
  bool timed_out() const { return timed_out_; }

 private:
  static int progress(void* self) {
    auto* guard = static_cast<QueryGuard*>(self);
    if (std::chrono::steady_clock::now() < guard->deadline_) return 0;
    guard->timed_out_ = true;
    return 1;
  }
  Database& db_;
  std::chrono::steady_clock::time_point deadline_{};
  bool timed_out_ = false;
  bool heap_set_ = false;
  sqlite3_int64 heap_before_ = 0;
  int length_before_ = 0;
};

[[noreturn]] void query_failed(Database& db, int rc, const QueryLimits& limits, const QueryGuard& guard) {
  int primary = rc & 0xFF;
  if (primary == SQLITE_INTERRUPT && guard.timed_out()) {
    throw query_too_long(limits);
  }
  if (primary == SQLITE_NOMEM || primary == SQLITE_TOOBIG) {
    throw query_too_big(limits);
  }
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) db.fail(rc, "running the query");
  throw Error(fmt::format("the query failed: {}", sqlite3_errmsg(db.handle())), "check the statement");
}

}  // namespace

void run_query(Database& db, const std::string& sql, const QueryLimits& limits,
               const std::function<void(const std::vector<std::string>&)>& header,
               const std::function<void(const std::vector<Value>&)>& row) {
  // Read-only by construction: the statement runs with query_only set and must be a reader.
  QueryGuard guard(db, limits);
  auto prepare = [&](const char* text, const char* end, const char** tail) {
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v2(db.handle(), text, static_cast<int>(end - text), &raw, tail);
    if (rc != SQLITE_OK) {
      std::string why = sqlite3_errmsg(db.handle());
      sqlite3_finalize(raw);
      throw query_invalid(why);
    }
    return std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)>(raw, sqlite3_finalize);
  };
  const char* end = sql.c_str() + sql.size();
  const char* tail = nullptr;
  auto st = prepare(sql.c_str(), end, &tail);
  sqlite3_stmt* raw = st.get();
  if (!raw) throw UsageError("the query is empty", "give one SELECT statement");
  // What follows may be blanks, comments and semicolons only: SQLite would otherwise run the
  // first statement and drop the rest without a word.
  while (tail && tail < end) {
    const char* next = nullptr;
    bool another = true;  // a second statement, or text that is no statement at all
    try {
      another = prepare(tail, end, &next) != nullptr;
    } catch (const Error&) {
    }
    if (another) throw query_holds_more();
    if (next == tail) break;
    tail = next;
  }
  if (!sqlite3_stmt_readonly(raw)) {
    throw query_writes();
  }
  std::vector<std::string> names;
  int n = sqlite3_column_count(raw);
  for (int i = 0; i < n; ++i) names.push_back(sqlite3_column_name(raw, i));
  header(names);
  if (!row) return;
  std::vector<Value> values(n);
  int rc;
  while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
    for (int i = 0; i < n; ++i) {
      switch (sqlite3_column_type(raw, i)) {
        case SQLITE_INTEGER: values[i] = static_cast<std::int64_t>(sqlite3_column_int64(raw, i)); break;
        case SQLITE_FLOAT: values[i] = sqlite3_column_double(raw, i); break;
        case SQLITE_NULL: values[i] = std::monostate{}; break;
        default:
          values[i] = std::string(reinterpret_cast<const char*>(sqlite3_column_text(raw, i)),
                                  static_cast<std::size_t>(sqlite3_column_bytes(raw, i)));
      }
    }
    row(values);
  }
  if (rc != SQLITE_DONE) query_failed(db, rc, limits, guard);
}

}  // namespace kunde::store::sqlite
