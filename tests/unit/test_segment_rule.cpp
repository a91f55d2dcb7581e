// Segment rules: parsing, printing, errors, limits, SQL rendering run on SQLite (injection
// attempts stay values), and random rules evaluated by the rendered SQL and by an evaluator
// of the tree written here, which must agree.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <cctype>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "crm/segment_fields.hpp"
#include "crm/segment_rule.hpp"
#include "helpers.hpp"
#include "model/dates.hpp"
#include "rule_samples.hpp"
#include "sqlite_helpers.hpp"
#include "store/pg/customer_rule_sql.hpp"
#include "store/sqlite/rule_sql.hpp"
#include "text/edit_distance.hpp"
#include "text/utf8.hpp"

using namespace kunde;
using model::CompareOp;
using model::RuleNode;
using std::string;

namespace {

constexpr const char* kToday = "2026-06-15";

RuleNode parse(const string& rule, int money_decimals = 2) {
  return crm::parse_rule(rule, test::sample_rule_catalogue(), crm::RuleOptions{money_decimals, {}});
}

// The error a rule raises; fails the test when it parses.
crm::RuleError rule_error(const string& rule) {
  try {
    parse(rule);
  } catch (const crm::RuleError& e) {
    return e;
  }
  FAIL("rule parsed: " << rule);
  throw std::logic_error("unreachable");
}

const model::Comparison& only_comparison(const RuleNode& n) {
  REQUIRE(n.kind == RuleNode::Kind::comparison);
  return n.comparison;
}

}  // namespace

TEST_CASE("rule: printing normalises and parses back to the same tree") {
  const std::pair<const char*, const char*> cases[] = {
      {"p_alive < 0.5 and clv > 2000 and country in (NO, SE)", "p_alive < 0.5 and clv > 2000 and country in (NO, SE)"},
      {"  P_ALIVE<0.5   AND Clv>2000 ", "p_alive < 0.5 and clv > 2000"},
      {"country not in (NO,SE)", "country not in (NO, SE)"},
      {"not country in (NO)", "not country in (NO)"},
      {"email = null or email is null", "email = null or email = null"},
      {"email != null and email is not null and email <> 'x'", "email != null and email != null and email != x"},
      {"name ~ \"O'Brien\"", "name ~ 'O''Brien'"},
      {"name = 'New York'", "name = 'New York'"},
      {"name = 'and'", "name = 'and'"},
      {"name = ''", "name = ''"},
      {"name == Bjørn", "name = Bjørn"},
      {"tag:vip or tag:'big spender' or segment:at-risk", "tag:vip or tag:'big spender' or segment:at-risk"},
      {"attr.industry = retail and attr.'Kunde type' ~ b2b", "attr.industry = retail and attr.'Kunde type' ~ b2b"},
      {"((clv > 1) and (orders > 2)) and (p_alive < 1)", "clv > 1 and orders > 2 and p_alive < 1"},
      {"(clv > 1 or orders > 2) and p_alive < 1", "(clv > 1 or orders > 2) and p_alive < 1"},
      {"clv > 1 or (orders > 2 and p_alive < 1)", "clv > 1 or orders > 2 and p_alive < 1"},
      {"not (clv > 1 and orders > 2)", "not (clv > 1 and orders > 2)"},
      {"not not tag:vip", "not not tag:vip"},
      {"overdue", "overdue = true"},
      {"not overdue and overdue != FALSE", "not overdue = true and overdue != false"},
      {"last_order_at < -30d and created_at >= 2026-01-01 and first_order_at > TODAY",
       "last_order_at < -30d and created_at >= 2026-01-01 and first_order_at > today"},
      {"created_at > '20260101'", "created_at > 2026-01-01"},
      {"recency_days > 26w and payment_terms_days <= 30", "recency_days > 26w and payment_terms_days <= 30"},
      {"clv >= ' 2000.50 '", "clv >= 2000.50"},
      {"postal_code >= 0100 and postal_code < 1300", "postal_code >= 0100 and postal_code < 1300"},
      {"email ~ gmail.com", "email ~ gmail.com"},
      {"city = true", "city = 'true'"},
      {"notes ~ 'a;b--c'", "notes ~ a;b--c"},
  };
  for (const auto& [input_text, expected] : cases) {
    string input = input_text;
    CAPTURE(input);
    RuleNode tree = parse(input);
    string printed = crm::format_rule(tree);
    CHECK(printed == expected);
    CHECK(parse(printed) == tree);
    CHECK(crm::format_rule(parse(printed)) == printed);
  }
}

TEST_CASE("rule: countries by name are compared by their code, as --country compares them") {
  // A name kunde does not know is compared as written, as imports keep it; ~ keeps the text.
  const std::pair<const char*, const char*> cases[] = {
      {"country = Norway or country != 'United States'", "country = NO or country != US"},
      {"country in (USA, Deutschland, se, Atlantis)", "country in (US, DE, SE, Atlantis)"},
      {"country not in (Sverige)", "country not in (SE)"},
      {"country ~ nor", "country ~ nor"},
      {"city = Norway", "city = Norway"},
  };
  for (const auto& c : cases) {
    const std::string input = c.first;
    CAPTURE(input);
    CHECK(crm::format_rule(crm::parse_rule(input, crm::customer_rule_fields())) == c.second);
  }
}

