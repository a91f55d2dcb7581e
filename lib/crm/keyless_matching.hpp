// The rule for a file row without a key of its own (a payment without a reference, an order
// line without an order number) whose content key (content_keys.hpp) finds nothing: it is a
// row already stored under a key a file gave, when one has the same content. A file imported
// once with its keys (check numbers, order numbers) and again without them then changes
// nothing, instead of paying every invoice or selling every line twice. Each stored row
// matches one file row, so three equal rows against two equal stored ones add one.
//
// The other way round, a row with a key that no stored row has takes over a row stored
// without one (under its content key) that has the same content: a file imported first
// without its references or order numbers and then with them pays or sells nothing twice.
// A payment takes the stored payment over (it gets the reference); the first line of a
// numbered order takes over the stored order of that line (it gets the number), and each
// further line whose content an order stored without a number has moves into it, that
// order going.
//
// What "the same content" is:
//   payments:    customer, day and amount;
//   order lines: customer, order day, product and quantity (a line without a product:
//                customer, order day and amount).
#pragma once

#include <absl/container/flat_hash_map.h>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "store/orders.hpp"
#include "store/payments.hpp"

namespace kunde::crm {

std::uint64_t payment_match_hash(std::int64_t customer_id, std::string_view day, std::int64_t amount);
// `sku` empty for a line without a product, whose `amount` then counts instead of `quantity`.
std::uint64_t line_match_hash(std::int64_t customer_id, std::string_view day, std::string_view sku, double quantity,
                              std::int64_t amount);

// The stored rows with keys of their own, by match hash. Reading them is a pass over the
// whole table, so importers make it only when a content key first finds nothing.
class KeyedRows {
 public:
  // Payments with a reference of their own.
  static KeyedRows payments(store::Payments& payments);
  // Lines of orders with a number of their own.
  static KeyedRows order_lines(store::Orders& orders);

  // Whether none is stored; rows then need no lookup.
  bool empty() const { return count_.empty(); }
  // Whether a stored row with this match hash is still unmatched.
  bool has(std::uint64_t hash) const { return count_.contains(hash); }
  // Matches one of them to a file row; false when none is left.
  bool take(std::uint64_t hash);

 private:
  absl::flat_hash_map<std::uint64_t, std::uint32_t> count_;
};

// Stored rows without a key of their own, by match hash, each taken over once (the oldest
// first). Reading them is a pass over the table's rows without keys, so importers make it
// once per import.
template <typename Row>
class KeylessRows {
 public:
  bool empty() const { return by_hash_.empty(); }
  bool has(std::uint64_t hash) const { return by_hash_.contains(hash); }
  // One of them, to be given the file's key; none when none is left.
  std::optional<Row> take(std::uint64_t hash) {
    auto it = by_hash_.find(hash);
    if (it == by_hash_.end()) return std::nullopt;
    Row row = std::move(it->second.front());
    it->second.erase(it->second.begin());
    if (it->second.empty()) by_hash_.erase(it);
    return row;
  }

 protected:
  void add(std::uint64_t hash, const Row& row) { by_hash_[hash].push_back(row); }

 private:
  absl::flat_hash_map<std::uint64_t, std::vector<Row>> by_hash_;
};

// Payments without a reference of their own.
class KeylessPayments : public KeylessRows<model::Payment> {
 public:
  explicit KeylessPayments(store::Payments& payments);
};

// Orders without a number of their own (each a single line), by the match hash of the line.
class KeylessOrders : public KeylessRows<model::Order> {
 public:
  explicit KeylessOrders(store::Orders& orders);
};

}  // namespace kunde::crm
