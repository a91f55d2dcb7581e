// History listing, undo and erasure scrubbing.
#include "store/sqlite/history.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <cstring>
#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string_view>

#include "error.hpp"
#include "model/contact.hpp"
#include "store/sqlite/change.hpp"
#include "store/sqlite/changeset_io.hpp"
#include "store/sqlite/inserted_rows.hpp"
#include "store/sqlite/schema.hpp"

namespace kunde::store::sqlite {
namespace {

HistoryEntry read_entry(const Statement& st) {
  HistoryEntry e;
  e.id = st.get_int(0);
  e.at = st.get_text(1);
  e.command = st.get_text(2);
  e.summary = st.get_text(3);
  e.undoes = st.get_opt_int(4);
  e.undone_by = st.get_opt_int(5);
  e.undoable = st.get_int(6) > 0;
  return e;
}

constexpr const char* kEntryColumns = "id, at, command, summary, undoes, undone_by, bytes";

std::string value_text(sqlite3_value* v) {
  if (!v || sqlite3_value_type(v) == SQLITE_NULL) return "NULL";
  const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(v));
  return p ? std::string(p, sqlite3_value_bytes(v)) : std::string();
}

// One row a changeset touches, by table and primary key values.
struct RowKey {
  std::string table;
  std::vector<std::string> pk;
  bool operator<(const RowKey& o) const { return std::tie(table, pk) < std::tie(o.table, o.pk); }
};

RowKey row_key(sqlite3_changeset_iter* it) {
  const char* table = nullptr;
  int ncol = 0, op = 0, indirect = 0;
  sqlite3changeset_op(it, &table, &ncol, &op, &indirect);
  unsigned char* pk = nullptr;
  int npk = 0;
  sqlite3changeset_pk(it, &pk, &npk);
  RowKey key{table, {}};
  for (int i = 0; i < ncol; ++i) {
    if (!pk[i]) continue;
    sqlite3_value* v = nullptr;
    if (op == SQLITE_INSERT) {
      sqlite3changeset_new(it, i, &v);
    } else {
      sqlite3changeset_old(it, i, &v);
    }
    key.pk.push_back(value_text(v));
  }
  return key;
}

// Calls `visit` for every change recorded in entry `id`; stops early when it returns true.
void for_each_change(Database& db, std::int64_t id,
                     const std::function<bool(sqlite3_changeset_iter*)>& visit) {
  for (int segment : history_segments(db, id)) {
    ChunkReader reader(db, id, segment);
    sqlite3_changeset_iter* it = nullptr;
    if (sqlite3changeset_start_strm(&it, ChunkReader::input, &reader) != SQLITE_OK) {
      db.fail(SQLITE_CORRUPT, "reading history");
    }
    bool stop = false;
    while (!stop && sqlite3changeset_next(it) == SQLITE_ROW) stop = visit(it);
    sqlite3changeset_finalize(it);
    if (stop) return;
  }
}

// Columns that refer to another tracked table: a later row pointing at a row the undone
// entry created blocks the undo.
struct ForeignRef {
  const char* table;
  int column;
  const char* target;
};
constexpr ForeignRef kForeignRefs[] = {
    {"customer_tags", 0, "customers"}, {"customer_aliases", 1, "customers"},
    {"orders", 2, "customers"},        {"payments", 2, "customers"},
    {"contacts", 2, "customers"},      {"order_lines", 0, "orders"},
    {"order_lines", 2, "products"},    {"segment_members", 0, "segments"},
    {"segment_members", 1, "customers"},
};

struct ConflictInfo {
  bool foreign_key = false;
  std::optional<RowKey> row;
};

int on_conflict(void* ctx, int kind, sqlite3_changeset_iter* it) {
  auto* info = static_cast<ConflictInfo*>(ctx);
  if (kind == SQLITE_CHANGESET_FOREIGN_KEY) {
    info->foreign_key = true;
  } else if (!info->row) {
    info->row = row_key(it);
  }
  return SQLITE_CHANGESET_ABORT;
}

std::vector<HistoryEntry> later_entries(Database& db, std::int64_t id) {
  std::vector<HistoryEntry> out;
  Statement st(db, fmt::format("SELECT {} FROM history WHERE id > ? AND undone_by IS NULL "
                               "AND bytes > 0 ORDER BY id", kEntryColumns));
  st.bind(1, id);
  while (st.step()) out.push_back(read_entry(st));
  return out;
}

std::int64_t to_key(const std::string& text) {
  try {
    return std::stoll(text);
  } catch (...) {
    return 0;  // not an integer key: no range holds it
  }
}

// Whether `row` is one of the rows `rows` records by range, or the child of one: its first
// key column is a key column (key_columns()) of a table recorded by range.
bool inserted_by(const InsertedRows& rows, const RowKey& row) {
  if (row.pk.empty()) return false;
  for (const auto& kc : key_columns()) {
    if (kc.column == 0 && row.table == kc.table) return rows.contains(kc.refers_to, to_key(row.pk[0]));
  }
  return false;
}

// The integer in a changeset value, if it is one.
std::optional<std::int64_t> integer_value(sqlite3_value* v) {
  if (!v || sqlite3_value_type(v) != SQLITE_INTEGER) return std::nullopt;
  return sqlite3_value_int64(v);
}

// A later entry in the way, and what it did: "changed rows it created", ...
struct Blocker {
  HistoryEntry entry;
  std::string what;
};

// The first later entry that changed, or refers to, a row `rows` records by range: undo
// would delete it from under them.
std::optional<Blocker> find_range_blocker(Database& db, const HistoryEntry& target, const InsertedRows& rows) {
  for (const auto& later : later_entries(db, target.id)) {
    // An undo entry either reverted an entry that is now undone (together they changed
    // nothing) or redid one that is in force again and is looked at itself.
    if (later.undoes) continue;
    InsertedRows later_rows = InsertedRows::load(db, later.id);
    if (later_rows.overlaps(rows)) return Blocker{later, "was given keys of rows it created"};
    if (ranges_refer_to(db, later_rows, rows)) return Blocker{later, "refers to rows it created"};
    bool hit = false, own_hit = false;
    for_each_change(db, later.id, [&](sqlite3_changeset_iter* it) {
      const char* table = nullptr;
      int ncol = 0, op = 0, indirect = 0;
      sqlite3changeset_op(it, &table, &ncol, &op, &indirect);
      for (const auto& kc : key_columns()) {
        if (std::strcmp(table, kc.table) != 0 || kc.column >= ncol) continue;
        // Any change to one of the rows themselves conflicts; a row referring to one of them
        // only when it is written to refer to it (deleting a reference is no obstacle).
        bool own = InsertedRows::table_name(kc.refers_to) == table && kc.column == 0;
        sqlite3_value* v = nullptr;
        if (op != SQLITE_DELETE && sqlite3changeset_new(it, kc.column, &v) == SQLITE_OK) {
          if (auto key = integer_value(v); key && rows.contains(kc.refers_to, *key)) hit = true, own_hit = own;
        }
        v = nullptr;
        if (own && op != SQLITE_INSERT && sqlite3changeset_old(it, kc.column, &v) == SQLITE_OK) {
          if (auto key = integer_value(v); key && rows.contains(kc.refers_to, *key)) hit = true, own_hit = true;
        }
        if (hit) break;
      }
      return hit;
    });
    if (hit) return Blocker{later, own_hit ? "changed rows it created" : "refers to rows it created"};
  }
  return std::nullopt;
}

// The first later entry that changed `row`, or that refers to a row `target` inserted.
std::optional<HistoryEntry> find_blocker(Database& db, const HistoryEntry& target,
                                         const ConflictInfo& info) {
  std::set<RowKey> created;
  if (info.foreign_key) {
    for_each_change(db, target.id, [&](sqlite3_changeset_iter* it) {
      const char* table = nullptr;
      int ncol = 0, op = 0, indirect = 0;
      sqlite3changeset_op(it, &table, &ncol, &op, &indirect);
      if (op == SQLITE_INSERT) created.insert(row_key(it));
      return false;
    });
  }
  InsertedRows created_by_range;  // `created`, as ranges, to compare with later ranges
  {
    std::map<NewRow, std::vector<std::int64_t>> keys;
    for (const auto& row : created) {
      if (auto t = InsertedRows::from_table_name(row.table); t && !row.pk.empty()) keys[*t].push_back(to_key(row.pk[0]));
    }
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
    for_each_change(db, later.id, [&](sqlite3_changeset_iter* it) {
      if (info.row) {
        RowKey key = row_key(it);
        hit = key.table == info.row->table && key.pk == info.row->pk;
        return hit;
      }
      const char* table = nullptr;
      int ncol = 0, op = 0, indirect = 0;
      sqlite3changeset_op(it, &table, &ncol, &op, &indirect);
      for (const auto& ref : kForeignRefs) {
        if (std::strcmp(table, ref.table) != 0 || ref.column >= ncol) continue;
        sqlite3_value* v = nullptr;
        if (op == SQLITE_DELETE) continue;
        sqlite3changeset_new(it, ref.column, &v);
        if (v && created.count(RowKey{ref.target, {value_text(v)}})) hit = true;
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

}  // namespace

std::vector<HistoryEntry> list_history(Database& db, std::int64_t limit) {
  std::vector<HistoryEntry> out;
  auto& st = db.prepare(fmt::format(
      "SELECT * FROM (SELECT {} FROM history ORDER BY id DESC LIMIT ?) ORDER BY id", kEntryColumns));
  st.bind(1, limit);
  while (st.step()) out.push_back(read_entry(st));
  st.reset();
  return out;
}

std::optional<HistoryEntry> find_history(Database& db, std::int64_t id) {
  auto& st = db.prepare(fmt::format("SELECT {} FROM history WHERE id = ?", kEntryColumns));
  st.bind(1, id);
  return st.first([](const Statement& row) { return read_entry(row); });
}

UndoResult undo(Database& db, std::optional<std::int64_t> id, const std::string& command) {
  Change change(db, command);
  HistoryEntry target;
  if (id) {
    auto found = find_history(db, *id);
    if (!found) {
      throw Error(fmt::format("there is no history entry {}", *id), "'kunde history' lists them");
    }
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
    auto& st = db.prepare(fmt::format(
        "SELECT {} FROM history WHERE undone_by IS NULL AND undoes IS NULL AND bytes > 0 "
        "ORDER BY id DESC LIMIT 1", kEntryColumns));
    bool any = st.step();
    if (any) target = read_entry(st);
    st.reset();
    if (!any) throw Error("there is nothing to undo", "'kunde history' lists what was done");
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
  {
    // Segments were recorded one after another, so they are undone newest first.
    auto segments = history_segments(db, target.id);
    int rc = SQLITE_OK;
    for (auto seg = segments.rbegin(); seg != segments.rend() && rc == SQLITE_OK; ++seg) {
      ChunkReader reader(db, target.id, *seg);
      rc = sqlite3changeset_apply_v2_strm(db.handle(), ChunkReader::input, &reader, nullptr, on_conflict, &info,
                                          nullptr, nullptr,
                                          SQLITE_CHANGESETAPPLY_INVERT | SQLITE_CHANGESETAPPLY_NOSAVEPOINT);
      if (rc == SQLITE_OK) change.checkpoint();
    }
    // A foreign-key conflict aborts with SQLITE_CONSTRAINT, not SQLITE_ABORT.
    bool conflict = rc == SQLITE_ABORT || info.row || info.foreign_key;
    if (rc != SQLITE_OK && !conflict) db.fail(rc, "undoing");
    if (conflict) {
      change.rollback();
      auto blocker = find_blocker(db, target, info);
      std::string what = info.row ? describe(*info.row) : std::string("rows it created");
      if (blocker) {
        std::string did = info.row ? fmt::format("changed {} later", what) : "refers to rows it created";
        throw Error(fmt::format("cannot undo entry {} ({}): entry {} ({}) {}",
                                target.id, target.command, blocker->id, blocker->command, did),
                    fmt::format("undo entry {} first, or leave entry {} as it is", blocker->id,
                                target.id));
      }
      throw Error(fmt::format("cannot undo entry {} ({}): {} changed since", target.id,
                              target.command, what),
                  "later changes are in the way; 'kunde history' lists them");
    }
  }
  // After the changeset: it may hold later updates of rows the ranges created.
  inserted.delete_rows(db, [&] { change.checkpoint(); });
  if (target.undoes) {
    // Undoing an undo is a redo: the original entry is in force again.
    db.prepare("UPDATE history SET undone_by = NULL WHERE id = ?").bind(1, *target.undoes).run();
  }
  std::int64_t new_id = change.commit(fmt::format("undid entry {}", target.id), [&](std::int64_t entry) {
    db.prepare("UPDATE history SET undoes = ? WHERE id = ?").bind(1, target.id).bind(2, entry).run();
    db.prepare("UPDATE history SET undone_by = ? WHERE id = ?").bind(1, entry).bind(2, target.id).run();
  });
  return UndoResult{target, new_id};
}

namespace {

// Calls `visit` with every history entry that recorded a change to one of the customer's
// rows (the customer, their tags, aliases, orders and lines, payments, contacts), and each
// such change.
void for_each_change_of_customer(Database& db, std::int64_t customer_id,
                                 const std::function<void(std::int64_t entry, sqlite3_changeset_iter*)>& visit) {
  std::set<std::string> order_ids;
  {
    Statement st(db, "SELECT id FROM orders WHERE customer_id = ?");
    st.bind(1, customer_id);
    while (st.step()) order_ids.insert(st.get_text(0));
  }
  const std::string cid = std::to_string(customer_id);
  std::vector<std::int64_t> entries;
  {
    Statement st(db, "SELECT id FROM history WHERE bytes > 0 ORDER BY id");
    while (st.step()) entries.push_back(st.get_int(0));
  }
  for (std::int64_t entry : entries) {
    for_each_change(db, entry, [&](sqlite3_changeset_iter* it) {
      const char* table = nullptr;
      int ncol = 0, op = 0, indirect = 0;
      sqlite3changeset_op(it, &table, &ncol, &op, &indirect);
      auto column_is = [&](int col, const auto& match) {
        if (col >= ncol) return false;
        sqlite3_value* v = nullptr;
        if (op != SQLITE_DELETE && sqlite3changeset_new(it, col, &v) == SQLITE_OK && v && match(value_text(v)))
          return true;
        v = nullptr;
        return op != SQLITE_INSERT && sqlite3changeset_old(it, col, &v) == SQLITE_OK && v && match(value_text(v));
      };
      auto is_customer = [&](const std::string& s) { return s == cid; };
      auto is_order = [&](const std::string& s) { return order_ids.count(s) > 0; };
      std::string_view t = table;
      bool hit = false;
      if (t == "customers" || t == "customer_tags") hit = column_is(0, is_customer);
      if (t == "customer_aliases" || t == "segment_members") hit = column_is(1, is_customer);
      if (t == "orders" || t == "payments" || t == "contacts") hit = column_is(2, is_customer);
      if (t == "order_lines") hit = column_is(0, is_order);
      if (hit) visit(entry, it);
      return false;
    });
  }
}

nlohmann::ordered_json changeset_value(sqlite3_value* v) {
  if (!v) return nullptr;
  switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER: return sqlite3_value_int64(v);
    case SQLITE_FLOAT: return sqlite3_value_double(v);
    case SQLITE_NULL: return nullptr;
    default: return value_text(v);
  }
}

}  // namespace

void scrub_history_for_customer(Database& db, std::int64_t customer_id) {
  std::set<std::int64_t> hits;
  for_each_change_of_customer(db, customer_id, [&](std::int64_t entry, sqlite3_changeset_iter*) { hits.insert(entry); });
  for (std::int64_t entry : hits) {
    db.prepare("DELETE FROM history_changes WHERE history_id = ?").bind(1, entry).run();
    db.prepare("DELETE FROM history_inserts WHERE history_id = ?").bind(1, entry).run();
    // The command line and the summary may name the person ("paid 250.00 by K-7, reference
    // INV-88"): of the command only its first two words are kept, of the summary nothing.
    db.prepare(
          "UPDATE history SET bytes = 0, summary = 'scrubbed by an erasure', "
          "command = CASE WHEN instr(substr(command, instr(command, ' ') + 1), ' ') > 0 "
          "THEN substr(command, 1, instr(command, ' ') + instr(substr(command, instr(command, ' ') + 1), ' ') - 1) "
          "ELSE command END WHERE id = ?")
        .bind(1, entry)
        .run();
  }
}

nlohmann::ordered_json history_of_customer(Database& db, std::int64_t customer_id) {
  using json = nlohmann::ordered_json;
  json out = json::array();
  std::int64_t current = 0;
  std::map<std::string, std::vector<std::string>> columns;  // by table, from its schema
  auto column_names = [&](const std::string& table) -> const std::vector<std::string>& {
    auto it = columns.find(table);
    if (it != columns.end()) return it->second;
    std::vector<std::string> names;
    Statement st(db, "SELECT name FROM pragma_table_info(?) ORDER BY cid");
    st.bind(1, table);
    while (st.step()) names.push_back(st.get_text(0));
    return columns.emplace(table, std::move(names)).first->second;
  };
  for_each_change_of_customer(db, customer_id, [&](std::int64_t entry, sqlite3_changeset_iter* it) {
    if (entry != current) {
      auto e = find_history(db, entry);
      json j = json::object();
      j["entry"] = entry;
      j["at"] = e ? e->at : "";
      j["command"] = e ? e->command : "";
      j["summary"] = e ? e->summary : "";
      j["changes"] = json::array();
      out.push_back(std::move(j));
      current = entry;
    }
    const char* table = nullptr;
    int ncol = 0, op = 0, indirect = 0;
    sqlite3changeset_op(it, &table, &ncol, &op, &indirect);
    const auto& names = column_names(table);
    json change = json::object();
    change["table"] = table;
    change["change"] = op == SQLITE_INSERT ? "added" : op == SQLITE_DELETE ? "removed" : "changed";
    for (const char* side : {"before", "after"}) {
      bool before = side[0] == 'b';
      if ((before && op == SQLITE_INSERT) || (!before && op == SQLITE_DELETE)) continue;
      json row = json::object();
      for (int i = 0; i < ncol; ++i) {
        sqlite3_value* v = nullptr;
        int rc = before ? sqlite3changeset_old(it, i, &v) : sqlite3changeset_new(it, i, &v);
        // An update records only the columns it changed (and the key).
        if (rc != SQLITE_OK || !v) continue;
        row[i < static_cast<int>(names.size()) ? names[i] : std::to_string(i)] = changeset_value(v);
      }
      change[side] = std::move(row);
    }
    out.back()["changes"].push_back(std::move(change));
  });
  // Rows a bulk write added are recorded by key range only: the entry is named, the rows
  // themselves are in the rest of the export.
  Statement st(db, R"sql(
SELECT DISTINCT h.id, h.at, h.command, h.summary, i.tbl FROM history_inserts i JOIN history h ON h.id = i.history_id
WHERE (i.tbl = 'customers' AND ?1 BETWEEN i.lo AND i.hi)
   OR (i.tbl = 'orders' AND EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = ?1 AND o.id BETWEEN i.lo AND i.hi))
   OR (i.tbl = 'payments' AND EXISTS (SELECT 1 FROM payments p WHERE p.customer_id = ?1 AND p.id BETWEEN i.lo AND i.hi))
   OR (i.tbl = 'contacts' AND EXISTS (SELECT 1 FROM contacts c WHERE c.customer_id = ?1 AND c.id BETWEEN i.lo AND i.hi))
ORDER BY h.id, i.tbl)sql");
  st.bind(1, customer_id);
  while (st.step()) {
    json j = json::object();
    j["entry"] = st.get_int(0);
    j["at"] = st.get_text(1);
    j["command"] = st.get_text(2);
    j["summary"] = st.get_text(3);
    j["added"] = st.get_text(4);
    out.push_back(std::move(j));
  }
  std::stable_sort(out.begin(), out.end(), [](const json& a, const json& b) {
    return a["entry"].get<std::int64_t>() < b["entry"].get<std::int64_t>();
  });
  return out;
}

}  // namespace kunde::store::sqlite
