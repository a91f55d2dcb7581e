// The full-text indexes: customer_search (rowid = customer id) and contact_search (rowid =
// contact id). Text is folded before indexing (and queries are folded the same way), because
// FTS5's remove_diacritics does not handle ø, æ, ß, đ or ł.
//
// A bulk write does not index its rows itself: it lists them in search_pending, by key
// range, and the next search indexes them before it reads (as PostgreSQL's GIN indexes keep
// a pending list). Indexing 100,000 customers costs more than importing them, and most
// imports are followed by reports, not searches.
#include <fmt/format.h>
#include <sqlite3.h>

#include <array>
#include <string>
#include <vector>

#include "store/derived.hpp"
#include "store/search.hpp"

namespace kunde::store {
namespace {

constexpr const char* kIndexCustomers = R"sql(
INSERT INTO customer_search(rowid, name, email, phone, city, notes)
SELECT c.id, kunde_fold(c.name), kunde_fold(c.email),
       trim(coalesce(c.phone_e164, '') || ' ' || coalesce(c.phone, '')),
       kunde_fold(c.city), kunde_fold(c.notes)
)sql";

constexpr const char* kIndexContacts = R"sql(
INSERT INTO contact_search(rowid, subject, notes)
SELECT k.id, kunde_fold(k.subject), kunde_fold(k.notes)
)sql";

}  // namespace

void refresh_search(Database& db, std::string_view customers) {
  db.exec(fmt::format("DELETE FROM customer_search WHERE rowid IN (SELECT customer_id FROM {})", customers));
  // The list drives the join.
  db.exec(fmt::format("{}FROM {} t CROSS JOIN customers c ON c.id = t.customer_id", kIndexCustomers, customers));
}

void refresh_contact_search(Database& db, std::string_view contacts) {
  db.exec(fmt::format("DELETE FROM contact_search WHERE rowid IN (SELECT contact_id FROM {})", contacts));
  db.exec(fmt::format("{}FROM {} t CROSS JOIN contacts k ON k.id = t.contact_id", kIndexContacts, contacts));
}

void defer_search(Database& db, SearchTable table, std::int64_t lo, std::int64_t hi) {
  db.prepare("INSERT INTO search_pending(tbl, lo, hi) VALUES (?, ?, ?)")
      .bind(1, std::string_view(table == SearchTable::customers ? "customers" : "contacts"))
      .bind(2, lo)
      .bind(3, hi)
      .run();
}

void defer_touched_search(Database& db) {
  // Runs of consecutive keys become one range each (key minus rank is constant along a run),
  // so a re-import that changed every customer leaves a few rows, not one per customer.
  for (auto [table, list, column] : {std::array<const char*, 3>{"customers", "temp.touched_search", "customer_id"},
                                     std::array<const char*, 3>{"contacts", "temp.touched_contact_search", "contact_id"}}) {
    db.exec(fmt::format("INSERT INTO search_pending(tbl, lo, hi) SELECT '{0}', min({2}), max({2}) FROM "
                        "(SELECT {2}, {2} - row_number() OVER (ORDER BY {2}) AS run FROM {1}) GROUP BY run",
                        table, list, column));
    db.exec(fmt::format("DELETE FROM {}", list));
  }
}

void apply_pending_search(Database& db) {
  // Deleting and inserting by range also covers keys whose rows are gone since (undone or
  // erased) or were given out again: the entries end up as the rows are now.
  auto& pending = db.prepare("SELECT tbl = 'customers', lo, hi FROM search_pending");
  struct Range {
    bool customers;
    std::int64_t lo, hi;
  };
  std::vector<Range> ranges;
  while (pending.step()) ranges.push_back({pending.get_int(0) != 0, pending.get_int(1), pending.get_int(2)});
  pending.reset();
  for (const auto& r : ranges) {
    if (r.customers) {
      db.prepare("DELETE FROM customer_search WHERE rowid BETWEEN ? AND ?").bind(1, r.lo).bind(2, r.hi).run();
      db.prepare(std::string(kIndexCustomers) + "FROM customers c WHERE c.id BETWEEN ? AND ?")
          .bind(1, r.lo)
          .bind(2, r.hi)
          .run();
    } else {
      db.prepare("DELETE FROM contact_search WHERE rowid BETWEEN ? AND ?").bind(1, r.lo).bind(2, r.hi).run();
      db.prepare(std::string(kIndexContacts) + "FROM contacts k WHERE k.id BETWEEN ? AND ?")
          .bind(1, r.lo)
          .bind(2, r.hi)
          .run();
    }
  }
  db.exec("DELETE FROM search_pending");
}

bool search_is_pending(Database& db) {
  auto& st = db.prepare("SELECT EXISTS (SELECT 1 FROM search_pending)");
  bool any = st.step() && st.get_int(0) != 0;
  st.reset();
  return any;
}

void update_search_index(Database& db) {
  // A database the user may only read is searched as it was last indexed.
  if (sqlite3_db_readonly(db.handle(), "main") == 1 || !search_is_pending(db)) return;
  Transaction tx(db, Transaction::Kind::write);
  apply_pending_search(db);
  tx.commit();
}

}  // namespace kunde::store
