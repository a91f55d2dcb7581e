// Column names: comparing them with fields, naming custom attributes, shared aliases.
#include "model/field_spec.hpp"

#include "text/utf8.hpp"

namespace kunde::model {
namespace {

bool upper(char c) { return c >= 'A' && c <= 'Z'; }
bool lower_or_digit(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool separator(char c) { return c == ' ' || c == '_' || c == '-' || c == '.' || c == '\t'; }
char lower(char c) { return upper(c) ? static_cast<char>(c + 32) : c; }

}  // namespace

std::string field_key(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char c : text::trim(name))
    if (!separator(c)) out += lower(c);
  return out;
}

std::string attribute_name(std::string_view header) {
  std::string_view h = text::trim(header);
  std::string out;
  out.reserve(h.size() + 4);
  for (std::size_t i = 0; i < h.size(); ++i) {
    char c = h[i];
    if (separator(c)) {
      if (!out.empty() && out.back() != '_') out += '_';
      continue;
    }
    // A capital starts a word after a small letter or digit ("shipCountry"), and ends a run of
    // capitals when a small letter follows it ("HTTPServer" -> "http_server").
    if (upper(c) && i > 0 && !out.empty() && out.back() != '_' &&
        (lower_or_digit(h[i - 1]) || (upper(h[i - 1]) && i + 1 < h.size() && h[i + 1] >= 'a' && h[i + 1] <= 'z'))) {
      out += '_';
    }
    out += lower(c);
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

std::size_t find_field(const std::vector<FieldSpec>& fields, std::string_view name) {
  std::string key = field_key(name);
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (field_key(fields[i].name) == key) return i;
  for (std::size_t i = 0; i < fields.size(); ++i)
    for (const auto& a : fields[i].aliases)
      if (field_key(a) == key) return i;
  return std::string::npos;
}

namespace aliases {

const std::vector<std::string>& customer_number() {
  static const std::vector<std::string> v = {"customer_id", "customer_number", "customer_no", "customer_nr",
                                             "cust_id",     "client_id",       "kundenr",     "kundenummer",
                                             "kunde_id",    "kundnummer"};
  return v;
}
const std::vector<std::string>& sku() {
  static const std::vector<std::string> v = {"stock_code", "item",    "item_no",    "item_number", "product_id",
                                             "product_code", "article", "article_no", "artikkelnr", "varenr"};
  return v;
}
const std::vector<std::string>& product_name() {
  static const std::vector<std::string> v = {"description", "product_name", "title", "produkt", "varenavn"};
  return v;
}
const std::vector<std::string>& category() {
  static const std::vector<std::string> v = {"product_category", "product_line", "category_name", "group",
                                             "kategori"};
  return v;
}
const std::vector<std::string>& unit_price() {
  static const std::vector<std::string> v = {"price",      "price_each",  "each_price",
                                             "sale_price", "sales_price", "pris"};
  return v;
}
const std::vector<std::string>& unit_cost() {
  static const std::vector<std::string> v = {"cost",      "cost_price", "purchase_price",
                                             "buy_price", "kostpris",   "innpris"};
  return v;
}

}  // namespace aliases

}  // namespace kunde::model
