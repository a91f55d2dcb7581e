// Money as integer minor units (øre, cents): parsing from the many ways legacy files write it.
#pragma once

#include <cstdint>
#include <string_view>

namespace kunde::model {

struct NumberFormat {
  bool decimal_comma = false;  // "1 234,50" rather than "1,234.50"
};

// Parses an amount into minor units with `decimals` digits, rounding half away from zero
// when the text has more. Accepts a sign, thousands separators (space, no-break space,
// apostrophe, or the separator that is not the decimal one) and "(12.50)" as negative.
// Throws kunde::Error for anything else.
std::int64_t parse_money(std::string_view text, int decimals, NumberFormat fmt = {});

// Parses a plain number (quantities, rates) with the same separator rules.
double parse_number(std::string_view text, NumberFormat fmt = {});

// Parses a whole number; throws kunde::Error unless the text is one.
std::int64_t parse_integer(std::string_view text);

}  // namespace kunde::model
