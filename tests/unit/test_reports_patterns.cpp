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
#include "crm/reports_changes.hpp"
#include "crm/reports_channels.hpp"
#include "crm/reports_churn.hpp"
#include "crm/reports_next.hpp"
#include "crm/reports_products.hpp"
#include "crm/reports_wallet.hpp"
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

// Imports orders whose customers are new, as `kunde order import --create-missing` does.
void import_orders(test::StoreFixture& fx, const std::string& csv) {
  crm::ImportRequest request(crm::ImportKind::orders);
  request.options.create_missing = true;
  auto counts = fx.import("order", csv, request);
  REQUIRE(counts.rejected == 0);
}

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
  import_orders(fx, csv);

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
  import_orders(fx, kShop);
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

TEST_CASE("reports products: penetration, and one customer's bought and not bought") {
  test::StoreFixture fx;
  import_orders(fx, kShop);
  crm::ProductsRequest q;
  q.scope = scope();
  auto r = crm::products_report(fx.session(), q);
  CHECK(r.customers == 3);
  CHECK(r.orders == 5);
  REQUIRE(r.rows.size() == 3);
  CHECK(r.rows[0].item == "books");
  CHECK(r.rows[0].customers == 3);
  CHECK(r.rows[0].orders == 4);
  CHECK(r.rows[0].revenue == 4200);
  CHECK(r.rows[0].order_share == doctest::Approx(0.8));
  CHECK(r.rows[1].item == "music");  // 2 customers, 3 orders; games has 2 customers, 2 orders
  CHECK(r.rows[2].item == "games");
  CHECK(r.customer_rows.empty());

  q.customer = 3;  // K3 bought books only
  r = crm::products_report(fx.session(), q);
  REQUIRE(r.customer_rows.size() == 3);
  CHECK(r.customer_rows[0].item == "books");
  CHECK(r.customer_rows[0].bought);
  CHECK(!r.customer_rows[0].interval_days);
  CHECK(!r.customer_rows[1].bought);
  CHECK(r.customer_rows[1].penetration == doctest::Approx(2.0 / 3));

  q.customer = 1;  // K1: books on 2026-01-10 and 2026-03-10
  r = crm::products_report(fx.session(), q);
  REQUIRE(r.customer_rows.size() == 3);
  CHECK(r.customer_rows[0].item == "games");  // 30.00 is the most revenue
  CHECK(r.customer_rows[1].item == "books");
  CHECK(r.customer_rows[1].first == "2026-01-10");
  CHECK(r.customer_rows[1].last == "2026-03-10");
  REQUIRE(r.customer_rows[1].interval_days);
  CHECK(*r.customer_rows[1].interval_days == doctest::Approx(59));

  q.level = crm::ItemLevel::product;
  q.customer.reset();
  r = crm::products_report(fx.session(), q);
  CHECK(r.rows.size() == 5);
  CHECK(r.rows[0].item == "B1");
}

TEST_CASE("reports next: offers from rules the customer's purchases satisfy, and the expected date") {
  test::StoreFixture fx;
  import_orders(fx, kShop);
  crm::NextRequest q;
  q.scope = scope("2026-06-30");
  q.min_support = 0.2;
  q.min_confidence = 0.5;
  q.customers = {3, 1};
  auto r = crm::next_report(fx.session(), q);
  CHECK(r.baskets == 5);
  REQUIRE(r.rows.size() == 2);
  // K3 has books: books => music (3/4) is the rule; K1 has everything.
  CHECK(r.rows[0].id == 3);
  REQUIRE(r.rows[0].offers.size() == 1);
  CHECK(r.rows[0].offers[0].item == "music");
  CHECK(r.rows[0].offers[0].because == std::vector<std::string>{"books"});
  CHECK(r.rows[0].offers[0].confidence == doctest::Approx(0.75));
  CHECK(!r.rows[0].expected_next);  // one purchase day
  CHECK(r.rows[1].id == 1);
  CHECK(r.rows[1].offers.empty());
  // K1 bought on 2026-01-10 and 2026-03-10: 59 days, so next on 2026-05-08, overdue by June.
  REQUIRE(r.rows[1].expected_next);
  CHECK(*r.rows[1].expected_next == "2026-05-08");
  CHECK(r.rows[1].overdue);

  q.top = 0;
  CHECK_THROWS_AS(crm::next_report(fx.session(), q), UsageError);
}

