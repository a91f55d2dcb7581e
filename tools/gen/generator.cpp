// The simulation: customers are generated one at a time and their orders, payments and
// contacts streamed to the CSV files, so memory stays flat whatever the size.
#include "generator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <optional>
#include <stdexcept>
#include <vector>

#include "nordic.hpp"
#include "random.hpp"
#include "world.hpp"

namespace kunde::gen {
namespace {

// ---- dates (days since 1970-01-01, Howard Hinnant's civil algorithms) ----

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::string civil(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return fmt::format("{:04}-{:02}-{:02}", y + (m <= 2), m, d);
}

std::int64_t parse_day(const std::string& s) {
  unsigned y = 0, m = 0, d = 0;
  char tail = 0;
  if (s.size() != 10 || std::sscanf(s.c_str(), "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12 ||
      d < 1 || d > 31) {
    throw std::runtime_error(fmt::format("'{}' is not a date (write YYYY-MM-DD)", s));
  }
  return days_from_civil(y, m, d);
}

std::string money(std::int64_t cents) {
  return fmt::format("{}{}.{:02}", cents < 0 ? "-" : "", std::llabs(cents) / 100, std::llabs(cents) % 100);
}

// ---- streaming CSV output ----

class CsvFile {
 public:
  CsvFile(const std::string& path, std::initializer_list<const char*> header) : path_(path) {
    file_ = std::fopen(path.c_str(), "wb");
    if (!file_) throw std::runtime_error(fmt::format("cannot write {}", path));
    buf_.reserve(kFlushAt + 4096);
    for (const char* h : header) field(h);
    end_row();
  }
  CsvFile(const CsvFile&) = delete;
  CsvFile& operator=(const CsvFile&) = delete;
  ~CsvFile() {
    if (file_) std::fclose(file_);
  }

  CsvFile& field(std::string_view v) {
    if (!first_) buf_ += ',';
    first_ = false;
    if (v.find_first_of(",\"\r\n") == std::string_view::npos) {
      buf_ += v;
    } else {
      buf_ += '"';
      for (char c : v) {
        if (c == '"') buf_ += '"';
        buf_ += c;
      }
      buf_ += '"';
    }
    return *this;
  }
  CsvFile& field(std::int64_t v) { return field(std::string_view(fmt::format("{}", v))); }

  void end_row() {
    buf_ += '\n';
    first_ = true;
    if (buf_.size() >= kFlushAt) flush();
  }

  void close() {
    flush();
    if (std::fclose(file_) != 0) throw std::runtime_error(fmt::format("cannot write {}", path_));
    file_ = nullptr;
  }

 private:
  static constexpr std::size_t kFlushAt = 1 << 20;
  void flush() {
    if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), file_) != buf_.size()) {
      throw std::runtime_error(fmt::format("cannot write {}", path_));
    }
    buf_.clear();
  }
  std::string path_;
  std::FILE* file_ = nullptr;
  std::string buf_;
  bool first_ = true;
};

// ---- catalogue ----

struct Category {
  const char* name;
  double base_price;
  int partner;  // index of the category often bought with this one, or -1
  std::vector<const char*> items;
};

const std::vector<Category>& categories() {
  static const std::vector<Category> cats = {
      {"kaffe", 4, 2, {"espressobønner", "filterkaffe", "kaffekvern", "presskanne", "melkeskummer"}},
      {"te", 3, 0, {"grønn te", "earl grey", "tekanne", "tesil", "rooibos"}},
      {"kjøkken", 8, -1, {"stekepanne", "kokekar", "skjærebrett", "kokkekniv", "kaffekopp", "brødkurv"}},
      {"tekstil", 10, -1, {"pledd", "håndkle", "sengetøy", "duk", "pute", "forkle"}},
      {"belysning", 12, 9, {"bordlampe", "lyslenke", "taklampe", "lykt", "stearinlys"}},
      {"hage", 5, 6, {"hageslange", "plantekasse", "frøpakke", "hagesaks", "vannkanne"}},
      {"verktøy", 13, -1, {"drill", "skrutrekker", "hammer", "vater", "målebånd"}},
      {"leker", 7, 8, {"byggeklosser", "puslespill", "kosebamse", "brettspill", "trebil"}},
      {"bøker", 6, -1, {"kokebok", "roman", "barnebok", "reiseguide", "fjellkart"}},
      {"elektronikk", 15, -1, {"hodetelefoner", "lader", "høyttaler", "powerbank", "radio"}},
      {"sport", 12, 3, {"skismøring", "tursekk", "sykkelhjelm", "ullundertøy", "termos"}},
      {"pleie", 2.5, -1, {"håndkrem", "såpe", "leppepomade", "sjampo", "solkrem"}},
  };
  return cats;
}

