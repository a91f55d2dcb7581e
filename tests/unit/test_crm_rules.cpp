// The business rules of lib/crm as pure functions, on cases worked out by hand: settlement
// and what is overdue, the order figures, complaints, the preferred and the main channel,
// pricing of order lines, and cost to serve.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "crm/cost_to_serve.hpp"
#include "crm/interned_names.hpp"
#include "crm/pricing.hpp"
#include "crm/statistics.hpp"
#include "error.hpp"
#include "helpers.hpp"

using namespace kunde;
using kunde::store::Invoice;

namespace {

// Two invoices and a credit note, oldest first.
const std::vector<Invoice> kInvoices = {{"2026-01-01", 10000}, {"2026-02-01", 5000}, {"2026-03-01", -2000}};

}  // namespace

TEST_CASE("settle: payments and credit notes settle the oldest invoices first") {
  auto s = crm::settle(kInvoices, 9000);
  CHECK(s.invoiced == 13000);
  CHECK(s.credits == 2000);
  CHECK(s.balance == 4000);
  REQUIRE(s.oldest_unpaid);
  CHECK(*s.oldest_unpaid == 1);  // 9000 + 2000 cover the first invoice, not the second

  // Partly paid first invoice.
  s = crm::settle(kInvoices, 7999);
  CHECK(s.oldest_unpaid == std::optional<std::size_t>(0));
  // Exactly covered, and paid too much: nothing unpaid.
  s = crm::settle(kInvoices, 13000);
  CHECK(s.balance == 0);
  CHECK_FALSE(s.oldest_unpaid);
  s = crm::settle(kInvoices, 15000);
  CHECK(s.balance == -2000);
  CHECK_FALSE(s.oldest_unpaid);
  // A credit note counts whenever it came: before the invoice it covers, too.
  std::vector<Invoice> credit_first = {{"2026-01-01", -3000}, {"2026-02-01", 3000}, {"2026-03-01", 100}};
  s = crm::settle(credit_first, 0);
  CHECK(s.balance == 100);
  CHECK(s.oldest_unpaid == std::optional<std::size_t>(2));
  // Nothing invoiced, something paid.
  s = crm::settle({}, 500);
  CHECK(s.invoiced == 0);
  CHECK(s.balance == -500);
  CHECK_FALSE(s.oldest_unpaid);

  CHECK(crm::settled(13000, 13000));
  CHECK(crm::settled(13000, 14000));
  CHECK_FALSE(crm::settled(13000, 12999));
  CHECK(crm::settled(-100, 0));
}

TEST_CASE("overdue: what settlement leaves unpaid of invoices past their terms") {
  // Terms of 10 days: the first invoice falls due after 2026-01-11, the second after 2026-02-11.
  CHECK(crm::overdue(kInvoices, 0, 10, "2026-01-11") == 0);
  CHECK(crm::overdue(kInvoices, 0, 10, "2026-01-12") == 8000);  // 10000 less the credit note
  CHECK(crm::overdue(kInvoices, 9000, 10, "2026-02-05") == 0);
  CHECK(crm::overdue(kInvoices, 7000, 10, "2026-02-05") == 1000);
  CHECK(crm::overdue(kInvoices, 9000, 10, "2026-02-11") == 0);
  CHECK(crm::overdue(kInvoices, 9000, 10, "2026-02-12") == 4000);
  CHECK(crm::overdue(kInvoices, 20000, 10, "2026-12-31") == 0);
  // Terms of 0 days: due the day after; the time of day is not part of the date.
  std::vector<Invoice> timed = {{"2026-05-31T23:59:00", 2500}};
  CHECK(crm::overdue(timed, 0, 0, "2026-05-31") == 0);
  CHECK(crm::overdue(timed, 0, 0, "2026-06-01") == 2500);
  CHECK(crm::overdue(timed, 0, 30, "2026-06-30") == 0);
  CHECK(crm::overdue(timed, 0, 30, "2026-07-01") == 2500);
}

