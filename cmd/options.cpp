// Shared option groups and the import runner.
#include "options.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "clock.hpp"
#include "error.hpp"
#include "model/dates.hpp"
#include "crm/customer_refs.hpp"
#include "crm/customer_resolver.hpp"
#include "render.hpp"

namespace kunde::cmd {

void add_import_options(CLI::App* app, ImportFlags& f, bool create_missing) {
  // Not required: --fields needs no file. The options that repeat take one value each, so
  // FILE after them is read as the file.
  app->add_option("FILE", f.file, "File to import (CSV, TSV, JSON or NDJSON; - for standard input)");
  app->add_option("--encoding", f.encoding, "Character encoding of the file: cp1252 (also for \"latin1\"), utf-16, iso-8859-15, ...");
  app->add_option("--sep", f.sep, "Field separator, e.g. ';' or tab (default: ',' for CSV, tab for TSV)");
  app->add_flag("--decimal-comma", f.decimal_comma, "Numbers use a decimal comma: 1 234,50");
  app->add_option("--date-format", f.date_format, "Date format of the file, strftime style, e.g. '%d.%m.%Y'");
  app->add_option("--map", f.maps, "Read FIELD from COLUMN: --map number=Kundenr (repeatable)")
      ->type_name("FIELD=COLUMN")
      ->allow_extra_args(false);
  app->add_option("--mapping", f.mapping, "A mapping file (TOML), or the NAME of an [import.NAME] table in the config");
  app->add_option("--set", f.sets, "FIELD is VALUE where the file has no column for it or an empty cell (repeatable)")
      ->type_name("FIELD=VALUE")
      ->allow_extra_args(false);
  app->add_option("--null", f.nulls, "Cells written exactly TOKEN are empty, e.g. --null NULL (repeatable)")
      ->type_name("TOKEN")
      ->allow_extra_args(false);
  app->add_flag("--fields", f.fields, "List the fields and the column names read as each, and do nothing else");
  app->add_option("--reject-file", f.reject_file, "Write rejected rows here (CSV with reject_line and reject_reason columns)");
  app->add_flag("--dry-run", f.dry_run, "Report what would happen; change nothing");
  app->add_flag("--strict", f.strict, "Reject the whole file when any row is bad");
  app->add_option("--input-format", f.input_format, "Input format when the extension does not say: csv, tsv, json, ndjson");
  if (create_missing) {
    app->add_flag("--create-missing", f.create_missing, "Create bare customers for unknown customer numbers");
  }
}

namespace {

crm::ImportOptions import_options(Context& ctx, const ImportFlags& f) {
  crm::ImportOptions o;
  if (!f.mapping.empty()) {
    crm::apply_mapping_named(ctx.session(), o, f.mapping, !f.sep.empty(), !f.encoding.empty(), !f.date_format.empty(),
                             f.decimal_comma);
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
    if (auto it = o.field_map.find(field); it != o.field_map.end() && it->second != column) {
      throw UsageError(fmt::format("--map {} is given twice ({} and {})", field, it->second, column),
                       "a field reads one column; a name in two columns is read with first_name and last_name "
                       "(kunde customer import --fields)");
    }
    o.field_map[field] = column;
  }
  for (const auto& m : f.sets) {
    auto [field, value] = split_assignment(m, "--set");
    o.set[field] = value;
  }
  o.nulls.insert(o.nulls.end(), f.nulls.begin(), f.nulls.end());
  if (!f.discount_unit.empty()) o.discount_unit = model::discount_unit(f.discount_unit);
  if (!f.input_format.empty()) {
    static constexpr std::pair<const char*, io::InputFormat> kFormats[] = {
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
  return o;
}

}  // namespace

void print_rejections(Context& ctx, const crm::ImportCounts& counts) {
  for (const auto& r : counts.rejections) {
    ctx.err() << fmt::format("kunde: error: {}:{}: {}\n", counts.source, r.line, r.reason);
  }
  if (counts.rejected > static_cast<std::int64_t>(counts.rejections.size())) {
    ctx.err() << fmt::format("kunde: ... and {} more rejected rows\n", counts.rejected - counts.rejections.size());
  }
  // The rows' own hints first (a date format, a missing order), each once, then the general one.
  std::vector<std::string> hints;
  for (const auto& r : counts.rejections) {
    if (!r.hint.empty() && std::find(hints.begin(), hints.end(), r.hint) == hints.end() && hints.size() < 2) {
      hints.push_back(r.hint);
    }
  }
  for (const auto& h : hints) ctx.err() << "hint: " << h << '\n';
  if (counts.rejected > 0) {
    ctx.err() << "hint: fix the rejected rows and import them again; --reject-file FILE collects them\n";
  }
}

namespace {

int print_fields(Context& ctx, crm::ImportKind kind) {
  render_list(ctx, "fields", {"field", "required", "aliases", "meaning"}, [&](const report::RowEmit& emit) {
    for (const auto& f : crm::import_fields(kind)) {
      emit({f.name, f.required ? "yes" : f.identifies ? "one of" : "", fmt::format("{}", fmt::join(f.aliases, ", ")),
            f.help});
    }
  });
  return kExitOk;
}

}  // namespace

int run_import(Context& ctx, const ImportFlags& flags, crm::ImportRequest request) {
  if (flags.fields) return print_fields(ctx, request.kind);
  if (flags.file.empty()) throw UsageError("FILE is required", "give the file to import, or --fields to list the fields");
  request.path = flags.file;
  request.options = import_options(ctx, flags);
  auto counts = crm::run_import(ctx.session(), request);
  // What the files' columns lost comes first: it holds for every row.
  for (const auto* c = &counts; c; c = c->next.get()) {
    if (auto note = c->columns_note(crm::import_command(request.kind)); !note.empty()) {
      ctx.notice(fmt::format("{}: {}", c->source, note));
    }
  }
  std::int64_t rejected = 0;
  for (const auto* c = &counts; c; c = c->next.get()) {
    print_rejections(ctx, *c);
    ctx.note(fmt::format("{}: {}{}", c->source, c->summary(), flags.dry_run ? " (dry run: nothing changed)" : ""));
    rejected += c->rejected;
  }
  return rejected > 0 ? kExitRejected : kExitOk;
}

std::vector<std::int64_t> read_customer_refs(Context& ctx, const std::string& path, std::int64_t& rejected) {
  auto refs = crm::read_customer_refs(ctx.session(), path);
  for (const auto& p : refs.problems) ctx.err() << "kunde: error: " << p << '\n';
  if (refs.rejected > static_cast<std::int64_t>(refs.problems.size())) {
    ctx.err() << fmt::format("kunde: ... and {} more rows naming no customer\n", refs.rejected - refs.problems.size());
  }
  rejected += refs.rejected;
  return refs.ids;
}

std::int64_t resolve_customer(Context& ctx, const std::string& ref) { return ctx.session().resolver().resolve_one(ref); }

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
