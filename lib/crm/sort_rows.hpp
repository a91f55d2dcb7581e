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

// Sorts `rows` by `key_of(row)` compared with `less`, as std::sort would (not stable).
template <class Row, class KeyOf, class Less>
void sort_rows(std::vector<Row>& rows, KeyOf key_of, Less less) {
  using Key = decltype(key_of(rows.front()));
  std::vector<std::pair<Key, std::uint32_t>> keys;
  keys.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) keys.emplace_back(key_of(rows[i]), static_cast<std::uint32_t>(i));
  std::sort(keys.begin(), keys.end(), [&](const auto& a, const auto& b) { return less(a.first, b.first); });
  // Position i takes the row at keys[i].second: follow each cycle of that permutation once.
  std::vector<bool> placed(rows.size());
  for (std::size_t start = 0; start < rows.size(); ++start) {
    if (placed[start]) continue;
    Row held = std::move(rows[start]);
    std::size_t to = start;
    while (true) {
      placed[to] = true;
      std::size_t from = keys[to].second;
      if (from == start) break;
      rows[to] = std::move(rows[from]);
      to = from;
    }
    rows[to] = std::move(held);
  }
}

}  // namespace kunde::crm
