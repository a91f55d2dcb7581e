// One self-contained HTML page for the whole document, made to be mailed: inline CSS, inline
// SVG charts, no scripts, nothing fetched; a single column of at most 880 pixels in the
// system's fonts. Fields are a two-column table, detail tables nest in a row under their
// parent row, every chart carries its data in a <details> table for readers without SVG.
#include <fmt/format.h>

#include <algorithm>

#include "report/render.hpp"
#include "report/render_parts.hpp"

namespace kunde::report::detail {
namespace {

constexpr const char* kStyle = R"css(
body{margin:0;background:#f4f5f7;color:#222;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
.page{max-width:880px;margin:0 auto;padding:28px 32px 40px;background:#fff}
h1{font-size:26px;line-height:1.2;margin:0 0 4px}
.subtitle{color:#666;margin:0 0 22px}
h2{font-size:20px;margin:34px 0 12px;padding-bottom:4px;border-bottom:2px solid #4e79a7}
h3{font-size:17px;margin:26px 0 8px}
h4,h5,h6{font-size:15px;margin:20px 0 6px}
table{border-collapse:collapse;margin:8px 0 18px;font-size:14px}
th,td{padding:5px 10px;border-bottom:1px solid #e3e5e8;text-align:left;vertical-align:top}
thead th{background:#f1f3f6;font-weight:600;white-space:nowrap}
.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.fields td,table.fields th{border:0;padding:2px 18px 2px 0}
table.fields th{color:#666;font-weight:normal;white-space:nowrap}
tr.detail>td{padding:2px 0 10px 32px;background:#fafbfc}
table.detail{margin:4px 0;font-size:13px}
td.empty{color:#888;font-style:italic}
.alert{color:#a50e1c;font-weight:600;background:#fdecee;border-left:4px solid #d62728;padding:6px 12px;margin:10px 0}
.note{color:#666;font-style:italic}
figure{margin:18px 0 26px}
figure svg{display:block}
details{font-size:13px;color:#444;margin-top:4px}
summary{cursor:pointer;color:#666}
)css";

bool is_number(const Value& v) {
  return std::holds_alternative<std::int64_t>(v) || std::holds_alternative<double>(v) ||
         std::holds_alternative<Decimal>(v);
}

// Escaped text with its line breaks kept.
std::string html_lines(const std::string& s) {
  std::string e = xml_escape(s);
  std::string out;
  for (char c : e) out += c == '\n' ? std::string("<br>") : std::string(1, c);
  return out;
}

class HtmlRenderer {
 public:
  explicit HtmlRenderer(std::ostream& out) : out_(out) {}

  void document(const Document& doc) {
    std::string title = doc.title.empty() ? std::string("kunde") : doc.title;
    if (!doc.subtitle.empty()) title += " — " + doc.subtitle;
    out_ << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         << "<title>" << xml_escape(title) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n"
         << "<div class=\"page\">\n";
    if (!doc.title.empty()) out_ << "<h1>" << xml_escape(doc.title) << "</h1>\n";
    if (!doc.subtitle.empty()) out_ << "<p class=\"subtitle\">" << xml_escape(doc.subtitle) << "</p>\n";
    section(doc, 2);
    out_ << "</div>\n</body>\n</html>\n";
  }

 private:
  void heading(int level, const std::string& title) {
    if (title.empty()) return;
    int h = std::min(level, 6);
    out_ << "<h" << h << '>' << xml_escape(title) << "</h" << h << ">\n";
  }

  void section(const Section& s, int level) {
    for (const auto& b : s.blocks) {
      if (!for_people(b.audience)) continue;
      if (const auto* f = std::get_if<Fields>(&b.content)) {
        fields(*f);
      } else if (const auto* t = std::get_if<Text>(&b.content)) {
        if (t->text.empty()) continue;
        const char* cls = t->style == TextStyle::alert  ? " class=\"alert\""
                          : t->style == TextStyle::note ? " class=\"note\""
                                                        : "";
        out_ << "<p" << cls << '>' << html_lines(t->text) << "</p>\n";
      } else if (const auto* tab = std::get_if<Table>(&b.content)) {
        heading(level, tab->title);
        table(*tab, "data");
      } else if (const auto* c = std::get_if<Chart>(&b.content)) {
        chart(*c);
      } else if (const auto* sub = std::get_if<Section>(&b.content)) {
        if (!has_people_content(*sub)) continue;
        out_ << "<section>\n";
        heading(level, sub->title);
        section(*sub, sub->title.empty() ? level : level + 1);
        out_ << "</section>\n";
      }
    }
  }

  void fields(const Fields& f) {
    bool open = false;
    for (const auto& field : f.items) {
      if (!field_shown(field)) continue;
      if (!open) out_ << "<table class=\"fields\">\n", open = true;
      out_ << "<tr><th>" << xml_escape(field.label) << "</th><td>" << html_lines(field_text(field)) << "</td></tr>\n";
    }
    if (open) out_ << "</table>\n";
  }

  void table(const Table& t, const char* cls) {
    struct Line {
      std::vector<Value> cells;
      const Row* row;
    };
    std::vector<Line> lines;
    // Right-aligned: columns with numbers and nothing else.
    std::vector<bool> numeric(t.columns.size(), false), other(t.columns.size(), false);
    for_each_row(t, [&](const std::vector<Value>& cells, const Row* row) {
      for (std::size_t i = 0; i < t.columns.size() && i < cells.size(); ++i)
        if (!is_null(cells[i])) (is_number(cells[i]) ? numeric : other)[i] = true;
      lines.push_back(Line{cells, row});
    });
    for (std::size_t i = 0; i < numeric.size(); ++i) numeric[i] = numeric[i] && !other[i];
    auto td = [&](std::size_t i) { return numeric[i] ? "<td class=\"n\">" : "<td>"; };
    out_ << "<table class=\"" << cls << "\">\n<thead><tr>";
    for (std::size_t i = 0; i < t.columns.size(); ++i)
      out_ << (numeric[i] ? "<th class=\"n\">" : "<th>") << xml_escape(t.columns[i]) << "</th>";
    out_ << "</tr></thead>\n<tbody>\n";
    if (lines.empty()) {
      out_ << "<tr><td class=\"empty\" colspan=\"" << std::max<std::size_t>(1, t.columns.size())
           << "\">none</td></tr>\n";
    }
    for (const auto& l : lines) {
      out_ << "<tr>";
      for (std::size_t i = 0; i < t.columns.size(); ++i)
        out_ << td(i) << html_lines(i < l.cells.size() ? to_text(l.cells[i]) : std::string()) << "</td>";
      out_ << "</tr>\n";
      if (!l.row) continue;
      for (const auto& d : l.row->details) {
        out_ << "<tr class=\"detail\"><td colspan=\"" << t.columns.size() << "\">\n";
        table(d, "detail");
        out_ << "</td></tr>\n";
      }
    }
    out_ << "</tbody>\n</table>\n";
  }

  void chart(const Chart& c) {
    out_ << "<figure class=\"chart\">\n" << svg_chart(c);
    ChartTable data = chart_table(c);
    if (!data.rows.empty()) {
      out_ << "<details><summary>Data</summary>\n<table class=\"detail\">\n<thead><tr>";
      for (std::size_t i = 0; i < data.columns.size(); ++i)
        out_ << (i ? "<th class=\"n\">" : "<th>") << xml_escape(data.columns[i]) << "</th>";
      out_ << "</tr></thead>\n<tbody>\n";
      for (const auto& r : data.rows) {
        out_ << "<tr>";
        for (std::size_t i = 0; i < r.size(); ++i)
          out_ << (i ? "<td class=\"n\">" : "<td>") << xml_escape(r[i]) << "</td>";
        out_ << "</tr>\n";
      }
      out_ << "</tbody>\n</table>\n</details>\n";
    }
    out_ << "</figure>\n";
  }

  std::ostream& out_;
};

}  // namespace

void render_html(const Document& doc, std::ostream& out) { HtmlRenderer(out).document(doc); }

}  // namespace kunde::report::detail
