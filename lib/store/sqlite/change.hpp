// The engine under every SQLite write: one transaction and one history entry. A Change
// records the rows it alters with SQLite's session extension, refreshes the derived data of
// the customers it touched, and stores the changeset so that `kunde undo` can revert it.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "store/sqlite/database.hpp"
#include "store/sqlite/deferred_indexes.hpp"
#include "store/sqlite/inserted_rows.hpp"

struct sqlite3_session;

namespace kunde::store::sqlite {

class Change {
 public:
  // Who vouches for the rows a change refers to. `writer`: the writer looks up or creates,
  // in the change's own transaction, every row it refers to (an import resolves each
  // customer, product and order before it writes a row), so SQLite's per-row foreign key
  // checks are off while the change runs: they were a fifth of an order import. `kunde
  // doctor` checks every reference. Inside an open transaction SQLite ignores the switch,
  // and the checks stay on.
  enum class References { enforced, writer };
  // `command` is what history shows; `record` false makes an entry without a changeset
  // (erasure must not keep a copy of what it erased).
  Change(Database& db, std::string command, bool record = true, References references = References::enforced);
  ~Change();
  Change(const Change&) = delete;
  Change& operator=(const Change&) = delete;

  // Refreshes derived data, stores the history entry and commits. Returns the new history id,
  // or 0 when nothing changed (no entry is written then).
  // `before_commit` runs with the new entry's id (0 if none) inside the transaction.
  std::int64_t commit(std::string_view summary,
                      const std::function<void(std::int64_t)>& before_commit = {});
  // For long writes: when the rows recorded so far take much memory, stores them as a
  // segment of the history entry and starts recording afresh. Cheap to call often.
  void checkpoint();
  // How much memory the session may use before checkpoint() writes a segment
  // (budget::kChangesetSegmentBytes unless set).
  void set_segment_bytes(std::int64_t bytes) { segment_bytes_ = bytes; }
  // Rolls everything back: what --dry-run does after the work.
  void rollback();

  // Bulk writes (imports). Temporary triggers normally note which customers a write touched;
  // firing them for every row of a large import costs more than the rows themselves, and
  // makes SQLite journal each statement. After begin_bulk() the triggers are off until the
  // change ends, and the writer lists the customers it touches with touch(). Search entries
  // of the rows it touched are left for the next search to make (search.hpp).
  void begin_bulk();
  // What a touched customer needs refreshed: a bitwise or of the kTouch* values.
  // kTouchPayments: only the customer's payments changed, so the paid amount and balance
  // are recomputed and the order figures are kept unless the balance stays positive.
  static constexpr unsigned kTouchOrders = 1, kTouchContacts = 2, kTouchSearch = 4, kTouchPayments = 8;
  void touch(std::int64_t customer_id, unsigned what);
  // A contact whose search entry needs refreshing.
  void touch_contact(std::int64_t contact_id);
  // Inserts a new row without recording it in the changeset, and notes the key `insert`
  // returns (see inserted_rows.hpp); undo deletes the row and its children by key. A new
  // customer has no statistics rows until rows of its own come; new customers and contacts
  // get their search entries with the next search (search.hpp). Touch a new customer only
  // for rows of its own that this change adds. `rows` > 1: `insert` inserts that many rows
  // with consecutive keys and returns the first.
  std::int64_t insert_new(NewRow table, const std::function<std::int64_t()>& insert, std::size_t rows = 1);
  // Lets a bulk write that inserts at least as many rows into `table` as it held build the
  // table's secondary indexes once at the end (deferred_indexes.hpp); a read that needs them
  // builds them first (Database::need_indexes).
  void defer_indexes(NewRow table) { deferred_.allow(table); }
  // Inserts children of a row insert_new created in this change (the lines of a new order),
  // unrecorded: undo deletes them with their parent.
  void insert_into_new(const std::function<void()>& insert);
  Database& db() { return db_; }
  static constexpr std::size_t kCustomerListCount = 4;

 private:
  // SQLite's foreign key enforcement off for the change's life; it can only be switched
  // outside a transaction, so this comes before tx_.
  class ForeignKeysOff {
   public:
    ForeignKeysOff(Database& db, bool off);
    ~ForeignKeysOff();
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

   private:
    Database& db_;
    bool off_;
  };

  Database& db_;
  std::string command_;
  ForeignKeysOff foreign_keys_;
  Transaction tx_;
  void start_session();
  void ensure_entry();
  void flush_segment();
  void flush_touched();
  void prepare_new_rows();

  sqlite3_session* session_ = nullptr;
  bool record_;
  std::int64_t entry_ = 0;   // the history row, once one is needed
  int segments_ = 0;
  std::int64_t segment_bytes_ = budget::kChangesetSegmentBytes;
  std::int64_t bytes_ = 0;
  InsertedRows inserted_;
  DeferredIndexes deferred_;
  // Registers deferred_ with the connection for the change's life.
  class DeferredRegistration {
   public:
    DeferredRegistration(Database& db, DeferredIndexes& d) : db_(db) { db_.set_deferred(&d); }
    ~DeferredRegistration() { db_.set_deferred(nullptr); }
    DeferredRegistration(const DeferredRegistration&) = delete;
    DeferredRegistration& operator=(const DeferredRegistration&) = delete;

   private:
    Database& db_;
  };
  DeferredRegistration deferred_registration_{db_, deferred_};
  bool bulk_ = false;
  std::int64_t customers_max_ = 0;  // the highest customer id when the change began
  // Customers for orders, contacts, search and payments (the kTouch* bits), then contacts
  // for search.
  std::array<std::vector<std::int64_t>, kCustomerListCount + 1> touched_;
};

// Recomputes statistics and search entries for the customers listed in temp.touched_orders,
// touched_payments, touched_contacts and touched_search, and the contacts in touched_contact_search (by the
// temporary triggers, or by Change::touch).
void refresh_derived(Database& db);

// Recomputes the derived data of every customer (kunde doctor --fix, migrations).
void rebuild_derived(Database& db);

}  // namespace kunde::store::sqlite
