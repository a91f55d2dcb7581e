// During an import, the orders that were there before it and their lines, read from the
// server a window at a time while the file names them in the order they were stored: a
// re-import of 300,000 orders otherwise asks the server three times per order and took 26
// times as long as on SQLite. The write lock keeps other writers out meanwhile, and every
// change this import makes to an order drops that order from the window.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/order.hpp"
#include "store/pg/connection.hpp"

namespace kunde::store::pg {

class OrderReadAhead {
 public:
  // Orders with ids from `first_new_id` on are this import's own and never kept.
  OrderReadAhead(Connection& db, std::int64_t first_new_id) : db_(db), first_new_id_(first_new_id) {}

  // The order with this number in the window, or null when the window does not hold it (it
  // may still exist: ask the server, then tell asked()).
  const model::Order* order(std::string_view number);
  // An order the server gave for a number the window did not hold: reads a window from it
  // when the file follows the stored order.
  void asked(const model::Order& o);
  // The order's lines in line order, or null when the window does not know them.
  const std::vector<model::OrderLine>* lines(std::int64_t order_id) const;
  // Whether the order has lines after `keep`, when the window knows its lines.
  std::optional<bool> has_lines_after(std::int64_t order_id, std::int64_t keep) const;
  // The order (or its lines) changed: asked of the server from now on.
  void forget(std::int64_t order_id);

 private:
  void load_window(std::int64_t from);

  static constexpr std::int64_t kWindow = 512;
  Connection& db_;
  std::int64_t first_new_id_;
  std::int64_t last_id_ = 0;   // the order last asked for by number
  int in_sequence_ = 0;        // how many asks in a row named the order after the one before
  std::unordered_map<std::string, model::Order> orders_;                   // by number
  std::unordered_map<std::int64_t, std::vector<model::OrderLine>> lines_;  // by order id, in line order
  // Every order a window held, by id, with its last line (0: none; -1: changed since): the
  // import asks whether each order it saw has lines after its own at the very end, long
  // after the window moved on. Windows come in id order, so this stays sorted.
  std::vector<std::pair<std::int64_t, std::int64_t>> last_lines_;
};

}  // namespace kunde::store::pg
