// Derived statistics: the streamed computation against the SQL definitions it replaced, on
// seeded random data with cancellations, returns, credit notes, ties and missing values.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <random>
#include <string>

#include "helpers.hpp"
#include "store/analytics.hpp"
#include "store/sqlite/analytics_repo.hpp"
#include "store/sqlite/change.hpp"
#include "store/sqlite/database.hpp"
#include "store/sqlite/history.hpp"
#include "store/sqlite/maintenance.hpp"
#include "store/sqlite/order_facts.hpp"
#include "store/sqlite/schema.hpp"
#include "store/store.hpp"

using namespace kunde;
using kunde::store::sqlite::Database;
using kunde::test::scalar;

namespace {

// The definitions as SQL: one statement each, for all customers in temp.refresh_batch.
constexpr const char* kOrderStatsSql = R"sql(
WITH ord AS (
  SELECT o.id, o.customer_id, o.ordered_at, sum(l.amount) AS total,
         sum(coalesce(l.cost, 0)) + coalesce(o.freight, 0) AS cost,
         sum(CASE WHEN l.cost IS NULL THEN l.amount ELSE 0 END) AS uncosted
  FROM orders o JOIN order_lines l ON l.order_id = o.id
  WHERE o.status <> 'cancelled' AND o.customer_id IN (SELECT customer_id FROM temp.refresh_batch)
  GROUP BY o.id
), agg AS (
  SELECT customer_id, min(ordered_at) AS first_at, max(ordered_at) AS last_at, count(*) AS n,
         sum(total) AS revenue, sum(cost) AS cost, sum(uncosted) AS uncosted, sum(CASE WHEN total < 0 THEN -total ELSE 0 END) AS credits
  FROM ord GROUP BY customer_id
), pay AS (
  SELECT customer_id, sum(amount) AS paid FROM payments
  WHERE customer_id IN (SELECT customer_id FROM temp.refresh_batch) GROUP BY customer_id
), run AS (
  SELECT customer_id, ordered_at,
         sum(total) OVER (PARTITION BY customer_id ORDER BY ordered_at, id ROWS UNBOUNDED PRECEDING) AS cum
  FROM ord WHERE total > 0
), unpaid AS (
  SELECT r.customer_id, min(r.ordered_at) AS at FROM run r
  JOIN agg a ON a.customer_id = r.customer_id LEFT JOIN pay p ON p.customer_id = r.customer_id
  WHERE r.cum > coalesce(p.paid, 0) + a.credits GROUP BY r.customer_id
), cat AS (
  SELECT o.customer_id, p.category, sum(l.amount) AS amount
  FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN products p ON p.id = l.product_id
  WHERE o.status <> 'cancelled' AND o.customer_id IN (SELECT customer_id FROM temp.refresh_batch)
    AND p.category IS NOT NULL AND p.category <> ''
  GROUP BY o.customer_id, p.category HAVING sum(l.amount) > 0
), ranked AS (
  SELECT customer_id, category,
         row_number() OVER (PARTITION BY customer_id ORDER BY amount DESC, category) AS rn
  FROM cat
), top AS (
  SELECT customer_id, group_concat(category, ';') AS categories
  FROM (SELECT customer_id, category FROM ranked WHERE rn <= 3 ORDER BY customer_id, rn)
  GROUP BY customer_id
)
INSERT INTO temp.ref_order_stats(customer_id, first_order_at, last_order_at, orders, revenue, cost, margin,
                                 invoiced, paid, balance, avg_order_value, oldest_unpaid_at, top_categories,
                                 uncosted_revenue)
SELECT c.id, a.first_at, a.last_at, coalesce(a.n, 0), coalesce(a.revenue, 0), coalesce(a.cost, 0),
       coalesce(a.revenue, 0) - coalesce(a.uncosted, 0) - coalesce(a.cost, 0), coalesce(a.revenue, 0),
       coalesce(p.paid, 0),
       coalesce(a.revenue, 0) - coalesce(p.paid, 0),
       CASE WHEN a.n > 0 THEN CAST(round(1.0 * a.revenue / a.n) AS INTEGER) ELSE 0 END,
       u.at, t.categories, coalesce(a.uncosted, 0)
FROM temp.refresh_batch x
CROSS JOIN customers c ON c.id = x.customer_id  -- the batch drives the join
LEFT JOIN agg a ON a.customer_id = c.id
LEFT JOIN pay p ON p.customer_id = c.id
LEFT JOIN unpaid u ON u.customer_id = c.id
LEFT JOIN top t ON t.customer_id = c.id
WHERE a.n > 0 OR coalesce(p.paid, 0) <> 0  -- no orders and nothing paid: no row
)sql";

