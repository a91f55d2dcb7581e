// model/phone: E.164 normalisation, the direct reading against libphonenumber's own parser,
// and the digit patterns of its metadata.
#include <doctest/doctest.h>
#include <phonenumbers/phonenumberutil.h>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "model/digit_pattern.hpp"
#include "model/phone.hpp"
#include "model/phone_direct.hpp"
#include "model/phone_plans.hpp"

using namespace kunde::model;
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

namespace {

// The sanitizers' build (scripts/test's second round) compares a quarter as many numbers.
#if defined(__SANITIZE_ADDRESS__)
constexpr int kShare = 4;
#else
constexpr int kShare = 1;
#endif

std::optional<std::string> e164(const char* s) { return std::string(s); }
std::string shown(const std::optional<std::string>& s) { return s ? *s : "(none)"; }

// Seeded, so a failure names a number that fails again.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::size_t below(std::size_t n) {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>((state_ >> 33) % n);
  }
  bool chance(std::size_t percent) { return below(100) < percent; }
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[below(v.size())];
  }

 private:
  std::uint64_t state_;
};

}  // namespace

TEST_CASE("to_e164") {
  CHECK(to_e164("+47 912 34 567", "NO") == e164("+4791234567"));
  CHECK(to_e164("91234567", "NO") == e164("+4791234567"));
  CHECK(to_e164("0047-91234567", "NO") == e164("+4791234567"));
  CHECK(to_e164("(+47) 91 23 45 67", "SE") == e164("+4791234567"));
  CHECK(to_e164("+47 912 34 567", "") == e164("+4791234567"));
  CHECK(to_e164("08-123 456 78", "SE") == e164("+46812345678"));
  CHECK(to_e164("91234567", "") == std::nullopt);
  CHECK(to_e164("hello", "NO") == std::nullopt);
  CHECK(to_e164("12", "NO") == std::nullopt);
  CHECK(to_e164("", "NO") == std::nullopt);
  // Forms only libphonenumber's parser reads: an extension, letters.
  CHECK(to_e164("+47 912 34 567 ext. 12", "NO") == e164("+4791234567"));
  CHECK(to_e164("1-800-FLOWERS", "US") == e164("+18003569377"));
  const std::string long_run(45, '4');  // longer than any number: left to the parser
  CHECK(read_directly(long_run, "NO").kind == DirectReading::Kind::other_form);
  CHECK(to_e164(long_run, "NO") == to_e164_full(long_run, "NO"));
}

TEST_CASE("to_e164 reads the ways real files write numbers, without libphonenumber's parser") {
  struct Case {
    const char* text;
    const char* region;
    const char* e164;
  };
  const Case cases[] = {
      {"(46) 8781 1535", "SE", "+4687811535"},   // the calling code in parentheses, no '+'
      {"+44 20 7946 0958", "GB", "+442079460958"},
      {"+44 (0)20 7946 0958", "SE", "+442079460958"},
      {"(030) 1234567", "DE", "+49301234567"},
      {"555-123-4567", "US", "+15551234567"},
      {"0046-8-123 45 67", "SE", "+4681234567"},
      {"+1 (604) 555-4729", "CA", "+16045554729"},
      {"030-0074321", "DE", "+49300074321"},
      {"(5) 555-4729", "MX", "+5255554729"},
      {"0621-08460", "DE", "+4962108460"},
      {"+0047 91234567", "NO", "+4791234567"},     // '+' before the international prefix
      {"011 54 9 11 1234 5678", "US", "+5491112345678"},
      {"011 15 1234-5678", "AR", "+5491112345678"},  // Argentina's mobile prefix, rewritten
      {"462-1234", "AG", "+12684621234"},            // a local number, with the area code added
      {"Tel. 030 1234567", "DE", "+49301234567"},
      {"+47\xc2\xa0" "912\xc2\xa0" "34\xc2\xa0" "567", "NO", "+4791234567"},  // no-break spaces
      {"06 12 34 56 78", "FR", "+33612345678"},
      {"+39 06 6982 1234", "IT", "+390669821234"},   // Italy keeps its leading zero
      {"+800 1234 5678", "", "+80012345678"},         // non-geographical
  };
  for (const auto& c : cases) {
    std::string text = c.text, region = c.region;
    CAPTURE(text);
    CAPTURE(region);
    DirectReading direct = read_directly(c.text, c.region);
    CHECK(direct.kind == DirectReading::Kind::normalised);
    CHECK(direct.e164 == c.e164);
    CHECK(shown(to_e164(c.text, c.region)) == c.e164);
    CHECK(shown(to_e164_full(c.text, c.region)) == c.e164);
  }
  CHECK(read_directly("1-800-FLOWERS", "US").kind == DirectReading::Kind::other_form);
  CHECK(read_directly("+47 912 34 567 x12", "NO").kind == DirectReading::Kind::other_form);
  CHECK(read_directly("1234", "NO").kind == DirectReading::Kind::not_a_number);
  CHECK(read_directly("ask reception", "NO").kind == DirectReading::Kind::not_a_number);
  CHECK(read_directly("tel:x;phone-context=+4", "NO").kind == DirectReading::Kind::not_a_number);
  CHECK(read_directly("91234567", "").kind == DirectReading::Kind::not_a_number);
}

