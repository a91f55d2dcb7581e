// The store backends the contract suite (test_store_contract.cpp) runs against. A new
// backend joins by adding itself to store_backends(); every contract test then runs on it.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace kunde::test {

class TempDir;

struct StoreBackend {
  std::string name;
  // A new, empty store opened with `rules`; `dir` is a private directory for any files it
  // needs, removed after the test.
  std::function<std::unique_ptr<store::Store>(const TempDir& dir, const store::DerivedRules& rules)> open;
};

const std::vector<StoreBackend>& store_backends();

}  // namespace kunde::test