constexpr const char* kContactStatsSql = R"sql(
INSERT INTO temp.ref_contact_stats(customer_id, contacts, inbound, outbound, last_contact_at, complaints,
                                   open_promises, open_follow_ups, next_follow_up_at, preferred_channel,
                                   by_channel)
SELECT customer_id, sum(n), sum(n_in), sum(n_out), max(last_at), sum(complaints), sum(promises),
       sum(follow_ups), min(next_follow_up), max(CASE WHEN rank = 1 AND n_in > 0 THEN channel END),
       json_group_object(channel, json_object('in', n_in, 'out', n_out))
FROM (
  SELECT g.*, row_number() OVER (PARTITION BY customer_id ORDER BY n_in DESC, last_in DESC, channel) AS rank
  FROM (
    SELECT customer_id, channel, count(*) AS n, sum(direction = 'in') AS n_in,
           sum(direction = 'out') AS n_out, max(at) AS last_at,
           max(CASE WHEN direction = 'in' THEN at END) AS last_in,
           sum(coalesce(outcome, '') || ' ' || coalesce(reason, '') || ' ' || coalesce(subject, '')
               LIKE '%complain%') AS complaints,
           sum(done_at IS NULL AND promise IS NOT NULL) AS promises,
           sum(done_at IS NULL AND follow_up_at IS NOT NULL) AS follow_ups,
           min(CASE WHEN done_at IS NULL THEN follow_up_at END) AS next_follow_up
    FROM contacts
    WHERE customer_id IN (SELECT customer_id FROM temp.refresh_batch)
    GROUP BY customer_id, channel
  ) g
  ORDER BY customer_id, channel
)
GROUP BY customer_id
)sql";

