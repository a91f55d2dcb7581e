// Names numbered in the order they are first seen, so that records kept for every customer
// hold small integers instead of strings: a report reads hundreds of thousands of rows that
// repeat a handful of channels or a few hundred categories.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kunde::crm {

class InternedNames {
 public:
  int id(std::string_view name) {
    // Channels are a handful, where comparing them one by one beats hashing the name.
    if (names_.size() <= kScanned) {
      for (std::size_t i = 0; i < names_.size(); ++i) {
        if (names_[i] == name) return static_cast<int>(i);
      }
    } else if (auto it = ids_.find(name); it != ids_.end()) {
      return it->second;
    }
    const int id = static_cast<int>(names_.size());
    names_.emplace_back(name);
    ids_.emplace(names_.back(), id);
    return id;
  }
  const std::string& name(int id) const { return names_[static_cast<std::size_t>(id)]; }

 private:
  static constexpr std::size_t kScanned = 8;
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, int, Hash, std::equal_to<>> ids_;
  std::vector<std::string> names_;
};

}  // namespace kunde::crm
