// Rows a bulk write inserted, by key range.
#include "store/sqlite/inserted_rows.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace kunde::store::sqlite {
namespace {

constexpr std::string_view kNames[kNewRowKinds] = {"customers", "orders", "payments", "contacts", "products"};

// What deleting the rows of a range deletes, children before parents: the statements run in
// this order, each once per range of its table.
struct RangeDelete {
  NewRow table;
  const char* sql;
};
constexpr RangeDelete kDeletes[] = {
    {NewRow::orders, "DELETE FROM order_lines WHERE order_id BETWEEN ?1 AND ?2"},
    {NewRow::orders, "DELETE FROM orders WHERE id BETWEEN ?1 AND ?2"},
    {NewRow::payments, "DELETE FROM payments WHERE id BETWEEN ?1 AND ?2"},
    {NewRow::contacts, "DELETE FROM contacts WHERE id BETWEEN ?1 AND ?2"},
    {NewRow::customers, "DELETE FROM customer_tags WHERE customer_id BETWEEN ?1 AND ?2"},
    {NewRow::customers, "DELETE FROM customer_aliases WHERE customer_id BETWEEN ?1 AND ?2"},
    {NewRow::customers, "DELETE FROM segment_history WHERE customer_id BETWEEN ?1 AND ?2"},
    {NewRow::customers, "DELETE FROM customers WHERE id BETWEEN ?1 AND ?2"},
    {NewRow::products, "DELETE FROM products WHERE id BETWEEN ?1 AND ?2"},
};

// Rows of a range of `from` that refer to a row in a range of `to`.
struct RangeReference {
  NewRow from, to;
  const char* sql;  // ?1..?2: the range of `from`; ?3..?4: the range of `to`
};
constexpr RangeReference kReferences[] = {
    {NewRow::orders, NewRow::customers,
     "SELECT 1 FROM orders WHERE id BETWEEN ?1 AND ?2 AND customer_id BETWEEN ?3 AND ?4 LIMIT 1"},
    {NewRow::payments, NewRow::customers,
     "SELECT 1 FROM payments WHERE id BETWEEN ?1 AND ?2 AND customer_id BETWEEN ?3 AND ?4 LIMIT 1"},
    {NewRow::contacts, NewRow::customers,
     "SELECT 1 FROM contacts WHERE id BETWEEN ?1 AND ?2 AND customer_id BETWEEN ?3 AND ?4 LIMIT 1"},
    {NewRow::orders, NewRow::products,
     "SELECT 1 FROM order_lines WHERE order_id BETWEEN ?1 AND ?2 AND product_id BETWEEN ?3 AND ?4 LIMIT 1"},
};

}  // namespace

void InsertedRows::add(NewRow table, std::int64_t key) {
  auto& v = ranges_[index(table)];
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
  const auto& v = ranges_[index(table)];
  // Ranges are few; most entries have one per table.
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

void InsertedRows::save(Database& db, std::int64_t history_id) const {
  auto& st = db.prepare("INSERT INTO history_inserts(history_id, tbl, lo, hi) VALUES (?, ?, ?, ?)");
  for (std::size_t t = 0; t < kNewRowKinds; ++t) {
    for (const auto& r : ranges_[t]) st.bind(1, history_id).bind(2, kNames[t]).bind(3, r.lo).bind(4, r.hi).run();
  }
}

InsertedRows InsertedRows::load(Database& db, std::int64_t history_id) {
  InsertedRows out;
  Statement st(db, "SELECT tbl, lo, hi FROM history_inserts WHERE history_id = ? ORDER BY tbl, lo");
  st.bind(1, history_id);
  while (st.step()) {
    if (auto t = from_table_name(st.get_text_view(0))) out.ranges_[index(*t)].push_back({st.get_int(1), st.get_int(2)});
  }
  return out;
}

void InsertedRows::delete_rows(Database& db, const std::function<void()>& between) const {
  constexpr std::int64_t kStep = 4096;
  for (const auto& d : kDeletes) {
    auto& st = db.prepare(d.sql);
    for (const auto& r : ranges(d.table)) {
      for (std::int64_t lo = r.lo; lo <= r.hi; lo += kStep) {
        st.bind(1, lo).bind(2, std::min(r.hi, lo + kStep - 1)).run();
        if (between) between();
      }
    }
  }
}

const std::vector<KeyColumn>& key_columns() {
  static const std::vector<KeyColumn> columns = {
      {"customers", 0, "id", NewRow::customers},
      {"customer_tags", 0, "customer_id", NewRow::customers},
      {"customer_aliases", 1, "customer_id", NewRow::customers},
      {"orders", 2, "customer_id", NewRow::customers},
      {"payments", 2, "customer_id", NewRow::customers},
      {"contacts", 2, "customer_id", NewRow::customers},
      {"segment_members", 1, "customer_id", NewRow::customers},
      {"orders", 0, "id", NewRow::orders},
      {"order_lines", 0, "order_id", NewRow::orders},
      {"payments", 0, "id", NewRow::payments},
      {"contacts", 0, "id", NewRow::contacts},
      {"products", 0, "id", NewRow::products},
      {"order_lines", 2, "product_id", NewRow::products},
  };
  return columns;
}

bool ranges_refer_to(Database& db, const InsertedRows& later, const InsertedRows& target) {
  for (const auto& ref : kReferences) {
    if (later.ranges(ref.from).empty() || target.ranges(ref.to).empty()) continue;
    auto& st = db.prepare(ref.sql);
    for (const auto& a : later.ranges(ref.from)) {
      for (const auto& b : target.ranges(ref.to)) {
        st.bind(1, a.lo).bind(2, a.hi).bind(3, b.lo).bind(4, b.hi);
        bool hit = st.step();
        st.reset();
        if (hit) return true;
      }
    }
  }
  return false;
}

}  // namespace kunde::store::sqlite
