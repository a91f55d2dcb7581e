// E.164 normalisation with libphonenumber. Its full parser is regex-driven and dominates a
// customer import, so the plain ways Nordic numbers are written ("+47 912 34 567",
// "0047-91234567", "91234567", "070-123 45 67") are read directly and only checked by
// libphonenumber; any other shape goes to the full parser.
#include "model/phone.hpp"

#include <phonenumbers/phonenumberutil.h>

#include <array>
#include <set>

namespace kunde::model {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

// Country calling codes whose numbers the direct reading handles, with the trunk prefix
// a national number is written with ("" where there is none).
struct Plan {
  int country_code;
  const char* region;
  const char* trunk;
};
constexpr std::array<Plan, 7> kPlans = {{
    {47, "NO", ""}, {45, "DK", ""}, {354, "IS", ""}, {298, "FO", ""}, {299, "GL", ""},
    {46, "SE", "0"}, {358, "FI", "0"},
}};

const Plan* plan_for_region(const std::string& region) {
  for (const auto& p : kPlans)
    if (region == p.region) return &p;
  return nullptr;
}

const Plan* plan_for_digits(std::string_view digits, std::size_t& cc_len) {
  for (const auto& p : kPlans) {
    std::string cc = std::to_string(p.country_code);
    if (digits.substr(0, cc.size()) == cc) {
      cc_len = cc.size();
      return &p;
    }
  }
  return nullptr;
}

// The digits of a number written with digits and the separators people use (space, dash,
// dot, slash), with an optional leading '+'. False for anything else: letters,
// parentheses, extensions.
bool plain_digits(std::string_view s, std::string& digits, bool& plus) {
  std::size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  plus = i < s.size() && s[i] == '+';
  if (plus) ++i;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c != ' ' && c != '-' && c != '.' && c != '/') {
      return false;
    }
  }
  return !digits.empty();
}

std::optional<std::string> direct_e164(std::string_view text, const std::string& region) {
  std::string digits;
  bool plus = false;
  if (!plain_digits(text, digits, plus)) return std::nullopt;
  const Plan* plan = nullptr;
  std::string national;
  // "00" dials abroad from every region with a plan here, as '+' does anywhere.
  if (!plus && digits.size() > 2 && digits.compare(0, 2, "00") == 0 && plan_for_region(region)) {
    digits.erase(0, 2);
    plus = true;
  }
  if (plus) {
    std::size_t cc_len = 0;
    plan = plan_for_digits(digits, cc_len);
    if (!plan) return std::nullopt;
    national = digits.substr(cc_len);
  } else {
    plan = plan_for_region(region);
    if (!plan) return std::nullopt;
    national = digits;
    std::string_view trunk = plan->trunk;
    if (!trunk.empty()) {
      if (national.compare(0, trunk.size(), trunk) != 0) return std::nullopt;
      national.erase(0, trunk.size());
    }
  }
  // A leading zero here is a trunk prefix written after the country code, "00" dialling, or
  // something else unusual: the full parser knows what to make of it.
  if (national.empty() || national[0] == '0' || national.size() > 15) return std::nullopt;
  PhoneNumber number;
  number.set_country_code(plan->country_code);
  number.set_national_number(std::stoull(national));
  if (!PhoneNumberUtil::GetInstance()->IsPossibleNumber(number)) return std::nullopt;
  return "+" + std::to_string(plan->country_code) + national;
}

}  // namespace

bool is_phone_region(std::string_view iso) {
  static const std::set<std::string, std::less<>> regions = [] {
    std::set<std::string> found;
    PhoneNumberUtil::GetInstance()->GetSupportedRegions(&found);
    return std::set<std::string, std::less<>>(found.begin(), found.end());
  }();
  return regions.count(iso) > 0;
}

std::optional<std::string> to_e164_full(std::string_view text, const std::string& region) {
  auto* util = PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  std::string input(text);
  if (util->Parse(input, region.empty() ? "ZZ" : region, &number) != PhoneNumberUtil::NO_PARSING_ERROR) {
    return std::nullopt;
  }
  if (!util->IsPossibleNumber(number)) return std::nullopt;
  std::string out;
  util->Format(number, PhoneNumberUtil::E164, &out);
  return out;
}

std::optional<std::string> to_e164(std::string_view text, const std::string& region) {
  if (auto direct = direct_e164(text, region)) return direct;
  return to_e164_full(text, region);
}

}  // namespace kunde::model
