// Building documents.
#include "report/document.hpp"

namespace kunde::report {

Datum::Datum(const std::vector<std::string>& items) : kind_(Kind::list) {
  items_.reserve(items.size());
  for (const auto& s : items) items_.emplace_back(s);
}

Datum Datum::list(std::vector<Datum> items) {
  Datum d;
  d.kind_ = Kind::list;
  d.items_ = std::move(items);
  return d;
}

Datum Datum::record(std::vector<Member> members) {
  Datum d;
  d.kind_ = Kind::record;
  d.members_ = std::move(members);
  return d;
}

Datum& Datum::push(Datum item) {
  if (is_null()) kind_ = Kind::list;
  items_.push_back(std::move(item));
  return *this;
}

Datum& Datum::add(std::string key, Datum value) {
  if (is_null()) kind_ = Kind::record;
  members_.push_back(Member{std::move(key), std::move(value)});
  return *this;
}

Fields& Fields::add(std::string label, std::string key, Datum value, std::string display) {
  items.push_back(Field{std::move(label), std::move(key), std::move(value), std::move(display)});
  return *this;
}

Fields& Fields::show(std::string label, std::string text) {
  return add(std::move(label), {}, Datum(), std::move(text));
}

Fields& Fields::data(std::string key, Datum value) { return add({}, std::move(key), std::move(value)); }

Row& Table::add_row(std::vector<Value> cells) {
  rows.push_back(Row{std::move(cells), {}});
  return rows.back();
}

Table& Row::detail(std::string key, std::vector<std::string> columns) {
  Table t;
  t.key = std::move(key);
  t.columns = std::move(columns);
  details.push_back(std::move(t));
  return details.back();
}

Fields& Section::fields(Audience audience) {
  if (!blocks.empty() && blocks.back().audience == audience) {
    if (auto* f = std::get_if<Fields>(&blocks.back().content)) return *f;
  }
  blocks.push_back(Block{Fields{}, audience});
  return std::get<Fields>(blocks.back().content);
}

Table& Section::table(std::string key, std::string title, std::vector<std::string> columns, Audience audience) {
  Table t;
  t.key = std::move(key);
  t.title = std::move(title);
  t.columns = std::move(columns);
  blocks.push_back(Block{std::move(t), audience});
  return std::get<Table>(blocks.back().content);
}

Chart& Section::chart(Chart chart, Audience audience) {
  blocks.push_back(Block{std::move(chart), audience});
  return std::get<Chart>(blocks.back().content);
}

Section& Section::section(std::string key, std::string title, Audience audience) {
  Section s;
  s.key = std::move(key);
  s.title = std::move(title);
  blocks.push_back(Block{std::move(s), audience});
  return std::get<Section>(blocks.back().content);
}

namespace {
Text& add_text(std::list<Block>& blocks, TextStyle style, std::string text, std::string key) {
  blocks.push_back(Block{Text{style, std::move(text), std::move(key)}, Audience::everyone});
  return std::get<Text>(blocks.back().content);
}
}  // namespace

Text& Section::paragraph(std::string text, std::string key) {
  return add_text(blocks, TextStyle::paragraph, std::move(text), std::move(key));
}
Text& Section::alert(std::string text, std::string key) {
  return add_text(blocks, TextStyle::alert, std::move(text), std::move(key));
}
Text& Section::note(std::string text, std::string key) {
  return add_text(blocks, TextStyle::note, std::move(text), std::move(key));
}

}  // namespace kunde::report
