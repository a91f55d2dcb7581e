// Names of field kinds, as `kunde segment fields` lists them.
#include "model/rule_tree.hpp"

namespace kunde::model {

const char* field_kind_name(FieldKind kind) {
  switch (kind) {
    case FieldKind::text: return "text";
    case FieldKind::integer: return "integer";
    case FieldKind::number: return "number";
    case FieldKind::money: return "money";
    case FieldKind::date: return "date";
    case FieldKind::boolean: return "boolean";
    case FieldKind::day_count: return "day-count";
  }
  return "?";
}

}  // namespace kunde::model
