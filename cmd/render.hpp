// Every command's output goes through lib/report: a document rendered in the format the
// user asked for (-f, or -o's extension), to standard output or -o FILE.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "context.hpp"
#include "report/document.hpp"

namespace kunde::cmd {

struct RenderOptions {
  io::OutputFormat fallback = io::OutputFormat::table;  // without -f or -o (exports: csv)
  bool safe_csv = false;
};

void render(Context& ctx, const report::Document& doc, const RenderOptions& options = {});

// A list: a document of one primary table whose rows `rows` hands out as the list is read,
// so a long list is never held in memory.
void render_list(Context& ctx, const std::string& key, std::vector<std::string> columns,
                 const std::function<void(const report::RowEmit&)>& rows, const RenderOptions& options = {});

// One record as fields (`show` commands): label and key are the field's name.
report::Document record_document(const std::vector<std::string>& fields, const std::vector<Value>& values);
void render_record(Context& ctx, const std::vector<std::string>& fields, const std::vector<Value>& values);

// What every command says of a margin when no line it covers has a cost.
inline constexpr const char* kMarginUnknown = "unknown (no line has a cost)";

// A value that is null when absent.
inline Value opt_value(const std::optional<std::string>& s) { return s ? Value(*s) : Value(); }
inline Value opt_money(const std::optional<std::int64_t>& v, int decimals) {
  return v ? Value(Decimal{*v, decimals}) : Value();
}

}  // namespace kunde::cmd
