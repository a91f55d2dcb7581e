// Order storage.
#include "store/sqlite/order_repo.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace kunde::store::sqlite {
namespace {

// The order's columns, kOrderColumnCount of them, as read_order reads them.
constexpr const char* kOrderColumns =
    "o.id, o.number, o.customer_id, o.ordered_at, o.channel, o.status, o.freight, o.attributes";
constexpr int kOrderColumnCount = 8;
// The line's columns, kLineColumnCount of them, as read_line reads them.
constexpr const char* kLineColumns =
    "l.line, l.product_id, l.quantity, l.unit_price, l.amount, l.unit_cost, l.cost, l.gross, l.discount";
constexpr int kLineColumnCount = 9;

std::map<std::string, std::string> read_attributes(std::string_view text) {
  std::map<std::string, std::string> out;
  if (text.size() <= 2) return out;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_object())
    for (auto& [k, v] : j.items()) out[k] = v.is_string() ? v.get<std::string>() : v.dump();
  return out;
}

std::string attributes_json(const std::map<std::string, std::string>& attributes) {
  if (attributes.empty()) return "{}";
  return nlohmann::json(attributes).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

model::Order read_order(const Statement& st, int c = 0) {
  model::Order o;
  o.id = st.get_int(c);
  o.number = st.get_text(c + 1);
  o.customer_id = st.get_int(c + 2);
  o.ordered_at = st.get_text(c + 3);
  o.channel = st.get_opt_text(c + 4);
  o.status = st.get_text(c + 5);
  o.freight = st.get_opt_int(c + 6);
  o.attributes = read_attributes(st.get_text_view(c + 7));
  return o;
}

model::OrderLine read_line(const Statement& st, int c) {
  model::OrderLine l;
  l.line = st.get_int(c);
  l.product_id = st.get_opt_int(c + 1);
  l.quantity = st.get_double(c + 2);
  l.unit_price = st.get_opt_int(c + 3);
  l.amount = st.get_int(c + 4);
  l.unit_cost = st.get_opt_int(c + 5);
  l.cost = st.get_opt_int(c + 6);
  l.gross = st.get_opt_int(c + 7);
  if (!st.is_null(c + 8)) l.discount = st.get_double(c + 8);
  return l;
}

// WHERE clause and parameters for a filter; `o` is orders, `c` customers.
std::string where_clause(const OrderFilter& f, std::vector<std::string>& params) {
  std::vector<std::string> where;
  auto param = [&](std::string v) {
    params.push_back(std::move(v));
    return fmt::format("?{}", params.size());
  };
  if (f.customer_id) where.push_back(fmt::format("o.customer_id = {}", *f.customer_id));
  if (f.since) where.push_back(fmt::format("o.ordered_at >= {}", param(*f.since)));
  if (f.until) where.push_back(fmt::format("substr(o.ordered_at, 1, 10) <= {}", param(*f.until)));
  if (f.channel) where.push_back(fmt::format("o.channel = lower({})", param(*f.channel)));
  if (f.status) where.push_back(fmt::format("o.status = lower({})", param(*f.status)));
  if (f.keyless_only) where.push_back("substr(o.number, 1, 1) = '~'");
  if (f.sku) {
    where.push_back(fmt::format(
        "EXISTS (SELECT 1 FROM order_lines x JOIN products p ON p.id = x.product_id "
        "WHERE x.order_id = o.id AND p.sku = {})", param(*f.sku)));
  }
  if (f.category) {
    where.push_back(fmt::format(
        "EXISTS (SELECT 1 FROM order_lines x JOIN products p ON p.id = x.product_id "
        "WHERE x.order_id = o.id AND lower(p.category) = lower({}))", param(*f.category)));
  }
  if (where.empty()) return "";
  return " WHERE " + fmt::format("{}", fmt::join(where, " AND "));
}

}  // namespace

