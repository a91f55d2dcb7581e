// Countries as people write them ("Norge", "Deutschland", "USA", "deu", "se"), recognised as
// ISO 3166-1 alpha-2 codes from ICU's locale data (tables generated when kunde is built).
#pragma once

#include <string>
#include <string_view>

namespace kunde::model {

// The ISO 3166-1 alpha-2 code of `country`, or "" when kunde does not recognise it.
// Recognised, ignoring case, spaces, punctuation and diacritics: alpha-2 and alpha-3 codes
// (and the regions libphonenumber knows, such as AC or XK); names in English, in the Nordic
// languages (nb, nn, sv, da, fi, is) and in each country's own languages (Österreich,
// Schweiz, Suisse, Svizzera); and the short forms people use (UK, Great Britain, Holland).
// The names are read on first use; codes need no table at all.
std::string country_code(std::string_view country);

// A country as kunde stores it: its code when recognised, else the text as written. Filters
// (--country, country = ... in rules) compare with this.
std::string stored_country(std::string_view country);

}  // namespace kunde::model
