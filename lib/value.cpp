// Text form of values.
#include "value.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace kunde {

std::string format_decimal(Decimal d) {
  if (d.scale <= 0) return std::to_string(d.units);
  // Written by hand: reports write one for every money cell, and fmt's format string
  // parsing was a tenth of a large report's time.
  std::uint64_t mag = d.units < 0 ? 0 - static_cast<std::uint64_t>(d.units) : d.units;
  char digits[24];
  char* end = std::to_chars(digits, digits + sizeof digits, mag).ptr;
  auto n = static_cast<int>(end - digits);
  std::string out;
  out.reserve(static_cast<std::size_t>(std::max(n, d.scale + 1) + 2));
  if (d.units < 0) out += '-';
  if (n <= d.scale) {
    out += "0.";
    out.append(static_cast<std::size_t>(d.scale - n), '0');
    out.append(digits, static_cast<std::size_t>(n));
  } else {
    out.append(digits, static_cast<std::size_t>(n - d.scale));
    out += '.';
    out.append(end - d.scale, static_cast<std::size_t>(d.scale));
  }
  return out;
}

std::string to_text(const Value& v) {
  struct Visitor {
    std::string operator()(std::monostate) const { return {}; }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(double d) const {
      if (std::isnan(d) || std::isinf(d)) return {};
      return fmt::format("{}", d);
    }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(Decimal d) const { return format_decimal(d); }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
  };
  return std::visit(Visitor{}, v);
}

}  // namespace kunde
