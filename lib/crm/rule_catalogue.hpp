// The fields a segment rule may name (customer columns, statistics, model scores), each with
// its kind and a one-line description for `kunde segment fields`. The caller builds it.
#pragma once

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/rule_tree.hpp"

namespace kunde::crm {

struct RuleField {
  std::string name;
  model::FieldKind kind = model::FieldKind::text;
  std::string description;
  // The stored form of a text value compared with =, !=, in or not in (a country's name as
  // its code); none: the value as written.
  std::function<std::string(std::string_view)> canonical = nullptr;
};

class RuleCatalogue {
 public:
  RuleCatalogue() = default;
  RuleCatalogue(std::initializer_list<RuleField> fields);

  // Throws kunde::Error for a name that is not lower-case letters, digits and '_' starting
  // with a letter, that is a keyword of the language, or that is there already.
  void add(RuleField field);
  // The field of that name, ignoring ASCII case; nullptr when there is none.
  const RuleField* find(std::string_view name) const;
  // The closest name to a misspelt one, when one is close enough.
  std::optional<std::string> closest(std::string_view name) const;
  const std::vector<RuleField>& fields() const { return fields_; }

 private:
  std::vector<RuleField> fields_;
};

}  // namespace kunde::crm
