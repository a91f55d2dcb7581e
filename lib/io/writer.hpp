// Rows of typed values written as an aligned table, CSV, TSV, a JSON array or NDJSON: what
// lib/report uses for tables. Only the table looks at the terminal (width, colour); the other
// formats are the same whatever stdout is. Markdown and HTML are whole documents
// (lib/report).
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "value.hpp"

namespace kunde::io {

enum class OutputFormat { table, csv, tsv, json, ndjson, md, html };

// Parses "table", "csv", ...; throws kunde::UsageError for others.
OutputFormat parse_output_format(const std::string& name);
std::string format_name(OutputFormat f);
// The format an output file's extension implies (.csv, .tsv, .json, .ndjson/.jsonl,
// .md, .html), or table.
OutputFormat format_for_path(const std::string& path);

struct WriterOptions {
  bool color = false;
  std::size_t width = 0;   // terminal columns for tables; 0 means no limit
  bool safe_csv = false;   // neutralise spreadsheet formulas in CSV/TSV
  bool header = true;      // CSV/TSV/table header line
};

class RowWriter {
 public:
  virtual ~RowWriter() = default;
  virtual void begin(const std::vector<std::string>& columns) = 0;
  virtual void row(const std::vector<Value>& values) = 0;
  virtual void end() = 0;
};

// table, csv, tsv, json or ndjson; throws kunde::Error for md and html.
std::unique_ptr<RowWriter> make_row_writer(OutputFormat format, std::ostream& out,
                                           const WriterOptions& options);

// Quotes a CSV field when it needs it; `safe` (--safe-csv) puts a ' before text a
// spreadsheet would run as a formula (formula_start).
std::string csv_field(const std::string& s, char sep, bool safe);
// The same, appended to `out`.
void append_csv_field(std::string& out, std::string_view s, char sep, bool safe);

// Whether a spreadsheet may read the cell as a formula: it starts, perhaps after spaces, with
// = + - @ or one of their full-width or small forms (＝ ＋ － ＠ ﹦ ﹢ ﹣ ﹫, which Excel and
// LibreOffice read as = and so on in East Asian locales), or with a tab or carriage return.
bool formula_start(std::string_view cell);
// A cell --safe-csv guarded ('=SUM(A1)) back as it was written (=SUM(A1)): the ' is taken off
// only when it is exactly the one csv_field adds. Imports read cells through this.
std::string_view unguard_csv(std::string_view cell);

}  // namespace kunde::io
