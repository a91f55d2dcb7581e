// The engine under every PostgreSQL write: one transaction (holding the store's write lock)
// and one history entry. The repositories change rows through it: each statement records
// the rows it changed in history_rows (the new row of an insert, the old row of a delete,
// the old and new values of what an update changed) in the same round trip, and notes the
// customers whose derived data (statistics, search words) must be refreshed before commit.
// Rows an import adds are recorded by key range instead, as on SQLite (inserted_rows.hpp).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/pg/connection.hpp"
#include "store/pg/inserted_rows.hpp"
#include "store/pg/order_read_ahead.hpp"

namespace kunde::store::pg {

// A table history records, and what a change of one of its rows touches.
struct TableInfo {
  const char* name;
  const char* keys;      // primary key columns, comma-separated
  const char* customer;  // the customer a row belongs to, with {} for the row ("{}.customer_id"); "" for none
  unsigned touch;        // Change::kTouch* bits for that customer
  bool contact = false;  // rows are contacts: their search words need refreshing too
};

namespace tables {
extern const TableInfo customers, customer_tags, customer_aliases, products, orders, order_lines, payments, contacts,
    segments, segment_members;
// The table of that name, or null.
const TableInfo* find(std::string_view name);
}  // namespace tables

class Change {
 public:
  // `command` is what history shows; `record` false makes an entry without row images
  // (erasure must not keep a copy of what it erased).
  Change(Connection& db, std::string command, bool record = true);
  ~Change();
  Change(const Change&) = delete;
  Change& operator=(const Change&) = delete;

  // Refreshes derived data, stores the history entry and commits. The new entry's id, or 0
  // when nothing changed. `before_commit` runs with that id inside the transaction.
  std::int64_t commit(std::string_view summary, const std::function<void(std::int64_t)>& before_commit = {});
  void rollback();

  // What a recorded statement did: rows it matched, rows it changed.
  struct Outcome {
    std::int64_t matched = 0, changed = 0;
    std::int64_t id = 0;  // an insert into a table keyed by id: the (first) new id
  };
  // INSERT INTO t(columns) VALUES (values) [tail], recorded. `values` may use
  // {id} for the next free id of a table keyed by id.
  Outcome insert(const TableInfo& t, std::string_view columns, std::string_view values, const Params& params,
                 std::string_view tail = "");
  // INSERT INTO t `query` (a SELECT giving every column), recorded.
  Outcome insert_select(const TableInfo& t, std::string_view query, const Params& params);
  // UPDATE t SET `set` WHERE `where`, recorded; `set` and `where` name columns unqualified.
  Outcome update(const TableInfo& t, std::string_view set, std::string_view where, const Params& params);
  // DELETE FROM t WHERE `where`, recorded.
  Outcome remove(const TableInfo& t, std::string_view where, const Params& params);

  // What a touched customer needs refreshed (bits as on SQLite).
  static constexpr unsigned kTouchOrders = 1, kTouchContacts = 2, kTouchSearch = 4, kTouchPayments = 8;
  void touch(std::int64_t customer_id, unsigned what);
  void touch_contact(std::int64_t contact_id);

  // Bulk writes (imports): search words of what they touch are left for the next search.
  void begin_bulk() { bulk_ = true; }
  bool bulk() const { return bulk_; }
  // A bulk write's customer numbers (and the old numbers kept as aliases), read at its first
  // lookup and kept current by its own inserts and updates, so that an import resolving a
  // customer on every row makes no round trip for it. The write lock keeps other writers out
  // meanwhile. Null outside a bulk write.
  std::optional<std::optional<std::int64_t>> bulk_customer_by_number(std::string_view number);
  void bulk_customer_number(std::int64_t id, const std::optional<std::string>& number);
  // Whether a customer has `number` as their own (the unique column; aliases aside), from the
  // same cache. Bulk changes only.
  bool bulk_number_taken(const std::string& number);
  // A bulk write's read-ahead of the orders there before it. Bulk changes only.
  OrderReadAhead& order_read_ahead();
  // A row inserted unrecorded, known by its key (with its children: undo deletes them too).
  void inserted(NewRow table, std::int64_t key) { inserted_.add(table, key); }
  // The next free id of a table keyed by id, for rows a bulk write adds: ids it hands out are
  // consecutive, and each must be used (or the cache forgotten).
  std::int64_t next_id(NewRow table);
  void used_id(NewRow table, std::int64_t id);

  // The history entry, made when first needed.
  std::int64_t entry();
  Connection& db() { return db_; }
  // Whether rows were recorded or inserted so far.
  bool changed() const { return recorded_ > 0 || !inserted_.empty(); }
  // Gives up the next-id cache (after rows were put back with their old ids).
  void forget_ids() { next_ids_.fill(0); }

 private:
  Outcome run(const TableInfo& t, const std::string& sql, const Params& params);
  Outcome insert_body(const TableInfo& t, std::string body, const Params& params);
  void refresh_derived();
  void prepare_new_rows();

  Connection& db_;
  std::string command_;
  Transaction tx_;
  bool record_;
  bool bulk_ = false;
  bool done_ = false;
  std::int64_t customers_max_ = 0;  // the highest customer id when the change began
  std::int64_t entry_ = 0;
  std::int64_t recorded_ = 0;
  InsertedRows inserted_;
  std::array<std::int64_t, kNewRowKinds> next_ids_{};
  std::array<std::int64_t, kNewRowKinds> first_ids_{};  // the first id each table was given
  struct NumberCache {
    std::unordered_map<std::string, std::int64_t> ids;      // numbers and aliases
    std::unordered_map<std::int64_t, std::string> numbers;  // each customer's own number
  };
  NumberCache& numbers();
  std::optional<NumberCache> numbers_;
  std::optional<OrderReadAhead> order_read_ahead_;
  // Customers for orders, contacts, search and payments (the kTouch* bits), then contacts
  // for search.
  std::array<std::vector<std::int64_t>, 5> touched_;
};

// Recomputes the derived data of the customers (and contacts, for search) in the lists,
// in the caller's transaction: order lists, contact lists, search lists, payment lists,
// contact search list, as Change keeps them.
void refresh_derived(Connection& db, std::array<std::vector<std::int64_t>, 5>& touched, bool defer_search);

// Recomputes the derived data of every customer (kunde doctor --fix, migrations).
void rebuild_derived(Connection& db);

}  // namespace kunde::store::pg