constexpr const char* kBrands[] = {"Fjord", "Nordlys", "Vinter", "Skog", "Havbris", "Fjell",
                                   "Midnatt", "Polar", "Saga", "Bølge", "Åsgard", "Løvtann"};
constexpr const char* kSizes[] = {"", "", "", " liten", " stor", " 500 g", " 2-pk", " 1 l"};

struct Product {
  std::string sku;
  int category;
  std::int64_t list_price;  // cents
  double cost_ratio;
};

struct Catalogue {
  std::vector<Product> products;
  std::vector<std::vector<int>> by_category;          // product indices
  std::vector<std::vector<double>> cumulative;        // Zipf-like popularity within a category
  std::vector<double> category_cumulative;
};

Catalogue make_catalogue(Random& rng, int count, const std::string& dir) {
  const auto& cats = categories();
  Catalogue cat;
  cat.by_category.resize(cats.size());
  cat.cumulative.resize(cats.size());
  CsvFile out(dir + "/products.csv", {"sku", "name", "category", "list_price", "unit_cost"});
  for (int i = 0; i < count; ++i) {
    int c = static_cast<int>(i % static_cast<int>(cats.size()));
    Product p;
    p.sku = fmt::format("SKU-{:05}", i + 1);
    p.category = c;
    double price = cats[static_cast<std::size_t>(c)].base_price * rng.gamma(4.0, 4.0);
    p.list_price = std::max<std::int64_t>(100, static_cast<std::int64_t>(std::round(price)) * 100 - 10);
    p.cost_ratio = 0.45 + 0.3 * rng.uniform();
    // Drawn one by one: the order a call's arguments are evaluated in differs between
    // compilers, and a seed must give the same data whichever built the generator.
    const char* size = rng.pick(kSizes);
    const char* item = rng.pick(std::span<const char* const>(cats[static_cast<std::size_t>(c)].items));
    const char* brand = rng.pick(kBrands);
    std::string name = fmt::format("{} {}{}", brand, item, size);
    out.field(p.sku).field(name).field(cats[static_cast<std::size_t>(c)].name).field(money(p.list_price));
    out.field(money(static_cast<std::int64_t>(std::round(static_cast<double>(p.list_price) * p.cost_ratio))));
    out.end_row();
    auto& list = cat.by_category[static_cast<std::size_t>(c)];
    auto& cum = cat.cumulative[static_cast<std::size_t>(c)];
    list.push_back(i);
    cum.push_back((cum.empty() ? 0.0 : cum.back()) + 1.0 / std::pow(static_cast<double>(list.size()), 0.8));
    cat.products.push_back(std::move(p));
  }
  out.close();
  double total = 0;
  for (std::size_t c = 0; c < cats.size(); ++c) {
    total += cat.by_category[c].empty() ? 0.0 : 1.0 + 0.25 * static_cast<double>(c % 4);
    cat.category_cumulative.push_back(total);
  }
  return cat;
}

// ---- customers ----

constexpr const char* kContactChannels[] = {"visit", "phone", "post", "email", "video",
                                            "chat",  "sms",   "fax",  "web",   "social"};
// Relative frequency of each channel above.
const std::vector<double> kChannelCumulative = {5, 35, 39, 69, 72, 80, 86, 88, 96, 100};

constexpr const char* kDomains[][4] = {{"online.no", "gmail.com", "hotmail.com", "outlook.com"},
                                       {"telia.com", "gmail.com", "hotmail.se", "outlook.com"},
                                       {"mail.dk", "gmail.com", "hotmail.com", "outlook.dk"},
                                       {"elisa.fi", "gmail.com", "kolumbus.fi", "outlook.com"}};
constexpr const char* kCountryNames[] = {"Norge", "Sverige", "Danmark", "Suomi"};
// How the Nordic mobile numbers group their digits, for writing them in every form.
constexpr const char* kNordicGrouping[] = {"XXX XX XXX", "XX XXX XX XX", "XX XX XX XX", "XX XXX XXXX"};
// What some customer files hold where a phone number should be.
constexpr const char* kNotNumbers[] = {"n/a", "ask reception", "-", "unknown", "see notes", "none"};

