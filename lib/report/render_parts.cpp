// Helpers every renderer uses.
#include "report/render_parts.hpp"

#include "text/utf8.hpp"

namespace kunde::report::detail {

void for_each_row(const Table& t, const std::function<void(const std::vector<Value>&, const Row*)>& fn) {
  for (const auto& r : t.rows) fn(r.cells, &r);
  if (t.stream) t.stream([&](const std::vector<Value>& cells) { fn(cells, nullptr); });
}

bool has_details(const Table& t) {
  for (const auto& r : t.rows)
    if (!r.details.empty()) return true;
  return false;
}

namespace {
template <class Pred>
const Table* find_table(const Section& s, const Pred& pred) {
  for (const auto& b : s.blocks) {
    if (!for_machines(b.audience)) continue;
    if (const auto* t = std::get_if<Table>(&b.content); t && pred(*t)) return t;
    if (const auto* sub = std::get_if<Section>(&b.content)) {
      if (const Table* t = find_table(*sub, pred)) return t;
    }
  }
  return nullptr;
}
}  // namespace

const Table* find_primary(const Section& s) {
  return find_table(s, [](const Table& t) { return t.primary; });
}

const Table* find_first_table(const Section& s) {
  return find_table(s, [](const Table&) { return true; });
}

std::string datum_text(const Datum& d) {
  std::string out;
  switch (d.kind()) {
    case Datum::Kind::value: return to_text(d.value());
    case Datum::Kind::list:
      for (const auto& item : d.items()) out += (out.empty() ? "" : ", ") + datum_text(item);
      return out;
    case Datum::Kind::record:
      for (const auto& m : d.members()) {
        std::string v = datum_text(m.value);
        if (m.value.kind() == Datum::Kind::record) v = "(" + v + ")";
        out += (out.empty() ? "" : ", ") + m.key + " " + v;
      }
      return out;
  }
  return out;
}

std::string field_text(const Field& f) { return f.display.empty() ? datum_text(f.value) : f.display; }

bool field_shown(const Field& f) { return !f.label.empty() && !field_text(f).empty(); }

bool has_people_content(const Section& s) {
  for (const auto& b : s.blocks) {
    if (!for_people(b.audience)) continue;
    if (const auto* f = std::get_if<Fields>(&b.content)) {
      for (const auto& field : f->items)
        if (field_shown(field)) return true;
    } else if (const auto* sub = std::get_if<Section>(&b.content)) {
      if (has_people_content(*sub)) return true;
    } else if (const auto* t = std::get_if<Text>(&b.content)) {
      if (!t->text.empty()) return true;
    } else {
      return true;  // tables and charts
    }
  }
  return false;
}

std::string slug(std::string_view title, std::string_view fallback) {
  std::string folded = text::fold(title);
  std::string out;
  for (char c : folded) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum) {
      out += c;
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out.empty() ? std::string(fallback) : out;
}

std::string xml_escape(std::string_view s) {
  std::string o;
  o.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '&': o += "&amp;"; break;
      case '"': o += "&quot;"; break;
      case '\'': o += "&#39;"; break;
      default:
        // Control characters are not allowed in XML, even escaped.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t') o += c;
    }
  }
  return o;
}

}  // namespace kunde::report::detail
