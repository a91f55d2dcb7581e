// Products, orders, order lines and payments: their canonical fields (with the aliases
// imports accept) and the small rules that normalise them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <map>

#include "model/field_spec.hpp"
#include "model/money.hpp"

namespace kunde::model {

// Payment terms when a customer has none recorded.
constexpr std::int64_t kDefaultPaymentTermsDays = 30;

struct Product {
  std::int64_t id = 0;
  std::string sku, name;
  std::optional<std::string> category;
  std::optional<std::int64_t> list_price, unit_cost;
  bool operator==(const Product&) const = default;
};

// A line's money in minor units. `amount` is what the customer pays for it, net of any
// discount: what revenue, balances and every report count. `gross` is the total before the
// discount, kept only when the two differ; `discount` the rate a file or `order add` gave
// (a fraction), kept only when it is not zero. `cost` is none when the line's cost is not
// known: such a line adds to revenue but not to margin.
struct OrderLine {
  std::int64_t line = 0;
  std::optional<std::int64_t> product_id;
  double quantity = 1;
  std::optional<std::int64_t> unit_price;
  std::int64_t amount = 0;
  std::optional<std::int64_t> gross;
  std::optional<double> discount;
  std::optional<std::int64_t> unit_cost, cost;
  // The total before discount: gross when kept, else the amount.
  std::int64_t gross_or_amount() const { return gross ? *gross : amount; }
  bool operator==(const OrderLine&) const = default;
};

struct Order {
  std::int64_t id = 0;
  std::string number;
  std::int64_t customer_id = 0;
  std::string ordered_at;
  std::optional<std::string> channel;
  std::string status = "completed";
  std::optional<std::int64_t> freight;          // what delivering it cost us: an order cost, not revenue
  std::map<std::string, std::string> attributes;  // other order-level columns (shipping address, ...)
  bool operator==(const Order&) const = default;
};

struct Payment {
  std::int64_t id = 0;
  std::string reference;
  std::int64_t customer_id = 0;
  std::string paid_at;
  std::int64_t amount = 0;
};

// Canonical product fields in export order.
namespace product_field {
enum : std::size_t { sku, name, category, list_price, unit_cost, count };
}
const std::vector<FieldSpec>& product_fields();

// Canonical order-line fields in export order; `amount` is the line total (order-level rows).
namespace order_field {
enum : std::size_t {
  order, customer, ordered_at, sku, quantity, unit_price, gross, discount, unit_cost, amount, channel, status, freight,
  name, category, count
};
}
const std::vector<FieldSpec>& order_fields();

namespace payment_field {
enum : std::size_t { customer, paid_at, amount, reference, count };
}
const std::vector<FieldSpec>& payment_fields();

std::vector<std::string> field_names(const std::vector<FieldSpec>& fields);

// Status as stored: lower case, "canceled"/"void" read as "cancelled", empty as "completed".
std::string normalise_status(std::string_view text);
// Channel as stored: trimmed and lower case; empty gives none.
std::optional<std::string> normalise_channel(std::string_view text);

// quantity × unit price in minor units, rounded half away from zero.
std::int64_t line_total(double quantity, std::int64_t unit_price);

// How a file writes discounts that are plain numbers: as fractions (0.05; a number above 1 is
// then an error) or as percentages (5). "5%" is a percentage either way.
enum class DiscountUnit { fraction, percent };
// "fraction" or "percent"; throws kunde::UsageError for anything else.
DiscountUnit discount_unit(std::string_view name);
// A discount as a fraction from 0 to 1. Throws kunde::Error for anything else.
double parse_discount(std::string_view text, DiscountUnit unit, NumberFormat fmt = {});
// The total after a discount: gross × (1 − discount), the discount read to millionths and the
// result rounded half away from zero, once.
std::int64_t discounted(std::int64_t gross, double discount);
// The total before a discount that left `net` (rounded half away from zero); none for a
// discount of 100%.
std::optional<std::int64_t> undiscounted(std::int64_t net, double discount);

// A stable 64-bit hash (FNV-1a) of the fields of a row, for content keys of rows that
// carry no identifier of their own. Field boundaries count.
class ContentHash {
 public:
  void add(std::string_view field);
  std::uint64_t value() const { return h_; }

 private:
  void mix(unsigned char c) {
    h_ ^= c;
    h_ *= 1099511628211ULL;
  }
  std::uint64_t h_ = 1469598103934665603ULL;
};
// The natural key of such a row: its hash and its occurrence number in the file, "~<hex>.<n>".
std::string content_key(std::uint64_t hash, std::uint32_t occurrence);

// "17850.0" -> "17850": a whole number that a spreadsheet wrote with a zero fraction.
std::string_view strip_zero_fraction(std::string_view number);

}  // namespace kunde::model
