// Keeping a store healthy and answering what the commands above it cannot: backups, checks
// of the derived data, ad hoc read-only queries, duplicates, and the rights of access and
// erasure.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "store/tables.hpp"
#include "value.hpp"

namespace kunde::store {

struct Problem {
  std::string check;
  std::string detail;
};

// Two customers that are likely one: the same phone, email, organisation number, or folded
// name in the same city, scored 0 to 100 with the reasons.
struct DuplicatePair {
  std::int64_t a = 0, b = 0;  // a < b
  int score = 0;
  std::vector<std::string> reasons;
};

// Bounds on one ad hoc query, so a mistyped one cannot run for ever or take the machine's
// memory: past either it fails with kunde::Error saying which.
struct QueryLimits {
  std::chrono::milliseconds time{30'000};  // 0: none
  std::int64_t memory_bytes = 0;           // 0: none
};

// What became of an erasure once the person's rows are gone.
struct Erasure {
  // Whether the old copies of their data in the store's files are overwritten too. Another
  // process still reading the store can keep them until it finishes; the next command that
  // opens the store after that overwrites them.
  bool complete = true;
};

class Maintenance {
 public:
  virtual ~Maintenance() = default;
  // Copies the whole store, consistently, to `path` (which must not exist).
  virtual void backup(const std::string& path) = 0;
  // Integrity and references, then the derived statistics and search entries against a full
  // recomputation. With `fix`, rebuilds the derived data when it differs.
  virtual std::vector<Problem> check(bool fix) = 0;
  // The column names of one read-only statement, without running it. More than one
  // statement is a UsageError.
  virtual std::vector<std::string> query_columns(const std::string& sql) = 0;
  // Runs one read-only statement within `limits`; `header` gets the column names, `row`
  // each row.
  virtual void query(const std::string& sql, const QueryLimits& limits,
                     const std::function<void(const std::vector<std::string>&)>& header,
                     const std::function<void(const std::vector<Value>&)>& row) = 0;
  // Pairs scoring at least `min_score`, best first.
  virtual std::vector<DuplicatePair> duplicates(int min_score) = 0;
  // Everything held on one customer, as one document (the right of access).
  virtual nlohmann::ordered_json personal_data(std::int64_t customer_id) = 0;
  // Erases the customer everywhere, history included, as one entry that cannot be undone
  // (the right to erasure): their rows, search entries, and the history records and
  // summaries that name them, all at once however the command ends; then every old copy of
  // their data in the store's files, once no reader needs it.
  virtual Erasure forget(std::int64_t customer_id, const std::string& command) = 0;

  // Every row of one of store_tables(), ordered by its keys; JSON as compact text, objects
  // with their keys sorted, so that rows of two backends compare equal.
  virtual void read_table(const TableSpec& table, const std::function<void(const std::vector<Value>&)>& row) = 0;
  // Runs `body` in one read transaction, so that every read_table in it sees the store at one
  // moment while others write (a copy or comparison of a database in use).
  virtual void snapshot(const std::function<void()>& body) = 0;
  // Fills this store, which must hold no rows, from `source`: it is called for each copied
  // table of store_tables() in order and hands each row to the function it is given. History
  // entries arrive without undo records. Derived data is rebuilt; all of it is one write.
  using RowSink = std::function<void(const std::vector<Value>&)>;
  virtual void load_tables(const std::function<void(const TableSpec&, const RowSink&)>& source) = 0;
};

}  // namespace kunde::store
