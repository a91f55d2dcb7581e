// Segment membership against an independent recomputation: a data set from kunde-gen's
// generator (3,000 customers with their orders, payments and contacts), imported as
// `kunde ... import` does, model scores and custom attributes added; then each rule's
// dynamic segment, and `customer list --where` with the rule, must hold exactly the
// customers a query written here by hand selects. The hand-written queries work from the
// base tables (orders, lines, payments, contacts) by the definitions in DESIGN.md, not from
// the statistics kunde keeps.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "crm/customers.hpp"
#include "crm/imports.hpp"
#include "crm/segments.hpp"
#include "crm/session.hpp"
#include "generator.hpp"
#include "helpers.hpp"
#include "store/sqlite/database.hpp"

using namespace kunde;
using Ids = std::vector<std::int64_t>;

namespace {

constexpr const char* kNow = "2026-11-23 10:00:00";

// Per-customer figures from the base tables, as DESIGN.md defines them.
constexpr const char* kHandViews = R"sql(
CREATE TEMP VIEW hand_orders AS
  SELECT o.customer_id, count(DISTINCT o.id) AS n, sum(l.amount) AS revenue, sum(coalesce(l.cost, 0)) AS cost,
         min(o.ordered_at) AS first_at, max(o.ordered_at) AS last_at
  FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.status <> 'cancelled' GROUP BY o.customer_id;
CREATE TEMP VIEW hand_paid AS SELECT customer_id, sum(amount) AS paid FROM payments GROUP BY customer_id;
CREATE TEMP VIEW hand_contacts AS
  SELECT customer_id, count(*) AS n, sum(direction = 'in') AS inbound, max(at) AS last_at,
         sum(lower(coalesce(subject, '') || '|' || coalesce(outcome, '') || '|' || coalesce(reason, '')) LIKE '%complain%')
           AS complaints
  FROM contacts GROUP BY customer_id;
-- Payments and credit notes settle the oldest invoices first; the first invoice they do not
-- cover is the oldest unpaid.
CREATE TEMP VIEW hand_oldest_unpaid AS
  WITH totals AS (SELECT o.id, o.customer_id, o.ordered_at, sum(l.amount) AS total FROM orders o
                  JOIN order_lines l ON l.order_id = o.id WHERE o.status <> 'cancelled' GROUP BY o.id),
       credits AS (SELECT customer_id, sum(-total) AS credit FROM totals WHERE total < 0 GROUP BY customer_id),
       running AS (SELECT customer_id, ordered_at,
                          sum(total) OVER (PARTITION BY customer_id ORDER BY ordered_at, id) AS cumulative
                   FROM totals WHERE total > 0)
  SELECT r.customer_id, min(r.ordered_at) AS at FROM running r
  LEFT JOIN credits k ON k.customer_id = r.customer_id LEFT JOIN hand_paid p ON p.customer_id = r.customer_id
  WHERE r.cumulative > coalesce(p.paid, 0) + coalesce(k.credit, 0) GROUP BY r.customer_id;
)sql";

// Scores as a report would leave them (one customer in ten has none), and custom attributes.
constexpr const char* kScoresAndAttributes = R"sql(
INSERT INTO customer_scores(customer_id, as_of, model, p_alive, expected_purchases, expected_order_value, clv,
                            rfm_r, rfm_f, rfm_m, rfm_segment, churn_risk)
  SELECT id, CASE WHEN id % 9 = 0 THEN '2026-11-01' ELSE '2026-11-23' END, 'bgnbd', (id * 37 % 101) / 100.0,
         (id * 13 % 50) / 10.0, id * 31 % 40000, id * 7919 % 600000, 1 + id % 5, 1 + id / 5 % 5, 1 + id / 25 % 5,
         CASE id % 6 WHEN 0 THEN 'Champions' WHEN 1 THEN 'At risk' WHEN 2 THEN 'Cannot lose' WHEN 3 THEN 'Loyal'
                     WHEN 4 THEN 'Hibernating' END,
         CASE WHEN id % 7 = 0 THEN 'p_alive below 0.5' END
  FROM customers WHERE id % 10 <> 3;
