// Nordic people, companies, addresses, phone numbers and organisation numbers for the generator.
#pragma once

#include <string>

#include "random.hpp"

namespace kunde::gen {

enum class Country { NO, SE, DK, FI };

const char* iso(Country c);
Country pick_country(Random& rng);

struct Person {
  std::string first;
  std::string last;
};
Person person_name(Random& rng, Country c);
std::string company_name(Random& rng, Country c);

struct Address {
  std::string street;
  std::string postal_code;
  std::string city;
};
Address address(Random& rng, Country c);

// A mobile number's national significant digits (e.g. 91234567 for Norway).
std::string mobile_digits(Random& rng, Country c);
// The same number written in one of the formats people use (international, national,
// 00-prefixed, with or without spaces and dashes); `style` selects the format.
std::string format_phone(const std::string& digits, Country c, int style);
constexpr int kPhoneStyles = 5;

// A valid organisation number, written in kunde's normalised form.
std::string org_number(Random& rng, Country c);

// Lower-case ASCII for e-mail addresses: "Bjørn Åberg" -> "bjorn.aberg".
std::string ascii_fold(const std::string& s);
// Strips the Nordic letters to their base letters but keeps case: "Bjørn" -> "Bjorn".
std::string strip_diacritics(const std::string& s);
// Upper case, Nordic letters included: "Bjørn" -> "BJØRN".
std::string upper(const std::string& s);

}  // namespace kunde::gen
