// E.164 normalisation. libphonenumber's parser is regex-driven, and setting it up (its
// metadata, and ICU's regular expressions) takes longer than a screen pop may: the usual
// forms are read directly from its numbering plans, and only the rest goes to the parser.
#include "model/phone.hpp"

#include <phonenumbers/phonenumberutil.h>

#include "model/phone_direct.hpp"
#include "model/phone_plans.hpp"

namespace kunde::model {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

bool is_phone_region(std::string_view iso) { return plan_for_region(iso) != nullptr; }

namespace {

std::optional<std::string> parse_fully(std::string_view text, const std::string& region) {
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

// A national prefix kept inside the number (0046... read in Brazil, where 00 starts a carrier
// code, gives +55 0468...) makes an E.164 form that reads back as another number (+55 468...).
// Such a number is kept as written rather than stored under a form a later lookup would miss.
std::optional<std::string> if_it_reads_back(std::optional<std::string> e164) {
  if (!e164) return e164;
  DirectReading again = read_directly(*e164, "");
  bool same = again.kind == DirectReading::Kind::normalised ? again.e164 == *e164
              : again.kind == DirectReading::Kind::not_a_number ? false
                                                                 : parse_fully(*e164, "") == e164;
  if (!same) return std::nullopt;
  return e164;
}

}  // namespace

std::string phone_region_of(std::string_view e164) {
  auto* util = PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (util->Parse(std::string(e164), "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR) return {};
  std::string region;
  util->GetRegionCodeForNumber(number, &region);
  return region == "ZZ" ? std::string() : region;
}

std::optional<std::string> to_e164_full(std::string_view text, const std::string& region) {
  return if_it_reads_back(parse_fully(text, region));
}

std::optional<std::string> to_e164(std::string_view text, const std::string& region) {
  DirectReading direct = read_directly(text, region);
  switch (direct.kind) {
    case DirectReading::Kind::normalised: return if_it_reads_back(std::move(direct.e164));
    case DirectReading::Kind::not_a_number: return std::nullopt;
    case DirectReading::Kind::other_form: break;
  }
  return to_e164_full(text, region);
}

}  // namespace kunde::model
