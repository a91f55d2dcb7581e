// The render entry point, and CSV/TSV: the primary table, else the top-level fields as one row.
#include "report/render.hpp"

#include <sstream>

#include "io/json_out.hpp"
#include "report/render_parts.hpp"

namespace kunde::report {
namespace {

void check_charts(const Section& s) {
  for (const auto& b : s.blocks) {
    if (const auto* c = std::get_if<Chart>(&b.content)) check_chart(*c);
    if (const auto* sub = std::get_if<Section>(&b.content)) check_charts(*sub);
  }
}

// The keyed fields a JSON object of the document would hold at its top level.
void top_fields(const Section& s, std::vector<std::string>& keys, std::vector<Value>& values) {
  for (const auto& b : s.blocks) {
    if (!detail::for_machines(b.audience)) continue;
    if (const auto* f = std::get_if<Fields>(&b.content)) {
      for (const auto& field : f->items) {
        if (field.key.empty()) continue;
        keys.push_back(field.key);
        const Datum& d = field.value;
        if (d.kind() == Datum::Kind::value) {
          values.push_back(d.value());
        } else if (d.kind() == Datum::Kind::list) {
          // Lists are joined as tags are in CSV files: a;b.
          std::string joined;
          for (const auto& item : d.items()) joined += (joined.empty() ? "" : ";") + detail::datum_text(item);
          values.emplace_back(joined);
        } else {
          values.emplace_back(io::dump_json(detail::datum_json(d), -1));
        }
      }
    } else if (const auto* sub = std::get_if<Section>(&b.content); sub && sub->key.empty()) {
      top_fields(*sub, keys, values);
    }
  }
}

}  // namespace

namespace detail {

void render_delimited(const Document& doc, char sep, std::ostream& out, const io::WriterOptions& options) {
  auto format = sep == ',' ? io::OutputFormat::csv : io::OutputFormat::tsv;
  const Table* table = find_primary(doc);
  if (!table) {
    std::vector<std::string> keys;
    std::vector<Value> values;
    top_fields(doc, keys, values);
    if (!keys.empty()) {
      auto w = io::make_row_writer(format, out, options);
      w->begin(keys);
      w->row(values);
      w->end();
      return;
    }
    table = find_first_table(doc);
  }
  if (!table) return;
  auto w = io::make_row_writer(format, out, options);
  w->begin(table->columns);
  for_each_row(*table, [&](const std::vector<Value>& cells, const Row*) { w->row(cells); });
  w->end();
}

}  // namespace detail

void render(const Document& doc, io::OutputFormat format, std::ostream& out, const io::WriterOptions& options) {
  check_charts(doc);
  switch (format) {
    case io::OutputFormat::table: detail::render_text(doc, out, options); break;
    case io::OutputFormat::csv: detail::render_delimited(doc, ',', out, options); break;
    case io::OutputFormat::tsv: detail::render_delimited(doc, '\t', out, options); break;
    case io::OutputFormat::json: detail::render_json(doc, false, out, options); break;
    case io::OutputFormat::ndjson: detail::render_json(doc, true, out, options); break;
    case io::OutputFormat::md: detail::render_markdown(doc, out); break;
    case io::OutputFormat::html: detail::render_html(doc, out); break;
  }
  out.flush();
}

std::string render_to_string(const Document& doc, io::OutputFormat format, const io::WriterOptions& options) {
  std::ostringstream out;
  render(doc, format, out, options);
  return out.str();
}

}  // namespace kunde::report