void fill(Database& db, unsigned seed) {
  std::mt19937 rng(seed);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  auto date = [&] { return fmt::format("2026-{:02}-{:02}", 1 + pick(3), 1 + pick(4)); };  // many ties
  const char* categories[] = {"books", "music", "", "games", "Books"};
  for (int p = 1; p <= 12; ++p) {
    auto& st = db.prepare("INSERT INTO products(id, sku, category) VALUES (?, ?, ?)");
    st.bind(1, p).bind(2, fmt::format("S{}", p));
    if (p % 6 == 0) {
      st.bind_null(3);
    } else {
      st.bind(3, categories[p % 5]);
    }
    st.run();
  }
  const char* channels[] = {"phone", "email", "visit", "sms"};
  const char* texts[] = {"", "Complaint about delivery", "asked for a price", "COMPLAINED loudly", "thanks"};
  std::int64_t order = 0;
  for (int c = 1; c <= 300; ++c) {
    db.prepare("INSERT INTO customers(id, number, name) VALUES (?, ?, 'x')").bind(1, c).bind(2, fmt::format("K{}", c)).run();
    for (int o = pick(5); o > 0; --o) {
      ++order;
      db.prepare("INSERT INTO orders(id, number, customer_id, ordered_at, status) VALUES (?, ?, ?, ?, ?)")
          .bind(1, order).bind(2, fmt::format("O{}", order)).bind(3, c).bind(4, date())
          .bind(5, pick(6) == 0 ? "cancelled" : "completed").run();
      for (int l = 1 + pick(3); l > 0; --l) {
        std::int64_t amount = (pick(8) == 0 ? -1 : 1) * (100 + pick(5) * 250);  // returns, equal amounts
        auto& st = db.prepare("INSERT INTO order_lines(order_id, line, product_id, amount, cost) VALUES (?, ?, ?, ?, ?)");
        st.bind(1, order).bind(2, l).bind(3, 1 + pick(12)).bind(4, amount);
        if (pick(4) == 0) {
          st.bind_null(5);
        } else {
          st.bind(5, amount / 2);
        }
        st.run();
      }
    }
    for (int p = pick(3); p > 0; --p) {
      db.prepare("INSERT INTO payments(reference, customer_id, paid_at, amount) VALUES (?, ?, ?, ?)")
          .bind(1, fmt::format("P{}-{}", c, p)).bind(2, c).bind(3, date()).bind(4, 100 + pick(10) * 100).run();
    }
    for (int k = pick(6); k > 0; --k) {
      auto& st = db.prepare(
          "INSERT INTO contacts(customer_id, at, channel, direction, subject, outcome, promise, follow_up_at, done_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
      st.bind(1, c).bind(2, date()).bind(3, channels[pick(4)]).bind(4, pick(2) ? "in" : "out")
          .bind(5, texts[pick(5)]).bind(6, texts[pick(5)]);
      if (pick(3) == 0) st.bind(7, "call back"); else st.bind_null(7);
      if (pick(3) == 0) st.bind(8, date()); else st.bind_null(8);
      if (pick(3) == 0) st.bind(9, date()); else st.bind_null(9);
      st.run();
    }
  }
}

// Rows of table `a` not in table `b`, and of `b` not in `a`.
std::int64_t differences(Database& db, const std::string& a, const std::string& b) {
  return scalar(db, fmt::format("SELECT (SELECT count(*) FROM (SELECT * FROM {0} EXCEPT SELECT * FROM {1})) + "
                                "(SELECT count(*) FROM (SELECT * FROM {1} EXCEPT SELECT * FROM {0}))", a, b));
}

// Rows of order_facts, once the next report has brought it up to date, that differ from
// the orders and lines: a write that changed orders without listing their customer.
std::int64_t order_facts_differences(Database& db) {
  store::sqlite::update_order_facts(db);
  db.exec("DROP TABLE IF EXISTS temp.ref_order_facts");
  db.exec("CREATE TEMP TABLE ref_order_facts AS SELECT o.customer_id, o.ordered_at, o.id, o.channel, count(*), "
          "sum(l.amount), sum(coalesce(l.cost, 0)), sum(CASE WHEN l.cost IS NULL THEN 0 ELSE l.amount END), "
          "sum(CASE WHEN l.amount < 0 THEN l.amount ELSE 0 END) "
          "FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.status <> 'cancelled' GROUP BY o.id");
  return differences(db, "order_facts", "temp.ref_order_facts");
}

// Rows of customer_order_stats that differ from the SQL definitions, for every customer,
// and of order_facts.
std::int64_t order_stats_differences(Database& db) {
  db.exec("CREATE TEMP TABLE IF NOT EXISTS ref_order_stats AS SELECT * FROM customer_order_stats WHERE 0");
  db.exec("CREATE TEMP TABLE IF NOT EXISTS refresh_batch (customer_id INTEGER PRIMARY KEY)");
  db.exec("DELETE FROM temp.ref_order_stats; DELETE FROM temp.refresh_batch; "
          "INSERT INTO temp.refresh_batch SELECT id FROM customers");
  db.exec(kOrderStatsSql);
  return differences(db, "customer_order_stats", "temp.ref_order_stats") + order_facts_differences(db);
}

std::int64_t contact_stats_differences(Database& db) {
  db.exec("CREATE TEMP TABLE IF NOT EXISTS ref_contact_stats AS SELECT * FROM customer_contact_stats WHERE 0");
  db.exec("CREATE TEMP TABLE IF NOT EXISTS refresh_batch (customer_id INTEGER PRIMARY KEY)");
  db.exec("DELETE FROM temp.ref_contact_stats; DELETE FROM temp.refresh_batch; "
          "INSERT INTO temp.refresh_batch SELECT id FROM customers");
  db.exec(kContactStatsSql);
  return differences(db, "customer_contact_stats", "temp.ref_contact_stats");
}

// The fill() data, its statistics, and 200 more customers without orders or contacts; some
// of them have payments that cancel out.
std::unique_ptr<test::StoreFixture> filled_store(unsigned seed) {
  auto fx = std::make_unique<test::StoreFixture>();
  Database& db = fx->db();
  store::sqlite::Transaction tx(db, store::sqlite::Transaction::Kind::write);
  fill(db, seed);
  for (int c = 301; c <= 500; ++c) {
    db.prepare("INSERT INTO customers(id, number, name) VALUES (?, ?, 'new')").bind(1, c).bind(2, fmt::format("K{}", c)).run();
    if (c % 10 == 0) {
      for (int amount : {300, -300}) {
        db.prepare("INSERT INTO payments(reference, customer_id, paid_at, amount) VALUES (?, ?, '2026-01-01', ?)")
            .bind(1, fmt::format("Z{}{}", c, amount)).bind(2, c).bind(3, amount).run();
      }
    }
  }
  store::sqlite::rebuild_derived(db);
  tx.commit();
  return fx;
}

// Rows of a file for customers 1 to 500: mostly each customer's rows together, but some
// customers' rows come in two places and the rows of a customer come in random order.
std::string shuffled_file(std::mt19937& rng, const std::string& header,
                          const std::function<std::vector<std::string>(int customer)>& rows_of) {
  std::string out = header + "\n";
  std::vector<std::string> later;
  for (int c = 1; c <= 500; ++c) {
    std::vector<std::string> rows = rows_of(c);
    std::shuffle(rows.begin(), rows.end(), rng);
    std::size_t split = rng() % 8 == 0 ? rows.size() / 2 : rows.size();
    for (std::size_t i = 0; i < rows.size(); ++i) (i < split ? out : later.emplace_back()) += rows[i] + "\n";
  }
  for (const auto& r : later) out += r;
  return out;
}

// Imports `csv` as `kunde order|payment|contact import` does, with no row rejected.
void import_file(test::StoreFixture& fx, const std::string& what, const std::string& csv) {
  REQUIRE(fx.import(what, csv).rejected == 0);
}

}  // namespace

