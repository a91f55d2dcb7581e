// Output renderers.
#include "io/writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "error.hpp"
#include "text/utf8.hpp"

namespace kunde::io {
namespace {

using json = nlohmann::ordered_json;

json to_json(const Value& v) {
  struct Visitor {
    json operator()(std::monostate) const { return nullptr; }
    json operator()(std::int64_t i) const { return i; }
    json operator()(double d) const { return d; }
    json operator()(const std::string& s) const { return s; }
    json operator()(Decimal d) const { return json::parse(format_decimal(d)); }  // see object_text
    json operator()(bool b) const { return b; }
  };
  return std::visit(Visitor{}, v);
}

bool is_numeric(const Value& v) {
  return std::holds_alternative<std::int64_t>(v) || std::holds_alternative<double>(v) ||
         std::holds_alternative<Decimal>(v);
}

std::string json_text(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// One flat JSON object. nlohmann keeps every number as a double and would print 12.50 as
// 12.5, so decimals are written here with exactly their digits.
std::string object_text(const std::vector<std::string>& keys, const std::vector<Value>& values, bool pretty) {
  std::size_t n = std::min(keys.size(), values.size());
  if (n == 0) return "{}";
  std::string out = "{";
  for (std::size_t i = 0; i < n; ++i) {
    if (i) out += ',';
    if (pretty) out += "\n  ";
    out += json_text(json(keys[i]));
    out += pretty ? ": " : ":";
    const auto* d = std::get_if<Decimal>(&values[i]);
    out += d ? format_decimal(*d) : json_text(to_json(values[i]));
  }
  out += pretty ? "\n}" : "}";
  return out;
}

class DelimitedWriter : public RowWriter {
 public:
  DelimitedWriter(std::ostream& out, char sep, const WriterOptions& o) : out_(out), sep_(sep), opt_(o) {}
  void begin(const std::vector<std::string>& columns) override {
    if (!opt_.header) return;
    line_.clear();
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (i) line_ += sep_;
      append_csv_field(line_, columns[i], sep_, opt_.safe_csv);
    }
    end_line();
  }
  // Each row is made in one buffer and written at once: a report writes 100,000 of them.
  void row(const std::vector<Value>& values) override {
    line_.clear();
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i) line_ += sep_;
      const Value& v = values[i];
      // A number kunde writes (-12.50) is never a formula, and a ' would make it text.
      if (const auto* text = std::get_if<std::string>(&v)) {
        append_csv_field(line_, *text, sep_, opt_.safe_csv);
      } else {
        append_csv_field(line_, to_text(v), sep_, opt_.safe_csv && !is_numeric(v));
      }
    }
    end_line();
  }
  void end() override { out_.flush(); }

 private:
  void end_line() {
    line_ += '\n';
    out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
  }
  std::ostream& out_;
  char sep_;
  WriterOptions opt_;
  std::string line_;
};

class JsonWriter : public RowWriter {
 public:
  JsonWriter(std::ostream& out, bool lines) : out_(out), lines_(lines) {}
  void begin(const std::vector<std::string>& columns) override {
    columns_ = columns;
    if (!lines_) out_ << '[';
  }
  void row(const std::vector<Value>& values) override {
    std::string obj = object_text(columns_, values, false);
    if (lines_) {
      out_ << obj << '\n';
    } else {
      out_ << (first_ ? "\n  " : ",\n  ") << obj;
    }
    first_ = false;
  }
  void end() override {
    if (!lines_) out_ << (first_ ? "]\n" : "\n]\n");
    out_.flush();
  }

 private:
  std::ostream& out_;
  bool lines_;
  bool first_ = true;
  std::vector<std::string> columns_;
};

class TableWriter : public RowWriter {
 public:
  TableWriter(std::ostream& out, const WriterOptions& o) : out_(out), opt_(o) {}
  void begin(const std::vector<std::string>& columns) override { columns_ = columns; }
  void row(const std::vector<Value>& values) override {
    std::vector<std::string> cells;
    numeric_.resize(columns_.size(), true);
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      const Value& v = i < values.size() ? values[i] : Value{};
      std::string s = to_text(v);
      for (char& c : s)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      if (!is_null(v) && !is_numeric(v)) numeric_[i] = false;
      cells.push_back(std::move(s));
    }
    rows_.push_back(std::move(cells));
  }
  void end() override {
    if (columns_.empty()) return;
    numeric_.resize(columns_.size(), true);
    std::vector<std::size_t> width(columns_.size());
    for (std::size_t i = 0; i < columns_.size(); ++i) width[i] = text::display_width(columns_[i]);
    for (const auto& r : rows_)
      for (std::size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], text::display_width(r[i]));
    fit(width);
    if (opt_.header) {
      std::vector<std::string> head(columns_.begin(), columns_.end());
      write_line(head, width, true);
    }
    for (const auto& r : rows_) write_line(r, width, false);
    out_.flush();
  }

 private:
  // Shrinks the widest text columns until the table fits the terminal.
  void fit(std::vector<std::size_t>& width) {
    if (opt_.width == 0) return;
    auto total = [&] {
      std::size_t t = 0;
      for (auto w : width) t += w + 2;
      return t;
    };
    while (total() > opt_.width + 2) {
      auto widest = std::max_element(width.begin(), width.end());
      if (*widest <= 8) break;
      --*widest;
    }
  }
  void write_line(const std::vector<std::string>& cells, const std::vector<std::size_t>& width, bool header) {
    std::string line;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      std::string cell = text::truncate_to_width(i < cells.size() ? cells[i] : "", width[i]);
      std::size_t pad = width[i] - text::display_width(cell);
      bool right = numeric_[i] && !header;
      bool last = i + 1 == columns_.size();
      if (i) line += "  ";
      if (right) line.append(pad, ' ');
      if (header && opt_.color) line += "\x1b[1m";
      line += cell;
      if (header && opt_.color) line += "\x1b[0m";
      if (!right && !last) line.append(pad, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out_ << line << '\n';
  }
  std::ostream& out_;
  WriterOptions opt_;
  std::vector<std::string> columns_;
  std::vector<bool> numeric_;
  std::vector<std::vector<std::string>> rows_;
};


}  // namespace