TEST_CASE("is_phone_region") {
  CHECK(is_phone_region("NO"));
  CHECK(is_phone_region("AC"));
  CHECK_FALSE(is_phone_region("no"));
  CHECK_FALSE(is_phone_region("001"));
  CHECK_FALSE(is_phone_region("EU"));
  CHECK_FALSE(is_phone_region(""));
}

TEST_CASE("DigitPattern matches as ICU does") {
  SUBCASE("whole strings") {
    DigitPattern no("(?:0|[2-9]\\d{3})\\d{4}");
    REQUIRE(no.supported());
    CHECK(no.full_match("91234567"));
    CHECK(no.full_match("01234"));
    CHECK_FALSE(no.full_match("1234567"));
    CHECK_FALSE(no.full_match("912345678"));
    CHECK_FALSE(no.full_match(""));
  }
  SUBCASE("at the start: the first match in the pattern's order, not the longest") {
    DigitPattern hk("00(?:30|5[09]|[126-9]?)");
    CHECK(hk.looking_at("0030123")->end == 4);
    CHECK(hk.looking_at("0012")->end == 3);
    CHECK(hk.looking_at("0041")->end == 2);
    CHECK_FALSE(hk.looking_at("0100"));
    DigitPattern lazy_not_longest("1|12");
    CHECK(lazy_not_longest.looking_at("123")->end == 1);
  }
  SUBCASE("groups, the end of the input and counted repetition") {
    DigitPattern br("(?:0|90)(?:(1[245]|2[1-35]|31|4[13]|[56]5|99)(\\d{10,11}))?");
    auto m = br.looking_at("0211234567890");
    REQUIRE(m);
    CHECK(br.groups() == 2);
    CHECK(m->group("0211234567890", 1) == "21");
    CHECK(m->group("0211234567890", 2) == "1234567890");
    m = br.looking_at("0123");  // the optional part fails: its groups take no part
    REQUIRE(m);
    CHECK(m->end == 1);
    CHECK(m->group("0123", 1).empty());
    DigitPattern ag("1|([457]\\d{6})$");
    CHECK(ag.looking_at("4621234")->group("4621234", 1) == "4621234");
    CHECK_FALSE(ag.looking_at("46212345"));
    DigitPattern counted("\\d{2,4}5");
    CHECK(counted.full_match("1235"));
    CHECK(counted.full_match("12345"));
    CHECK_FALSE(counted.full_match("15"));
    CHECK_FALSE(counted.full_match("1234565"));
  }
  SUBCASE("syntax the metadata does not use is refused") {
    for (std::string p : {"\\d*", "1+", "a", "[^1]", "(?=1)", "\\d{2,}", "1??", "(1", "[12"}) {
      CAPTURE(p);
      CHECK_FALSE(DigitPattern(p).supported());
    }
  }
}

TEST_CASE("a number whose E.164 form would read back as another is kept as written") {
  // In Brazil 00 starts a carrier code, not an international call, and libphonenumber keeps
  // the leading 0 in the national number: +55 0468... would be found later as +55 468...
  CHECK_FALSE(to_e164("0046-8-123 45 67", "BR"));
  CHECK_FALSE(to_e164_full("0046-8-123 45 67", "BR"));
  CHECK(shown(to_e164("0046-8-123 45 67", "SE")) == "+4681234567");
}