TEST_CASE("rule: values are read by the kind of their field") {
  auto value = [](const string& rule) { return only_comparison(parse(rule)).values.at(0).data; };
  CHECK(std::get<model::MoneyValue>(value("clv > 2000")).minor == 200000);
  CHECK(std::get<model::MoneyValue>(value("clv > 2000.5")).minor == 200050);
  CHECK(std::get<model::MoneyValue>(value("balance < -3")).minor == -300);
  CHECK(std::get<model::MoneyValue>(
            only_comparison(crm::parse_rule("clv > 20", test::sample_rule_catalogue(), {0, {}})).values[0].data)
            .minor == 20);
  CHECK(std::get<double>(value("p_alive < 0.5")) == 0.5);
  CHECK(std::get<double>(value("orders >= -3")) == -3);
  CHECK(std::get<double>(value("recency_days > 26w")) == 182);
  CHECK(std::get<double>(value("recency_days > 6m")) == 180);
  CHECK(std::get<double>(value("recency_days > 1y")) == 365);
  CHECK(std::get<double>(value("recency_days > 180")) == 180);
  CHECK(std::get<double>(value("recency_days > 30d")) == 30);
  CHECK(std::get<double>(value("recency_days > 30D")) == 30);
  CHECK(std::get<model::RelativeDateValue>(value("created_at > -100y")).days == -36500);
  CHECK(std::get<model::DateValue>(value("created_at < 2026-01-01")).iso == "2026-01-01");
  CHECK(std::get<model::RelativeDateValue>(value("created_at < -30d")).days == -30);
  CHECK(std::get<model::RelativeDateValue>(value("created_at < +2w")).days == 14);
  CHECK(std::get<model::RelativeDateValue>(value("created_at < today")).days == 0);
  CHECK(std::get<model::RelativeDateValue>(value("created_at < yesterday")).days == -1);
  CHECK(std::get<bool>(value("overdue = false")) == false);
  CHECK(std::get<string>(value("city = Oslo")) == "Oslo");
  CHECK(std::get<string>(value("postal_code = 0150")) == "0150");  // text keeps its leading zero
  CHECK(std::get<string>(value("name = 'it''s'")) == "it's");
  CHECK(std::get<string>(value("name = \"say \"\"hi\"\"\"")) == "say \"hi\"");
  CHECK(std::get<string>(value("name = '  spaced  '")) == "  spaced  ");

  RuleNode in_node = parse("country in (NO, 'SE', dk)");
  const auto& in = only_comparison(in_node);
  CHECK(in.op == CompareOp::in);
  REQUIRE(in.values.size() == 3);
  CHECK(std::get<string>(in.values[2].data) == "dk");

  const std::pair<const char*, CompareOp> ops[] = {
      {"orders = 1", CompareOp::eq},      {"orders != 1", CompareOp::ne},   {"orders <> 1", CompareOp::ne},
      {"orders < 1", CompareOp::lt},      {"orders <= 1", CompareOp::le},   {"orders > 1", CompareOp::gt},
      {"orders >= 1", CompareOp::ge},     {"name ~ x", CompareOp::contains}, {"orders in (1)", CompareOp::in},
      {"orders not in (1)", CompareOp::not_in}, {"orders = null", CompareOp::is_null},
      {"orders != null", CompareOp::not_null},  {"orders IS NULL", CompareOp::is_null},
      {"orders is not null", CompareOp::not_null}};
  for (const auto& [rule_text, op] : ops) {
    string rule = rule_text;
    CAPTURE(rule);
    CHECK(only_comparison(parse(rule)).op == op);
  }

  RuleNode tag = parse("tag:'big spender'");
  CHECK(tag.kind == RuleNode::Kind::tag);
  CHECK(tag.name == "big spender");
  RuleNode segment = parse("SEGMENT:at-risk");
  CHECK(segment.kind == RuleNode::Kind::segment);
  CHECK(segment.name == "at-risk");
  RuleNode attr_node = parse("attr.industry = retail");
  const auto& attr = only_comparison(attr_node);
  CHECK(attr.subject.source == model::RuleSubject::Source::attribute);
  CHECK(attr.subject.name == "industry");
  CHECK(crm::rule_segments(parse("segment:a and (segment:b or not segment:a)")) == std::vector<string>{"a", "b"});
}

TEST_CASE("rule: not binds tighter than and, and tighter than or") {
  RuleNode n = parse("tag:a or tag:b and not tag:c or tag:d");
  REQUIRE(n.kind == RuleNode::Kind::any_of);
  REQUIRE(n.children.size() == 3);
  CHECK(n.children[0].name == "a");
  const RuleNode& mid = n.children[1];
  REQUIRE(mid.kind == RuleNode::Kind::all_of);
  CHECK(mid.children[0].name == "b");
  REQUIRE(mid.children[1].kind == RuleNode::Kind::negation);
  CHECK(mid.children[1].children[0].name == "c");
  CHECK(n.children[2].name == "d");

  RuleNode p = parse("(tag:a or tag:b) and tag:c");
  REQUIRE(p.kind == RuleNode::Kind::all_of);
  CHECK(p.children[0].kind == RuleNode::Kind::any_of);

  RuleNode q = parse("not (tag:a or tag:b)");
  REQUIRE(q.kind == RuleNode::Kind::negation);
  CHECK(q.children[0].kind == RuleNode::Kind::any_of);
}

