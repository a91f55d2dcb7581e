// Country recognition: codes by a search of the generated code table, names through a map
// from a folded key to the code, built on the first name seen.
#include "model/country.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <unordered_map>

#include "text/utf8.hpp"

namespace kunde::model {
namespace {

struct CountryCode {
  const char* alpha2;
  const char* alpha3;  // "" where ISO 3166 has none (AC, TA, ...)
};
struct CountryName {
  const char* code;
  const char* name;
};

#include "country_names.inc"

// What people write that CLDR does not have. CLDR's names come first, so these only add.
constexpr CountryName kCommonNames[] = {
    {"US", "United States of America"}, {"US", "America"},     {"GB", "Great Britain"},
    {"GB", "Britain"},                  {"GB", "England"},     {"GB", "Scotland"},
    {"GB", "Wales"},                    {"GB", "Northern Ireland"}, {"NL", "Holland"},
    {"AE", "UAE"},                      {"KR", "Korea"},       {"KR", "Republic of Korea"},
    {"RU", "Russian Federation"},       {"VA", "Vatican"},     {"MK", "Macedonia"},
    {"MM", "Burma"},                    {"CZ", "Czech"},       {"BA", "Bosnia-Herzegovina"},
};

void append_utf8(std::uint32_t cp, std::string& out) {
  if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  }
  out += static_cast<char>(0x80 | (cp & 0x3F));
}

// Greek and Cyrillic in lower case without accents, for the countries' own names in them.
std::uint32_t fold_greek_cyrillic(std::uint32_t cp) {
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
  if (cp == 0x401 || cp == 0x451) return 0x435;  // Ё, ё -> е
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  if (cp >= 0x391 && cp <= 0x3A9) cp += 0x20;
  switch (cp) {
    case 0x386: case 0x3AC: return 0x3B1;
    case 0x388: case 0x3AD: return 0x3B5;
    case 0x389: case 0x3AE: return 0x3B7;
    case 0x38A: case 0x3AF: case 0x3CA: case 0x390: case 0x3AA: return 0x3B9;
    case 0x38C: case 0x3CC: return 0x3BF;
    case 0x38E: case 0x3CD: case 0x3CB: case 0x3B0: case 0x3AB: return 0x3C5;
    case 0x38F: case 0x3CE: return 0x3C9;
    case 0x3C2: return 0x3C3;  // final sigma
    default: return cp;
  }
}

bool is_punctuation(std::uint32_t cp) {
  return (cp >= 0x80 && cp <= 0xBF) || (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F);
}

// The key a name is known by: text::fold (case and Latin diacritics), then Greek and
// Cyrillic folded too, a leading English "the" dropped, and spaces and punctuation left out.
std::string name_key(std::string_view name) {
  std::string folded = text::fold(text::trim(name));
  std::string_view f = folded;
  if (f.size() > 4 && f.compare(0, 4, "the ") == 0) f.remove_prefix(4);
  std::string key;
  key.reserve(f.size());
  for (std::size_t i = 0; i < f.size();) {
    auto c = static_cast<unsigned char>(f[i]);
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) key += static_cast<char>(c);
      ++i;
      continue;
    }
    // text::fold leaves only valid UTF-8; code points past U+FFFF are copied as they are.
    std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (len == 4 || i + len > f.size()) {
      key.append(f.substr(i, len));
      i += len;
      continue;
    }
    std::uint32_t cp = len == 2 ? ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(f[i + 1]) & 0x3Fu)
                                : ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(f[i + 1]) & 0x3Fu) << 6) |
                                      (static_cast<unsigned char>(f[i + 2]) & 0x3Fu);
    i += len;
    if (is_punctuation(cp)) continue;
    append_utf8(fold_greek_cyrillic(cp), key);
  }
  return key;
}

const std::unordered_map<std::string, const char*>& names() {
  static const std::unordered_map<std::string, const char*> map = [] {
    std::unordered_map<std::string, const char*> m;
    m.reserve(std::size(kCountryNames) + std::size(kCommonNames));
    for (const auto& n : kCountryNames) m.try_emplace(name_key(n.name), n.code);
    for (const auto& n : kCommonNames) m.try_emplace(name_key(n.name), n.code);
    m.erase(std::string());
    return m;
  }();
  return map;
}

bool all_ascii_letters(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  return out;
}

}  // namespace

std::string country_code(std::string_view country) {
  std::string_view t = text::trim(country);
  if (t.size() == 2 && all_ascii_letters(t)) {
    std::string code = upper(t);
    auto it = std::lower_bound(std::begin(kCountryCodes), std::end(kCountryCodes), code,
                               [](const CountryCode& c, const std::string& v) { return c.alpha2 < v; });
    if (it != std::end(kCountryCodes) && it->alpha2 == code) return code;
  } else if (t.size() == 3 && all_ascii_letters(t)) {
    std::string code = upper(t);
    for (const auto& c : kCountryCodes)
      if (code == c.alpha3) return c.alpha2;
  }
  if (t.empty()) return {};
  auto it = names().find(name_key(t));
  return it == names().end() ? std::string() : std::string(it->second);
}

std::string stored_country(std::string_view country) {
  std::string code = country_code(country);
  return code.empty() ? std::string(country) : code;
}

}  // namespace kunde::model
