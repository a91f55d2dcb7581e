// Nordic names, addresses, phone formats and organisation numbers with valid check digits.
#include "nordic.hpp"

#include <fmt/format.h>

#include <string_view>

namespace kunde::gen {
namespace {

struct City {
  const char* name;
  int lo, hi;  // postal code range
};

struct CountryData {
  std::span<const char* const> first;
  std::span<const char* const> last;
  std::span<const char* const> streets;
  std::span<const City> cities;
};

constexpr const char* kNoFirst[] = {"Bjørn",  "Åse",   "Ørjan",  "Kåre",   "Sølvi",     "Ingrid", "Ola",    "Kari",
                                    "Lars",   "Marit", "Knut",   "Solveig", "Håkon",    "Torbjørn", "Øystein", "Guro",
                                    "Siv",    "Eirik", "Ragnhild", "Jørgen", "Tove",    "Bård",   "Gøril",  "Nils",
                                    "Astrid", "Sigrid", "Halvor", "Mari",   "Jon",      "Synnøve"};
constexpr const char* kNoLast[] = {"Ødegård", "Hansen",   "Johansen", "Olsen",   "Larsen", "Bakken",  "Haugen",
                                   "Sæther",  "Strøm",    "Løvås",    "Kjær",    "Dahl",   "Berg",    "Nygård",
                                   "Sørensen", "Bråten",  "Holm",     "Aasen",   "Fjeld",  "Myhre",   "Solberg",
                                   "Hågensen", "Åberg",   "Bøe",      "Næss",    "Lie",    "Vik",     "Brekke"};
constexpr const char* kSeFirst[] = {"Sören", "Åsa",   "Björn",  "Göran",  "Märta", "Anna",   "Erik",  "Karin",
                                    "Lars",  "Maria", "Johan",  "Ingrid", "Per",   "Linnéa", "Måns",  "Örjan",
                                    "Agneta", "Elin", "Oskar",  "Astrid", "Gösta", "Britt",  "Ulf",   "Ylva"};
constexpr const char* kSeLast[] = {"Åberg",     "Andersson",  "Johansson", "Karlsson", "Nilsson",   "Eriksson",
                                   "Lindqvist", "Söderström", "Sjöberg",   "Bergström", "Lindström", "Höglund",
                                   "Åkesson",   "Ekström",    "Wallén",    "Nordström", "Strömberg", "Fältskog",
                                   "Löfgren",   "Hägg"};
constexpr const char* kDkFirst[] = {"Søren", "Mette", "Jens",    "Anne",  "Mads",   "Lærke", "Frederik", "Sofie",
                                    "Niels", "Birgitte", "Jørgen", "Kirsten", "Rasmus", "Ida", "Bjørn",   "Signe",
                                    "Ulla",  "Poul"};
constexpr const char* kDkLast[] = {"Nielsen",   "Jensen",   "Hansen",  "Pedersen", "Andersen",    "Christensen",
                                   "Larsen",    "Sørensen", "Rasmussen", "Jørgensen", "Kjærgaard", "Møller",
                                   "Mortensen", "Østergaard", "Lund",   "Kristensen", "Bæk",       "Dalsgaard"};
constexpr const char* kFiFirst[] = {"Mikko", "Päivi", "Jyrki", "Sanna", "Jukka",  "Riikka", "Timo", "Kaisa", "Antti",
                                    "Tiina", "Väinö", "Aino",  "Eero",  "Hanna",  "Sören",  "Jörn", "Åsa",   "Pekka"};
constexpr const char* kFiLast[] = {"Järvinen",   "Virtanen", "Mäkinen",  "Nieminen", "Mäkelä",   "Hämäläinen",
                                   "Laine",      "Heikkinen", "Koskinen", "Järvelä",  "Lehtonen", "Räsänen",
                                   "Kärkkäinen", "Pöllänen", "Lindholm", "Söderlund"};

constexpr const char* kNoStreets[] = {"Storgata",   "Kirkegata",  "Dronningens gate", "Søndre gate", "Strandveien",
                                      "Skogveien",  "Løkkeveien", "Fjordgata",        "Ringveien",   "Åsveien",
                                      "Bakkegata",  "Bjørnstjerne Bjørnsons gate"};
constexpr const char* kSeStreets[] = {"Drottninggatan", "Storgatan",  "Kungsgatan", "Järnvägsgatan", "Skolgatan",
                                      "Södra vägen",    "Ringvägen",  "Åsgatan",    "Kyrkogatan",    "Hamngatan",
                                      "Björkvägen"};
constexpr const char* kDkStreets[] = {"Vesterbrogade", "Nørrebrogade", "Østergade", "Algade",   "Strandvejen",
                                      "Søndergade",    "Jernbanegade", "Kongensgade", "Åboulevarden", "Skovvej",
                                      "Havnegade"};
constexpr const char* kFiStreets[] = {"Mannerheimintie", "Hämeenkatu", "Aleksanterinkatu", "Kauppakatu", "Koulukatu",
                                      "Rantatie",        "Mäntytie",   "Kirkkokatu",       "Satamakatu",
                                      "Itäinen Pitkäkatu"};

constexpr City kNoCities[] = {{"Oslo", 150, 1295},       {"Oslo", 150, 1295},       {"Bergen", 5003, 5099},
                              {"Trondheim", 7010, 7099}, {"Stavanger", 4005, 4099}, {"Tromsø", 9008, 9038},
                              {"Bodø", 8003, 8050},      {"Ålesund", 6002, 6030},   {"Bærum", 1300, 1369},
                              {"Drammen", 3001, 3050},   {"Lillehammer", 2609, 2630}, {"Kristiansand", 4608, 4639},
                              {"Fredrikstad", 1601, 1640}, {"Hønefoss", 3510, 3520}, {"Førde", 6800, 6810}};
constexpr City kSeCities[] = {{"Stockholm", 11120, 11860}, {"Stockholm", 11120, 11860}, {"Göteborg", 41101, 41879},
                              {"Malmö", 21111, 21777},     {"Uppsala", 75220, 75760},   {"Västerås", 72210, 72600},
                              {"Örebro", 70210, 70380},    {"Linköping", 58220, 58740}, {"Jönköping", 55310, 55630},
                              {"Umeå", 90320, 90760},      {"Luleå", 97231, 97592},     {"Gävle", 80250, 80650}};
constexpr City kDkCities[] = {{"København K", 1050, 1473}, {"København Ø", 2100, 2100}, {"Aarhus C", 8000, 8000},
                              {"Odense C", 5000, 5000},    {"Aalborg", 9000, 9000},     {"Køge", 4600, 4600},
                              {"Frederiksberg", 1800, 2000}, {"Esbjerg", 6700, 6705},   {"Randers", 8900, 8960},
                              {"Næstved", 4700, 4700},     {"Helsingør", 3000, 3000},   {"Roskilde", 4000, 4000}};
constexpr City kFiCities[] = {{"Helsinki", 100, 990},    {"Helsinki", 100, 990},      {"Espoo", 2100, 2980},
                              {"Tampere", 33100, 33960}, {"Turku", 20100, 20960},     {"Oulu", 90100, 90940},
                              {"Jyväskylä", 40100, 40950}, {"Hämeenlinna", 13100, 13600}, {"Vaasa", 65100, 65380},
                              {"Lahti", 15100, 15900},   {"Kuopio", 70100, 70900}};

const CountryData& data(Country c) {
  static const CountryData no{kNoFirst, kNoLast, kNoStreets, kNoCities};
  static const CountryData se{kSeFirst, kSeLast, kSeStreets, kSeCities};
  static const CountryData dk{kDkFirst, kDkLast, kDkStreets, kDkCities};
  static const CountryData fi{kFiFirst, kFiLast, kFiStreets, kFiCities};
  switch (c) {
    case Country::NO: return no;
    case Country::SE: return se;
    case Country::DK: return dk;
    default: return fi;
  }
}

int weighted_sum(const std::string& d, std::initializer_list<int> weights) {
  int sum = 0, i = 0;
  for (int w : weights) sum += (d[static_cast<std::size_t>(i++)] - '0') * w;
  return sum;
}

std::string random_digits(Random& rng, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += static_cast<char>('0' + rng.between(0, 9));
  return s;
}

}  // namespace

const char* iso(Country c) {
  switch (c) {
    case Country::NO: return "NO";
    case Country::SE: return "SE";
    case Country::DK: return "DK";
    default: return "FI";
  }
}

Country pick_country(Random& rng) {
  double u = rng.uniform();
  if (u < 0.45) return Country::NO;
  if (u < 0.75) return Country::SE;
  if (u < 0.90) return Country::DK;
  return Country::FI;
}

Person person_name(Random& rng, Country c) {
  const auto& d = data(c);
  return {rng.pick(d.first), rng.pick(d.last)};
}

std::string company_name(Random& rng, Country c) {
  const auto& d = data(c);
  std::string last = rng.pick(d.last);
  switch (c) {
    case Country::NO: {
      static constexpr const char* kTrades[] = {"Bygg", "Rørlegger", "Elektro", "Regnskap", "Transport",
                                                "Eiendom", "Handel", "Bakeri", "Verksted", "Kafé"};
      return fmt::format("{} {} AS", last, rng.pick(kTrades));
    }
    case Country::SE: {
      static constexpr const char* kTrades[] = {"Bygg", "Måleri", "El", "Redovisning", "Åkeri", "Fastigheter", "Café"};
      if (rng.chance(0.3)) return fmt::format("{} & Söner AB", last);
      return fmt::format("{} {} AB", last, rng.pick(kTrades));
    }
    case Country::DK: {
      static constexpr const char* kTrades[] = {"Tømrer", "VVS", "El-service", "Revision", "Vognmand", "Bageri"};
      if (rng.chance(0.3)) return fmt::format("{} Consult A/S", last);
      return fmt::format("{} {} ApS", last, rng.pick(kTrades));
    }
    default: {
      static constexpr const char* kTrades[] = {"Rakennus", "Kuljetus", "Sähkö", "Tilitoimisto", "Leipomo", "Kahvila"};
      return fmt::format("{} {} Oy", rng.pick(kTrades), last);
    }
  }
}

Address address(Random& rng, Country c) {
  const auto& d = data(c);
  const City& city = rng.pick(d.cities);
  int code = static_cast<int>(rng.between(city.lo, city.hi));
  Address a;
  int house = static_cast<int>(rng.between(1, 120));
  a.street = fmt::format("{} {}", rng.pick(d.streets), house);
  if (rng.chance(0.1)) a.street += static_cast<char>('A' + rng.between(0, 3));
  a.city = city.name;
  switch (c) {
    case Country::SE: a.postal_code = fmt::format("{:03} {:02}", code / 100, code % 100); break;
    case Country::FI: a.postal_code = fmt::format("{:05}", code); break;
    default: a.postal_code = fmt::format("{:04}", code); break;
  }
  return a;
}

std::string mobile_digits(Random& rng, Country c) {
  switch (c) {
    case Country::NO: {
      std::string tail = random_digits(rng, 7);
      return (rng.chance(0.5) ? "9" : "4") + tail;
    }
    case Country::SE: {
      static constexpr const char* kPrefixes[] = {"70", "72", "73", "76", "79"};
      std::string tail = random_digits(rng, 7);
      return rng.pick(kPrefixes) + tail;
    }
    case Country::DK: {
      std::string tail = random_digits(rng, 6);
      return std::to_string(rng.between(20, 31)) + tail;
    }
    default: {
      static constexpr const char* kPrefixes[] = {"40", "41", "44", "45", "50"};
      std::string tail = random_digits(rng, 7);
      return rng.pick(kPrefixes) + tail;
    }
  }
}

std::string format_phone(const std::string& d, Country c, int style) {
  auto s = [&](std::size_t pos, std::size_t n) { return std::string_view(d).substr(pos, n); };
  switch (c) {
    case Country::NO:
      switch (style) {
        case 0: return fmt::format("+47 {} {} {}", s(0, 3), s(3, 2), s(5, 3));
        case 1: return d;
        case 2: return "0047-" + d;
        case 3: return "+47" + d;
        default: return fmt::format("{} {} {}", s(0, 3), s(3, 2), s(5, 3));
      }
    case Country::SE:
      switch (style) {
        case 0: return fmt::format("+46 {}-{} {} {}", s(0, 2), s(2, 3), s(5, 2), s(7, 2));
        case 1: return fmt::format("0{}-{} {} {}", s(0, 2), s(2, 3), s(5, 2), s(7, 2));
        case 2: return "0046-" + d;
        case 3: return "+46" + d;
        default: return "0" + d;
      }
    case Country::DK:
      switch (style) {
        case 0: return fmt::format("+45 {} {} {} {}", s(0, 2), s(2, 2), s(4, 2), s(6, 2));
        case 1: return d;
        case 2: return "0045-" + d;
        case 3: return "+45" + d;
        default: return fmt::format("{} {} {} {}", s(0, 2), s(2, 2), s(4, 2), s(6, 2));
      }
    default:
      switch (style) {
        case 0: return fmt::format("+358 {} {} {}", s(0, 2), s(2, 3), s(5, 4));
        case 1: return fmt::format("0{} {} {}", s(0, 2), s(2, 3), s(5, 4));
        case 2: return "00358-" + d;
        case 3: return "+358" + d;
        default: return "0" + d;
      }
  }
}

std::string org_number(Random& rng, Country c) {
  for (;;) {
    switch (c) {
      case Country::NO: {
        std::string tail = random_digits(rng, 7);
        std::string d = (rng.chance(0.5) ? "9" : "8") + tail;
        int r = 11 - weighted_sum(d, {3, 2, 7, 6, 5, 4, 3, 2}) % 11;
        if (r == 11) r = 0;
        if (r == 10) continue;
        return d + static_cast<char>('0' + r);
      }
      case Country::SE: {
        std::string d = "556" + random_digits(rng, 6);
        int sum = 0;
        // Luhn over the 10 digits: the payload's last digit sits next to the check digit, doubled.
        for (std::size_t i = 0; i < d.size(); ++i) {
          int v = d[d.size() - 1 - i] - '0';
          if (i % 2 == 0) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
          sum += v;
        }
        d += static_cast<char>('0' + (10 - sum % 10) % 10);
        return d.substr(0, 6) + "-" + d.substr(6);
      }
      case Country::DK: {
        std::string tail = random_digits(rng, 6);
        std::string d = std::to_string(rng.between(1, 9)) + tail;
        int partial = weighted_sum(d, {2, 7, 6, 5, 4, 3, 2});
        int last = (11 - partial % 11) % 11;
        if (last == 10) continue;
        return d + static_cast<char>('0' + last);
      }
      default: {
        std::string tail = random_digits(rng, 6);
        std::string d = std::to_string(rng.between(1, 3)) + tail;
        int r = weighted_sum(d, {7, 9, 10, 5, 8, 4, 2}) % 11;
        if (r == 1) continue;
        int check = r == 0 ? 0 : 11 - r;
        return d + "-" + static_cast<char>('0' + check);
      }
    }
  }
}

namespace {

struct Fold {
  std::string_view from, lower, keep_case;
};
constexpr Fold kFolds[] = {
    {"å", "a", "a"},  {"Å", "a", "A"},  {"ä", "a", "a"}, {"Ä", "a", "A"}, {"æ", "ae", "ae"}, {"Æ", "ae", "Ae"},
    {"ø", "o", "o"},  {"Ø", "o", "O"},  {"ö", "o", "o"}, {"Ö", "o", "O"}, {"é", "e", "e"},   {"É", "e", "E"},
    {"ü", "u", "u"},  {"Ü", "u", "U"},
};

std::string fold(const std::string& s, bool lower) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    bool done = false;
    if (static_cast<unsigned char>(s[i]) >= 0x80) {
      for (const auto& f : kFolds) {
        if (std::string_view(s).substr(i, f.from.size()) == f.from) {
          out += lower ? f.lower : f.keep_case;
          i += f.from.size();
          done = true;
          break;
        }
      }
    }
    if (done) continue;
    char ch = s[i++];
    if (lower) {
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
      if (ch == ' ' || ch == '-') ch = '.';
      if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '.')) continue;
    }
    out += ch;
  }
  return out;
}

}  // namespace

std::string ascii_fold(const std::string& s) { return fold(s, true); }

std::string upper(const std::string& s) {
  static constexpr std::string_view kPairs[][2] = {{"å", "Å"}, {"ä", "Ä"}, {"æ", "Æ"}, {"ø", "Ø"},
                                                   {"ö", "Ö"}, {"é", "É"}, {"ü", "Ü"}};
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    bool done = false;
    for (const auto& p : kPairs) {
      if (std::string_view(s).substr(i, p[0].size()) == p[0]) {
        out += p[1];
        i += p[0].size();
        done = true;
        break;
      }
    }
    if (done) continue;
    char ch = s[i++];
    out += ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 32) : ch;
  }
  return out;
}
std::string strip_diacritics(const std::string& s) { return fold(s, false); }

}  // namespace kunde::gen
