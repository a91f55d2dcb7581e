// E.164 normalisation with libphonenumber.
#include "model/phone.hpp"

#include <phonenumbers/phonenumberutil.h>

namespace kunde::model {

std::optional<std::string> to_e164(std::string_view text, const std::string& region) {
  using i18n::phonenumbers::PhoneNumber;
  using i18n::phonenumbers::PhoneNumberUtil;
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

}  // namespace kunde::model