TEST_CASE("derived: an order import keeps new customers' statistics as their lines come") {
  for (unsigned seed : {4u, 5u, 6u}) {
    CAPTURE(seed);
    auto fx = filled_store(seed);
    auto& db = fx->db();
    std::mt19937 rng(seed);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    int order = 0;
    // Old and new customers; cancelled orders, returns, products the import creates (with
    // and without a category), orders whose lines interleave with another's.
    std::string csv = shuffled_file(rng, "order,customer,ordered_at,sku,quantity,unit_price,unit_cost,category,status",
                                    [&](int c) {
                                      std::vector<std::string> rows;
                                      for (int o = pick(4); o > 0; --o) {
                                        ++order;
                                        std::string date = fmt::format("2026-0{}-1{}", 4 + pick(3), pick(3));
                                        const char* status = pick(6) == 0 ? "cancelled" : "";
                                        for (int l = 1 + pick(3); l > 0; --l) {
                                          int sku = 1 + pick(15);
                                          rows.push_back(fmt::format("N{},K{},{},S{},{},{}.50,{},{},{}", order, c, date, sku,
                                                                     pick(8) == 0 ? -1 : 1 + pick(2), 1 + pick(40),
                                                                     pick(3) == 0 ? "" : "2.25", sku % 2 ? "toys" : "", status));
                                        }
                                      }
                                      return rows;
                                    });
    import_file(*fx, "order", csv);
    CHECK(scalar(db, "SELECT count(*) FROM customer_order_stats WHERE customer_id > 300") > 100);
    CHECK(scalar(db, "SELECT count(*) FROM customer_order_stats WHERE customer_id > 300 AND top_categories = 'toys'") > 0);
    CHECK(order_stats_differences(db) == 0);
    CHECK(store::sqlite::check_database(db, false).empty());
    // Undone, the new customers have no statistics again.
    store::sqlite::undo(db, std::nullopt, "undo");
    CHECK(scalar(db, "SELECT count(*) FROM customer_order_stats WHERE customer_id > 300") == 0);
    CHECK(order_stats_differences(db) == 0);
  }
}

