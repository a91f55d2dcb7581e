// Write transactions recorded as history entries.
#include "store/sqlite/change.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "error.hpp"
#include "store/sqlite/changeset_io.hpp"
#include "clock.hpp"
#include "store/sqlite/derived.hpp"
#include "store/sqlite/schema.hpp"
#include "store/sqlite/search.hpp"

namespace kunde::store::sqlite {
namespace {

// The temporary lists of touched keys, in the order of Change::touched_: customers for
// orders, contacts, search and payments (the kTouch* bits), then contacts for search.
constexpr const char* kTouchedLists[] = {"touched_orders", "touched_contacts", "touched_search", "touched_payments",
                                         "touched_contact_search"};

static_assert(std::size(kTouchedLists) == Change::kCustomerListCount + 1);

// The highest customer id present, and the highest ever given out as meta remembers it.
std::pair<std::int64_t, std::int64_t> customer_ids(Database& db) {
  auto& st = db.prepare(
      "SELECT coalesce((SELECT max(id) FROM customers), 0), "
      "coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'customer_id_high'), 0)");
  st.step();
  std::pair<std::int64_t, std::int64_t> ids{st.get_int(0), st.get_int(1)};
  st.reset();
  return ids;
}

void clear_touched(Database& db) {
  for (const char* t : kTouchedLists) db.exec(fmt::format("DELETE FROM temp.{}", t));
}

// Derived and bookkeeping tables are rebuilt, not undone, so history leaves them out.
int track_table(void*, const char* name) {
  static constexpr const char* kSkip[] = {"history",          "history_changes", "customer_order_stats",
                                          "order_facts",      "customer_contact_stats", "customer_scores", "customer_offers", "customer_search",
                                          "contact_search",   "search_pending",  "meta",
                                          "segment_matches",  "segment_refreshes", "segment_history", "erased_keys"};
  for (const char* s : kSkip) {
    if (std::strncmp(name, s, std::strlen(s)) == 0) return 0;
  }
  return 1;
}

}  // namespace

Change::ForeignKeysOff::ForeignKeysOff(Database& db, bool off) : db_(db), off_(off) {
  if (off_) db_.exec("PRAGMA foreign_keys = OFF");
}

Change::ForeignKeysOff::~ForeignKeysOff() {
  if (!off_) return;
  try {
    db_.exec("PRAGMA foreign_keys = ON");
  } catch (...) {
    // A destructor must not throw; the connection ends with the command anyway.
  }
}

Change::Change(Database& db, std::string command, bool record, References references)
    : db_(db),
      command_(std::move(command)),
      foreign_keys_(db, references == References::writer),
      tx_(db, Transaction::Kind::write),
      record_(record) {
  install_touch_triggers(db_);
  clear_touched(db_);
  auto ids = customer_ids(db_);
  customers_max_ = ids.first;
  db_.set_customer_id_floor(ids.second > ids.first ? ids.second : 0);
  if (record_) start_session();
}

Change::~Change() {
  if (session_) sqlite3session_delete(session_);
}

void Change::start_session() {
  int rc = sqlite3session_create(db_.handle(), "main", &session_);
  if (rc != SQLITE_OK) db_.fail(rc, "starting the history record");
  sqlite3session_table_filter(session_, track_table, nullptr);
  rc = sqlite3session_attach(session_, nullptr);
  if (rc != SQLITE_OK) db_.fail(rc, "starting the history record");
}

void Change::ensure_entry() {
  if (entry_) return;
  db_.prepare("INSERT INTO history(at, command, summary) VALUES (?, ?, '')").bind(1, now_local()).bind(2, command_).run();
  entry_ = db_.last_insert_rowid();
}

void Change::flush_segment() {
  ensure_entry();
  ChunkWriter writer(db_, entry_, segments_++);
  int rc = sqlite3session_changeset_strm(session_, ChunkWriter::output, &writer);
  if (rc != SQLITE_OK) db_.fail(rc, "recording the change in history");
  writer.flush();
  bytes_ += writer.bytes();
  sqlite3session_delete(session_);
  session_ = nullptr;
}

void Change::checkpoint() {
  if (!session_ || sqlite3session_memory_used(session_) < segment_bytes_) return;
  flush_segment();
  start_session();
#ifdef __GLIBC__
  // The session's many small blocks, now freed, sit between longer-lived page-cache blocks;
  // glibc keeps such holes resident unless asked to give them back.
  malloc_trim(0);
#endif
}

void Change::begin_bulk() {
  if (bulk_) return;
  bulk_ = true;
  drop_touch_triggers(db_);
}

void Change::touch(std::int64_t customer_id, unsigned what) {
  for (std::size_t i = 0; i < kCustomerListCount; ++i) {
    if (!(what & (1u << i))) continue;
    auto& v = touched_[i];
    // Rows of one customer usually come together; the list is sorted and stored in batches.
    if (!v.empty() && v.back() == customer_id) continue;
    v.push_back(customer_id);
    if (v.size() >= 65536) flush_touched();
  }
}

void Change::touch_contact(std::int64_t contact_id) {
  auto& v = touched_[kCustomerListCount];
  v.push_back(contact_id);
  if (v.size() >= 65536) flush_touched();
}

void Change::flush_touched() {
  for (std::size_t i = 0; i < touched_.size(); ++i) {
    auto& v = touched_[i];
    if (v.empty()) continue;
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    auto& st = db_.prepare(fmt::format("INSERT OR IGNORE INTO temp.{} VALUES (?)", kTouchedLists[i]));
    for (std::int64_t id : v) st.bind(1, id).run();
    v.clear();
    v.shrink_to_fit();
  }
}

namespace {

// Keeps the session from recording for one scope, whatever way the scope is left.
class SessionPause {
 public:
  explicit SessionPause(sqlite3_session* session) : session_(session) {
    if (session_) sqlite3session_enable(session_, 0);
  }
  ~SessionPause() {
    if (session_) sqlite3session_enable(session_, 1);
  }
  SessionPause(const SessionPause&) = delete;
  SessionPause& operator=(const SessionPause&) = delete;

