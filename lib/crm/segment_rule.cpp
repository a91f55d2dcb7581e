// The rule parser (recursive descent, one token of look-ahead, values checked against the
// catalogue as they are read) and the printer.
#include "crm/segment_rule.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <functional>
#include <optional>

#include "crm/rule_lexer.hpp"
#include "error.hpp"
#include "model/dates.hpp"
#include "text/edit_distance.hpp"
#include "text/utf8.hpp"

namespace kunde::crm {
namespace {

using model::CompareOp;
using model::FieldKind;
using model::RuleNode;
using model::RuleSubject;
using model::RuleValue;
using Token = RuleToken;

// Numbers past this many integer digits are refused: below 10^15 a double holds every
// integer exactly, so a rule compares the same in SQL and anywhere else.
constexpr std::size_t kMaxIntegerDigits = 15;
// -300y is a mistake, and far enough to leave the years the date library handles.
constexpr int kMaxRelativeDays = 100 * 366;

// A number as written: [+-]digits[.digits].
struct NumberText {
  bool negative = false;
  std::string_view whole, fraction;
};

std::optional<NumberText> split_number(std::string_view s) {
  NumberText n;
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) n.negative = s[i++] == '-';
  std::size_t start = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  n.whole = s.substr(start, i - start);
  if (n.whole.empty()) return std::nullopt;
  if (i < s.size() && s[i] == '.') {
    std::size_t f = ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    n.fraction = s.substr(f, i - f);
    if (n.fraction.empty()) return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  return n;
}

std::size_t significant_digits(std::string_view whole) {
  std::size_t z = 0;
  while (z + 1 < whole.size() && whole[z] == '0') ++z;
  return whole.size() - z;
}

// "clv is money", "orders is an integer": for messages.
const char* kind_article(FieldKind kind) {
  switch (kind) {
    case FieldKind::text: return "text";
    case FieldKind::integer: return "an integer";
    case FieldKind::number: return "a number";
    case FieldKind::money: return "money";
    case FieldKind::date: return "a date";
    case FieldKind::boolean: return "a boolean";
    case FieldKind::day_count: return "a day count";
  }
  return "?";
}

std::string subject_label(const RuleSubject& s) {
  return s.source == RuleSubject::Source::attribute ? fmt::format("attr.{}", s.name) : s.name;
}

const char* op_text(CompareOp op) {
  switch (op) {
    case CompareOp::eq: return "=";
    case CompareOp::ne: return "!=";
    case CompareOp::lt: return "<";
    case CompareOp::le: return "<=";
    case CompareOp::gt: return ">";
    case CompareOp::ge: return ">=";
    case CompareOp::contains: return "~";
    case CompareOp::in: return "in";
    case CompareOp::not_in: return "not in";
    case CompareOp::is_null: return "=";
    case CompareOp::not_null: return "!=";
  }
  return "?";
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && text::to_lower_ascii(s.substr(0, prefix.size())) == prefix;
}

// Adds `child` to an all_of/any_of list, splicing in a child of the same kind.
void append_flat(std::vector<RuleNode>& list, RuleNode child, RuleNode::Kind kind) {
  if (child.kind == kind) {
    for (auto& c : child.children) list.push_back(std::move(c));
  } else {
    list.push_back(std::move(child));
  }
}

class Parser {
 public:
  Parser(std::string_view rule, const RuleCatalogue& catalogue, const RuleOptions& options)
      : rule_(rule), catalogue_(catalogue), options_(options), tokens_(lex_rule(rule)) {}

  RuleNode parse() {
    if (peek().type == Token::Type::end) {
      fail(peek(), "the rule is empty", "write a condition such as: clv > 2000 and country = NO");
    }
    RuleNode node = parse_or();
    if (peek().type == Token::Type::close) {
      fail(peek(), "')' without a matching '('", "remove it, or add the '(' it closes");
    }
    if (peek().type != Token::Type::end) expected_connective("the end of the rule");
    return node;
  }

 private:
  std::string_view rule_;
  const RuleCatalogue& catalogue_;
  RuleOptions options_;
  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  int depth_ = 0;

  const Token& peek(std::size_t ahead = 0) const { return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)]; }
  const Token& next() {
    const Token& t = tokens_[pos_];
    if (pos_ + 1 < tokens_.size()) ++pos_;
    return t;
  }
  bool is_keyword(const Token& t, std::string_view k) const {
    return t.type == Token::Type::word && text::to_lower_ascii(t.text) == k;
  }