TEST_CASE("reports channels: mix, multi-channel customers, quarters and moves") {
  test::StoreFixture fx;
  import_orders(fx, kShop);
  auto r = crm::channels_report(fx.session(), scope());
  CHECK(r.orders == 5);
  CHECK(r.customers == 3);
  REQUIRE(r.mix.size() == 3);
  CHECK(r.mix[0].channel == "web");
  CHECK(r.mix[0].orders == 3);
  CHECK(r.mix[0].order_share == doctest::Approx(0.6));
  CHECK(r.mix[0].customers == 3);
  CHECK(r.multi_channel == 2);  // K1 web and shop, K2 web and phone
  CHECK(r.repeat_customers == 2);
  CHECK(r.movers == 2);
  REQUIRE(r.periods.size() == 2);
  CHECK(r.periods[0].period == "2026-Q1");
  CHECK(r.periods[1].period == "2026-Q2");
  CHECK(r.period_channels.front() == "web");
  CHECK(!r.costs_configured);
  CHECK(crm::quarter_of("2026-12-31") == "2026-Q4");
}

TEST_CASE("reports changes: behaviour against the customer's own history") {
  test::StoreFixture fx;
  // K1 ordered books by web every month of 2025 for 100.00; in the last 90 days of the
  // as-of day it ordered games by phone, once, for 400.00. K2 kept its habits.
  std::string csv = "order,customer,ordered_at,sku,quantity,unit_price,category,channel\n";
  for (int m = 1; m <= 12; ++m) {
    csv += fmt::format("A{},K1,2025-{:02}-15,B1,1,100.00,books,web\n", m, m);
    csv += fmt::format("B{},K2,2025-{:02}-15,B1,1,100.00,books,web\n", m, m);
  }
  for (int m = 1; m <= 3; ++m) csv += fmt::format("B{},K2,2026-{:02}-15,B1,1,100.00,books,web\n", 12 + m, m);
  csv += "A13,K1,2026-02-01,G1,1,400.00,games,phone\n";
  // K3 orders a few times a year: fewer than one order is usual in 90 days, so a quiet
  // window is no drop.
  for (const char* day : {"2025-02-15", "2025-08-15", "2025-10-15"}) {
    csv += fmt::format("C{},K3,{},B1,1,100.00,books,web\n", day, day);
  }
  import_orders(fx, csv);
  crm::ChangesRequest q;
  q.scope = scope("2026-03-31");
  q.window_days = 90;
  auto r = crm::changes_report(fx.session(), q);
  CHECK(r.window_start == "2026-01-01");
  CHECK(r.customers == 3);
  std::vector<std::string> what;
  for (const auto& c : r.changes) {
    CHECK(c.customer_id == 1);
    what.push_back(c.what);
  }
  CHECK(what == std::vector<std::string>{"frequency", "value", "category_mix", "channel"});
  REQUIRE(r.changes.size() >= 2);
  CHECK(*r.changes[1].change == doctest::Approx(3.0));  // 400.00 against 100.00
  CHECK(r.changes[1].before == "100.00");
  CHECK(r.changes[1].now == "400.00");

  // A window ending before the change: nothing.
  q.scope = scope("2025-12-31");
  CHECK(crm::changes_report(fx.session(), q).changes.empty());

  CHECK(crm::window_days("90d") == 90);
  CHECK(crm::window_days("12w") == 84);
  CHECK(crm::window_days("3m") == 90);
  CHECK(crm::window_days("30") == 30);
  CHECK_THROWS_AS(crm::window_days("0d"), UsageError);
  CHECK_THROWS_AS(crm::window_days("ninety"), UsageError);

  Config config;
  CHECK(crm::change_settings(config).min_orders == 3);
}

TEST_CASE("reports next: the offers are stored for the screen pop unless told not to; --all suggests to everyone") {
  test::StoreFixture fx;
  import_orders(fx, kShop);
  crm::NextRequest q;
  q.scope = scope("2026-06-30");
  q.min_support = 0.2;
  q.min_confidence = 0.5;
  q.customers = {3};
  q.save = false;
  crm::next_report(fx.session(), q);
  auto& analytics = fx.session().store().analytics();
  CHECK_FALSE(analytics.offers(3));
  q.save = true;
  auto r = crm::next_report(fx.session(), q);
  CHECK(r.saved);
  auto stored = analytics.offers(3);
  REQUIRE(stored);
  CHECK(stored->as_of == "2026-06-30");
  CHECK(stored->level == "category");
  REQUIRE(stored->offers.size() == 1);
  CHECK(stored->offers[0].item == "music");
  CHECK(stored->offers[0].because == std::vector<std::string>{"books"});

  q.customers.clear();
  q.everyone = true;
  r = crm::next_report(fx.session(), q);
  REQUIRE(r.rows.size() == 3);
  CHECK(r.rows[0].id == 1);
  CHECK(r.rows[2].id == 3);
  CHECK(analytics.offers(3));
  CHECK_FALSE(analytics.offers(1));  // K1 has bought everything
}

