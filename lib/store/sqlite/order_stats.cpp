// Materialised order and payment statistics per customer, for the customers listed in a
// temporary table of customer ids. Three ordered streams (the customers, their order lines,
// their payments) are merged here rather than in one SQL statement: the statement needed a
// dozen temporary B-trees and cost five times as much as reading the rows.
//
// The figures follow the store's DerivedRules (lib/crm/statistics.hpp defines them); only
// orders that are not cancelled count. A customer without such orders and with nothing paid
// has no row: readers take a missing row as zeros, and a customer import writes no rows at
// all.
#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "store/derived_rules.hpp"
#include "store/sqlite/derived.hpp"
#include "store/sqlite/order_facts.hpp"

namespace kunde::store::sqlite {
namespace {

struct CustomerOrders {
  std::vector<OrderTotal> orders;
  std::map<std::string_view, std::int64_t> categories;  // category -> amount
  std::vector<CategoryAmount> amounts;                  // the same, for the rules

  // The lines of one order come together: the query's loops run customer, order, line. The
  // order's freight is a cost of the order, counted with its first line.
  void add_line(std::int64_t order_id, std::string_view at, std::int64_t freight, std::int64_t amount,
                std::optional<std::int64_t> cost, const std::string* category) {
    if (orders.empty() || orders.back().id != order_id) orders.push_back({order_id, std::string(at), 0, freight, 0});
    OrderTotal& o = orders.back();
    o.total += amount;
    if (cost) {
      o.cost += *cost;
    } else {
      o.uncosted += amount;
    }
    if (category) categories[*category] += amount;
  }
  void clear() {
    orders.clear();
    categories.clear();
  }
};

// Product id -> category, for the products that have one. Read once per refresh instead of
// looking the product up for every line.
std::unordered_map<std::int64_t, std::string> product_categories(Database& db) {
  std::unordered_map<std::int64_t, std::string> out;
  Statement st(db, "SELECT id, category FROM products WHERE category IS NOT NULL AND category <> ''");
  while (st.step()) out.emplace(st.get_int(0), st.get_text(1));
  return out;
}

constexpr const char* kUpsert =
    "INSERT INTO customer_order_stats(customer_id, first_order_at, last_order_at, orders, revenue, cost, margin, "
    "invoiced, paid, balance, avg_order_value, oldest_unpaid_at, top_categories, uncosted_revenue) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (customer_id) DO UPDATE SET "
    "first_order_at = excluded.first_order_at, last_order_at = excluded.last_order_at, orders = excluded.orders, "
    "revenue = excluded.revenue, cost = excluded.cost, margin = excluded.margin, invoiced = excluded.invoiced, "
    "paid = excluded.paid, balance = excluded.balance, avg_order_value = excluded.avg_order_value, "
    "oldest_unpaid_at = excluded.oldest_unpaid_at, top_categories = excluded.top_categories, "
    "uncosted_revenue = excluded.uncosted_revenue";

void write_stats(Database& db, Statement& insert, std::int64_t customer_id, CustomerOrders& c, std::int64_t paid) {
  if (c.orders.empty() && paid == 0) {
    db.prepare("DELETE FROM customer_order_stats WHERE customer_id = ?").bind(1, customer_id).run();
    return;
  }
  std::sort(c.orders.begin(), c.orders.end(),
            [](const OrderTotal& a, const OrderTotal& b) { return std::tie(a.at, a.id) < std::tie(b.at, b.id); });
  c.amounts.clear();
  for (const auto& [name, amount] : c.categories) c.amounts.push_back({name, amount});
  OrderFigures f = db.rules().order_figures(c.orders, c.amounts, paid);
  insert.bind(1, customer_id)
      .bind(2, f.first_order_at)
      .bind(3, f.last_order_at)
      .bind(4, f.orders)
      .bind(5, f.revenue)
      .bind(6, f.cost)
      .bind(7, f.margin)
      .bind(8, f.invoiced)
      .bind(9, f.paid)
      .bind(10, f.balance)
      .bind(11, f.avg_order_value)
      .bind(12, f.oldest_unpaid_at)
      .bind(13, f.top_categories)
      .bind(14, f.uncosted_revenue)
      .run();
}

// What a customer has paid, as a new total or as an amount added to what the row holds.
enum class Paid { total, added };

// When the rules say nothing is left unpaid, a payment changes only the paid amount and the
// balance, and the order figures stand. False when the customer needs the full
// recomputation instead: still owing, no statistics row, or no row needed any more (no
// orders, nothing paid).
bool settle_paid(Database& db, std::int64_t customer_id, std::int64_t amount, Paid kind) {
  auto& row = db.prepare("SELECT invoiced, paid, orders FROM customer_order_stats WHERE customer_id = ?");
  row.bind(1, customer_id);
  if (!row.step()) {
    row.reset();
    return false;
  }
  std::int64_t invoiced = row.get_int(0), orders = row.get_int(2);
  std::int64_t paid = kind == Paid::total ? amount : row.get_int(1) + amount;
  row.reset();
  if (!db.rules().settled(invoiced, paid) || (orders == 0 && paid == 0)) return false;
  db.prepare("UPDATE customer_order_stats SET paid = ?1, balance = invoiced - ?1, oldest_unpaid_at = NULL "
             "WHERE customer_id = ?2")
      .bind(1, paid)
      .bind(2, customer_id)
      .run();
  return true;
}

}  // namespace

void refresh_paid(Database& db, std::string_view customers, std::string_view orders) {
  Statement paid(db, fmt::format("SELECT b.customer_id, coalesce((SELECT sum(p.amount) FROM payments p "
                                 "WHERE p.customer_id = b.customer_id), 0) FROM {} b "
                                 "WHERE b.customer_id NOT IN (SELECT customer_id FROM {}) ORDER BY b.customer_id",
                                 customers, orders));
  std::vector<std::int64_t> owing;
  while (paid.step()) {
    std::int64_t id = paid.get_int(0);
    // A customer deleted in this write has no row and is skipped by the recomputation.
    if (!settle_paid(db, id, paid.get_int(1), Paid::total)) owing.push_back(id);
  }
  auto& add = db.prepare(fmt::format("INSERT OR IGNORE INTO {} VALUES (?)", orders));
  for (std::int64_t id : owing) add.bind(1, id).run();
}

void refresh_order_stats(Database& db, std::string_view customers) {
  // Every listed customer that exists gets its row replaced, or removed when nothing is left
  // in it; the rows of deleted customers went with them (ON DELETE CASCADE). Each stream is
  // ordered by customer; the list drives every join.
  Statement ids(db, fmt::format("SELECT c.id FROM {} b CROSS JOIN customers c ON c.id = b.customer_id "
                                "ORDER BY b.customer_id", customers));
  Statement lines(db, fmt::format("SELECT o.customer_id, o.id, o.ordered_at, l.amount, l.cost, l.product_id, "
                                  "coalesce(o.freight, 0) "
                                  "FROM {} b CROSS JOIN orders o ON o.customer_id = b.customer_id "
                                  "CROSS JOIN order_lines l ON l.order_id = o.id "
                                  "WHERE o.status <> 'cancelled' ORDER BY b.customer_id", customers));
  Statement payments(db, fmt::format("SELECT b.customer_id, sum(p.amount) FROM {} b "
                                     "CROSS JOIN payments p ON p.customer_id = b.customer_id "
                                     "GROUP BY b.customer_id ORDER BY b.customer_id", customers));
  order_facts_changed(db, customers);
  auto& insert = db.prepare(kUpsert);
  const auto categories = product_categories(db);
  bool more_lines = lines.step(), more_payments = payments.step();
  CustomerOrders c;
  while (ids.step()) {
    std::int64_t id = ids.get_int(0);
    c.clear();
    // Streams may hold customers that no longer exist (deleted in this write): skip them.
    while (more_lines && lines.get_int(0) < id) more_lines = lines.step();
    while (more_lines && lines.get_int(0) == id) {
      const std::string* category = nullptr;
      if (!lines.is_null(5)) {
        if (auto it = categories.find(lines.get_int(5)); it != categories.end()) category = &it->second;
      }
      c.add_line(lines.get_int(1), lines.get_text_view(2), lines.get_int(6), lines.get_int(3), lines.get_opt_int(4),
                 category);
      more_lines = lines.step();
    }
    std::int64_t paid = 0;
    while (more_payments && payments.get_int(0) < id) more_payments = payments.step();
    if (more_payments && payments.get_int(0) == id) paid = payments.get_int(1);
    write_stats(db, insert, id, c, paid);
  }
}

PaidStream::PaidStream(Database& db, std::function<void(std::int64_t)> recompute)
    : db_(db), recompute_(std::move(recompute)) {}

void PaidStream::add(std::int64_t customer_id, std::int64_t amount) {
  if (customer_id != current_) {
    finish();
    current_ = customer_id;
  }
  amount_ += amount;
}

void PaidStream::finish() {
  if (current_ == 0) return;
  if (!settle_paid(db_, current_, amount_, Paid::added)) recompute_(current_);
  clear();
}

void PaidStream::clear() {
  current_ = 0;
  amount_ = 0;
}

struct OrderStatsStream::State {
  explicit State(Database& db) : rows(db, Statistics::orders) {}
  StatisticsRows rows;
  std::int64_t current = 0;
  bool fresh = false;
  CustomerOrders orders;
  // Product id -> category ("" for none), read as products come up: an import may create some.
  std::unordered_map<std::int64_t, std::string> categories;
};

OrderStatsStream::OrderStatsStream(Database& db) : db_(db), s_(std::make_unique<State>(db)) {}
OrderStatsStream::~OrderStatsStream() = default;

bool OrderStatsStream::add(const NewOrderLine& l) {
  State& s = *s_;
  if (l.customer_id != s.current) {
    finish();
    s.current = l.customer_id;
    s.fresh = !s.rows.has(l.customer_id);
  }
  if (!s.fresh) return false;
  if (!l.counts) return true;  // a cancelled order's lines count for nothing
  // Orders get increasing ids: a line of an earlier order means the customer's orders are
  // interleaved, and CustomerOrders takes each order's lines together.
  if (!s.orders.orders.empty() && l.order_id < s.orders.orders.back().id) {
    s.fresh = false;
    s.orders.clear();
    return false;
  }
  const std::string* category = nullptr;
  if (l.product_id) {
    auto it = s.categories.find(*l.product_id);
    if (it == s.categories.end()) {
      auto& st = db_.prepare("SELECT coalesce(category, '') FROM products WHERE id = ?");
      st.bind(1, *l.product_id);
      it = s.categories.emplace(*l.product_id, st.step() ? st.get_text(0) : std::string()).first;
      st.reset();
    }
    if (!it->second.empty()) category = &it->second;
  }
  s.orders.add_line(l.order_id, l.ordered_at, l.freight, l.amount, l.cost, category);
  return true;
}

void OrderStatsStream::finish() {
  State& s = *s_;
  // No statistics row before and nothing paid: what was added is all there is.
  if (s.fresh && !s.orders.orders.empty()) {
    write_stats(db_, db_.prepare(kUpsert), s.current, s.orders, 0);
    order_facts_changed(db_, s.current);
    s.rows.added(s.current);
  }
  s.orders.clear();
  s.current = 0;
  s.fresh = false;
}

void OrderStatsStream::clear() {
  s_->rows.forget();
  s_->orders.clear();
  s_->current = 0;
  s_->fresh = false;
}

}  // namespace kunde::store::sqlite
