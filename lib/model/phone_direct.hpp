// Phone numbers written with digits and the separators people use ("+44 20 7946 0958",
// "(030) 1234567", "0046-8-123 45 67", "555-123-4567"), read the way libphonenumber's parser
// reads them, step by step, from its numbering plans (phone_plans.hpp): an international
// prefix or '+' and the country calling code, the trunk prefix of the region, and the
// possible lengths. Without its regular expressions over the whole text this is many times
// faster, and does not load libphonenumber at all.
#pragma once

#include <string>
#include <string_view>

namespace kunde::model {

struct DirectReading {
  enum class Kind {
    normalised,    // the number, in `e164`
    not_a_number,  // libphonenumber would not accept it either
    other_form,    // letters, extensions, other characters: for libphonenumber itself
  } kind = Kind::other_form;
  std::string e164;
};

// `region` as libphonenumber takes it: an upper-case region code, or "" for none.
DirectReading read_directly(std::string_view text, std::string_view region);

}  // namespace kunde::model