  [[noreturn]] void fail(const Token& t, std::string_view message, std::string hint = {}) const {
    throw_rule_error(rule_, t.offset, message, std::move(hint));
  }

  // The token for a message; long text cut short.
  static std::string describe(const Token& t) {
    switch (t.type) {
      case Token::Type::end: return "the end of the rule";
      case Token::Type::string: return fmt::format("the text '{}'", text::truncate_to_width(t.text, 40));
      default: return fmt::format("'{}'", text::truncate_to_width(t.text, 40));
    }
  }

  [[noreturn]] void expected_connective(std::string_view closer) const {
    const Token& t = peek();
    const Token& prev = tokens_[pos_ == 0 ? 0 : pos_ - 1];
    std::string hint;
    if (t.type == Token::Type::word && (prev.type == Token::Type::word || prev.type == Token::Type::string) &&
        !is_rule_keyword(t.text)) {
      hint = fmt::format("put text with spaces in quotes: '{} {}'", prev.text, t.text);
    } else if (t.type == Token::Type::end && closer.find(')') != std::string_view::npos) {
      hint = "add the missing ')'";
    } else {
      hint = "join conditions with 'and' or 'or'";
    }
    fail(t, fmt::format("expected 'and', 'or' or {}, found {}", closer, describe(t)), hint);
  }

  // Counts one level of nesting for as long as it lives.
  struct Nesting {
    Parser& p;
    Nesting(Parser& parser, const Token& at) : p(parser) {
      if (++p.depth_ > kMaxRuleDepth) {
        p.fail(at, fmt::format("the rule nests deeper than {} levels", kMaxRuleDepth),
               "write it with fewer parentheses and nots, or split it into segments and refer to them with segment:NAME");
      }
    }
    ~Nesting() { --p.depth_; }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;
  };

  RuleNode parse_or() {
    RuleNode first = parse_and();
    if (!is_keyword(peek(), "or")) return first;
    RuleNode node;
    node.kind = RuleNode::Kind::any_of;
    append_flat(node.children, std::move(first), RuleNode::Kind::any_of);
    while (is_keyword(peek(), "or")) {
      next();
      append_flat(node.children, parse_and(), RuleNode::Kind::any_of);
    }
    return node;
  }

  RuleNode parse_and() {
    RuleNode first = parse_not();
    if (!is_keyword(peek(), "and")) return first;
    RuleNode node;
    node.kind = RuleNode::Kind::all_of;
    append_flat(node.children, std::move(first), RuleNode::Kind::all_of);
    while (is_keyword(peek(), "and")) {
      next();
      append_flat(node.children, parse_not(), RuleNode::Kind::all_of);
    }
    return node;
  }

  RuleNode parse_not() {
    const Token& t = peek();
    if (is_keyword(t, "not")) {
      Nesting nesting(*this, t);
      next();
      RuleNode node;
      node.kind = RuleNode::Kind::negation;
      node.children.push_back(parse_not());
      return node;
    }
    if (t.type == Token::Type::open) {
      Nesting nesting(*this, t);
      const Token& open = next();
      RuleNode node = parse_or();
      if (peek().type != Token::Type::close) {
        auto [line, column] = rule_position(rule_, open.offset);
        expected_connective(fmt::format("')' to close the '(' at {}:{}", line, column));
      }
      next();
      return node;
    }
    return parse_condition();
  }

  // The name after tag:, segment: or attr., written on or quoted right after the prefix.
  std::string name_after(const Token& word, std::size_t prefix, std::string_view what) {
    std::string name = word.text.substr(prefix);
    if (name.empty() && peek().type == Token::Type::string && peek().offset == word.offset + word.length) {
      name = next().text;
      if (name.empty()) fail(word, fmt::format("empty {}", what), fmt::format("write a {} after '{}'", what, word.text));
    }
    if (name.empty()) {
      fail(word, fmt::format("expected a {} after '{}'", what, word.text),
           fmt::format("write it right after, with no space: {}vip, or quoted: {}'big spender'", word.text, word.text));
    }
    return name;
  }

