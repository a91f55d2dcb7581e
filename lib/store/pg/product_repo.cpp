// Product storage.
#include "store/pg/product_repo.hpp"

#include <fmt/format.h>

#include "store/pg/change.hpp"

namespace kunde::store::pg {
namespace {

constexpr const char* kSelect = "SELECT id, sku, name, category, list_price, unit_cost FROM products";

model::Product read_product(const Row& r) {
  model::Product p;
  p.id = r.int64(0);
  p.sku = r.text(1);
  p.name = r.text(2);
  p.category = r.opt_text(3);
  p.list_price = r.opt_int(4);
  p.unit_cost = r.opt_int(5);
  return p;
}

Params product_params(const model::Product& p) { return Params(p.sku, p.name, p.category, p.list_price, p.unit_cost); }

}  // namespace

std::optional<model::Product> ProductRepo::by_sku(std::string_view sku) {
  Result r = db_.exec(std::string(kSelect) + " WHERE sku = $1", Params(sku));
  if (r.rows() == 0) return std::nullopt;
  return read_product(r.row(0));
}

std::optional<model::Product> ProductRepo::by_id(std::int64_t id) {
  Result r = db_.exec(std::string(kSelect) + " WHERE id = $1", Params(id));
  if (r.rows() == 0) return std::nullopt;
  return read_product(r.row(0));
}

std::int64_t ProductRepo::insert(const model::Product& p) {
  return db_.write()
      .insert(tables::products, "id, sku, name, category, list_price, unit_cost",
              "{id}, $1, $2, $3, $4::bigint, $5::bigint", product_params(p))
      .id;
}

void ProductRepo::update(const model::Product& p) {
  auto before = by_id(p.id);
  Params params = product_params(p);
  params.add(p.id);
  auto& w = db_.write();
  w.update(tables::products, "sku = $1, name = $2, category = $3, list_price = $4::bigint, unit_cost = $5::bigint",
           "id = $6", params);
  // A new category changes the favourite categories of everyone who bought the product.
  if (before && before->category != p.category) {
    Result r = db_.exec(
        "SELECT DISTINCT o.customer_id FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.product_id = $1",
        Params(p.id));
    for (int i = 0; i < r.rows(); ++i) w.touch(r.row(i).int64(0), Change::kTouchOrders);
  }
}

void ProductRepo::list(const ProductFilter& f, const std::function<void(const model::Product&)>& each) {
  std::string sql = std::string(kSelect) +
                    " WHERE ($1::text IS NULL OR lower(category) = lower($1::text))"
                    " AND ($2::text IS NULL OR strpos(kunde_fold(sku || ' ' || name), kunde_fold($2::text)) > 0)"
                    // Skus of 1 to 18 digits first, in numeric order ("007" before "10"), then the rest.
                    " ORDER BY sku !~ '^[0-9]{1,18}$', CASE WHEN sku ~ '^[0-9]{1,18}$' THEN sku::bigint ELSE 0 END, sku";
  db_.stream(sql, Params(f.category, f.search), [&](const Row& r) { each(read_product(r)); });
}

ProductSales ProductRepo::sales(std::int64_t id) {
  Result r = db_.exec(
      "SELECT count(DISTINCT o.customer_id), count(DISTINCT o.id), coalesce(sum(l.quantity), 0), "
      "coalesce(sum(l.amount), 0), coalesce(sum(l.cost), 0), coalesce(sum(l.amount) FILTER (WHERE l.cost IS NULL), 0) "
      "FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.product_id = $1 AND o.status <> 'cancelled'",
      Params(id));
  ProductSales s;
  if (r.rows()) {
    auto row = r.row(0);
    s.customers = row.int64(0);
    s.orders = row.int64(1);
    s.quantity = row.number(2);
    s.revenue = row.int64(3);
    s.cost = row.int64(4);
    s.uncosted = row.int64(5);
  }
  return s;
}

}  // namespace kunde::store::pg
