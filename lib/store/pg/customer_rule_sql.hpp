// The SQL behind every field a customer rule may name (the catalogue is crm's:
// crm/segment_fields.hpp) over PostgreSQL's tables, and rules rendered in its dialect:
// numbered placeholders cast to the type they are compared with, booleans as booleans.
// Segments, `customer list --where` and anything else that selects customers by a rule go
// through here.
#pragma once

#include <string>

#include "store/pg/connection.hpp"
#include "store/rule_sql.hpp"
#include "store/segments.hpp"

namespace kunde::store::pg {

// The tables the field expressions read: customers c, their order statistics s, contact
// statistics k and model scores m.
extern const char* const kCustomerRuleFrom;

// The members of every segment, static ones and dynamic matches, as rows (customer_id,
// segment) of `sm`, to select from.
extern const char* const kSegmentMembership;

// The field -> SQL mapping for rules evaluated on `today` (a date, 'YYYY-MM-DD').
RuleMapping customer_rule_mapping(const std::string& today);

// The rule as a WHERE fragment over kCustomerRuleFrom, its first placeholder numbered
// `first`.
RuleSql customer_rule_sql(const RuleQuery& query, int first = 1);

// Appends the rule's parameters to `params`.
void add_rule_params(Params& params, const RuleSql& sql);

}  // namespace kunde::store::pg
