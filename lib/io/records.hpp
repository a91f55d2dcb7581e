// Reading tabular input (CSV, TSV, JSON arrays of objects, NDJSON) as a stream of records
// pushed to a sink, in constant memory. Every record knows the line it starts on.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace kunde::io {

enum class InputFormat { automatic, csv, tsv, json, ndjson };

struct ReadOptions {
  InputFormat format = InputFormat::automatic;  // by the file's extension, else CSV
  char separator = 0;                          // 0: ',' for CSV, '\t' for TSV
  std::string encoding;                        // empty: UTF-8
};

struct Record {
  std::size_t line = 0;
  std::vector<std::string> fields;  // aligned with the header
  std::string error;                // set when the record could not be read (bad quoting)
};

class RecordSink {
 public:
  virtual ~RecordSink() = default;
  // Called before the first record, and again for JSON input when a later object brings
  // new keys (the header only ever grows at its end).
  virtual void on_header(const std::vector<std::string>& header) = 0;
  virtual void on_record(const Record& record) = 0;
};

// Reads `path` ("-" for standard input) and pushes its header and records to `sink`.
// Throws kunde::Error for problems that make the whole file unreadable (missing file,
// invalid UTF-8, wrong encoding, no header). Returns the name used in messages.
std::string read_records(const std::string& path, const ReadOptions& options, RecordSink& sink);

InputFormat input_format_for(const std::string& path, InputFormat requested);

}  // namespace kunde::io
