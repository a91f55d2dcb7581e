// Phone numbers in E.164, so "+47 912 34 567", "91234567" and "0047-91234567" match.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kunde::model {

// The E.164 form of `text`, reading national numbers as belonging to `region` (ISO 3166
// alpha-2, e.g. "NO"). Empty when the text is not a phone number libphonenumber accepts.
// Numbers written with digits and separators are read from libphonenumber's numbering plans
// directly (phone_direct.hpp); only other forms (letters, extensions) load libphonenumber.
std::optional<std::string> to_e164(std::string_view text, const std::string& region);

// Whether `iso` (upper case, e.g. "NO") is a region libphonenumber knows: every country
// and territory with telephone numbers.
bool is_phone_region(std::string_view iso);

// The region (ISO 3166 alpha-2) of the numbering plan an E.164 number belongs to; "" when
// it belongs to none.
std::string phone_region_of(std::string_view e164);

// The same through libphonenumber's full parser only; to_e164 must always agree with it.
std::optional<std::string> to_e164_full(std::string_view text, const std::string& region);

}  // namespace kunde::model
