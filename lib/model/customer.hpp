// A customer and its canonical fields: what import reads, export writes, `edit --set`
// changes and the repository stores.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/field_spec.hpp"
#include "model/money.hpp"
#include "value.hpp"

namespace kunde::model {

struct Customer {
  std::int64_t id = 0;
  std::optional<std::string> number;
  std::string name;
  std::string kind = "person";
  std::optional<std::string> contact_person, email, phone, street, postal_code, city, country, org_number,
      created_at, preferred_channel, notes;
  std::optional<std::int64_t> credit_limit, payment_terms_days, wallet;
  std::vector<std::string> tags;                   // sorted, no duplicates
  std::map<std::string, std::string> attributes;   // custom columns from imports

  // Derived on normalise(): matching keys.
  std::optional<std::string> email_key, phone_e164;

  bool operator==(const Customer&) const = default;
};

// Canonical customer fields in export order, with their import aliases.
enum CustomerField : std::size_t {
  kNumber, kName, kKind, kContactPerson, kEmail, kPhone, kStreet, kPostalCode, kCity, kCountry, kOrgNumber,
  kCreatedAt, kPreferredChannel, kCreditLimit, kPaymentTermsDays, kWallet, kTags, kNotes,
  kCustomerFieldCount
};
const std::vector<FieldSpec>& customer_fields();
// What an import reads: the fields above, then kFirstName and kLastName, which make the name
// (see compose_name), and a company's contact person in two columns (see compose_contact).
enum CustomerImportField : std::size_t {
  kFirstName = kCustomerFieldCount,
  kLastName,
  kContactFirstName,
  kContactLastName,
  kCustomerImportFieldCount
};
const std::vector<FieldSpec>& customer_import_fields();
// The name from a file that writes it as first and last name: "First Last" is the name, or,
// when `company` is the row's company (the file's name column is a company's: Company,
// company_name, firma), the company is the customer and the person its contact person.
// What the row says itself (kind, contact person) stays.
void compose_name(Customer& c, std::string_view first, std::string_view last, bool name_is_company,
                  bool kind_given, bool contact_given);
// A contact person's first and last name ("contactFirstName", "contactLastName"): the
// customer is a company and "First Last" its contact person, unless the row says otherwise.
void compose_contact(Customer& c, std::string_view first, std::string_view last, bool kind_given,
                     bool contact_given);
// Whether a column read as the name holds a company's name ("Company", "companyName").
bool is_company_column(std::string_view column);
std::vector<std::string> customer_columns();
// The field for a name or alias ("customer_number" -> kNumber), if any.
std::optional<CustomerField> customer_field(std::string_view name);

struct ParseContext {
  int money_decimals = 2;
  NumberFormat number;
  std::string date_format;
  std::string region;  // default phone/organisation-number country
  bool file = false;   // the values come from a file (an import): errors may point at --date-format
};

// Sets one field from text; empty text clears it (name becomes ""). Throws kunde::Error.
void set_customer_field(Customer& c, CustomerField field, std::string_view value, const ParseContext& ctx);

// What normalise() had to keep as written, for an import's summary to count.
struct KeptAsWritten {
  bool country = false;  // a country neither a code nor a name kunde recognises
  bool phone = false;    // a phone number libphonenumber does not accept (no E.164 form)
};

// Validates the whole record and derives matching keys: writes a recognised country as its
// ISO 3166-1 alpha-2 code ("Deutschland" -> "DE"; others stay as written), checks the
// organisation number against the country (or the default region), lower-cases the email
// key, and computes the E.164 phone. Throws kunde::Error naming the problem.
// `previous`, the stored record when there is one, spares the phone parsing when neither
// the phone nor the country changed (re-imports).
KeptAsWritten normalise(Customer& c, const ParseContext& ctx, const Customer* previous = nullptr);

// The canonical fields as output values (money as decimals), in customer_columns() order.
std::vector<Value> customer_values(const Customer& c, int money_decimals);

// "a;b , c" -> {"a","b","c"}: sorted, unique, trimmed.
// A customer number as kunde keeps and looks it up: a whole number that a spreadsheet wrote
// with a decimal zero (17850.0, 0042.00) is that whole number (17850, 0042); anything else
// is itself.
std::string_view customer_number_text(std::string_view number);

std::vector<std::string> split_tags(std::string_view text);
std::string join_tags(const std::vector<std::string>& tags);

}  // namespace kunde::model
