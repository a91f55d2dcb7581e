// Secondary indexes built once at the end of a bulk write.
#include "store/sqlite/deferred_indexes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace kunde::store::sqlite {
namespace {

// A table's rows and the child tables whose rows come with them.
std::vector<const char*> tables_of(NewRow table) {
  switch (table) {
    case NewRow::customers: return {"customers", "customer_tags"};
    case NewRow::orders: return {"orders", "order_lines"};
    case NewRow::payments: return {"payments"};
    case NewRow::contacts: return {"contacts"};
    case NewRow::products: return {"products"};
  }
  return {};
}

}  // namespace

void DeferredIndexes::inserted(Database& db, NewRow table, std::int64_t key) {
  Table& t = tables_[index(table)];
  if (!t.allowed || t.deferred) return;
  if (t.first_key == 0) t.first_key = key;
  ++t.count;
  if (t.count >= std::max(kMinRows, t.first_key - 1)) drop(db, table);
}

void DeferredIndexes::drop(Database& db, NewRow table) {
  tables_[index(table)].deferred = true;
  for (const char* name : tables_of(table)) {
    // Only indexes made by CREATE INDEX that enforce nothing: unique ones, of constraints
    // or not, are what the import finds its conflicts by.
    std::vector<std::pair<std::string, std::string>> found;
    {
      Statement st(db, "SELECT s.name, s.sql FROM pragma_index_list(?1) i JOIN sqlite_schema s ON s.name = i.name "
                       "WHERE i.origin = 'c' AND NOT i.\"unique\" AND s.sql IS NOT NULL");
      st.bind(1, std::string_view(name));
      while (st.step()) found.emplace_back(st.get_text(0), st.get_text(1));
    }
    for (auto& [index_name, sql] : found) {
      db.exec(fmt::format("DROP INDEX main.\"{}\"", index_name));
      dropped_.push_back(std::move(sql));
    }
  }
}

void DeferredIndexes::restore(Database& db) {
  if (dropped_.empty()) return;
  // Within the import's memory budget.
  SortingCache sorting(db);
  for (const auto& sql : dropped_) db.exec(sql);
  dropped_.clear();
}

}  // namespace kunde::store::sqlite
