// CSV and TSV on libcsv. Input is fed to the parser one line at a time, so each record
// knows the line it started on even when quoted fields hold newlines.
#include "io/csv_reader.hpp"

#include <csv.h>
#include <fmt/format.h>

#include <cstring>

#include "error.hpp"
#include "io/writer.hpp"
#include "text/utf8.hpp"

namespace kunde::io {
namespace {


struct ParseState {
  Record record;
  std::vector<Record>* ready;
  std::size_t start_line = 0;
  bool in_record = false;
};

void on_field(void* data, std::size_t len, void* ctx) {
  auto* st = static_cast<ParseState*>(ctx);
  st->record.fields.emplace_back(static_cast<const char*>(data), len);
}

void on_record_end(int, void* ctx) {
  auto* st = static_cast<ParseState*>(ctx);
  st->record.line = st->start_line;
  st->ready->push_back(std::move(st->record));
  st->record = Record{};
  st->in_record = false;
}

bool blank(std::string_view line) { return text::trim(line).empty(); }

}  // namespace

void read_csv(ByteSource& source, char separator, RecordSink& sink) {
  csv_parser parser;
  auto init = [&] {
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) throw Error("out of memory", "");
    csv_set_delim(&parser, static_cast<unsigned char>(separator));
  };
  init();
  struct Guard {
    csv_parser* p;
    ~Guard() { csv_free(p); }
  } guard{&parser};

  std::vector<Record> ready;
  ParseState st;
  st.ready = &ready;
  bool have_header = false;
  std::size_t header_size = 0;

  auto deliver = [&] {
    for (auto& rec : ready) {
      if (!have_header) {
        if (!rec.error.empty()) {
          throw Error(fmt::format("{}:{}: {}", source.name(), rec.line, rec.error),
                      "the first line must name the columns; is this a CSV file? (--sep, --input-format)");
        }
        for (auto& h : rec.fields) h = std::string(text::trim(h));
        header_size = rec.fields.size();
        sink.on_header(rec.fields);
        have_header = true;
      } else {
        // A file kunde exported with --safe-csv comes back as it was.
        for (auto& f : rec.fields) {
          if (!f.empty() && f[0] == '\'') {
            if (auto plain = unguard_csv(f); plain.size() != f.size()) f.erase(0, 1);
          }
        }
        sink.on_record(rec);
      }
    }
    ready.clear();
  };

  auto bad_quoting = [&](std::size_t line, const char* what) {
    Record rec;
    rec.line = st.in_record ? st.start_line : line;
    rec.error = what;
    ready.push_back(std::move(rec));
    csv_free(&parser);
    init();
    st.record = Record{};
    st.in_record = false;
  };

  std::size_t line_no = 0;
  for_each_line(source, [&](std::string_view line, std::size_t number) {
    line_no = number;
    if (!st.in_record) {
      if (blank(line)) return;
      st.in_record = true;
      st.start_line = number;
    }
    if (csv_parse(&parser, line.data(), line.size(), on_field, on_record_end, &st) != line.size()) {
      bad_quoting(number, "malformed quoting: a quote inside a field that is not enclosed in quotes, "
                          "or text after a closing quote");
    }
    if (!ready.empty()) deliver();
  });
  if (csv_fini(&parser, on_field, on_record_end, &st) != 0) {
    bad_quoting(line_no, "a quoted field is not closed: its opening quote runs to the end of the file");
  }
  deliver();
  if (!have_header) {
    throw Error(fmt::format("{}: the file is empty", source.name()), "the first line must name the columns");
  }
  (void)header_size;
}

}  // namespace kunde::io
