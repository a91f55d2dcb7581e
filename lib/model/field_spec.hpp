// A canonical input/output field, the other names files use for it, and how a file's column
// names are compared with them. Every entity's import reads its columns through one table of
// these (customer_fields(), order_fields(), ...), which `kunde ENTITY import --fields` prints.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kunde::model {

struct FieldSpec {
  std::string name;
  std::vector<std::string> aliases;
  bool required = false;    // every file needs a column for it (or a --set value)
  bool identifies = false;  // every file needs a column for one of the fields marked so: what rows are matched on
  std::string help;         // one line for `import --fields`
};

// How column names are compared: ASCII case, spaces, '_', '-', '.' and so camelCase are
// ignored, so "customerID", "customer_id", "Customer ID" and "CUSTOMER-ID" are one name.
std::string field_key(std::string_view name);

// A column that is no field kept as a custom attribute is named in snake case, camelCase
// split: "ShipCountry" -> "ship_country", "customerID" -> "customer_id", "Postal Code" ->
// "postal_code".
std::string attribute_name(std::string_view header);

// The field with this name or alias (compared as field_key does), or npos.
std::size_t find_field(const std::vector<FieldSpec>& fields, std::string_view name);

// Alias lists several entities share, so a customer reference or a sku is read alike in
// every file.
namespace aliases {
// A customer's number where a row refers to a customer (orders, payments, contacts) and as
// the customer's own number.
const std::vector<std::string>& customer_number();
const std::vector<std::string>& sku();
const std::vector<std::string>& product_name();
const std::vector<std::string>& category();
const std::vector<std::string>& unit_price();
const std::vector<std::string>& unit_cost();
}  // namespace aliases

}  // namespace kunde::model
