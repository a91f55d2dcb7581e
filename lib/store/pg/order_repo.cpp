// Order storage.
#include "store/pg/order_repo.hpp"

#include <fmt/format.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "store/pg/change.hpp"
#include "store/pg/order_read_ahead.hpp"

namespace kunde::store::pg {
namespace {

std::map<std::string, std::string> read_attributes(std::string_view text) {
  std::map<std::string, std::string> out;
  if (text.size() <= 2) return out;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_object())
    for (auto& [k, v] : j.items()) out[k] = v.is_string() ? v.get<std::string>() : v.dump();
  return out;
}

}  // namespace

std::string order_attributes_json(const model::Order& o) {
  if (o.attributes.empty()) return "{}";
  return nlohmann::json(o.attributes).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

model::Order read_order(const Row& r, int c) {
  model::Order o;
  o.id = r.int64(c);
  o.number = r.text(c + 1);
  o.customer_id = r.int64(c + 2);
  o.ordered_at = r.text(c + 3);
  o.channel = r.opt_text(c + 4);
  o.status = r.text(c + 5);
  o.freight = r.opt_int(c + 6);
  o.attributes = read_attributes(r.text_view(c + 7));
  return o;
}

model::OrderLine read_line(const Row& r, int c) {
  model::OrderLine l;
  l.line = r.int64(c);
  l.product_id = r.opt_int(c + 1);
  l.quantity = r.number(c + 2);
  l.unit_price = r.opt_int(c + 3);
  l.amount = r.int64(c + 4);
  l.unit_cost = r.opt_int(c + 5);
  l.cost = r.opt_int(c + 6);
  l.gross = r.opt_int(c + 7);
  if (!r.is_null(c + 8)) l.discount = r.number(c + 8);
  return l;
}

namespace {

std::string where_clause(const OrderFilter& f, Params& params) {
  std::vector<std::string> where;
  auto param = [&](const std::string& v) {
    params.add(v);
    return fmt::format("${}::text", params.size());
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

Params order_params(const model::Order& o) {
  return Params(o.number, o.customer_id, o.ordered_at, o.channel, o.status, o.freight, order_attributes_json(o));
}

constexpr const char* kInsertColumns = "id, number, customer_id, ordered_at, channel, status, freight, attributes";
constexpr const char* kInsertValues = "{id}, $1, $2, $3, $4, $5, $6::bigint, $7::jsonb";

Params line_params(std::int64_t order_id, const model::OrderLine& l) {
  return Params(l.product_id, l.quantity, l.unit_price, l.amount, l.unit_cost, l.cost, l.gross, l.discount, order_id,
                l.line);
}

}  // namespace

// An import's read-ahead of the orders it may change, or null outside an import.
OrderReadAhead* OrderRepo::read_ahead() {
  Change* change = db_.change();
  return change && change->bulk() ? &change->order_read_ahead() : nullptr;
}

void OrderRepo::changed(std::int64_t order_id) {
  if (OrderReadAhead* ahead = read_ahead()) ahead->forget(order_id);
}

std::optional<model::Order> OrderRepo::by_number(std::string_view number) {
  OrderReadAhead* ahead = read_ahead();
  if (ahead) {
    if (const model::Order* o = ahead->order(number)) return *o;
  }
  Result r = db_.exec(fmt::format("SELECT {} FROM orders o WHERE o.number = $1", kOrderColumns), Params(number));
  if (r.rows() == 0) return std::nullopt;
  model::Order o = read_order(r.row(0));
  if (ahead) ahead->asked(o);
  return o;
}

std::optional<model::Order> OrderRepo::by_id(std::int64_t id) {
  Result r = db_.exec(fmt::format("SELECT {} FROM orders o WHERE o.id = $1", kOrderColumns), Params(id));
  if (r.rows() == 0) return std::nullopt;
  return read_order(r.row(0));
}

std::int64_t OrderRepo::insert(const model::Order& o) {
  return db_.write().insert(tables::orders, kInsertColumns, kInsertValues, order_params(o)).id;
}

std::int64_t OrderRepo::insert_if_new(const model::Order& o) {
  return db_.write()
      .insert(tables::orders, kInsertColumns, kInsertValues, order_params(o), "ON CONFLICT (number) DO NOTHING")
      .id;
}

void OrderRepo::update(const model::Order& o) {
  changed(o.id);
  Params p = order_params(o);
  p.add(o.id);
  db_.write().update(tables::orders,
                     "number = $1, customer_id = $2, ordered_at = $3, channel = $4, status = $5, freight = $6::bigint, "
                     "attributes = $7::jsonb",
                     "id = $8", p);
}

void OrderRepo::erase(std::int64_t order_id) {
  changed(order_id);
  db_.write().remove(tables::order_lines, "order_id = $1", Params(order_id));
  db_.write().remove(tables::orders, "id = $1", Params(order_id));
}

std::optional<model::OrderLine> OrderRepo::line(std::int64_t order_id, std::int64_t line) {
  if (OrderReadAhead* ahead = read_ahead()) {
    if (const auto* lines = ahead->lines(order_id)) {
      auto found = std::find_if(lines->begin(), lines->end(), [&](const auto& l) { return l.line == line; });
      return found == lines->end() ? std::nullopt : std::optional<model::OrderLine>(*found);
    }
  }
  Result r = db_.exec(fmt::format("SELECT {} FROM order_lines l WHERE l.order_id = $1 AND l.line = $2", kLineColumns),
                      Params(order_id, line));
  if (r.rows() == 0) return std::nullopt;
  return read_line(r.row(0), 0);
}

void OrderRepo::insert_line(std::int64_t order_id, const model::OrderLine& l) {
  changed(order_id);
  db_.write().insert(tables::order_lines,
                     "product_id, quantity, unit_price, amount, unit_cost, cost, gross, discount, order_id, line",
                     "$1::bigint, $2::double precision, $3::bigint, $4, $5::bigint, $6::bigint, $7::bigint, "
                     "$8::double precision, $9, $10",
                     line_params(order_id, l));
}

void OrderRepo::update_line(std::int64_t order_id, const model::OrderLine& l) {
  changed(order_id);
  db_.write().update(tables::order_lines,
                     "product_id = $1::bigint, quantity = $2::double precision, unit_price = $3::bigint, amount = $4, "
                     "unit_cost = $5::bigint, cost = $6::bigint, gross = $7::bigint, discount = $8::double precision",
                     "order_id = $9 AND line = $10", line_params(order_id, l));
}

std::int64_t OrderRepo::last_line(std::int64_t order_id) {
  return db_.scalar("SELECT coalesce(max(line), 0) FROM order_lines WHERE order_id = $1", Params(order_id));
}

std::int64_t OrderRepo::delete_lines_after(std::int64_t order_id, std::int64_t keep) {
  if (OrderReadAhead* ahead = read_ahead()) {
    if (ahead->has_lines_after(order_id, keep) == false) return 0;
    ahead->forget(order_id);
  }
  return db_.write().remove(tables::order_lines, "order_id = $1 AND line > $2", Params(order_id, keep)).changed;
}

std::vector<LineView> OrderRepo::lines(std::int64_t order_id) {
  Result r = db_.exec(fmt::format("SELECT {}, p.sku, p.name, p.category FROM order_lines l LEFT JOIN products p "
                                  "ON p.id = l.product_id WHERE l.order_id = $1 ORDER BY l.line",
                                  kLineColumns),
                      Params(order_id));
  std::vector<LineView> out;
  constexpr int p = kLineColumnCount;
  for (int i = 0; i < r.rows(); ++i) {
    auto row = r.row(i);
    out.push_back({read_line(row, 0), row.opt_text(p), row.opt_text(p + 1), row.opt_text(p + 2)});
  }
  return out;
}

void OrderRepo::set_status(std::int64_t order_id, const std::string& status) {
  changed(order_id);
  db_.write().update(tables::orders, "status = $1", "id = $2", Params(status, order_id));
}

void OrderRepo::list(const OrderFilter& f, const std::function<void(const OrderSummary&)>& each) {
  Params params;
  std::string sql = fmt::format(
      "SELECT {0}, c.number, c.name, t.lines, t.amount, t.cost, t.quantity, t.gross, t.uncosted "
      "FROM orders o JOIN customers c ON c.id = o.customer_id "
      "CROSS JOIN LATERAL (SELECT count(*) AS lines, coalesce(sum(l.amount), 0) AS amount, "
      "coalesce(sum(l.cost), 0) AS cost, coalesce(sum(l.quantity), 0) AS quantity, "
      "coalesce(sum(coalesce(l.gross, l.amount)), 0) AS gross, "
      "coalesce(sum(l.amount) FILTER (WHERE l.cost IS NULL), 0) AS uncosted "
      "FROM order_lines l WHERE l.order_id = o.id) t{1} ORDER BY o.ordered_at {2}, o.id {2}",
      kOrderColumns, where_clause(f, params), f.newest_first ? "DESC" : "ASC");
  if (f.limit) sql += fmt::format(" LIMIT {}", *f.limit);
  db_.stream(sql, params, [&](const Row& r) {
    OrderSummary s;
    s.order = read_order(r);
    constexpr int c = kOrderColumnCount;
    s.customer_number = r.opt_text(c);
    s.customer_name = r.text(c + 1);
    s.lines = r.int64(c + 2);
    s.amount = r.int64(c + 3);
    // The freight is a cost of the order once it has lines (before that it counts for nothing).
    s.cost = r.int64(c + 4) + (s.lines > 0 ? s.order.freight.value_or(0) : 0);
    s.quantity = r.number(c + 5);
    s.gross = r.int64(c + 6);
    s.uncosted = r.int64(c + 7);
    each(s);
  });
}

void OrderRepo::export_lines(const OrderFilter& f,
                             const std::function<void(const OrderSummary&, const LineView&)>& each) {
  Params params;
  // An order without lines comes as one row whose line is 0.
  std::string sql = fmt::format(
      "SELECT {}, c.number, c.name, {}, p.sku, p.name, p.category FROM orders o JOIN customers c ON c.id = o.customer_id "
      "LEFT JOIN order_lines l ON l.order_id = o.id LEFT JOIN products p ON p.id = l.product_id{} "
      "ORDER BY o.ordered_at, o.id, l.line",
      kOrderColumns, kLineColumns, where_clause(f, params));
  OrderSummary s;
  constexpr int c = kOrderColumnCount, p = kOrderColumnCount + 2 + kLineColumnCount;
  db_.stream(sql, params, [&](const Row& r) {
    s.order = read_order(r);
    s.customer_number = r.opt_text(c);
    s.customer_name = r.text(c + 1);
    LineView v;
    if (!r.is_null(c + 2)) v = {read_line(r, c + 2), r.opt_text(p), r.opt_text(p + 1), r.opt_text(p + 2)};
    each(s, v);
  });
}

std::vector<std::string> OrderRepo::attribute_keys() {
  Result r = db_.exec(
      "SELECT DISTINCT k COLLATE \"C\" FROM orders o, jsonb_object_keys(o.attributes) k "
      "WHERE o.attributes <> '{}'::jsonb ORDER BY 1");
  std::vector<std::string> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(r.row(i).text(0));
  return out;
}

std::vector<Invoice> OrderRepo::invoices(std::int64_t customer_id) {
  Result r = db_.exec(
      "SELECT o.ordered_at, sum(l.amount) FROM orders o JOIN order_lines l ON l.order_id = o.id "
      "WHERE o.customer_id = $1 AND o.status <> 'cancelled' GROUP BY o.id ORDER BY o.ordered_at, o.id",
      Params(customer_id));
  std::vector<Invoice> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back({r.row(i).text(0), r.row(i).int64(1)});
  return out;
}

std::map<std::string, std::int64_t> OrderRepo::orders_by_channel(std::int64_t customer_id) {
  Result r = db_.exec(
      "SELECT coalesce(channel, ''), count(*) FROM orders WHERE customer_id = $1 AND status <> 'cancelled' GROUP BY 1",
      Params(customer_id));
  std::map<std::string, std::int64_t> out;
  for (int i = 0; i < r.rows(); ++i) out[r.row(i).text(0)] = r.row(i).int64(1);
  return out;
}

void OrderRepo::balance_customers(
    bool all, const std::function<void(std::int64_t, const std::optional<std::string>&, const std::string&)>& each) {
  db_.stream(
      "SELECT c.id, c.number, c.name FROM customers c JOIN customer_order_stats s ON s.customer_id = c.id "
      "WHERE s.balance <> 0 OR ($1::boolean AND (s.orders > 0 OR s.paid <> 0)) ORDER BY c.id",
      Params(all), [&](const Row& r) { each(r.int64(0), r.opt_text(1), r.text(2)); });
}

std::string OrderRepo::next_number() {
  std::int64_t n = db_.scalar("SELECT coalesce(max(id), 0) + 1 FROM orders");
  while (by_number(fmt::format("O-{}", n))) ++n;
  return fmt::format("O-{}", n);
}

}  // namespace kunde::store::pg
