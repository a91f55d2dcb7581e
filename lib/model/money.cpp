// Amount parsing.
#include "model/money.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <string>

#include "error.hpp"
#include "text/utf8.hpp"

namespace kunde::model {
namespace {

// Normalises to "[-]digits[.digits]" or throws.
std::string normalise(std::string_view raw, NumberFormat nf) {
  std::string_view t = text::trim(raw);
  if (t.empty()) throw Error("empty amount", "write a number such as 1234.50");
  bool negative = false;
  if (t.size() >= 2 && t.front() == '(' && t.back() == ')') {
    negative = true;
    t = t.substr(1, t.size() - 2);
  }
  char decimal = nf.decimal_comma ? ',' : '.';
  char group = nf.decimal_comma ? '.' : ',';
  std::string out;
  bool seen_digit = false, seen_decimal = false;
  // Digits since the last thousands separator: anything but three means the separator was
  // really a decimal mark ("12,5" in a file that needs --decimal-comma), never 125.
  int group_digits = -1;
  auto check_group = [&] {
    if (group_digits >= 0 && group_digits != 3) {
      throw Error(fmt::format("'{}' is not a number: a thousands separator must be followed by three digits", raw),
                  nf.decimal_comma ? "write it like 1 234,50" : "for a decimal comma, as in 12,50, use --decimal-comma");
    }
  };
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c >= '0' && c <= '9') {
      out += c;
      seen_digit = true;
      if (group_digits >= 0) ++group_digits;
    } else if ((c == '-' || c == '+') && !seen_digit && out.empty() && !negative) {
      negative = c == '-';
    } else if (c == decimal && !seen_decimal) {
      check_group();
      group_digits = -1;
      out += '.';
      seen_decimal = true;
    } else if ((c == group || c == ' ' || c == '\'') && seen_digit && !seen_decimal) {
      check_group();
      group_digits = 0;
    } else if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < t.size() &&
               static_cast<unsigned char>(t[i + 1]) == 0xA0 && seen_digit && !seen_decimal) {
      check_group();
      group_digits = 0;
      ++i;  // no-break space
    } else if (c == ' ' && !seen_digit) {
      // Space between sign and digits.
    } else {
      throw Error(fmt::format("'{}' is not a number", raw),
                  nf.decimal_comma ? "write it like 1234,50 (--decimal-comma is on)"
                                   : "write it like 1234.50, or use --decimal-comma for 1234,50");
    }
  }
  if (!seen_digit) throw Error(fmt::format("'{}' is not a number", raw), "write a number such as 1234.50");
  check_group();
  return (negative ? "-" : "") + out;
}

}  // namespace

std::int64_t parse_money(std::string_view text, int decimals, NumberFormat nf) {
  std::string n = normalise(text, nf);
  bool negative = n[0] == '-';
  std::string_view digits = negative ? std::string_view(n).substr(1) : std::string_view(n);
  auto dot = digits.find('.');
  std::string_view whole = digits.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view() : digits.substr(dot + 1);
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max() / 100;
  std::int64_t units = 0;
  for (char c : whole) {
    if (units > kMax / 10) throw Error(fmt::format("'{}' is too large an amount", text), "");
    units = units * 10 + (c - '0');
  }
  for (int i = 0; i < decimals; ++i) {
    units = units * 10 + (i < static_cast<int>(frac.size()) ? frac[i] - '0' : 0);
  }
  if (static_cast<int>(frac.size()) > decimals && frac[decimals] >= '5') ++units;
  return negative ? -units : units;
}

double parse_number(std::string_view text, NumberFormat nf) {
  std::string n = normalise(text, nf);
  return std::stod(n);
}

std::int64_t parse_integer(std::string_view raw) {
  std::string_view t = text::trim(raw);
  std::int64_t v = 0;
  bool negative = false;
  std::size_t i = 0;
  if (!t.empty() && (t[0] == '-' || t[0] == '+')) negative = t[i++] == '-';
  if (i >= t.size()) throw Error(fmt::format("'{}' is not a whole number", raw), "write digits only, such as 30");
  for (; i < t.size(); ++i) {
    if (t[i] < '0' || t[i] > '9' || v > std::numeric_limits<std::int64_t>::max() / 10 - 10)
      throw Error(fmt::format("'{}' is not a whole number", raw), "write digits only, such as 30");
    v = v * 10 + (t[i] - '0');
  }
  return negative ? -v : v;
}

}  // namespace kunde::model