UPDATE customers SET attributes = CASE id % 4 WHEN 0 THEN '{"industry":"retail"}'
  WHEN 1 THEN '{"industry":"Retail","size":"10"}' WHEN 2 THEN '{"industry":"finance"}' ELSE '{}' END;
-- Small credit limits, so that some customers are over theirs whatever the generator draws.
UPDATE customers SET credit_limit = 1000 * (id % 13) WHERE id % 5 = 0;
)sql";

struct Case {
  const char* name;
  const char* rule;
  const char* sql;  // SELECT of customer ids
};

// Every operator (= != < <= > >= ~ in, not in, = null, != null, and, or, not, parentheses)
// and every kind of field (text, integer, number, money, date and relative date, day count
// and duration, boolean), tags, segments and custom attributes.
const Case kCases[] = {
    {"at-risk", "p_alive < 0.5 and clv > 2000 and country in (NO, SE)",
     "SELECT c.id FROM customers c JOIN customer_scores m ON m.customer_id = c.id "
     "WHERE m.p_alive < 0.5 AND m.clv > 200000 AND c.country IN ('NO', 'SE')"},
    {"danes", "country = dk", "SELECT id FROM customers WHERE upper(country) = 'DK'"},
    {"not-danes", "country != dk", "SELECT id FROM customers WHERE country IS NULL OR upper(country) <> 'DK'"},
    {"oslo", "city ~ 'OSLO'", "SELECT id FROM customers WHERE city LIKE '%oslo%'"},
    {"malmo-gbg", "city = malmo or city = GOTEBORG", "SELECT id FROM customers WHERE city IN ('Malmö', 'Göteborg')"},
    {"gmail", "email ~ '@gmail.'", "SELECT id FROM customers WHERE email LIKE '%@gmail.%'"},
    {"some-orders", "orders >= 3 and orders <= 5", "SELECT customer_id FROM hand_orders WHERE n BETWEEN 3 AND 5"},
    {"no-orders", "orders = 0", "SELECT id FROM customers WHERE id NOT IN (SELECT customer_id FROM hand_orders)"},
    {"revenue", "revenue > 500 and margin < 250",
     "SELECT customer_id FROM hand_orders WHERE revenue > 50000 AND revenue - cost < 25000"},
    {"before-2026", "last_order_at < 2026-01-01",
     "SELECT customer_id FROM hand_orders WHERE substr(last_at, 1, 10) < '2026-01-01'"},
    {"last-90-days", "last_order_at >= -90d",
     "SELECT customer_id FROM hand_orders WHERE substr(last_at, 1, 10) >= date('2026-11-23', '-90 days')"},
    {"lapsed", "recency_days > 26w",
     "SELECT customer_id FROM hand_orders WHERE julianday('2026-11-23') - julianday(substr(last_at, 1, 10)) > 182"},
    {"loyal-recent", "tenure_days >= 1y and recency_days <= 60",
     "SELECT customer_id FROM hand_orders WHERE julianday('2026-11-23') - julianday(substr(first_at, 1, 10)) >= 365 "
     "AND julianday('2026-11-23') - julianday(substr(last_at, 1, 10)) <= 60"},
    {"h1-2025", "created_at >= 2025-01-01 and created_at < 2025-07-01",
     "SELECT id FROM customers WHERE substr(created_at, 1, 10) >= '2025-01-01' AND substr(created_at, 1, 10) < '2025-07-01'"},
    {"companies", "kind = company or org_number != null",
     "SELECT id FROM customers WHERE kind = 'company' OR org_number IS NOT NULL"},
    {"no-email", "email = null", "SELECT id FROM customers WHERE email IS NULL"},
    {"credit", "credit_limit >= 5000", "SELECT id FROM customers WHERE credit_limit >= 500000"},
    {"terms", "payment_terms_days in (14, 30)", "SELECT id FROM customers WHERE payment_terms_days IN (14, 30)"},
    {"small-wallet", "wallet <= 1000.50 and wallet > 0", "SELECT id FROM customers WHERE wallet <= 100050 AND wallet > 0"},
    {"vip-b2c", "tag:vip and not tag:b2b",
     "SELECT customer_id FROM customer_tags WHERE tag = 'vip' "
     "EXCEPT SELECT customer_id FROM customer_tags WHERE tag = 'b2b'"},
    {"news-events", "tag:newsletter or tag:events",
     "SELECT customer_id FROM customer_tags WHERE tag IN ('newsletter', 'events')"},
    {"retail", "attr.industry = retail",
     "SELECT id FROM customers WHERE lower(json_extract(attributes, '$.industry')) = 'retail'"},
    {"other-industry", "attr.industry not in (retail, finance)",
     "SELECT id FROM customers WHERE json_extract(attributes, '$.industry') IS NULL "
     "OR lower(json_extract(attributes, '$.industry')) NOT IN ('retail', 'finance')"},
    {"rfm", "rfm_segment in ('At risk', 'cannot lose') and rfm_m >= 3",
     "SELECT customer_id FROM customer_scores WHERE rfm_segment IN ('At risk', 'Cannot lose') AND rfm_m >= 3"},
    {"churn", "churn_risk != null", "SELECT customer_id FROM customer_scores WHERE churn_risk IS NOT NULL"},
    {"unscored", "p_alive = null",
     "SELECT id FROM customers WHERE id NOT IN (SELECT customer_id FROM customer_scores WHERE p_alive IS NOT NULL)"},
    {"expected", "expected_purchases > 1.5 and rfm_r >= 4 and expected_order_value < 150",
     "SELECT customer_id FROM customer_scores WHERE expected_purchases > 1.5 AND rfm_r >= 4 AND expected_order_value < 15000"},
    {"complainers", "contacts > 3 and complaints >= 1",
     "SELECT customer_id FROM hand_contacts WHERE n > 3 AND complaints >= 1"},
    {"inbound", "inbound >= 2 and inbound <= 3", "SELECT customer_id FROM hand_contacts WHERE inbound BETWEEN 2 AND 3"},
    {"never-contacted", "last_contact_at = null",
     "SELECT id FROM customers WHERE id NOT IN (SELECT customer_id FROM hand_contacts)"},
    {"contacted-lately", "days_since_contact < 60",
     "SELECT customer_id FROM hand_contacts WHERE julianday('2026-11-23') - julianday(substr(last_at, 1, 10)) < 60"},
    {"overdue", "overdue",
     "SELECT c.id FROM customers c JOIN hand_oldest_unpaid u ON u.customer_id = c.id "
     "WHERE date(substr(u.at, 1, 10), '+' || coalesce(c.payment_terms_days, 30) || ' days') < '2026-11-23'"},
    {"owing", "balance > 0",
     "SELECT h.customer_id FROM hand_orders h LEFT JOIN hand_paid p ON p.customer_id = h.customer_id "
     "WHERE h.revenue - coalesce(p.paid, 0) > 0"},
    {"over-limit", "over_limit",
     "SELECT c.id FROM customers c JOIN hand_orders h ON h.customer_id = c.id "
     "LEFT JOIN hand_paid p ON p.customer_id = c.id WHERE c.credit_limit IS NOT NULL "
     "AND h.revenue - coalesce(p.paid, 0) > c.credit_limit"},
    {"big-orders", "avg_order_value >= 100", "SELECT customer_id FROM hand_orders WHERE revenue * 1.0 / n >= 9999.5"},
    {"outside", "not (country = NO or country = SE) and orders > 0",
     "SELECT id FROM customers WHERE (country IS NULL OR country NOT IN ('NO', 'SE')) "
     "AND id IN (SELECT customer_id FROM hand_orders)"},
    {"at-risk-news", "segment:at-risk and tag:newsletter",
     "SELECT c.id FROM customers c JOIN customer_scores m ON m.customer_id = c.id "
     "WHERE m.p_alive < 0.5 AND m.clv > 200000 AND c.country IN ('NO', 'SE') "
     "AND c.id IN (SELECT customer_id FROM customer_tags WHERE tag = 'newsletter')"},
    {"picked", "id in (1, 2, 3) or number = K000010", "SELECT id FROM customers WHERE id IN (1, 2, 3) OR number = 'K000010'"},
    {"scored-today", "scored_at = today", "SELECT customer_id FROM customer_scores WHERE as_of = '2026-11-23'"},
    {"not-retail-nor-scored", "not (attr.industry = retail or p_alive != null)",
     "SELECT id FROM customers WHERE coalesce(lower(json_extract(attributes, '$.industry')), '') <> 'retail' "
     "AND id NOT IN (SELECT customer_id FROM customer_scores WHERE p_alive IS NOT NULL)"},
};

