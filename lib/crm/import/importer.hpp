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
#include "store/store.hpp"

namespace kunde::crm {
class Session;
}

namespace kunde::crm::import {

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
  // The import runs in `write`: it adds and changes rows through it, and checkpoints it every
  // few thousand rows so the history record's memory stays bounded.
  Importer(std::vector<FieldSpec> fields, ImportOptions options, Session& session, store::ImportWrite& write);
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
  store::ImportWrite& write() { return write_; }
  store::Store& store();
  // The customer a row names (crm::CustomerResolver), created as a bare customer with
  // --create-missing; throws kunde::Error (a row rejection) for an unknown one.
  std::int64_t customer(std::string_view ref);
  ImportCounts& counts() { return counts_; }
  const std::string& source() const { return counts_.source; }

 private:
  void reject(const io::Record& record, const std::string& reason);
  void read_ahead(const std::string& path);
  std::unique_ptr<Prepared> prepare_record(const io::Record& record) const;

  std::vector<FieldSpec> fields_;
  ImportOptions options_;
  Session& session_;
  store::ImportWrite& write_;
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

}  // namespace kunde::crm::import