  RuleNode parse_condition() {
    const Token& t = next();
    if (t.type == Token::Type::end) {
      fail(t, "expected a condition, found the end of the rule", "finish the rule, or remove the last 'and', 'or' or 'not'");
    }
    if (t.type == Token::Type::string) {
      fail(t, fmt::format("expected a field name, found the text '{}'", t.text),
           "a condition starts with a field: city = 'Oslo'");
    }
    if (t.type != Token::Type::word || is_rule_keyword(t.text)) {
      fail(t, fmt::format("expected a condition, found {}", describe(t)),
           "a condition compares a field with a value, such as clv > 2000, or is tag:NAME or segment:NAME");
    }
    RuleNode node;
    if (starts_with_ci(t.text, "tag:")) {
      node.kind = RuleNode::Kind::tag;
      node.name = name_after(t, 4, "tag name");
      return node;
    }
    if (starts_with_ci(t.text, "segment:")) {
      node.kind = RuleNode::Kind::segment;
      node.name = name_after(t, 8, "segment name");
      return node;
    }
    RuleSubject subject;
    const RuleField* field = nullptr;
    if (starts_with_ci(t.text, "attr.")) {
      subject.source = RuleSubject::Source::attribute;
      subject.name = name_after(t, 5, "attribute name");
      if (options_.attribute_key) subject.name = options_.attribute_key(subject.name);
      subject.kind = FieldKind::text;
    } else {
      field = catalogue_.find(t.text);
      if (!field) unknown_field(t);
      subject.name = field->name;
      subject.kind = field->kind;
    }
    node.kind = RuleNode::Kind::comparison;
    node.comparison = parse_test(subject, t);
    node.comparison.subject = std::move(subject);
    if (field && field->canonical) canonicalise(node.comparison, field->canonical);
    return node;
  }

  // Values compared for equality in their stored form: `country = Norway` is country = NO.
  static void canonicalise(model::Comparison& c, const std::function<std::string(std::string_view)>& canonical) {
    if (c.op != CompareOp::eq && c.op != CompareOp::ne && c.op != CompareOp::in && c.op != CompareOp::not_in) return;
    for (auto& v : c.values) {
      if (auto* text = std::get_if<std::string>(&v.data)) {
        *text = canonical(*text);
        v.spelling = *text;
      }
    }
  }

  [[noreturn]] void unknown_field(const Token& t) const {
    std::string hint = "'kunde segment fields' lists the fields; custom attributes are attr.NAME";
    if (auto colon = t.text.find(':'); colon != std::string::npos) {
      hint = "write tag:NAME for a tag, segment:NAME for a segment";
    } else if (auto close = catalogue_.closest(t.text)) {
      hint = fmt::format("did you mean '{}'?", *close);
    }
    fail(t, fmt::format("unknown field '{}'", t.text), hint);
  }

  model::Comparison parse_test(const RuleSubject& subject, const Token& subject_token) {
    model::Comparison c;
    const Token& t = peek();
    if (is_keyword(t, "in") || (is_keyword(t, "not") && is_keyword(peek(1), "in"))) {
      c.op = is_keyword(t, "not") ? CompareOp::not_in : CompareOp::in;
      if (c.op == CompareOp::not_in) next();
      const Token& in = next();
      check_op(subject, c.op, in);
      c.values = parse_list(subject, in);
      return c;
    }
    if (is_keyword(t, "not")) {
      next();
      fail(peek(), fmt::format("expected 'in' after 'not', found {}", describe(peek())),
           fmt::format("write {0} not in (a, b), {0} != value, or not before the whole condition", subject_label(subject)));
    }
    if (is_keyword(t, "is")) {
      next();
      c.op = CompareOp::is_null;
      if (is_keyword(peek(), "not")) {
        next();
        c.op = CompareOp::not_null;
      }
      if (!is_keyword(peek(), "null")) {
        fail(peek(), fmt::format("expected 'null' after 'is', found {}", describe(peek())),
             "write is null or is not null; compare values with = and !=");
      }
      next();
      return c;
    }
    if (t.type == Token::Type::op) {
      const Token& op = next();
      static const std::pair<const char*, CompareOp> kOps[] = {
          {"=", CompareOp::eq}, {"!=", CompareOp::ne}, {"<", CompareOp::lt}, {"<=", CompareOp::le},
          {">", CompareOp::gt}, {">=", CompareOp::ge}, {"~", CompareOp::contains}};
      for (const auto& [text, code] : kOps)
        if (op.text == text) c.op = code;
      const Token& v = next();
      if (is_keyword(v, "null")) {
        if (c.op != CompareOp::eq && c.op != CompareOp::ne) {
          fail(v, fmt::format("null cannot be compared with '{}'", op.text),
               fmt::format("{0} = null finds customers without {0}, {0} != null those with one", subject_label(subject)));
        }
        c.op = c.op == CompareOp::eq ? CompareOp::is_null : CompareOp::not_null;
        return c;
      }
      check_op(subject, c.op, op);
      c.values.push_back(parse_value(subject, v, op));
      return c;
    }
    bool ends = t.type == Token::Type::end || t.type == Token::Type::close || is_keyword(t, "and") || is_keyword(t, "or");
    if (subject.kind == FieldKind::boolean && subject.source == RuleSubject::Source::field && ends) {
      // A boolean field alone means it is true.
      c.op = CompareOp::eq;
      c.values.push_back(RuleValue{true, "true"});
      return c;
    }
    fail(t, fmt::format("expected an operator after '{}', found {}", subject_token.text, describe(t)),
         "compare with = != < <= > >= ~ (contains), in (a, b), not in (a, b), or = null");
  }