// The Nordic country of a world country, for its organisation numbers.
std::optional<Country> nordic(const WorldCountry& w) {
  for (Country c : {Country::NO, Country::SE, Country::DK, Country::FI})
    if (std::string_view(iso(c)) == w.iso) return c;
  return std::nullopt;
}
constexpr const char* kTags[] = {"newsletter", "newsletter", "newsletter", "vip", "student", "events"};
constexpr const char* kNotes[] = {
    "Prefers calls after 16:00",
    "Ring the bell twice, \"gate code\" 4711",
    "Allergic to nuts; no food samples",
    "Moved here in 2024, asked about delivery times",
    "Met at the Christmas market, interested in the winter range",
    "Pays by invoice only, never card",
    "Second line of notes:\nwants the catalogue by post",
};

struct Customer {
  std::string number, name, kind, email, phone_digits, street, postal_code, city;
  Country country = Country::NO;
  const WorldCountry* world = nullptr;  // with --countries world
  WorldPhone world_phone;
  int phone_style = 0;
  bool company = false;
  std::string created_at;
};

struct Alive {
  double lambda = 0, p = 0, nu = 0;
  double first = 0;  // weeks since start
  double dropout = -1;  // weeks since start, or -1 while alive at the end
  int repeats = 0;
};

class Generator {
 public:
  explicit Generator(const Options& o)
      : o_(o),
        rng_(o.seed),
        start_(parse_day(o.start)),
        end_(parse_day(o.end)),
        customers_(o.out + "/customers.csv",
                   {"number", "name", "kind", "email", "phone", "street", "postal_code", "city", "country",
                    "org_number", "created_at", "preferred_channel", "credit_limit", "payment_terms_days", "wallet",
                    "tags", "notes"}),
        orders_(o.out + "/orders.csv",
                {"order", "customer", "ordered_at", "sku", "quantity", "unit_price", "unit_cost", "channel",
                 "status"}),
        payments_(o.out + "/payments.csv", {"customer", "paid_at", "amount", "reference"}),
        contacts_(o.out + "/contacts.csv", {"customer", "at", "channel", "direction", "subject", "notes", "outcome",
                                            "reason", "follow_up_at", "owner"}),
        truth_(o.out + "/truth_customers.csv",
               {"customer", "first_purchase", "lambda", "p", "nu", "repeat_purchases", "alive", "dropout_at"}) {
    if (end_ <= start_) throw std::runtime_error("--end must be after --start");
    weeks_ = static_cast<double>(end_ - start_ + 1) / 7.0;
  }

  Counts run() {
    catalogue_ = make_catalogue(rng_, o_.products, o_.out);
    counts_.products = o_.products;
    for (std::int64_t i = 0; i < o_.customers; ++i) {
      std::string number = fmt::format("K{:06}", i + 1);
      if (!recent_.empty() && rng_.chance(o_.duplicates)) {
        duplicate(number);
      } else {
        customer(number);
      }
      ++counts_.customers;
    }
    customers_.close();
    orders_.close();
    payments_.close();
    contacts_.close();
    truth_.close();
    write_truth_json();
    return counts_;
  }

 private:
  std::string day(double weeks) const { return civil(start_ + static_cast<std::int64_t>(std::floor(weeks * 7.0))); }

  int phone_styles() const { return o_.all_phone_forms || o_.world ? kWorldPhoneStyles : kPhoneStyles; }
  static bool has_phone(const Customer& c) { return !c.phone_digits.empty() || !c.world_phone.digits.empty(); }

  // The phone cell: as the customer's country writes numbers, or in one of every form.
  std::string phone_text(const Customer& c) {
    if (!has_phone(c)) return "";
    bool counted = o_.world || o_.all_phone_forms;
    if (counted) ++counts_.phones;
    if (c.world && rng_.chance(0.01)) {
      ++counts_.phones_not_numbers;
      return rng_.pick(kNotNumbers);
    }
    if (c.world) return write_world_phone(c.world_phone, *c.world, c.phone_style, o_.all_phone_forms);
    if (o_.all_phone_forms) {
      return write_any_form(c.phone_digits, iso(c.country), kNordicGrouping[static_cast<int>(c.country)], c.phone_style);
    }
    return format_phone(c.phone_digits, c.country, c.phone_style);
  }
  std::int64_t day_number(double weeks) const { return start_ + static_cast<std::int64_t>(std::floor(weeks * 7.0)); }