TEST_CASE("rule: errors name the line, the column and what was expected") {
  auto e = rule_error("p_alve < 0.5 and clv > 2000");
  CHECK(string(e.what()) == "rule:1:1: unknown field 'p_alve'");
  CHECK(e.hint() == "did you mean 'p_alive'?");
  CHECK(e.excerpt() == "  p_alve < 0.5 and clv > 2000\n  ^--- here");

  e = rule_error("clv > 2000 and p_alve < 0.5");
  CHECK(string(e.what()) == "rule:1:16: unknown field 'p_alve'");
  CHECK(e.column() == 16);
  CHECK(e.excerpt() == "  clv > 2000 and p_alve < 0.5\n                 ^--- here");

  e = rule_error("city = Tromsø and cuontry = NO");  // columns count characters, not bytes
  CHECK(string(e.what()) == "rule:1:19: unknown field 'cuontry'");
  CHECK(e.hint() == "did you mean 'country'?");
  CHECK(e.excerpt() == "  city = Tromsø and cuontry = NO\n                    ^--- here");

  e = rule_error("clv > 2000 and\n  zzzzzz = 1");
  CHECK(string(e.what()) == "rule:2:3: unknown field 'zzzzzz'");
  CHECK(e.line() == 2);
  CHECK(e.hint().find("kunde segment fields") != string::npos);
  CHECK(e.excerpt() == "    zzzzzz = 1\n    ^--- here");

  const std::tuple<const char*, const char*, const char*> cases[] = {
      {"", "rule:1:1: the rule is empty", "write a condition"},
      {"clv >", "rule:1:6: expected a value after '>', found the end of the rule", ""},
      {"clv > 2000 and", "rule:1:15: expected a condition, found the end of the rule", ""},
      {"clv 2000", "rule:1:5: expected an operator after 'clv', found '2000'", "compare with"},
      {"city = New York", "rule:1:12: expected 'and', 'or' or the end of the rule, found 'York'", "'New York'"},
      {"(clv > 1 or tag:a", "rule:1:18: expected 'and', 'or' or ')' to close the '(' at 1:1, found the end of the rule",
       "add the missing ')'"},
      {"clv > 1)", "rule:1:8: ')' without a matching '('", ""},
      {"country in NO", "rule:1:12: expected '(' after 'in', found 'NO'", "country in (NO, SE)"},
      {"country in (NO SE)", "rule:1:16: expected ',' or ')' in the list, found 'SE'", "commas"},
      {"country in ()", "rule:1:13: expected a value after 'in', found ')'", ""},
      {"country in (NO, null)", "rule:1:17: null cannot be in a list", ""},
      {"country not like x", "rule:1:13: expected 'in' after 'not', found 'like'", ""},
      {"email is nul", "rule:1:10: expected 'null' after 'is', found 'nul'", ""},
      {"name = 'abc", "rule:1:8: unterminated string", "''"},
      {"clv ! 3", "rule:1:5: expected '=' after '!'", ""},
      {"name = and", "rule:1:8: expected a value after '=', found 'and'", "'and'"},
      {"and clv > 1", "rule:1:1: expected a condition, found 'and'", ""},
      {"'Oslo' = city", "rule:1:1: expected a field name, found the text 'Oslo'", ""},
      {"tags:vip", "rule:1:1: unknown field 'tags:vip'", "tag:NAME"},
      {"tag: vip", "rule:1:1: expected a tag name after 'tag:'", ""},
      {"tag:''", "rule:1:1: empty tag name", ""},
      {"tag:vip = 1", "rule:1:9: expected 'and', 'or' or the end of the rule, found '='", ""},
      {"name = x 'a very long piece of text that goes on and on and on'",
       "rule:1:10: expected 'and', 'or' or the end of the rule, found the text 'a very long piece of text that goes on …'", ""},
      {"attr. = x", "rule:1:1: expected a attribute name after 'attr.'", ""},
      // Types.
      {"created_at > 5", "rule:1:14: '5' is not a date", "YYYY-MM-DD"},
      {"created_at > 30d", "rule:1:14: '30d' is not a date", "-30d"},
      {"created_at > -101y", "rule:1:14: '-101y' is too far from today", "write the date"},
      {"created_at > 2026-02-30", "rule:1:14: '2026-02-30' is not a date", ""},
      {"created_at > '2026-01-01 12:00'", "rule:1:14: the text '2026-01-01 12:00' has a time of day", ""},
      {"clv ~ 100", "rule:1:5: '~' (contains) works on text, and clv is money", ""},
      {"created_at ~ 2026", "rule:1:12: '~' (contains) works on text, and created_at is a date", ""},
      {"clv > lots", "rule:1:7: 'lots' is not an amount", ""},
      {"clv > 10.555", "rule:1:7: '10.555' has more decimals than the currency's 2", ""},
      {"clv > 1234567890123456", "rule:1:7: '1234567890123456' is too large", ""},
      {"orders > 30d", "rule:1:10: '30d' is not a number", "day-count"},
      {"orders > 1e5", "rule:1:10: '1e5' is not a number", ""},
      {"p_alive < .5", "rule:1:11: '.5' is not a number", ""},
      {"recency_days > 3x", "rule:1:16: '3x' is not a number of days", "30d"},
      {"overdue > true", "rule:1:9: overdue is a boolean: it can only be = or != true or false", ""},
      {"overdue = yes", "rule:1:11: overdue is a boolean, and 'yes' is not true or false", ""},
      {"clv < null", "rule:1:7: null cannot be compared with '<'", "clv = null"},
      {"name ~ null", "rule:1:8: null cannot be compared with '~'", ""},
      {"city \x01= x", "rule:1:6: control character U+0001 in the rule", ""},
      {"city = '\xff'", "rule:1:9: the rule is not valid UTF-8", ""},
  };
  for (const auto& [rule_text, message, hint] : cases) {
    string rule = rule_text;
    CAPTURE(rule);
    auto err = rule_error(rule);
    CHECK(string(err.what()) == message);
    CHECK(err.hint().find(hint) != string::npos);
    CHECK(err.excerpt().find("^--- here") != string::npos);
  }
}

