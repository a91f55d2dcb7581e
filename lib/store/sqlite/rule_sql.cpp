// Rule rendering in SQLite's dialect.
#include "store/sqlite/rule_sql.hpp"

#include "store/sqlite/database.hpp"

namespace kunde::store::sqlite {
namespace {

class SqliteDialect final : public RuleDialect {
 public:
  std::string placeholder(std::size_t, model::FieldKind, const Value&) const override { return "?"; }
  const char* no() const override { return "0"; }
  const char* yes() const override { return "1"; }
  const char* position_function() const override { return "instr"; }
};

}  // namespace

RuleSql render_rule_sql(const model::RuleNode& rule, const store::RuleMapping& mapping, const std::string& today) {
  static const SqliteDialect dialect;
  return render_rule(rule, mapping, today, dialect);
}

void bind_rule_params(Statement& statement, const RuleSql& sql, int first) {
  int i = first;
  for (const auto& p : sql.params) {
    if (const auto* n = std::get_if<std::int64_t>(&p)) {
      statement.bind(i, *n);
    } else if (const auto* d = std::get_if<double>(&p)) {
      statement.bind(i, *d);
    } else if (const auto* s = std::get_if<std::string>(&p)) {
      statement.bind(i, std::string_view(*s));
    } else {
      statement.bind_null(i);
    }
    ++i;
  }
}

}  // namespace kunde::store::sqlite
