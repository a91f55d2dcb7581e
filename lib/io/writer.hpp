// Rows of typed values written as an aligned table, CSV, TSV, a JSON array or NDJSON: what
// lib/report uses for tables. Only the table looks at the terminal (width, colour); the other
// formats are the same whatever stdout is. Markdown and HTML are whole documents
// (lib/report).
#pragma once

#include <memory>
#include <ostream>
#include <string>
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

// Quotes a CSV field when it needs it.
std::string csv_field(const std::string& s, char sep, bool safe);

}  // namespace kunde::io
