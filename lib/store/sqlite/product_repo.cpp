// Product storage.
#include "store/sqlite/product_repo.hpp"

#include <fmt/format.h>

namespace kunde::store::sqlite {
namespace {

constexpr const char* kSelect = "SELECT id, sku, name, category, list_price, unit_cost FROM products";

model::Product read_product(const Statement& st) {
  model::Product p;
  p.id = st.get_int(0);
  p.sku = st.get_text(1);
  p.name = st.get_text(2);
  p.category = st.get_opt_text(3);
  p.list_price = st.get_opt_int(4);
  p.unit_cost = st.get_opt_int(5);
  return p;
}

}  // namespace

std::optional<model::Product> ProductRepo::by_sku(std::string_view sku) {
  auto& st = db_.prepare(std::string(kSelect) + " WHERE sku = ?");
  st.bind(1, sku);
  return st.first([](const Statement& row) { return read_product(row); });
}

std::optional<model::Product> ProductRepo::by_id(std::int64_t id) {
  auto& st = db_.prepare(std::string(kSelect) + " WHERE id = ?");
  st.bind(1, id);
  return st.first([](const Statement& row) { return read_product(row); });
}

namespace {

// Binds the columns insert and update share, as parameters 1 to 5.
Statement& bind_product(Statement& st, const model::Product& p) {
  return st.bind(1, p.sku).bind(2, p.name).bind(3, p.category).bind(4, p.list_price).bind(5, p.unit_cost);
}

}  // namespace

std::int64_t ProductRepo::insert(const model::Product& p) {
  bind_product(db_.prepare("INSERT INTO products(sku, name, category, list_price, unit_cost) VALUES (?, ?, ?, ?, ?)"), p)
      .run();
  return db_.last_insert_rowid();
}

void ProductRepo::update(const model::Product& p) {
  bind_product(db_.prepare("UPDATE products SET sku = ?, name = ?, category = ?, list_price = ?, unit_cost = ? WHERE id = ?"), p)
      .bind(6, p.id)
      .run();
}

void ProductRepo::list(const ProductFilter& f, const std::function<void(const model::Product&)>& each) {
  std::string sql = kSelect;
  sql += " WHERE (?1 IS NULL OR lower(category) = lower(?1))"
         " AND (?2 IS NULL OR instr(kunde_fold(sku || ' ' || name), kunde_fold(?2)) > 0)"
         // Skus of 1 to 18 digits first, in numeric order ("007" before "10"), then the rest.
         " ORDER BY (sku GLOB '*[^0-9]*' OR length(sku) NOT BETWEEN 1 AND 18),"
         " CASE WHEN sku GLOB '*[^0-9]*' OR length(sku) NOT BETWEEN 1 AND 18 THEN 0 ELSE CAST(sku AS INTEGER) END, sku";
  Statement st(db_, sql);
  st.bind(1, f.category).bind(2, f.search);
  while (st.step()) each(read_product(st));
}

ProductSales ProductRepo::sales(std::int64_t id) {
  auto& st = db_.prepare(
      "SELECT count(DISTINCT o.customer_id), count(DISTINCT o.id), coalesce(sum(l.quantity), 0), "
      "coalesce(sum(l.amount), 0), coalesce(sum(l.cost), 0), coalesce(sum(CASE WHEN l.cost IS NULL THEN l.amount END), 0) "
      "FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.product_id = ? AND o.status <> 'cancelled'");
  st.bind(1, id);
  ProductSales s;
  if (st.step()) {
    s.customers = st.get_int(0);
    s.orders = st.get_int(1);
    s.quantity = st.get_double(2);
    s.revenue = st.get_int(3);
    s.cost = st.get_int(4);
    s.uncosted = st.get_int(5);
  }
  st.reset();
  return s;
}

}  // namespace kunde::store::sqlite
