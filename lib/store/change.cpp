// Write transactions recorded as history entries.
#include "store/change.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <cstring>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "error.hpp"
#include "store/changeset_io.hpp"
#include "clock.hpp"
#include "store/derived.hpp"

namespace kunde::store {
namespace {

// Derived and bookkeeping tables are rebuilt, not undone, so history leaves them out.
int track_table(void*, const char* name) {
  static constexpr const char* kSkip[] = {"history", "history_changes", "customer_order_stats",
                                          "customer_contact_stats", "customer_search", "meta"};
  for (const char* s : kSkip) {
    if (std::strncmp(name, s, std::strlen(s)) == 0) return 0;
  }
  return 1;
}

}  // namespace

Change::Change(Database& db, std::string command, bool record)
    : db_(db), command_(std::move(command)), tx_(db, Transaction::Kind::write), record_(record) {
  db_.exec("DELETE FROM temp.touched_orders; DELETE FROM temp.touched_contacts; DELETE FROM temp.touched_search");
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

std::int64_t Change::commit(std::string_view summary,
                            const std::function<void(std::int64_t)>& before_commit) {
  refresh_derived(db_);
  bool pending = session_ && !sqlite3session_isempty(session_);
  if (!record_ || pending || segments_ > 0) {
    if (pending) flush_segment();
    ensure_entry();
    db_.prepare("UPDATE history SET summary = ?, bytes = ? WHERE id = ?").bind(1, summary).bind(2, bytes_).bind(3, entry_).run();
  }
  if (session_) {
    sqlite3session_delete(session_);
    session_ = nullptr;
  }
  if (before_commit) before_commit(entry_);
  tx_.commit();
  return entry_;
}

void Change::rollback() {
  if (session_) {
    sqlite3session_delete(session_);
    session_ = nullptr;
  }
  tx_.rollback();
}

namespace {

// Feeds the customers listed in `touched` to `refresh` through temp.refresh_batch, 2,000 at
// a time, so the sorts behind the statistics stay small whatever the size of the write.
void refresh_in_batches(Database& db, const std::string& touched, void (*refresh)(Database&)) {
  while (true) {
    db.exec("DELETE FROM temp.refresh_batch");
    db.exec("INSERT INTO temp.refresh_batch SELECT customer_id FROM temp." + touched + " ORDER BY customer_id LIMIT 2000");
    if (db.changes() == 0) break;
    db.exec("DELETE FROM temp." + touched + " WHERE customer_id IN (SELECT customer_id FROM temp.refresh_batch)");
    refresh(db);
  }
}

}  // namespace

void refresh_derived(Database& db) {
  db.exec("CREATE TEMP TABLE IF NOT EXISTS refresh_batch (customer_id INTEGER PRIMARY KEY)");
  refresh_in_batches(db, "touched_orders", refresh_order_stats);
  refresh_in_batches(db, "touched_contacts", refresh_contact_stats);
  refresh_in_batches(db, "touched_search", refresh_search);
}

void rebuild_derived(Database& db) {
  for (const char* t : {"touched_orders", "touched_contacts", "touched_search"}) {
    db.exec(std::string("INSERT OR IGNORE INTO temp.") + t + " SELECT id FROM customers");
  }
  db.exec("DELETE FROM customer_search");
  db.exec("DELETE FROM customer_order_stats");
  db.exec("DELETE FROM customer_contact_stats");
  refresh_derived(db);
}

}  // namespace kunde::store
