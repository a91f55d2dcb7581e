// A segment rule as a parameterised SQLite WHERE fragment (lib/store/rule_sql.hpp renders it;
// here is SQLite's dialect): '?' placeholders, booleans as 0 and 1, instr().
#pragma once

#include <string>

#include "store/rule_sql.hpp"

namespace kunde::store::sqlite {
class Statement;
}

namespace kunde::store::sqlite {

using store::MembershipSource;
using store::RuleSql;

// A mapping whose attributes are by default the JSON object in customers.attributes, read
// with json_each.
struct RuleSqlMapping : store::RuleMapping {
  RuleSqlMapping() { attributes = {"json_each(c.attributes) ra", "", "ra.key", "ra.value"}; }
};

// Renders the rule; relative dates count from `today` ('YYYY-MM-DD'). Throws kunde::Error when
// the mapping lacks a field the rule names, or segment membership for segment:NAME.
RuleSql render_rule_sql(const model::RuleNode& rule, const store::RuleMapping& mapping, const std::string& today);

// Binds the parameters of `sql` to a statement of that fragment, the first at `first`.
void bind_rule_params(Statement& statement, const RuleSql& sql, int first = 1);

}  // namespace kunde::store::sqlite
