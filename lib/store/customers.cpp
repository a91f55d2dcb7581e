// The parts of the customer interface every backend shares.
#include "store/customers.hpp"

namespace kunde::store {

const std::vector<std::string>& customer_sort_keys() {
  static const std::vector<std::string> keys = {"id",         "number", "name",    "city",   "country", "created_at",
                                                "email",      "revenue", "margin", "balance", "orders", "last_order"};
  return keys;
}

}  // namespace kunde::store
