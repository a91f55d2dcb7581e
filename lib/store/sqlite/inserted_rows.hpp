// Rows a bulk write inserted, recorded by key range instead of in the changeset.
//
// Recording every row of a large import in a session changeset costs about as much as
// writing the row itself, and stores the data a second time. A new row needs no before-image:
// undo only has to delete it. So an import inserts its new customers, orders, payments and
// contacts unrecorded and notes their keys; keys handed out in one transaction are
// consecutive, so a 100,000-row import is usually one range. Undo deletes the rows of each
// range together with their children (tags, aliases, order lines), children first.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/sqlite/database.hpp"

namespace kunde::store::sqlite {

// The tables whose new rows can be recorded by key.
enum class NewRow { customers, orders, payments, contacts, products };
constexpr std::size_t kNewRowKinds = 5;

struct KeyRange {
  std::int64_t lo = 0, hi = 0;
  bool contains(std::int64_t key) const { return key >= lo && key <= hi; }
};

// The ranges of one history entry, by table.
class InsertedRows {
 public:
  void add(NewRow table, std::int64_t key);
  bool empty() const;
  std::size_t range_count() const;
  const std::vector<KeyRange>& ranges(NewRow table) const { return ranges_[index(table)]; }
  bool contains(NewRow table, std::int64_t key) const;
  // Whether a key of some table is in ranges of both (a key used again after a deletion).
  bool overlaps(const InsertedRows& other) const;

  void save(Database& db, std::int64_t history_id) const;
  static InsertedRows load(Database& db, std::int64_t history_id);
  // Deletes the recorded rows that still exist, with their children, a few thousand keys at
  // a time; `between` runs after each step (to keep the undo's own record small).
  void delete_rows(Database& db, const std::function<void()>& between) const;

  static std::string_view table_name(NewRow table);
  static std::optional<NewRow> from_table_name(std::string_view name);

 private:
  static std::size_t index(NewRow t) { return static_cast<std::size_t>(t); }
  std::array<std::vector<KeyRange>, kNewRowKinds> ranges_;
};

// A column of a tracked table whose value is the key of a NewRow table: the table's own key,
// a child's parent key, or a reference. Undo of recorded rows conflicts with any later change
// that wrote such a value inside one of the ranges.
struct KeyColumn {
  const char* table;
  int column;           // position in the table, as a changeset numbers columns
  const char* name;     // the column's name, for SQL
  NewRow refers_to;
};
const std::vector<KeyColumn>& key_columns();

// Whether rows `later` inserted (by range) refer to a row in `target`'s ranges: an order,
// payment or contact of a customer `target` created, or an order line of a product it created.
bool ranges_refer_to(Database& db, const InsertedRows& later, const InsertedRows& target);

}  // namespace kunde::store::sqlite
