// Rule rendering. Every comparison is wrapped in coalesce() so it is false or true and never
// NULL: SQL's three-valued logic would otherwise drop customers without a value from both R
// and `not R`.
#include "store/rule_sql.hpp"

#include <fmt/format.h>

#include "error.hpp"
#include "model/dates.hpp"

namespace kunde::store {
namespace {

using model::CompareOp;
using model::FieldKind;
using model::RuleNode;

class Renderer {
 public:
  Renderer(const RuleMapping& mapping, const std::string& today, const RuleDialect& dialect)
      : mapping_(mapping), today_(today), dialect_(dialect) {}

  RuleSql take(const RuleNode& rule) {
    node(rule);
    return {std::move(sql_), std::move(params_)};
  }

 private:
  const RuleMapping& mapping_;
  const std::string& today_;
  const RuleDialect& dialect_;
  std::string sql_;
  std::vector<Value> params_;

  void param(Value v, FieldKind kind = FieldKind::text) {
    params_.push_back(std::move(v));
    sql_ += dialect_.placeholder(params_.size(), kind, params_.back());
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

  void value(const model::RuleValue& v, FieldKind kind) {
    struct Visitor {
      Renderer& r;
      FieldKind kind;
      void operator()(const std::string& s) const {
        r.sql_ += "kunde_fold(";
        r.param(s, kind);
        r.sql_ += ')';
      }
      void operator()(double d) const {
        // Whole numbers bind as integers, as the integer columns they mostly meet hold them.
        if (d == static_cast<double>(static_cast<std::int64_t>(d))) {
          r.param(static_cast<std::int64_t>(d), kind);
        } else {
          r.param(d, kind);
        }
      }
      void operator()(model::MoneyValue m) const { r.param(m.minor, kind); }
      void operator()(const model::DateValue& d) const { r.param(d.iso, kind); }
      void operator()(model::RelativeDateValue d) const { r.param(model::add_days(r.today_, d.days), kind); }
      void operator()(bool b) const { r.param(std::int64_t{b ? 1 : 0}, kind); }
    };
    std::visit(Visitor{*this, kind}, v.data);
  }

  void comparison(const model::Comparison& c) {
    // Attribute values are text whatever the rule compares them with.
    FieldKind kind = c.subject.source == model::RuleSubject::Source::attribute ? FieldKind::text : c.subject.kind;
    switch (c.op) {
      case CompareOp::is_null:
      case CompareOp::not_null:
        sql_ += '(';
        subject(c.subject);
        sql_ += c.op == CompareOp::is_null ? " IS NULL)" : " IS NOT NULL)";
        return;
      case CompareOp::contains:
        sql_ += fmt::format("coalesce({}(", dialect_.position_function());
        operand(c.subject);
        sql_ += ", ";
        value(c.values.at(0), kind);
        sql_ += fmt::format(") > 0, {})", dialect_.no());
        return;
      case CompareOp::in:
      case CompareOp::not_in:
        sql_ += "coalesce(";
        operand(c.subject);
        sql_ += c.op == CompareOp::in ? " IN (" : " NOT IN (";
        for (std::size_t i = 0; i < c.values.size(); ++i) {
          if (i) sql_ += ", ";
          value(c.values[i], kind);
        }
        sql_ += fmt::format("), {})", c.op == CompareOp::in ? dialect_.no() : dialect_.yes());
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
    value(c.values.at(0), kind);
    sql_ += fmt::format(", {})", c.op == CompareOp::ne ? dialect_.yes() : dialect_.no());
  }
};

}  // namespace

RuleSql render_rule(const RuleNode& rule, const RuleMapping& mapping, const std::string& today,
                    const RuleDialect& dialect) {
  std::string day = model::parse_date(today).substr(0, 10);
  return Renderer(mapping, day, dialect).take(rule);
}

}  // namespace kunde::store