TEST_CASE("derived: a payment import adds to what was paid, and recomputes customers still owing") {
  for (unsigned seed : {4u, 5u, 6u}) {
    CAPTURE(seed);
    auto fx = filled_store(seed);
    auto& db = fx->db();
    std::mt19937 rng(seed);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    // Payments that settle everything, leave something owing, refund, or come to customers
    // without orders; some customers' payments come in two places.
    std::int64_t refs = 0;
    std::string csv = shuffled_file(rng, "customer,paid_at,amount,reference", [&](int c) {
      std::vector<std::string> rows;
      for (int p = pick(4); p > 0; --p) {
        int amount = pick(6) == 0 ? -(1 + pick(5)) : 1 + pick(30);
        rows.push_back(fmt::format("K{},2026-0{}-01,{}.00,R{}", c, 1 + pick(5), amount, ++refs));
      }
      return rows;
    });
    import_file(*fx, "payment", csv);
    CHECK(scalar(db, "SELECT count(*) FROM customer_order_stats WHERE orders > 0 AND balance <= 0") > 20);
    CHECK(scalar(db, "SELECT count(*) FROM customer_order_stats WHERE orders > 0 AND balance > 0") > 20);
    CHECK(scalar(db, "SELECT count(*) FROM customer_order_stats WHERE customer_id > 300") > 50);
    CHECK(order_stats_differences(db) == 0);
    for (const auto& p : store::sqlite::check_database(db, false)) FAIL_CHECK(p.check << ": " << p.detail);
    store::sqlite::undo(db, std::nullopt, "undo");
    CHECK(order_stats_differences(db) == 0);
  }
}

TEST_CASE("derived: a contact import keeps new customers' statistics as their contacts come") {
  for (unsigned seed : {4u, 5u, 6u}) {
    CAPTURE(seed);
    auto fx = filled_store(seed);
    auto& db = fx->db();
    std::mt19937 rng(seed);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    const char* channels[] = {"phone", "email", "visit", "sms"};
    const char* texts[] = {"", "Complaint about delivery", "asked for a price", "COMPLAINED loudly", "thanks"};
    // Ties in date and channel counts, open and closed promises and follow-ups, complaints.
    std::string csv = shuffled_file(rng, "customer,at,channel,direction,subject,outcome,promise,follow_up_at,done_at",
                                    [&](int c) {
                                      std::vector<std::string> rows;
                                      for (int k = pick(6); k > 0; --k) {
                                        rows.push_back(fmt::format("K{},2026-0{}-0{},{},{},{},{},{},{},{}", c, 1 + pick(3),
                                                                   1 + pick(4), channels[pick(4)], pick(2) ? "in" : "out",
                                                                   texts[pick(5)], texts[pick(5)], pick(3) ? "" : "call back",
                                                                   pick(3) ? "" : "2026-05-01", pick(3) ? "" : "2026-04-01"));
                                      }
                                      return rows;
                                    });
    import_file(*fx, "contact", csv);
    CHECK(scalar(db, "SELECT count(*) FROM customer_contact_stats WHERE customer_id > 300") > 100);
    CHECK(contact_stats_differences(db) == 0);
    CHECK(store::sqlite::check_database(db, false).empty());
    store::sqlite::undo(db, std::nullopt, "undo");
    CHECK(scalar(db, "SELECT count(*) FROM customer_contact_stats WHERE customer_id > 300") == 0);
    CHECK(contact_stats_differences(db) == 0);
  }
}

