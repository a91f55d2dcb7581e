// Whole tables in and out of a SQLite store.
#include "store/sqlite/table_io.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "store/sqlite/change.hpp"

namespace kunde::store::sqlite {

void read_table(Database& db, const TableSpec& table, const std::function<void(const std::vector<Value>&)>& row) {
  Statement st(db, fmt::format("SELECT {} FROM {} ORDER BY {}", fmt::join(table.columns, ", "), table.name,
                               fmt::join(table.keys, ", ")));
  std::vector<Value> values(table.columns.size());
  while (st.step()) {
    for (std::size_t c = 0; c < values.size(); ++c) {
      values[c] = st.get_value(static_cast<int>(c));
      bool is_json = std::find(table.json.begin(), table.json.end(), table.columns[c]) != table.json.end();
      if (is_json && std::holds_alternative<std::string>(values[c])) {
        auto j = nlohmann::json::parse(std::get<std::string>(values[c]), nullptr, false);
        if (!j.is_discarded()) values[c] = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      }
    }
    row(values);
  }
}

void load_tables(Database& db, const std::function<void(const TableSpec&, const Maintenance::RowSink&)>& source) {
  Transaction tx(db, Transaction::Kind::write);
  // History entries refer to later ones (undone_by): references are checked at commit.
  db.exec("PRAGMA defer_foreign_keys = ON");
  for (const auto& table : store_tables()) {
    if (!table.copied) continue;
    std::string marks;
    for (std::size_t i = 0; i < table.columns.size(); ++i) marks += i ? ", ?" : "?";
    std::string verb = table.name == "meta" ? "INSERT OR REPLACE" : "INSERT";
    auto& st = db.prepare(
        fmt::format("{} INTO {}({}) VALUES ({})", verb, table.name, fmt::join(table.columns, ", "), marks));
    source(table, [&](const std::vector<Value>& row) {
      for (std::size_t c = 0; c < row.size(); ++c) {
        int i = static_cast<int>(c) + 1;
        const Value& v = row[c];
        if (auto n = std::get_if<std::int64_t>(&v)) {
          st.bind(i, *n);
        } else if (auto d = std::get_if<double>(&v)) {
          st.bind(i, *d);
        } else if (auto s = std::get_if<std::string>(&v)) {
          st.bind(i, *s);
        } else if (is_null(v)) {
          st.bind_null(i);
        } else {
          st.bind(i, to_text(v));
        }
      }
      st.run();
    });
  }
  rebuild_derived(db);
  tx.commit();
}

}  // namespace kunde::store::sqlite