  void customer(const std::string& number) {
    Customer c;
    c.number = number;
    if (o_.world) {
      c.world = &pick_world_country(rng_);
    } else {
      c.country = pick_country(rng_);
    }
    c.company = rng_.chance(0.15);
    int ci = static_cast<int>(c.country);
    std::string first_name, last_name;
    if (c.company) {
      c.name = c.world ? world_company_name(rng_, *c.world) : company_name(rng_, c.country);
      c.kind = "company";
    } else {
      Person p = c.world ? Person{rng_.pick(std::span<const char* const>(c.world->first)),
                                  rng_.pick(std::span<const char* const>(c.world->last))}
                         : person_name(rng_, c.country);
      first_name = p.first;
      last_name = p.last;
      c.name = p.first + " " + p.last;
      c.kind = "person";
    }
    std::string serial = number.substr(1);
    serial.erase(0, std::min(serial.find_first_not_of('0'), serial.size() - 1));
    if (!rng_.chance(0.05)) {
      const char* domain =
          c.world ? rng_.pick(std::span<const char* const>(c.world->mail_domains)) : kDomains[ci][rng_.between(0, 3)];
      if (c.company) {
        std::string tld = c.world ? c.world->iso : iso(c.country);
        for (char& ch : tld) ch = static_cast<char>(ch + 32);
        c.email = fmt::format("{}@{}{}.{}", rng_.chance(0.7) ? "post" : "faktura",
                              ascii_fold(c.name.substr(0, c.name.find(' '))), serial, tld);
      } else if (rng_.chance(0.5)) {
        c.email = fmt::format("{}.{}{}@{}", ascii_fold(first_name), ascii_fold(last_name), serial, domain);
      } else {
        c.email = fmt::format("{}{}{}@{}", ascii_fold(first_name).substr(0, 1), ascii_fold(last_name), serial, domain);
      }
    }
    if (!rng_.chance(0.04)) {
      if (c.world) {
        c.world_phone = world_phone(rng_, *c.world);
      } else {
        c.phone_digits = mobile_digits(rng_, c.country);
      }
      c.phone_style = static_cast<int>(rng_.between(0, phone_styles() - 1));
    }
    if (!rng_.chance(0.02)) {
      if (c.world) {
        const WorldCity& city = rng_.pick(std::span<const WorldCity>(c.world->cities));
        // One draw at a time, as everywhere here: compilers evaluate a call's arguments in
        // different orders, and a seed must give the same data whichever built kunde-gen.
        std::int64_t house = rng_.between(1, 120);
        c.street = fmt::format("{} {}", rng_.pick(std::span<const char* const>(c.world->streets)), house);
        c.postal_code = world_postal_code(rng_, city.postal_code);
        c.city = city.name;
      } else {
        Address a = address(rng_, c.country);
        c.street = a.street;
        c.postal_code = a.postal_code;
        c.city = a.city;
      }
    }

    // Buying behaviour: first purchase anywhere in the period, then BG/NBD.
    Alive t;
    t.lambda = rng_.gamma(o_.r, o_.alpha);
    t.p = rng_.beta(o_.a, o_.b);
    t.nu = rng_.gamma(o_.gg_q, o_.gg_gamma);
    t.first = rng_.uniform() * weeks_;
    std::vector<double> purchases{t.first};
    double now = t.first;
    for (;;) {
      now += rng_.exponential(t.lambda);
      if (now >= weeks_) break;
      purchases.push_back(now);
      if (rng_.chance(t.p)) {
        t.dropout = now;
        break;
      }
    }
    t.repeats = static_cast<int>(purchases.size()) - 1;
    std::int64_t created = std::max(start_, day_number(t.first) - rng_.between(0, 60));
    c.created_at = civil(created);

    std::string preferred = rng_.chance(0.4) ? kContactChannels[rng_.weighted(kChannelCumulative)] : "";
    int terms = c.company ? (rng_.chance(0.7) ? 30 : (rng_.chance(0.5) ? 14 : 45)) : 14;
    bool terms_written = c.company || rng_.chance(0.5);
    std::int64_t credit = c.company ? rng_.between(2, 20) * 500000 : (rng_.chance(0.1) ? 500000 : 0);

    customers_.field(c.number).field(c.name).field(c.kind).field(c.email);
    customers_.field(phone_text(c));
    customers_.field(c.street).field(c.postal_code).field(c.city);
    if (c.world) {
      customers_.field(write_country(rng_, *c.world));
      auto home = nordic(*c.world);
      customers_.field(c.company && home && rng_.chance(0.85) ? org_number(rng_, *home) : "");
    } else {
      customers_.field(rng_.chance(0.05) ? kCountryNames[ci] : iso(c.country));
      customers_.field(c.company && rng_.chance(0.85) ? org_number(rng_, c.country) : "");
    }
    customers_.field(c.created_at).field(preferred);
    customers_.field(credit ? money(credit) : "");
    customers_.field(terms_written ? fmt::format("{}", terms) : "");
    customers_.field(rng_.chance(0.3) ? money(static_cast<std::int64_t>(rng_.gamma(2.0, 1.0 / 400.0)) * 100) : "");
    std::vector<std::string> tags;
    if (c.company) tags.emplace_back("b2b");
    if (rng_.chance(0.35)) tags.emplace_back(rng_.pick(kTags));
    std::sort(tags.begin(), tags.end());
    tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
    std::string tag_text;
    for (const auto& tag : tags) tag_text += (tag_text.empty() ? "" : ";") + tag;
    customers_.field(tag_text);
    customers_.field(rng_.chance(0.08) ? rng_.pick(kNotes) : "");
    customers_.end_row();

    buy(c, t, purchases, terms);
    contacts(c, t, preferred);

    truth_.field(c.number).field(fmt::format("{:.4f}", t.first)).field(fmt::format("{:.6g}", t.lambda));
    truth_.field(fmt::format("{:.6g}", t.p)).field(fmt::format("{:.6g}", t.nu)).field(std::int64_t{t.repeats});
    truth_.field(t.dropout < 0 ? "1" : "0").field(t.dropout < 0 ? "" : fmt::format("{:.4f}", t.dropout));
    truth_.end_row();

    recent_.push_back(c);
    if (recent_.size() > 50) recent_.pop_front();
  }

