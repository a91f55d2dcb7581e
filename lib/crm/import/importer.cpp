// The shared import pipeline.
#include "crm/import/importer.hpp"

#include <fmt/format.h>

#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "crm/customer_resolver.hpp"
#include "crm/session.hpp"
#include "error.hpp"
#include "memory_budget.hpp"
#include "io/writer.hpp"
#include "model/field_spec.hpp"
#include "text/utf8.hpp"

namespace kunde::crm::import {
namespace {

// Columns a reject file adds; importing a fixed reject file ignores them.
constexpr std::string_view kRejectLine = "reject_line";
constexpr std::string_view kRejectReason = "reject_reason";
constexpr std::size_t kRejectionsKept = 20;

char separator_from(const std::string& sep) {
  if (sep == "\\t" || sep == "tab" || sep == "\t") return '\t';
  if (sep.size() != 1) throw UsageError(fmt::format("separator '{}' must be one character", sep), "e.g. --sep ';'");
  return sep[0];
}

// Batches of records handed from the reading thread to the writing one. Bounded, so memory
// stays flat however large the file. The writer hands used batches back: the reader refills
// them in place, so their strings keep their memory and are freed by the thread that made
// them (glibc frees another thread's blocks under a lock).
struct Batch {
  std::vector<io::Record> records;
  std::vector<std::unique_ptr<Prepared>> prepared;
  std::size_t size = 0;  // records in use; the rest are kept for reuse

  void add(const io::Record& record) {
    if (size < records.size()) {
      records[size] = record;
    } else {
      records.push_back(record);
      prepared.emplace_back();
    }
    ++size;
  }
};

class BatchQueue {
 public:
  static constexpr std::size_t kBatchRows = budget::kReadAheadBatchRows, kBatches = budget::kReadAheadBatches;
  struct Cancelled {};

  // Reading side. Throws Cancelled once the writing side gave up.
  void push(Batch batch) {
    std::unique_lock lock(mutex_);
    space_.wait(lock, [&] { return cancelled_ || queue_.size() < kBatches; });
    if (cancelled_) throw Cancelled{};
    queue_.push_back(std::move(batch));
    ready_.notify_one();
  }
  void close(std::exception_ptr error) {
    std::lock_guard lock(mutex_);
    closed_ = true;
    error_ = error;
    ready_.notify_one();
  }
  // Writing side: false at the end; rethrows what stopped the reading.
  bool pop(Batch& out) {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return closed_ || !queue_.empty(); });
    if (queue_.empty()) {
      if (error_) std::rethrow_exception(error_);
      return false;
    }
    out = std::move(queue_.front());
    queue_.pop_front();
    space_.notify_one();
    return true;
  }
  void cancel() {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
    space_.notify_one();
  }
  // A batch the writer is done with, and the reader's way to get it back (or a new one).
  void recycle(Batch batch) {
    std::lock_guard lock(mutex_);
    used_.push_back(std::move(batch));
  }
  Batch reuse() {
    std::lock_guard lock(mutex_);
    if (used_.empty()) return {};
    Batch b = std::move(used_.back());
    used_.pop_back();
    b.size = 0;
    return b;
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_, space_;
  std::deque<Batch> queue_;
  std::vector<Batch> used_;
  bool closed_ = false, cancelled_ = false;
  std::exception_ptr error_;
};

}  // namespace

std::string normalise_header(std::string_view name) { return model::attribute_name(name); }

void check_set_names(const std::vector<FieldSpec>& fields, const std::map<std::string, std::string>& set,
                     bool attributes) {
  for (const auto& [name, value] : set) {
    if (attributes || model::find_field(fields, name) != std::string::npos) continue;
    std::string names;
    for (const auto& f : fields) names += (names.empty() ? "" : ", ") + f.name;
    throw UsageError(fmt::format("--set {}={}: there is no field '{}'", name, value, name), "fields are: " + names);
  }
}

void apply_mapping(ImportOptions& o, const ImportMapping& m, bool sep_flag, bool encoding_flag,
                   bool date_format_flag, bool decimal_comma_flag) {
  if (m.sep && !sep_flag) o.read.separator = separator_from(*m.sep);
  if (m.encoding && !encoding_flag) o.read.encoding = *m.encoding;
  if (m.date_format && !date_format_flag) o.date_format = *m.date_format;
  if (m.decimal_comma && !decimal_comma_flag) o.number.decimal_comma = *m.decimal_comma;
  if (m.discount_unit) o.discount_unit = model::discount_unit(*m.discount_unit);
  for (const auto& [field, column] : m.fields) o.field_map.emplace(field, column);
  for (const auto& [field, value] : m.set) o.set.emplace(field, value);
  o.nulls.insert(o.nulls.end(), m.nulls.begin(), m.nulls.end());
}

