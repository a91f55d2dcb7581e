// Picks the reader for a file.
#include "io/records.hpp"

#include "io/byte_source.hpp"
#include "io/csv_reader.hpp"
#include "io/json_reader.hpp"
#include "text/utf8.hpp"

namespace kunde::io {

InputFormat input_format_for(const std::string& path, InputFormat requested) {
  if (requested != InputFormat::automatic) return requested;
  std::string p = text::to_lower_ascii(path);
  auto ends = [&](std::string_view ext) { return p.size() >= ext.size() && p.compare(p.size() - ext.size(), ext.size(), ext) == 0; };
  if (ends(".ndjson") || ends(".jsonl")) return InputFormat::ndjson;
  if (ends(".json")) return InputFormat::json;
  if (ends(".tsv") || ends(".tab")) return InputFormat::tsv;
  return InputFormat::csv;
}

std::string read_records(const std::string& path, const ReadOptions& options, RecordSink& sink) {
  ByteSource source(path, options.encoding);
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
