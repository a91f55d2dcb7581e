// Purchase-pattern reports over a store: affinity (against arules on the Groceries data and
// on a small hand-checked store), products, next offers, channels and behaviour changes.
#include <csv.h>
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "crm/reports_affinity.hpp"
#include "crm/session.hpp"
#include "error.hpp"
#include "helpers.hpp"

using namespace kunde;

namespace {

// The Groceries baskets as rows of labels, read with libcsv (labels may end in a space).
std::vector<std::vector<std::string>> groceries_rows(const std::string& path) {
  struct State {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
  } st;
  csv_parser parser;
  REQUIRE(csv_init(&parser, CSV_STRICT) == 0);
  auto on_field = [](void* data, std::size_t len, void* ctx) {
    static_cast<State*>(ctx)->row.emplace_back(static_cast<const char*>(data), len);
  };
  auto on_row = [](int, void* ctx) {
    auto* s = static_cast<State*>(ctx);
    s->rows.push_back(std::move(s->row));
    s->row.clear();
  };
  std::ifstream in(path, std::ios::binary);
  std::vector<char> buf(1 << 16);
  while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0) {
    auto n = static_cast<std::size_t>(in.gcount());
    REQUIRE(csv_parse(&parser, buf.data(), n, on_field, on_row, &st) == n);
  }
  csv_fini(&parser, on_field, on_row, &st);
  csv_free(&parser);
  return st.rows;
}

// Orders of a small shop: three customers, five orders.
//   O1 K1 books, music      O2 K1 books, music, games
//   O3 K2 books, music      O4 K2 games
//   O5 K3 books
const char* kShop =
    "order,customer,ordered_at,sku,quantity,unit_price,category,channel\n"
    "O1,K1,2026-01-10,B1,1,10.00,books,web\n"
    "O1,K1,2026-01-10,M1,1,5.00,music,web\n"
    "O2,K1,2026-03-10,B2,1,12.00,books,shop\n"
    "O2,K1,2026-03-10,M1,1,5.00,music,shop\n"
    "O2,K1,2026-03-10,G1,1,30.00,games,shop\n"
    "O3,K2,2026-02-01,B1,1,10.00,books,web\n"
    "O3,K2,2026-02-01,M2,2,4.00,music,web\n"
    "O4,K2,2026-04-01,G1,1,30.00,games,phone\n"
    "O5,K3,2026-05-01,B1,1,10.00,books,web\n";

crm::ReportScope scope(const char* as_of = "2026-12-31") {
  crm::ReportScope s;
  s.as_of = as_of;
  return s;
}

}  // namespace

TEST_CASE("reports affinity: the Groceries baskets imported as orders give arules' 463 rules") {
  std::string path = std::string(KUNDE_SHARED_DATA) + "/groceries/groceries.csv";
  if (!std::filesystem::exists(path)) {
    MESSAGE("skipped: " << path << " is not there");
    return;
  }
  auto rows = groceries_rows(path);
  REQUIRE(rows.size() == 9835);
  std::map<std::string, int> skus;
  for (const auto& row : rows) {
    for (const auto& label : row) skus.emplace(label, 0);
  }
  int next = 0;
  for (auto& [label, sku] : skus) sku = ++next;
  // One order per basket, spread over 400 customers and a year; the category is the label.
  std::string csv = "order,customer,ordered_at,sku,quantity,unit_price,category\n";
  for (std::size_t b = 0; b < rows.size(); ++b) {
    for (const auto& label : rows[b]) {
      csv += fmt::format("O{},K{},2025-{:02}-{:02},G{},1,1.00,{}\n", b + 1, b % 400 + 1, b % 12 + 1, b % 28 + 1,
                         skus.at(label), label);
    }
  }
  test::StoreFixture fx;
  fx.import("order", csv);

  crm::AffinityRequest q;
  q.scope = scope("2026-01-01");
  q.min_support = 0.006;
  q.min_confidence = 0.25;
  q.min_len = 2;
  q.max_len = 10;
  auto r = crm::affinity_report(fx.session(), q);
  CHECK(r.baskets == 9835);
  CHECK(r.items == 169);
  CHECK(r.rules.size() == 463);
  REQUIRE(!r.rules.empty());
  const auto& top = r.rules.front();
  CHECK(top.antecedent == std::vector<std::string>{"herbs"});
  CHECK(top.consequent == "root vegetables");
  CHECK(top.support == doctest::Approx(0.00702).epsilon(0.001));
  CHECK(top.confidence == doctest::Approx(0.431).epsilon(0.001));
  CHECK(top.lift == doctest::Approx(3.956).epsilon(0.0002));

  // On product level the SKUs stand for the same labels: the same rules.
  q.level = crm::ItemLevel::product;
  auto p = crm::affinity_report(fx.session(), q);
  CHECK(p.rules.size() == 463);
  REQUIRE(!p.rules.empty());
  CHECK(p.rules.front().antecedent == std::vector<std::string>{fmt::format("G{}", skus.at("herbs"))});
}

TEST_CASE("reports affinity: rules over orders and over customers of a small shop") {
  test::StoreFixture fx;
  fx.import("order", kShop);
  crm::AffinityRequest q;
  q.scope = scope();
  q.min_support = 0.4;
  q.min_confidence = 0.6;
  auto r = crm::affinity_report(fx.session(), q);
  CHECK(r.baskets == 5);
  CHECK(r.items == 3);
  // {books, music} in 3 of 5 orders: music => books (3/3), books => music (3/4).
  REQUIRE(r.rules.size() == 2);
  CHECK(r.rules[0].antecedent == std::vector<std::string>{"music"});
  CHECK(r.rules[0].consequent == "books");
  CHECK(r.rules[0].confidence == doctest::Approx(1.0));
  CHECK(r.rules[0].lift == doctest::Approx(1.25));
  CHECK(r.rules[1].confidence == doctest::Approx(0.75));

  // By customer: K1 {books, music, games}, K2 {books, music, games}, K3 {books}.
  q.by = crm::BasketBy::customer;
  q.min_confidence = 1;
  auto c = crm::affinity_report(fx.session(), q);
  CHECK(c.baskets == 3);
  // Confidence 1: music => books, games => books, games => music, music => games and the
  // three rules of {books, music, games}; books => music has only 2/3.
  for (const auto& rule : c.rules) CHECK(rule.confidence == doctest::Approx(1.0));
  CHECK(c.rules.size() == 7);

  // The scope applies: up to February only O1 and O3.
  q.by = crm::BasketBy::order;
  q.scope = scope("2026-02-28");
  CHECK(crm::affinity_report(fx.session(), q).baskets == 2);

  q.min_support = 0;
  CHECK_THROWS_AS(crm::affinity_report(fx.session(), q), UsageError);
  q.min_support = 0.5;
  q.max_len = 1;
  CHECK_THROWS_AS(crm::affinity_report(fx.session(), q), UsageError);
  CHECK_THROWS_AS(crm::item_level("sku"), UsageError);
  CHECK_THROWS_AS(crm::basket_by("day"), UsageError);
}
