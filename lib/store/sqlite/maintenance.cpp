// Backup, doctor and the sql command.
#include "store/sqlite/maintenance.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <filesystem>

#include "error.hpp"
#include "store/sqlite/change.hpp"
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
    db.exec("CREATE TEMP TABLE old_order_stats AS SELECT * FROM customer_order_stats");
    db.exec("CREATE TEMP TABLE old_contact_stats AS SELECT * FROM customer_contact_stats");
    db.exec("CREATE TEMP TABLE old_search AS SELECT rowid AS id, name, email, phone, city, notes, contact_person, attributes "
            "FROM customer_search");
    db.exec("CREATE TEMP TABLE old_contact_search AS SELECT rowid AS id, subject, notes FROM contact_search");
    rebuild_derived(db);
    struct Check {
      const char* what;
      const char* now;    // the recomputed rows, key first and named id
      const char* saved;  // the rows as they were, the same columns
    };
    const Check checks[] = {
        {"order statistics", "SELECT customer_id AS id, * FROM customer_order_stats",
         "SELECT customer_id AS id, * FROM temp.old_order_stats"},
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
    db.exec("DROP TABLE temp.old_order_stats; DROP TABLE temp.old_contact_stats; DROP TABLE temp.old_search; "
            "DROP TABLE temp.old_contact_search");
    if (fix && !derived.empty()) {
      tx.commit();
    } else {
      tx.rollback();
    }
  }
  problems.insert(problems.end(), derived.begin(), derived.end());
  return problems;
}

void run_query(Database& db, const std::string& sql, const std::function<void(const std::vector<std::string>&)>& header,
               const std::function<void(const std::vector<Value>&)>& row) {
  // Read-only by construction: the statement runs with query_only set and must be a reader.
  db.exec("PRAGMA query_only = 1");
  struct Restore {
    Database& db;
    ~Restore() {
      try {
        db.exec("PRAGMA query_only = 0");
      } catch (...) {
      }
    }
  } restore{db};
  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v2(db.handle(), sql.c_str(), static_cast<int>(sql.size()), &raw, &tail);
  if (rc != SQLITE_OK) {
    std::string why = sqlite3_errmsg(db.handle());
    sqlite3_finalize(raw);
    throw Error(fmt::format("the query is not valid SQL: {}", why), "check the statement; kunde-sql(1) lists the tables");
  }
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> st(raw, sqlite3_finalize);
  if (!raw) throw UsageError("the query is empty", "give one SELECT statement");
  if (!sqlite3_stmt_readonly(raw)) {
    throw UsageError("kunde sql runs only statements that read", "change data with kunde's commands, so history can undo it");
  }
  std::vector<std::string> names;
  int n = sqlite3_column_count(raw);
  for (int i = 0; i < n; ++i) names.push_back(sqlite3_column_name(raw, i));
  header(names);
  if (!row) return;
  std::vector<Value> values(n);
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
  if (rc != SQLITE_DONE) {
    throw Error(fmt::format("the query failed: {}", sqlite3_errmsg(db.handle())), "check the statement");
  }
}

}  // namespace kunde::store::sqlite