TEST_CASE("reports wallet: revenue of the twelve months against each wallet, bands and room") {
  test::StoreFixture fx;
  auto counts = fx.import("customer",
                          "number,name,wallet\n"
                          "K1,Kari,100.00\n"
                          "K2,Ola,40.00\n"
                          "K3,Per,\n"
                          "K4,Siri,0\n");
  REQUIRE(counts.rejected == 0);
  // K1: 47.00 in the twelve months to 2026-06-30 (the order of 2025-06-30 is a day too old);
  // K2: 42.00, more than the wallet; K3 has no wallet, K4 a wallet of nothing.
  import_orders(fx,
                "order,customer,ordered_at,sku,quantity,unit_price,category\n"
                "A1,K1,2025-06-30,B1,1,500.00,books\n"
                "A2,K1,2025-07-01,B1,1,12.00,books\n"
                "A3,K1,2026-06-30,G1,1,35.00,games\n"
                "A4,K1,2026-07-01,G1,1,35.00,games\n"
                "A5,K2,2026-01-01,G1,1,42.00,games\n"
                "A6,K3,2026-01-01,G1,1,42.00,games\n");
  CHECK(crm::wallet_since("2026-06-30") == "2025-07-01");
  CHECK(crm::share_of_wallet(4700, 10000) == doctest::Approx(0.47));
  CHECK_FALSE(crm::share_of_wallet(4700, std::nullopt));
  CHECK_FALSE(crm::share_of_wallet(4700, 0));

  auto r = crm::wallet_report(fx.session(), scope("2026-06-30"));
  CHECK(r.customers == 4);
  CHECK(r.with_wallet == 2);
  CHECK(r.wallet == 14000);
  CHECK(r.revenue == 8900);
  REQUIRE(r.share);
  CHECK(*r.share == doctest::Approx(89.0 / 140.0));
  CHECK(r.room == 5300);  // K2 spends more than the wallet: no room, not negative
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0].number == "K1");
  CHECK(r.rows[0].revenue == 4700);
  CHECK(r.rows[0].share == doctest::Approx(0.47));
  CHECK(r.rows[1].number == "K2");
  CHECK(r.rows[1].share == doctest::Approx(1.05));
  CHECK(r.rows[1].room == 0);
  REQUIRE(r.bands.size() == 4);
  CHECK(r.bands[1].customers == 1);  // K1 at 47%
  CHECK(r.bands[3].customers == 1);  // K2 at 105%

  auto one = crm::customer_wallet_share(fx.session(), r.rows[0].id, 10000, "2026-06-30");
  REQUIRE(one);
  CHECK(one->revenue == 4700);
  CHECK_FALSE(crm::customer_wallet_share(fx.session(), r.rows[0].id, std::nullopt, "2026-06-30"));
}

TEST_CASE("reports churn: without a single known cost the value at stake is revenue, with costs the margin") {
  const char* rows =
      "order,customer,ordered_at,sku,quantity,unit_price{}\n"
      "A1,K1,2026-01-01,B1,1,100.00{}\n"
      "A2,K1,2026-01-11,B1,1,100.00{}\n"
      "A3,K1,2026-01-21,B1,1,100.00{}\n";
  for (bool costs : {false, true}) {
    CAPTURE(costs);
    test::StoreFixture fx;
    const char* cost = costs ? ",40.00" : "";
    import_orders(fx, fmt::format(fmt::runtime(rows), costs ? ",unit_cost" : "", cost, cost, cost));
    crm::ChurnRequest q;
    q.scope = scope("2026-06-30");
    q.save = false;
    auto r = crm::churn_report(fx.session(), q);
    CHECK(r.stake_is_revenue == !costs);
    REQUIRE(r.rows.size() == 1);
    CHECK(r.rows[0].by_interval);
    CHECK(r.rows[0].margin == (costs ? 18000 : 0));
    CHECK(r.rows[0].value_at_stake == (costs ? 18000 : 30000));  // a tenure under a year counts as one
  }
}
