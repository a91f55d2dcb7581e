// Content keys (content_keys.hpp has the rule).
#include "crm/content_keys.hpp"

#include <fmt/format.h>

#include "model/order.hpp"

namespace kunde::crm {

std::uint64_t content_hash(std::int64_t customer_id, std::initializer_list<std::string_view> values) {
  model::ContentHash h;
  h.add(fmt::format("#{}", customer_id));
  for (auto v : values) h.add(v);
  return h.value();
}

std::string content_key(std::uint64_t hash, std::uint32_t occurrence) { return model::content_key(hash, occurrence); }

bool is_content_key(std::string_view key) {
  // The form model::content_key writes: "~", 16 lower-case hex digits, ".", the occurrence.
  if (key.size() < 19 || key[0] != '~' || key[17] != '.') return false;
  for (std::size_t i = 1; i < 17; ++i) {
    char c = key[i];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  for (std::size_t i = 18; i < key.size(); ++i) {
    if (key[i] < '0' || key[i] > '9') return false;
  }
  return true;
}

}  // namespace kunde::crm
