// Whole tables in and out of a PostgreSQL store: read through a cursor, written with COPY.
#include "store/pg/table_io.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "store/pg/change.hpp"
#include "store/pg/maintenance.hpp"

namespace kunde::store::pg {

void read_table(Connection& db, const TableSpec& table, const std::function<void(const std::vector<Value>&)>& row) {
  std::vector<std::string> columns;
  for (const auto& c : table.columns) {
    bool is_json = std::find(table.json.begin(), table.json.end(), c) != table.json.end();
    columns.push_back(is_json || c == "by_channel" ? c + "::text" : c);
  }
  std::vector<Value> values(columns.size());
  // The result's column types are needed, so the batches are read here rather than by stream().
  std::optional<Transaction> tx;
  if (!db.in_transaction()) tx.emplace(db, Transaction::Kind::read);
  db.run(fmt::format("DECLARE kunde_table NO SCROLL CURSOR FOR SELECT {} FROM {} ORDER BY {}", fmt::join(columns, ", "),
                     table.name, fmt::join(table.keys, ", ")));
  for (;;) {
    Result batch = db.exec("FETCH FORWARD 5000 FROM kunde_table");
    for (int i = 0; i < batch.rows(); ++i) {
      auto r = batch.row(i);
      for (std::size_t c = 0; c < values.size(); ++c) {
        values[c] = column_value(batch, r, static_cast<int>(c));
        bool is_json = std::find(table.json.begin(), table.json.end(), table.columns[c]) != table.json.end();
        if (is_json && std::holds_alternative<std::string>(values[c])) {
          auto j = nlohmann::json::parse(std::get<std::string>(values[c]), nullptr, false);
          if (!j.is_discarded()) values[c] = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        }
      }
      row(values);
    }
    if (batch.rows() < 5000) break;
  }
  db.run("CLOSE kunde_table");
  if (tx) tx->commit();
}

void load_tables(Connection& db, const std::function<void(const TableSpec&, const Maintenance::RowSink&)>& source) {
  Transaction tx(db, Transaction::Kind::write);
  db.run("SET CONSTRAINTS ALL DEFERRED");
  for (const auto& table : store_tables()) {
    if (!table.copied) continue;
    std::string copy = fmt::format("COPY {}({}) FROM STDIN", table.name, fmt::join(table.columns, ", "));
    std::string data;
    auto send = [&] {
      if (!data.empty()) db.copy_in(copy, data);
      data.clear();
    };
    source(table, [&](const std::vector<Value>& row) {
      for (std::size_t c = 0; c < row.size(); ++c) {
        bool last = c + 1 == row.size();
        const Value& v = row[c];
        if (auto n = std::get_if<std::int64_t>(&v)) {
          copy_field(data, *n, last);
        } else if (auto d = std::get_if<double>(&v)) {
          copy_field(data, *d, last);
        } else if (is_null(v)) {
          copy_null(data, last);
        } else {
          copy_field(data, std::string_view(to_text(v)), last);
        }
      }
      if (data.size() > (4 << 20)) send();
    });
    send();
  }
  rebuild_derived(db);
  tx.commit();
}

}  // namespace kunde::store::pg