 private:
  sqlite3_session* session_;
};

}  // namespace

std::int64_t Change::insert_new(NewRow table, const std::function<std::int64_t()>& insert, std::size_t rows) {
  std::int64_t key = 0;
  {
    SessionPause pause(session_);
    key = insert();
  }
  if (key > 0) {  // 0: nothing was inserted
    for (std::int64_t k = key; k < key + static_cast<std::int64_t>(rows); ++k) {
      inserted_.add(table, k);
      if (bulk_) deferred_.inserted(db_, table, k);
    }
  }
  return key;
}

void Change::insert_into_new(const std::function<void()>& insert) {
  SessionPause pause(session_);
  insert();
}

std::int64_t Change::commit(std::string_view summary,
                            const std::function<void(std::int64_t)>& before_commit) {
  deferred_.restore(db_);
  flush_touched();
  prepare_new_rows();
  if (bulk_) defer_touched_search(db_);
  refresh_derived(db_);
  if (bulk_) install_touch_triggers(db_);
  bool pending = session_ && !sqlite3session_isempty(session_);
  bool inserted = record_ && !inserted_.empty();
  if (!record_ || pending || segments_ > 0 || inserted) {
    if (pending) flush_segment();
    ensure_entry();
    if (inserted) {
      inserted_.save(db_, entry_);
      // bytes > 0 marks an entry that can be undone; a range counts as its two keys.
      bytes_ += static_cast<std::int64_t>(16 * inserted_.range_count());
    }
    db_.prepare("UPDATE history SET summary = ?, bytes = ? WHERE id = ?").bind(1, summary).bind(2, bytes_).bind(3, entry_).run();
  }
  if (session_) {
    sqlite3session_delete(session_);
    session_ = nullptr;
  }
  // The highest customers were removed (forgotten, merged, undone): meta remembers how high
  // ids went, so theirs are not given again (Database::set_customer_id_floor).
  if (auto ids = customer_ids(db_); ids.first < customers_max_ && ids.second < customers_max_) {
    db_.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('customer_id_high', ?)")
        .bind(1, std::to_string(customers_max_))
        .run();
  }
  db_.set_customer_id_floor(0);
  if (before_commit) before_commit(entry_);
  tx_.commit();
  return entry_;
}

void Change::prepare_new_rows() {
  // A new customer has no statistics rows until it has orders, payments or contacts (the
  // writes that add them touch it); its search entry is made with the next search.
  for (const KeyRange& r : inserted_.ranges(NewRow::customers)) defer_search(db_, SearchTable::customers, r.lo, r.hi);
  for (const KeyRange& r : inserted_.ranges(NewRow::contacts)) defer_search(db_, SearchTable::contacts, r.lo, r.hi);
}

void Change::rollback() {
  for (auto& v : touched_) v.clear();
  if (session_) {
    sqlite3session_delete(session_);
    session_ = nullptr;
  }
  tx_.rollback();
}

void refresh_derived(Database& db) {
  // Each refresh streams the rows of the keys listed, in one pass however many there are.
  // Customers whose payments alone changed get their order figures recomputed only when
  // the paid amount leaves something owing (the refresh lists them in touched_orders).
  refresh_paid(db, "temp.touched_payments", "temp.touched_orders");
  refresh_order_stats(db, "temp.touched_orders");
  refresh_contact_stats(db, "temp.touched_contacts");
  refresh_search(db, "temp.touched_search");
  refresh_contact_search(db, "temp.touched_contact_search");
  clear_touched(db);
}

void rebuild_derived(Database& db) {
  install_touch_triggers(db);
  for (const char* t : {"touched_orders", "touched_contacts", "touched_search"}) {
    db.exec(std::string("INSERT OR IGNORE INTO temp.") + t + " SELECT id FROM customers");
  }
  db.exec("INSERT OR IGNORE INTO temp.touched_contact_search SELECT id FROM contacts");
  db.exec("DELETE FROM customer_search");
  db.exec("DELETE FROM contact_search");
  db.exec("DELETE FROM search_pending");
  db.exec("DELETE FROM customer_order_stats");
  db.exec("DELETE FROM order_facts");
  db.exec("DELETE FROM customer_contact_stats");
  refresh_derived(db);
}

}  // namespace kunde::store::sqlite
