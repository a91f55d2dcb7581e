// Rows a bulk write inserted, by key range.
#include "store/pg/inserted_rows.hpp"

#include <algorithm>

#include "store/pg/change.hpp"

namespace kunde::store::pg {
namespace {

constexpr std::string_view kNames[kNewRowKinds] = {"customers", "orders", "payments", "contacts", "products"};

struct RangeDelete {
  NewRow table;
  const TableInfo* info;
  const char* where;
};
const RangeDelete kDeletes[] = {
    {NewRow::orders, &tables::order_lines, "order_id BETWEEN $1 AND $2"},
    {NewRow::orders, &tables::orders, "id BETWEEN $1 AND $2"},
    {NewRow::payments, &tables::payments, "id BETWEEN $1 AND $2"},
    {NewRow::contacts, &tables::contacts, "id BETWEEN $1 AND $2"},
    {NewRow::customers, &tables::customer_tags, "customer_id BETWEEN $1 AND $2"},
    {NewRow::customers, &tables::customer_aliases, "customer_id BETWEEN $1 AND $2"},
    {NewRow::customers, &tables::segment_members, "customer_id BETWEEN $1 AND $2"},
    {NewRow::customers, &tables::customers, "id BETWEEN $1 AND $2"},
    {NewRow::products, &tables::products, "id BETWEEN $1 AND $2"},
};

struct RangeReference {
  NewRow from, to;
  const char* sql;
};
constexpr RangeReference kReferences[] = {
    {NewRow::orders, NewRow::customers,
     "SELECT 1 FROM orders WHERE id BETWEEN $1 AND $2 AND customer_id BETWEEN $3 AND $4 LIMIT 1"},
    {NewRow::payments, NewRow::customers,
     "SELECT 1 FROM payments WHERE id BETWEEN $1 AND $2 AND customer_id BETWEEN $3 AND $4 LIMIT 1"},
    {NewRow::contacts, NewRow::customers,
     "SELECT 1 FROM contacts WHERE id BETWEEN $1 AND $2 AND customer_id BETWEEN $3 AND $4 LIMIT 1"},
    {NewRow::orders, NewRow::products,
     "SELECT 1 FROM order_lines WHERE order_id BETWEEN $1 AND $2 AND product_id BETWEEN $3 AND $4 LIMIT 1"},
};

}  // namespace

void InsertedRows::add(NewRow table, std::int64_t key) {
  auto& v = ranges_[static_cast<std::size_t>(table)];
  if (!v.empty() && v.back().hi + 1 == key) {
    v.back().hi = key;
  } else {
    v.push_back({key, key});
  }
}

bool InsertedRows::empty() const {
  return std::all_of(ranges_.begin(), ranges_.end(), [](const auto& v) { return v.empty(); });
}

std::size_t InsertedRows::range_count() const {
  std::size_t n = 0;
  for (const auto& v : ranges_) n += v.size();
  return n;
}

bool InsertedRows::contains(NewRow table, std::int64_t key) const {
  const auto& v = ranges(table);
  return std::any_of(v.begin(), v.end(), [key](const KeyRange& r) { return r.contains(key); });
}

bool InsertedRows::overlaps(const InsertedRows& other) const {
  for (std::size_t t = 0; t < kNewRowKinds; ++t) {
    for (const auto& a : ranges_[t]) {
      for (const auto& b : other.ranges_[t]) {
        if (a.lo <= b.hi && b.lo <= a.hi) return true;
      }
    }
  }
  return false;
}

std::string_view InsertedRows::table_name(NewRow table) { return kNames[static_cast<std::size_t>(table)]; }

std::optional<NewRow> InsertedRows::from_table_name(std::string_view name) {
  for (std::size_t i = 0; i < kNewRowKinds; ++i)
    if (kNames[i] == name) return static_cast<NewRow>(i);
  return std::nullopt;
}

void InsertedRows::save(Connection& db, std::int64_t history_id) const {
  for (std::size_t t = 0; t < kNewRowKinds; ++t) {
    for (const auto& r : ranges_[t]) {
      db.exec("INSERT INTO history_inserts(history_id, tbl, lo, hi) VALUES ($1, $2, $3, $4)",
              Params(history_id, kNames[t], r.lo, r.hi));
    }
  }
}

InsertedRows InsertedRows::load(Connection& db, std::int64_t history_id) {
  InsertedRows out;
  Result r = db.exec("SELECT tbl, lo, hi FROM history_inserts WHERE history_id = $1 ORDER BY tbl, lo", Params(history_id));
  for (int i = 0; i < r.rows(); ++i) {
    auto row = r.row(i);
    if (auto t = from_table_name(row.text_view(0))) {
      out.ranges_[static_cast<std::size_t>(*t)].push_back({row.int64(1), row.int64(2)});
    }
  }
  return out;
}

void InsertedRows::delete_rows(Change& change) const {
  for (const auto& d : kDeletes) {
    for (const auto& r : ranges(d.table)) change.remove(*d.info, d.where, Params(r.lo, r.hi));
  }
}

const std::vector<KeyColumn>& key_columns() {
  static const std::vector<KeyColumn> columns = {
      {"customers", "id", NewRow::customers, true},
      {"customer_tags", "customer_id", NewRow::customers, false},
      {"customer_aliases", "customer_id", NewRow::customers, false},
      {"orders", "customer_id", NewRow::customers, false},
      {"payments", "customer_id", NewRow::customers, false},
      {"contacts", "customer_id", NewRow::customers, false},
      {"segment_members", "customer_id", NewRow::customers, false},
      {"orders", "id", NewRow::orders, true},
      {"order_lines", "order_id", NewRow::orders, false},
      {"payments", "id", NewRow::payments, true},
      {"contacts", "id", NewRow::contacts, true},
      {"products", "id", NewRow::products, true},
      {"order_lines", "product_id", NewRow::products, false},
  };
  return columns;
}

bool ranges_refer_to(Connection& db, const InsertedRows& later, const InsertedRows& target) {
  for (const auto& ref : kReferences) {
    for (const auto& a : later.ranges(ref.from)) {
      for (const auto& b : target.ranges(ref.to)) {
        if (db.exec(ref.sql, Params(a.lo, a.hi, b.lo, b.hi)).rows() > 0) return true;
      }
    }
  }
  return false;
}

}  // namespace kunde::store::pg