namespace {

// "1 products created" reads "1 product created": the counted noun of a note in the singular.
std::string note_text(const std::string& what, std::int64_t n) {
  if (n != 1 || what.rfind("of ", 0) == 0) return what;
  static constexpr std::pair<std::string_view, std::string_view> kNouns[] = {
      {"products", "product"}, {"customers", "customer"}, {"lines", "line"},
      {"countries", "country"}, {"phones", "phone"}, {"orders", "order"}, {"columns", "column"}};
  // The noun counted is the first the note names.
  std::size_t first = std::string::npos;
  std::pair<std::string_view, std::string_view> noun;
  for (auto [plural, singular] : kNouns) {
    if (auto at = what.find(plural); at < first) {
      first = at;
      noun = {plural, singular};
    }
  }
  if (first == std::string::npos) return what;
  return what.substr(0, first) + std::string(noun.second) + what.substr(first + noun.first.size());
}

}  // namespace

std::string ImportCounts::summary() const {
  std::string s = fmt::format("{} inserted, {} updated, {} unchanged", inserted, updated, unchanged);
  if (skipped) s += fmt::format(", {} skipped", skipped);
  s += fmt::format(", {} rejected", rejected);
  for (const auto& [what, n] : notes) s += fmt::format("; {} {}", n, note_text(what, n));
  return s;
}

std::string ImportCounts::columns_note(std::string_view command) const {
  if (columns_not_read.empty()) return {};
  return fmt::format("columns not read: {} (name a field with --map FIELD=COLUMN; {} --fields lists them)",
                     fmt::join(columns_not_read, ", "), command);
}

std::string_view Row::cell(std::string_view text) const {
  std::string_view v = text::trim(text);
  for (const auto& token : plan_.nulls)
    if (v == token) return {};
  return v;
}

std::vector<std::pair<std::string, std::string_view>> Row::extras() const {
  std::vector<std::pair<std::string, std::string_view>> out;
  for (const auto& [name, i] : plan_.extras) {
    if (static_cast<std::size_t>(i) < record_.fields.size()) out.emplace_back(name, cell(record_.fields[i]));
  }
  for (const auto& [name, value] : plan_.extra_set) {
    bool given = false;
    for (auto& [n, v] : out) {
      if (n != name) continue;
      given = true;
      if (v.empty()) v = value;
    }
    if (!given) out.emplace_back(name, value);
  }
  return out;
}

Importer::Importer(std::vector<FieldSpec> fields, ImportOptions options, Session& session, store::ImportWrite& write,
                   bool attributes)
    : fields_(std::move(fields)), options_(std::move(options)), session_(session), write_(write),
      attributes_(attributes) {
  std::map<std::size_t, std::string> mapped;  // field -> the name --map gave it
  for (const auto& [field, column] : options_.field_map) {
    std::size_t f = model::find_field(fields_, field);
    if (f != std::string::npos) {
      if (auto [it, fresh] = mapped.emplace(f, field); !fresh) {
        throw UsageError(fmt::format("--map {} and --map {} name one field, {}", it->second, field, fields_[f].name),
                         "a field reads one column: give it one --map");
      }
      continue;
    }
    std::string names;
    for (const auto& spec : fields_) names += (names.empty() ? "" : ", ") + spec.name;
    throw UsageError(fmt::format("--map {}={}: there is no field '{}'", field, column, field),
                     "fields are: " + names);
  }
  check_set_names(fields_, options_.set, attributes_);
}

Importer::~Importer() = default;

store::Store& Importer::store() { return session_.store(); }

std::int64_t Importer::customer(std::string_view ref) {
  bool created = false;
  std::int64_t id = session_.resolver().find_or_create(
      ref, options_.create_missing, [&](const model::Customer& c) { return write_.add_customer(c); }, created);
  if (created) ++counts_.notes["customers created"];
  return id;
}

ImportCounts Importer::run(const std::string& path) {
  counts_.source = path == "-" ? "<stdin>" : path;
  if (!options_.reject_file.empty()) {
    auto f = std::make_unique<std::ofstream>(options_.reject_file, std::ios::binary);
    if (!*f) throw Error(fmt::format("cannot write {}", options_.reject_file), "check the path");
    reject_out_ = std::move(f);
  }
  io::InputFormat format = io::input_format_for(path, options_.read.format);
  bool tabular = format == io::InputFormat::csv || format == io::InputFormat::tsv;
  // Standard input without a format may turn out to be JSON, whose header can grow later.
  if (tabular && !(path == "-" && options_.read.format == io::InputFormat::automatic)) {
    read_ahead(path);
  } else {
    io::read_records(path, options_.read, *this);
  }
  finish();
  if (reject_out_) {
    reject_out_->flush();
    // No rejected row, no file: a reject file left by an earlier run would say otherwise.
    if (counts_.rejected == 0) {
      reject_out_.reset();
      std::error_code ignored;
      std::filesystem::remove(options_.reject_file, ignored);
    }
  }
  if (options_.strict && counts_.rejected > 0) {
    const auto& first = counts_.rejections.front();
    throw Error(fmt::format("{}:{}: {} ({} rows rejected; nothing was imported because of --strict)",
                            counts_.source, first.line, first.reason, counts_.rejected),
                "fix the rows and import again, or leave out --strict to import the good rows");
  }
  return counts_;
}

