// Organisation numbers, checked with the national checksums of Norway (MOD11), Sweden
// (Luhn), Denmark (CVR, MOD11) and Finland (Y-tunnus, MOD11).
#pragma once

#include <string>
#include <string_view>

#include "model/country.hpp"

namespace kunde::model {

// Checks `number` for `country_iso` (one of NO, SE, DK, FI; other countries are accepted
// unchecked) and returns its normal form: NO 9 digits, SE "NNNNNN-NNNN", DK 8 digits,
// FI "NNNNNNN-N". Throws kunde::Error naming what is wrong.
std::string check_org_number(std::string_view number, std::string_view country_iso);

}  // namespace kunde::model
