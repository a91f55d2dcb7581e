// Write transactions recorded as history entries.
#include "store/pg/change.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "clock.hpp"
#include "error.hpp"
#include "store/pg/derived.hpp"

namespace kunde::store::pg {

namespace tables {
const TableInfo customers{"customers", "id", "{}.id",
                          Change::kTouchOrders | Change::kTouchContacts | Change::kTouchSearch};
const TableInfo customer_tags{"customer_tags", "customer_id,tag", "{}.customer_id", 0};
const TableInfo customer_aliases{"customer_aliases", "number", "{}.customer_id", 0};
const TableInfo products{"products", "id", "", 0};
const TableInfo orders{"orders", "id", "{}.customer_id", Change::kTouchOrders};
const TableInfo order_lines{"order_lines", "order_id,line", "(SELECT customer_id FROM orders WHERE id = {}.order_id)",
                            Change::kTouchOrders};
const TableInfo payments{"payments", "id", "{}.customer_id", Change::kTouchPayments};
const TableInfo contacts{"contacts", "id", "{}.customer_id", Change::kTouchContacts, true};
const TableInfo segments{"segments", "id", "", 0};
const TableInfo segment_members{"segment_members", "segment_id,customer_id", "{}.customer_id", 0};

const TableInfo* find(std::string_view name) {
  for (const TableInfo* t : {&customers, &customer_tags, &customer_aliases, &products, &orders, &order_lines,
                             &payments, &contacts, &segments, &segment_members}) {
    if (name == t->name) return t;
  }
  return nullptr;
}
}  // namespace tables

namespace {

// The customer expression of a table for the row alias `alias`, or NULL.
std::string customer_of(const TableInfo& t, std::string_view alias) {
  if (!*t.customer) return "NULL::bigint";
  return fmt::format(fmt::runtime(t.customer), alias);
}

std::vector<std::string> split_keys(const char* keys) {
  std::vector<std::string> out;
  std::string_view s(keys);
  while (!s.empty()) {
    auto comma = s.find(',');
    out.emplace_back(s.substr(0, comma));
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  return out;
}

std::string key_join(const TableInfo& t, std::string_view a, std::string_view b) {
  std::string out;
  for (const auto& k : split_keys(t.keys)) {
    if (!out.empty()) out += " AND ";
    out += fmt::format("{0}.{2} = {1}.{2}", a, b, k);
  }
  return out;
}

void parse_ids(std::string_view csv, const std::function<void(std::int64_t)>& each) {
  while (!csv.empty()) {
    auto comma = csv.find(',');
    auto part = csv.substr(0, comma);
    std::int64_t v = 0;
    std::from_chars(part.data(), part.data() + part.size(), v);
    each(v);
    if (comma == std::string_view::npos) break;
    csv.remove_prefix(comma + 1);
  }
}

const char* kIdTable[kNewRowKinds] = {"customers", "orders", "payments", "contacts", "products"};

// The next id of a table: the largest so far plus one; for customers, past the highest ever
// given out too (meta 'customer_id_high'), so an erased customer's id is never given again.
std::string next_id_sql(std::string_view table) {
  if (table == "customers") {
    return "(SELECT greatest(coalesce(max(id), 0), coalesce((SELECT value::bigint FROM meta WHERE key = "
           "'customer_id_high'), 0)) + 1 FROM customers)";
  }
  return fmt::format("(SELECT coalesce(max(id), 0) + 1 FROM {})", table);
}

}  // namespace

Change::Change(Connection& db, std::string command, bool record)
    : db_(db), command_(std::move(command)), tx_(db, Transaction::Kind::write), record_(record) {
  if (db_.change()) throw StoreError("a write inside another write", "this is a bug in kunde");
  db_.set_change(this);
  customers_max_ = db_.scalar("SELECT coalesce(max(id), 0) FROM customers");
}

Change::~Change() {
  if (db_.change() == this) db_.set_change(nullptr);
}

std::int64_t Change::entry() {
  if (!entry_) {
    entry_ = db_.scalar(
        "INSERT INTO history(id, at, command, summary) VALUES ((SELECT coalesce(max(id), 0) + 1 FROM history), $1, $2, '') "
        "RETURNING id",
        Params(now_local(), command_));
  }
  return entry_;
}

Change::Outcome Change::run(const TableInfo& t, const std::string& sql, const Params& params) {
  Result r = db_.exec(sql, params);
  Outcome out;
  if (r.rows() == 0) return out;
  auto row = r.row(0);
  out.matched = row.int64(0);
  out.changed = row.int64(1);
  if (record_) recorded_ += out.changed;
  if (t.touch && !row.is_null(2)) parse_ids(row.text_view(2), [&](std::int64_t id) { touch(id, t.touch); });
  if (t.contact && !row.is_null(3)) parse_ids(row.text_view(3), [&](std::int64_t id) { touch_contact(id); });
  if (row.columns() > 4 && !row.is_null(4)) out.id = row.int64(4);
  return out;
}

Change::Outcome Change::insert(const TableInfo& t, std::string_view columns, std::string_view values,
                               const Params& params, std::string_view tail) {
  std::string vals(values);
  if (auto at = vals.find("{id}"); at != std::string::npos) {
    vals.replace(at, 4, next_id_sql(t.name));
  }
  return insert_body(t, fmt::format("({}) VALUES ({}) {}", columns, vals, tail), params);
}

Change::Outcome Change::insert_select(const TableInfo& t, std::string_view query, const Params& params) {
  return insert_body(t, std::string(query), params);
}

Change::Outcome Change::insert_body(const TableInfo& t, std::string body, const Params& params) {
  Params p = params;
  std::string h = fmt::format("${}::bigint", p.size() + 1);
  p.add(record_ ? std::optional<std::int64_t>(entry()) : std::nullopt);
  std::string sql = fmt::format(
      "WITH n AS (INSERT INTO {0} {1} RETURNING *), "
      "r AS (INSERT INTO history_rows(history_id, tbl, op, new, new_customer) "
      "SELECT {2}, '{0}', 'I', to_jsonb(n), {3} FROM n WHERE {2} IS NOT NULL RETURNING 1) "
      "SELECT count(*), count(*), string_agg(DISTINCT ({3})::text, ','), {4}, {5} FROM n",
      t.name, body, h, customer_of(t, "n"), t.contact ? "string_agg(n.id::text, ',')" : "NULL",
      std::string_view(t.keys) == "id" ? "min(n.id)" : "NULL");
  return run(t, sql, p);
}

Change::Outcome Change::update(const TableInfo& t, std::string_view set, std::string_view where, const Params& params) {
  Params p = params;
  std::string h = fmt::format("${}::bigint", p.size() + 1);
  p.add(record_ ? std::optional<std::int64_t>(entry()) : std::nullopt);
  std::string keys;
  for (const auto& k : split_keys(t.keys)) keys += (keys.empty() ? "" : ",") + k;
  std::string sql = fmt::format(
      "WITH o AS (SELECT * FROM {0} WHERE {2}), "
      "n AS (UPDATE {0} x SET {1} FROM o WHERE {3} RETURNING x.*), "
      "d AS (SELECT {5} AS oc, {6} AS nc, {7} AS k, f.old, f.new FROM o JOIN n ON {8} "
      "CROSS JOIN LATERAL kunde_diff(to_jsonb(o), to_jsonb(n), '{{{9}}}') f WHERE f.new IS NOT NULL), "
      "r AS (INSERT INTO history_rows(history_id, tbl, op, old, new, old_customer, new_customer) "
      "SELECT {4}, '{0}', 'U', d.old, d.new, d.oc, d.nc FROM d WHERE {4} IS NOT NULL RETURNING 1) "
      "SELECT (SELECT count(*) FROM n), (SELECT count(*) FROM d), "
      "(SELECT string_agg(DISTINCT c::text, ',') FROM (SELECT oc FROM d UNION SELECT nc FROM d) u(c)), "
      "(SELECT string_agg(k::text, ',') FROM d)",
      t.name, set, where, key_join(t, "x", "o"), h, customer_of(t, "o"), customer_of(t, "n"),
      t.contact ? "n.id" : "NULL::bigint", key_join(t, "o", "n"), keys);
  return run(t, sql, p);
}

Change::Outcome Change::remove(const TableInfo& t, std::string_view where, const Params& params) {
  Params p = params;
  std::string h = fmt::format("${}::bigint", p.size() + 1);
  p.add(record_ ? std::optional<std::int64_t>(entry()) : std::nullopt);
  std::string sql = fmt::format(
      "WITH o AS (DELETE FROM {0} WHERE {1} RETURNING *), "
      "r AS (INSERT INTO history_rows(history_id, tbl, op, old, old_customer) "
      "SELECT {2}, '{0}', 'D', to_jsonb(o), {3} FROM o WHERE {2} IS NOT NULL RETURNING 1) "
      "SELECT count(*), count(*), string_agg(DISTINCT ({3})::text, ','), {4} FROM o",
      t.name, where, h, customer_of(t, "o"), t.contact ? "string_agg(o.id::text, ',')" : "NULL");
  return run(t, sql, p);
}

void Change::touch(std::int64_t customer_id, unsigned what) {
  for (std::size_t i = 0; i < 4; ++i) {
    if (!(what & (1u << i))) continue;
    auto& v = touched_[i];
    if (!v.empty() && v.back() == customer_id) continue;
    v.push_back(customer_id);
  }
}

void Change::touch_contact(std::int64_t contact_id) { touched_[4].push_back(contact_id); }

std::int64_t Change::next_id(NewRow table) {
  auto& next = next_ids_[static_cast<std::size_t>(table)];
  if (!next) {
    next = db_.scalar("SELECT " + next_id_sql(kIdTable[static_cast<std::size_t>(table)]));
    auto& first = first_ids_[static_cast<std::size_t>(table)];
    if (!first) first = next;
  }
  return next;
}

Change::NumberCache& Change::numbers() {
  if (!numbers_) {
    numbers_.emplace();
    // A customer's own number goes before another's alias, as id_by_number's query orders them.
    db_.stream("SELECT number, id FROM customers WHERE number IS NOT NULL", {}, [&](const Row& r) {
      numbers_->ids[r.text(0)] = r.int64(1);
      numbers_->numbers[r.int64(1)] = r.text(0);
    });
    db_.stream("SELECT number, customer_id FROM customer_aliases", {},
               [&](const Row& r) { numbers_->ids.emplace(r.text(0), r.int64(1)); });
  }
  return *numbers_;
}

std::optional<std::optional<std::int64_t>> Change::bulk_customer_by_number(std::string_view number) {
  if (!bulk_) return std::nullopt;
  auto& cache = numbers();
  auto it = cache.ids.find(std::string(number));
  if (it == cache.ids.end()) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(it->second);
}

OrderReadAhead& Change::order_read_ahead() {
  // The first id this write hands out: the orders below it were there before.
  if (!order_read_ahead_) {
    next_id(NewRow::orders);
    order_read_ahead_.emplace(db_, first_ids_[static_cast<std::size_t>(NewRow::orders)]);
  }
  return *order_read_ahead_;
}

bool Change::bulk_number_taken(const std::string& number) {
  auto& cache = numbers();
  auto it = cache.ids.find(number);
  if (it == cache.ids.end()) return false;
  auto own = cache.numbers.find(it->second);
  return own != cache.numbers.end() && own->second == number;
}

void Change::bulk_customer_number(std::int64_t id, const std::optional<std::string>& number) {
  if (!numbers_) return;
  if (auto old = numbers_->numbers.find(id); old != numbers_->numbers.end()) {
    if (auto it = numbers_->ids.find(old->second); it != numbers_->ids.end() && it->second == id) numbers_->ids.erase(it);
    numbers_->numbers.erase(old);
  }
  if (number) {
    numbers_->ids[*number] = id;
    numbers_->numbers[id] = *number;
  }
}

void Change::used_id(NewRow table, std::int64_t id) {
  auto& next = next_ids_[static_cast<std::size_t>(table)];
  if (next && id >= next) next = id + 1;
}

void Change::prepare_new_rows() {
  for (const KeyRange& r : inserted_.ranges(NewRow::customers)) defer_search(db_, SearchTable::customers, r.lo, r.hi);
  for (const KeyRange& r : inserted_.ranges(NewRow::contacts)) defer_search(db_, SearchTable::contacts, r.lo, r.hi);
}

std::int64_t Change::commit(std::string_view summary, const std::function<void(std::int64_t)>& before_commit) {
  db_.flush();
  prepare_new_rows();
  pg::refresh_derived(db_, touched_, bulk_);
  bool needed = !record_ || recorded_ > 0 || !inserted_.empty();
  if (needed) {
    entry();
    std::int64_t bytes = 0;
    if (record_) {
      inserted_.save(db_, entry_);
      bytes = recorded_ + 16 * static_cast<std::int64_t>(inserted_.range_count());
    }
    db_.exec("UPDATE history SET summary = $1, bytes = $2 WHERE id = $3", Params(summary, bytes, entry_));
  } else if (entry_) {
    db_.exec("DELETE FROM history WHERE id = $1", Params(entry_));
    entry_ = 0;
  }
  // The highest customers were removed (erased, merged, undone): meta remembers how high ids
  // went, so theirs are not given again.
  if (db_.scalar("SELECT coalesce(max(id), 0) FROM customers") < customers_max_) {
    db_.exec(
        "INSERT INTO meta(key, value) VALUES ('customer_id_high', $1) ON CONFLICT (key) DO UPDATE SET value = "
        "greatest(meta.value::bigint, excluded.value::bigint)::text",
        Params(std::to_string(customers_max_)));
  }
  if (before_commit) before_commit(entry_);
  db_.set_change(nullptr);
  tx_.commit();
  done_ = true;
  return entry_;
}

void Change::rollback() {
  for (auto& v : touched_) v.clear();
  db_.set_change(nullptr);
  tx_.rollback();
  done_ = true;
}

void refresh_derived(Connection& db, std::array<std::vector<std::int64_t>, 5>& touched, bool defer) {
  for (auto& v : touched) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  }
  // Customers whose payments alone changed get their order figures recomputed only when the
  // paid amount leaves something owing.
  std::vector<std::int64_t> payments_only;
  std::set_difference(touched[3].begin(), touched[3].end(), touched[0].begin(), touched[0].end(),
                      std::back_inserter(payments_only));
  for (std::int64_t id : refresh_paid(db, payments_only)) touched[0].push_back(id);
  std::sort(touched[0].begin(), touched[0].end());
  touched[0].erase(std::unique(touched[0].begin(), touched[0].end()), touched[0].end());
  refresh_order_stats(db, touched[0]);
  refresh_contact_stats(db, touched[1]);
  if (defer) {
    defer_keys(db, SearchTable::customers, touched[2]);
    defer_keys(db, SearchTable::contacts, touched[4]);
  } else {
    refresh_search(db, SearchTable::customers, touched[2]);
    refresh_search(db, SearchTable::contacts, touched[4]);
  }
  for (auto& v : touched) v.clear();
}

void rebuild_derived(Connection& db) {
  std::array<std::vector<std::int64_t>, 5> all;
  db.stream("SELECT id FROM customers ORDER BY id", {}, [&](const Row& r) { all[0].push_back(r.int64(0)); });
  all[1] = all[0];
  all[2] = all[0];
  db.stream("SELECT id FROM contacts ORDER BY id", {}, [&](const Row& r) { all[4].push_back(r.int64(0)); });
  db.run("DELETE FROM customer_search; DELETE FROM contact_search; DELETE FROM search_pending; "
         "DELETE FROM customer_order_stats; DELETE FROM customer_contact_stats");
  refresh_derived(db, all, false);
}

}  // namespace kunde::store::pg
