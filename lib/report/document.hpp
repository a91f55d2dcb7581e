// The document every command's output is built as: a title, key-value fields, tables (with
// per-row detail tables), charts as data, text, and sections nesting all of these. It says
// what there is to show, never how: render.hpp lays it out as a terminal table, CSV/TSV,
// JSON/NDJSON, Markdown or one HTML page.
#pragma once

#include <concepts>
#include <functional>
#include <list>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "report/chart.hpp"
#include "value.hpp"

namespace kunde::report {

// Who a block is for. A command may show people one summary line ("balance 0.00 (limit
// 5000.00)") while machines get its parts as separate members.
enum class Audience { everyone, people, machines };

struct Member;

// A field's value: a Value, a list (a JSON array) or a record (a JSON object).
class Datum {
 public:
  enum class Kind { value, list, record };

  // Defined after Member, which a record holds: every constructor makes the member list.
  Datum();  // null
  ~Datum();
  Datum(const Datum&);
  Datum(Datum&&) noexcept;
  Datum& operator=(const Datum&);
  Datum& operator=(Datum&&) noexcept;
  Datum(Value v);
  Datum(const char* s);
  Datum(std::string s);
  template <std::integral I>
    requires(!std::same_as<I, bool>)
  Datum(I i) : Datum(Value(static_cast<std::int64_t>(i))) {}
  Datum(double d);
  Datum(Decimal d);
  Datum(bool b);
  template <class T>
  Datum(const std::optional<T>& o) : Datum(o ? Datum(*o) : Datum()) {}
  Datum(const std::vector<std::string>& items);  // a list of texts, such as tags

  static Datum list();
  static Datum list(std::vector<Datum> items);
  static Datum record();
  static Datum record(std::vector<Member> members);

  // Appends to a list or a record (a null becomes an empty list or record first).
  Datum& push(Datum item);
  Datum& add(std::string key, Datum value);

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::value && kunde::is_null(value_); }
  const Value& value() const { return value_; }
  const std::vector<Datum>& items() const { return items_; }
  const std::vector<Member>& members() const { return members_; }

 private:
  Kind kind_ = Kind::value;
  Value value_;
  std::vector<Datum> items_;
  std::vector<Member> members_;
};

struct Member {
  std::string key;
  Datum value;
};

inline Datum::Datum() = default;
inline Datum::~Datum() = default;
inline Datum::Datum(const Datum&) = default;
inline Datum::Datum(Datum&&) noexcept = default;
inline Datum& Datum::operator=(const Datum&) = default;
inline Datum& Datum::operator=(Datum&&) noexcept = default;
inline Datum::Datum(Value v) : value_(std::move(v)) {}
inline Datum::Datum(const char* s) : value_(std::string(s)) {}
inline Datum::Datum(std::string s) : value_(std::move(s)) {}
inline Datum::Datum(double d) : value_(d) {}
inline Datum::Datum(Decimal d) : value_(d) {}
inline Datum::Datum(bool b) : value_(b) {}
inline Datum Datum::list() { return list(std::vector<Datum>{}); }
inline Datum Datum::record() { return record(std::vector<Member>{}); }

struct Field {
  std::string label;  // what people read; empty: the field is for machines only
  std::string key;    // its JSON member and CSV column; empty: for people only
  Datum value;
  std::string display;  // shown to people instead of the value's text, when not empty
};

// Key-value lines. People do not see a field whose value is null or empty text and that has
// no display text; machines get it as null.
struct Fields {
  std::vector<Field> items;

  Fields& add(std::string label, std::string key, Datum value, std::string display = {});
  Fields& show(std::string label, std::string text);  // for people only
  Fields& data(std::string key, Datum value);         // for machines only
};

enum class TextStyle {
  paragraph,
  alert,  // a warning that matters now ("OVER LIMIT by 100.00"): red in a terminal
  note,   // a quiet remark ("cost to serve is not configured")
};

struct Text {
  TextStyle style = TextStyle::paragraph;
  std::string text;
  std::string key;  // JSON member; without one, JSON leaves the text out
};

struct Row;
using RowEmit = std::function<void(const std::vector<Value>&)>;

struct Table {
  std::string key;    // JSON member; empty: derived from the title
  std::string title;  // heading for people; may be empty
  std::vector<std::string> columns;
  std::vector<Row> rows;
  // Rows made while rendering, after `rows`, so a long list never sits in memory whole.
  // A renderer calls it at most once; streamed rows have no detail tables.
  std::function<void(const RowEmit&)> stream;
  // The per-row data CSV, TSV and NDJSON print. At most one table per document should be.
  bool primary = false;

  Row& add_row(std::vector<Value> cells);
};

struct Row {
  std::vector<Value> cells;
  // Tables belonging to this row (an order's lines): indented under it for people, a member
  // of the row's JSON object under their key for machines.
  std::vector<Table> details;

  Table& detail(std::string key, std::vector<std::string> columns);
};

struct Block;

struct Section {
  std::string key;          // JSON member holding the section as an object; empty: members merge into the parent
  std::string title;        // heading for people; may be empty
  std::list<Block> blocks;  // a list, so references the builders return stay valid

  // The builders append a block and return it. fields() extends the last block when that
  // is a Fields block for the same audience, so lines added one after another stay together.
  Fields& fields(Audience audience = Audience::everyone);
  Table& table(std::string key, std::string title, std::vector<std::string> columns,
               Audience audience = Audience::everyone);
  Chart& chart(Chart chart, Audience audience = Audience::everyone);
  Section& section(std::string key, std::string title, Audience audience = Audience::everyone);
  Text& paragraph(std::string text, std::string key = {});
  Text& alert(std::string text, std::string key = {});
  Text& note(std::string text, std::string key = {});
};

struct Block {
  std::variant<Fields, Table, Chart, Text, Section> content;
  Audience audience = Audience::everyone;
};

struct Document : Section {
  std::string subtitle;  // shown after the title ("as of 2026-12-06")

  explicit Document(std::string title_ = {}, std::string subtitle_ = {}) : subtitle(std::move(subtitle_)) {
    title = std::move(title_);
  }
};

}  // namespace kunde::report