std::optional<model::Order> OrderRepo::by_number(std::string_view number) {
  auto& st = db_.prepare(fmt::format("SELECT {} FROM orders o WHERE o.number = ?", kOrderColumns));
  st.bind(1, number);
  return st.first([](const Statement& row) { return read_order(row); });
}

std::optional<model::Order> OrderRepo::by_id(std::int64_t id) {
  auto& st = db_.prepare(fmt::format("SELECT {} FROM orders o WHERE o.id = ?", kOrderColumns));
  st.bind(1, id);
  return st.first([](const Statement& row) { return read_order(row); });
}

namespace {

// Binds the columns insert and update share, as parameters 1 to 7.
Statement& bind_order(Statement& st, const model::Order& o) {
  return st.bind_ref(1, o.number)
      .bind(2, o.customer_id)
      .bind_ref(3, o.ordered_at)
      .bind_ref(4, o.channel)
      .bind_ref(5, o.status)
      .bind(6, o.freight)
      .bind(7, attributes_json(o.attributes));
}

}  // namespace

namespace {
constexpr const char* kInsertOrder =
    "INSERT INTO orders(number, customer_id, ordered_at, channel, status, freight, attributes) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)";
}

std::int64_t OrderRepo::insert(const model::Order& o) {
  bind_order(db_.prepare(kInsertOrder), o).run();
  return db_.last_insert_rowid();
}

std::int64_t OrderRepo::insert_if_new(const model::Order& o) {
  static const std::string sql = std::string(kInsertOrder) + " ON CONFLICT(number) DO NOTHING";
  bind_order(db_.prepare(sql), o).run();
  return db_.changes() > 0 ? db_.last_insert_rowid() : 0;
}

void OrderRepo::update(const model::Order& o) {
  bind_order(db_.prepare("UPDATE orders SET number = ?, customer_id = ?, ordered_at = ?, channel = ?, status = ?, "
                         "freight = ?, attributes = ? WHERE id = ?"),
             o)
      .bind(8, o.id)
      .run();
}

std::optional<model::OrderLine> OrderRepo::line(std::int64_t order_id, std::int64_t line) {
  auto& st = db_.prepare(fmt::format("SELECT {} FROM order_lines l WHERE l.order_id = ? AND l.line = ?", kLineColumns));
  st.bind(1, order_id).bind(2, line);
  return st.first([](const Statement& row) { return read_line(row, 0); });
}

namespace {
// Binds the line's values, which insert and update share, as parameters 1 to 8, and its key
// (order id, line number) as 9 and 10.
void run_line(Statement& st, std::int64_t order_id, const model::OrderLine& l) {
  st.bind(1, l.product_id)
      .bind(2, l.quantity)
      .bind(3, l.unit_price)
      .bind(4, l.amount)
      .bind(5, l.unit_cost)
      .bind(6, l.cost)
      .bind(7, l.gross)
      .bind(8, l.discount)
      .bind(9, order_id)
      .bind(10, l.line)
      .run();
}
}  // namespace

