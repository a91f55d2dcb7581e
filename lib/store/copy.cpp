// Copies between stores, and table fingerprints.
#include "store/copy.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <variant>

#include "error.hpp"
#include "model/order.hpp"
#include "store/tables.hpp"

namespace kunde::store {
namespace {

bool is_url(const std::string& location) { return location.find("://") != std::string::npos; }

std::string meta_value(Store& s, const std::string& key) {
  std::string out;
  for (const auto& t : store_tables()) {
    if (t.name != "meta") continue;
    s.maintenance().read_table(t, [&](const std::vector<Value>& row) {
      if (std::get_if<std::string>(&row[0]) && std::get<std::string>(row[0]) == key) out = to_text(row[1]);
    });
  }
  return out;
}

}  // namespace

std::vector<TableCount> copy_store(Store& from, const std::string& to, const DerivedRules& rules) {
  if (!is_url(to) && std::filesystem::exists(to)) {
    throw Error(fmt::format("{} exists already", to), "a copy never overwrites; choose a new file name");
  }
  try {
    store::create_store(to, from.money_decimals(), meta_value(from, "currency"));
  } catch (const StoreExists& e) {
    throw Error(e.what(), "a copy never overwrites; give a new file, or the URL of an empty database (createdb NAME)");
  }
  std::vector<TableCount> counts;
  try {
    auto target = open_store(to, rules);
    from.maintenance().snapshot([&] { target->maintenance().load_tables([&](const TableSpec& table, const Maintenance::RowSink& sink) {
      TableCount c{table.name, 0};
      from.maintenance().read_table(table, [&](const std::vector<Value>& row) {
        // The store being made has its own version and settings rows.
        if (table.name == "meta" && std::get_if<std::string>(&row[0]) &&
            (std::get<std::string>(row[0]) == "schema_version" || std::get<std::string>(row[0]) == "money_decimals" ||
             std::get<std::string>(row[0]) == "currency")) {
          return;
        }
        sink(row);
        ++c.rows;
      });
      counts.push_back(c);
    }); });
  } catch (...) {
    if (!is_url(to)) {
      std::error_code ec;
      std::filesystem::remove(to, ec);
      std::filesystem::remove(to + "-wal", ec);
      std::filesystem::remove(to + "-shm", ec);
    }
    throw;
  }
  return counts;
}

namespace {

void digest_tables(Store& store, std::vector<TableDigest>& out) {
  for (const auto& t : store_tables()) {
    TableDigest d{t.name, 0, {}};
    model::ContentHash hash;
    store.maintenance().read_table(t, [&](const std::vector<Value>& row) {
      if (t.name == "meta" && std::get_if<std::string>(&row[0]) && std::get<std::string>(row[0]) == "schema_version") {
        return;
      }
      ++d.rows;
      for (const auto& v : row) {
        if (is_null(v)) {
          hash.add(std::string_view("\x01null", 5));
        } else if (auto i = std::get_if<std::int64_t>(&v)) {
          hash.add(std::to_string(*i));
        } else if (auto x = std::get_if<double>(&v)) {
          hash.add(fmt::format("{}", *x));
        } else {
          hash.add(to_text(v));
        }
      }
      hash.add(std::string_view("\x02row", 4));
    });
    d.hash = fmt::format("{:016x}", hash.value());
    out.push_back(d);
  }
}

}  // namespace

std::vector<TableDigest> digest_store(Store& store) {
  std::vector<TableDigest> out;
  store.maintenance().snapshot([&] { digest_tables(store, out); });
  return out;
}


}  // namespace kunde::store
