// model/country: countries recognised from codes and from their names in many languages.
#include <doctest/doctest.h>

#include <string>

#include "model/country.hpp"

using kunde::model::country_code;

TEST_CASE("country_code reads ISO 3166 codes in any case") {
  CHECK(country_code("NO") == "NO");
  CHECK(country_code(" no ") == "NO");
  CHECK(country_code("fr") == "FR");
  CHECK(country_code("Se") == "SE");
  CHECK(country_code("SWE") == "SE");
  CHECK(country_code("deu") == "DE");
  CHECK(country_code("Che") == "CH");
  CHECK(country_code("USA") == "US");
  CHECK(country_code("XK") == "XK");  // Kosovo: a code in common use, and a phone region
  CHECK(country_code("AC") == "AC");  // Ascension: a phone region only
  CHECK(country_code("xx") == "");    // two letters, but no country
  CHECK(country_code("EU") == "");
  CHECK(country_code("XYZ") == "");
}

TEST_CASE("country_code reads names in English, the Nordic languages and each country's own") {
  struct Case {
    const char* name;
    const char* code;
  };
  const Case cases[] = {
      // English
      {"Norway", "NO"}, {"Germany", "DE"}, {"United States", "US"}, {"United Kingdom", "GB"},
      {"Switzerland", "CH"}, {"Czech Republic", "CZ"}, {"Czechia", "CZ"}, {"Ivory Coast", "CI"},
      {"South Korea", "KR"}, {"Bosnia & Herzegovina", "BA"}, {"Bosnia and Herzegovina", "BA"},
      {"Saint Lucia", "LC"}, {"St. Lucia", "LC"}, {"Trinidad and Tobago", "TT"},
      // Norwegian (bokmål and nynorsk), Swedish, Danish, Finnish, Icelandic
      {"Norge", "NO"}, {"Noreg", "NO"}, {"Tyskland", "DE"}, {"Sveits", "CH"}, {"Storbritannia", "GB"},
      {"Sverige", "SE"}, {"Tjeckien", "CZ"}, {"Nederländerna", "NL"}, {"Danmark", "DK"},
      {"Nederlandene", "NL"}, {"Suomi", "FI"}, {"Saksa", "DE"}, {"Yhdysvallat", "US"},
      {"Ruotsi", "SE"}, {"Ísland", "IS"}, {"Þýskaland", "DE"}, {"Bandaríkin", "US"},
      // the countries' own languages
      {"Deutschland", "DE"}, {"España", "ES"}, {"Österreich", "AT"}, {"Schweiz", "CH"},
      {"Suisse", "CH"}, {"Svizzera", "CH"}, {"Polska", "PL"}, {"Brasil", "BR"}, {"México", "MX"},
      {"België", "BE"}, {"Belgique", "BE"}, {"Belgien", "BE"}, {"France", "FR"}, {"Italia", "IT"},
      {"Nederland", "NL"}, {"Eesti", "EE"}, {"Lietuva", "LT"}, {"Magyarország", "HU"},
      {"Türkiye", "TR"}, {"Ελλάδα", "GR"}, {"Россия", "RU"}, {"Україна", "UA"}, {"日本", "JP"},
      {"Føroyar", "FO"}, {"Kalaallit Nunaat", "GL"}, {"Norga", "NO"},
      // the short forms people use
      {"USA", "US"}, {"U.S.A.", "US"}, {"America", "US"}, {"UK", "GB"}, {"U.K.", "GB"},
      {"Great Britain", "GB"}, {"England", "GB"}, {"Holland", "NL"}, {"The Netherlands", "NL"},
  };
  for (const auto& c : cases) {
    std::string name = c.name;
    CAPTURE(name);
    CHECK(country_code(c.name) == c.code);
  }
}

TEST_CASE("country_code ignores case, spaces, punctuation and diacritics") {
  CHECK(country_code("DEUTSCHLAND") == "DE");
  CHECK(country_code("  sverige ") == "SE");
  CHECK(country_code("osterreich") == "AT");
  CHECK(country_code("OESTERREICH") == "");  // a spelling, not a diacritic: not guessed
  CHECK(country_code("Mexico") == "MX");
  CHECK(country_code("belgie") == "BE");
  CHECK(country_code("Cote d'Ivoire") == "CI");
  CHECK(country_code("Côte d’Ivoire") == "CI");
  CHECK(country_code("unitedstates") == "US");
  CHECK(country_code("United  Kingdom") == "GB");
  CHECK(country_code("new-zealand") == "NZ");
  CHECK(country_code("ΕΛΛΑΔΑ") == "GR");
  CHECK(country_code("РОССИЯ") == "RU");
}

TEST_CASE("country_code leaves what it does not know") {
  CHECK(country_code("Atlantis") == "");
  CHECK(country_code("Europe") == "");
  CHECK(country_code("Oslo") == "");
  CHECK(country_code("---") == "");
  CHECK(country_code("") == "");
  CHECK(country_code("   ") == "");
  CHECK(country_code("\xff\xfe") == "");  // not UTF-8
}

TEST_CASE("country_code reads ISO 3166's own names, as old systems wrote them") {
  CHECK(country_code("Congo, The Democratic Republic of the") == "CD");
  CHECK(country_code("Virgin Islands, U.S.") == "VI");
  CHECK(country_code("Holy See (Vatican City State)") == "VA");
  CHECK(country_code("Saint Vincent and the Grenadines") == "VC");
  CHECK(country_code("Korea, Republic of") == "KR");
  CHECK(country_code("Iran, Islamic Republic of") == "IR");
  CHECK(country_code("Bolivia, Plurinational State of") == "BO");
  CHECK(country_code("Taiwan, Province of China") == "TW");
  CHECK(country_code("Yugoslavia") == "");  // no country now
}
