// How a stored offer keeps what it is offered because of: a JSON array of item names, in
// the same form in every backend.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace kunde::store {

inline std::string reasons_json(const std::vector<std::string>& because) { return nlohmann::json(because).dump(); }

// The item names of a stored array; anything else in it (or text that is no array) is left out.
inline std::vector<std::string> reasons_from_json(std::string_view json) {
  std::vector<std::string> out;
  auto because = nlohmann::json::parse(json, nullptr, false);
  if (!because.is_array()) return out;
  for (const auto& item : because) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

}  // namespace kunde::store
