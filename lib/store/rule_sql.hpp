// A segment rule as a parameterised WHERE fragment, for any SQL backend: the tree walk and
// the logic (every comparison 0/false or 1/true, never NULL, so `not R` is the exact
// complement of R) are here; each backend gives its dialect (placeholders, booleans, the
// substring function) and its mapping of fields to SQL. Only the caller's SQL (field
// expressions, table and column names) and placeholders go into the text; every value of the
// rule, attribute keys and tag names included, is a parameter.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/rule_tree.hpp"
#include "value.hpp"

namespace kunde::store {

// Rows that give a customer a name: tags, segment memberships.
struct MembershipSource {
  std::string from;             // what to select from, e.g. "customer_tags rt"
  std::string customer_column;  // e.g. "rt.customer_id"
  std::string name_column;      // e.g. "rt.tag"
};

// Where a customer's custom attributes are: rows of key and value selected from `from`, which
// either belongs to the customer row already or is joined by customer_column.
struct AttributeSource {
  std::string from;
  std::string customer_column;  // empty: `from` already belongs to the customer row
  std::string key_column;
  std::string value_column;
};

// How the query the fragment goes into names things.
struct RuleMapping {
  // Field name -> SQL expression over the query's tables, such as "c.country" or
  // "coalesce(s.revenue, 0)" (a statistic a customer without orders has as 0, not missing).
  std::map<std::string, std::string> fields;
  std::string customer_id = "c.id";
  MembershipSource tags{"customer_tags rt", "rt.customer_id", "rt.tag"};
  std::optional<MembershipSource> segments;  // unset: rules with segment:NAME cannot be rendered
  AttributeSource attributes;
};

struct RuleSql {
  std::string where;          // a boolean expression, true or false for every row (never NULL)
  std::vector<Value> params;  // in the order of the placeholders
};

// What differs between SQL dialects in a rendered rule.
class RuleDialect {
 public:
  virtual ~RuleDialect() = default;
  // The placeholder of the n-th parameter of the fragment (from 1), compared with a subject
  // of `kind` (booleans are given as the integers 0 and 1).
  virtual std::string placeholder(std::size_t n, model::FieldKind kind, const Value& value) const = 0;
  // The literals of false and true, for comparisons with a missing value.
  virtual const char* no() const = 0;
  virtual const char* yes() const = 0;
  // A function (text, part) giving the 1-based position of part in text, 0 when absent.
  virtual const char* position_function() const = 0;
};

// Renders the rule; relative dates count from `today` ('YYYY-MM-DD'). Throws kunde::Error when
// the mapping lacks a field the rule names, or segment membership for segment:NAME.
//
// Text compares through kunde_fold() on both sides (case and diacritics ignored); dates by
// their first ten characters, the day; booleans as 0 and 1. A NULL matches no comparison but
// != and not in, so `not R` is the exact complement of R.
RuleSql render_rule(const model::RuleNode& rule, const RuleMapping& mapping, const std::string& today,
                    const RuleDialect& dialect);

}  // namespace kunde::store
