// Rows a bulk write inserted, recorded by key range instead of row by row (as on SQLite,
// lib/store/sqlite/inserted_rows.hpp): a new row needs no before-image, undo only deletes it,
// and the keys an import hands out are consecutive.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/pg/connection.hpp"

namespace kunde::store::pg {

class Change;

enum class NewRow { customers, orders, payments, contacts, products };
constexpr std::size_t kNewRowKinds = 5;

struct KeyRange {
  std::int64_t lo = 0, hi = 0;
  bool contains(std::int64_t key) const { return key >= lo && key <= hi; }
};

class InsertedRows {
 public:
  void add(NewRow table, std::int64_t key);
  bool empty() const;
  std::size_t range_count() const;
  const std::vector<KeyRange>& ranges(NewRow table) const { return ranges_[static_cast<std::size_t>(table)]; }
  bool contains(NewRow table, std::int64_t key) const;
  bool overlaps(const InsertedRows& other) const;

  void save(Connection& db, std::int64_t history_id) const;
  static InsertedRows load(Connection& db, std::int64_t history_id);
  // Deletes the recorded rows that still exist, with their children, children first, through
  // `change` (which records what it deletes).
  void delete_rows(Change& change) const;

  static std::string_view table_name(NewRow table);
  static std::optional<NewRow> from_table_name(std::string_view name);

 private:
  std::array<std::vector<KeyRange>, kNewRowKinds> ranges_;
};

// A column whose value is the key of a NewRow table: the table's own key, a child's parent
// key, or a reference.
struct KeyColumn {
  const char* table;
  const char* name;
  NewRow refers_to;
  bool own;  // the table's own key
};
const std::vector<KeyColumn>& key_columns();

// Whether rows `later` inserted (by range) refer to a row in `target`'s ranges.
bool ranges_refer_to(Connection& db, const InsertedRows& later, const InsertedRows& target);

}  // namespace kunde::store::pg
