// SQLite connection, statements and transactions.
#include "store/sqlite/database.hpp"
#include "store/sqlite/deferred_indexes.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <utility>

#include "error.hpp"
#include "text/utf8.hpp"

namespace kunde::store::sqlite {
namespace {

// kunde_fold(text) and kunde_search_fold(text): text::fold and text::fold_for_search.
template <std::string (*Fold)(std::string_view)>
void sql_fold(sqlite3_context* ctx, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_null(ctx);
    return;
  }
  const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  std::string folded = Fold(std::string_view(p, sqlite3_value_bytes(argv[0])));
  sqlite3_result_text(ctx, folded.data(), static_cast<int>(folded.size()), SQLITE_TRANSIENT);
}

}  // namespace

void check_is_kunde_database(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error(fmt::format("cannot read {}: {}", path, std::strerror(errno)),
                "check the permissions of the file and its folder");
  }
  std::array<unsigned char, 100> header{};
  in.read(reinterpret_cast<char*>(header.data()), header.size());
  auto got = static_cast<std::size_t>(in.gcount());
  static constexpr std::string_view kMagic{"SQLite format 3\0", 16};
  auto big_endian = [&](std::size_t at) {
    return std::uint32_t{header[at]} << 24 | std::uint32_t{header[at + 1]} << 16 | std::uint32_t{header[at + 2]} << 8 |
           header[at + 3];
  };
  if (got == 0) {
    throw Error(fmt::format("{} is empty, not a kunde database", path),
                "give the path of a database made by 'kunde init' (kunde leaves this file as it is)");
  }
  if (got < header.size() || std::string_view(reinterpret_cast<const char*>(header.data()), kMagic.size()) != kMagic) {
    throw Error(fmt::format("{} is not a kunde database", path), "give the path of a database made by 'kunde init'");
  }
  if (big_endian(68) != kApplicationId) {
    throw Error(fmt::format("{} is not a kunde database", path),
                "it is an SQLite database of another program, and kunde leaves it as it is; give the path of a "
                "database made by 'kunde init'");
  }
}

Statement::Statement(Database& db, std::string_view sql) : db_(db) {
  int rc = sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  if (rc != SQLITE_OK) db.fail(rc, fmt::format("preparing \"{}\"", sql.substr(0, 60)));
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int i, std::int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}
Statement& Statement::bind(int i, double v) {
  sqlite3_bind_double(stmt_, i, v);
  return *this;
}
Statement& Statement::bind(int i, std::string_view v) {
  sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::bind(int i, const std::optional<std::string>& v) {
  return v ? bind(i, std::string_view(*v)) : bind_null(i);
}
Statement& Statement::bind(int i, const std::optional<std::int64_t>& v) {
  return v ? bind(i, *v) : bind_null(i);
}
Statement& Statement::bind(int i, const std::optional<double>& v) {
  return v ? bind(i, *v) : bind_null(i);
}
Statement& Statement::bind_ref(int i, const std::string& v) {
  sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
  return *this;
}
Statement& Statement::bind_ref(int i, const std::optional<std::string>& v) {
  return v ? bind_ref(i, *v) : bind_null(i);
}
Statement& Statement::bind_null(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}
Statement& Statement::bind_blob(int i, const void* data, std::size_t size) {
  sqlite3_bind_blob64(stmt_, i, data, size, SQLITE_TRANSIENT);
  return *this;
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  // The statement must be reset before the connection accepts further work on it.
  sqlite3_reset(stmt_);
  db_.fail(rc, fmt::format("running \"{}\"", std::string_view(sqlite3_sql(stmt_)).substr(0, 60)));
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
std::int64_t Statement::get_int(int col) const { return sqlite3_column_int64(stmt_, col); }
double Statement::get_double(int col) const { return sqlite3_column_double(stmt_, col); }
std::string_view Statement::get_text_view(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  if (!p) return {};
  return {p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))};
}
std::string Statement::get_text(int col) const { return std::string(get_text_view(col)); }
std::optional<std::string> Statement::get_opt_text(int col) const {
  if (is_null(col)) return std::nullopt;
  return get_text(col);
}
std::optional<std::int64_t> Statement::get_opt_int(int col) const {
  if (is_null(col)) return std::nullopt;
  return get_int(col);
}
Value Statement::get_value(int col) const {
  switch (sqlite3_column_type(stmt_, col)) {
    case SQLITE_INTEGER:
      return get_int(col);
    case SQLITE_FLOAT:
      return get_double(col);
    case SQLITE_TEXT:
    case SQLITE_BLOB:
      return get_text(col);
    default:
      return std::monostate{};
  }
}
int Statement::column_count() const { return sqlite3_column_count(stmt_); }
std::string Statement::column_name(int col) const { return sqlite3_column_name(stmt_, col); }