TEST_CASE("to_e164 agrees with libphonenumber's full parser on random digits after every kind of prefix") {
  Rng rng(42);
  const std::vector<std::string> regions = {"NO", "SE", "DK", "FI", "IS", "DE", "GB", "US", "FR", "IT",
                                            "AR", "BR", "MX", "AU", "RU", "CN", "IN", "AG", "", "XX"};
  const std::vector<std::string> prefixes = {"+47 ", "+46 ", "+45 ", "+358 ", "+354 ", "+298 ", "+299 ", "+49 ",
                                             "+44 ", "+1 ", "0047", "0046-", "", "0", "+46 0", "+47 (0)",
                                             "00358 ", "00 45 ", "0049 ", "00", "000", "00 354-", "011 ", "+0",
                                             "(0", "+54 9 ", "8 ", "810 ", "1 ", "(", "Tel: ", "+800 ",
                                             "n/a ", "x", "ext ", "tel:", ";phone-context=+47 ", "#", "*"};
  int compared = 0, failures = 0;
  const int kNumbers = 100000 / kShare;
  for (int i = 0; i < kNumbers; ++i) {
    std::string digits;
    std::size_t len = rng.below(16);
    for (std::size_t k = 0; k < len; ++k) digits += static_cast<char>('0' + rng.below(10));
    std::string text = rng.pick(prefixes);
    for (std::size_t k = 0; k < digits.size(); ++k) {
      if (k && rng.below(4) == 0) text += " -./()"[rng.below(6)];
      text += digits[k];
    }
    const std::string& region = rng.pick(regions);
    auto fast = to_e164(text, region), full = to_e164_full(text, region);
    if (fast != full && ++failures <= 20) {
      CAPTURE(text);
      CAPTURE(region);
      CHECK(shown(fast) == shown(full));
    }
    // What is stored must be found again under the same form.
    if (fast && to_e164(*fast, region) != fast && ++failures <= 20) {
      CAPTURE(text);
      CAPTURE(region);
      CHECK(shown(to_e164(*fast, region)) == *fast);
    }
    ++compared;
  }
  CHECK(failures == 0);
  CHECK(compared == kNumbers);
}

