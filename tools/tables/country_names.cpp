// Country codes and names from ICU's locale data (CLDR): every ISO 3166 code ICU knows and
// every region libphonenumber knows, with its alpha-3 code, its names in English and the
// Nordic languages (also the short and variant forms: "UK", "Czech Republic"), and its
// names in each language ICU has a locale for in that country ("Schweiz", "Suisse",
// "Svizzera" for CH); and the names of ISO 3166 itself, from Debian's iso-codes
// ("Congo, The Democratic Republic of the", "Holy See (Vatican City State)").
#include <phonenumbers/phonenumberutil.h>
#include <unicode/locid.h>
#include <unicode/udata.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "tables.hpp"

namespace kunde::tables {
namespace {

constexpr const char* kNordic[] = {"nb", "nn", "sv", "da", "fi", "is"};

std::string utf8(const UChar* text, int32_t length) {
  std::string out;
  icu::UnicodeString(text, length).toUTF8String(out);
  return out;
}

// The name of region `code` in `locale`, or "" when the locale has none of its own (ICU then
// falls back to root, which gives the code).
std::string display_name(const std::string& code, const char* locale) {
  UErrorCode status = U_ZERO_ERROR;
  UChar buf[256];
  std::string region = "und_" + code;
  int32_t n = uloc_getDisplayCountry(region.c_str(), locale, buf, 256, &status);
  if (U_FAILURE(status) || status == U_USING_DEFAULT_WARNING || n >= 256) return {};
  std::string name = utf8(buf, n);
  return name == code ? std::string() : name;
}

// CLDR's short and variant names in `language` ("UK", "Ivory Coast"), by region code.
std::vector<std::pair<std::string, std::string>> other_forms(const char* language) {
  std::vector<std::pair<std::string, std::string>> out;
  UErrorCode status = U_ZERO_ERROR;
  UResourceBundle* bundle = ures_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "region", language, &status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("no ICU region data for ") + language);
  for (const char* key : {"Countries%short", "Countries%variant"}) {
    UErrorCode s = U_ZERO_ERROR;
    UResourceBundle* table = ures_getByKey(bundle, key, nullptr, &s);
    if (U_FAILURE(s)) continue;
    while (ures_hasNext(table)) {
      UErrorCode e = U_ZERO_ERROR;
      UResourceBundle* entry = ures_getNextResource(table, nullptr, &e);
      int32_t length = 0;
      const UChar* text = ures_getString(entry, &length, &e);
      if (U_SUCCESS(e)) out.emplace_back(ures_getKey(entry), utf8(text, length));
      ures_close(entry);
    }
    ures_close(table);
  }
  ures_close(bundle);
  return out;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
}

class Names {
 public:
  explicit Names(std::set<std::string> codes) : codes_(std::move(codes)) {}

  void add(const std::string& code, const std::string& name) {
    if (name.empty() || !codes_.count(code) || !seen_.insert(code + '\t' + name).second) return;
    rows_ += "    {" + tables::quoted(code) + ", " + tables::quoted(name) + "},\n";
  }
  // English also as people spell out CLDR's abbreviations: "Saint Lucia", "Trinidad and Tobago".
  void add_english(const std::string& code, const std::string& name) {
    add(code, name);
    std::string spelled = name;
    replace_all(spelled, " & ", " and ");
    replace_all(spelled, "St. ", "Saint ");
    add(code, spelled);
  }
  const std::string& rows() const { return rows_; }

 private:
  std::set<std::string> codes_;
  std::set<std::string> seen_;
  std::string rows_;
};

// ISO 3166-1's name, official name and common name of each code, from iso-codes' JSON.
std::vector<std::pair<std::string, std::string>> iso_names(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  const nlohmann::json data = nlohmann::json::parse(in);
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& entry : data.at("3166-1")) {
    const std::string code = entry.at("alpha_2").get<std::string>();
    for (const char* key : {"name", "official_name", "common_name"}) {
      if (entry.contains(key)) out.emplace_back(code, entry.at(key).get<std::string>());
    }
  }
  return out;
}

}  // namespace

std::string country_names_source(const std::string& iso_3166_json) {
  std::set<std::string> codes;
  for (const char* const* c = icu::Locale::getISOCountries(); *c; ++c) codes.insert(*c);
  std::set<std::string> phone_regions;
  i18n::phonenumbers::PhoneNumberUtil::GetInstance()->GetSupportedRegions(&phone_regions);
  codes.insert(phone_regions.begin(), phone_regions.end());

  std::string code_rows;
  for (const auto& code : codes) {
    std::string alpha3 = uloc_getISO3Country(("und_" + code).c_str());
    code_rows += "    {" + tables::quoted(code) + ", " + tables::quoted(alpha3) + "},\n";
  }

  Names names(codes);
  for (const auto& code : codes) names.add_english(code, display_name(code, "en"));
  for (const auto& [code, name] : other_forms("en")) names.add_english(code, name);
  for (const auto& [code, name] : iso_names(iso_3166_json)) names.add_english(code, name);
  for (const char* language : kNordic) {
    for (const auto& code : codes) names.add(code, display_name(code, language));
    for (const auto& [code, name] : other_forms(language)) names.add(code, name);
  }
  int32_t count = 0;
  const icu::Locale* locales = icu::Locale::getAvailableLocales(count);
  for (int32_t i = 0; i < count; ++i) {
    std::string code = locales[i].getCountry();
    names.add(code, display_name(code, locales[i].getName()));
  }

  return "// Generated by kunde-tables from the ICU (CLDR) locale data kunde is built with and\n"
         "// the ISO 3166 names of iso-codes.\n"
         "// ISO 3166-1 alpha-2 codes, and the regions libphonenumber knows, with their alpha-3\n"
         "// code where they have one, in code order.\n"
         "constexpr CountryCode kCountryCodes[] = {\n" +
         code_rows +
         "};\n\n"
         "// Names, first those in English, then in the Nordic languages, then in the languages\n"
         "// of each country: where two countries share a name, the first wins.\n"
         "constexpr CountryName kCountryNames[] = {\n" +
         names.rows() + "};\n";
}

}  // namespace kunde::tables
