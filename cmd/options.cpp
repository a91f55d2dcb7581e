// Shared option groups and the import runner.
#include "options.hpp"

#include <fmt/format.h>

#include "clock.hpp"
#include "error.hpp"
#include "model/dates.hpp"
#include "io/records.hpp"
#include "store/change.hpp"
#include "store/customer_repo.hpp"
#include "text/utf8.hpp"

namespace kunde::cmd {

void add_import_options(CLI::App* app, ImportFlags& f, bool create_missing) {
  app->add_option("FILE", f.file, "File to import (CSV, TSV, JSON or NDJSON; - for standard input)")->required();
  app->add_option("--encoding", f.encoding, "Character encoding of the file: cp1252 (also for \"latin1\"), utf-16, iso-8859-15, ...");
  app->add_option("--sep", f.sep, "Field separator, e.g. ';' or tab (default: ',' for CSV, tab for TSV)");
  app->add_flag("--decimal-comma", f.decimal_comma, "Numbers use a decimal comma: 1 234,50");
  app->add_option("--date-format", f.date_format, "Date format of the file, strftime style, e.g. '%d.%m.%Y'");
  app->add_option("--map", f.maps, "Read FIELD from COLUMN: --map number=Kundenr (repeatable)")->type_name("FIELD=COLUMN");
  app->add_option("--mapping", f.mapping, "A mapping file (TOML), or the NAME of an [import.NAME] table in the config");
  app->add_option("--reject-file", f.reject_file, "Write rejected rows here (CSV with reject_line and reject_reason columns)");
  app->add_flag("--dry-run", f.dry_run, "Report what would happen; change nothing");
  app->add_flag("--strict", f.strict, "Reject the whole file when any row is bad");
  app->add_option("--input-format", f.input_format, "Input format when the extension does not say: csv, tsv, json, ndjson");
  if (create_missing) {
    app->add_flag("--create-missing", f.create_missing, "Create bare customers for unknown customer numbers");
  }
}

import::ImportOptions import_options(Context& ctx, const ImportFlags& f) {
  import::ImportOptions o;
  if (!f.mapping.empty()) {
    bool is_file = f.mapping.find('/') != std::string::npos ||
                   (f.mapping.size() > 5 && f.mapping.compare(f.mapping.size() - 5, 5, ".toml") == 0);
    std::optional<ImportMapping> m;
    if (!is_file) m = ctx.config().import_mapping(f.mapping);
    if (!m && !is_file) {
      throw UsageError(fmt::format("there is no mapping '{}'", f.mapping),
                       fmt::format("define [import.{}] in {}, or give a .toml file", f.mapping,
                                   ctx.config().file().empty() ? "the config file" : ctx.config().file()));
    }
    if (!m) m = load_mapping_file(f.mapping);
    import::apply_mapping(o, *m, !f.sep.empty(), !f.encoding.empty(), !f.date_format.empty(), f.decimal_comma);
  }
  if (!f.encoding.empty()) o.read.encoding = f.encoding;
  if (!f.sep.empty()) {
    if (f.sep == "\\t" || f.sep == "tab" || f.sep == "\t") {
      o.read.separator = '\t';
    } else if (f.sep.size() == 1) {
      o.read.separator = f.sep[0];
    } else {
      throw UsageError(fmt::format("--sep '{}' must be one character", f.sep), "e.g. --sep ';' or --sep tab");
    }
  }
  if (f.decimal_comma) o.number.decimal_comma = true;
  if (!f.date_format.empty()) o.date_format = f.date_format;
  for (const auto& m : f.maps) {
    auto [field, column] = split_assignment(m, "--map");
    o.field_map[field] = column;
  }
  if (!f.input_format.empty()) {
    static const std::pair<const char*, io::InputFormat> kFormats[] = {
        {"csv", io::InputFormat::csv}, {"tsv", io::InputFormat::tsv}, {"json", io::InputFormat::json},
        {"ndjson", io::InputFormat::ndjson}, {"jsonl", io::InputFormat::ndjson}};
    bool found = false;
    for (const auto& [n, v] : kFormats)
      if (f.input_format == n) o.read.format = v, found = true;
    if (!found) throw UsageError(fmt::format("unknown input format '{}'", f.input_format), "use csv, tsv, json or ndjson");
  }
  o.reject_file = f.reject_file;
  o.dry_run = f.dry_run;
  o.strict = f.strict;
  o.create_missing = f.create_missing;
  o.region = ctx.config().region();
  o.money_decimals = ctx.money_decimals();
  return o;
}

void print_rejections(Context& ctx, const import::ImportCounts& counts) {
  for (const auto& r : counts.rejections) {
    ctx.err() << fmt::format("kunde: error: {}:{}: {}\n", counts.source, r.line, r.reason);
  }
  if (counts.rejected > static_cast<std::int64_t>(counts.rejections.size())) {
    ctx.err() << fmt::format("kunde: ... and {} more rejected rows\n", counts.rejected - counts.rejections.size());
  }
  if (counts.rejected > 0) {
    ctx.err() << "hint: fix the rejected rows and import them again; --reject-file FILE collects them\n";
  }
}

int run_import(Context& ctx, const ImportFlags& flags, const ImportFn& fn) {
  auto options = import_options(ctx, flags);
  // Importers resolve every customer, product and order they refer to themselves.
  store::Change change(ctx.db(), ctx.command_line, true, store::Change::References::writer);
  options.change = &change;
  import::ImportCounts counts = fn(ctx.db(), flags.file, options);
  if (options.dry_run) {
    change.rollback();
  } else {
    change.commit(counts.summary());
  }
  print_rejections(ctx, counts);
  ctx.note(fmt::format("{}: {}{}", counts.source, counts.summary(), options.dry_run ? " (dry run: nothing changed)" : ""));
  return counts.rejected > 0 ? kExitRejected : kExitOk;
}

namespace {

class RefSink : public io::RecordSink {
 public:
  RefSink(Context& ctx, std::vector<std::int64_t>& ids, std::int64_t& rejected, const std::string& name)
      : ctx_(ctx), repo_(ctx.db()), ids_(ids), rejected_(rejected), name_(name) {}
  void on_header(const std::vector<std::string>& header) override {
    id_col_ = number_col_ = -1;
    // customer_id wins over id: in lists of contacts or orders, id is theirs, not the customer's.
    int customer_id_col = -1;
    for (std::size_t i = 0; i < header.size(); ++i) {
      std::string h = import::normalise_header(header[i]);
      if (h == "customer_id" && customer_id_col < 0) customer_id_col = static_cast<int>(i);
      if (h == "id") id_col_ = id_col_ < 0 ? static_cast<int>(i) : id_col_;
      if (h == "number" || h == "customer" || h == "customer_number") number_col_ = number_col_ < 0 ? static_cast<int>(i) : number_col_;
    }
    if (customer_id_col >= 0) id_col_ = customer_id_col;
    if (id_col_ < 0 && number_col_ < 0 && !header.empty()) {
      throw Error(fmt::format("{}:1: no id or number column", name_),
                  "give a file with an id or number column, e.g. from 'kunde customer list -f csv'");
    }
  }
  void on_record(const io::Record& r) override {
    std::optional<std::int64_t> id;
    std::string shown;
    if (id_col_ >= 0 && static_cast<std::size_t>(id_col_) < r.fields.size() && !text::trim(r.fields[id_col_]).empty()) {
      shown = std::string(text::trim(r.fields[id_col_]));
      try {
        std::size_t used = 0;
        long long v = std::stoll(shown, &used);
        if (used == shown.size() && repo_.by_id(v)) id = v;
      } catch (...) {
      }
    } else if (number_col_ >= 0 && static_cast<std::size_t>(number_col_) < r.fields.size()) {
      shown = std::string(text::trim(r.fields[number_col_]));
      id = repo_.id_by_number(shown);
    }
    if (!id) {
      ++rejected_;
      ctx_.err() << fmt::format("kunde: error: {}:{}: no customer '{}'\n", name_, r.line, shown);
      return;
    }
    ids_.push_back(*id);
  }

