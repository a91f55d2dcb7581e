// A cell of output or stored data: null, integer, real, text, an exact decimal (money), or a
// boolean. Renderers keep the type so JSON gets numbers where numbers belong.
#pragma once

#include <cstdint>
#include <string>
#include <variant>

namespace kunde {

// An exact decimal: `units` in steps of 10^-scale (money in minor units has scale 2).
struct Decimal {
  std::int64_t units = 0;
  int scale = 2;
  bool operator==(const Decimal&) const = default;
};

using Value = std::variant<std::monostate, std::int64_t, double, std::string, Decimal, bool>;

inline bool is_null(const Value& v) { return std::holds_alternative<std::monostate>(v); }

// Plain text of a value as CSV and tables show it ("" for null, "12.50" for a decimal).
std::string to_text(const Value& v);
std::string format_decimal(Decimal d);

}  // namespace kunde