  // A second record of a recent customer, as when someone registers again in a shop.
  void duplicate(const std::string& number) {
    const Customer& orig = recent_[static_cast<std::size_t>(rng_.between(0, static_cast<std::int64_t>(recent_.size()) - 1))];
    Customer d = orig;
    d.number = number;
    double u = rng_.uniform();
    if (u < 0.4) {
      d.name = strip_diacritics(orig.name);
    } else if (u < 0.6) {
      d.name = upper(orig.name);
    }
    if (!d.email.empty() && rng_.chance(0.5)) {
      d.email[0] = static_cast<char>(d.email[0] >= 'a' && d.email[0] <= 'z' ? d.email[0] - 32 : d.email[0]);
    } else if (has_phone(d)) {
      d.email.clear();
    }
    d.phone_style = (orig.phone_style + 1 + static_cast<int>(rng_.between(0, phone_styles() - 2))) % phone_styles();
    customers_.field(d.number).field(d.name).field(d.kind).field(d.email);
    customers_.field(phone_text(d));
    customers_.field(d.street).field(d.postal_code).field(d.city).field(d.world ? d.world->iso : iso(d.country)).field("");
    customers_.field(d.created_at).field("").field("").field("").field("").field("");
    customers_.field("Registered again in the shop");
    customers_.end_row();
    duplicates_.emplace_back(orig.number, d.number);
    ++counts_.duplicates;
  }

  struct Line {
    int product;
    std::int64_t quantity, unit_price, unit_cost;
  };

