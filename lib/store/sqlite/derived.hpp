// Refreshing derived data, inside the caller's transaction. Each refresh replaces the rows of
// exactly the customers (or contacts) it is given.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>

#include "store/sqlite/database.hpp"

namespace kunde::model {
struct Contact;
}

namespace kunde::store::sqlite {

// Statistics and search entries of the customers listed in `customers`, a table with a
// customer_id INTEGER PRIMARY KEY column, and search entries of the contacts listed in
// `contacts` (contact_id). refresh_derived gives the temp.touched_* lists. Each streams the
// rows of the keys in one pass, whatever their number.
void refresh_order_stats(Database& db, std::string_view customers);
// Paid amount and balance of the customers listed in `customers` whose orders did not change
// (those not in `orders`). A customer left owing something needs the order figures to date
// the oldest unpaid invoice: it is added to `orders` for refresh_order_stats instead.
void refresh_paid(Database& db, std::string_view customers, std::string_view orders);
void refresh_contact_stats(Database& db, std::string_view customers);
void refresh_search(Database& db, std::string_view customers);
void refresh_contact_search(Database& db, std::string_view contacts);

// Whether a statistics table has a row for the customer: the streams below keep statistics
// only for customers that had none before.
enum class Statistics { orders, contacts };
bool has_statistics_row(Database& db, Statistics table, std::int64_t customer_id);

// The same question for a writer that asks it customer after customer, mostly in rising
// order: a customer above every one with a row (when first asked, and added since) has none,
// and needs no lookup. Exact for customers whose row, if they have one, was there when it
// was first asked or was reported with added().
class StatisticsRows {
 public:
  StatisticsRows(Database& db, Statistics table) : db_(db), table_(table) {}
  bool has(std::int64_t customer_id);
  // A row the writer added.
  void added(std::int64_t customer_id);
  // The rows may have changed (a rollback): ask the table again.
  void forget() { above_.reset(); }

 private:
  Database& db_;
  Statistics table_;
  std::optional<std::int64_t> above_;  // no customer above this one has a row
};

// A line a write inserted into an order it inserted.
struct NewOrderLine {
  std::int64_t customer_id = 0;
  std::int64_t order_id = 0;
  std::string_view ordered_at;
  bool counts = true;  // false for a cancelled order
  std::int64_t freight = 0;  // the order's
  std::int64_t amount = 0;
  std::optional<std::int64_t> cost;  // none when not known
  std::optional<std::int64_t> product_id;
};

// Order statistics kept while an import inserts lines, instead of read back at commit: for
// a customer without statistics before (no orders, nothing paid) whose lines come together,
// the row is written when they end. Anything else (a customer with statistics, one whose
// lines come back later, orders whose lines interleave) is left to refresh_order_stats:
// add() returns false, and the caller lists the customer for it. A customer listed anyway
// is recomputed over whatever was written here.
class OrderStatsStream {
 public:
  explicit OrderStatsStream(Database& db);
  ~OrderStatsStream();
  OrderStatsStream(const OrderStatsStream&) = delete;
  OrderStatsStream& operator=(const OrderStatsStream&) = delete;
  bool add(const NewOrderLine& line);
  // Writes the last customer's row.
  void finish();
  // Forgets what was kept (the write is rolled back).
  void clear();

 private:
  struct State;
  Database& db_;
  std::unique_ptr<State> s_;
};

// Paid amounts kept as a write inserts payments: a customer's new payments are summed as
// they come and added to the statistics row when the next customer's begin. Payments settle
// the oldest invoices first, so when the row's payments then cover everything invoiced,
// nothing is unpaid and nothing else changes. Any other customer (still owing, no row yet,
// or no orders and nothing paid any more) goes to `recompute`, for refresh_order_stats,
// which reads all payments again.
class PaidStream {
 public:
  PaidStream(Database& db, std::function<void(std::int64_t)> recompute);
  void add(std::int64_t customer_id, std::int64_t amount);
  void finish();
  void clear();

 private:
  Database& db_;
  std::function<void(std::int64_t)> recompute_;
  std::int64_t current_ = 0;
  std::int64_t amount_ = 0;
};

// Contact statistics kept the same way: for a customer without contacts before (no
// statistics row) whose contacts come together, the row is written when they end.
class ContactStatsStream {
 public:
  explicit ContactStatsStream(Database& db);
  ~ContactStatsStream();
  ContactStatsStream(const ContactStatsStream&) = delete;
  ContactStatsStream& operator=(const ContactStatsStream&) = delete;
  // A contact the write inserted (customer_id set). False: list the customer instead.
  bool add(const model::Contact& contact);
  // Writes the rows still held.
  void finish();
  void clear();

 private:
  void end_customer();
  struct State;
  std::unique_ptr<State> s_;
};

}  // namespace kunde::store::sqlite