TEST_CASE("rule: a long line is shown as a window around the error") {
  string rule = "tag:a";
  for (int i = 0; i < 30; ++i) rule += " and tag:t" + std::to_string(i);
  rule += " and bogus = 1";
  for (int i = 0; i < 30; ++i) rule += " and tag:u" + std::to_string(i);
  auto e = rule_error(rule);
  auto lines = e.excerpt();
  auto nl = lines.find('\n');
  string shown = lines.substr(0, nl), caret = lines.substr(nl + 1);
  CHECK(shown.size() < 90);
  CHECK(shown.substr(0, 5) == "  ...");
  CHECK(shown.substr(shown.size() - 3) == "...");
  CHECK(shown.substr(caret.find('^'), 5) == "bogus");
}

TEST_CASE("rule: nesting and length are bounded") {
  string deep;
  for (int i = 0; i < 10000; ++i) deep += "(";
  deep += "tag:a";
  for (int i = 0; i < 10000; ++i) deep += ")";
  auto e = rule_error(deep.substr(0, 8000));  // deep, yet within the length limit
  CHECK(string(e.what()) == "rule:1:51: the rule nests deeper than 50 levels");
  string nots;
  for (int i = 0; i < 1000; ++i) nots += "not ";
  e = rule_error(nots + "tag:a");
  CHECK(string(e.what()).find("nests deeper than 50 levels") != string::npos);
  e = rule_error(deep);
  CHECK(string(e.what()) == "rule:1:8193: the rule is longer than 8192 bytes");

  // 50 levels are fine, and so is a long flat chain.
  string ok(50, '(');
  ok += "tag:a" + string(50, ')');
  CHECK(parse(ok).kind == RuleNode::Kind::tag);
  string chain = "tag:a";
  while (chain.size() < 8000) chain += " or tag:a";
  CHECK(parse(chain).children.size() > 800);
}

TEST_CASE("rule: the catalogue refuses bad names and suggests near ones") {
  crm::RuleCatalogue c;
  CHECK_THROWS_AS(c.add({"Bad Name", model::FieldKind::text, ""}), Error);
  CHECK_THROWS_AS(c.add({"and", model::FieldKind::text, ""}), Error);
  CHECK_THROWS_AS(c.add({"tag", model::FieldKind::text, ""}), Error);
  c.add({"p_alive", model::FieldKind::number, ""});
  CHECK_THROWS_AS(c.add({"p_alive", model::FieldKind::number, ""}), Error);
  CHECK(c.find("P_Alive") != nullptr);
  CHECK(c.closest("palive") == "p_alive");
  CHECK(c.closest("p_aliev") == "p_alive");  // a swap is one edit
  CHECK(!c.closest("zzz"));
  CHECK(text::edit_distance("kitten", "sitting") == 3);
  CHECK(text::edit_distance("", "abc") == 3);
  CHECK(text::edit_distance("ab", "ba") == 1);
}

// ---- SQL

namespace {

struct Db {
  std::unique_ptr<store::sqlite::Database> db = test::memory_db();
  Db() { db->exec(test::kSampleRuleTables); }

  std::int64_t add(const string& number, const string& name, const std::optional<string>& city,
                   const std::optional<string>& country, const string& attributes = "{}") {
    auto& st = db->prepare("INSERT INTO customers(number, name, city, country, attributes) VALUES (?, ?, ?, ?, ?)");
    st.bind(1, number).bind(2, name).bind(3, city).bind(4, country).bind(5, attributes).run();
    return db->last_insert_rowid();
  }
  void exec(const string& sql) { db->exec(sql); }

  // Ids of the customers the rule selects, by the rendered SQL.
  std::vector<std::int64_t> match(const string& rule) {
    auto sql = store::sqlite::render_rule_sql(parse(rule), test::sample_rule_mapping(), kToday);
    store::sqlite::Statement st(*db, fmt::format("SELECT c.id FROM {} WHERE {} ORDER BY c.id", test::kSampleRuleFrom, sql.where));
    store::sqlite::bind_rule_params(st, sql);
    std::vector<std::int64_t> ids;
    while (st.step()) ids.push_back(st.get_int(0));
    return ids;
  }
  std::int64_t count(const string& table) {
    store::sqlite::Statement st(*db, "SELECT count(*) FROM " + table);
    REQUIRE(st.step());
    return st.get_int(0);
  }
};

using Ids = std::vector<std::int64_t>;

}  // namespace

TEST_CASE("rule: SQL holds the caller's expressions and placeholders only") {
  auto sql = store::sqlite::render_rule_sql(parse("clv > 2000 and country in (NO, SE) or not tag:vip"),
                                            test::sample_rule_mapping(), kToday);
  CHECK(sql.where ==
        "((coalesce(m.clv > ?, 0) AND coalesce(kunde_fold(c.country) IN (kunde_fold(?), kunde_fold(?)), 0)) OR "
        "NOT (EXISTS (SELECT 1 FROM customer_tags rt WHERE rt.customer_id = c.id AND rt.tag = ?)))");
  CHECK(sql.params == std::vector<Value>{std::int64_t{200000}, string("NO"), string("SE"), string("vip")});

  sql = store::sqlite::render_rule_sql(parse("last_order_at >= -30d and p_alive < 0.5 and email = null"),
                                       test::sample_rule_mapping(), "2026-06-15 10:00:00");
  CHECK(sql.where ==
        "(coalesce(substr(s.last_order_at, 1, 10) >= ?, 0) AND (coalesce(m.p_alive < ?, 0) AND (c.email IS NULL)))");
  CHECK(sql.params == std::vector<Value>{string("2026-05-16"), 0.5});

  sql = store::sqlite::render_rule_sql(parse("attr.industry ~ retail and segment:x and overdue"),
                                       test::sample_rule_mapping(), kToday);
  CHECK(sql.where.find("(SELECT ra.value FROM json_each(c.attributes) ra WHERE ra.key = ? LIMIT 1)") != string::npos);
  CHECK(sql.params == std::vector<Value>{string("industry"), string("retail"), string("x"), std::int64_t{1}});

  auto mapping = test::sample_rule_mapping();
  mapping.segments.reset();
  CHECK_THROWS_AS(store::sqlite::render_rule_sql(parse("segment:x"), mapping, kToday), Error);
  mapping.fields.erase("clv");
  CHECK_THROWS_AS(store::sqlite::render_rule_sql(parse("clv > 1"), mapping, kToday), Error);
}

