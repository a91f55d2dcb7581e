// Picks the reader for a file.
#include "io/records.hpp"

#include "io/byte_source.hpp"
#include "io/csv_reader.hpp"
#include "io/json_reader.hpp"

#include <fmt/format.h>

#include "error.hpp"
#include "text/gate.hpp"
#include "text/utf8.hpp"

namespace kunde::io {
namespace {

// The text gate (text/gate.hpp) between every reader and its sink, so all formats refuse the
// same things with the same words. Invalid UTF-8 stops the file: it is most often a file in
// another encoding, and every row after it would be wrong too. A NUL byte rejects its row.
class GateSink final : public RecordSink {
 public:
  GateSink(RecordSink& sink, const ByteSource& source) : sink_(sink), source_(source) {}
  void on_header(const std::vector<std::string>& header) override {
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (auto fault = text::text_fault(header[i])) {
        throw Error(fmt::format("{}:{}: column name {} {}", source_.name(), line_, i + 1, *fault),
                    hint(*fault));
      }
    }
    header_ = header;
    sink_.on_header(header);
  }
  void on_record(const Record& record) override {
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
      auto fault = text::text_fault(record.fields[i]);
      if (!fault) continue;
      std::string field = i < header_.size() ? fmt::format("field '{}'", header_[i]) : fmt::format("field {}", i + 1);
      if (!text::is_nul_fault(*fault)) {
        throw Error(fmt::format("{}:{}: {} {}", source_.name(), record.line, field, *fault), hint(*fault));
      }
      if (record.error.empty()) {
        Record rejected = record;
        rejected.error = fmt::format("{} {}", field, *fault);
        line_ = record.line;
        sink_.on_record(rejected);
        return;
      }
    }
    line_ = record.line + 1;
    sink_.on_record(record);
  }

 private:
  static std::string hint(const std::string& fault) {
    return text::is_nul_fault(fault) ? "remove the NUL byte; a file with many is likely UTF-16 without its byte-order mark"
                                     : "give the file's encoding, e.g. --encoding cp1252 (also for \"Latin-1\")";
  }
  RecordSink& sink_;
  const ByteSource& source_;
  std::vector<std::string> header_;
  std::size_t line_ = 1;  // where a header comes from: the first line, or after a record
};

}  // namespace

InputFormat input_format_for(const std::string& path, InputFormat requested) {
  if (requested != InputFormat::automatic) return requested;
  std::string p = text::to_lower_ascii(path);
  auto ends = [&](std::string_view ext) { return p.size() >= ext.size() && p.compare(p.size() - ext.size(), ext.size(), ext) == 0; };
  if (ends(".ndjson") || ends(".jsonl")) return InputFormat::ndjson;
  if (ends(".json")) return InputFormat::json;
  if (ends(".tsv") || ends(".tab")) return InputFormat::tsv;
  return InputFormat::csv;
}

std::string read_records(const std::string& path, const ReadOptions& options, RecordSink& user_sink) {
  ByteSource source(path, options.encoding);
  GateSink sink(user_sink, source);
  InputFormat format = input_format_for(path, options.format);
  if (options.format == InputFormat::automatic && path == "-") {
    // Standard input has no extension: JSON announces itself by its first character.
    char first = source.peek_significant();
    if (first == '[' || first == '{') format = InputFormat::json;
  }
  switch (format) {
    case InputFormat::json:
      read_json(source, sink);
      break;
    case InputFormat::ndjson:
      read_ndjson(source, sink);
      break;
    case InputFormat::tsv:
      read_csv(source, options.separator ? options.separator : '\t', sink);
      break;
    default:
      read_csv(source, options.separator ? options.separator : ',', sink);
      break;
  }
  return source.name();
}

}  // namespace kunde::io
