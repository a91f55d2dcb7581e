// The expression tree of a segment rule (`p_alive < 0.5 and country in (NO, SE)`), already
// checked against the field catalogue. lib/crm parses and prints it; a store renders it as a
// query. It lives here, with the other domain values, so the store needs nothing from crm.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace kunde::model {

// What a field holds, which decides the comparisons and values a rule may use on it.
enum class FieldKind {
  text,       // compared ignoring case and diacritics
  integer,    // counts
  number,     // scores, probabilities
  money,      // stored in minor units, written in major units
  date,       // ISO text 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS', compared by day
  boolean,    // 0 or 1
  day_count,  // a number of days (recency): numbers or durations such as 26w
};

const char* field_kind_name(FieldKind kind);

// The left side of a comparison: a catalogue field, or a custom attribute (whose values are
// always text).
struct RuleSubject {
  enum class Source { field, attribute };
  Source source = Source::field;
  std::string name;  // the field's name as the catalogue spells it, or the attribute key
  FieldKind kind = FieldKind::text;
  bool operator==(const RuleSubject&) const = default;
};

// Money in minor units of the currency (2000 with two decimals is 200000).
struct MoneyValue {
  std::int64_t minor = 0;
  bool operator==(const MoneyValue&) const = default;
};

// A day as 'YYYY-MM-DD'.
struct DateValue {
  std::string iso;
  bool operator==(const DateValue&) const = default;
};

// A day counted from the day the rule is evaluated on (-30d, today): a stored segment keeps
// meaning "the last 30 days" as time passes.
struct RelativeDateValue {
  int days = 0;
  bool operator==(const RelativeDateValue&) const = default;
};

// A value of a rule, of the type its subject's kind calls for: text for text fields and
// attributes, a number for integer, number and day-count fields (durations in days), money,
// a date or relative date, or a boolean.
struct RuleValue {
  std::variant<std::string, double, MoneyValue, DateValue, RelativeDateValue, bool> data;
  std::string spelling;  // how a printed rule writes it (quoted by the printer when needed)
  bool operator==(const RuleValue&) const = default;
};

enum class CompareOp {
  eq, ne, lt, le, gt, ge,
  contains,       // ~ : the folded text holds the folded value
  in, not_in,     // one of the values / none of them
  is_null, not_null,
};

struct Comparison {
  RuleSubject subject;
  CompareOp op = CompareOp::eq;
  std::vector<RuleValue> values;  // one for eq..contains, one or more for in/not_in, none for null tests
  bool operator==(const Comparison&) const = default;
};

// A node of the tree. `all_of` and `any_of` hold two or more children, never a child of their
// own kind (nested ones are flattened), so long chains stay shallow.
struct RuleNode {
  enum class Kind { all_of, any_of, negation, comparison, tag, segment };
  Kind kind = Kind::comparison;
  std::vector<RuleNode> children;  // all_of, any_of; negation has exactly one
  Comparison comparison;           // comparison
  std::string name;                // tag or segment name
  bool operator==(const RuleNode&) const = default;
};

}  // namespace kunde::model
