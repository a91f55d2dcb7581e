// A segment rule as a parameterised SQLite WHERE fragment. Only the caller's SQL (field
// expressions, table and column names) and '?' placeholders go into the text; every value of
// the rule, attribute keys and tag names included, is a bound parameter.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/rule_tree.hpp"
#include "value.hpp"

namespace kunde::store::sqlite {
class Statement;
}

namespace kunde::store::sqlite {

// Rows that give a customer a name: tags, segment memberships.
struct MembershipSource {
  std::string from;             // what to select from, e.g. "customer_tags rt"
  std::string customer_column;  // e.g. "rt.customer_id"
  std::string name_column;      // e.g. "rt.tag"
};

// Where a customer's custom attributes are: by default the JSON object in customers.attributes,
// read with json_each; a key-value table works too (then customer_column is set).
struct AttributeSource {
  std::string from = "json_each(c.attributes) ra";
  std::string customer_column;  // empty: `from` already belongs to the customer row
  std::string key_column = "ra.key";
  std::string value_column = "ra.value";
};

// How the query the fragment goes into names things.
struct RuleSqlMapping {
  // Field name -> SQL expression over the query's tables, such as "c.country" or
  // "coalesce(s.revenue, 0)" (a statistic a customer without orders has as 0, not missing).
  std::map<std::string, std::string> fields;
  std::string customer_id = "c.id";
  MembershipSource tags{"customer_tags rt", "rt.customer_id", "rt.tag"};
  std::optional<MembershipSource> segments;  // unset: rules with segment:NAME cannot be rendered
  AttributeSource attributes;
};

struct RuleSql {
  std::string where;          // a boolean expression, 1 or 0 for every row (never NULL)
  std::vector<Value> params;  // in the order of the placeholders
};

// Renders the rule; relative dates count from `today` ('YYYY-MM-DD'). Throws kunde::Error when
// the mapping lacks a field the rule names, or segment membership for segment:NAME.
//
// Text compares through kunde_fold() on both sides (case and diacritics ignored); dates by
// their first ten characters, the day; booleans as 0 and 1. A NULL matches no comparison but
// != and not in, so `not R` is the exact complement of R.
RuleSql render_rule_sql(const model::RuleNode& rule, const RuleSqlMapping& mapping, const std::string& today);

// Binds the parameters of `sql` to a statement of that fragment, the first at `first`.
void bind_rule_params(Statement& statement, const RuleSql& sql, int first = 1);

}  // namespace kunde::store::sqlite