TEST_CASE("derived: contact statistics of many customers at once (one pass over the contacts) equal their definitions") {
  test::StoreFixture fx;
  auto& db = fx.db();
  std::mt19937 rng(9);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  {
    store::sqlite::Transaction tx(db, store::sqlite::Transaction::Kind::write);
    for (int c = 1; c <= 2000; ++c) {
      db.prepare("INSERT INTO customers(id, number, name) VALUES (?, ?, 'x')").bind(1, c).bind(2, fmt::format("K{}", c)).run();
    }
    tx.commit();
  }
  const char* channels[] = {"phone", "email", "visit", "sms"};
  const char* texts[] = {"", "Complaint about delivery", "asked", "COMPLAINED"};
  // By date, so every customer comes back: their statistics are all worked out at the end.
  std::string csv = "customer,at,channel,direction,subject,promise,follow_up_at,done_at\n";
  for (int day = 1; day <= 4; ++day) {
    for (int c = 1; c <= 2000; c += 1 + pick(2)) {
      csv += fmt::format("K{},2026-03-0{},{},{},{},{},{},{}\n", c, day, channels[pick(4)], pick(2) ? "in" : "out",
                         texts[pick(4)], pick(3) ? "" : "call back", pick(3) ? "" : "2026-05-01",
                         pick(4) ? "" : "2026-04-01");
    }
  }
  import_file(fx, "contact", csv);
  CHECK(scalar(db, "SELECT count(*) FROM customer_contact_stats") > 1500);
  CHECK(contact_stats_differences(db) == 0);
  store::sqlite::rebuild_derived(db);
  CHECK(contact_stats_differences(db) == 0);
}

TEST_CASE("derived: payments alone update what is paid, and the order figures while something is owed") {
  for (bool bulk : {false, true}) {
    CAPTURE(bulk);
    test::StoreFixture fx;
  auto& db = fx.db();
    {
      store::sqlite::Transaction tx(db, store::sqlite::Transaction::Kind::write);
      fill(db, 7);
      store::sqlite::rebuild_derived(db);
      tx.commit();
    }
    std::int64_t owing = scalar(db, "SELECT count(*) FROM customer_order_stats WHERE balance > 0");
    std::int64_t dated = scalar(db, "SELECT count(*) FROM customer_order_stats WHERE oldest_unpaid_at IS NOT NULL");
    REQUIRE(owing > 20);
    // Pay off some debts in full, some in part, take payments back from others, and pay
    // customers who owe nothing; a few pay again.
    std::mt19937 rng(11);
    store::sqlite::Change change(db, "test");
    if (bulk) change.begin_bulk();
    store::sqlite::Statement st(db, "SELECT customer_id, balance FROM customer_order_stats ORDER BY customer_id");
    std::vector<std::pair<std::int64_t, std::int64_t>> balances;
    while (st.step()) balances.emplace_back(st.get_int(0), st.get_int(1));
    int n = 0;
    for (auto [id, balance] : balances) {
      std::int64_t amount = 0;
      switch (rng() % 4) {
        case 0: amount = balance; break;                          // settles exactly (or refunds a credit)
        case 1: amount = balance > 0 ? balance / 2 : 100; break;  // leaves something owing
        case 2: amount = -150; break;                             // a refund: may leave a debt again
        default: continue;
      }
      if (amount == 0) continue;
      db.prepare("INSERT INTO payments(reference, customer_id, paid_at, amount) VALUES (?, ?, '2026-04-01', ?)")
          .bind(1, fmt::format("T{}", ++n)).bind(2, id).bind(3, amount).run();
      if (bulk) change.touch(id, store::sqlite::Change::kTouchPayments);
    }
    // Deleting payments and moving one to another customer count too.
    db.exec("DELETE FROM payments WHERE reference LIKE 'P1%-1'");
    db.exec("UPDATE payments SET customer_id = 3 WHERE reference = 'P2-1'");
    if (bulk) {
      for (std::int64_t id = 1; id <= 300; ++id) change.touch(id, store::sqlite::Change::kTouchPayments);
    }
    change.commit("payments");
    CHECK(n > 100);
    CHECK(scalar(db, "SELECT count(*) FROM customer_order_stats WHERE balance > 0") != owing);
    CHECK(scalar(db, "SELECT count(*) FROM customer_order_stats WHERE oldest_unpaid_at IS NOT NULL") != dated);
    CHECK(order_stats_differences(db) == 0);
    // Undoing the payments takes the statistics back.
    store::sqlite::undo(db, std::nullopt, "undo");
    CHECK(scalar(db, "SELECT count(*) FROM customer_order_stats WHERE balance > 0") == owing);
    CHECK(order_stats_differences(db) == 0);
  }
}

