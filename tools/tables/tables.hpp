// kunde-tables: C++ tables generated while building kunde from the libraries the build
// machine has, so kunde reads phone numbers and country names without loading them.
#pragma once

#include <string>

namespace kunde::tables {

// The numbering plans of libphonenumber's metadata (lib/model/phone_plans.cpp includes it).
std::string phone_plans_source();

// ISO 3166 codes and country names from ICU's locale data and the iso-codes file
// `iso_3166_json` (lib/model/country.cpp includes it).
std::string country_names_source(const std::string& iso_3166_json);

// `text` as a C++ string literal.
std::string quoted(const std::string& text);

}  // namespace kunde::tables