  std::vector<Line> basket(int favourite, std::int64_t total) {
    const auto& cats = categories();
    int k = 1 + rng_.poisson(std::max(0.0, o_.lines_per_order - 1.0));
    std::vector<Line> lines;
    int previous = -1;
    double weight_sum = 0;
    for (int j = 0; j < k; ++j) {
      int c;
      if (previous >= 0 && cats[static_cast<std::size_t>(previous)].partner >= 0 && rng_.chance(0.35)) {
        c = cats[static_cast<std::size_t>(previous)].partner;
      } else if (rng_.chance(0.5)) {
        c = favourite;
      } else {
        c = static_cast<int>(rng_.weighted(catalogue_.category_cumulative));
      }
      if (catalogue_.by_category[static_cast<std::size_t>(c)].empty()) c = favourite;
      const auto& list = catalogue_.by_category[static_cast<std::size_t>(c)];
      int product = list[rng_.weighted(catalogue_.cumulative[static_cast<std::size_t>(c)])];
      double u = rng_.uniform();
      std::int64_t qty = j == k - 1 ? 1 : (u < 0.8 ? 1 : (u < 0.95 ? 2 : 3));
      lines.push_back({product, qty, 0, 0});
      weight_sum += static_cast<double>(catalogue_.products[static_cast<std::size_t>(product)].list_price * qty);
      previous = c;
    }
    // Prices follow the list prices' proportions and add up to the drawn order value exactly.
    total = std::max<std::int64_t>(total, 3 * k);
    std::int64_t rest = total;
    for (std::size_t j = 0; j < lines.size(); ++j) {
      auto& l = lines[j];
      const Product& p = catalogue_.products[static_cast<std::size_t>(l.product)];
      if (j + 1 == lines.size()) {
        l.unit_price = rest;
      } else {
        double share = static_cast<double>(total) * static_cast<double>(p.list_price * l.quantity) / weight_sum;
        l.unit_price = std::max<std::int64_t>(1, static_cast<std::int64_t>(share) / l.quantity);
        rest -= l.unit_price * l.quantity;
      }
      l.unit_cost = static_cast<std::int64_t>(std::round(static_cast<double>(l.unit_price) * p.cost_ratio));
    }
    return lines;
  }

  void write_order(const std::string& id, const Customer& c, std::int64_t on, const std::vector<Line>& lines,
                   const std::string& channel, const char* status) {
    std::string date = civil(on);
    for (const auto& l : lines) {
      orders_.field(id).field(c.number).field(date).field(catalogue_.products[static_cast<std::size_t>(l.product)].sku);
      orders_.field(l.quantity).field(money(l.unit_price)).field(money(l.unit_cost)).field(channel).field(status);
      orders_.end_row();
      ++counts_.order_lines;
    }
    ++counts_.orders;
  }

  std::string next_order_id() { return fmt::format("O{:07}", ++order_serial_); }

  std::string order_channel(const std::string& usual) {
    static constexpr const char* kChannels[] = {"web", "web", "web", "retail", "retail", "phone"};
    return rng_.chance(0.75) ? usual : rng_.pick(kChannels);
  }

  void buy(const Customer& c, const Alive& t, const std::vector<double>& purchases, int terms) {
    static constexpr const char* kPersonChannels[] = {"web", "web", "retail", "retail", "phone"};
    static constexpr const char* kCompanyChannels[] = {"wholesale", "wholesale", "phone", "web"};
    std::string usual = c.company ? rng_.pick(kCompanyChannels) : rng_.pick(kPersonChannels);
    int favourite = static_cast<int>(rng_.weighted(catalogue_.category_cumulative));
    bool bad_payer = rng_.chance(0.03);
    for (double when : purchases) {
      std::int64_t on = day_number(when);
      std::int64_t value = static_cast<std::int64_t>(std::round(rng_.gamma(o_.gg_p, t.nu) * 100.0));
      std::vector<Line> lines = basket(favourite, value);
      std::string id = next_order_id();
      write_order(id, c, on, lines, order_channel(usual), "completed");
      ++counts_.purchases;
      std::int64_t total = 0;
      for (const auto& l : lines) total += l.quantity * l.unit_price;
      std::int64_t delay = rng_.chance(0.85) ? rng_.between(0, terms) : terms + rng_.between(1, 60);
      if (!(bad_payer && rng_.chance(0.5)) && on + delay <= end_) {
        payments_.field(c.number).field(civil(on + delay)).field(money(total)).field("PAY-" + id.substr(1));
        payments_.end_row();
        ++counts_.payments;
      }
      if (rng_.chance(o_.returns)) {
        std::int64_t back = on + rng_.between(3, 30);
        if (back <= end_) {
          Line l = lines[static_cast<std::size_t>(rng_.between(0, static_cast<std::int64_t>(lines.size()) - 1))];
          l.quantity = -1;
          write_order(next_order_id(), c, back, {l}, usual, "returned");
          ++counts_.returns;
        }
      }
      if (rng_.chance(o_.cancelled)) {
        std::int64_t at = std::min(end_, on + rng_.between(0, 14));
        std::int64_t v = static_cast<std::int64_t>(std::round(rng_.gamma(o_.gg_p, t.nu) * 100.0));
        write_order(next_order_id(), c, at, basket(favourite, v), usual, "cancelled");
        ++counts_.cancelled;
      }
    }
  }

