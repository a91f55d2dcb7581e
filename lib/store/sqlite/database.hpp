// RAII wrappers over one SQLite connection: the connection, prepared statements (cached by
// their SQL text) and nested transactions. Values are always bound, never formatted into SQL.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "memory_budget.hpp"
#include "value.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace kunde::store {
class DerivedRules;
}

namespace kunde::store::sqlite {

class Database;
class DeferredIndexes;

class Statement {
 public:
  Statement(Database& db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binding: parameters are numbered from 1. An empty optional binds NULL.
  Statement& bind(int i, std::int64_t v);
  Statement& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
  Statement& bind(int i, double v);
  Statement& bind(int i, std::string_view v);
  Statement& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Statement& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Statement& bind(int i, const std::optional<std::string>& v);
  Statement& bind(int i, const std::optional<std::int64_t>& v);
  Statement& bind(int i, const std::optional<double>& v);
  // Binds text without copying it: the caller keeps it alive and unchanged until the
  // statement is reset. For the columns of rows written in bulk.
  Statement& bind_ref(int i, const std::string& v);
  Statement& bind_ref(int i, const std::optional<std::string>& v);
  Statement& bind_ref(int i, std::string&& v) = delete;  // a temporary would dangle
  Statement& bind_ref(int i, std::optional<std::string>&& v) = delete;
  Statement& bind_ref(int i, const char* v) = delete;
  Statement& bind_null(int i);
  Statement& bind_blob(int i, const void* data, std::size_t size);

  // Runs one step: true while a row is available.
  bool step();
  // Steps once and hands the row, if any, to `read`; the statement is reset either way.
  template <typename Read>
  auto first(Read&& read) -> std::optional<std::decay_t<decltype(read(*this))>> {
    std::optional<std::decay_t<decltype(read(*this))>> out;
    if (step()) out = read(*this);
    reset();
    return out;
  }
  // Runs the statement to completion, for writes.
  void run();
  void reset();

  bool is_null(int col) const;
  std::int64_t get_int(int col) const;
  double get_double(int col) const;
  std::string get_text(int col) const;
  std::string_view get_text_view(int col) const;
  std::optional<std::string> get_opt_text(int col) const;
  std::optional<std::int64_t> get_opt_int(int col) const;
  Value get_value(int col) const;
  int column_count() const;
  std::string column_name(int col) const;
  sqlite3_stmt* handle() const { return stmt_; }

 private:
  Database& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

enum class OpenMode { existing, create };

// The application id (PRAGMA application_id, bytes 68-71 of the file) that marks a
// database as kunde's: "kund". kunde opens a file for writing only once it has read this.
constexpr std::uint32_t kApplicationId = 0x6B756E64;

class Database {
 public:
  // How long a statement waits for another connection's lock before it fails as busy.
  static constexpr int kBusyTimeoutMs = 5000;

  // Opens the database at `path` (":memory:" for a private in-memory one).
  Database(const std::string& path, OpenMode mode);
  // Makes SQLite count the memory it uses, so sqlite3_hard_heap_limit64 holds, when called
  // before the process opens its first database (SQLite fixes the choice then). Counting
  // takes a global lock on every allocation, a tenth of an import's time: only `kunde sql`
  // asks for it.
  static void count_memory();
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  const std::string& path() const { return path_; }
  void exec(std::string_view sql);
  // A statement prepared once per connection and reset before it is handed out again.
  Statement& prepare(std::string_view sql);
  std::int64_t last_insert_rowid() const;
  int changes() const;
  sqlite3* handle() const { return db_; }

  // Throws kunde::Error for a failed SQLite call, naming what was being done.
  [[noreturn]] void fail(int rc, std::string_view doing) const;

  // The rules the derived data follows, set by the store that opened the connection.
  void set_rules(const DerivedRules* rules) { rules_ = rules; }
  const DerivedRules& rules() const;
  // The indexes a bulk write has dropped, to be built once at its end (deferred_indexes.hpp).
  // Every read that uses one of them calls need_indexes() first, which builds them at once:
  // no caller has to remember.
  void set_deferred(DeferredIndexes* deferred) { deferred_ = deferred; }
  void need_indexes();

  // Customer ids are never given twice (a forgotten customer's id must not come back as
  // someone else's). SQLite gives a new row the highest id present plus one, which reuses the
  // ids of the highest customers once they are removed; while the highest ever given out is
  // above every id present, a new customer is given the id past it (Change sets the floor,
  // CustomerRepo uses it).
  void set_customer_id_floor(std::int64_t floor) { customer_id_floor_ = floor; }
  // The id a new customer must have, or 0 to leave it to SQLite; the next asks again.
  std::int64_t take_customer_id() { return customer_id_floor_ ? std::exchange(customer_id_floor_, 0) + 1 : 0; }

  // Warnings for the user, kept until the command takes them (Store::take_warnings); the
  // same one is kept once.
  void warn(std::string message);
  std::vector<std::string> take_warnings();

 private:
  std::string path_;
  sqlite3* db_ = nullptr;
  const DerivedRules* rules_ = nullptr;
  DeferredIndexes* deferred_ = nullptr;
  std::vector<std::string> warnings_;
  std::int64_t customer_id_floor_ = 0;
  // Looked up by the caller's string_view: no copy of the SQL per call.
  struct SqlHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const { return std::hash<std::string_view>{}(sql); }
  };
  std::unordered_map<std::string, std::unique_ptr<Statement>, SqlHash, std::equal_to<>> cache_;
  // The statements handed out last, by where their SQL text lies: an import runs a few
  // statements row after row, and finds them here without hashing long SQL each time.
  struct Recent {
    const char* at = nullptr;
    const std::string* sql = nullptr;
    Statement* statement = nullptr;
  };
  std::array<Recent, 16> recent_{};
};

// Throws kunde::Error unless the file at `path` starts as a kunde database does (an SQLite
// header with kunde's application id). Reads its first bytes only: SQLite never opens a
// file that is not kunde's, so nothing in it is changed.
void check_is_kunde_database(const std::string& path);

// "(?,?),(?,?),(?,?)" for `rows` rows of `columns` values: the VALUES of a multi-row INSERT.
std::string value_rows(std::size_t rows, int columns);

// A smaller page cache for one scope, for a large sort: SQLite sorts in memory up to the
// page cache's size before it spills to a temporary file, and the cache holds that much
// already, so sorting under the full cache would take twice its memory.
class SortingCache {
 public:
  explicit SortingCache(Database& db, int kib = budget::kSortingCacheKiB);
  ~SortingCache();
  SortingCache(const SortingCache&) = delete;
  SortingCache& operator=(const SortingCache&) = delete;

 private:
  Database& db_;
  std::int64_t before_ = 0;
};

// A transaction that rolls back unless committed. Nested ones become savepoints.
class Transaction {
 public:
  enum class Kind { read, write };
  Transaction(Database& db, Kind kind);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();
  void rollback();

 private:
  Database& db_;
  bool nested_;
  bool open_ = true;
};

}  // namespace kunde::store::sqlite
