// Segment rules: `p_alive < 0.5 and clv > 2000 and country in (NO, SE)` parsed into a checked
// expression tree (model/rule_tree.hpp), and a tree printed back as normalised rule text,
// which is what a segment stores.
//
// Grammar (keywords in any case):
//   rule       = or_expr
//   or_expr    = and_expr { "or" and_expr }
//   and_expr   = not_expr { "and" not_expr }
//   not_expr   = "not" not_expr | "(" or_expr ")" | condition
//   condition  = "tag:" name | "segment:" name | subject test | boolean_field
//   subject    = field | "attr." key
//   test       = ("=" | "!=" | "<>" | "<" | "<=" | ">" | ">=" | "~") value
//              | ["not"] "in" "(" value { "," value } ")"
//              | "is" ["not"] "null"
//   value      = word | 'text' | "text" | null
// Values are read by the kind of their subject (numbers, money in major units, dates and
// -30d/today, durations for day counts, true/false, text); a mismatch is an error.
//
// A missing value (SQL NULL) never equals, orders or contains anything: `clv > 2000` and
// `country = SE` leave customers without one out, `country != SE` and `country not in (..)`
// take them in, and `not R` is always exactly the customers R leaves out.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/rule_catalogue.hpp"
#include "crm/rule_error.hpp"
#include "model/rule_tree.hpp"

namespace kunde::crm {

// Rules longer than this are refused, and so is nesting deeper than kMaxRuleDepth
// parentheses and nots: a clear error instead of a deep recursion.
constexpr std::size_t kMaxRuleBytes = 8192;
constexpr int kMaxRuleDepth = 50;

struct RuleOptions {
  int money_decimals = 2;  // minor units per major unit are 10^money_decimals
  // The stored attribute that attr.NAME means (crm::attribute_key); none: NAME as written.
  std::function<std::string(std::string_view)> attribute_key;
};

// Parses and checks a rule against the catalogue. Throws crm::RuleError (a kunde::UsageError)
// naming the line and column of the mistake, with a hint and an excerpt of the rule.
model::RuleNode parse_rule(std::string_view rule, const RuleCatalogue& catalogue, const RuleOptions& options = {});

// The rule as normalised text: keywords in lower case, fields as the catalogue spells them,
// single spaces, parentheses only where needed, text quoted only where needed. Parsing it
// gives the same tree back.
std::string format_rule(const model::RuleNode& rule);

// The segments the rule refers to with segment:NAME, each once, in order of appearance.
std::vector<std::string> rule_segments(const model::RuleNode& rule);

}  // namespace kunde::crm
