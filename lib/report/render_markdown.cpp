// GitHub-flavoured Markdown: headings for the title and sections, fields as a list, tables as
// pipe tables (detail tables follow their parent, each under the first cell of its row),
// charts as their data table under the chart's title, since Markdown cannot draw.
#include <algorithm>

#include "report/render_parts.hpp"

namespace kunde::report::detail {
namespace {

// Backslash-escapes what Markdown would read as markup or raw HTML; line breaks become spaces.
std::string esc(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t') {
      o += ' ';
      continue;
    }
    if (std::string_view("\\`*_[]<>|#~&!").find(c) != std::string_view::npos) o += '\\';
    o += c;
  }
  return o;
}

bool is_number(const Value& v) {
  return std::holds_alternative<std::int64_t>(v) || std::holds_alternative<double>(v) ||
         std::holds_alternative<Decimal>(v);
}

void pipe_table(std::ostream& out, const std::vector<std::string>& columns,
                const std::vector<std::vector<std::string>>& rows, const std::vector<bool>& right) {
  out << '|';
  for (const auto& c : columns) out << ' ' << esc(c) << " |";
  out << "\n|";
  for (std::size_t i = 0; i < columns.size(); ++i) out << (i < right.size() && right[i] ? " ---: |" : " --- |");
  out << '\n';
  for (const auto& r : rows) {
    out << '|';
    for (std::size_t i = 0; i < columns.size(); ++i) out << ' ' << (i < r.size() ? esc(r[i]) : "") << " |";
    out << '\n';
  }
  out << '\n';
}

class MarkdownRenderer {
 public:
  explicit MarkdownRenderer(std::ostream& out) : out_(out) {}

  void document(const Document& doc) {
    if (!doc.title.empty()) out_ << "# " << esc(doc.title) << "\n\n";
    if (!doc.subtitle.empty()) out_ << '*' << esc(doc.subtitle) << "*\n\n";
    section(doc, 2);
  }

 private:
  void heading(int level, const std::string& title) {
    if (title.empty()) return;
    out_ << std::string(static_cast<std::size_t>(std::min(level, 6)), '#') << ' ' << esc(title) << "\n\n";
  }

  void section(const Section& s, int level) {
    for (const auto& b : s.blocks) {
      if (!for_people(b.audience)) continue;
      if (const auto* f = std::get_if<Fields>(&b.content)) {
        bool any = false;
        for (const auto& field : f->items) {
          if (!field_shown(field)) continue;
          out_ << "- **" << esc(field.label) << ":** " << esc(field_text(field)) << '\n';
          any = true;
        }
        if (any) out_ << '\n';
      } else if (const auto* t = std::get_if<Text>(&b.content)) {
        if (t->text.empty()) continue;
        if (t->style == TextStyle::alert) {
          out_ << "> **" << esc(t->text) << "**\n\n";
        } else if (t->style == TextStyle::note) {
          out_ << '*' << esc(t->text) << "*\n\n";
        } else {
          out_ << esc(t->text) << "\n\n";
        }
      } else if (const auto* tab = std::get_if<Table>(&b.content)) {
        heading(level, tab->title);
        table(*tab);
      } else if (const auto* c = std::get_if<Chart>(&b.content)) {
        heading(level, c->title);
        chart(*c);
      } else if (const auto* sub = std::get_if<Section>(&b.content)) {
        if (!has_people_content(*sub)) continue;
        heading(level, sub->title);
        section(*sub, sub->title.empty() ? level : level + 1);
      }
    }
  }

  void table(const Table& t) {
    std::vector<std::vector<std::string>> rows;
    // Right-aligned: columns with numbers and nothing else.
    std::vector<bool> numeric(t.columns.size(), false), other(t.columns.size(), false);
    std::vector<const Row*> with_details;
    for_each_row(t, [&](const std::vector<Value>& cells, const Row* row) {
      std::vector<std::string> texts;
      for (std::size_t i = 0; i < t.columns.size(); ++i) {
        const Value& v = i < cells.size() ? cells[i] : Value{};
        if (!is_null(v)) (is_number(v) ? numeric : other)[i] = true;
        texts.push_back(to_text(v));
      }
      rows.push_back(std::move(texts));
      if (row && !row->details.empty()) with_details.push_back(row);
    });
    for (std::size_t i = 0; i < numeric.size(); ++i) numeric[i] = numeric[i] && !other[i];
    pipe_table(out_, t.columns, rows, numeric);
    for (const Row* row : with_details) {
      for (const auto& d : row->details) {
        std::string of = row->cells.empty() ? std::string() : to_text(row->cells.front());
        out_ << '*' << esc(d.title.empty() ? d.key : d.title) << (of.empty() ? "" : " of " + esc(of)) << "*\n\n";
        table(d);
      }
    }
  }

  void chart(const Chart& c) {
    ChartTable data = chart_table(c);
    std::vector<bool> right(data.columns.size(), true);
    if (!right.empty()) right[0] = false;
    pipe_table(out_, data.columns, data.rows, right);
  }

  std::ostream& out_;
};

}  // namespace

namespace {

// Blocks end in a blank line; the last one's is held back, so the document ends in one
// newline. Newlines are passed on only once text follows them, which keeps long tables
// streaming.
class HoldTrailingNewlines : public std::streambuf {
 public:
  explicit HoldTrailingNewlines(std::ostream& out) : out_(out) {}
  void finish() {
    if (held_ > 0) out_.put('\n');
    held_ = 0;
  }

 protected:
  int_type overflow(int_type ch) override {
    if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
    if (traits_type::to_char_type(ch) == '\n') {
      ++held_;
    } else {
      for (; held_ > 0; --held_) out_.put('\n');
      out_.put(traits_type::to_char_type(ch));
    }
    return ch;
  }

 private:
  std::ostream& out_;
  int held_ = 0;
};

}  // namespace

void render_markdown(const Document& doc, std::ostream& out) {
  HoldTrailingNewlines trimmed(out);
  std::ostream stream(&trimmed);
  stream.exceptions(out.exceptions());
  MarkdownRenderer(stream).document(doc);
  trimmed.finish();
}

}  // namespace kunde::report::detail
