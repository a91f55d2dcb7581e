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

}  // namespace kunde::crm