  void check_op(const RuleSubject& s, CompareOp op, const Token& at) const {
    bool ordering = op == CompareOp::lt || op == CompareOp::le || op == CompareOp::gt || op == CompareOp::ge;
    if (op == CompareOp::contains && s.kind != FieldKind::text) {
      fail(at, fmt::format("'~' (contains) works on text, and {} is {}", subject_label(s), kind_article(s.kind)),
           fmt::format("compare {} with = != < <= > >=", subject_label(s)));
    }
    if (ordering && s.kind == FieldKind::boolean) {
      fail(at, fmt::format("{} is a boolean: it can only be = or != true or false", subject_label(s)),
           fmt::format("write {0} = true, or not {0}", subject_label(s)));
    }
  }

  std::vector<RuleValue> parse_list(const RuleSubject& subject, const Token& in) {
    if (peek().type != Token::Type::open) {
      fail(peek(), fmt::format("expected '(' after '{}', found {}", in.text, describe(peek())),
           "write the values in parentheses: country in (NO, SE)");
    }
    next();
    std::vector<RuleValue> values;
    for (;;) {
      const Token& v = next();
      if (is_keyword(v, "null")) {
        fail(v, "null cannot be in a list",
             fmt::format("write ({0} = null or {0} in (...))", subject_label(subject)));
      }
      values.push_back(parse_value(subject, v, in));
      const Token& sep = next();
      if (sep.type == Token::Type::close) break;
      if (sep.type != Token::Type::comma) {
        std::string hint = sep.type == Token::Type::word && (v.type == Token::Type::word || v.type == Token::Type::string)
                               ? fmt::format("separate the values with commas, and put text with spaces in quotes: '{} {}'",
                                             v.text, sep.text)
                               : "separate the values with commas and close the list with ')'";
        fail(sep, fmt::format("expected ',' or ')' in the list, found {}", describe(sep)), hint);
      }
    }
    return values;
  }

  // Reads a value by the kind of the subject it is compared with.
  RuleValue parse_value(const RuleSubject& subject, const Token& v, const Token& op) {
    if (v.type != Token::Type::word && v.type != Token::Type::string) {
      fail(v, fmt::format("expected a value after '{}', found {}", op.text, describe(v)),
           "write a number, a date, a word, or text in quotes");
    }
    if (v.type == Token::Type::word && is_rule_keyword(v.text) && subject.kind != FieldKind::boolean) {
      std::string lower = text::to_lower_ascii(v.text);
      if (lower != "true" && lower != "false") {
        fail(v, fmt::format("expected a value after '{}', found '{}'", op.text, v.text),
             fmt::format("put text that is a keyword in quotes: '{}'", v.text));
      }
    }
    const std::string label = subject_label(subject);
    // Text is taken as written; every other kind ignores spaces around a quoted value.
    std::string_view raw = v.text;
    std::string_view trimmed = text::trim(raw);
    switch (subject.kind) {
      case FieldKind::text:
        return RuleValue{std::string(raw), std::string(raw)};
      case FieldKind::integer:
      case FieldKind::number:
        return RuleValue{number_value(v, trimmed, label, subject.kind), std::string(trimmed)};
      case FieldKind::money:
        return RuleValue{money_value(v, trimmed, label), std::string(trimmed)};
      case FieldKind::day_count:
        if (split_number(trimmed)) return RuleValue{number_value(v, trimmed, label, subject.kind), std::string(trimmed)};
        return RuleValue{days_value(v, text::to_lower_ascii(trimmed), label), text::to_lower_ascii(trimmed)};
      case FieldKind::date:
        return date_value(v, trimmed, label);
      case FieldKind::boolean: {
        std::string b = text::to_lower_ascii(trimmed);
        if (b != "true" && b != "false") {
          fail(v, fmt::format("{} is a boolean, and {} is not true or false", label, describe(v)),
               fmt::format("write {0} = true or {0} = false", label));
        }
        return RuleValue{b == "true", b};
      }
    }
    fail(v, "unknown kind of field");
  }

