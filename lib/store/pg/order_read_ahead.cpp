// Orders read ahead during an import.
#include "store/pg/order_read_ahead.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "store/pg/order_repo.hpp"

namespace kunde::store::pg {

const model::Order* OrderReadAhead::order(std::string_view number) {
  auto it = orders_.find(std::string(number));
  if (it == orders_.end()) return nullptr;
  last_id_ = it->second.id;
  return &it->second;
}

void OrderReadAhead::asked(const model::Order& o) {
  // A file in the stored order asks for the next order each time: read ahead from there
  // once it has done so twice; a file in another order keeps asking one at a time.
  in_sequence_ = o.id == last_id_ + 1 ? in_sequence_ + 1 : 0;
  last_id_ = o.id;
  if (in_sequence_ >= 2 && o.id < first_new_id_) load_window(o.id);
}

const std::vector<model::OrderLine>* OrderReadAhead::lines(std::int64_t order_id) const {
  auto it = lines_.find(order_id);
  return it == lines_.end() ? nullptr : &it->second;
}

std::optional<bool> OrderReadAhead::has_lines_after(std::int64_t order_id, std::int64_t keep) const {
  auto it = std::lower_bound(last_lines_.begin(), last_lines_.end(), std::make_pair(order_id, std::int64_t{-1}));
  if (it == last_lines_.end() || it->first != order_id || it->second < 0) return std::nullopt;
  return it->second > keep;
}

void OrderReadAhead::forget(std::int64_t order_id) {
  auto last = std::lower_bound(last_lines_.begin(), last_lines_.end(), std::make_pair(order_id, std::int64_t{-1}));
  if (last != last_lines_.end() && last->first == order_id) last->second = -1;
  lines_.erase(order_id);
  for (auto it = orders_.begin(); it != orders_.end(); ++it) {
    if (it->second.id == order_id) {
      orders_.erase(it);
      break;
    }
  }
}

void OrderReadAhead::load_window(std::int64_t from) {
  orders_.clear();
  lines_.clear();
  std::int64_t to = std::min(from + kWindow, first_new_id_);
  db_.stream(fmt::format("SELECT {} FROM orders o WHERE o.id >= $1 AND o.id < $2", kOrderColumns), Params(from, to),
             [&](const Row& r) {
               model::Order o = read_order(r);
               lines_[o.id];  // an order without lines has none to find
               orders_.emplace(o.number, std::move(o));
             });
  db_.stream(fmt::format("SELECT l.order_id, {} FROM order_lines l WHERE l.order_id >= $1 AND l.order_id < $2 "
                         "ORDER BY l.order_id, l.line",
                         kLineColumns),
             Params(from, to), [&](const Row& r) { lines_[r.int64(0)].push_back(read_line(r, 1)); });
  // A file read in order from here likely goes on to the last order: room for all at once
  // rather than doubling.
  if (last_lines_.empty()) last_lines_.reserve(static_cast<std::size_t>(std::max<std::int64_t>(first_new_id_ - from, 0)));
  std::vector<std::pair<std::int64_t, std::int64_t>> window;
  for (const auto& [id, lines] : lines_) window.emplace_back(id, lines.empty() ? 0 : lines.back().line);
  std::sort(window.begin(), window.end());
  // A window starts after the last one ended unless the file went back; then merge.
  bool after = last_lines_.empty() || window.empty() || window.front().first > last_lines_.back().first;
  last_lines_.insert(last_lines_.end(), window.begin(), window.end());
  if (!after) {
    std::sort(last_lines_.begin(), last_lines_.end());
    // Of an order read twice, the newer reading wins: only a change makes them differ, and a
    // change marked the older one -1, which sorts first.
    std::vector<std::pair<std::int64_t, std::int64_t>> unique;
    for (const auto& e : last_lines_) {
      if (!unique.empty() && unique.back().first == e.first) {
        unique.back() = e;
      } else {
        unique.push_back(e);
      }
    }
    last_lines_ = std::move(unique);
  }
}

}  // namespace kunde::store::pg
