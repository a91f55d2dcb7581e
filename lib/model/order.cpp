// Order, product and payment fields.
#include "model/order.hpp"

#include <fmt/format.h>

#include <cmath>

#include "error.hpp"
#include "text/utf8.hpp"

namespace kunde::model {

namespace {

std::vector<std::string> joined(std::initializer_list<std::string> first, const std::vector<std::string>& rest) {
  std::vector<std::string> out(first);
  out.insert(out.end(), rest.begin(), rest.end());
  return out;
}

}  // namespace

const std::vector<FieldSpec>& product_fields() {
  static const std::vector<FieldSpec> fields = {
      {"sku", aliases::sku(), true, false, "the product's code (matched on)"},
      {"name", aliases::product_name(), false, false, "product name"},
      {"category", aliases::category(), false, false, "product category"},
      {"list_price", joined({"unit_price", "msrp", "retail_price"}, aliases::unit_price()), false, false,
       "price per unit when a line gives none"},
      {"unit_cost", aliases::unit_cost(), false, false, "cost per unit when a line gives none"},
  };
  return fields;
}

const std::vector<FieldSpec>& order_fields() {
  static const std::vector<FieldSpec> fields = {
      {"order", {"order_id", "order_no", "order_number", "order_nr", "invoice", "invoice_id", "invoice_no",
                 "invoice_number", "ordrenr"}, false, true,
       "order number; lines with the same number are one order"},
      {"customer", joined({}, aliases::customer_number()), false, true,
       "customer number, #id or email (a lines file may leave it to the order)"},
      {"ordered_at", {"date", "order_date", "invoice_date", "ordered", "dato"}, false, false,
       "order date (a lines file may leave it to the order)"},
      {"sku", aliases::sku(), false, false, "product of the line; empty for an order-level row"},
      {"quantity", {"qty", "quantity_ordered", "ordered_quantity", "antall"}, false, false,
       "quantity (default 1; negative for returns)"},
      {"unit_price", joined({"unitprice"}, aliases::unit_price()), false, false,
       "price per unit before discount (default the list price)"},
      {"gross", {"gross_amount", "line_gross", "brutto"}, false, false,
       "line total before discount (default quantity × unit_price)"},
      {"discount", {"discount_rate", "rabatt"}, false, false,
       "discount as a fraction (0.05) or percentage (5%)"},
      {"unit_cost", aliases::unit_cost(), false, false, "cost per unit (default the product's)"},
      {"amount", {"total", "line_total", "net", "net_amount", "extended_price", "value", "belop"}, false, false,
       "line total after discount (default gross less discount); the order total on order-level rows"},
      {"channel", {"sales_channel", "kanal"}, false, false, "sales channel (web, retail, ...)"},
      {"status", {"order_status"}, false, false, "completed (default) or cancelled, ..."},
      {"freight", {"shipping_cost", "shipping", "delivery_cost", "frakt"}, false, false,
       "the order's freight: a cost of the order, not revenue"},
      {"name", aliases::product_name(), false, false, "product name, for products the import creates"},
      {"category", aliases::category(), false, false, "product category, for products the import creates"},
  };
  return fields;
}

const std::vector<FieldSpec>& payment_fields() {
  static const std::vector<FieldSpec> fields = {
      {"customer", joined({}, aliases::customer_number()), true, false, "customer number, #id or email"},
      {"paid_at", {"date", "payment_date", "paid", "betalt"}, true, false, "date of payment"},
      {"amount", {"sum", "paid_amount", "belop"}, true, false, "amount paid (negative for a refund)"},
      {"reference", {"ref", "payment_id", "transaction_id", "kid", "check_number", "cheque_number"}, false, false,
       "payment reference (matched on; default a key from the content)"},
  };
  return fields;
}

std::vector<std::string> field_names(const std::vector<FieldSpec>& fields) {
  std::vector<std::string> out;
  for (const auto& f : fields) out.push_back(f.name);
  return out;
}

std::string normalise_status(std::string_view text) {
  std::string s = text::to_lower_ascii(text::trim(text));
  if (s.empty()) return "completed";
  if (s == "canceled" || s == "cancelled" || s == "void" || s == "voided") return "cancelled";
  return s;
}

std::optional<std::string> normalise_channel(std::string_view text) {
  std::string s = text::to_lower_ascii(text::trim(text));
  if (s.empty()) return std::nullopt;
  return s;
}

std::int64_t line_total(double quantity, std::int64_t unit_price) {
  return static_cast<std::int64_t>(std::llround(quantity * static_cast<double>(unit_price)));
}

DiscountUnit discount_unit(std::string_view name) {
  std::string n = text::to_lower_ascii(text::trim(name));
  if (n == "fraction") return DiscountUnit::fraction;
  if (n == "percent" || n == "percentage") return DiscountUnit::percent;
  throw UsageError(fmt::format("discount unit '{}' is neither fraction nor percent", name),
                   "fraction reads 0.05 as 5%, percent reads 5 as 5%");
}

double parse_discount(std::string_view raw, DiscountUnit unit, NumberFormat number) {
  std::string_view t = text::trim(raw);
  bool percent = unit == DiscountUnit::percent;
  if (!t.empty() && t.back() == '%') {
    percent = true;
    t = text::trim(t.substr(0, t.size() - 1));
  }
  double v = parse_number(t, number);
  if (!percent && v > 1) {
    throw Error(fmt::format("discount {} is more than 1 (100%)", text::trim(raw)),
                "write a fraction (0.05) or a percentage (5%), or import with --discount-unit percent when the "
                "file writes percentages as plain numbers");
  }
  if (percent) v /= 100;
  if (!(v >= 0 && v <= 1)) {
    throw Error(fmt::format("discount {} is not between 0 and 100%", text::trim(raw)),
                "a discount is a fraction from 0 to 1 (or 0% to 100%)");
  }
  return v;
}

namespace {

constexpr std::int64_t kMillion = 1000000;

std::int64_t millionths(double fraction) { return static_cast<std::int64_t>(std::llround(fraction * kMillion)); }

// numerator / denominator, rounded half away from zero (denominator > 0).
std::int64_t divide_rounded(__int128 numerator, __int128 denominator) {
  __int128 half = denominator / 2;
  __int128 q = numerator >= 0 ? (numerator + half) / denominator : -((-numerator + half) / denominator);
  return static_cast<std::int64_t>(q);
}

}  // namespace

std::int64_t discounted(std::int64_t gross, double discount) {
  return divide_rounded(static_cast<__int128>(gross) * (kMillion - millionths(discount)), kMillion);
}

std::optional<std::int64_t> undiscounted(std::int64_t net, double discount) {
  std::int64_t keep = kMillion - millionths(discount);
  if (keep <= 0) return std::nullopt;
  return divide_rounded(static_cast<__int128>(net) * kMillion, keep);
}

void ContentHash::add(std::string_view field) {
  // Its length first, then its bytes: no two lists of fields give the same bytes.
  std::uint64_t size = field.size();
  for (int i = 0; i < 8; ++i) mix(static_cast<unsigned char>((size >> (8 * i)) & 0xff));
  for (unsigned char c : field) mix(c);
}

std::string content_key(std::uint64_t hash, std::uint32_t occurrence) {
  return fmt::format("~{:016x}.{}", hash, occurrence);
}

std::string_view strip_zero_fraction(std::string_view s) {
  auto dot = s.find('.');
  if (dot == std::string_view::npos || dot == 0) return s;
  for (std::size_t i = 0; i < dot; ++i)
    if (s[i] < '0' || s[i] > '9') return s;
  for (std::size_t i = dot + 1; i < s.size(); ++i)
    if (s[i] != '0') return s;
  return s.substr(0, dot);
}

}  // namespace kunde::model
