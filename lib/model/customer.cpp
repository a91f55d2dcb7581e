// Customer fields: parsing, validation and output.
#include "model/customer.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "error.hpp"
#include "model/country.hpp"
#include "model/dates.hpp"
#include "model/org_number.hpp"
#include "model/phone.hpp"
#include "text/utf8.hpp"

namespace kunde::model {
namespace {

// "First Last", or the one given.
std::string join_name(std::string_view first, std::string_view last) {
  first = text::trim(first);
  last = text::trim(last);
  return std::string(first) + (first.empty() || last.empty() ? "" : " ") + std::string(last);
}

std::optional<std::string> opt(std::string_view v) {
  if (v.empty()) return std::nullopt;
  return std::string(v);
}

Value text_value(const std::optional<std::string>& s) { return s ? Value(*s) : Value(); }
Value int_value(const std::optional<std::int64_t>& i) { return i ? Value(*i) : Value(); }
Value money_value(const std::optional<std::int64_t>& i, int decimals) {
  return i ? Value(Decimal{*i, decimals}) : Value();
}

}  // namespace

const std::vector<FieldSpec>& customer_fields() {
  static const std::vector<FieldSpec> fields = [] {
    std::vector<std::string> number = {"external_id"};
    number.insert(number.end(), aliases::customer_number().begin(), aliases::customer_number().end());
    return std::vector<FieldSpec>{
        {"number", number, false, true, "the customer's number in your systems (text; matched first)"},
        {"name", {"full_name", "customer_name", "company", "company_name", "navn", "namn", "firma"}, false, false,
         "person or company name (needed for a new customer)"},
        {"kind", {"type", "customer_type"}, false, false, "person or company (default person)"},
        {"contact_person", {"contact_name", "contact", "attention", "attn", "att", "kontaktperson", "kontakt"},
         false, false, "the person to talk to at a company"},
        {"email", {"e_mail", "mail", "email_address", "epost", "e_post"}, false, true,
         "email address (matched when there is no number)"},
        {"phone", {"telephone", "tel", "mobile", "phone_number", "telefon", "mobil"}, false, false,
         "phone in any form; stored as written and as E.164"},
        {"street", {"address", "street_address", "address1", "address_line1", "adresse", "gateadresse"}, false, false,
         "street address"},
        {"postal_code", {"zip", "zip_code", "postcode", "postnr", "postnummer"}, false, false, "postal code (text)"},
        {"city", {"town", "poststed", "sted", "ort", "by"}, false, false, "city"},
        {"country", {"country_code", "land"}, false, false, "country code or name, stored as ISO 3166-1 alpha-2"},
        {"org_number", {"organisation_number", "organization_number", "orgnr", "org_nr", "vat_number"}, false, false,
         "organisation number (checked for NO, SE, DK, FI)"},
        {"created_at", {"created", "create_date", "created_date", "date_created", "creation_date", "customer_since", "opprettet"}, false, false, "when the relationship began"},
        {"preferred_channel", {"channel"}, false, false, "preferred contact channel"},
        {"credit_limit", {"kredittgrense"}, false, false, "credit limit (amount)"},
        {"payment_terms_days", {"payment_terms", "terms_days", "betalingsfrist"}, false, false,
         "payment terms in days"},
        {"wallet", {"share_of_wallet_base", "estimated_spend"}, false, false,
         "estimated yearly spend in our category"},
        {"tags", {"labels"}, false, false, "tags, separated by ; or ,"},
        {"notes", {"note", "comment", "comments", "notat", "merknad"}, false, false, "free-text notes"},
    };
  }();
  return fields;
}

const std::vector<FieldSpec>& customer_import_fields() {
  static const std::vector<FieldSpec> fields = [] {
    std::vector<FieldSpec> out = customer_fields();
    out.push_back({"first_name", {"firstname", "given_name", "forename", "fornavn", "förnamn", "etunimi"}, false, false,
                   "first name: with last_name, the name (or a company's contact person)"});
    out.push_back({"last_name", {"lastname", "surname", "family_name", "etternavn", "efternamn", "sukunimi"}, false,
                   false, "last name: with first_name, the name (or a company's contact person)"});
    out.push_back({"contact_first_name", {"contact_firstname", "contact_given_name"}, false, false,
                   "a company's contact person's first name: with contact_last_name, the contact person"});
    out.push_back({"contact_last_name", {"contact_lastname", "contact_surname", "contact_family_name"}, false, false,
                   "a company's contact person's last name: with contact_first_name, the contact person"});
    return out;
  }();
  return fields;
}

bool is_company_column(std::string_view column) {
  std::string key = field_key(column);
  for (const char* name : {"company", "company_name", "firma"})
    if (key == field_key(name)) return true;
  return false;
}

void compose_name(Customer& c, std::string_view first, std::string_view last, bool name_is_company,
                  bool kind_given, bool contact_given) {
  std::string person = join_name(first, last);
  if (person.empty()) return;
  if (name_is_company && !text::trim(c.name).empty()) {
    if (!kind_given) c.kind = "company";
    if (!contact_given) c.contact_person = person;
    return;
  }
  if (text::trim(c.name).empty()) c.name = person;
}

void compose_contact(Customer& c, std::string_view first, std::string_view last, bool kind_given,
                     bool contact_given) {
  std::string person = join_name(first, last);
  if (person.empty()) return;
  if (!kind_given) c.kind = "company";
  if (!contact_given) c.contact_person = person;
}

std::vector<std::string> customer_columns() {
  std::vector<std::string> out;
  for (const auto& f : customer_fields()) out.push_back(f.name);
  return out;
}

std::optional<CustomerField> customer_field(std::string_view name) {
  std::size_t i = find_field(customer_fields(), name);
  if (i == std::string::npos) return std::nullopt;
  return static_cast<CustomerField>(i);
}

std::string_view customer_number_text(std::string_view number) {
  auto dot = number.find('.');
  if (dot == 0 || dot == std::string_view::npos || dot + 1 == number.size()) return number;
  auto whole = number.substr(0, dot), fraction = number.substr(dot + 1);
  bool digits = std::all_of(whole.begin(), whole.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  bool zeros = std::all_of(fraction.begin(), fraction.end(), [](char ch) { return ch == '0'; });
  return digits && zeros ? whole : number;
}

std::vector<std::string> split_tags(std::string_view s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find_first_of(";,", start);
    if (end == std::string_view::npos) end = s.size();
    auto t = text::trim(s.substr(start, end - start));
    if (!t.empty()) out.emplace_back(t);
    start = end + 1;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string join_tags(const std::vector<std::string>& tags) {
  std::string out;
  for (const auto& t : tags) out += (out.empty() ? "" : ";") + t;
  return out;
}

void set_customer_field(Customer& c, CustomerField field, std::string_view raw, const ParseContext& ctx) {
  std::string_view v = text::trim(raw);
  auto money = [&](std::optional<std::int64_t>& dst, const char* what) {
    try {
      dst = v.empty() ? std::nullopt : std::optional<std::int64_t>(parse_money(v, ctx.money_decimals, ctx.number));
    } catch (const Error& e) {
      throw Error(fmt::format("{}: {}", what, e.what()), e.hint());
    }
  };
  switch (field) {
    case kNumber: c.number = opt(customer_number_text(v)); break;
    case kName: c.name = std::string(v); break;
    case kContactPerson: c.contact_person = opt(v); break;
    case kKind: {
      std::string k = text::to_lower_ascii(v);
      if (k.empty() || k == "person" || k == "private" || k == "privat" || k == "individual" || k == "p") {
        c.kind = "person";
      } else if (k == "company" || k == "business" || k == "bedrift" || k == "firma" || k == "foretag" ||
                 k == "organisation" || k == "organization" || k == "c" || k == "b2b") {
        c.kind = "company";
      } else {
        throw Error(fmt::format("kind '{}' is neither person nor company", v), "write person or company");
      }
      break;
    }
    case kEmail: c.email = opt(v); break;
    case kPhone: c.phone = opt(v); break;
    case kStreet: c.street = opt(v); break;
    case kPostalCode: c.postal_code = opt(v); break;
    case kCity: c.city = opt(v); break;
    case kCountry: c.country = opt(v); break;
    case kOrgNumber: c.org_number = opt(v); break;
    case kCreatedAt: c.created_at = v.empty() ? std::nullopt : opt(ctx.file ? parse_file_date(v, ctx.date_format) : parse_date(v, ctx.date_format)); break;
    case kPreferredChannel: c.preferred_channel = v.empty() ? std::nullopt : opt(text::to_lower_ascii(v)); break;
    case kCreditLimit: money(c.credit_limit, "credit_limit"); break;
    case kPaymentTermsDays:
      c.payment_terms_days = v.empty() ? std::nullopt : std::optional<std::int64_t>(parse_integer(v));
      if (c.payment_terms_days && *c.payment_terms_days < 0)
        throw Error(fmt::format("payment_terms_days {} is negative", v), "give the number of days, e.g. 30");
      break;
    case kWallet: money(c.wallet, "wallet"); break;
    case kTags: c.tags = split_tags(v); break;
    case kNotes: c.notes = opt(raw.empty() ? v : text::trim(raw)); break;
    default: break;
  }
}

KeptAsWritten normalise(Customer& c, const ParseContext& ctx, const Customer* previous) {
  KeptAsWritten kept;
  if (c.email) {
    std::string key = text::to_lower_ascii(text::trim(*c.email));
    auto at = key.find('@');
    if (at == std::string::npos || at == 0 || at + 1 >= key.size() || key.find(' ') != std::string::npos) {
      throw Error(fmt::format("'{}' is not an email address", *c.email), "write it like name@example.com");
    }
    c.email_key = key;
  } else {
    c.email_key.reset();
  }
  std::string iso;
  if (c.country) {
    iso = country_code(*c.country);
    if (iso.empty()) {
      kept.country = true;
    } else {
      c.country = iso;
    }
  }
  if (iso.empty()) iso = ctx.region;
  if (previous && previous->phone == c.phone && previous->country == c.country) {
    c.phone_e164 = previous->phone_e164;
  } else {
    c.phone_e164 = c.phone ? to_e164(*c.phone, iso) : std::nullopt;
  }
  kept.phone = c.phone && !c.phone_e164;
  if (c.org_number) c.org_number = check_org_number(*c.org_number, iso);
  return kept;
}

std::vector<Value> customer_values(const Customer& c, int d) {
  return {text_value(c.number),
          Value(c.name),
          Value(c.kind),
          text_value(c.contact_person),
          text_value(c.email),
          text_value(c.phone),
          text_value(c.street),
          text_value(c.postal_code),
          text_value(c.city),
          text_value(c.country),
          text_value(c.org_number),
          text_value(c.created_at),
          text_value(c.preferred_channel),
          money_value(c.credit_limit, d),
          int_value(c.payment_terms_days),
          money_value(c.wallet, d),
          c.tags.empty() ? Value() : Value(join_tags(c.tags)),
          text_value(c.notes)};
}

}  // namespace kunde::model