OutputFormat parse_output_format(const std::string& name) {
  static const std::pair<const char*, OutputFormat> kNames[] = {
      {"table", OutputFormat::table}, {"csv", OutputFormat::csv},   {"tsv", OutputFormat::tsv},
      {"json", OutputFormat::json},   {"ndjson", OutputFormat::ndjson}, {"jsonl", OutputFormat::ndjson},
      {"md", OutputFormat::md},       {"markdown", OutputFormat::md}, {"html", OutputFormat::html}};
  for (const auto& [n, f] : kNames)
    if (name == n) return f;
  throw UsageError(fmt::format("unknown format '{}'", name), "use table, csv, tsv, json or ndjson (reports also md, html)");
}

std::string format_name(OutputFormat f) {
  switch (f) {
    case OutputFormat::table: return "table";
    case OutputFormat::csv: return "csv";
    case OutputFormat::tsv: return "tsv";
    case OutputFormat::json: return "json";
    case OutputFormat::ndjson: return "ndjson";
    case OutputFormat::md: return "md";
    case OutputFormat::html: return "html";
  }
  return "table";
}

OutputFormat format_for_path(const std::string& path) {
  std::string p = text::to_lower_ascii(path);
  auto ends = [&](std::string_view ext) { return p.size() >= ext.size() && p.compare(p.size() - ext.size(), ext.size(), ext) == 0; };
  if (ends(".csv")) return OutputFormat::csv;
  if (ends(".tsv") || ends(".tab")) return OutputFormat::tsv;
  if (ends(".ndjson") || ends(".jsonl")) return OutputFormat::ndjson;
  if (ends(".json")) return OutputFormat::json;
  if (ends(".md")) return OutputFormat::md;
  if (ends(".html") || ends(".htm")) return OutputFormat::html;
  return OutputFormat::table;
}

bool formula_start(std::string_view cell) {
  if (!cell.empty() && (cell[0] == '\t' || cell[0] == '\r')) return true;
  // Spaces (also no-break and ideographic ones) some spreadsheets trim before they look.
  static constexpr std::string_view kSpaces[] = {" ", "\n", "\xc2\xa0", "\xe3\x80\x80"};
  static constexpr std::string_view kStarts[] = {
      "=", "+", "-", "@",
      "\xef\xbc\x9d", "\xef\xbc\x8b", "\xef\xbc\x8d", "\xef\xbc\xa0",  // ＝ ＋ － ＠
      "\xef\xb9\xa6", "\xef\xb9\xa2", "\xef\xb9\xa3", "\xef\xb9\xab",  // ﹦ ﹢ ﹣ ﹫
  };
  auto starts = [&cell](std::string_view p) { return cell.substr(0, p.size()) == p; };
  for (bool skipped = true; skipped;) {
    skipped = false;
    for (auto sp : kSpaces) {
      if (starts(sp)) {
        cell.remove_prefix(sp.size());
        skipped = true;
      }
    }
  }
  for (auto st : kStarts) {
    if (starts(st)) return true;
  }
  return false;
}

std::string_view unguard_csv(std::string_view cell) {
  if (cell.size() > 1 && cell[0] == '\'' && formula_start(cell.substr(1))) cell.remove_prefix(1);
  return cell;
}

void append_csv_field(std::string& out, std::string_view s, char sep, bool safe) {
  bool guard = safe && formula_start(s);
  const char specials[] = {sep, '"', '\n', '\r'};
  bool quote = s.find_first_of(std::string_view(specials, sizeof specials)) != std::string_view::npos ||
               (!s.empty() && (s.front() == ' ' || s.back() == ' '));  // the spaces, guarded or not
  if (quote) out += '"';
  if (guard) out += '\'';
  if (!quote) {
    out += s;
    return;
  }
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string csv_field(const std::string& s, char sep, bool safe) {
  std::string out;
  append_csv_field(out, s, sep, safe);
  return out;
}

std::unique_ptr<RowWriter> make_row_writer(OutputFormat format, std::ostream& out, const WriterOptions& options) {
  switch (format) {
    case OutputFormat::csv: return std::make_unique<DelimitedWriter>(out, ',', options);
    case OutputFormat::tsv: return std::make_unique<DelimitedWriter>(out, '\t', options);
    case OutputFormat::json: return std::make_unique<JsonWriter>(out, false);
    case OutputFormat::ndjson: return std::make_unique<JsonWriter>(out, true);
    case OutputFormat::table: return std::make_unique<TableWriter>(out, options);
    case OutputFormat::md:
    case OutputFormat::html: break;
  }
  throw Error(fmt::format("rows are not written as {} by themselves", format_name(format)),
              "render a report::Document; this is a bug in kunde");
}

}  // namespace kunde::io