TEST_CASE("derived: streamed statistics equal their SQL definitions") {
  for (unsigned seed : {1u, 2u, 3u}) {
    CAPTURE(seed);
    test::StoreFixture fx;
  auto& db = fx.db();
    {
      store::sqlite::Transaction tx(db, store::sqlite::Transaction::Kind::write);
      fill(db, seed);
      tx.commit();
    }
    store::sqlite::Transaction tx(db, store::sqlite::Transaction::Kind::write);
    store::sqlite::rebuild_derived(db);
    db.exec("CREATE TEMP TABLE ref_order_stats AS SELECT * FROM customer_order_stats WHERE 0");
    db.exec("CREATE TEMP TABLE ref_contact_stats AS SELECT * FROM customer_contact_stats WHERE 0");
    db.exec("CREATE TEMP TABLE IF NOT EXISTS refresh_batch (customer_id INTEGER PRIMARY KEY)");
    db.exec("DELETE FROM temp.refresh_batch; INSERT INTO temp.refresh_batch SELECT id FROM customers");
    db.exec(kOrderStatsSql);
    db.exec(kContactStatsSql);
    // A row for every customer with orders (not cancelled) or a payment balance, and only those.
    std::int64_t with_rows = scalar(db, "SELECT count(*) FROM customers c WHERE EXISTS (SELECT 1 FROM orders o JOIN order_lines l "
                                         "ON l.order_id = o.id WHERE o.customer_id = c.id AND o.status <> 'cancelled') "
                                         "OR coalesce((SELECT sum(amount) FROM payments p WHERE p.customer_id = c.id), 0) <> 0");
    CHECK(with_rows > 200);
    CHECK(with_rows < 300);
    CHECK(scalar(db, "SELECT count(*) FROM customer_order_stats") == with_rows);
    CHECK(scalar(db, "SELECT count(*) FROM customer_contact_stats") > 100);
    CHECK(scalar(db, "SELECT count(*) FROM customer_order_stats WHERE top_categories LIKE '%;%;%'") > 0);
    CHECK(scalar(db, "SELECT count(*) FROM customer_order_stats WHERE oldest_unpaid_at IS NOT NULL") > 0);
    CHECK(scalar(db, "SELECT count(*) FROM customer_contact_stats WHERE complaints > 0") > 0);
    CHECK(differences(db, "customer_order_stats", "temp.ref_order_stats") == 0);
    CHECK(differences(db, "customer_contact_stats", "temp.ref_contact_stats") == 0);
  }
}