// Reads and prepares rows on a second thread while this one writes them. The header is
// handled on the reading thread before any row is handed over, and CSV has only one, so the
// column mapping prepare() reads never changes under it.
void Importer::read_ahead(const std::string& path) {
  BatchQueue queue;
  class Reader : public io::RecordSink {
   public:
    Reader(Importer& importer, BatchQueue& queue) : importer_(importer), queue_(queue) {}
    void on_header(const std::vector<std::string>& header) override { importer_.on_header(header); }
    void on_record(const io::Record& record) override {
      batch_.add(record);
      batch_.prepared[batch_.size - 1] = importer_.prepare_record(batch_.records[batch_.size - 1]);
      if (batch_.size == BatchQueue::kBatchRows) flush();
    }
    void flush() {
      if (batch_.size > 0) queue_.push(std::move(batch_));
      batch_ = queue_.reuse();
    }

   private:
    Importer& importer_;
    BatchQueue& queue_;
    Batch batch_;
  };
  std::thread reader([&] {
    Reader sink(*this, queue);
    try {
      io::read_records(path, options_.read, sink);
      sink.flush();
      queue.close(nullptr);
    } catch (const BatchQueue::Cancelled&) {
      queue.close(nullptr);
    } catch (...) {
      // The rows read before the problem are handled first, as when reading on one thread.
      auto error = std::current_exception();
      try {
        sink.flush();
      } catch (const BatchQueue::Cancelled&) {
      }
      queue.close(error);
    }
  });
  try {
    Batch batch;
    while (queue.pop(batch)) {
      for (std::size_t i = 0; i < batch.size; ++i) {
        prepared_ = batch.prepared[i].get();
        on_record(batch.records[i]);
      }
      prepared_ = nullptr;
      batch_done();
      queue.recycle(std::move(batch));
      batch = Batch{};
    }
  } catch (...) {
    prepared_ = nullptr;
    queue.cancel();
    reader.join();
    throw;
  }
  reader.join();
}

std::unique_ptr<Prepared> Importer::prepare_record(const io::Record& record) const {
  if (!record.error.empty() || record.fields.size() != header_.size()) return nullptr;
  try {
    return prepare(Row(record, plan_));
  } catch (const Error&) {
    return nullptr;
  }
}

void Importer::on_header(const std::vector<std::string>& header) {
  header_ = header;
  plan_ = ColumnPlan{};
  plan_.index.assign(fields_.size(), -1);
  plan_.set.assign(fields_.size(), nullptr);
  plan_.nulls = options_.nulls;
  std::vector<bool> used(header.size(), false);
  std::vector<std::string> keys;
  for (const auto& h : header) keys.push_back(model::field_key(h));
  auto find = [&](const std::string& name) -> int {
    std::string k = model::field_key(name);
    for (std::size_t i = 0; i < keys.size(); ++i)
      if (!used[i] && (keys[i] == k || header[i] == name)) return static_cast<int>(i);
    return -1;
  };
  // Explicit mappings first, then canonical names, then aliases.
  std::vector<bool> mapped(fields_.size(), false);
  for (const auto& [field, column] : options_.field_map) {
    std::size_t f = model::find_field(fields_, field);
    mapped[f] = true;
    int i = find(column);
    if (i < 0 && missing_maps_ok_) {
      maps_not_found_.push_back(fields_[f].name);
      continue;
    }
    if (i < 0) {
      throw UsageError(fmt::format("{}:1: there is no column '{}' (mapped to {})", counts_.source, column,
                                   fields_[f].name),
                       fmt::format("the columns are: {}", fmt::join(header, ", ")));
    }
    plan_.index[f] = i, used[i] = true;
  }
  for (std::size_t f = 0; f < fields_.size(); ++f) {
    if (plan_.index[f] >= 0 || mapped[f]) continue;
    int i = find(fields_[f].name);
    if (i >= 0) plan_.index[f] = i, used[i] = true;
  }
  for (std::size_t f = 0; f < fields_.size(); ++f) {
    if (plan_.index[f] >= 0 || mapped[f]) continue;
    int i = -1;
    for (std::size_t a = 0; i < 0 && a < fields_[f].aliases.size(); ++a) i = find(fields_[f].aliases[a]);
    if (i >= 0) plan_.index[f] = i, used[i] = true;
  }
  for (const auto& [name, value] : options_.set) {
    std::size_t f = model::find_field(fields_, name);
    if (f != std::string::npos) {
      plan_.set[f] = &value;
    } else if (attributes_) {
      plan_.extra_set.emplace_back(model::attribute_name(name), value);
    }
  }
  check_columns();
  // The other columns are kept as attributes, or named in the summary: a file whose quantity
  // column has a name no alias knows must not import as quantity 1 without a word. (A JSON
  // file's header grows, so this is worked out anew each time.)
  bool keep = keeps_other_columns();
  counts_.columns_not_read.clear();
  for (std::size_t i = 0; i < header.size(); ++i) {
    std::string name = model::attribute_name(header[i]);
    if (used[i] || name == kRejectLine || name == kRejectReason || name.empty()) continue;
    if (keep) {
      plan_.extras.emplace_back(std::move(name), static_cast<int>(i));
    } else {
      counts_.columns_not_read.push_back(header[i]);
    }
  }
  if (reject_out_ && !header_written_) {
    for (const auto& h : header) *reject_out_ << io::csv_field(h, ',', false) << ',';
    *reject_out_ << kRejectLine << ',' << kRejectReason << '\n';
    header_written_ = true;
  }
}

