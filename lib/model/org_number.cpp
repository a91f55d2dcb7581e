// Organisation number checksums.
#include "model/org_number.hpp"

#include <fmt/format.h>

#include "error.hpp"
#include "text/utf8.hpp"

namespace kunde::model {
namespace {

std::string only_digits(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c >= '0' && c <= '9') out += c;
  return out;
}

int weighted(const std::string& d, std::initializer_list<int> weights) {
  int sum = 0, i = 0;
  for (int w : weights) sum += (d[i++] - '0') * w;
  return sum;
}

bool luhn_ok(const std::string& d) {
  int sum = 0;
  for (std::size_t i = 0; i < d.size(); ++i) {
    int v = d[d.size() - 1 - i] - '0';
    if (i % 2 == 1) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
    sum += v;
  }
  return sum % 10 == 0;
}

[[noreturn]] void bad(std::string_view number, std::string_view country, std::string_view why) {
  throw Error(fmt::format("'{}' is not a valid {} organisation number: {}", number, country, why),
              "check the number against the national register, or leave org_number empty");
}

}  // namespace

std::string check_org_number(std::string_view number, std::string_view iso) {
  std::string d = only_digits(number);
  if (iso == "NO") {
    if (d.size() != 9) bad(number, "Norwegian", "it needs 9 digits");
    int r = 11 - weighted(d, {3, 2, 7, 6, 5, 4, 3, 2}) % 11;
    if (r == 11) r = 0;
    if (r == 10 || r != d[8] - '0') bad(number, "Norwegian", "the check digit is wrong");
    return d;
  }
  if (iso == "SE") {
    if (d.size() == 12) d = d.substr(2);
    if (d.size() != 10) bad(number, "Swedish", "it needs 10 digits");
    if (!luhn_ok(d)) bad(number, "Swedish", "the check digit is wrong");
    return d.substr(0, 6) + "-" + d.substr(6);
  }
  if (iso == "DK") {
    if (d.size() != 8) bad(number, "Danish", "a CVR number has 8 digits");
    if (weighted(d, {2, 7, 6, 5, 4, 3, 2, 1}) % 11 != 0) bad(number, "Danish", "the checksum is wrong");
    return d;
  }
  if (iso == "FI") {
    if (d.size() == 7) d = "0" + d.substr(0, 6) + d.substr(6);
    if (d.size() != 8) bad(number, "Finnish", "a Y-tunnus has 7 digits and a check digit");
    int r = weighted(d, {7, 9, 10, 5, 8, 4, 2}) % 11;
    int check = r == 0 ? 0 : 11 - r;
    if (r == 1 || check != d[7] - '0') bad(number, "Finnish", "the check digit is wrong");
    return d.substr(0, 7) + "-" + d.substr(7);
  }
  return std::string(text::trim(number));
}

}  // namespace kunde::model
