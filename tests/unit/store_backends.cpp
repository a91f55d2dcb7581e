// The backends under contract test. Each is made through the same public door the commands
// use (store::create_store, store::open_store), so the suite sees a store as they do.
#include "store_backends.hpp"

#include "helpers.hpp"

namespace kunde::test {

const std::vector<StoreBackend>& store_backends() {
  static const std::vector<StoreBackend> backends = {
      {"sqlite",
       [](const TempDir& dir, const store::DerivedRules& rules) {
         std::string location = dir.file("contract.db");
         store::create_store(location, 2, "NOK");
         return store::open_store(location, rules);
       }},
  };
  return backends;
}

}  // namespace kunde::test
