// The terminal layout: the title in bold colour, section titles underlined, fields as "label  value" lines with the
// label column as wide as the longest label of the section plus two (at least 10), alerts in
// red in that layout behind a "!", tables through io's table writer (which fits the width and
// colours the header), detail tables indented under their row, charts from text_chart.cpp.
// Detail tables of detail tables are left to the other formats.
#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include "report/render_parts.hpp"
#include "text/utf8.hpp"

namespace kunde::report::detail {
namespace {

constexpr const char* kTitle = "\x1b[1;36m";
constexpr const char* kHeading = "\x1b[1;34m";
constexpr const char* kBold = "\x1b[1m";
constexpr const char* kDim = "\x1b[2m";
constexpr const char* kAlert = "\x1b[1;31m";
constexpr std::size_t kDetailIndent = 4;

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    lines.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string repeat_rule(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += "─";
  return s;
}

std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

// Words wrapped to `width` columns; 0 keeps the lines as they are.
std::vector<std::string> wrap(const std::string& text, std::size_t width) {
  std::vector<std::string> out;
  for (const auto& para : split_lines(text)) {
    if (width == 0) {
      out.push_back(para);
      continue;
    }
    std::string line;
    std::istringstream words(para);
    std::string word;
    while (words >> word) {
      if (!line.empty() && text::display_width(line) + 1 + text::display_width(word) > width) {
        out.push_back(line);
        line.clear();
      }
      line += (line.empty() ? "" : " ") + word;
    }
    out.push_back(line);
  }
  return out;
}

class TextRenderer {
 public:
  TextRenderer(std::ostream& out, const io::WriterOptions& options) : out_(out), opt_(options) {}

  void document(const Document& doc) {
    if (!doc.title.empty() || !doc.subtitle.empty()) {
      std::string line = paint(kTitle, doc.title);
      if (!doc.subtitle.empty()) line += (doc.title.empty() ? "" : "  ") + paint(kDim, doc.subtitle);
      out_ << line << '\n';
      last_ = Last::heading;
    }
    section(doc);
  }

 private:
  enum class Last { nothing, heading, line, block };

  std::string paint(const char* code, const std::string& s) const {
    return opt_.color && !s.empty() ? code + s + "\x1b[0m" : s;
  }

  // A blank line between blocks, but not under a heading nor between consecutive lines.
  void gap(bool line_like) {
    if (last_ == Last::nothing || last_ == Last::heading) return;
    if (line_like && last_ == Last::line) return;
    out_ << '\n';
  }

  // The widest label of the section and of the untitled sections in it, which read as
  // part of it.
  static std::size_t widest_label(const Section& s) {
    std::size_t w = 0;
    for (const auto& b : s.blocks) {
      if (!for_people(b.audience)) continue;
      if (const auto* f = std::get_if<Fields>(&b.content)) {
        for (const auto& field : f->items)
          if (field_shown(field)) w = std::max(w, text::display_width(one_line(field.label)));
      } else if (const auto* t = std::get_if<Text>(&b.content); t && t->style == TextStyle::alert) {
        w = std::max<std::size_t>(w, 1);
      } else if (const auto* sub = std::get_if<Section>(&b.content); sub && sub->title.empty()) {
        w = std::max(w, widest_label(*sub));
      }
    }
    return w;
  }

  void section(const Section& s, std::size_t width = 0) {
    if (width == 0) width = std::max<std::size_t>(10, widest_label(s) + 2);
    for (const auto& b : s.blocks) {
      if (!for_people(b.audience)) continue;
      if (const auto* f = std::get_if<Fields>(&b.content)) {
        fields(*f, width);
      } else if (const auto* t = std::get_if<Text>(&b.content)) {
        text_block(*t, width);
      } else if (const auto* tab = std::get_if<Table>(&b.content)) {
        table(*tab);
      } else if (const auto* c = std::get_if<Chart>(&b.content)) {
        gap(false);
        if (!c->title.empty()) out_ << paint(kBold, one_line(c->title)) << '\n';
        render_text_chart(*c, out_, opt_);
        last_ = Last::block;
      } else if (const auto* sub = std::get_if<Section>(&b.content)) {
        if (!has_people_content(*sub)) continue;
        if (sub->title.empty()) {
          section(*sub, width);
          continue;
        }
        if (last_ != Last::nothing) out_ << '\n';
        std::string title = one_line(sub->title);
        out_ << paint(kHeading, title) << '\n' << paint(kDim, repeat_rule(text::display_width(title))) << '\n';
        last_ = Last::heading;
        section(*sub);
        if (last_ == Last::line) last_ = Last::block;  // what follows the section stands apart
      }
    }
  }

