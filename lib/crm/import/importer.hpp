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
#include "error.hpp"
#include "io/records.hpp"
#include "model/field_spec.hpp"
#include "model/money.hpp"
#include "model/order.hpp"
#include "store/store.hpp"

namespace kunde::crm {
class Session;
}

namespace kunde::crm::import {

// A file without a column it needs: the whole file fails, even when a row finds out.
class MissingColumnError : public Error {
 public:
  using Error::Error;
};

using model::FieldSpec;

struct ImportOptions {
  io::ReadOptions read;
  std::map<std::string, std::string> field_map;  // canonical field -> column in the file
  // --set FIELD=VALUE: the value of a field the file has no column for, and of its empty
  // cells when it has one. A name that is no field sets a custom attribute (customers, orders).
  std::map<std::string, std::string> set;
  std::vector<std::string> nulls;  // --null TOKEN: cells written exactly so read as empty
  model::NumberFormat number;
  model::DiscountUnit discount_unit = model::DiscountUnit::fraction;
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
  std::string hint;  // what to do about it, when the reason comes with one
};

struct ImportCounts {
  std::int64_t inserted = 0, updated = 0, unchanged = 0, skipped = 0, rejected = 0;
  std::vector<Rejection> rejections;         // the first few, for the terminal
  std::map<std::string, std::int64_t> notes;  // e.g. {"customers created", 3}
  std::string source;                        // file name for messages
  // The file's columns read as no field and not kept as custom attributes, as it names them.
  std::vector<std::string> columns_not_read;
  // "columns not read: orderLineNumber (name a field with --map FIELD=COLUMN; kunde order
  // import --fields lists them)", or "" when every column is read or kept. `command` is the
  // import's command, for the hint.
  std::string columns_note(std::string_view command) const;
  std::string summary() const;               // "12 inserted, 0 updated, 3 unchanged, 1 rejected"
  std::shared_ptr<ImportCounts> next;        // the next file of the same import (order lines)
};

// How a file's columns map to fields, worked out once from its header.
struct ColumnPlan {
  std::vector<int> index;                             // field -> column, -1 when none
  std::vector<const std::string*> set;                // field -> its --set value, or null
  std::vector<std::pair<std::string, int>> extras;    // other columns: attribute name and column
  std::vector<std::pair<std::string, std::string>> extra_set;  // --set attributes no column has
  std::vector<std::string> nulls;                     // --null tokens
};

// One input row seen through the column mapping.
class Row {
 public:
  Row(const io::Record& record, const ColumnPlan& plan) : record_(record), plan_(plan) {}
  // The trimmed text of a canonical field, "" when absent, empty or a --null token; an
  // empty cell reads as the field's --set value when it has one.
  std::string_view get(std::size_t field) const {
    std::string_view v;
    int i = plan_.index[field];
    if (i >= 0 && static_cast<std::size_t>(i) < record_.fields.size()) v = cell(record_.fields[i]);
    if (v.empty() && plan_.set[field]) return *plan_.set[field];
    return v;
  }
  // Whether the file has a column for the field (an empty cell still counts), or --set gives it.
  bool has(std::size_t field) const { return plan_.index[field] >= 0 || plan_.set[field]; }
  std::size_t line() const { return record_.line; }
  // Columns that are no canonical field, and --set attributes: name and trimmed value.
  std::vector<std::pair<std::string, std::string_view>> extras() const;

 private:
  std::string_view cell(std::string_view text) const;
  const io::Record& record_;
  const ColumnPlan& plan_;
};

// What Importer::prepare worked out for a row ahead of time.
struct Prepared {
  virtual ~Prepared() = default;
};

class Importer : public io::RecordSink {
 public:
  // The import runs in `write`: it adds and changes rows through it, and checkpoints it every
  // few thousand rows so the history record's memory stays bounded.
  // `attributes`: columns that are no field are kept (as custom attributes); otherwise they
  // are ignored, and --set takes field names only.
  Importer(std::vector<FieldSpec> fields, ImportOptions options, Session& session, store::ImportWrite& write,
           bool attributes = false);
  ~Importer() override;
  // Reads the whole file. Throws kunde::Error when the file cannot be read at all, or with
  // --strict when any row was rejected (the caller then rolls back).
  ImportCounts run(const std::string& path);

  void on_header(const std::vector<std::string>& header) override;
  void on_record(const io::Record& record) override;

  // For an import of two files: a --map column the file lacks is left unmapped instead of
  // failing; maps_not_found() then lists the fields whose column it lacked.
  void allow_missing_maps() { missing_maps_ok_ = true; }
  const std::vector<std::string>& maps_not_found() const { return maps_not_found_; }

 protected:
  enum class Outcome { inserted, updated, unchanged, skipped };
  // Handles one row; throws kunde::Error to reject it with the error's message.
  virtual Outcome process(const Row& row) = 0;
  // Called after the whole file was read, still inside the caller's transaction.
  virtual void finish() {}
  // Called when process() rejected the row.
  virtual void rejected(const Row&) {}
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
  // Whether the file has a column for the field, or --set gives it (known once the header is read).
  bool has_column(std::size_t field) const { return plan_.index[field] >= 0 || plan_.set[field]; }
  // The file's name of the column read as `field` ("Total" for amount), or the field's name
  // when --set gives it.
  std::string column_name(std::size_t field) const {
    return plan_.index[field] >= 0 ? header_[plan_.index[field]] : fields_[field].name;
  }
  // The header as the file wrote it.
  const std::vector<std::string>& header() const { return header_; }
  // Whether the columns that are no field are kept as custom attributes (named in the
  // summary as not read otherwise). The default: when the importer was made to keep them.
  virtual bool keeps_other_columns() const { return attributes_; }
  // Checks the columns once the header is read, before any row: throws kunde::Error when
  // the file cannot be imported at all. The default checks required and identifying fields.
  virtual void check_columns();
  // The error a file lacking the columns `what` gets, listing its columns and the --map hint.
  MissingColumnError missing_columns(const std::string& what, const std::vector<std::size_t>& fields) const;
  store::ImportWrite& write() { return write_; }
  store::Store& store();
  // The customer a row names (crm::CustomerResolver), created as a bare customer with
  // --create-missing; throws kunde::Error (a row rejection) for an unknown one.
  std::int64_t customer(std::string_view ref);
  ImportCounts& counts() { return counts_; }
  const std::string& source() const { return counts_.source; }

 private:
  void reject(const io::Record& record, const std::string& reason, const std::string& hint = "");
  void read_ahead(const std::string& path);
  std::unique_ptr<Prepared> prepare_record(const io::Record& record) const;

  std::vector<FieldSpec> fields_;
  ImportOptions options_;
  Session& session_;
  store::ImportWrite& write_;
  ImportCounts counts_;
  bool attributes_ = false;
  bool missing_maps_ok_ = false;
  std::vector<std::string> maps_not_found_;
  std::vector<std::string> header_;
  ColumnPlan plan_;
  std::unique_ptr<std::ostream> reject_out_;
  bool header_written_ = false;
  std::uint64_t records_seen_ = 0;
  Prepared* prepared_ = nullptr;
};

// "Customer Number" -> "customer_number", "customerID" -> "customer_id": a column's name
// as a custom attribute (model::attribute_name).
std::string normalise_header(std::string_view name);

// Checks --set names against the fields: UsageError for a name that is no field, unless the
// entity keeps custom attributes.
void check_set_names(const std::vector<FieldSpec>& fields, const std::map<std::string, std::string>& set,
                     bool attributes);

}  // namespace kunde::crm::import