MissingColumnError Importer::missing_columns(const std::string& what, const std::vector<std::size_t>& fields) const {
  std::vector<std::string> names, aliases;
  for (std::size_t f : fields) {
    names.push_back(fields_[f].name);
    for (std::size_t a = 0; a < fields_[f].aliases.size() && a < 3; ++a) aliases.push_back(fields_[f].aliases[a]);
  }
  std::string columns = header_.empty() ? "none" : fmt::format("{}", fmt::join(header_, ", "));
  return MissingColumnError(fmt::format("{}:1: no column for {} (the columns are: {})", counts_.source, what, columns),
               fmt::format("name a column {}{}, or map one with --map {}=COLUMN ('--fields' lists every name)",
                           fmt::join(names, " or "),
                           aliases.empty() ? "" : fmt::format(" (or {}, ...)", fmt::join(aliases, ", ")),
                           names.front()));
}

void Importer::check_columns() {
  for (std::size_t f = 0; f < fields_.size(); ++f) {
    if (fields_[f].required && !has_column(f)) throw missing_columns(fmt::format("'{}'", fields_[f].name), {f});
  }
  std::vector<std::size_t> identifying;
  bool any = false;
  for (std::size_t f = 0; f < fields_.size(); ++f) {
    if (!fields_[f].identifies) continue;
    identifying.push_back(f);
    any = any || has_column(f);
  }
  if (!identifying.empty() && !any) {
    std::vector<std::string> names;
    for (std::size_t f : identifying) names.push_back("'" + fields_[f].name + "'");
    throw missing_columns(fmt::format("{}", fmt::join(names, " or ")), identifying);
  }
}

void Importer::on_record(const io::Record& record) {
  if ((++records_seen_ & 4095) == 0) write_.checkpoint();
  if (!record.error.empty()) {
    reject(record, record.error);
    return;
  }
  if (record.fields.size() != header_.size()) {
    reject(record, fmt::format("expected {} fields as in the header, found {}", header_.size(), record.fields.size()));
    return;
  }
  Row row(record, plan_);
  try {
    switch (process(row)) {
      case Outcome::inserted: ++counts_.inserted; break;
      case Outcome::updated: ++counts_.updated; break;
      case Outcome::unchanged: ++counts_.unchanged; break;
      case Outcome::skipped: ++counts_.skipped; break;
    }
  } catch (const UsageError&) {
    throw;
  } catch (const StoreError&) {
    throw;
  } catch (const MissingColumnError&) {
    throw;
  } catch (const Error& e) {
    reject(record, e.what(), e.hint());
    rejected(row);
  }
}

void Importer::reject(const io::Record& record, const std::string& reason, const std::string& hint) {
  ++counts_.rejected;
  if (counts_.rejections.size() < kRejectionsKept) counts_.rejections.push_back({record.line, reason, hint});
  if (reject_out_) {
    for (std::size_t i = 0; i < header_.size(); ++i) {
      *reject_out_ << io::csv_field(i < record.fields.size() ? record.fields[i] : "", ',', false) << ',';
    }
    *reject_out_ << record.line << ',' << io::csv_field(reason, ',', false);
    // Cells beyond the header's follow the reason, so fixing the row loses none of them.
    for (std::size_t i = header_.size(); i < record.fields.size(); ++i) {
      *reject_out_ << ',' << io::csv_field(record.fields[i], ',', false);
    }
    *reject_out_ << '\n';
  }
}

}  // namespace kunde::crm::import