  void fields(const Fields& f, std::size_t width) {
    for (const auto& field : f.items) {
      if (!field_shown(field)) continue;
      gap(true);
      std::string label = one_line(field.label);
      std::string pad(width - text::display_width(label), ' ');
      auto lines = split_lines(field_text(field));
      for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string value = one_line(lines[i]);
        out_ << (i == 0 ? paint(kDim, label) + pad : std::string(width, ' ')) << value << '\n';
      }
      last_ = Last::line;
    }
  }

  void text_block(const Text& t, std::size_t width) {
    if (t.text.empty()) return;
    switch (t.style) {
      case TextStyle::alert: {
        gap(true);
        std::string line = "!" + std::string(width - 1, ' ') + one_line(t.text);
        out_ << paint(kAlert, line) << '\n';
        last_ = Last::line;
        return;
      }
      case TextStyle::note:
        gap(true);
        for (const auto& l : wrap(t.text, opt_.width)) out_ << paint(kDim, l) << '\n';
        last_ = Last::line;
        return;
      case TextStyle::paragraph:
        gap(false);
        for (const auto& l : wrap(t.text, opt_.width)) out_ << l << '\n';
        last_ = Last::block;
        return;
    }
  }

  void table(const Table& t) {
    if (t.columns.empty()) return;
    gap(false);
    if (!t.title.empty()) out_ << paint(kBold, one_line(t.title)) << '\n';
    if (has_details(t)) {
      table_with_details(t);
    } else {
      auto w = io::make_row_writer(io::OutputFormat::table, out_, opt_);
      w->begin(t.columns);
      for_each_row(t, [&](const std::vector<Value>& cells, const Row*) { w->row(cells); });
      w->end();
    }
    last_ = Last::block;
  }

  // The parent table and, per detail key, all details of that key are laid out once each
  // (so columns align across rows), then interleaved: a row's details follow it, indented,
  // the header of each kind of detail only before its first appearance.
  void table_with_details(const Table& t) {
    std::ostringstream main;
    auto w = io::make_row_writer(io::OutputFormat::table, main, opt_);
    w->begin(t.columns);
    for_each_row(t, [&](const std::vector<Value>& cells, const Row*) { w->row(cells); });
    w->end();
    auto lines = split_lines(main.str());

    struct Group {
      std::string key;
      std::string header;
      bool header_shown = false;
      std::vector<std::string> lines;
      std::vector<std::size_t> first, count;  // per parent row
    };
    std::vector<Group> groups;
    for (const auto& r : t.rows)
      for (const auto& d : r.details)
        if (std::none_of(groups.begin(), groups.end(), [&](const Group& g) { return g.key == d.key; }))
          groups.push_back(Group{d.key, {}, false, {}, {}, {}});
    io::WriterOptions dopt = opt_;
    if (dopt.width) dopt.width = std::max<std::size_t>(20, dopt.width - kDetailIndent);
    for (auto& g : groups) {
      std::ostringstream text;
      auto dw = io::make_row_writer(io::OutputFormat::table, text, dopt);
      bool begun = false;
      std::size_t n = 0;
      for (const auto& r : t.rows) {
        g.first.push_back(n);
        std::size_t before = n;
        for (const auto& d : r.details) {
          if (d.key != g.key || d.columns.empty()) continue;
          if (!begun) dw->begin(d.columns), begun = true;
          for_each_row(d, [&](const std::vector<Value>& cells, const Row*) { dw->row(cells), ++n; });
        }
        g.count.push_back(n - before);
      }
      if (!begun) continue;
      dw->end();
      g.lines = split_lines(text.str());
      if (opt_.header && !g.lines.empty()) {
        g.header = g.lines.front();
        g.lines.erase(g.lines.begin());
      }
    }

    std::string indent(kDetailIndent, ' ');
    auto indented = [&](const std::string& l) {
      std::string s = indent + l;
      while (!s.empty() && s.back() == ' ') s.pop_back();
      return s;
    };
    std::size_t li = 0;
    if (opt_.header && !lines.empty()) out_ << lines[li++] << '\n';
    for (std::size_t r = 0; r < t.rows.size() && li < lines.size(); ++r) {
      out_ << lines[li++] << '\n';
      for (auto& g : groups) {
        if (r >= g.count.size() || g.count[r] == 0) continue;
        if (!g.header.empty() && !g.header_shown) {
          out_ << indented(g.header) << '\n';
          g.header_shown = true;
        }
        for (std::size_t k = 0; k < g.count[r] && g.first[r] + k < g.lines.size(); ++k)
          out_ << indented(g.lines[g.first[r] + k]) << '\n';
      }
    }
    for (; li < lines.size(); ++li) out_ << lines[li] << '\n';  // streamed rows
  }

  std::ostream& out_;
  io::WriterOptions opt_;
  Last last_ = Last::nothing;
};

}  // namespace

void render_text(const Document& doc, std::ostream& out, const io::WriterOptions& options) {
  TextRenderer(out, options).document(doc);
}

}  // namespace kunde::report::detail
