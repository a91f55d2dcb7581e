// The definitions behind the derived data a store materialises per customer. The service
// layer owns them (lib/crm/statistics.hpp) and hands them to the store when it opens it, so
// every backend applies the same rules and none writes its own copy.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kunde::store {

// An order that counts (not cancelled), with its totals in minor units: `total` net of
// discounts, `cost` the costs known (its lines' and its freight), `uncosted` the part of the
// total from lines without a cost.
struct OrderTotal {
  std::int64_t id = 0;
  std::string at;
  std::int64_t total = 0, cost = 0, uncosted = 0;
};

// Amount bought in one product category.
struct CategoryAmount {
  std::string_view category;
  std::int64_t amount = 0;
};

// The order and payment figures of one customer.
struct OrderFigures {
  std::optional<std::string> first_order_at, last_order_at, oldest_unpaid_at, top_categories;
  std::int64_t orders = 0, revenue = 0, cost = 0, margin = 0, invoiced = 0, paid = 0, balance = 0, avg_order_value = 0;
  std::int64_t uncosted_revenue = 0;
};

// How one customer used one channel for contacts.
struct ChannelUse {
  std::string_view channel;
  std::int64_t in = 0, out = 0;
  std::string_view last_in;  // time of the latest inbound contact; empty when none
};

class DerivedRules {
 public:
  virtual ~DerivedRules() = default;
  // `orders` by date, then id; `categories` sorted by name.
  virtual OrderFigures order_figures(std::span<const OrderTotal> orders, std::span<const CategoryAmount> categories,
                                     std::int64_t paid) const = 0;
  // Whether nothing is left unpaid when `paid` has been paid against `invoiced` (credit notes
  // included): then a payment changes only the paid amount and the balance.
  virtual bool settled(std::int64_t invoiced, std::int64_t paid) const = 0;
  virtual bool is_complaint(std::string_view subject, std::string_view outcome, std::string_view reason) const = 0;
  // The customer's preferred channel from their contacts by channel (sorted by name); empty
  // when there is none.
  virtual std::string_view preferred_channel(std::span<const ChannelUse> channels) const = 0;
};

}  // namespace kunde::store
