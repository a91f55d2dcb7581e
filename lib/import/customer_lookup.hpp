// Finding the customer an order or payment row names: a customer number (or the number of
// a merged customer), or "#id". Unknown numbers are created as bare customers with
// --create-missing and rejected otherwise.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "import/importer.hpp"
#include "store/customer_repo.hpp"

namespace kunde::import {

class CustomerLookup {
 public:
  // Customers it creates are recorded in `change` (when given) like an import's new rows.
  CustomerLookup(store::Database& db, bool create_missing, store::Change* change)
      : repo_(db), create_missing_(create_missing), change_(change) {}

  // The customer's id; throws kunde::Error (a row rejection) for an unknown one.
  std::int64_t find(std::string_view ref, ImportCounts& counts);

 private:
  store::CustomerRepo repo_;
  bool create_missing_;
  store::Change* change_;
  std::string last_ref_;
  std::int64_t last_id_ = 0;
};

}  // namespace kunde::import
