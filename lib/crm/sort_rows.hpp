// Sorting a report's rows, which are large (several strings each): std::sort on the rows
// swaps them n log n times and compares them all over memory (a tenth of `report value`
// over 100,000 customers). Here the comparisons run on small keys side by side, and the
// rows are then put in place with one move each, in the same vector.
#pragma once

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace kunde::crm {

// The order of rows whose keys are `keys`, compared with `less` (as std::sort would, not
// stable): the index of the row that goes first, then of the one that goes second, ... For
// a caller that wants only some rows in order, and leaves the rest where they are.
template <class Key, class Less>
std::vector<std::uint32_t> sorted_order(const std::vector<Key>& keys, Less less) {
  std::vector<std::pair<Key, std::uint32_t>> tagged;
  tagged.reserve(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) tagged.emplace_back(keys[i], static_cast<std::uint32_t>(i));
  std::sort(tagged.begin(), tagged.end(), [&](const auto& a, const auto& b) { return less(a.first, b.first); });
  std::vector<std::uint32_t> order;
  order.reserve(tagged.size());
  for (const auto& t : tagged) order.push_back(t.second);
  return order;
}

// Sorts `rows` by `key_of(row)` compared with `less`, as std::sort would (not stable).
template <class Row, class KeyOf, class Less>
void sort_rows(std::vector<Row>& rows, KeyOf key_of, Less less) {
  using Key = decltype(key_of(rows.front()));
  std::vector<Key> keys;
  keys.reserve(rows.size());
  for (const auto& row : rows) keys.push_back(key_of(row));
  const std::vector<std::uint32_t> order = sorted_order(keys, less);
  // Position i takes the row at order[i]: follow each cycle of that permutation once.
  std::vector<bool> placed(rows.size());
  for (std::size_t start = 0; start < rows.size(); ++start) {
    if (placed[start]) continue;
    Row held = std::move(rows[start]);
    std::size_t to = start;
    while (true) {
      placed[to] = true;
      std::size_t from = order[to];
      if (from == start) break;
      rows[to] = std::move(rows[from]);
      to = from;
    }
    rows[to] = std::move(held);
  }
}

}  // namespace kunde::crm
