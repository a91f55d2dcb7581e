// Customers of thirty countries for kunde-gen --countries world: names, addresses, the
// country written as a code or a name in several languages, and phone numbers written the
// way each country writes them, or in every form kunde reads (--phone-forms all).
#pragma once

#include <string>
#include <vector>

#include "random.hpp"

namespace kunde::gen {

struct WorldCity {
  const char* name;
  const char* postal_code;  // '#': a digit, '@': a letter, anything else as it is
};

// A kind of phone number (a city's, mobiles'): the national significant number in the
// country's international grouping, and as dialled at home; 'X' is any digit, 'N' one of
// 2-9, both filled in the same order in the two.
struct PhoneKind {
  const char* international;
  const char* national;  // "": the trunk prefix, then `international`
};

struct WorldCountry {
  const char* iso;
  const char* iso3;
  std::vector<const char*> names;  // English, then the country's own, then Nordic ones
  std::vector<const char*> first, last, streets, company_forms, mail_domains;
  std::vector<WorldCity> cities;
  const char* calling_code;
  const char* trunk_prefix;          // "0", "1", or "" where there is none
  const char* international_prefix;  // what is dialled abroad from there: "00", "011"
  std::vector<PhoneKind> phones;
  const char* separators;  // what the country writes between groups at home
  double weight;           // share of customers, relative
};

const std::vector<WorldCountry>& world_countries();
const WorldCountry& pick_world_country(Random& rng);

// A customer's phone: which kind of the country's numbers, and its digits.
struct WorldPhone {
  int kind = 0;
  std::string digits;  // the X and N of the kind's templates, in order
};
WorldPhone world_phone(Random& rng, const WorldCountry& c);

// The phone as text: `style` picks one of the country's usual ways of writing it, or with
// `all_forms` one of every way kunde reads (international, 00 and +, the trunk prefix in
// parentheses, the calling code without '+', other separators, an extension, ...).
std::string write_world_phone(const WorldPhone& p, const WorldCountry& c, int style, bool all_forms);
constexpr int kWorldPhoneStyles = 200;  // one of them with an extension
// A number of the country `iso` (one of world_countries()) in one of every form kunde reads:
// its national significant `digits`, grouped as `grouping` ("XXX XX XXX").
std::string write_any_form(const std::string& digits, const char* iso, const char* grouping, int style);

// The country as a customer file writes it: mostly the code, else a name in some language.
std::string write_country(Random& rng, const WorldCountry& c);

std::string world_postal_code(Random& rng, const char* pattern);
std::string world_company_name(Random& rng, const WorldCountry& c);

}  // namespace kunde::gen