TEST_CASE("to_e164 agrees with libphonenumber's full parser on every region's numbers, written every way") {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  std::set<std::string> supported;
  util.GetSupportedRegions(&supported);
  const std::vector<std::string> regions(supported.begin(), supported.end());
  std::set<int> global;
  util.GetSupportedGlobalNetworkCallingCodes(&global);
  REQUIRE(regions.size() > 200);

  // Example numbers of every type of every region, and of the non-geographical codes.
  struct Seed {
    std::string region;  // "001" for non-geographical
    PhoneNumber number;
  };
  std::vector<Seed> seeds;
  const PhoneNumberUtil::PhoneNumberType types[] = {
      PhoneNumberUtil::FIXED_LINE, PhoneNumberUtil::MOBILE, PhoneNumberUtil::TOLL_FREE,
      PhoneNumberUtil::PREMIUM_RATE, PhoneNumberUtil::VOIP, PhoneNumberUtil::UAN};
  for (const auto& r : regions) {
    for (auto t : types) {
      PhoneNumber n;
      if (util.GetExampleNumberForType(r, t, &n)) seeds.push_back({r, n});
    }
  }
  for (int code : global) {
    PhoneNumber n;
    if (util.GetExampleNumberForNonGeoEntity(code, &n)) seeds.push_back({"001", n});
  }
  REQUIRE(seeds.size() > 800);

  Rng rng(7);
  const std::vector<std::string> separators = {" ", " ", "-", ".", "/", "", "\xc2\xa0", "\xe2\x80\x93"};
  const std::vector<std::string> labels = {"Tel. ", "Mob: ", "phone ", "T ", "(", "- "};
  const std::vector<std::string> oddities = {" ext. 12", " x 5", "#", " / x 9", ";ext=7", " ~ 12"};
  const std::vector<std::string> bad_regions = {"XX", "ZZ", "001", "EU", "no", "Norge"};
  int compared = 0, failures = 0, direct = 0, plain = 0;
  const int kNumbers = 220000 / kShare;
  for (int i = 0; i < kNumbers; ++i) {
    const Seed& seed = seeds[static_cast<std::size_t>(i) % seeds.size()];
    // The same kind of number with other digits after its first few (an area or mobile
    // code), now and then one digit longer or shorter.
    std::string nsn;
    util.GetNationalSignificantNumber(seed.number, &nsn);
    std::size_t keep = 1 + rng.below(std::min<std::size_t>(4, nsn.size()));
    for (std::size_t k = keep; k < nsn.size(); ++k) nsn[k] = static_cast<char>('0' + rng.below(10));
    if (rng.chance(8)) nsn += static_cast<char>('0' + rng.below(10));
    if (rng.chance(8) && nsn.size() > 3) nsn.pop_back();
    PhoneNumber n;
    n.set_country_code(seed.number.country_code());
    n.set_national_number(std::stoull(nsn));
    if (nsn.size() > 1 && nsn[0] == '0') {
      n.set_italian_leading_zero(true);
      std::size_t zeros = 1;
      while (zeros < nsn.size() - 1 && nsn[zeros] == '0') ++zeros;
      if (zeros > 1) n.set_number_of_leading_zeros(static_cast<int>(zeros));
    }
    const std::string cc = std::to_string(n.country_code());
    const std::string& other = rng.pick(regions);

    std::string text;
    std::size_t form = rng.below(13);
    switch (form) {
      case 0: util.Format(n, PhoneNumberUtil::E164, &text); break;
      case 1: util.Format(n, PhoneNumberUtil::INTERNATIONAL, &text); break;
      case 2: util.Format(n, PhoneNumberUtil::NATIONAL, &text); break;
      case 3: util.FormatOutOfCountryCallingNumber(n, other, &text); break;
      case 4: {  // the area code in parentheses: "(030) 1234567"
        util.Format(n, PhoneNumberUtil::NATIONAL, &text);
        std::size_t space = text.find(' ');
        if (space != std::string::npos && text[0] != '(') text = "(" + text.substr(0, space) + ")" + text.substr(space);
        break;
      }
      case 5: text = nsn; break;
      case 6: text = (rng.chance(50) ? "(" + cc + ") " : cc + " ") + nsn; break;  // "(46) 8781 1535"
      case 7: {  // "+44 (0)20 ...": the trunk prefix written after the calling code
        std::string ndd;
        util.GetNddPrefixForRegion(seed.region, true, &ndd);
        text = "+" + cc + " (" + (ndd.empty() ? "0" : ndd) + ")" + nsn;
        break;
      }
      case 8: text = "+00" + cc + nsn; break;
      case 9: text = (rng.chance(50) ? "00 " : "011 ") + cc + " " + nsn; break;
      case 10: util.Format(n, rng.chance(50) ? PhoneNumberUtil::NATIONAL : PhoneNumberUtil::INTERNATIONAL, &text);
        text = rng.pick(labels) + text;
        break;
      case 11: util.Format(n, PhoneNumberUtil::INTERNATIONAL, &text);
        text += rng.pick(oddities);
        break;
      default: text = std::to_string(rng.below(1000)) + " " + nsn; break;  // something else in front
    }
    // Other separators in place of the spaces, now and then.
    if (rng.chance(30)) {
      const std::string& sep = rng.pick(separators);
      std::string out;
      for (char c : text) {
        if (c == ' ') {
          out += sep;
        } else {
          out += c;
        }
      }
      text = out;
    }
    std::string region = seed.region == "001" ? "" : seed.region;
    std::size_t who = rng.below(100);
    if (who >= 92) {
      region = rng.pick(bad_regions);
    } else if (who >= 84) {
      region = "";
    } else if (who >= 70) {
      region = other;
    }

    auto fast = to_e164(text, region), full = to_e164_full(text, region);
    if (fast != full && ++failures <= 20) {
      CAPTURE(text);
      CAPTURE(region);
      CHECK(shown(fast) == shown(full));
    }
    if (form != 11) {
      ++plain;
      if (read_directly(text, region).kind != DirectReading::Kind::other_form) ++direct;
    }
    ++compared;
  }
  CHECK(failures == 0);
  CHECK(compared == kNumbers);
  // Digits and separators are read directly, whatever the region (only letters, extensions and
  // "+" after other characters are not).
  MESSAGE("read directly: " << direct << " of " << plain);
  CHECK(direct > plain * 98 / 100);
}
