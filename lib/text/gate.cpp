// The text gate.
#include "text/gate.hpp"

#include <fmt/format.h>

#include "text/utf8.hpp"

namespace kunde::text {
namespace {
constexpr std::string_view kNul = "holds a NUL byte";
}

std::optional<std::string> text_fault(std::string_view s) {
  std::size_t bad = find_invalid_utf8(s);
  std::size_t nul = s.find('\0');
  // The first fault is named: a NUL byte is valid UTF-8 and would otherwise hide an
  // encoding problem that comes after it, and the other way round.
  if (nul != std::string_view::npos && (bad == std::string_view::npos || nul < bad)) {
    return fmt::format("{} (byte {})", kNul, nul + 1);
  }
  if (bad != std::string_view::npos) return fmt::format("is not valid UTF-8 (byte {})", bad + 1);
  return std::nullopt;
}

bool is_nul_fault(std::string_view fault) { return fault.substr(0, kNul.size()) == kNul; }

}  // namespace kunde::text
