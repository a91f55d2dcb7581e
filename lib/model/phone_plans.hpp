// libphonenumber's numbering plans, as tables generated from its metadata when kunde is built
// (tools/tables), with their patterns compiled on first use: what reading a number needs of
// a region without loading libphonenumber, its metadata or ICU.
#pragma once

#include <cstdint>
#include <string_view>

#include "model/digit_pattern.hpp"

namespace kunde::model {

// One region's plan, or a non-geographical entity's (region "001", e.g. +800).
struct NumberingPlan {
  const char* region;
  int country_code;
  const char* international_prefix;  // a pattern: what is dialled before a country code
  const char* national_prefix_for_parsing;  // a pattern: the trunk prefix, sometimes a carrier code
  const char* national_prefix_transform_rule;  // what replaces it, when not just removed
  const char* national_number_pattern;  // every national number of the region matches it
  std::uint32_t possible_lengths;       // bit n set: national numbers of n digits
  std::uint32_t local_only_lengths;     // bit n set: n digits, dialled only within an area
};

// A plan with its patterns compiled.
struct CompiledPlan {
  const NumberingPlan* plan = nullptr;
  DigitPattern international_prefix, national_prefix, national_number;
  // False when a pattern uses syntax DigitPattern does not read.
  bool supported = false;
};

// The plan of a region ("NO"), as libphonenumber reads national numbers there; nullptr when
// libphonenumber knows no such region.
const CompiledPlan* plan_for_region(std::string_view region);

// The plan numbers with this country calling code are read with: its main region's (NO for
// +47, US for +1), or the non-geographical entity's; nullptr for an unused code.
const CompiledPlan* plan_for_calling_code(int code);

// libphonenumber's verdict on a national number's length against a plan.
enum class LengthFit { possible, local_only, too_short, too_long, invalid };
LengthFit test_length(std::string_view national, const NumberingPlan& plan);

}  // namespace kunde::model
