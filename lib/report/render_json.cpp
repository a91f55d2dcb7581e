// JSON and NDJSON. A document that is only its primary table is the array of its rows, so a
// list command stays an array; anything else is one object built from the keyed parts.
#include <fmt/format.h>

#include <cmath>

#include "error.hpp"
#include "io/json_out.hpp"
#include "report/render_parts.hpp"

namespace kunde::report::detail {
namespace {

using json = nlohmann::ordered_json;

void put(json& obj, const std::string& key, json value) {
  if (obj.contains(key)) {
    throw Error(fmt::format("two parts of the JSON output are named '{}'", key),
                "this is a fault in kunde; please report it");
  }
  obj[key] = std::move(value);
}

json table_array(const Table& t);

json row_object(const Table& t, const std::vector<Value>& cells, const Row* row) {
  json obj = json::object();
  // Columns come from the data (a query may name two alike): the last one wins, as it does
  // for a JSON reader of io's flat rows.
  for (std::size_t i = 0; i < t.columns.size(); ++i)
    obj[t.columns[i]] = io::json_value(i < cells.size() ? cells[i] : Value{});
  if (row) {
    for (const auto& d : row->details) put(obj, slug(d.key.empty() ? d.title : d.key, "rows"), table_array(d));
  }
  return obj;
}

json table_array(const Table& t) {
  json arr = json::array();
  for_each_row(t, [&](const std::vector<Value>& cells, const Row* row) { arr.push_back(row_object(t, cells, row)); });
  return arr;
}

// A streamed table's rows as an array at `at` in the dumped text, laid out as nlohmann lays
// out the arrays it dumps: compact without an indent; otherwise one element a line block,
// indented one step past the line the array starts on.
void write_array(const Table& t, const std::string& text, std::size_t at, int indent, std::ostream& out) {
  std::string pad;
  if (indent >= 0) {
    std::size_t line = text.rfind('\n', at);
    line = line == std::string::npos ? 0 : line + 1;
    pad.assign(text.find_first_not_of(' ', line) - line + static_cast<std::size_t>(indent), ' ');
  }
  bool first = true;
  out << '[';
  for_each_row(t, [&](const std::vector<Value>& cells, const Row* row) {
    std::string element = io::dump_json(row_object(t, cells, row), indent);
    if (indent < 0) {
      out << (first ? "" : ",") << element;
    } else {
      // A JSON string holds no raw line break: each one starts a line of the element.
      out << (first ? "\n" : ",\n") << pad;
      std::size_t from = 0;
      for (std::size_t nl; (nl = element.find('\n', from)) != std::string::npos; from = nl + 1) {
        out.write(element.data() + from, static_cast<std::streamsize>(nl + 1 - from)) << pad;
      }
      out.write(element.data() + from, static_cast<std::streamsize>(element.size() - from));
    }
    first = false;
  });
  if (indent >= 0 && !first) out << '\n' << std::string(pad.size() - static_cast<std::size_t>(indent), ' ');
  out << ']';
}

json number_or_null(double v) { return std::isfinite(v) ? json(v) : json(); }

std::string kind_name(ChartKind k) {
  switch (k) {
    case ChartKind::line: return "line";
    case ChartKind::bar: return "bar";
    case ChartKind::stacked_bar: return "stacked_bar";
    case ChartKind::histogram: return "histogram";
    case ChartKind::heatmap: return "heatmap";
  }
  return "bar";
}

std::string scale_name(Scale s) {
  switch (s) {
    case Scale::number: return "number";
    case Scale::integer: return "integer";
    case Scale::percent: return "percent";
    case Scale::money: return "money";
  }
  return "number";
}

json chart_json(const Chart& c) {
  json j = json::object();
  j["type"] = kind_name(c.kind);
  j["title"] = c.title;
  j["x_label"] = c.x_label;
  j["y_label"] = c.y_label;
  if (c.kind == ChartKind::heatmap) j["value_label"] = c.value_label;
  j["value_format"] = scale_name(c.y_format.scale);
  if (!c.x.empty()) {
    json x = json::array();
    for (double v : c.x) x.push_back(v);
    j[c.kind == ChartKind::histogram ? "bin_edges" : "x"] = x;
    j["x_format"] = scale_name(c.x_format.scale);
  } else {
    j["categories"] = c.categories;
  }
  json series = json::array();
  for (const auto& s : c.series) {
    json values = json::array();
    for (double v : s.values) values.push_back(number_or_null(v));
    json one{{"name", s.name}, {"values", values}};
    if (s.reference) one["reference"] = true;
    series.push_back(std::move(one));
  }
  j["series"] = series;
  if (!c.guides.empty()) {
    json guides = json::array();
    for (const auto& g : c.guides) guides.push_back(json{{"value", g.value}, {"label", g.label}});
    j["guides"] = guides;
  }
  return j;
}

// Tables whose rows are made while rendering (Table::stream) stand in the object as a marker
// string, and are written row by row where the marker is: a report's rows per customer never
// sit in memory as JSON all at once. Like io's decimal marker, it starts with a control
// character, which data cannot put unescaped at the start of a JSON string.
constexpr const char* kTableMarker = "\x01" "table:";
constexpr std::string_view kTableEscaped = "\"\\u0001table:";

void add_members(json& obj, const Section& s, std::vector<const Table*>& streamed) {
  for (const auto& b : s.blocks) {
    if (!for_machines(b.audience)) continue;
    if (const auto* f = std::get_if<Fields>(&b.content)) {
      for (const auto& field : f->items)
        if (!field.key.empty()) put(obj, field.key, datum_json(field.value));
    } else if (const auto* t = std::get_if<Table>(&b.content)) {
      const std::string key = t->key.empty() ? slug(t->title, "rows") : t->key;
      if (t->stream) {
        put(obj, key, kTableMarker + std::to_string(streamed.size()));
        streamed.push_back(t);
      } else {
        put(obj, key, table_array(*t));
      }
    } else if (const auto* c = std::get_if<Chart>(&b.content)) {
      put(obj, c->key.empty() ? slug(c->title, "chart") : c->key, chart_json(*c));
    } else if (const auto* text = std::get_if<Text>(&b.content)) {
      if (!text->key.empty()) put(obj, text->key, text->text);
    } else if (const auto* sub = std::get_if<Section>(&b.content)) {
      if (sub->key.empty()) {
        add_members(obj, *sub, streamed);
      } else {
        json inner = json::object();
        add_members(inner, *sub, streamed);
        put(obj, sub->key, std::move(inner));
      }
    }
  }
}

// How many JSON members the section adds to its object, a keyed section counting one.
std::size_t member_count(const Section& s) {
  std::size_t n = 0;
  for (const auto& b : s.blocks) {
    if (!for_machines(b.audience)) continue;
    if (const auto* f = std::get_if<Fields>(&b.content)) {
      for (const auto& field : f->items) n += field.key.empty() ? 0 : 1;
    } else if (const auto* text = std::get_if<Text>(&b.content)) {
      n += text->key.empty() ? 0 : 1;
    } else if (const auto* sub = std::get_if<Section>(&b.content); sub && sub->key.empty()) {
      n += member_count(*sub);
    } else {
      ++n;
    }
  }
  return n;
}

// The table among the members of the section and its unkeyed sections, if any.
const Table* member_table(const Section& s) {
  for (const auto& b : s.blocks) {
    if (!for_machines(b.audience)) continue;
    if (const auto* t = std::get_if<Table>(&b.content)) return t;
    if (const auto* sub = std::get_if<Section>(&b.content); sub && sub->key.empty()) {
      if (const Table* t = member_table(*sub)) return t;
    }
  }
  return nullptr;
}

// Rows as the list commands have always written them: an array with one compact object a
// line, or NDJSON. Flat rows go through io's writer, which streams.
void write_rows(const Table& t, bool lines, std::ostream& out, const io::WriterOptions& options) {
  if (!has_details(t)) {
    auto w = io::make_row_writer(lines ? io::OutputFormat::ndjson : io::OutputFormat::json, out, options);
    w->begin(t.columns);
    for_each_row(t, [&](const std::vector<Value>& cells, const Row*) { w->row(cells); });
    w->end();
    return;
  }
  bool first = true;
  if (!lines) out << '[';
  for_each_row(t, [&](const std::vector<Value>& cells, const Row* row) {
    std::string obj = io::dump_json(row_object(t, cells, row), -1);
    if (lines) {
      out << obj << '\n';
    } else {
      out << (first ? "\n  " : ",\n  ") << obj;
    }
    first = false;
  });
  if (!lines) out << (first ? "]\n" : "\n]\n");
}

}  // namespace

json datum_json(const Datum& d) {
  switch (d.kind()) {
    case Datum::Kind::value: return io::json_value(d.value());
    case Datum::Kind::list: {
      json arr = json::array();
      for (const auto& item : d.items()) arr.push_back(datum_json(item));
      return arr;
    }
    case Datum::Kind::record: {
      json obj = json::object();
      for (const auto& m : d.members()) put(obj, m.key, datum_json(m.value));
      return obj;
    }
  }
  return nullptr;
}

void render_json(const Document& doc, bool one_line, std::ostream& out, const io::WriterOptions& options) {
  // NDJSON is the primary table's rows whatever else there is; JSON only when it is all.
  const Table* primary = find_primary(doc);
  if (primary && (one_line || (member_count(doc) == 1 && member_table(doc) == primary))) {
    write_rows(*primary, one_line, out, options);
    return;
  }
  json obj = json::object();
  std::vector<const Table*> streamed;
  add_members(obj, doc, streamed);
  const int indent = one_line ? -1 : 2;
  const std::string text = io::dump_json(obj, indent);
  std::size_t pos = 0;
  while (true) {
    std::size_t at = text.find(kTableEscaped, pos);
    if (at == std::string::npos) break;
    std::size_t end = text.find('"', at + kTableEscaped.size());
    const Table& t = *streamed.at(std::stoul(text.substr(at + kTableEscaped.size(), end - at - kTableEscaped.size())));
    out.write(text.data() + pos, static_cast<std::streamsize>(at - pos));
    write_array(t, text, at, indent, out);
    pos = end + 1;
  }
  out.write(text.data() + pos, static_cast<std::streamsize>(text.size() - pos));
  out << '\n';
}

}  // namespace kunde::report::detail
