// One connection to a PostgreSQL server: statements prepared once per connection (cached by
// their SQL text) with text parameters, results read as text, queries streamed through
// cursors so that a caller may run other statements while it reads, transactions (nested
// ones become savepoints), and rows written in bulk with COPY.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "error.hpp"

struct pg_conn;
struct pg_result;

namespace kunde::store {
class DerivedRules;
}

namespace kunde::store::pg {

class Change;

// A serialization failure or deadlock: the transaction may succeed when run again.
class RetryableError : public StoreError {
 public:
  using StoreError::StoreError;
};

// A statement the server refused, with its SQLSTATE.
class SqlError : public StoreError {
 public:
  SqlError(std::string message, std::string hint, std::string state, std::string detail)
      : StoreError(std::move(message), std::move(hint)), state_(std::move(state)), detail_(std::move(detail)) {}
  const std::string& state() const { return state_; }
  // The server's own words.
  const std::string& detail() const { return detail_; }

 private:
  std::string state_, detail_;
};

class Row;

// The result of one statement.
class Result {
 public:
  Result() = default;
  explicit Result(pg_result* r);
  ~Result();
  Result(Result&& o) noexcept : r_(o.r_) { o.r_ = nullptr; }
  Result& operator=(Result&& o) noexcept;
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;

  int rows() const;
  int columns() const;
  Row row(int i) const;
  std::string column_name(int c) const;
  unsigned column_type(int c) const;
  pg_result* handle() const { return r_; }

 private:
  friend class Row;
  pg_result* r_ = nullptr;
};

// One row of a result; columns are numbered from 0.
class Row {
 public:
  Row(const Result& r, int i) : r_(&r), i_(i) {}
  bool is_null(int c) const;
  std::string_view text_view(int c) const;
  std::string text(int c) const { return std::string(text_view(c)); }
  std::optional<std::string> opt_text(int c) const;
  std::int64_t int64(int c) const;  // 0 for NULL
  std::optional<std::int64_t> opt_int(int c) const;
  double number(int c) const;  // 0 for NULL
  bool boolean(int c) const;   // false for NULL
  int columns() const { return r_->columns(); }

 private:
  const Result* r_;
  int i_;
};

// The parameters of a statement, as text; an empty optional is NULL.
class Params {
 public:
  Params() = default;
  template <typename... T>
  explicit Params(const T&... values) {
    (add(values), ...);
  }
  Params& add(std::int64_t v);
  Params& add(int v) { return add(static_cast<std::int64_t>(v)); }
  Params& add(std::size_t v) { return add(static_cast<std::int64_t>(v)); }
  Params& add(double v);
  Params& add(bool v);
  Params& add(std::string_view v);
  Params& add(const std::string& v) { return add(std::string_view(v)); }
  Params& add(const char* v) { return add(std::string_view(v)); }
  Params& add(const std::optional<std::string>& v);
  Params& add(const std::optional<std::int64_t>& v);
  Params& add(const std::optional<double>& v);
  Params& add(std::nullopt_t) { return add_null(); }
  Params& add_null();
  int size() const { return static_cast<int>(values_.size()); }
  // Pointers for libpq, valid while the Params live and are not changed.
  std::vector<const char*> pointers() const;

 private:
  std::vector<std::optional<std::string>> values_;
};

// "{1,2,3}": an array parameter of integers.
std::string int_array(const std::vector<std::int64_t>& ids);
// "{"a","b"}": an array parameter of texts.
std::string text_array(const std::vector<std::string>& texts);

// Rows for one table, held in COPY's text format until they are sent (Connection::flush).
struct PendingRows {
  std::string table;    // as queries name it
  std::string columns;  // "(a, b, c)"
  int order = 0;        // parents before children
  std::string data;
  std::int64_t rows = 0;
};

// Appends one field in COPY's text format: escapes, NULL as \N, then a tab or newline.
void copy_field(std::string& out, std::string_view text, bool last = false);
void copy_null(std::string& out, bool last = false);
void copy_field(std::string& out, std::int64_t v, bool last = false);
void copy_field(std::string& out, const std::optional<std::string>& v, bool last = false);
void copy_field(std::string& out, const std::optional<std::int64_t>& v, bool last = false);
void copy_field(std::string& out, double v, bool last = false);

// The URL as messages show it: a password given in it is left out.
std::string redact(const std::string& url);

class Connection {
 public:
  // Connects to the server a postgresql:// URL names.
  explicit Connection(const std::string& url);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // The URL without a password, as messages name the store.
  const std::string& location() const { return location_; }

  // Runs one statement with parameters ($1, $2, ...), prepared once per connection.
  Result exec(std::string_view sql, const Params& params = {});
  // The first row's first column as an integer (0 without rows).
  std::int64_t scalar(std::string_view sql, const Params& params = {});
  // Runs SQL text of one or more statements without parameters.
  void run(std::string_view sql);
  // Runs a query and hands each row to `each`, fetched in batches through a cursor: `each`
  // may run other statements. Outside a transaction it runs in one of its own.
  void stream(std::string_view sql, const Params& params, const std::function<void(const Row&)>& each,
              int batch = 2000);
  // Sends rows in COPY text format: `copy` is "COPY t(a, b) FROM STDIN".
  void copy_in(std::string_view copy, std::string_view data);
  // Reads a COPY ... TO STDOUT, one line (without its newline) at a time.
  void copy_out(std::string_view copy, const std::function<void(std::string_view)>& line);

  bool in_transaction() const;
  int depth() const { return depth_; }

  // Rows written in bulk wait in `pending` until a statement names their table, the caller
  // flushes them, or the transaction commits. The caller owns the list.
  void set_pending(std::vector<PendingRows>* pending) { pending_ = pending; }
  void flush();

  void set_rules(const DerivedRules* rules) { rules_ = rules; }
  const DerivedRules& rules() const;
  // The write under way, for the repositories to record what they change.
  void set_change(Change* change) { change_ = change; }
  Change* change() const { return change_; }
  // The write under way; throws when there is none (a repository write outside a write).
  Change& write();

  // Throws kunde::Error for a failed statement, naming what was being done.
  [[noreturn]] void fail(pg_result* r, std::string_view doing) const;
  pg_conn* handle() const { return conn_; }

 private:
  friend class Transaction;
  void flush_for(std::string_view sql);
  Result check(pg_result* r, std::string_view sql);

  std::string location_;
  pg_conn* conn_ = nullptr;
  std::unordered_map<std::string, std::string> prepared_;
  const DerivedRules* rules_ = nullptr;
  Change* change_ = nullptr;
  std::vector<PendingRows>* pending_ = nullptr;
  int depth_ = 0;  // open transactions and savepoints
  int cursors_ = 0;
};

// A transaction that rolls back unless committed; nested ones become savepoints. A write
// transaction first takes the store's write lock: kunde's writers follow one another, as on
// SQLite, so each sees every write committed before it (READ COMMITTED, with the lock taken
// before anything is read) and none can fail for another's sake. Readers are never blocked.
class Transaction {
 public:
  enum class Kind { read, write };
  Transaction(Connection& db, Kind kind);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();
  void rollback();

 private:
  Connection& db_;
  bool nested_;
  bool open_ = true;
};

// How long a write waits for the one before it.
constexpr int kWriteLockTimeoutSeconds = 600;

}  // namespace kunde::store::pg