  void contacts(const Customer& c, const Alive& t, const std::string& preferred) {
    static constexpr const char* kOwners[] = {"anna", "erik", "lars", "sofia", "mikko", "freja"};
    struct Topic {
      const char* subject;
      const char* outcome;
    };
    static constexpr Topic kIn[] = {{"Question about an order", "resolved"},  {"Invoice question", "resolved"},
                                    {"Delivery time", "resolved"},            {"Address change", "resolved"},
                                    {"Product advice", "order placed"},       {"Return request", "return accepted"},
                                    {"Asked for an offer", "offer promised"}, {"Opening hours", "resolved"}};
    static constexpr Topic kOut[] = {{"Follow-up after purchase", "satisfied"}, {"Winter catalogue", "sent"},
                                     {"Offer: spring range", "offer sent"},     {"Payment reminder", "promised to pay"},
                                     {"Customer survey", "no answer"},          {"Invitation to store event", "accepted"}};
    static constexpr const char* kNotesText[] = {"", "", "", "Called back twice", "Wants it in writing, by email",
                                                 "Satisfied, mentioned a neighbour who may buy",
                                                 "Asked about \"member price\", explained the terms"};
    static constexpr const char* kReasons[] = {"price", "delivery", "quality", "service", "competitor", "moved"};

    std::int64_t from = parse_day(c.created_at);
    double horizon = t.dropout < 0 ? weeks_ : std::min(weeks_, t.dropout + 8.0);
    std::int64_t to = std::max(from, day_number(horizon) - (horizon >= weeks_ ? 1 : 0));
    to = std::min(to, end_);
    int n = rng_.poisson(o_.contacts_per_customer);
    auto write = [&](std::int64_t on, const char* channel, const char* direction, const char* subject,
                     const char* notes, const char* outcome, const char* reason, bool follow_up) {
      std::int64_t minute = rng_.between(0, 59);
      std::int64_t hour = rng_.between(8, 17);
      contacts_.field(c.number).field(fmt::format("{} {:02}:{:02}", civil(on), hour, minute));
      contacts_.field(channel).field(direction).field(subject).field(notes).field(outcome).field(reason);
      contacts_.field(follow_up ? civil(on + rng_.between(1, 21)) : "").field(rng_.pick(kOwners));
      contacts_.end_row();
      ++counts_.contacts;
    };
    for (int i = 0; i < n; ++i) {
      std::int64_t on = rng_.between(from, to);
      const char* channel = !preferred.empty() && rng_.chance(0.5) ? preferred.c_str()
                                                                   : kContactChannels[rng_.weighted(kChannelCumulative)];
      bool inbound = rng_.chance(0.55);
      const Topic& topic = inbound ? rng_.pick(kIn) : rng_.pick(kOut);
      bool promise = std::string_view(topic.outcome).find("promise") != std::string_view::npos;
      bool follow_up = promise || rng_.chance(0.05);
      const char* notes = rng_.pick(kNotesText);
      write(on, channel, inbound ? "in" : "out", topic.subject, notes, topic.outcome, "", follow_up);
    }
    // Customers who leave often complained first: gives the churn report reasons to find.
    if (t.dropout >= 0 && rng_.chance(0.35)) {
      std::int64_t on = std::min(end_, day_number(t.dropout) + rng_.between(0, 20));
      const char* reason = rng_.pick(kReasons);
      static constexpr const char* kComplaintChannels[] = {"phone", "email", "chat", "visit"};
      const char* outcome = rng_.chance(0.5) ? "unresolved" : "credit note offered";
      const char* complaint_channel = rng_.pick(kComplaintChannels);
      write(on, complaint_channel, "in", fmt::format("Complaint: {}", reason).c_str(), "", outcome, reason, false);
    }
  }