namespace {
std::atomic<bool> count_memory_asked{false};
}

void Database::count_memory() { count_memory_asked = true; }

Database::Database(const std::string& path, OpenMode mode) : path_(path) {
  // SQLite counts every allocation under a global mutex unless told not to; kunde reads the
  // counts only to bound ad hoc queries, and the lock costs an import about a tenth of its
  // time.
  static const bool configured = [] {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, count_memory_asked ? 1 : 0) == SQLITE_OK;
  }();
  (void)configured;
  bool memory = path == ":memory:";
  if (!memory && mode == OpenMode::existing) {
    if (!std::filesystem::exists(path)) {
      throw Error(fmt::format("no database at {}", path), "run 'kunde init' to create one, or give --db PATH");
    }
    // Nothing may change a file that is not kunde's (SQLite would switch another program's
    // database to WAL, or make an empty file a database): its first bytes are read before
    // SQLite opens it for writing.
    check_is_kunde_database(path);
  }
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (mode == OpenMode::create) flags |= SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw Error(fmt::format("cannot open database {}: {}", path, why),
                "check that the path is right and that you may read and write it");
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  try {
    if (!memory) {
      if (mode == OpenMode::create) {
        // Pages of 16 KB make imports 10 to 15% faster than the default 4 KB (fewer, fuller
        // pages per B-tree, fewer log frames) and leave a customer's screen pop as fast; the
        // size is fixed when the file is created. The application id goes straight into the
        // file, before the log exists, so the file says whose it is from its first write.
        exec("PRAGMA page_size=16384");
        exec(fmt::format("PRAGMA application_id={}", kApplicationId));
      }
      exec("PRAGMA journal_mode=WAL");
    }
    exec("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
    // Imports and refreshes touch far more pages than the default 2 MB cache holds.
    exec(fmt::format("PRAGMA cache_size=-{}", budget::kPageCacheKiB));
  } catch (const StoreError&) {
    // The file is kunde's: what failed is the disk, the permissions or the file's health,
    // and the message says which (fail()).
    sqlite3_close(db_);
    db_ = nullptr;
    throw;
  }
  sqlite3_create_function(db_, "kunde_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                          sql_fold<text::fold>, nullptr, nullptr);
  sqlite3_create_function(db_, "kunde_search_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                          sql_fold<text::fold_for_search>, nullptr, nullptr);
}

Database::~Database() {
  cache_.clear();
  if (db_) sqlite3_close_v2(db_);
}

void Database::exec(std::string_view sql) {
  std::string s(sql);
  char* msg = nullptr;
  int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &msg);
  if (msg) sqlite3_free(msg);
  if (rc != SQLITE_OK) fail(rc, fmt::format("running \"{}\"", sql.substr(0, 60)));
}

Statement& Database::prepare(std::string_view sql) {
  // The same address may hold other text by now (a formatted string freed and reused): the
  // text is compared, which costs less than hashing it.
  Recent& recent = recent_[(reinterpret_cast<std::uintptr_t>(sql.data()) >> 4) % recent_.size()];
  if (recent.sql && recent.at == sql.data() && *recent.sql == sql) {
    recent.statement->reset();
    return *recent.statement;
  }
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    it = cache_.emplace(std::string(sql), std::make_unique<Statement>(*this, sql)).first;
  } else {
    it->second->reset();
  }
  recent = {sql.data(), &it->first, it->second.get()};
  return *it->second;
}