TEST_CASE("rule: PostgreSQL's dialect numbers its placeholders from the first it is given and types them") {
  auto rule = crm::parse_rule("revenue > 50 and overdue and country in (NO, SE) and p_alive < 0.5 and not tag:vip",
                              crm::customer_rule_fields());
  auto sql = store::pg::customer_rule_sql(store::RuleQuery{rule, kToday}, 3);
  CAPTURE(sql.where);
  CHECK(sql.where.find("coalesce(coalesce(s.revenue, 0) > $3::bigint, false)") != string::npos);
  CHECK(sql.where.find("< DATE '2026-06-15') = $4::integer::boolean, false)") != string::npos);
  CHECK(sql.where.find("coalesce(kunde_fold(c.country) IN (kunde_fold($5::text), kunde_fold($6::text)), false)") !=
        string::npos);
  CHECK(sql.where.find("coalesce(m.p_alive < $7::double precision, false)") != string::npos);
  CHECK(sql.where.find("NOT (EXISTS (SELECT 1 FROM customer_tags rt WHERE rt.customer_id = c.id AND rt.tag = $8::text))") !=
        string::npos);
  CHECK(sql.where.find('?') == string::npos);
  CHECK(sql.params ==
        std::vector<Value>{std::int64_t{5000}, std::int64_t{1}, string("NO"), string("SE"), 0.5, string("vip")});
  // Days since a date are a difference of dates; attributes come from the JSON object.
  sql = store::pg::customer_rule_sql(store::RuleQuery{crm::parse_rule("recency_days <= 30 and attr.industry = retail",
                                                                       crm::customer_rule_fields()),
                                                      kToday});
  CAPTURE(sql.where);
  CHECK(sql.where.find("(DATE '2026-06-15' - substr(s.last_order_at, 1, 10)::date) <= $1::bigint") != string::npos);
  CHECK(sql.where.find("(SELECT ra.value FROM jsonb_each_text(c.attributes) ra WHERE ra.key = $2::text LIMIT 1)") !=
        string::npos);
}

TEST_CASE("rule: quotes, semicolons and comments in a rule stay values") {
  Db db;
  const char* names[] = {"'); DROP TABLE customers; --", "' OR 1=1 --", "x\" OR \"1\"=\"1", "a;b", "--", "Plain"};
  for (int i = 0; i < 6; ++i) db.add(fmt::format("K{}", i), names[i], "Oslo", "NO");
  db.exec("INSERT INTO customer_tags VALUES (1, ''')); DROP TABLE customer_tags; --')");
  db.exec("UPDATE customers SET attributes = json_object('a''); DROP TABLE x; --', 'v') WHERE id = 2");

  const std::pair<string, Ids> cases[] = {
      {"name = '''); DROP TABLE customers; --'", {1}},
      {"name = \"'); DROP TABLE customers; --\"", {1}},
      {"name = ''' OR 1=1 --'", {2}},
      {"name = 'x\" OR \"1\"=\"1'", {3}},
      {"name = \"x\"\" OR \"\"1\"\"=\"\"1\"", {3}},
      {"name = a;b", {4}},
      {"name = --", {5}},
      {"name ~ ';' or name ~ '--'", {1, 2, 4, 5}},
      {"name != '''; DELETE FROM customers; --'", {1, 2, 3, 4, 5, 6}},
      {"name ~ ''' OR ''1''=''1'", {}},
      {"tag:''')); DROP TABLE customer_tags; --'", {1}},
      {"attr.'a''); DROP TABLE x; --' = v", {2}},
      {"segment:'x''); DROP TABLE sample_segment_members; --'", {}},
      {"country in ('NO''); DROP TABLE customers; --', NO) and city = Oslo", {1, 2, 3, 4, 5, 6}},
  };
  for (const auto& c : cases) {
    const auto& rule = c.first;
    const auto& expected = c.second;
    CAPTURE(rule);
    auto sql = store::sqlite::render_rule_sql(parse(rule), test::sample_rule_mapping(), kToday);
    CHECK(sql.where.find("DROP") == string::npos);
    CHECK(sql.where.find("DELETE") == string::npos);
    CHECK(sql.where.find("--") == string::npos);
    CHECK(db.match(rule) == expected);
  }
  CHECK(db.count("customers") == 6);
  CHECK(db.count("customer_tags") == 1);
  CHECK(db.count("sample_segment_members") == 0);
}

TEST_CASE("rule: a missing value matches != and not in, and nothing else") {
  Db db;
  auto no = db.add("1", "Anna", "Oslo", "NO");
  auto se = db.add("2", "Bo", "Malmö", "SE");
  auto none = db.add("3", "Cai", std::nullopt, std::nullopt);
  db.exec(fmt::format("INSERT INTO sample_scores VALUES ({}, 0.2, 300000, 'At risk'), ({}, 0.9, 100000, NULL)", no, se));

  CHECK(db.match("country = SE") == Ids{se});
  CHECK(db.match("country != SE") == Ids{no, none});
  CHECK(db.match("not country = SE") == Ids{no, none});
  CHECK(db.match("country in (NO, SE)") == Ids{no, se});
  CHECK(db.match("country not in (NO, SE)") == Ids{none});
  CHECK(db.match("not country not in (NO, SE)") == Ids{no, se});
  CHECK(db.match("country = null") == Ids{none});
  CHECK(db.match("country != null") == Ids{no, se});
  CHECK(db.match("city ~ ''") == Ids{no, se});
  CHECK(db.match("not city ~ malmo") == Ids{no, none});
  CHECK(db.match("clv > 2000") == Ids{no});
  CHECK(db.match("clv <= 2000") == Ids{se});
  CHECK(db.match("not clv > 2000") == Ids{se, none});
  CHECK(db.match("p_alive < 0.5 and clv > 2000 and country in (no, se)") == Ids{no});
  CHECK(db.match("rfm_segment = 'at risk'") == Ids{no});
  CHECK(db.match("city = malmo and name ~ BO") == Ids{se});  // case and diacritics ignored
  CHECK(db.match("orders = 0") == Ids{no, se, none});  // the mapping makes no orders 0, not missing
}

