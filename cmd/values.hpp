// Cells the commands write that need a rule of their own.
#pragma once

#include <cmath>
#include <cstdint>

#include "value.hpp"

namespace kunde::cmd {

// A quantity, which may have a fraction: a whole one as an integer, so that JSON writes 3
// and not 3.0, as CSV and tables do.
inline Value quantity_value(double q) {
  if (q == std::trunc(q) && std::fabs(q) < 1e15) return static_cast<std::int64_t>(q);
  return q;
}

}  // namespace kunde::cmd