const DerivedRules& Database::rules() const {
  if (!rules_) throw StoreError("the store was opened without its rules", "this is a bug in kunde");
  return *rules_;
}

void Database::need_indexes() {
  if (deferred_) deferred_->restore(*this);
}

void Database::warn(std::string message) {
  if (std::find(warnings_.begin(), warnings_.end(), message) == warnings_.end()) warnings_.push_back(std::move(message));
}

std::vector<std::string> Database::take_warnings() { return std::exchange(warnings_, {}); }

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
int Database::changes() const { return sqlite3_changes(db_); }

void Database::fail(int rc, std::string_view doing) const {
  int primary = rc & 0xFF;
  std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    throw StoreError(fmt::format("the database {} is busy: another kunde is writing to it", path_),
                "wait for the other command to finish and try again");
  }
  int sys = db_ ? sqlite3_system_errno(db_) : 0;
  // A full disk shows as SQLITE_FULL when a page is written, and as an I/O error when the
  // log or its index cannot grow.
  if (primary == SQLITE_FULL || (primary == SQLITE_IOERR && (sys == ENOSPC || sys == EDQUOT))) {
    throw StoreError(fmt::format("the disk holding {} is full", path_), "free some space; nothing was changed");
  }
  if (primary == SQLITE_READONLY || primary == SQLITE_PERM) {
    throw StoreError(fmt::format("the database {} is read-only: kunde may read it but not change it", path_),
                     "check the permissions of the file and its folder (the -wal and -shm files beside it too)");
  }
  if (primary == SQLITE_CANTOPEN) {
    throw StoreError(fmt::format("cannot open the database {}: {}", path_, msg),
                     "check the permissions of the file and its folder (SQLite makes -wal and -shm files beside it)");
  }
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
    throw StoreError(fmt::format("the database {} is damaged: {}", path_, msg),
                "restore it from a backup ('kunde backup' makes one), or run 'kunde doctor'");
  }
  throw StoreError(fmt::format("database error while {}: {}", doing, msg),
              "this is a bug in kunde if it happens again; 'kunde doctor' checks the database");
}

Transaction::Transaction(Database& db, Kind kind)
    : db_(db), nested_(sqlite3_get_autocommit(db.handle()) == 0) {
  if (nested_) {
    db_.exec("SAVEPOINT nested");
  } else {
    db_.exec(kind == Kind::write ? "BEGIN IMMEDIATE" : "BEGIN");
  }
}

Transaction::~Transaction() {
  if (open_) {
    try {
      rollback();
    } catch (...) {
      // Rolling back during unwinding must not throw; SQLite undoes the rest on close.
    }
  }
}

void Transaction::commit() {
  db_.exec(nested_ ? "RELEASE nested" : "COMMIT");
  open_ = false;
}

void Transaction::rollback() {
  open_ = false;
  if (nested_) {
    db_.exec("ROLLBACK TO nested; RELEASE nested");
  } else if (sqlite3_get_autocommit(db_.handle()) == 0) {
    db_.exec("ROLLBACK");
  }
}

std::string value_rows(std::size_t rows, int columns) {
  std::string row = "(?";
  for (int c = 1; c < columns; ++c) row += ",?";
  row += ')';
  std::string out;
  out.reserve(rows * (row.size() + 1));
  for (std::size_t r = 0; r < rows; ++r) (out += r ? "," : "") += row;
  return out;
}

SortingCache::SortingCache(Database& db, int kib) : db_(db) {
  Statement st(db, "PRAGMA cache_size");
  if (st.step()) before_ = st.get_int(0);
  db.exec(fmt::format("PRAGMA cache_size=-{}", kib));
}

SortingCache::~SortingCache() {
  try {
    db_.exec(fmt::format("PRAGMA cache_size={}", before_));
  } catch (...) {
    // Only the cache's size is lost; the connection works on.
  }
}

}  // namespace kunde::store::sqlite