  double number_value(const Token& v, std::string_view s, const std::string& label, FieldKind kind) const {
    auto n = split_number(s);
    if (!n) {
      std::string hint = fmt::format("{} is {}: write a number such as 3 or 0.5", label, kind_article(kind));
      if (kind != FieldKind::day_count && s.size() > 1 && std::string_view("dwmy").find(s.back()) != std::string_view::npos &&
          split_number(s.substr(0, s.size() - 1))) {
        hint = fmt::format("durations such as {} are for day-count fields; {} is {}", s, label, kind_article(kind));
      }
      fail(v, fmt::format("{} is not a number", describe(v)), hint);
    }
    if (significant_digits(n->whole) > kMaxIntegerDigits) {
      fail(v, fmt::format("{} is too large", describe(v)), "numbers in rules have at most 15 digits before the point");
    }
    std::string plain = std::string(n->negative ? "-" : "") + std::string(n->whole) +
                        (n->fraction.empty() ? "" : "." + std::string(n->fraction));
    double d = 0;
    std::from_chars(plain.data(), plain.data() + plain.size(), d);
    return d == 0 ? 0.0 : d;  // no -0, which prints and compares oddly elsewhere
  }

  model::MoneyValue money_value(const Token& v, std::string_view s, const std::string& label) const {
    auto n = split_number(s);
    if (!n) {
      fail(v, fmt::format("{} is not an amount", describe(v)),
           fmt::format("{} is money: write an amount in the currency's major units, such as 2000 or 49.90", label));
    }
    if (n->fraction.size() > static_cast<std::size_t>(options_.money_decimals)) {
      fail(v, fmt::format("{} has more decimals than the currency's {}", describe(v), options_.money_decimals),
           fmt::format("write the amount with at most {} decimals", options_.money_decimals));
    }
    if (significant_digits(n->whole) > kMaxIntegerDigits) {
      fail(v, fmt::format("{} is too large", describe(v)), "amounts in rules have at most 15 digits before the point");
    }
    std::int64_t minor = 0;
    bool overflow = false;
    auto push = [&](char c) {
      overflow = overflow || __builtin_mul_overflow(minor, 10, &minor) || __builtin_add_overflow(minor, c - '0', &minor);
    };
    for (char c : n->whole) push(c);
    for (int i = 0; i < options_.money_decimals; ++i)
      push(static_cast<std::size_t>(i) < n->fraction.size() ? n->fraction[i] : '0');
    if (overflow) fail(v, fmt::format("{} is too large", describe(v)), "write a smaller amount");
    return {n->negative ? -minor : minor};
  }

  double days_value(const Token& v, std::string_view s, const std::string& label) const {
    try {
      return model::parse_days(s);
    } catch (const Error&) {
      fail(v, fmt::format("{} is not a number of days", describe(v)),
           fmt::format("{} counts days: write a number, or a duration such as 30d, 12w, 6m or 1y", label));
    }
  }