 private:
  Context& ctx_;
  store::CustomerRepo repo_;
  std::vector<std::int64_t>& ids_;
  std::int64_t& rejected_;
  std::string name_;
  int id_col_ = -1, number_col_ = -1;
};

}  // namespace

std::vector<std::int64_t> read_customer_refs(Context& ctx, const std::string& path, std::int64_t& rejected) {
  std::vector<std::int64_t> ids;
  RefSink sink(ctx, ids, rejected, path == "-" ? "<stdin>" : path);
  io::read_records(path, io::ReadOptions{}, sink);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

std::int64_t resolve_customer(Context& ctx, const std::string& ref) {
  store::CustomerRepo repo(ctx.db());
  return repo.resolve_one(ref, ctx.config().region());
}

std::optional<std::string> date_option(const std::string& text, const std::string& option) {
  if (text.empty()) return std::nullopt;
  try {
    return model::parse_date_relative(text, today_local());
  } catch (const Error& e) {
    throw UsageError(fmt::format("{}: {}", option, e.what()),
                     "write YYYY-MM-DD, an ISO time, today, or a relative date such as -30d or +2w");
  }
}

std::pair<std::string, std::string> split_assignment(const std::string& text, const std::string& option) {
  auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0) {
    throw UsageError(fmt::format("{} '{}' needs the form KEY=VALUE", option, text), fmt::format("e.g. {} name=value", option));
  }
  return {text.substr(0, eq), text.substr(eq + 1)};
}

}  // namespace kunde::cmd
