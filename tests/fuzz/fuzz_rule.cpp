// libFuzzer target: the segment rule language. Whatever the input, parsing either fails with
// a RuleError or gives a tree that prints to a rule parsing back to the same tree, whose SQL
// has one bound value per placeholder and runs on SQLite: over the sample catalogue, and over
// the real customer fields with the SQLite store's own mapping.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "../unit/rule_samples.hpp"
#include "crm/segment_fields.hpp"
#include "crm/segment_rule.hpp"
#include "store/sqlite/customer_rule_sql.hpp"
#include "store/sqlite/database.hpp"
#include "store/sqlite/schema.hpp"
#include "store/sqlite/rule_sql.hpp"

namespace {

kunde::store::sqlite::Database& database() {
  static std::unique_ptr<kunde::store::sqlite::Database> db = [] {
    auto d = std::make_unique<kunde::store::sqlite::Database>(":memory:", kunde::store::sqlite::OpenMode::create);
    kunde::store::sqlite::create_schema(*d, 2, "");
    d->exec(kunde::test::kSampleRuleTables);
    d->exec(
        "INSERT INTO customers(id, number, name, city, country, created_at, attributes) VALUES "
        "(1, 'K1', 'Bjørn', 'Oslo', 'NO', '2026-01-01', '{\"industry\":\"retail\"}'), (2, 'K2', '', NULL, NULL, NULL, '{}');"
        "INSERT INTO customer_tags VALUES (1, 'vip');"
        "INSERT INTO sample_scores VALUES (1, 0.4, 250000, 'At risk');"
        "INSERT INTO sample_segment_members VALUES ('at-risk', 1);");
    return d;
  }();
  return *db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kunde;
  std::string rule(reinterpret_cast<const char*>(data), size);
  const auto& catalogue = test::sample_rule_catalogue();
  model::RuleNode tree;
  try {
    tree = crm::parse_rule(rule, catalogue);
  } catch (const crm::RuleError& e) {
    // Rejecting bad input with a positioned message is the expected outcome.
    if (e.excerpt().find("^--- here") == std::string::npos || e.column() < 1) std::abort();
    return 0;
  }
  std::string printed = crm::format_rule(tree);
  model::RuleNode again = crm::parse_rule(printed, catalogue);  // a throw here is a finding too
  if (!(again == tree) || crm::format_rule(again) != printed) std::abort();

  auto sql = store::sqlite::render_rule_sql(tree, test::sample_rule_mapping(), "2026-06-15");
  std::size_t placeholders = 0;
  for (char c : sql.where) placeholders += c == '?';
  if (placeholders != sql.params.size()) std::abort();
  store::sqlite::Statement st(database(), std::string("SELECT count(*) FROM ") + test::kSampleRuleFrom + " WHERE " + sql.where);
  store::sqlite::bind_rule_params(st, sql);
  if (!st.step() || st.get_int(0) < 0 || st.get_int(0) > 2) std::abort();

  model::RuleNode real;
  try {
    real = crm::parse_rule(rule, crm::customer_rule_fields());
  } catch (const crm::RuleError&) {
    return 0;
  }
  if (!(crm::parse_rule(crm::format_rule(real), crm::customer_rule_fields()) == real)) std::abort();
  auto real_sql = store::sqlite::customer_rule_sql(database(), store::RuleQuery{real, "2026-06-15"});
  store::sqlite::Statement count(database(), std::string("SELECT count(*) FROM ") + store::sqlite::kCustomerRuleFrom +
                                                 " WHERE " + real_sql.where);
  store::sqlite::bind_rule_params(count, real_sql);
  if (!count.step() || count.get_int(0) < 0 || count.get_int(0) > 2) std::abort();
  return 0;
}