  RuleValue date_value(const Token& v, std::string_view s, const std::string& label) const {
    std::string lower = text::to_lower_ascii(s);
    std::string hint = fmt::format("{} is a date: write YYYY-MM-DD, or a day relative to today: today, yesterday, -30d, +2w",
                                   label);
    if (lower == "today" || lower == "yesterday" || lower == "tomorrow") {
      int days = lower == "today" ? 0 : lower == "yesterday" ? -1 : 1;
      return RuleValue{model::RelativeDateValue{days}, lower};
    }
    if (!lower.empty() && (lower[0] == '-' || lower[0] == '+') && lower.size() > 1 && lower[1] >= '0' && lower[1] <= '9') {
      int days = 0;
      try {
        days = model::parse_days(std::string_view(lower).substr(1));
      } catch (const Error&) {
        fail(v, fmt::format("{} is not a date", describe(v)), hint);
      }
      if (days > kMaxRelativeDays) {
        fail(v, fmt::format("{} is too far from today", describe(v)),
             fmt::format("relative dates reach at most {} days back or ahead; write the date", kMaxRelativeDays));
      }
      return RuleValue{model::RelativeDateValue{lower[0] == '-' ? -days : days}, lower};
    }
    std::string iso;
    try {
      iso = model::parse_date(s);
    } catch (const Error&) {
      if (!lower.empty() && lower[0] >= '0' && lower[0] <= '9' && std::string_view("dwmy").find(lower.back()) != std::string::npos) {
        hint = fmt::format("write -{0} for {0} ago, +{0} for {0} from today", lower);
      }
      fail(v, fmt::format("{} is not a date", describe(v)), hint);
    }
    if (iso.size() != 10) {
      fail(v, fmt::format("{} has a time of day", describe(v)),
           fmt::format("dates in rules are whole days: write {}", iso.substr(0, 10)));
    }
    return RuleValue{model::DateValue{iso}, iso};
  }
};

// ---- printing

enum class Level { top, any_of, all_of, negation };

std::string quoted(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    out += c;
    if (c == '\'') out += c;
  }
  return out + "'";
}

// A name after tag:, segment: or attr.: bare when it reads back as the same word.
std::string name_text(const std::string& name) { return is_plain_word(name) ? name : quoted(name); }

std::string value_text(const RuleValue& v) {
  if (std::holds_alternative<std::string>(v.data) && (!is_plain_word(v.spelling) || is_rule_keyword(v.spelling))) {
    return quoted(v.spelling);
  }
  return v.spelling;
}

void print(const RuleNode& n, Level parent, std::string& out) {
  switch (n.kind) {
    case RuleNode::Kind::any_of:
    case RuleNode::Kind::all_of: {
      bool any = n.kind == RuleNode::Kind::any_of;
      Level self = any ? Level::any_of : Level::all_of;
      bool parens = any ? (parent == Level::all_of || parent == Level::negation) : parent == Level::negation;
      if (parens) out += '(';
      for (std::size_t i = 0; i < n.children.size(); ++i) {
        if (i) out += any ? " or " : " and ";
        print(n.children[i], self, out);
      }
      if (parens) out += ')';
      return;
    }
    case RuleNode::Kind::negation:
      out += "not ";
      print(n.children.at(0), Level::negation, out);
      return;
    case RuleNode::Kind::tag:
      out += "tag:" + name_text(n.name);
      return;
    case RuleNode::Kind::segment:
      out += "segment:" + name_text(n.name);
      return;
    case RuleNode::Kind::comparison: {
      const auto& c = n.comparison;
      out += c.subject.source == RuleSubject::Source::attribute ? "attr." + name_text(c.subject.name) : c.subject.name;
      out += ' ';
      out += op_text(c.op);
      if (c.op == CompareOp::is_null || c.op == CompareOp::not_null) {
        out += " null";
      } else if (c.op == CompareOp::in || c.op == CompareOp::not_in) {
        out += " (";
        for (std::size_t i = 0; i < c.values.size(); ++i) out += (i ? ", " : "") + value_text(c.values[i]);
        out += ')';
      } else {
        out += ' ' + value_text(c.values.at(0));
      }
      return;
    }
  }
}

void collect_segments(const RuleNode& n, std::vector<std::string>& out) {
  if (n.kind == RuleNode::Kind::segment && std::find(out.begin(), out.end(), n.name) == out.end()) out.push_back(n.name);
  for (const auto& c : n.children) collect_segments(c, out);
}

}  // namespace

RuleNode parse_rule(std::string_view rule, const RuleCatalogue& catalogue, const RuleOptions& options) {
  if (rule.size() > kMaxRuleBytes) {
    throw_rule_error(rule, kMaxRuleBytes, fmt::format("the rule is longer than {} bytes", kMaxRuleBytes),
                     "split it into segments and refer to them with segment:NAME");
  }
  return Parser(rule, catalogue, options).parse();
}

std::string format_rule(const RuleNode& rule) {
  std::string out;
  print(rule, Level::top, out);
  return out;
}

std::vector<std::string> rule_segments(const RuleNode& rule) {
  std::vector<std::string> out;
  collect_segments(rule, out);
  return out;
}

}  // namespace kunde::crm
