// Option groups shared by many commands, so every command spells its flags the same way.
#pragma once

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <optional>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "context.hpp"
#include "error.hpp"
#include "crm/imports.hpp"

namespace kunde::cmd {

struct ImportFlags {
  std::string file;
  std::string encoding, sep, date_format, mapping, reject_file, input_format, discount_unit;
  std::vector<std::string> maps;   // FIELD=COLUMN
  std::vector<std::string> sets;   // FIELD=VALUE
  std::vector<std::string> nulls;  // TOKEN
  bool decimal_comma = false, dry_run = false, strict = false, create_missing = false, fields = false;
};

// FILE plus --encoding, --sep, --decimal-comma, --date-format, --map, --mapping, --set,
// --null, --fields, --reject-file, --dry-run, --strict, --input-format (and
// --create-missing when asked).
void add_import_options(CLI::App* app, ImportFlags& flags, bool create_missing);

// Runs an import (crm::run_import) with the options the flags give: prints rejected rows and
// the summary, and returns the exit code (3 when rows were rejected). `request` holds what
// the entity adds to the flags. With --fields it prints the entity's fields instead.
int run_import(Context& ctx, const ImportFlags& flags, crm::ImportRequest request);

// --from FILE|-: customers named in a CSV/TSV/JSON/NDJSON file by an id or number column.
// Unknown customers are reported as FILE:LINE errors; `rejected` counts them.
std::vector<std::int64_t> read_customer_refs(Context& ctx, const std::string& path, std::int64_t& rejected);

// Resolves a customer argument (number, #id, email, phone) to its id.
std::int64_t resolve_customer(Context& ctx, const std::string& ref);

// "key=value" split at the first '='; throws kunde::UsageError naming the option otherwise.
std::pair<std::string, std::string> split_assignment(const std::string& text, const std::string& option);

// Runs `parse` for the value of `option`; a kunde::Error it throws becomes a usage error
// naming the option, since the command line is at fault.
template <typename F>
auto option_value(const std::string& option, F&& parse) {
  try {
    return parse();
  } catch (const UsageError&) {
    throw;
  } catch (const Error& e) {
    throw UsageError(fmt::format("{}: {}", option, e.what()), e.hint());
  }
}

// A date option (--since, --until, --at ...): empty stays empty; otherwise YYYY-MM-DD, an
// ISO time, today/yesterday/tomorrow, or a relative -30d / +2w / -6m from today.
std::optional<std::string> date_option(const std::string& text, const std::string& option);

// Prints the first rejected rows and a hint, as import does.
void print_rejections(Context& ctx, const crm::ImportCounts& counts);

}  // namespace kunde::cmd