TEST_CASE("derived: order facts follow edits, moves, cancellations and deletions, brought up to date by the next report") {
  auto fx = filled_store(7);
  auto& db = fx->db();
  CHECK(scalar(db, "SELECT count(*) FROM order_facts_pending") > 200);
  CHECK(order_facts_differences(db) == 0);
  CHECK(scalar(db, "SELECT count(*) FROM order_facts_pending") == 0);
  CHECK(scalar(db, "SELECT count(*) FROM order_facts") > 100);
  {
    store::sqlite::Transaction tx(db, store::sqlite::Transaction::Kind::write);
    store::sqlite::install_touch_triggers(db);
    const std::string first = "(SELECT min(o.id) FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.status <> 'cancelled')";
    const std::string last = "(SELECT max(o.id) FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.status <> 'cancelled')";
    db.exec("UPDATE order_lines SET amount = amount - 5000, cost = NULL WHERE order_id = " + first);
    db.exec("UPDATE orders SET customer_id = 301, channel = 'web', ordered_at = '2026-05-05' WHERE id = " + last);
    db.exec("UPDATE orders SET status = 'cancelled' WHERE id = (SELECT min(id) FROM orders WHERE status <> 'cancelled' "
            "AND id > " + first + ")");
    db.exec("UPDATE orders SET status = 'completed' WHERE id = (SELECT min(id) FROM orders WHERE status = 'cancelled')");
    db.exec("DELETE FROM order_lines WHERE order_id = (SELECT max(id) FROM orders WHERE customer_id < 301)");
    db.exec("DELETE FROM orders WHERE id = (SELECT max(id) FROM orders WHERE customer_id < 301)");
    db.exec("DELETE FROM order_lines WHERE line = 1 AND order_id = (SELECT max(order_id) FROM order_lines)");
    store::sqlite::refresh_derived(db);
    tx.commit();
  }
  CHECK(scalar(db, "SELECT count(*) FROM order_facts_pending") >= 3);
  CHECK(scalar(db, "SELECT count(*) FROM order_facts WHERE customer_id = 301") == 0);  // not yet
  CHECK(order_facts_differences(db) == 0);
  CHECK(scalar(db, "SELECT count(*) FROM order_facts WHERE customer_id = 301 AND channel = 'web'") == 1);
  CHECK(scalar(db, "SELECT count(*) FROM order_facts WHERE returns < 0") > 0);
  // A database read inside a snapshot, or read-only, is not written: the report sums the
  // lines itself.
  {
    store::sqlite::Transaction tx(db, store::sqlite::Transaction::Kind::write);
    store::sqlite::install_touch_triggers(db);
    db.exec("UPDATE order_lines SET amount = amount + 1");
    store::sqlite::refresh_derived(db);
    tx.commit();
  }
  store::sqlite::AnalyticsRepo analytics(db);
  store::AnalyticsQuery q;
  q.as_of = "2026-12-31";
  auto orders = [&] {
    std::vector<std::string> rows;
    analytics.orders(q, [&](const store::OrderFact& o) {
      rows.push_back(fmt::format("{} {} {} {} {} {} {} {} {}", o.customer_id, o.order_id, o.day, o.channel, o.lines,
                                 o.amount, o.cost, o.amount_with_cost, o.returns));
    });
    return rows;
  };
  std::vector<std::string> summed;
  {
    store::sqlite::Transaction read(db, store::sqlite::Transaction::Kind::read);
    CHECK(scalar(db, "SELECT count(*) FROM customers") > 0);
    CHECK_FALSE(store::sqlite::update_order_facts(db));
    summed = orders();
    read.commit();
  }
  CHECK(scalar(db, "SELECT count(*) FROM order_facts_pending") > 200);
  CHECK(orders() == summed);
  CHECK(scalar(db, "SELECT count(*) FROM order_facts_pending") == 0);
  CHECK(summed.size() > 100);
  CHECK(order_facts_differences(db) == 0);
}