void OrderRepo::insert_line(std::int64_t order_id, const model::OrderLine& l) {
  run_line(db_.prepare("INSERT INTO order_lines(product_id, quantity, unit_price, amount, unit_cost, cost, gross, "
                       "discount, order_id, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
           order_id, l);
}

void OrderRepo::update_line(std::int64_t order_id, const model::OrderLine& l) {
  run_line(db_.prepare("UPDATE order_lines SET product_id = ?, quantity = ?, unit_price = ?, amount = ?, unit_cost = ?, "
                       "cost = ?, gross = ?, discount = ? WHERE order_id = ? AND line = ?"),
           order_id, l);
}

std::int64_t OrderRepo::last_line(std::int64_t order_id) {
  auto& st = db_.prepare("SELECT coalesce(max(line), 0) FROM order_lines WHERE order_id = ?");
  st.bind(1, order_id);
  std::int64_t n = st.step() ? st.get_int(0) : 0;
  st.reset();
  return n;
}

std::int64_t OrderRepo::delete_lines_after(std::int64_t order_id, std::int64_t keep) {
  db_.prepare("DELETE FROM order_lines WHERE order_id = ? AND line > ?").bind(1, order_id).bind(2, keep).run();
  return db_.changes();
}

void OrderRepo::erase(std::int64_t order_id) {
  delete_lines_after(order_id, 0);
  db_.prepare("DELETE FROM orders WHERE id = ?").bind(1, order_id).run();
}

std::vector<LineView> OrderRepo::lines(std::int64_t order_id) {
  auto& st = db_.prepare(fmt::format(
      "SELECT {}, p.sku, p.name, p.category FROM order_lines l LEFT JOIN products p ON p.id = l.product_id "
      "WHERE l.order_id = ? ORDER BY l.line",
      kLineColumns));
  st.bind(1, order_id);
  std::vector<LineView> out;
  constexpr int p = kLineColumnCount;
  while (st.step()) out.push_back({read_line(st, 0), st.get_opt_text(p), st.get_opt_text(p + 1), st.get_opt_text(p + 2)});
  st.reset();
  return out;
}

void OrderRepo::set_status(std::int64_t order_id, const std::string& status) {
  db_.prepare("UPDATE orders SET status = ? WHERE id = ?").bind(1, status).bind(2, order_id).run();
}

void OrderRepo::list(const OrderFilter& f, const std::function<void(const OrderSummary&)>& each) {
  db_.need_indexes();
  std::vector<std::string> params;
  std::string sql = fmt::format(
      "SELECT {0}, c.number, c.name, (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id), "
      "(SELECT coalesce(sum(l.amount), 0) FROM order_lines l WHERE l.order_id = o.id), "
      "(SELECT coalesce(sum(l.cost), 0) FROM order_lines l WHERE l.order_id = o.id), "
      "(SELECT coalesce(sum(l.quantity), 0) FROM order_lines l WHERE l.order_id = o.id), "
      "(SELECT coalesce(sum(coalesce(l.gross, l.amount)), 0) FROM order_lines l WHERE l.order_id = o.id), "
      "(SELECT coalesce(sum(l.amount), 0) FROM order_lines l WHERE l.order_id = o.id AND l.cost IS NULL) "
      "FROM orders o JOIN customers c ON c.id = o.customer_id{1} ORDER BY o.ordered_at {2}, o.id {2}",
      kOrderColumns, where_clause(f, params), f.newest_first ? "DESC" : "ASC");
  if (f.limit) sql += fmt::format(" LIMIT {}", *f.limit);
  Statement st(db_, sql);
  for (std::size_t i = 0; i < params.size(); ++i) st.bind(static_cast<int>(i + 1), params[i]);
  constexpr int c = kOrderColumnCount;
  while (st.step()) {
    OrderSummary s;
    s.order = read_order(st);
    s.customer_number = st.get_opt_text(c);
    s.customer_name = st.get_text(c + 1);
    s.lines = st.get_int(c + 2);
    s.amount = st.get_int(c + 3);
    // The freight is a cost of the order once it has lines (before that it counts for nothing).
    s.cost = st.get_int(c + 4) + (s.lines > 0 ? s.order.freight.value_or(0) : 0);
    s.quantity = st.get_double(c + 5);
    s.gross = st.get_int(c + 6);
    s.uncosted = st.get_int(c + 7);
    each(s);
  }
}

void OrderRepo::export_lines(const OrderFilter& f,
                             const std::function<void(const OrderSummary&, const LineView&)>& each) {
  std::vector<std::string> params;
  // An order without lines comes as one row whose line is 0.
  std::string sql = fmt::format(
      "SELECT {}, c.number, c.name, {}, p.sku, p.name, p.category FROM orders o JOIN customers c ON c.id = o.customer_id "
      "LEFT JOIN order_lines l ON l.order_id = o.id LEFT JOIN products p ON p.id = l.product_id{} "
      "ORDER BY o.ordered_at, o.id, l.line",
      kOrderColumns, kLineColumns, where_clause(f, params));
  Statement st(db_, sql);
  for (std::size_t i = 0; i < params.size(); ++i) st.bind(static_cast<int>(i + 1), params[i]);
  OrderSummary s;
  constexpr int c = kOrderColumnCount, p = kOrderColumnCount + 2 + kLineColumnCount;
  while (st.step()) {
    s.order = read_order(st);
    s.customer_number = st.get_opt_text(c);
    s.customer_name = st.get_text(c + 1);
    LineView v;
    if (!st.is_null(c + 2)) v = {read_line(st, c + 2), st.get_opt_text(p), st.get_opt_text(p + 1), st.get_opt_text(p + 2)};
    each(s, v);
  }
}

std::vector<std::string> OrderRepo::attribute_keys() {
  std::vector<std::string> out;
  Statement st(db_, "SELECT DISTINCT j.key FROM orders o, json_each(o.attributes) j WHERE o.attributes <> '{}' ORDER BY j.key");
  while (st.step()) out.push_back(st.get_text(0));
  return out;
}

std::vector<Invoice> OrderRepo::invoices(std::int64_t customer_id) {
  db_.need_indexes();
  auto& st = db_.prepare(
      "SELECT o.ordered_at, sum(l.amount) FROM orders o JOIN order_lines l ON l.order_id = o.id "
      "WHERE o.customer_id = ? AND o.status <> 'cancelled' GROUP BY o.id ORDER BY o.ordered_at, o.id");
  st.bind(1, customer_id);
  std::vector<Invoice> out;
  while (st.step()) out.push_back({st.get_text(0), st.get_int(1)});
  st.reset();
  return out;
}

std::map<std::string, std::int64_t> OrderRepo::orders_by_channel(std::int64_t customer_id) {
  db_.need_indexes();
  auto& st = db_.prepare(
      "SELECT coalesce(channel, ''), count(*) FROM orders WHERE customer_id = ? AND status <> 'cancelled' "
      "GROUP BY 1");
  st.bind(1, customer_id);
  std::map<std::string, std::int64_t> out;
  while (st.step()) out[st.get_text(0)] = st.get_int(1);
  st.reset();
  return out;
}

void OrderRepo::balance_customers(
    bool all, const std::function<void(std::int64_t, const std::optional<std::string>&, const std::string&)>& each) {
  Statement st(db_,
               "SELECT c.id, c.number, c.name FROM customers c JOIN customer_order_stats s ON s.customer_id = c.id "
               "WHERE s.balance <> 0 OR (?1 AND (s.orders > 0 OR s.paid <> 0)) ORDER BY c.id");
  st.bind(1, all ? 1 : 0);
  while (st.step()) each(st.get_int(0), st.get_opt_text(1), st.get_text(2));
}

std::string OrderRepo::next_number() {
  auto& st = db_.prepare("SELECT coalesce(max(id), 0) + 1 FROM orders");
  st.step();
  std::int64_t n = st.get_int(0);
  st.reset();
  while (by_number(fmt::format("O-{}", n))) ++n;
  return fmt::format("O-{}", n);
}

std::vector<std::int64_t> OrderRepo::buyers(const std::vector<std::int64_t>& product_ids) {
  std::vector<std::int64_t> out;
  if (product_ids.empty()) return out;
  Statement st(db_, "SELECT DISTINCT o.customer_id FROM order_lines l JOIN orders o ON o.id = l.order_id "
                    "WHERE l.product_id IN (SELECT value FROM json_each(?)) ORDER BY o.customer_id");
  st.bind(1, fmt::format("[{}]", fmt::join(product_ids, ",")));
  while (st.step()) out.push_back(st.get_int(0));
  return out;
}

}  // namespace kunde::store::sqlite
