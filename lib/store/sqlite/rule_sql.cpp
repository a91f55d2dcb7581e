// Rule rendering. Every comparison is wrapped in coalesce() so it is 0 or 1 and never NULL:
// SQL's three-valued logic would otherwise drop customers without a value from both R and
// `not R`.
#include "store/sqlite/rule_sql.hpp"

#include <fmt/format.h>

#include "error.hpp"
#include "model/dates.hpp"
#include "store/sqlite/database.hpp"

namespace kunde::store::sqlite {
namespace {

using model::CompareOp;
using model::FieldKind;
using model::RuleNode;

class Renderer {
 public:
  Renderer(const RuleSqlMapping& mapping, const std::string& today) : mapping_(mapping), today_(today) {}

  RuleSql take(const RuleNode& rule) {
    node(rule);
    return {std::move(sql_), std::move(params_)};
  }

 private:
  const RuleSqlMapping& mapping_;
  const std::string& today_;
  std::string sql_;
  std::vector<Value> params_;

  void param(Value v) {
    sql_ += '?';
    params_.push_back(std::move(v));
  }

  void node(const RuleNode& n) {
    switch (n.kind) {
      case RuleNode::Kind::all_of: return list(n.children, 0, n.children.size(), " AND ");
      case RuleNode::Kind::any_of: return list(n.children, 0, n.children.size(), " OR ");
      case RuleNode::Kind::negation:
        sql_ += "NOT (";
        node(n.children.at(0));
        sql_ += ')';
        return;
      case RuleNode::Kind::tag: return membership(mapping_.tags, n.name);
      case RuleNode::Kind::segment:
        if (!mapping_.segments) throw Error(fmt::format("segment:{} cannot be used here: segments are not available", n.name));
        return membership(*mapping_.segments, n.name);
      case RuleNode::Kind::comparison: return comparison(n.comparison);
    }
  }

  // A balanced tree of parenthesised halves: SQLite parses `a AND b AND c ...` into a chain as
  // deep as it is long, and refuses expressions deeper than 1000.
  void list(const std::vector<RuleNode>& items, std::size_t lo, std::size_t hi, const char* joiner) {
    if (hi - lo == 1) return node(items[lo]);
    std::size_t mid = lo + (hi - lo) / 2;
    sql_ += '(';
    list(items, lo, mid, joiner);
    sql_ += joiner;
    list(items, mid, hi, joiner);
    sql_ += ')';
  }

  void membership(const MembershipSource& m, const std::string& name) {
    sql_ += fmt::format("EXISTS (SELECT 1 FROM {} WHERE {} = {} AND {} = ", m.from, m.customer_column,
                        mapping_.customer_id, m.name_column);
    param(name);
    sql_ += ')';
  }

  void subject(const model::RuleSubject& s) {
    if (s.source == model::RuleSubject::Source::attribute) {
      const auto& a = mapping_.attributes;
      sql_ += fmt::format("(SELECT {} FROM {} WHERE ", a.value_column, a.from);
      if (!a.customer_column.empty()) sql_ += fmt::format("{} = {} AND ", a.customer_column, mapping_.customer_id);
      sql_ += a.key_column + " = ";
      param(s.name);
      sql_ += " LIMIT 1)";
      return;
    }
    auto it = mapping_.fields.find(s.name);
    if (it == mapping_.fields.end()) throw Error(fmt::format("the rule field '{}' has no SQL expression", s.name));
    sql_ += it->second;
  }

  // The subject as it is compared: folded text, the day of a date, or as it is.
  void operand(const model::RuleSubject& s) {
    if (s.kind == FieldKind::text) {
      sql_ += "kunde_fold(";
      subject(s);
      sql_ += ')';
    } else if (s.kind == FieldKind::date) {
      sql_ += "substr(";
      subject(s);
      sql_ += ", 1, 10)";
    } else {
      subject(s);
    }
  }

  void value(const model::RuleValue& v) {
    struct Visitor {
      Renderer& r;
      void operator()(const std::string& s) const {
        r.sql_ += "kunde_fold(";
        r.param(s);
        r.sql_ += ')';
      }
      void operator()(double d) const {
        // Whole numbers bind as integers, as the integer columns they mostly meet hold them.
        if (d == static_cast<double>(static_cast<std::int64_t>(d))) {
          r.param(static_cast<std::int64_t>(d));
        } else {
          r.param(d);
        }
      }
      void operator()(model::MoneyValue m) const { r.param(m.minor); }
      void operator()(const model::DateValue& d) const { r.param(d.iso); }
      void operator()(model::RelativeDateValue d) const { r.param(model::add_days(r.today_, d.days)); }
      void operator()(bool b) const { r.param(std::int64_t{b ? 1 : 0}); }
    };
    std::visit(Visitor{*this}, v.data);
  }

  void comparison(const model::Comparison& c) {
    switch (c.op) {
      case CompareOp::is_null:
      case CompareOp::not_null:
        sql_ += '(';
        subject(c.subject);
        sql_ += c.op == CompareOp::is_null ? " IS NULL)" : " IS NOT NULL)";
        return;
      case CompareOp::contains:
        sql_ += "coalesce(instr(";
        operand(c.subject);
        sql_ += ", ";
        value(c.values.at(0));
        sql_ += ") > 0, 0)";
        return;
      case CompareOp::in:
      case CompareOp::not_in:
        sql_ += "coalesce(";
        operand(c.subject);
        sql_ += c.op == CompareOp::in ? " IN (" : " NOT IN (";
        for (std::size_t i = 0; i < c.values.size(); ++i) {
          if (i) sql_ += ", ";
          value(c.values[i]);
        }
        sql_ += c.op == CompareOp::in ? "), 0)" : "), 1)";
        return;
      default: break;
    }
    const char* op = "=";
    switch (c.op) {
      case CompareOp::ne: op = "<>"; break;
      case CompareOp::lt: op = "<"; break;
      case CompareOp::le: op = "<="; break;
      case CompareOp::gt: op = ">"; break;
      case CompareOp::ge: op = ">="; break;
      default: break;
    }
    sql_ += "coalesce(";
    operand(c.subject);
    sql_ += fmt::format(" {} ", op);
    value(c.values.at(0));
    sql_ += c.op == CompareOp::ne ? ", 1)" : ", 0)";
  }
};

}  // namespace

RuleSql render_rule_sql(const RuleNode& rule, const RuleSqlMapping& mapping, const std::string& today) {
  std::string day = model::parse_date(today).substr(0, 10);
  return Renderer(mapping, day).take(rule);
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
