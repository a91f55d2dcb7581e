// Field catalogue lookups.
#include "crm/rule_catalogue.hpp"

#include <fmt/format.h>

#include "crm/rule_lexer.hpp"
#include "error.hpp"
#include "text/edit_distance.hpp"
#include "text/utf8.hpp"

namespace kunde::crm {

RuleCatalogue::RuleCatalogue(std::initializer_list<RuleField> fields) {
  for (const auto& f : fields) add(f);
}

void RuleCatalogue::add(RuleField field) {
  const std::string& n = field.name;
  bool ok = !n.empty() && n[0] >= 'a' && n[0] <= 'z';
  for (char c : n) ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
  if (!ok || is_rule_keyword(n) || n == "tag" || n == "segment" || n == "attr") {
    throw Error(fmt::format("'{}' cannot be the name of a rule field", n),
                "use lower-case letters, digits and '_', starting with a letter, and no keyword");
  }
  if (find(n)) throw Error(fmt::format("the rule field '{}' is defined twice", n));
  fields_.push_back(std::move(field));
}

const RuleField* RuleCatalogue::find(std::string_view name) const {
  std::string n = text::to_lower_ascii(name);
  for (const auto& f : fields_)
    if (f.name == n) return &f;
  return nullptr;
}

std::optional<std::string> RuleCatalogue::closest(std::string_view name) const {
  std::vector<std::string> names;
  names.reserve(fields_.size());
  for (const auto& f : fields_) names.push_back(f.name);
  return text::closest_name(name, names);
}

}  // namespace kunde::crm
