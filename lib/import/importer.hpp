// The import pipeline every entity shares: map the file's columns to canonical fields
// (aliases, --map, mapping files), hand each row to the entity's process(), reject bad rows
// with FILE:LINE and a reason, write them to --reject-file, and count what happened.
// The caller owns the transaction, so an import lands whole or not at all.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"
#include "io/records.hpp"
#include "model/field_spec.hpp"
#include "model/money.hpp"
#include "store/change.hpp"
#include "store/customer_repo.hpp"

namespace kunde::import {

using model::FieldSpec;

struct ImportOptions {
  io::ReadOptions read;
  std::map<std::string, std::string> field_map;  // canonical field -> column in the file
  model::NumberFormat number;
  std::string date_format;
  std::string region;          // default phone region
  int money_decimals = 2;
  bool strict = false;
  bool dry_run = false;
  bool create_missing = false;
  std::string reject_file;
  // The write the import runs in, if any: the import records its new rows by key, lists the
  // customers it touched, and checkpoints it every few thousand rows so the history
  // record's memory stays bounded (store::Change's bulk interface).
  store::Change* change = nullptr;
};

// Fills options from a mapping; values already set by flags are kept (flags win).
void apply_mapping(ImportOptions& options, const ImportMapping& mapping, bool sep_flag,
                   bool encoding_flag, bool date_format_flag, bool decimal_comma_flag);

struct Rejection {
  std::size_t line = 0;
  std::string reason;
};

struct ImportCounts {
  std::int64_t inserted = 0, updated = 0, unchanged = 0, skipped = 0, rejected = 0;
  std::vector<Rejection> rejections;         // the first few, for the terminal
  std::map<std::string, std::int64_t> notes;  // e.g. {"customers created", 3}
  std::string source;                        // file name for messages
  std::string summary() const;               // "12 inserted, 0 updated, 3 unchanged, 1 rejected"
};

// One input row seen through the column mapping.
class Row {
 public:
  Row(const io::Record& record, const std::vector<int>& index,
      const std::vector<std::pair<std::string, int>>& extras)
      : record_(record), index_(index), extras_(extras) {}
  // The trimmed text of a canonical field, "" when absent or empty.
  std::string_view get(std::size_t field) const;
  // Whether the file has a column for the field (an empty cell still counts).
  bool has(std::size_t field) const { return index_[field] >= 0; }
  std::size_t line() const { return record_.line; }
  // Columns that are no canonical field: name and trimmed value.
  std::vector<std::pair<std::string, std::string_view>> extras() const;

 private:
  const io::Record& record_;
  const std::vector<int>& index_;
  const std::vector<std::pair<std::string, int>>& extras_;
};

// What Importer::prepare worked out for a row ahead of time.
struct Prepared {
  virtual ~Prepared() = default;
};

class Importer : public io::RecordSink {
 public:
  Importer(std::vector<FieldSpec> fields, ImportOptions options);
  ~Importer() override;
  // Reads the whole file. Throws kunde::Error when the file cannot be read at all, or with
  // --strict when any row was rejected (the caller then rolls back).
  ImportCounts run(const std::string& path);

  void on_header(const std::vector<std::string>& header) override;
  void on_record(const io::Record& record) override;

 protected:
  enum class Outcome { inserted, updated, unchanged, skipped };
  // Handles one row; throws kunde::Error to reject it with the error's message.
  virtual Outcome process(const Row& row) = 0;
  // Called after the whole file was read, still inside the caller's transaction.
  virtual void finish() {}
  // The part of a row's work that needs no database (parsing, normalising). For CSV and TSV
  // it runs on the thread that reads the file, while earlier rows are being written, so it
  // must not touch the database or the importer's mutable state. Null: nothing done ahead
  // (also when the row is bad; process() then finds the same problem).
  virtual std::unique_ptr<Prepared> prepare(const Row&) const { return nullptr; }
  // What prepare() returned for the row process() is handling, or null. process() may move
  // values out of it, or keep pointers into it until the next batch_done().
  Prepared* prepared() const { return prepared_; }
  // Called after a batch of rows was processed, before what prepare() made for them is
  // handed back to the reading thread to be freed there.
  virtual void batch_done() {}
  const ImportOptions& options() const { return options_; }
  // Store::Change's bulk interface, or plain writes when the import runs in no change.
  std::int64_t insert_new(store::NewRow table, const std::function<std::int64_t()>& insert, std::size_t rows = 1) {
    return options_.change ? options_.change->insert_new(table, insert, rows) : insert();
  }
  void insert_into_new(const std::function<void()>& insert) {
    if (options_.change) {
      options_.change->insert_into_new(insert);
    } else {
      insert();
    }
  }
  // Lets the indexes of `table` be built once at the end of a large import
  // (Change::defer_indexes); restore_indexes() before a lookup that needs them.
  void defer_indexes(store::NewRow table) {
    if (options_.change) options_.change->defer_indexes(table);
  }
  void restore_indexes() {
    if (options_.change) options_.change->restore_indexes();
  }
  void touch(std::int64_t customer_id, unsigned what) {
    if (options_.change) options_.change->touch(customer_id, what);
  }
  void touch_contact(std::int64_t contact_id) {
    if (options_.change) options_.change->touch_contact(contact_id);
  }
  void order_line_added(const store::NewOrderLine& line) {
    if (options_.change) options_.change->order_line_added(line);
  }
  void payment_added(std::int64_t customer_id, std::int64_t amount) {
    if (options_.change) options_.change->payment_added(customer_id, amount);
  }
  void contact_added(const model::Contact& contact) {
    if (options_.change) options_.change->contact_added(contact);
  }
  // Inserts a new customer as a new row of the import; the change gives it a search entry
  // (Change::insert_new).
  std::int64_t insert_customer(store::CustomerRepo& repo, const model::Customer& c) {
    return insert_new(store::NewRow::customers, [&] { return repo.insert(c); });
  }
  ImportCounts& counts() { return counts_; }
  const std::string& source() const { return counts_.source; }

 private:
  void reject(const io::Record& record, const std::string& reason);
  void read_ahead(const std::string& path);
  std::unique_ptr<Prepared> prepare_record(const io::Record& record) const;

  std::vector<FieldSpec> fields_;
  ImportOptions options_;
  ImportCounts counts_;
  std::vector<std::string> header_;
  std::vector<int> index_;
  std::vector<std::pair<std::string, int>> extras_;
  std::unique_ptr<std::ostream> reject_out_;
  bool header_written_ = false;
  std::uint64_t records_seen_ = 0;
  Prepared* prepared_ = nullptr;
};

// "Customer Number" -> "customer_number": how headers are compared.
std::string normalise_header(std::string_view name);

}  // namespace kunde::import
