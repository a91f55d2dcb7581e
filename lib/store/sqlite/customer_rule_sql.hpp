// The SQL behind every field a customer rule may name (the catalogue is crm's:
// crm/segment_fields.hpp) over this backend's tables, and the query that evaluates a rule
// over all customers. Segments, `customer list --where` and anything else that selects
// customers by a rule go through here.
#pragma once

#include <string>

#include "store/segments.hpp"
#include "store/sqlite/database.hpp"
#include "store/sqlite/rule_sql.hpp"

namespace kunde::store::sqlite {

// The tables the field expressions read: customers c, their order statistics s, contact
// statistics k and model scores m (the joins not used are left out by SQLite).
extern const char* const kCustomerRuleFrom;

// The field -> SQL mapping for rules evaluated on `today` (a date, 'YYYY-MM-DD'). Customer
// fields are the columns of the same name; one this database lacks reads as missing.
RuleSqlMapping customer_rule_mapping(Database& db, const std::string& today);

// The rule as a WHERE fragment over kCustomerRuleFrom.
RuleSql customer_rule_sql(Database& db, const RuleQuery& query);

// The members of every segment, static ones and dynamic matches, as rows (customer_id,
// segment) of `sm`, to select from.
extern const char* const kSegmentMembership;

}  // namespace kunde::store::sqlite