Ids query_ids(store::sqlite::Database& db, const std::string& sql) {
  std::set<std::int64_t> ids;
  store::sqlite::Statement st(db, sql);
  while (st.step()) ids.insert(st.get_int(0));
  return {ids.begin(), ids.end()};
}

}  // namespace

TEST_CASE("segment acceptance: membership equals a hand-written recomputation on generated data") {
  test::ScopedEnv now("KUNDE_NOW", kNow);
  test::StoreFixture fx;
  gen::Options options;
  options.customers = 3000;
  options.seed = 16;
  options.lines_per_order = 2.0;
  options.out = fx.dir.path() + "/gen";
  std::filesystem::create_directories(options.out);
  gen::generate(options);
  for (const char* kind : {"customer", "product", "order", "payment", "contact"}) {
    crm::ImportKind k = std::string(kind) == "customer" ? crm::ImportKind::customers
                        : std::string(kind) == "product" ? crm::ImportKind::products
                        : std::string(kind) == "order"   ? crm::ImportKind::orders
                        : std::string(kind) == "payment" ? crm::ImportKind::payments
                                                         : crm::ImportKind::contacts;
    crm::ImportRequest request(k);
    request.path = fmt::format("{}/{}s.csv", options.out, kind);
    auto counts = crm::run_import(*fx.session(std::string(kind) + " import"), request);
    CHECK(counts.inserted > 0);
  }
  fx.db().exec(kScoresAndAttributes);
  fx.db().exec(kHandViews);
  const auto all = fx.count("customers");
  REQUIRE(all > 2900);

  int splitting = 0;
  for (const auto& c : kCases) {
    std::string rule = c.rule;
    CAPTURE(rule);
    auto created = crm::create_segment(*fx.session(std::string("segment create ") + c.name), c.name, rule, false);
    Ids expected = query_ids(fx.db(), c.sql);
    Ids members = crm::segment_member_ids(fx.session(), c.name);
    CHECK(members == expected);
    CHECK(created.change.members == static_cast<std::int64_t>(expected.size()));

    // The same rule in a customer list.
    crm::CustomerFilter filter;
    filter.rule = crm::parse_customer_rule(fx.session(), rule);
    filter.rule_today = "2026-11-23";
    Ids listed;
    crm::list_customers(fx.session(), filter, [&](const model::Customer& customer) { listed.push_back(customer.id); });
    CHECK(listed == expected);
    if (!expected.empty() && static_cast<std::int64_t>(expected.size()) < all) ++splitting;
    else MESSAGE(fmt::format("rule selects {} of {}: {}", expected.size(), all, rule));
  }
  // The rules say something about this data: each selects some customers and leaves others.
  CHECK(splitting == static_cast<int>(std::size(kCases)));
  MESSAGE(fmt::format("{} rules over {} generated customers", std::size(kCases), all));

  // Refreshing all of them after time has passed changes them as a recomputation does.
  test::ScopedEnv later("KUNDE_NOW", "2027-02-01 08:00:00");
  auto refreshed = crm::refresh_segments(*fx.session("segment refresh"), std::nullopt);
  CHECK(refreshed.size() == std::size(kCases));
  Ids lapsed = query_ids(fx.db(),
                         "SELECT customer_id FROM hand_orders WHERE julianday('2027-02-01') - "
                         "julianday(substr(last_at, 1, 10)) > 182");
  CHECK(crm::segment_member_ids(fx.session(), "lapsed") == lapsed);
  std::int64_t entered = 0;
  crm::segment_history(fx.session(), "lapsed", {std::string("2027-01-01"), true}, [&](const crm::SegmentEvent&) { ++entered; });
  CHECK(entered > 0);
  CHECK(fx.consistent());
}
