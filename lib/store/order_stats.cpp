// Materialised order and payment statistics per customer, for the customers in
// temp.refresh_batch. Three ordered streams (the customers, their order lines, their
// payments) are merged here rather than in one SQL statement: the statement needed a dozen
// temporary B-trees and cost five times as much as reading the rows.
//
// Definitions (DESIGN.md): revenue = Σ line amounts of orders not cancelled (returns are
// negative lines); cost = Σ line costs; margin = revenue − cost; balance = invoiced (the
// same revenue) − paid. Payments and credit notes (orders with a negative total) settle the
// oldest invoices first; oldest_unpaid_at is the date of the first invoice they do not cover.
// Favourite categories: the three with the largest positive amount, ties by name.
#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/derived.hpp"

namespace kunde::store {
namespace {

struct OrderTotal {
  std::int64_t id = 0;
  std::string at;
  std::int64_t total = 0, cost = 0;
};

struct CustomerOrders {
  std::vector<OrderTotal> orders;
  std::unordered_map<std::int64_t, std::size_t> index;  // order id -> position in orders
  std::map<std::string, std::int64_t, std::less<>> categories;  // category -> amount

  void add_line(std::int64_t order_id, std::string_view at, std::int64_t amount, std::int64_t cost,
                std::optional<std::string_view> category) {
    auto [it, fresh] = index.try_emplace(order_id, orders.size());
    if (fresh) orders.push_back({order_id, std::string(at), 0, 0});
    OrderTotal& o = orders[it->second];
    o.total += amount;
    o.cost += cost;
    if (category && !category->empty()) {
      auto c = categories.find(*category);
      if (c == categories.end()) c = categories.emplace(std::string(*category), 0).first;
      c->second += amount;
    }
  }
  void clear() {
    orders.clear();
    index.clear();
    categories.clear();
  }
};

// round() as SQLite computes it, so results match the SQL definitions to the unit.
std::int64_t sqlite_round(double r) { return static_cast<std::int64_t>(r + (r < 0 ? -0.5 : 0.5)); }

std::optional<std::string> top_categories(const std::map<std::string, std::int64_t, std::less<>>& amounts) {
  std::vector<std::pair<std::string_view, std::int64_t>> positive;
  for (const auto& [name, amount] : amounts)
    if (amount > 0) positive.emplace_back(name, amount);
  if (positive.empty()) return std::nullopt;
  std::stable_sort(positive.begin(), positive.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });  // names already sorted
  std::string out;
  for (std::size_t i = 0; i < positive.size() && i < 3; ++i) {
    if (i) out += ';';
    out += positive[i].first;
  }
  return out;
}

void write_stats(Statement& insert, std::int64_t customer_id, CustomerOrders& c, std::int64_t paid) {
  std::sort(c.orders.begin(), c.orders.end(),
            [](const OrderTotal& a, const OrderTotal& b) { return std::tie(a.at, a.id) < std::tie(b.at, b.id); });
  std::int64_t n = static_cast<std::int64_t>(c.orders.size());
  std::int64_t revenue = 0, cost = 0, credits = 0;
  for (const auto& o : c.orders) {
    revenue += o.total;
    cost += o.cost;
    if (o.total < 0) credits -= o.total;
  }
  std::optional<std::string> oldest_unpaid;
  std::int64_t cumulative = 0;
  for (const auto& o : c.orders) {
    if (o.total <= 0) continue;
    cumulative += o.total;
    if (cumulative > paid + credits) {
      oldest_unpaid = o.at;
      break;
    }
  }
  std::optional<std::string> first, last;
  if (n > 0) first = c.orders.front().at, last = c.orders.back().at;
  insert.bind(1, customer_id)
      .bind(2, first)
      .bind(3, last)
      .bind(4, n)
      .bind(5, revenue)
      .bind(6, cost)
      .bind(7, revenue - cost)
      .bind(8, revenue)
      .bind(9, paid)
      .bind(10, revenue - paid)
      .bind(11, n > 0 ? sqlite_round(1.0 * static_cast<double>(revenue) / static_cast<double>(n)) : 0)
      .bind(12, oldest_unpaid)
      .bind(13, top_categories(c.categories))
      .run();
}

}  // namespace

void refresh_order_stats(Database& db) {
  // Every customer of the batch that exists gets its row replaced; the rows of deleted
  // customers went with them (ON DELETE CASCADE).
  // Each stream is ordered by customer; the batch drives every join.
  Statement customers(db, "SELECT c.id FROM temp.refresh_batch b CROSS JOIN customers c ON c.id = b.customer_id "
                          "ORDER BY b.customer_id");
  Statement lines(db,
                  "SELECT o.customer_id, o.id, o.ordered_at, l.amount, coalesce(l.cost, 0), p.category "
                  "FROM temp.refresh_batch b CROSS JOIN orders o ON o.customer_id = b.customer_id "
                  "CROSS JOIN order_lines l ON l.order_id = o.id LEFT JOIN products p ON p.id = l.product_id "
                  "WHERE o.status <> 'cancelled' ORDER BY b.customer_id");
  Statement payments(db, "SELECT b.customer_id, sum(p.amount) FROM temp.refresh_batch b "
                         "CROSS JOIN payments p ON p.customer_id = b.customer_id "
                         "GROUP BY b.customer_id ORDER BY b.customer_id");
  auto& insert = db.prepare(
      "INSERT OR REPLACE INTO customer_order_stats(customer_id, first_order_at, last_order_at, orders, revenue, cost, margin, "
      "invoiced, paid, balance, avg_order_value, oldest_unpaid_at, top_categories) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  bool more_lines = lines.step(), more_payments = payments.step();
  CustomerOrders c;
  while (customers.step()) {
    std::int64_t id = customers.get_int(0);
    c.clear();
    // Streams may hold customers that no longer exist (deleted in this write): skip them.
    while (more_lines && lines.get_int(0) < id) more_lines = lines.step();
    while (more_lines && lines.get_int(0) == id) {
      std::optional<std::string_view> category;
      if (!lines.is_null(5)) category = lines.get_text_view(5);
      c.add_line(lines.get_int(1), lines.get_text_view(2), lines.get_int(3), lines.get_int(4), category);
      more_lines = lines.step();
    }
    std::int64_t paid = 0;
    while (more_payments && payments.get_int(0) < id) more_payments = payments.step();
    if (more_payments && payments.get_int(0) == id) paid = payments.get_int(1);
    write_stats(insert, id, c, paid);
  }
}

}  // namespace kunde::store