TEST_CASE("rule: dates compare by day, relative to the day given") {
  Db db;
  auto a = db.add("1", "A", "Oslo", "NO");
  auto b = db.add("2", "B", "Oslo", "NO");
  auto c = db.add("3", "C", "Oslo", "NO");
  db.exec(fmt::format("UPDATE customers SET created_at = '2026-05-16 23:59:59' WHERE id = {};"
                      "UPDATE customers SET created_at = '2026-05-15' WHERE id = {};",
                      a, b));
  CHECK(db.match("created_at = 2026-05-16") == Ids{a});
  CHECK(db.match("created_at >= -30d") == Ids{a});
  CHECK(db.match("created_at < -30d") == Ids{b});
  CHECK(db.match("created_at < today") == Ids{a, b});
  CHECK(db.match("not created_at < today") == Ids{c});
  CHECK(db.match("created_at > 2026-05-15") == Ids{a});
}

// ---- random rules: rendered SQL against an evaluator of the tree

namespace {

struct Person {
  std::int64_t id = 0;
  std::optional<string> city, country, last_order_at;
  std::optional<std::int64_t> orders, clv, recency, overdue;
  std::optional<double> p_alive;
  std::set<string> tags, segments;
  std::map<string, string> attributes;
};

const crm::RuleCatalogue& people_catalogue() {
  using K = model::FieldKind;
  static const crm::RuleCatalogue c{{"city", K::text, ""},        {"country", K::text, ""},
                                    {"orders", K::integer, ""},   {"p_alive", K::number, ""},
                                    {"clv", K::money, ""},        {"last_order_at", K::date, ""},
                                    {"recency_days", K::day_count, ""}, {"overdue", K::boolean, ""}};
  return c;
}

store::sqlite::RuleSqlMapping people_mapping() {
  store::sqlite::RuleSqlMapping m;
  for (const char* f : {"city", "country", "orders", "p_alive", "clv", "last_order_at", "overdue"})
    m.fields[f] = std::string("p.") + f;
  m.fields["recency_days"] = "p.recency";
  m.customer_id = "p.id";
  m.tags = {"people_tags pt", "pt.person", "pt.tag"};
  m.segments = store::sqlite::MembershipSource{"people_segments ps", "ps.person", "ps.segment"};
  m.attributes = {"json_each(p.attributes) pa", "", "pa.key", "pa.value"};
  return m;
}

template <typename T>
const T& pick(std::mt19937& rng, const std::vector<T>& items) {
  return items[std::uniform_int_distribution<std::size_t>(0, items.size() - 1)(rng)];
}

bool chance(std::mt19937& rng, int percent) { return std::uniform_int_distribution<int>(1, 100)(rng) <= percent; }

std::vector<Person> random_people(std::mt19937& rng, int n) {
  const std::vector<std::optional<string>> cities = {std::nullopt, "Oslo", "oslo", "Bergen", "Tromsø", "tromso",
                                                     "Göteborg",   "",     "O'Brien Town", "Åsane"};
  const std::vector<std::optional<string>> countries = {std::nullopt, "NO", "SE", "no", "DK"};
  const std::vector<std::optional<std::int64_t>> orders = {std::nullopt, 0, 1, 2, 3, 10};
  const std::vector<std::optional<double>> scores = {std::nullopt, 0.0, 0.25, 0.5, 0.75, 1.0};
  const std::vector<std::optional<std::int64_t>> clvs = {std::nullopt, 0, 150050, 200000, 200001, -5000};
  const std::vector<std::optional<string>> dates = {std::nullopt, "2026-01-01", "2026-01-01 10:00:00", "2026-05-16",
                                                    "2026-06-15", "2025-12-31 23:59:59"};
  const std::vector<std::optional<std::int64_t>> recencies = {std::nullopt, 0, 30, 180, 182, 400};
  const std::vector<std::optional<std::int64_t>> flags = {std::nullopt, 0, 1};
  std::vector<Person> out;
  for (int i = 1; i <= n; ++i) {
    Person p;
    p.id = i;
    p.city = pick(rng, cities), p.country = pick(rng, countries), p.orders = pick(rng, orders);
    p.p_alive = pick(rng, scores), p.clv = pick(rng, clvs), p.last_order_at = pick(rng, dates);
    p.recency = pick(rng, recencies), p.overdue = pick(rng, flags);
    for (const char* t : {"vip", "b2b", "big spender"})
      if (chance(rng, 40)) p.tags.insert(t);
    for (const char* s : {"at-risk", "loyal"})
      if (chance(rng, 40)) p.segments.insert(s);
    if (chance(rng, 70)) p.attributes["industry"] = pick(rng, std::vector<string>{"retail", "Retail", "finance", ""});
    if (chance(rng, 50)) p.attributes["size"] = pick(rng, std::vector<string>{"10", "2", "big"});
    out.push_back(std::move(p));
  }
  return out;
}

void store_people(store::sqlite::Database& db, const std::vector<Person>& people) {
  db.exec(
      "CREATE TABLE people (id INTEGER PRIMARY KEY, city TEXT, country TEXT, orders INTEGER, p_alive REAL, "
      "clv INTEGER, last_order_at TEXT, recency INTEGER, overdue INTEGER, attributes TEXT NOT NULL) STRICT;"
      "CREATE TABLE people_tags (person INTEGER, tag TEXT);"
      "CREATE TABLE people_segments (person INTEGER, segment TEXT);");
  for (const auto& p : people) {
    nlohmann::json attrs = nlohmann::json::object();
    for (const auto& [k, v] : p.attributes) attrs[k] = v;
    db.prepare("INSERT INTO people VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, p.id).bind(2, p.city).bind(3, p.country).bind(4, p.orders).bind(5, p.p_alive).bind(6, p.clv)
        .bind(7, p.last_order_at).bind(8, p.recency).bind(9, p.overdue).bind(10, attrs.dump())
        .run();
    for (const auto& t : p.tags) db.prepare("INSERT INTO people_tags VALUES (?, ?)").bind(1, p.id).bind(2, t).run();
    for (const auto& s : p.segments)
      db.prepare("INSERT INTO people_segments VALUES (?, ?)").bind(1, p.id).bind(2, s).run();
  }
}

// The evaluator: what the documentation says a rule means, written over the tree.
using Operand = std::variant<string, double>;

std::optional<Operand> subject_of(const Person& p, const model::RuleSubject& s) {
  auto text = [](const std::optional<string>& v) -> std::optional<Operand> {
    if (!v) return std::nullopt;
    return Operand(text::fold(*v));
  };
  auto number = [](auto v) -> std::optional<Operand> {
    if (!v) return std::nullopt;
    return Operand(static_cast<double>(*v));
  };
  if (s.source == model::RuleSubject::Source::attribute) {
    auto it = p.attributes.find(s.name);
    return it == p.attributes.end() ? std::nullopt : text(it->second);
  }
  if (s.name == "city") return text(p.city);
  if (s.name == "country") return text(p.country);
  if (s.name == "orders") return number(p.orders);
  if (s.name == "p_alive") return number(p.p_alive);
  if (s.name == "clv") return number(p.clv);
  if (s.name == "recency_days") return number(p.recency);
  if (s.name == "overdue") return number(p.overdue);
  if (s.name == "last_order_at") {
    if (!p.last_order_at) return std::nullopt;
    return Operand(p.last_order_at->substr(0, 10));
  }
  FAIL("no such field " << s.name);
  return std::nullopt;
}

Operand value_of(const model::RuleValue& v) {
  if (auto s = std::get_if<string>(&v.data)) return text::fold(*s);
  if (auto d = std::get_if<double>(&v.data)) return *d;
  if (auto m = std::get_if<model::MoneyValue>(&v.data)) return static_cast<double>(m->minor);
  if (auto d = std::get_if<model::DateValue>(&v.data)) return d->iso;
  if (auto r = std::get_if<model::RelativeDateValue>(&v.data)) return model::add_days(kToday, r->days);
  return std::get<bool>(v.data) ? 1.0 : 0.0;
}

int order(const Operand& a, const Operand& b) {
  if (a.index() != b.index()) throw std::logic_error("operands of different types");
  if (auto s = std::get_if<string>(&a)) {
    int r = s->compare(std::get<string>(b));  // bytes as unsigned, like SQLite's BINARY
    return r < 0 ? -1 : r > 0 ? 1 : 0;
  }
  double x = std::get<double>(a), y = std::get<double>(b);
  return x < y ? -1 : x == y ? 0 : 1;
}

bool evaluate(const RuleNode& n, const Person& p) {
  switch (n.kind) {
    case RuleNode::Kind::all_of:
      for (const auto& c : n.children)
        if (!evaluate(c, p)) return false;
      return true;
    case RuleNode::Kind::any_of:
      for (const auto& c : n.children)
        if (evaluate(c, p)) return true;
      return false;
    case RuleNode::Kind::negation: return !evaluate(n.children.at(0), p);
    case RuleNode::Kind::tag: return p.tags.count(n.name) > 0;
    case RuleNode::Kind::segment: return p.segments.count(n.name) > 0;
    case RuleNode::Kind::comparison: break;
  }
  const auto& c = n.comparison;
  auto have = subject_of(p, c.subject);
  auto any_equal = [&] {
    for (const auto& v : c.values)
      if (order(*have, value_of(v)) == 0) return true;
    return false;
  };
  switch (c.op) {
    case CompareOp::is_null: return !have;
    case CompareOp::not_null: return have.has_value();
    case CompareOp::ne: return !have || order(*have, value_of(c.values[0])) != 0;
    case CompareOp::not_in: return !have || !any_equal();
    default: break;
  }
  if (!have) return false;
  int o = c.op == CompareOp::in || c.op == CompareOp::contains ? 0 : order(*have, value_of(c.values[0]));
  switch (c.op) {
    case CompareOp::eq: return o == 0;
    case CompareOp::lt: return o < 0;
    case CompareOp::le: return o <= 0;
    case CompareOp::gt: return o > 0;
    case CompareOp::ge: return o >= 0;
    case CompareOp::in: return any_equal();
    case CompareOp::contains:
      return std::get<string>(*have).find(std::get<string>(value_of(c.values[0]))) != string::npos;
    default: return false;
  }
}

// Random rule text over the people catalogue, in assorted spellings.
class RuleWriter {
 public:
  explicit RuleWriter(std::mt19937& rng) : rng_(rng) {}

  string expression(int depth) {
    int choice = depth <= 0 ? 0 : std::uniform_int_distribution<int>(0, 5)(rng_);
    switch (choice) {
      case 1: return kw("not") + " " + wrap(expression(depth - 1));
      case 2: return expression(depth - 1) + " " + kw("and") + " " + expression(depth - 1);
      case 3: return expression(depth - 1) + " " + kw("or") + " " + expression(depth - 1);
      case 4: return "(" + expression(depth - 1) + ")";
      default: return condition();
    }
  }

 private:
  std::mt19937& rng_;

  // A keyword in lower case, mostly, else in upper case.
  string kw(string k) {
    if (chance(rng_, 25))
      for (auto& ch : k) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return k;
  }
  string wrap(const string& e) { return "(" + e + ")"; }

  string list(const std::vector<string>& pool) {
    int n = std::uniform_int_distribution<int>(1, 3)(rng_);
    string out = "(";
    for (int i = 0; i < n; ++i) out += (i ? ", " : "") + pick(rng_, pool);
    return out + ")";
  }

  string compare(const string& subject, const std::vector<string>& ops, const std::vector<string>& pool) {
    string op = pick(rng_, ops);
    if (op == "in" || op == "not in") return subject + " " + kw(op) + " " + list(pool);
    if (op == "null") {
      return subject + " " + pick(rng_, std::vector<string>{"= null", "!= null", "is null", "is not null", "IS NOT NULL"});
    }
    return subject + " " + op + " " + pick(rng_, pool);
  }

  string condition() {
    const std::vector<string> all = {"=", "!=", "<>", "<", "<=", ">", ">=", "in", "not in", "null"};
    const std::vector<string> text_pool = {"Oslo", "oslo", "'Tromsø'", "tromso", "'O''Brien Town'", "\"O'Brien town\"",
                                           "'Åse'", "goteborg", "NO", "se", "''", "retail", "10", "2", "big", "b",
                                           "'Bergen'", "a", "z"};
    switch (std::uniform_int_distribution<int>(0, 11)(rng_)) {
      case 0: return compare("city", {"=", "!=", "<", ">=", "~", "in", "not in", "null"}, text_pool);
      case 1: return compare("country", {"=", "!=", "~", "in", "not in", "null", "<"}, text_pool);
      case 2: return compare("orders", all, {"0", "1", "2", "2.5", "10", "-1", "'3'"});
      case 3: return compare("p_alive", all, {"0", "0.25", "0.5", "0.3", "1"});
      case 4: return compare("clv", all, {"0", "1500.50", "2000", "2000.01", "-50", "1500.5", "'2000'"});
      case 5:
        return compare("last_order_at", all,
                       {"2026-01-01", "2025-12-31", "today", "-30d", "yesterday", "'2026-05-16'", "-1m", "+1w", "20260101"});
      case 6: return compare("recency_days", all, {"30", "180", "26w", "1y", "0", "6m"});
      case 7:
        if (chance(rng_, 30)) return "overdue";
        return compare("overdue", {"=", "!=", "in", "null"}, {"true", "false", "TRUE"});
      case 8: return compare(pick(rng_, std::vector<string>{"attr.industry", "attr.size", "attr.'size'", "attr.missing"}),
                             {"=", "!=", "~", "in", "not in", "null", ">"}, text_pool);
      case 9: return pick(rng_, std::vector<string>{"tag:vip", "tag:b2b", "tag:'big spender'", "tag:none"});
      case 10: return pick(rng_, std::vector<string>{"segment:at-risk", "segment:loyal", "segment:'loyal'"});
      default: return compare("city", {"~"}, text_pool);
    }
  }
};

}  // namespace

TEST_CASE("rule: random rules select the same customers in SQL and in the evaluator") {
  int rules = 0, nonempty = 0, partial = 0;
  for (unsigned seed = 1; seed <= 6; ++seed) {
    std::mt19937 rng(seed);
    auto people = random_people(rng, 60);
    store::sqlite::Database db(":memory:", store::sqlite::OpenMode::create);
    store_people(db, people);
    RuleWriter writer(rng);
    auto mapping = people_mapping();
    for (int i = 0; i < 100; ++i) {
      string text = writer.expression(std::uniform_int_distribution<int>(0, 4)(rng));
      CAPTURE(seed);
      CAPTURE(text);
      RuleNode rule = crm::parse_rule(text, people_catalogue());
      string printed = crm::format_rule(rule);
      CAPTURE(printed);
      REQUIRE(crm::parse_rule(printed, people_catalogue()) == rule);

      std::set<std::int64_t> expected;
      for (const auto& p : people)
        if (evaluate(rule, p)) expected.insert(p.id);
      auto sql = store::sqlite::render_rule_sql(rule, mapping, kToday);
      store::sqlite::Statement st(db, "SELECT p.id FROM people p WHERE " + sql.where);
      store::sqlite::bind_rule_params(st, sql);
      std::set<std::int64_t> got;
      while (st.step()) got.insert(st.get_int(0));
      CHECK(got == expected);

      // The complement is exact: no customer falls out of both.
      store::sqlite::Statement neg(db, "SELECT count(*) FROM people p WHERE NOT (" + sql.where + ")");
      store::sqlite::bind_rule_params(neg, sql);
      REQUIRE(neg.step());
      CHECK(static_cast<std::size_t>(neg.get_int(0)) == people.size() - got.size());

      ++rules;
      nonempty += !got.empty();
      partial += !got.empty() && got.size() < people.size();
    }
  }
  CHECK(rules == 600);
  // The rules are not trivially empty or full: most split the table.
  CHECK(nonempty > 300);
  CHECK(partial > 250);
  MESSAGE(fmt::format("{} random rules, {} select someone, {} split the table", rules, nonempty, partial));
}
