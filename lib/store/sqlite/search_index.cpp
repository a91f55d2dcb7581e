// The full-text indexes: customer_search (rowid = customer id) and contact_search (rowid =
// contact id). Text is folded before indexing (and queries are folded the same way), because
// FTS5's remove_diacritics does not handle ø, æ, ß, đ or ł; a customer's words written with
// an apostrophe are indexed joined as well (text::fold_for_search).
//
// A bulk write does not index its rows itself: it lists them in search_pending, by key
// range, and the next search indexes them before it reads (as PostgreSQL's GIN indexes keep
// a pending list). Indexing 100,000 customers costs more than importing them, and most
// imports are followed by reports, not searches.
#include <fmt/format.h>
#include <sqlite3.h>

#include <string>
#include <utility>
#include <vector>

#include "store/sqlite/derived.hpp"
#include "store/sqlite/search.hpp"

namespace kunde::store::sqlite {
namespace {

// One full-text index: its table, the statement that makes entries from the rows of the
// base table (aliased `src`; search_pending names the base table too), and the key column
// of the touched lists.
struct SearchIndex {
  const char* fts;
  const char* insert;
  const char* base;
  const char* list_key;
};

// Custom attributes are searched by their values, not their names.
constexpr SearchIndex kCustomerSearch{"customer_search", R"sql(
INSERT INTO customer_search(rowid, name, email, phone, city, notes, contact_person, attributes)
SELECT src.id, kunde_search_fold(src.name), kunde_fold(src.email),
       trim(coalesce(src.phone_e164, '') || ' ' || coalesce(src.phone, '')),
       kunde_search_fold(src.city), kunde_search_fold(src.notes), kunde_search_fold(src.contact_person),
       CASE WHEN src.attributes <> '{}' THEN
         kunde_search_fold((SELECT group_concat(value, ' ') FROM json_each(src.attributes))) END
)sql", "customers", "customer_id"};

constexpr SearchIndex kContactSearch{"contact_search", R"sql(
INSERT INTO contact_search(rowid, subject, notes)
SELECT src.id, kunde_fold(src.subject), kunde_fold(src.notes)
)sql", "contacts", "contact_id"};

const SearchIndex& index_of(SearchTable table) {
  return table == SearchTable::customers ? kCustomerSearch : kContactSearch;
}

// Makes the entries of the keys listed in `list` (a table with the index's list_key column).
void refresh(Database& db, const SearchIndex& ix, std::string_view list) {
  db.exec(fmt::format("DELETE FROM {} WHERE rowid IN (SELECT {} FROM {})", ix.fts, ix.list_key, list));
  // The list drives the join.
  db.exec(fmt::format("{}FROM {} t CROSS JOIN {} src ON src.id = t.{}", ix.insert, list, ix.base, ix.list_key));
}

}  // namespace

void refresh_search(Database& db, std::string_view customers) { refresh(db, kCustomerSearch, customers); }

void refresh_contact_search(Database& db, std::string_view contacts) { refresh(db, kContactSearch, contacts); }

void defer_search(Database& db, SearchTable table, std::int64_t lo, std::int64_t hi) {
  db.prepare("INSERT INTO search_pending(tbl, lo, hi) VALUES (?, ?, ?)")
      .bind(1, std::string_view(index_of(table).base))
      .bind(2, lo)
      .bind(3, hi)
      .run();
}

void defer_touched_search(Database& db) {
  // Runs of consecutive keys become one range each (key minus rank is constant along a run),
  // so a re-import that changed every customer leaves a few rows, not one per customer.
  for (auto [ix, list] : {std::pair{&kCustomerSearch, "temp.touched_search"},
                          std::pair{&kContactSearch, "temp.touched_contact_search"}}) {
    db.exec(fmt::format("INSERT INTO search_pending(tbl, lo, hi) SELECT '{0}', min({2}), max({2}) FROM "
                        "(SELECT {2}, {2} - row_number() OVER (ORDER BY {2}) AS run FROM {1}) GROUP BY run",
                        ix->base, list, ix->list_key));
    db.exec(fmt::format("DELETE FROM {}", list));
  }
}

void apply_pending_search(Database& db) {
  // Deleting and inserting by range also covers keys whose rows are gone since (undone or
  // erased) or were given out again: the entries end up as the rows are now.
  struct Range {
    const SearchIndex* ix;
    std::int64_t lo, hi;
  };
  std::vector<Range> ranges;
  auto& pending = db.prepare("SELECT tbl = 'customers', lo, hi FROM search_pending");
  while (pending.step()) {
    ranges.push_back({pending.get_int(0) ? &kCustomerSearch : &kContactSearch, pending.get_int(1), pending.get_int(2)});
  }
  pending.reset();
  for (const auto& r : ranges) {
    db.prepare(fmt::format("DELETE FROM {} WHERE rowid BETWEEN ? AND ?", r.ix->fts)).bind(1, r.lo).bind(2, r.hi).run();
    db.prepare(fmt::format("{}FROM {} src WHERE src.id BETWEEN ? AND ?", r.ix->insert, r.ix->base))
        .bind(1, r.lo)
        .bind(2, r.hi)
        .run();
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
  if (!search_is_pending(db)) return;
  if (sqlite3_db_readonly(db.handle(), "main") == 1) {
    // A database the user may only read is searched as it was last indexed; a search that
    // may miss rows says so.
    db.warn(fmt::format("{} is read-only and has rows not yet in its search index (an import leaves them for "
                        "the next search to index): the search may miss some of them",
                        db.path()));
    return;
  }
  Transaction tx(db, Transaction::Kind::write);
  apply_pending_search(db);
  tx.commit();
}

}  // namespace kunde::store::sqlite
