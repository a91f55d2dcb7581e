// History listing, undo and erasure scrubbing. Undo applies an entry's row images in
// reverse: a new row is deleted if it is still as the entry left it, a deleted row is put
// back if its key is free, changed columns get their old values back if they still hold the
// new ones. Anything else is a conflict, and the later entry that caused it is named, as on
// SQLite. Foreign keys are checked when everything is applied.
#include "store/pg/history.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "error.hpp"
#include "store/pg/change.hpp"
#include "store/pg/inserted_rows.hpp"

namespace kunde::store::pg {
namespace {

using json = nlohmann::json;

constexpr const char* kEntryColumns = "id, at, command, summary, undoes, undone_by, bytes";

HistoryEntry read_entry(const Row& r) {
  HistoryEntry e;
  e.id = r.int64(0);
  e.at = r.text(1);
  e.command = r.text(2);
  e.summary = r.text(3);
  e.undoes = r.opt_int(4);
  e.undone_by = r.opt_int(5);
  e.undoable = r.int64(6) > 0;
  return e;
}

std::vector<std::string> key_names(const TableInfo& t) {
  std::vector<std::string> out;
  std::string_view s(t.keys);
  while (!s.empty()) {
    auto comma = s.find(',');
    out.emplace_back(s.substr(0, comma));
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  return out;
}

bool text_key(const std::string& name) { return name == "tag" || name == "number"; }

std::string value_text(const json& v) {
  if (v.is_null()) return "NULL";
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

// One row an image touches, by table and key values.
struct RowKey {
  std::string table;
  std::vector<std::string> pk;
  bool operator<(const RowKey& o) const { return std::tie(table, pk) < std::tie(o.table, o.pk); }
  bool operator==(const RowKey& o) const { return table == o.table && pk == o.pk; }
};

struct Image {
  std::string table, op;
  json old, now;
};

RowKey row_key(const Image& im) {
  RowKey key{im.table, {}};
  const TableInfo* t = tables::find(im.table);
  if (!t) return key;
  const json& source = im.op == "I" ? im.now : im.old;
  for (const auto& k : key_names(*t)) key.pk.push_back(source.contains(k) ? value_text(source[k]) : "NULL");
  return key;
}

// Each image of entry `id`, in the order recorded (or the reverse); stops when `visit` says.
void for_each_image(Connection& db, std::int64_t id, bool reverse, const std::function<bool(const Image&)>& visit) {
  bool stop = false;
  db.stream(fmt::format("SELECT tbl, op, old::text, new::text FROM history_rows WHERE history_id = $1 ORDER BY seq {}",
                        reverse ? "DESC" : "ASC"),
            Params(id), [&](const Row& r) {
              if (stop) return;
              Image im{r.text(0), r.text(1), r.is_null(2) ? json() : json::parse(r.text_view(2)),
                       r.is_null(3) ? json() : json::parse(r.text_view(3))};
              stop = visit(im);
            });
}

std::vector<HistoryEntry> later_entries(Connection& db, std::int64_t id) {
  std::vector<HistoryEntry> out;
  Result r = db.exec(fmt::format("SELECT {} FROM history WHERE id > $1 AND undone_by IS NULL AND bytes > 0 ORDER BY id",
                                 kEntryColumns),
                     Params(id));
  for (int i = 0; i < r.rows(); ++i) out.push_back(read_entry(r.row(i)));
  return out;
}

std::optional<std::int64_t> integer(const json& image, const std::string& column) {
  if (!image.is_object() || !image.contains(column)) return std::nullopt;
  const json& v = image[column];
  if (!v.is_number_integer()) return std::nullopt;
  return v.get<std::int64_t>();
}

struct Blocker {
  HistoryEntry entry;
  std::string what;
};

std::optional<Blocker> find_range_blocker(Connection& db, const HistoryEntry& target, const InsertedRows& rows) {
  for (const auto& later : later_entries(db, target.id)) {
    if (later.undoes) continue;
    InsertedRows later_rows = InsertedRows::load(db, later.id);
    if (later_rows.overlaps(rows)) return Blocker{later, "was given keys of rows it created"};
    if (ranges_refer_to(db, later_rows, rows)) return Blocker{later, "refers to rows it created"};
    bool hit = false, own_hit = false;
    for_each_image(db, later.id, false, [&](const Image& im) {
      for (const auto& kc : key_columns()) {
        if (im.table != kc.table) continue;
        if (im.op != "D") {
          if (auto key = integer(im.now, kc.name); key && rows.contains(kc.refers_to, *key)) hit = true, own_hit = kc.own;
        }
        if (kc.own && im.op != "I") {
          if (auto key = integer(im.old, kc.name); key && rows.contains(kc.refers_to, *key)) hit = true, own_hit = true;
        }
        if (hit) break;
      }
      return hit;
    });
    if (hit) return Blocker{later, own_hit ? "changed rows it created" : "refers to rows it created"};
  }
  return std::nullopt;
}

struct ConflictInfo {
  bool foreign_key = false;
  std::optional<RowKey> row;
};

// Columns that refer to another table: a later row pointing at a row the undone entry
// created blocks the undo.
struct ForeignRef {
  const char* table;
  const char* column;
  const char* target;
};
constexpr ForeignRef kForeignRefs[] = {
    {"customer_tags", "customer_id", "customers"}, {"customer_aliases", "customer_id", "customers"},
    {"orders", "customer_id", "customers"},        {"payments", "customer_id", "customers"},
    {"contacts", "customer_id", "customers"},      {"order_lines", "order_id", "orders"},
    {"order_lines", "product_id", "products"},
};

bool inserted_by(const InsertedRows& rows, const RowKey& row) {
  if (row.pk.empty()) return false;
  for (const auto& kc : key_columns()) {
    if (row.table != kc.table) continue;
    const TableInfo* t = tables::find(row.table);
    if (!t || key_names(*t).front() != kc.name) continue;
    try {
      return rows.contains(kc.refers_to, std::stoll(row.pk[0]));
    } catch (...) {
      return false;
    }
  }
  return false;
}

std::optional<HistoryEntry> find_blocker(Connection& db, const HistoryEntry& target, const ConflictInfo& info) {
  std::set<RowKey> created;
  InsertedRows created_by_range;
  if (info.foreign_key) {
    std::map<NewRow, std::vector<std::int64_t>> keys;
    for_each_image(db, target.id, false, [&](const Image& im) {
      if (im.op == "I") {
        RowKey k = row_key(im);
        created.insert(k);
        if (auto t = InsertedRows::from_table_name(k.table); t && !k.pk.empty()) {
          try {
            keys[*t].push_back(std::stoll(k.pk[0]));
          } catch (...) {
          }
        }
      }
      return false;
    });
    for (auto& [t, v] : keys) {
      std::sort(v.begin(), v.end());
      for (std::int64_t k : v) created_by_range.add(t, k);
    }
  }
  for (const auto& later : later_entries(db, target.id)) {
    InsertedRows later_rows = InsertedRows::load(db, later.id);
    if (info.row && inserted_by(later_rows, *info.row)) return later;
    if (info.foreign_key && ranges_refer_to(db, later_rows, created_by_range)) return later;
    bool hit = false;
    for_each_image(db, later.id, false, [&](const Image& im) {
      if (info.row) {
        hit = row_key(im) == *info.row;
        return hit;
      }
      if (im.op == "D") return false;
      for (const auto& ref : kForeignRefs) {
        if (im.table != ref.table || !im.now.contains(ref.column)) continue;
        if (created.count(RowKey{ref.target, {value_text(im.now[ref.column])}})) hit = true;
      }
      return hit;
    });
    if (hit) return later;
  }
  return std::nullopt;
}

std::string describe(const RowKey& row) {
  std::string what = row.table;
  if (what.size() > 1 && what.back() == 's') what.pop_back();
  return fmt::format("{} {}", what, fmt::join(row.pk, "/"));
}

// The WHERE clause and parameters that select the row an image is about.
std::string key_where(const TableInfo& t, const json& source, Params& params) {
  std::string where;
  for (const auto& k : key_names(t)) {
    params.add(value_text(source[k]));
    if (!where.empty()) where += " AND ";
    where += fmt::format("{} = ${}::{}", k, params.size(), text_key(k) ? "text" : "bigint");
  }
  return where;
}

// Reverts one image; false when the row is not as the image left it.
bool revert(Change& change, Connection& db, const Image& im) {
  const TableInfo* t = tables::find(im.table);
  if (!t) throw StoreError(fmt::format("history names an unknown table {}", im.table), "run 'kunde doctor'");
  if (im.op == "I") {
    Params p;
    std::string where = key_where(*t, im.now, p);
    p.add(im.now.dump());
    Result r = db.exec(fmt::format("SELECT to_jsonb(x) = ${}::jsonb FROM {} x WHERE {}", p.size(), t->name, where), p);
    if (r.rows() == 0 || !r.row(0).boolean(0)) return false;
    Params k;
    change.remove(*t, key_where(*t, im.now, k), k);
    return true;
  }
  if (im.op == "D") {
    Params p;
    std::string where = key_where(*t, im.old, p);
    if (db.exec(fmt::format("SELECT 1 FROM {} WHERE {}", t->name, where), p).rows() > 0) return false;
    change.insert_select(*t, fmt::format("SELECT * FROM jsonb_populate_record(NULL::{}, $1::jsonb)", t->name),
                         Params(im.old.dump()));
    return true;
  }
  // An update: the columns it changed must still hold their new values.
  Params p;
  std::string where = key_where(*t, im.old, p);
  p.add(im.now.dump());
  Result r = db.exec(fmt::format("SELECT (SELECT bool_and(to_jsonb(x) -> e.key = e.value) FROM jsonb_each(${}::jsonb) e) "
                                 "FROM {} x WHERE {}",
                                 p.size(), t->name, where),
                     p);
  if (r.rows() == 0 || !r.row(0).boolean(0)) return false;
  std::vector<std::string> columns;
  for (auto it = im.now.begin(); it != im.now.end(); ++it) columns.push_back(it.key());
  Params u(im.old.dump());
  std::string uw = key_where(*t, im.old, u);
  std::string cols = fmt::format("{}", fmt::join(columns, ", "));
  change.update(*t, fmt::format("({0}) = (SELECT {0} FROM jsonb_populate_record(NULL::{1}, $1::jsonb))", cols, t->name),
                uw, u);
  return true;
}

}  // namespace

std::vector<HistoryEntry> list_history(Connection& db, std::int64_t limit) {
  std::vector<HistoryEntry> out;
  Result r = db.exec(fmt::format("SELECT * FROM (SELECT {} FROM history ORDER BY id DESC LIMIT $1) h ORDER BY id",
                                 kEntryColumns),
                     Params(limit));
  for (int i = 0; i < r.rows(); ++i) out.push_back(read_entry(r.row(i)));
  return out;
}

std::optional<HistoryEntry> find_history(Connection& db, std::int64_t id) {
  Result r = db.exec(fmt::format("SELECT {} FROM history WHERE id = $1", kEntryColumns), Params(id));
  if (r.rows() == 0) return std::nullopt;
  return read_entry(r.row(0));
}

UndoResult undo(Connection& db, std::optional<std::int64_t> id, const std::string& command) {
  Change change(db, command);
  HistoryEntry target;
  if (id) {
    auto found = find_history(db, *id);
    if (!found) throw Error(fmt::format("there is no history entry {}", *id), "'kunde history' lists them");
    target = *found;
    if (target.undone_by) {
      throw Error(fmt::format("entry {} was already undone by entry {}", target.id, *target.undone_by),
                  fmt::format("'kunde undo {}' redoes it", *target.undone_by));
    }
    if (!target.undoable) {
      throw Error(fmt::format("entry {} ({}) cannot be undone", target.id, target.command),
                  kNoUndoRecordHint);
    }
  } else {
    Result r = db.exec(fmt::format("SELECT {} FROM history WHERE undone_by IS NULL AND undoes IS NULL AND bytes > 0 "
                                   "ORDER BY id DESC LIMIT 1",
                                   kEntryColumns));
    if (r.rows() == 0) throw Error("there is nothing to undo", "'kunde history' lists what was done");
    target = read_entry(r.row(0));
  }

  InsertedRows inserted = InsertedRows::load(db, target.id);
  if (!inserted.empty()) {
    if (auto blocker = find_range_blocker(db, target, inserted)) {
      throw Error(fmt::format("cannot undo entry {} ({}): entry {} ({}) {}", target.id, target.command,
                              blocker->entry.id, blocker->entry.command, blocker->what),
                  fmt::format("undo entry {} first, or leave entry {} as it is", blocker->entry.id, target.id));
    }
  }
  ConflictInfo info;
  try {
    db.run("SET CONSTRAINTS ALL DEFERRED");
    for_each_image(db, target.id, true, [&](const Image& im) {
      try {
        if (!revert(change, db, im)) info.row = row_key(im);
      } catch (const SqlError& e) {
        if (e.state() != "23505") throw;
        info.row = row_key(im);  // the key or number it would take back is taken
      }
      return info.row.has_value();
    });
    if (!info.row) {
      change.forget_ids();
      inserted.delete_rows(change);
      db.run("SET CONSTRAINTS ALL IMMEDIATE");
    }
  } catch (const SqlError& e) {
    if (e.state() != "23503") throw;
    info.foreign_key = true;
  }
  if (info.row || info.foreign_key) {
    change.rollback();
    auto blocker = find_blocker(db, target, info);
    std::string what = info.row ? describe(*info.row) : std::string("rows it created");
    if (blocker) {
      std::string did = info.row ? fmt::format("changed {} later", what) : "refers to rows it created";
      throw Error(fmt::format("cannot undo entry {} ({}): entry {} ({}) {}", target.id, target.command, blocker->id,
                              blocker->command, did),
                  fmt::format("undo entry {} first, or leave entry {} as it is", blocker->id, target.id));
    }
    throw Error(fmt::format("cannot undo entry {} ({}): {} changed since", target.id, target.command, what),
                "later changes are in the way; 'kunde history' lists them");
  }
  if (target.undoes) {
    db.exec("UPDATE history SET undone_by = NULL WHERE id = $1", Params(*target.undoes));
  }
  std::int64_t new_id = change.commit(fmt::format("undid entry {}", target.id), [&](std::int64_t entry) {
    db.exec("UPDATE history SET undoes = $1 WHERE id = $2", Params(target.id, entry));
    db.exec("UPDATE history SET undone_by = $1 WHERE id = $2", Params(entry, target.id));
  });
  return UndoResult{target, new_id};
}

void scrub_history_for_customer(Connection& db, std::int64_t customer_id) {
  Result r = db.exec(
      "SELECT DISTINCT h.id, h.command FROM history h JOIN history_rows r ON r.history_id = h.id "
      "WHERE r.old_customer = $1 OR r.new_customer = $1 OR (r.tbl = 'order_lines' AND "
      "coalesce(r.old ->> 'order_id', r.new ->> 'order_id')::bigint IN (SELECT id FROM orders WHERE customer_id = $1)) "
      "ORDER BY h.id",
      Params(customer_id));
  for (int i = 0; i < r.rows(); ++i) {
    auto row = r.row(i);
    std::int64_t entry = row.int64(0);
    // The command line and the summary may name the person ("paid 250.00 by K-7, reference
    // INV-88"): of the command only its first two words are kept, of the summary nothing.
    std::string command = row.text(1);
    if (auto first = command.find(' '); first != std::string::npos) {
      if (auto second = command.find(' ', first + 1); second != std::string::npos) command.resize(second);
    }
    db.exec("DELETE FROM history_rows WHERE history_id = $1", Params(entry));
    db.exec("DELETE FROM history_inserts WHERE history_id = $1", Params(entry));
    db.exec("UPDATE history SET bytes = 0, summary = 'scrubbed by an erasure', command = $1 WHERE id = $2",
            Params(command, entry));
  }
}

nlohmann::ordered_json history_of_customer(Connection& db, std::int64_t customer_id) {
  using json = nlohmann::ordered_json;
  json out = json::array();
  std::int64_t current = 0;
  db.stream(
      // The columns of each image in the table's order, as SQLite's changesets list them.
      "SELECT h.id, h.at, h.command, h.summary, r.tbl, r.op, "
      "(SELECT json_object_agg(a.attname, r.old -> a.attname ORDER BY a.attnum) FROM pg_attribute a "
      "WHERE a.attrelid = r.tbl::regclass AND a.attnum > 0 AND NOT a.attisdropped AND r.old ? a.attname)::text, "
      "(SELECT json_object_agg(a.attname, r.new -> a.attname ORDER BY a.attnum) FROM pg_attribute a "
      "WHERE a.attrelid = r.tbl::regclass AND a.attnum > 0 AND NOT a.attisdropped AND r.new ? a.attname)::text "
      "FROM history_rows r "
      "JOIN history h ON h.id = r.history_id WHERE r.old_customer = $1 OR r.new_customer = $1 OR (r.tbl = "
      "'order_lines' AND coalesce(r.old ->> 'order_id', r.new ->> 'order_id')::bigint IN (SELECT id FROM orders "
      "WHERE customer_id = $1)) ORDER BY r.history_id, r.seq",
      Params(customer_id), [&](const Row& row) {
        std::int64_t entry = row.int64(0);
        if (entry != current) {
          json j = json::object();
          j["entry"] = entry;
          j["at"] = row.text(1);
          j["command"] = row.text(2);
          j["summary"] = row.text(3);
          j["changes"] = json::array();
          out.push_back(std::move(j));
          current = entry;
        }
        std::string op = row.text(5);
        json change = json::object();
        change["table"] = row.text(4);
        change["change"] = op == "I" ? "added" : op == "D" ? "removed" : "changed";
        if (!row.is_null(6)) change["before"] = json::parse(row.text_view(6), nullptr, false);
        if (!row.is_null(7)) change["after"] = json::parse(row.text_view(7), nullptr, false);
        out.back()["changes"].push_back(std::move(change));
      });
  // Rows a bulk write added are recorded by key range only: the entry is named, the rows
  // themselves are in the rest of the export.
  Result r = db.exec(R"sql(
SELECT DISTINCT h.id, h.at, h.command, h.summary, i.tbl FROM history_inserts i JOIN history h ON h.id = i.history_id
WHERE (i.tbl = 'customers' AND $1 BETWEEN i.lo AND i.hi)
   OR (i.tbl = 'orders' AND EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = $1 AND o.id BETWEEN i.lo AND i.hi))
   OR (i.tbl = 'payments' AND EXISTS (SELECT 1 FROM payments p WHERE p.customer_id = $1 AND p.id BETWEEN i.lo AND i.hi))
   OR (i.tbl = 'contacts' AND EXISTS (SELECT 1 FROM contacts c WHERE c.customer_id = $1 AND c.id BETWEEN i.lo AND i.hi))
ORDER BY h.id, i.tbl)sql",
                     Params(customer_id));
  for (int i = 0; i < r.rows(); ++i) {
    auto row = r.row(i);
    json j = json::object();
    j["entry"] = row.int64(0);
    j["at"] = row.text(1);
    j["command"] = row.text(2);
    j["summary"] = row.text(3);
    j["added"] = row.text(4);
    out.push_back(std::move(j));
  }
  std::stable_sort(out.begin(), out.end(), [](const json& a, const json& b) {
    return a["entry"].get<std::int64_t>() < b["entry"].get<std::int64_t>();
  });
  return out;
}

}  // namespace kunde::store::pg
