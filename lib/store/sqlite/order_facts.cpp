#include "store/sqlite/order_facts.hpp"

#include <sqlite3.h>

#include <fmt/format.h>

#include "error.hpp"

namespace kunde::store::sqlite {
namespace {

bool pending(Database& db) {
  auto& st = db.prepare("SELECT EXISTS (SELECT 1 FROM order_facts_pending)");
  bool any = st.step() && st.get_int(0) != 0;
  st.reset();
  return any;
}

// Restores the connection's busy timeout when it ends.
class NoWaiting {
 public:
  explicit NoWaiting(Database& db) : db_(db) { sqlite3_busy_timeout(db_.handle(), 0); }
  ~NoWaiting() { sqlite3_busy_timeout(db_.handle(), Database::kBusyTimeoutMs); }
  NoWaiting(const NoWaiting&) = delete;
  NoWaiting& operator=(const NoWaiting&) = delete;

 private:
  Database& db_;
};

}  // namespace

void order_facts_changed(Database& db, std::string_view customers) {
  db.exec(fmt::format("INSERT OR IGNORE INTO order_facts_pending SELECT customer_id FROM {}", customers));
}

void order_facts_changed(Database& db, std::int64_t customer_id) {
  db.prepare("INSERT OR IGNORE INTO order_facts_pending VALUES (?)").bind(1, customer_id).run();
}

void apply_pending_order_facts(Database& db) {
  // Deleting by customer also takes the rows of orders deleted or moved to another customer
  // (both customers were listed) and of customers deleted since.
  db.exec("DELETE FROM order_facts WHERE customer_id IN (SELECT customer_id FROM order_facts_pending)");
  // The customer index gives the orders in key order: no sort, and rows go in at the end.
  db.exec("INSERT INTO order_facts(customer_id, ordered_at, order_id, channel, lines, amount, cost, amount_with_cost, "
          "returns) "
          "SELECT o.customer_id, o.ordered_at, o.id, o.channel, count(*), sum(l.amount), coalesce(sum(l.cost), 0), "
          "coalesce(sum(CASE WHEN l.cost IS NOT NULL THEN l.amount END), 0), coalesce(sum(min(l.amount, 0)), 0) "
          "FROM order_facts_pending p CROSS JOIN orders o INDEXED BY orders_customer ON o.customer_id = p.customer_id "
          "CROSS JOIN order_lines l ON l.order_id = o.id WHERE o.status <> 'cancelled' "
          "GROUP BY o.customer_id, o.ordered_at, o.id");
  db.exec("DELETE FROM order_facts_pending");
}

bool update_order_facts(Database& db) {
  if (!pending(db)) return true;
  switch (sqlite3_txn_state(db.handle(), "main")) {
    case SQLITE_TXN_WRITE: {
      Transaction tx(db, Transaction::Kind::write);
      apply_pending_order_facts(db);
      tx.commit();
      return true;
    }
    case SQLITE_TXN_READ:
      // A snapshot being read: turning it into a write fails once another kunde has written
      // since, and would hold the write lock until the reader ends.
      return false;
    default:
      break;
  }
  if (sqlite3_db_readonly(db.handle(), "main") == 1) return false;
  // Another kunde writing is not waited for: the report sums the lines itself this time.
  try {
    NoWaiting no_waiting(db);
    Transaction tx(db, Transaction::Kind::write);
    apply_pending_order_facts(db);
    tx.commit();
    return true;
  } catch (const StoreError&) {
    return false;
  }
}

}  // namespace kunde::store::sqlite
