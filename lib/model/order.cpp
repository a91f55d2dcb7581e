// Order, product and payment fields.
#include "model/order.hpp"

#include <fmt/format.h>

#include <cmath>

#include "text/utf8.hpp"

namespace kunde::model {

const std::vector<FieldSpec>& product_fields() {
  static const std::vector<FieldSpec> fields = {
      {"sku", {"stock_code", "stockcode", "item", "item_no", "product_id", "article", "artikkelnr"}, true},
      {"name", {"description", "product_name", "title", "produkt"}},
      {"category", {"product_category", "group", "kategori"}},
      {"list_price", {"price", "unit_price", "unitprice", "pris"}},
      {"unit_cost", {"cost", "cost_price", "kostpris"}},
  };
  return fields;
}

const std::vector<FieldSpec>& order_fields() {
  static const std::vector<FieldSpec> fields = {
      {"order", {"order_id", "order_no", "order_number", "invoice", "invoice_no", "invoiceno", "ordrenr"}},
      {"customer", {"customer_id", "customer_number", "customerid", "customer_no", "kundenr"}, true},
      {"ordered_at", {"date", "order_date", "invoice_date", "invoicedate", "ordered", "dato"}, true},
      {"sku", {"stock_code", "stockcode", "item", "item_no", "product_id", "article", "artikkelnr"}},
      {"quantity", {"qty", "antall"}},
      {"unit_price", {"price", "unitprice", "pris"}},
      {"unit_cost", {"cost", "cost_price", "kostpris"}},
      {"amount", {"total", "line_total", "value", "belop"}},
      {"channel", {"sales_channel", "kanal"}},
      {"status", {"order_status"}},
      {"name", {"description", "product_name", "title"}},
      {"category", {"product_category", "kategori"}},
  };
  return fields;
}

const std::vector<FieldSpec>& payment_fields() {
  static const std::vector<FieldSpec> fields = {
      {"customer", {"customer_id", "customer_number", "customerid", "customer_no", "kundenr"}, true},
      {"paid_at", {"date", "payment_date", "paid", "betalt"}, true},
      {"amount", {"sum", "paid_amount", "belop"}, true},
      {"reference", {"ref", "payment_id", "transaction_id", "kid"}},
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
