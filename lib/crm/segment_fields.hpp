// The fields a customer rule may name (`kunde segment fields` lists them): every customer
// column, the per-customer statistics and the model scores, each with its kind and what it
// means. Every store maps each of them to its own query (lib/store/sqlite/customer_rule_sql).
#pragma once

#include "crm/rule_catalogue.hpp"

namespace kunde::crm {

const RuleCatalogue& customer_rule_fields();

}  // namespace kunde::crm