TEST_CASE("order_figures: revenue, cost, margin, balance, averages and favourite categories") {
  std::vector<crm::OrderTotal> orders = {
      {1, "2026-01-01", 10000, 4000}, {2, "2026-02-01", 5000, 1000}, {3, "2026-03-01", -2000, -800}};
  std::vector<crm::CategoryAmount> categories = {{"books", 7000}, {"games", 7000}, {"music", -100}, {"toys", 9000}};
  auto f = crm::order_figures(orders, categories, 9000);
  CHECK(f.orders == 3);
  CHECK(f.revenue == 13000);
  CHECK(f.cost == 4200);
  CHECK(f.margin == 8800);
  CHECK(f.invoiced == 13000);
  CHECK(f.paid == 9000);
  CHECK(f.balance == 4000);
  CHECK(f.avg_order_value == 4333);
  CHECK(f.first_order_at == std::optional<std::string>("2026-01-01"));
  CHECK(f.last_order_at == std::optional<std::string>("2026-03-01"));
  CHECK(f.oldest_unpaid_at == std::optional<std::string>("2026-02-01"));
  CHECK(f.top_categories == std::optional<std::string>("toys;books;games"));  // ties by name; no negative ones

  // Averages round half away from zero.
  std::vector<crm::OrderTotal> halves = {{1, "2026-01-01", 2, 0}, {2, "2026-01-02", 3, 0}};
  CHECK(crm::order_figures(halves, {}, 0).avg_order_value == 3);
  std::vector<crm::OrderTotal> negative = {{1, "2026-01-01", -2, 0}, {2, "2026-01-02", -3, 0}};
  CHECK(crm::order_figures(negative, {}, 0).avg_order_value == -3);

  // No orders: nothing but what was paid.
  f = crm::order_figures({}, {}, 300);
  CHECK(f.orders == 0);
  CHECK(f.revenue == 0);
  CHECK(f.avg_order_value == 0);
  CHECK(f.balance == -300);
  CHECK_FALSE(f.first_order_at);
  CHECK_FALSE(f.oldest_unpaid_at);
  CHECK_FALSE(f.top_categories);

  // The rules as the store takes them give the same.
  crm::StatisticsRules rules;
  const store::DerivedRules& as_store = rules;
  auto g = as_store.order_figures(orders, categories, 9000);
  CHECK(g.balance == 4000);
  CHECK(g.top_categories == std::optional<std::string>("toys;books;games"));
  CHECK(as_store.settled(100, 100));
  CHECK(as_store.is_complaint("", "Complained", ""));
}

TEST_CASE("is_complaint: subject, outcome or reason mentions complain, in any case") {
  CHECK(crm::is_complaint("Complaint about delivery", "", ""));
  CHECK(crm::is_complaint("", "COMPLAINED loudly", ""));
  CHECK(crm::is_complaint("", "", "complains"));
  CHECK(crm::is_complaint("uncomplaining", "", ""));
  CHECK_FALSE(crm::is_complaint("compl", "aint", ""));
  CHECK_FALSE(crm::is_complaint("Question about a price", "resolved", "billing"));
  CHECK_FALSE(crm::is_complaint("", "", ""));
  CHECK_FALSE(crm::is_complaint("Klage", "", ""));
}

TEST_CASE("preferred_channel: most inbound contacts; ties to the latest inbound, then by name") {
  using Uses = std::vector<crm::ChannelUse>;
  // Channels come sorted by name.
  CHECK(crm::preferred_channel(Uses{{"email", 1, 1, "2026-03-01"}, {"phone", 1, 0, "2026-01-01"}}) == "email");
  CHECK(crm::preferred_channel(Uses{{"email", 1, 0, "2026-01-01"}, {"phone", 1, 4, "2026-03-01"}}) == "phone");
  CHECK(crm::preferred_channel(Uses{{"email", 2, 0, "2026-01-01"}, {"phone", 3, 0, "2025-01-01"}}) == "phone");
  CHECK(crm::preferred_channel(Uses{{"email", 3, 0, "2025-01-01"}, {"phone", 2, 0, "2026-01-01"}}) == "email");
  CHECK(crm::preferred_channel(Uses{{"email", 1, 0, "2026-03-01"}, {"phone", 1, 0, "2026-03-01"}}) == "email");
  CHECK(crm::preferred_channel(Uses{{"chat", 0, 9, ""}, {"visit", 1, 0, "2020-01-01"}}) == "visit");
  // Outbound contacts alone make no preference.
  CHECK(crm::preferred_channel(Uses{{"email", 0, 5, ""}}).empty());
  CHECK(crm::preferred_channel(Uses{}).empty());
}

TEST_CASE("Leading: the largest positive count; ties to the first by name; no name never leads") {
  auto lead = [](std::vector<std::pair<std::string, std::int64_t>> counts) {
    crm::Leading main;
    for (const auto& [name, n] : counts) main.offer(name, n);
    return std::string(main.name());
  };
  CHECK(lead({{"web", 2}, {"phone", 3}}) == "phone");
  CHECK(lead({{"web", 3}, {"phone", 3}}) == "phone");  // offered in any order
  CHECK(lead({{"phone", 3}, {"web", 3}}) == "phone");
  CHECK(lead({{"", 9}, {"web", 1}}) == "web");
  CHECK(lead({{"web", 0}, {"shop", -5}}).empty());
  CHECK(lead({}).empty());
}

TEST_CASE("InternedNames: one number per name, past the names it compares one by one") {
  crm::InternedNames names;
  std::vector<int> ids;
  for (int i = 0; i < 20; ++i) ids.push_back(names.id("name" + std::to_string(i)));
  for (int i = 0; i < 20; ++i) {
    CHECK(ids[static_cast<std::size_t>(i)] == i);
    CHECK(names.id("name" + std::to_string(i)) == i);
    CHECK(names.name(i) == "name" + std::to_string(i));
  }
  CHECK(names.id("") == 20);
  CHECK(names.id("") == 20);
}

