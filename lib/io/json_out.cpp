// Exact decimals in JSON output.
#include "io/json_out.hpp"

namespace kunde::io {
namespace {
// A control character cannot occur unescaped in JSON text, so the escaped marker cannot
// collide with data: a string holding \u0001 in data would be written as \\u0001 only if
// it came after a backslash, and the marker is always the start of the string.
constexpr const char* kMarker = "\x01" "dec:";
constexpr std::string_view kEscaped = "\"\\u0001dec:";
}  // namespace

nlohmann::ordered_json json_decimal(Decimal d) { return std::string(kMarker) + format_decimal(d); }

nlohmann::ordered_json json_value(const Value& v) {
  if (auto d = std::get_if<Decimal>(&v)) return json_decimal(*d);
  if (auto i = std::get_if<std::int64_t>(&v)) return *i;
  if (auto f = std::get_if<double>(&v)) return *f;
  if (auto s = std::get_if<std::string>(&v)) return *s;
  if (auto b = std::get_if<bool>(&v)) return *b;
  return nullptr;
}

std::string dump_json(const nlohmann::ordered_json& doc, int indent) {
  std::string text = doc.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (true) {
    std::size_t at = text.find(kEscaped, pos);
    if (at == std::string::npos) break;
    std::size_t end = text.find('"', at + kEscaped.size());
    out.append(text, pos, at - pos);
    out.append(text, at + kEscaped.size(), end - at - kEscaped.size());
    pos = end + 1;
  }
  out.append(text, pos, std::string::npos);
  return out;
}

}  // namespace kunde::io
