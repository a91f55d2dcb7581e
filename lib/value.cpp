// Text form of values.
#include "value.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

namespace kunde {

std::string format_decimal(Decimal d) {
  if (d.scale <= 0) return std::to_string(d.units);
  std::int64_t pow10 = 1;
  for (int i = 0; i < d.scale; ++i) pow10 *= 10;
  std::uint64_t mag = d.units < 0 ? 0 - static_cast<std::uint64_t>(d.units) : d.units;
  return fmt::format("{}{}.{:0{}}", d.units < 0 ? "-" : "", mag / pow10, mag % pow10, d.scale);
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