TEST_CASE("price_line: a price given wins over the list price; cost from the line, else the product") {
  model::Product p;
  p.id = 7;
  p.sku = "S1";
  p.list_price = 1000;
  p.unit_cost = 400;

  crm::LineInput in;
  in.quantity = 2;
  auto l = crm::price_line(p, in);
  CHECK(l.product_id == std::optional<std::int64_t>(7));
  CHECK(l.quantity == 2);
  CHECK(l.unit_price == std::optional<std::int64_t>(1000));
  CHECK(l.amount == 2000);
  CHECK(l.unit_cost == std::optional<std::int64_t>(400));
  CHECK(l.cost == std::optional<std::int64_t>(800));

  in.unit_price = 1250;
  in.unit_cost = 300;
  l = crm::price_line(p, in);
  CHECK(l.unit_price == std::optional<std::int64_t>(1250));
  CHECK(l.amount == 2500);
  CHECK(l.unit_cost == std::optional<std::int64_t>(300));
  CHECK(l.cost == std::optional<std::int64_t>(600));

  // An amount the line states wins over quantity × price.
  in.amount = 1999;
  CHECK(crm::price_line(p, in).amount == 1999);

  // Returns are negative lines, rounded once.
  crm::LineInput ret;
  ret.quantity = -1.5;
  ret.unit_price = 1001;
  CHECK(crm::price_line(p, ret).amount == -1502);

  // Without a price anywhere: an error, unless the line states its amount.
  model::Product bare;
  bare.id = 8;
  bare.sku = "S2";
  crm::LineInput none;
  CHECK_THROWS_WITH_AS(crm::price_line(bare, none), "no price for S2", Error);
  none.amount = 500;
  l = crm::price_line(bare, none);
  CHECK(l.amount == 500);
  CHECK_FALSE(l.unit_price);
  CHECK_FALSE(l.unit_cost);
  CHECK_FALSE(l.cost);
}

TEST_CASE("order_level_line: an amount, or quantity × price; the cost as given") {
  crm::LineInput in;
  in.amount = 5000;
  in.unit_cost = 1200;  // the row's cost of goods
  auto l = crm::order_level_line(in);
  CHECK_FALSE(l.product_id);
  CHECK(l.amount == 5000);
  CHECK(l.cost == std::optional<std::int64_t>(1200));
  crm::LineInput priced;
  priced.quantity = 3;
  priced.unit_price = 200;
  l = crm::order_level_line(priced);
  CHECK(l.amount == 600);
  CHECK(l.unit_price == std::optional<std::int64_t>(200));
  CHECK_FALSE(l.cost);
  CHECK_THROWS_WITH_AS(crm::order_level_line(crm::LineInput{}), "neither a sku nor an amount", Error);
}

TEST_CASE("cost_to_serve: contacts and orders by channel at their configured costs") {
  crm::CostTable costs;
  costs.contact = {{"phone", 4500}, {"visit", 60000}};
  costs.order = {{"web", 1000}};
  auto c = crm::cost_to_serve(costs, {{"phone", 3}, {"email", 2}, {"visit", 0}}, {{"web", 2}, {"retail", 1}});
  CHECK(c.configured);
  CHECK(c.total == 3 * 4500 + 2 * 1000);
  REQUIRE(c.parts.size() == 2);
  CHECK(c.parts[0].what == "contact");
  CHECK(c.parts[0].channel == "phone");
  CHECK(c.parts[0].count == 3);
  CHECK(c.parts[0].unit == 4500);
  CHECK(c.parts[0].total == 13500);
  CHECK(c.parts[1].what == "order");
  CHECK(c.parts[1].channel == "web");
  CHECK(c.parts[1].total == 2000);
  CHECK(c.uncosted == std::vector<std::string>{"email", "retail"});  // used, no cost; unused visits are no part

  // Only contact costs configured: orders cost nothing and are not reported as uncosted.
  crm::CostTable contacts_only;
  contacts_only.contact = {{"phone", 4500}};
  c = crm::cost_to_serve(contacts_only, {{"phone", 1}}, {{"web", 5}});
  CHECK(c.total == 4500);
  CHECK(c.uncosted.empty());

  // Not configured: no total at all, whatever was used.
  c = crm::cost_to_serve(crm::CostTable{}, {{"phone", 3}}, {{"web", 2}});
  CHECK_FALSE(c.configured);
  CHECK(c.total == 0);
  CHECK(c.parts.empty());
  CHECK(c.uncosted.empty());
}

TEST_CASE("cost_table: the configured costs in minor units") {
  test::TempDir dir;
  auto path = dir.write("c.toml", "[costs.contact]\nphone = 45.0\nemail = 5.5\n[costs.order]\nweb = 10\n");
  Config config = Config::load(path, false);
  auto t = crm::cost_table(config, 2);
  CHECK(t.configured());
  CHECK(t.contact == std::map<std::string, std::int64_t>{{"email", 550}, {"phone", 4500}});
  CHECK(t.order == std::map<std::string, std::int64_t>{{"web", 1000}});
  CHECK(crm::cost_table(config, 0).contact.at("email") == 6);
  CHECK_FALSE(crm::cost_table(Config(), 2).configured());
}
