// Thirty countries' names, addresses and phone numbers, and the ways their numbers are
// written. The numbers have the lengths and leading digits of real ones, so libphonenumber
// accepts every one.
#include "world.hpp"

#include <fmt/format.h>

#include <string_view>

namespace kunde::gen {

const std::vector<WorldCountry>& world_countries() {
  static const std::vector<WorldCountry> countries = {
      {"NO", "NOR", {"Norway", "Norge", "Noreg"},
       {"Ingrid", "Ola", "Kari", "Bjørn", "Åse", "Håkon", "Solveig", "Øystein"},
       {"Hansen", "Johansen", "Olsen", "Ødegård", "Bakken", "Sæther", "Løvås"},
       {"Storgata", "Kirkegata", "Fjordgata", "Skogveien"}, {"AS", "ANS"}, {"online.no", "gmail.com"},
       {{"Oslo", "0###"}, {"Bergen", "50##"}, {"Tromsø", "90##"}}, "47", "", "00",
       {{"9XX XX XXX", ""}, {"4XX XX XXX", ""}, {"22 XX XX XX", ""}}, " ", 6},
      {"SE", "SWE", {"Sweden", "Sverige", "Ruotsi"},
       {"Anna", "Erik", "Karin", "Lars", "Åsa", "Björn", "Märta", "Göran"},
       {"Andersson", "Johansson", "Karlsson", "Nilsson", "Söderström", "Åkesson"},
       {"Drottninggatan", "Storgatan", "Kungsgatan", "Björkvägen"}, {"AB", "HB"}, {"telia.com", "gmail.com"},
       {{"Stockholm", "11# ##"}, {"Göteborg", "41# ##"}, {"Malmö", "21# ##"}}, "46", "0", "00",
       {{"70 XXX XX XX", "070-XXX XX XX"}, {"73 XXX XX XX", "073-XXX XX XX"}, {"8 XXX XX XX", "08-XXX XX XX"},
        {"31 XXX XX XX", "031-XXX XX XX"}},
       " -", 5},
      {"DK", "DNK", {"Denmark", "Danmark", "Tanska"},
       {"Søren", "Mette", "Jens", "Anne", "Mads", "Lærke"},
       {"Nielsen", "Jensen", "Pedersen", "Møller", "Østergaard"},
       {"Vesterbrogade", "Nørrebrogade", "Østergade", "Algade"}, {"ApS", "A/S"}, {"mail.dk", "gmail.com"},
       {{"København K", "1###"}, {"Aarhus C", "8000"}, {"Odense C", "5000"}}, "45", "", "00",
       {{"2X XX XX XX", ""}, {"3X XX XX XX", ""}, {"4X XX XX XX", ""}}, " ", 3},
      {"FI", "FIN", {"Finland", "Suomi", "Finnland"},
       {"Mikko", "Päivi", "Jukka", "Sanna", "Antti", "Aino"},
       {"Virtanen", "Mäkinen", "Nieminen", "Hämäläinen", "Järvinen"},
       {"Mannerheimintie", "Hämeenkatu", "Kauppakatu"}, {"Oy", "Ab"}, {"elisa.fi", "gmail.com"},
       {{"Helsinki", "00###"}, {"Tampere", "33###"}, {"Turku", "20###"}}, "358", "0", "00",
       {{"40 XXX XXXX", ""}, {"50 XXX XXXX", ""}, {"9 XXX XXXX", ""}}, " -", 3},
      {"IS", "ISL", {"Iceland", "Ísland", "Island"},
       {"Jón", "Guðrún", "Sigurður", "Anna", "Ólafur"}, {"Jónsson", "Sigurðardóttir", "Ólafsson"},
       {"Laugavegur", "Hverfisgata"}, {"ehf.", "hf."}, {"simnet.is", "gmail.com"},
       {{"Reykjavík", "10#"}, {"Akureyri", "600"}}, "354", "", "00",
       {{"6XX XXXX", ""}, {"8XX XXXX", ""}, {"5XX XXXX", ""}}, " -", 1},
      {"DE", "DEU", {"Germany", "Deutschland", "Tyskland", "Saksa"},
       {"Hans", "Anna", "Jürgen", "Petra", "Lukas", "Sabine"},
       {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Wagner"},
       {"Hauptstraße", "Bahnhofstraße", "Gartenweg", "Schillerstraße"}, {"GmbH", "AG", "KG"},
       {"web.de", "gmx.de", "t-online.de"},
       {{"Berlin", "10###"}, {"München", "80###"}, {"Mannheim", "68###"}, {"Hamburg", "20###"}}, "49", "0", "00",
       {{"30 XXXXXXXX", ""}, {"89 XXXXXXX", ""}, {"621 XXXXX", "0621-XXXXX"}, {"151 XXXXXXXX", ""},
        {"176 XXXXXXXX", ""}},
       " /-", 4},
      {"AT", "AUT", {"Austria", "Österreich", "Østerrike"},
       {"Lukas", "Anna", "Florian", "Katharina"}, {"Gruber", "Huber", "Bauer", "Wagner"},
       {"Mariahilfer Straße", "Landstraßer Hauptstraße"}, {"GmbH", "OG"}, {"aon.at", "gmx.at"},
       {{"Wien", "1###"}, {"Graz", "80##"}, {"Salzburg", "50##"}}, "43", "0", "00",
       {{"1 XXXXXXX", ""}, {"664 XXXXXXX", ""}, {"316 XXXXXX", ""}}, " /-", 2},
      {"CH", "CHE", {"Switzerland", "Schweiz", "Suisse", "Svizzera", "Sveits"},
       {"Luca", "Laura", "Noah", "Mia", "Jean", "Chiara"}, {"Müller", "Meier", "Favre", "Rossi", "Keller"},
       {"Bahnhofstrasse", "Rue du Rhône", "Via Nassa"}, {"AG", "GmbH", "SA"}, {"bluewin.ch", "gmail.com"},
       {{"Zürich", "80##"}, {"Genève", "12##"}, {"Lugano", "69##"}}, "41", "0", "00",
       {{"44 XXX XX XX", ""}, {"22 XXX XX XX", ""}, {"79 XXX XX XX", ""}}, " ", 2},
      {"NL", "NLD", {"Netherlands", "Nederland", "Holland", "Nederländerna"},
       {"Daan", "Emma", "Sem", "Sophie", "Jan"}, {"de Jong", "Jansen", "de Vries", "van Dijk", "Bakker"},
       {"Kalverstraat", "Damrak", "Dorpsstraat"}, {"B.V.", "N.V."}, {"ziggo.nl", "kpnmail.nl"},
       {{"Amsterdam", "10## @@"}, {"Rotterdam", "30## @@"}, {"Utrecht", "35## @@"}}, "31", "0", "00",
       {{"20 XXX XXXX", ""}, {"10 XXX XXXX", ""}, {"6 XXXXXXXX", "06-XXXXXXXX"}}, " -", 3},
      {"BE", "BEL", {"Belgium", "België", "Belgique", "Belgien"},
       {"Lucas", "Emma", "Louis", "Marie", "Arthur"}, {"Peeters", "Janssens", "Dubois", "Lambert"},
       {"Rue Neuve", "Meir", "Grote Markt"}, {"BV", "SRL", "NV"}, {"skynet.be", "telenet.be"},
       {{"Bruxelles", "10##"}, {"Antwerpen", "20##"}, {"Liège", "40##"}}, "32", "0", "00",
       {{"2 XXX XX XX", ""}, {"3 XXX XX XX", ""}, {"47X XX XX XX", ""}}, " ./", 2},
      {"FR", "FRA", {"France", "Frankrike", "Ranska"},
       {"Jean", "Marie", "Pierre", "Camille", "Louis", "Chloé"},
       {"Martin", "Bernard", "Dubois", "Thomas", "Lefèvre"},
       {"Rue de la Paix", "Avenue Victor Hugo", "Boulevard Voltaire"}, {"SARL", "SAS", "SA"},
       {"orange.fr", "free.fr", "laposte.net"},
       {{"Paris", "750##"}, {"Lyon", "6900#"}, {"Marseille", "130##"}}, "33", "0", "00",
       {{"1 XX XX XX XX", ""}, {"4 XX XX XX XX", ""}, {"6 XX XX XX XX", ""}, {"7 XX XX XX XX", ""}}, " .", 5},
      {"ES", "ESP", {"Spain", "España", "Spania", "Espanja"},
       {"Antonio", "María", "José", "Carmen", "Javier", "Lucía"},
       {"García", "Fernández", "González", "Rodríguez", "López"},
       {"Calle Mayor", "Gran Vía", "Calle de Alcalá"}, {"S.L.", "S.A."}, {"telefonica.net", "gmail.com"},
       {{"Madrid", "280##"}, {"Barcelona", "080##"}, {"Sevilla", "410##"}}, "34", "", "00",
       {{"91X XXX XXX", ""}, {"93X XXX XXX", ""}, {"6XX XXX XXX", ""}}, " .-", 4},
      {"IT", "ITA", {"Italy", "Italia", "Italien"},
       {"Giuseppe", "Maria", "Marco", "Giulia", "Luca"}, {"Rossi", "Russo", "Ferrari", "Esposito", "Bianchi"},
       {"Via Roma", "Corso Italia", "Via Garibaldi"}, {"S.r.l.", "S.p.A."}, {"libero.it", "tiscali.it"},
       {{"Roma", "001##"}, {"Milano", "201##"}, {"Napoli", "801##"}}, "39", "", "00",
       {{"06 XXXX XXXX", ""}, {"02 XXXX XXXX", ""}, {"33X XXX XXXX", ""}, {"34X XXX XXXX", ""}}, " /.", 4},
      {"PT", "PRT", {"Portugal"},
       {"João", "Maria", "Tiago", "Ana", "Rui"}, {"Silva", "Santos", "Ferreira", "Pereira"},
       {"Rua Augusta", "Avenida da Liberdade"}, {"Lda.", "S.A."}, {"sapo.pt", "gmail.com"},
       {{"Lisboa", "1###-###"}, {"Porto", "4###-###"}}, "351", "", "00",
       {{"21X XXX XXX", ""}, {"91X XXX XXX", ""}, {"93X XXX XXX", ""}}, " ", 2},
      {"GB", "GBR", {"United Kingdom", "UK", "Great Britain", "Storbritannia", "England"},
       {"Oliver", "Amelia", "George", "Isla", "Harry", "Emily"},
       {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson"},
       {"High Street", "Station Road", "Church Lane"}, {"Ltd", "PLC", "LLP"}, {"btinternet.com", "gmail.com"},
       {{"London", "SW1A #@@"}, {"Manchester", "M1 #@@"}, {"Edinburgh", "EH1 #@@"}}, "44", "0", "00",
       {{"20 7946 XXXX", ""}, {"161 496 XXXX", ""}, {"7700 9XXXXX", ""}, {"131 XXX XXXX", ""}}, " ", 5},
      {"IE", "IRL", {"Ireland", "Éire", "Irland"},
       {"Seán", "Aoife", "Conor", "Niamh"}, {"Murphy", "Kelly", "O'Sullivan", "Walsh"},
       {"O'Connell Street", "Grafton Street"}, {"Ltd", "DAC"}, {"eircom.net", "gmail.com"},
       {{"Dublin", "D0# @@##"}, {"Cork", "T12 @@##"}}, "353", "0", "00",
       {{"1 XXX XXXX", "(01) XXX XXXX"}, {"85 XXX XXXX", ""}, {"87 XXX XXXX", ""}}, " ", 1},
      {"PL", "POL", {"Poland", "Polska", "Polen", "Puola"},
       {"Piotr", "Anna", "Krzysztof", "Katarzyna", "Tomasz"}, {"Nowak", "Kowalski", "Wiśniewski", "Wójcik"},
       {"ulica Marszałkowska", "ulica Długa"}, {"Sp. z o.o.", "S.A."}, {"wp.pl", "onet.pl"},
       {{"Warszawa", "00-###"}, {"Kraków", "30-###"}, {"Gdańsk", "80-###"}}, "48", "", "00",
       {{"22 XXX XX XX", ""}, {"5XX XXX XXX", ""}, {"6XX XXX XXX", ""}}, " -", 3},
      {"CZ", "CZE", {"Czech Republic", "Czechia", "Česko", "Tjeckien"},
       {"Jan", "Jana", "Petr", "Eva", "Tomáš"}, {"Novák", "Svoboda", "Novotný", "Dvořák"},
       {"Václavské náměstí", "Národní"}, {"s.r.o.", "a.s."}, {"seznam.cz", "email.cz"},
       {{"Praha", "1## 00"}, {"Brno", "6## 00"}}, "420", "", "00",
       {{"2XX XXX XXX", ""}, {"6XX XXX XXX", ""}, {"7XX XXX XXX", ""}}, " ", 1},
      {"EE", "EST", {"Estonia", "Eesti", "Viro"},
       {"Mart", "Kadri", "Jaan", "Liis"}, {"Tamm", "Saar", "Sepp", "Mägi"}, {"Narva maantee", "Pärnu maantee"},
       {"OÜ", "AS"}, {"neti.ee", "gmail.com"}, {{"Tallinn", "10###"}, {"Tartu", "5####"}}, "372", "", "00",
       {{"6XX XXXX", ""}, {"5XXX XXXX", ""}}, " ", 1},
      {"US", "USA", {"United States", "USA", "US", "America", "Yhdysvallat"},
       {"James", "Mary", "John", "Patricia", "Michael", "Jennifer"},
       {"Smith", "Johnson", "Williams", "Brown", "Miller", "Davis"},
       {"Main Street", "Oak Avenue", "Maple Drive", "Broadway"}, {"Inc.", "LLC", "Corp."},
       {"gmail.com", "yahoo.com", "aol.com"},
       {{"New York, NY", "100##"}, {"San Francisco, CA", "941##"}, {"Boston, MA", "021##"}, {"Chicago, IL", "606##"}},
       "1", "1", "011",
       {{"212 NXX XXXX", "(212) NXX-XXXX"}, {"415 NXX XXXX", "(415) NXX-XXXX"}, {"617 NXX XXXX", "617-NXX-XXXX"},
        {"312 NXX XXXX", "312-NXX-XXXX"}},
       "-.", 6},
      {"CA", "CAN", {"Canada", "Kanada"},
       {"Liam", "Olivia", "Noah", "Emma", "Étienne"}, {"Smith", "Tremblay", "Martin", "Roy", "Wilson"},
       {"Yonge Street", "Rue Sainte-Catherine", "Granville Street"}, {"Inc.", "Ltd."}, {"shaw.ca", "gmail.com"},
       {{"Toronto, ON", "M5V #@#"}, {"Vancouver, BC", "V6B #@#"}, {"Montréal, QC", "H2X #@#"}}, "1", "1", "011",
       {{"416 NXX XXXX", "(416) NXX-XXXX"}, {"604 NXX XXXX", "604-NXX-XXXX"}, {"514 NXX XXXX", "(514) NXX-XXXX"}},
       "-.", 3},
      {"MX", "MEX", {"Mexico", "México", "Meksiko"},
       {"José", "María", "Juan", "Guadalupe", "Luis"}, {"Hernández", "García", "Martínez", "López"},
       {"Avenida Reforma", "Calle Madero"}, {"S.A. de C.V.", "S. de R.L."}, {"prodigy.net.mx", "gmail.com"},
       {{"Ciudad de México", "06###"}, {"Guadalajara", "44###"}, {"Monterrey", "64###"}}, "52", "", "00",
       {{"55 XXXX XXXX", ""}, {"33 XXXX XXXX", ""}, {"81 XXXX XXXX", ""}}, " -", 2},
      {"BR", "BRA", {"Brazil", "Brasil", "Brasilien"},
       {"João", "Maria", "Pedro", "Ana", "Lucas"}, {"Silva", "Santos", "Oliveira", "Souza"},
       {"Avenida Paulista", "Rua Augusta"}, {"Ltda.", "S.A."}, {"uol.com.br", "gmail.com"},
       {{"São Paulo", "01###-###"}, {"Rio de Janeiro", "20###-###"}}, "55", "0", "0021",  // 00 and a carrier
       {{"11 9XXXX XXXX", "(11) 9XXXX-XXXX"}, {"11 3XXX XXXX", "(11) 3XXX-XXXX"}, {"21 9XXXX XXXX", "(21) 9XXXX-XXXX"}},
       " -", 2},
      {"AR", "ARG", {"Argentina"},
       {"Juan", "María", "Santiago", "Sofía"}, {"González", "Rodríguez", "Gómez", "Fernández"},
       {"Avenida Corrientes", "Calle Florida"}, {"S.A.", "S.R.L."}, {"fibertel.com.ar", "gmail.com"},
       {{"Buenos Aires", "C10##@@@"}, {"Córdoba", "X50##@@@"}}, "54", "0", "00",
       {{"11 XXXX XXXX", "011 XXXX-XXXX"}, {"9 11 XXXX XXXX", "011 15-XXXX-XXXX"}}, " -", 1},
      {"AU", "AUS", {"Australia", "Australien"},
       {"Jack", "Charlotte", "William", "Olivia"}, {"Smith", "Jones", "Williams", "Brown", "Nguyen"},
       {"George Street", "Collins Street"}, {"Pty Ltd", "Ltd"}, {"bigpond.com", "optusnet.com.au"},
       {{"Sydney NSW", "2###"}, {"Melbourne VIC", "3###"}}, "61", "0", "0011",
       {{"2 XXXX XXXX", "(02) XXXX XXXX"}, {"3 XXXX XXXX", "(03) XXXX XXXX"}, {"4XX XXX XXX", ""}}, " ", 2},
      {"NZ", "NZL", {"New Zealand", "Aotearoa", "Nya Zeeland"},
       {"Oliver", "Isla", "Jack", "Amelia"}, {"Smith", "Wilson", "Williams", "Taylor"},
       {"Queen Street", "Lambton Quay"}, {"Limited", "Ltd"}, {"xtra.co.nz", "gmail.com"},
       {{"Auckland", "10##"}, {"Wellington", "60##"}}, "64", "0", "00",
       {{"9 XXX XXXX", "(09) XXX XXXX"}, {"4 XXX XXXX", "(04) XXX XXXX"}, {"21 XXX XXXX", ""}}, " -", 1},
      {"JP", "JPN", {"Japan", "日本", "Japani"},
       {"Hiroshi", "Yuki", "Takashi", "Keiko", "Haruto"}, {"Sato", "Suzuki", "Takahashi", "Tanaka"},
       {"Ginza", "Shibuya"}, {"K.K.", "Co., Ltd."}, {"docomo.ne.jp", "yahoo.co.jp"},
       {{"Tokyo", "1##-####"}, {"Osaka", "5##-####"}}, "81", "0", "010",
       {{"3 XXXX XXXX", "03-XXXX-XXXX"}, {"6 XXXX XXXX", "06-XXXX-XXXX"}, {"90 XXXX XXXX", "090-XXXX-XXXX"}}, "-", 2},
      {"IN", "IND", {"India", "Indien", "भारत"},
       {"Aarav", "Priya", "Rahul", "Ananya", "Vikram"}, {"Sharma", "Patel", "Singh", "Kumar", "Gupta"},
       {"MG Road", "Park Street"}, {"Pvt Ltd", "Ltd"}, {"rediffmail.com", "gmail.com"},
       {{"New Delhi", "110###"}, {"Mumbai", "400###"}, {"Bengaluru", "560###"}}, "91", "0", "00",
       {{"98XXX XXXXX", ""}, {"70XXX XXXXX", ""}, {"11 XXXX XXXX", ""}}, " -", 2},
      {"ZA", "ZAF", {"South Africa", "Suid-Afrika", "Sør-Afrika"},
       {"Thabo", "Lerato", "Johan", "Anele"}, {"Nkosi", "van der Merwe", "Botha", "Dlamini"},
       {"Long Street", "Jan Smuts Avenue"}, {"(Pty) Ltd", "Ltd"}, {"mweb.co.za", "gmail.com"},
       {{"Johannesburg", "2###"}, {"Cape Town", "8###"}}, "27", "0", "00",
       {{"11 XXX XXXX", ""}, {"21 XXX XXXX", ""}, {"82 XXX XXXX", ""}}, " ", 1},
      {"TR", "TUR", {"Turkey", "Türkiye", "Tyrkia"},
       {"Mehmet", "Ayşe", "Mustafa", "Fatma", "Emre"}, {"Yılmaz", "Kaya", "Demir", "Şahin"},
       {"İstiklal Caddesi", "Atatürk Bulvarı"}, {"A.Ş.", "Ltd. Şti."}, {"ttmail.com", "gmail.com"},
       {{"İstanbul", "34###"}, {"Ankara", "06###"}}, "90", "0", "00",
       {{"212 XXX XX XX", "(0212) XXX XX XX"}, {"532 XXX XX XX", ""}}, " ", 2},
  };
  return countries;
}

const WorldCountry& pick_world_country(Random& rng) {
  static const std::vector<double> cumulative = [] {
    std::vector<double> c;
    for (const auto& w : world_countries()) c.push_back((c.empty() ? 0.0 : c.back()) + w.weight);
    return c;
  }();
  return world_countries()[rng.weighted(cumulative)];
}

WorldPhone world_phone(Random& rng, const WorldCountry& c) {
  WorldPhone p;
  p.kind = static_cast<int>(rng.between(0, static_cast<std::int64_t>(c.phones.size()) - 1));
  for (char t : std::string_view(c.phones[static_cast<std::size_t>(p.kind)].international)) {
    if (t == 'X') p.digits += static_cast<char>('0' + rng.between(0, 9));
    if (t == 'N') p.digits += static_cast<char>('0' + rng.between(2, 9));
  }
  return p;
}

namespace {

std::string fill(std::string_view tmpl, const std::string& digits) {
  std::string out;
  std::size_t k = 0;
  for (char t : tmpl) out += (t == 'X' || t == 'N') ? digits[k++] : t;
  return out;
}

std::string with_separator(std::string_view s, char sep) {
  std::string out;
  for (char c : s) {
    if (c != ' ') {
      out += c;
    } else if (sep) {
      out += sep;
    }
  }
  return out;
}

std::string digits_of(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c >= '0' && c <= '9') out += c;
  return out;
}

}  // namespace

namespace {

std::string write_phone(const PhoneKind& kind, const std::string& digits, const WorldCountry& c, int style,
                        bool all_forms) {
  std::string intl = fill(kind.international, digits);
  std::string national = *kind.national ? fill(kind.national, digits) : c.trunk_prefix + intl;
  std::string cc = c.calling_code;
  std::string_view seps = c.separators;
  char home_sep = seps[static_cast<std::size_t>(style) % seps.size()];
  if (!all_forms) {
    // As the country writes it: mostly at home, often for abroad, now and then dialled from there.
    switch (style % 10) {
      case 0: case 1: case 2: case 3: return national;
      case 4: return with_separator(national, home_sep);
      case 5: case 6: case 7: return "+" + cc + " " + intl;
      case 8: return "+" + cc + " " + with_separator(intl, home_sep);
      default: return c.international_prefix + std::string(" ") + cc + " " + intl;
    }
  }
  if (style % kWorldPhoneStyles == 18) return "+" + cc + " " + intl + " ext. 12";
  std::string first = intl.substr(0, intl.find(' '));
  std::string rest = intl.find(' ') == std::string::npos ? "" : intl.substr(intl.find(' ') + 1);
  bool trunk_zero = std::string_view(c.trunk_prefix) == "0";
  switch (style % 20) {
    case 0: return "+" + cc + digits_of(intl);                      // +4930123456
    case 1: return "+" + cc + " " + intl;                           // +49 30 123456
    case 2: return "+" + cc + "-" + with_separator(intl, '-');      // +49-30-123456
    case 3: return trunk_zero ? "+" + cc + " (0)" + intl : "+" + cc + " " + with_separator(intl, '.');
    case 4: return national;                                        // 030 123456
    case 5: return std::string("(") + c.trunk_prefix + first + ") " + rest;  // (030) 123456
    case 6: return digits_of(national);                             // 030123456
    case 7: return with_separator(national, '-');
    case 8: return with_separator(national, '.');
    case 9: return c.trunk_prefix + first + "/" + digits_of(rest);  // 030/123456
    case 10: return c.international_prefix + cc + "-" + digits_of(intl);  // 0049-30123456
    case 11: return c.international_prefix + std::string(" ") + cc + " " + intl;
    case 12: return c.international_prefix + std::string("-") + cc + "-" + with_separator(intl, '-');
    case 13: return cc + " " + intl;                                // 49 30 123456
    case 14: return "(" + cc + ") " + intl;                         // (49) 30 123456
    case 15: return "+" + cc + " (" + first + ") " + rest;          // +1 (604) 555 4729
    case 16: return digits_of(intl);                                // without the trunk prefix
    case 17: return "(+" + cc + ") " + intl;
    default: return with_separator(national, home_sep);
  }
}

}  // namespace

std::string write_world_phone(const WorldPhone& p, const WorldCountry& c, int style, bool all_forms) {
  return write_phone(c.phones[static_cast<std::size_t>(p.kind)], p.digits, c, style, all_forms);
}

std::string write_any_form(const std::string& digits, const char* iso, const char* grouping, int style) {
  for (const auto& c : world_countries()) {
    if (std::string_view(c.iso) == iso) return write_phone({grouping, ""}, digits, c, style, true);
  }
  return digits;
}

std::string write_country(Random& rng, const WorldCountry& c) {
  double u = rng.uniform();
  if (u < 0.55) return c.iso;
  if (u < 0.60) return fmt::format("{}{}", static_cast<char>(c.iso[0] + 32), static_cast<char>(c.iso[1] + 32));
  if (u < 0.68) return c.iso3;
  return rng.pick(std::span<const char* const>(c.names));
}

std::string world_postal_code(Random& rng, const char* pattern) {
  std::string out;
  for (const char* p = pattern; *p; ++p) {
    if (*p == '#') {
      out += static_cast<char>('0' + rng.between(0, 9));
    } else if (*p == '@') {
      out += static_cast<char>('A' + rng.between(0, 25));
    } else {
      out += *p;
    }
  }
  return out;
}

std::string world_company_name(Random& rng, const WorldCountry& c) {
  std::string last = rng.pick(std::span<const char* const>(c.last));
  std::string form = rng.pick(std::span<const char* const>(c.company_forms));
  static constexpr const char* kTrades[] = {"Trading", "Consulting", "Logistics", "Design", "Foods", "Tech"};
  if (rng.chance(0.3)) return fmt::format("{} & Co {}", last, form);
  return fmt::format("{} {} {}", last, rng.pick(kTrades), form);
}

}  // namespace kunde::gen