  void write_truth_json() {
    std::string pairs;
    for (const auto& [a, b] : duplicates_) pairs += fmt::format("{}\n    [\"{}\", \"{}\"]", pairs.empty() ? "" : ",", a, b);
    std::string cross;
    const auto& cats = categories();
    for (const auto& c : cats) {
      if (c.partner < 0) continue;
      cross += fmt::format("{}[\"{}\", \"{}\"]", cross.empty() ? "" : ", ", c.name,
                           cats[static_cast<std::size_t>(c.partner)].name);
    }
    std::string json = fmt::format(
        R"({{
  "generator": "kunde-gen 1",
  "seed": {seed},
  "start": "{start}",
  "end": "{end}",
  "period_weeks": {weeks:.4f},
  "bgnbd": {{"r": {r}, "alpha": {alpha}, "a": {a}, "b": {b}, "unit": "week"}},
  "gamma_gamma": {{"p": {p}, "q": {q}, "gamma": {gamma}, "unit": "currency"}},
  "model": "Each customer's first purchase is uniform over the period; purchases then follow a Poisson process with rate lambda ~ Gamma(r, rate alpha) per week, and after each repeat purchase the customer drops out with probability p ~ Beta(a, b). Each purchase is one order with status completed whose total (sum of quantity x unit_price) is z ~ Gamma(p, rate nu), nu ~ Gamma(q, rate gamma) per customer. Cancelled orders (status cancelled) and returns (status returned, one line with quantity -1) are extra orders, not purchases. Near-duplicate customers have no orders. Per-customer truth is in truth_customers.csv (first_purchase and dropout_at in weeks since start).",
  "lines_per_order": {lpo},
  "contacts_per_customer": {cpc},
  "cross_sell": [{cross}],
  "counts": {{"customers": {customers}, "near_duplicates": {dupes}, "products": {products}, "orders": {orders}, "order_lines": {lines}, "purchases": {purchases}, "cancelled_orders": {cancelled}, "returns": {returns}, "payments": {payments}, "contacts": {contacts}}},
  "near_duplicates": [{pairs}
  ]
}}
)",
        fmt::arg("seed", o_.seed), fmt::arg("start", o_.start), fmt::arg("end", o_.end), fmt::arg("weeks", weeks_),
        fmt::arg("r", o_.r), fmt::arg("alpha", o_.alpha), fmt::arg("a", o_.a), fmt::arg("b", o_.b),
        fmt::arg("p", o_.gg_p), fmt::arg("q", o_.gg_q), fmt::arg("gamma", o_.gg_gamma),
        fmt::arg("lpo", o_.lines_per_order), fmt::arg("cpc", o_.contacts_per_customer), fmt::arg("cross", cross),
        fmt::arg("customers", counts_.customers), fmt::arg("dupes", counts_.duplicates),
        fmt::arg("products", counts_.products), fmt::arg("orders", counts_.orders),
        fmt::arg("lines", counts_.order_lines), fmt::arg("purchases", counts_.purchases),
        fmt::arg("cancelled", counts_.cancelled), fmt::arg("returns", counts_.returns),
        fmt::arg("payments", counts_.payments), fmt::arg("contacts", counts_.contacts), fmt::arg("pairs", pairs));
    if (o_.world || o_.all_phone_forms) {
      // Before the closing brace: how many phone cells there are, and how many hold no number.
      json.insert(json.rfind("\n}"), fmt::format(",\n  \"phones\": {{\"written\": {}, \"not_numbers\": {}}}",
                                                 counts_.phones, counts_.phones_not_numbers));
    }
    std::string path = o_.out + "/truth.json";
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f || std::fwrite(json.data(), 1, json.size(), f) != json.size() || std::fclose(f) != 0) {
      throw std::runtime_error(fmt::format("cannot write {}", path));
    }
  }

  const Options& o_;
  Random rng_;
  std::int64_t start_, end_;
  double weeks_ = 0;
  CsvFile customers_, orders_, payments_, contacts_, truth_;
  Catalogue catalogue_;
  Counts counts_;
  std::deque<Customer> recent_;
  std::vector<std::pair<std::string, std::string>> duplicates_;
  std::int64_t order_serial_ = 0;
};

}  // namespace

Counts generate(const Options& options) {
  if (options.customers < 0) throw std::runtime_error("--customers must not be negative");
  if (options.products < 1) throw std::runtime_error("--products must be at least 1");
  if (options.lines_per_order < 1.0) throw std::runtime_error("--lines-per-order must be at least 1");
  Generator g(options);
  return g.run();
}

}  // namespace kunde::gen
