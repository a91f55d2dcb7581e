// Finding the customer an order or payment row names: a customer number (or the number of
// a merged customer), or "#id". Unknown numbers are created as bare customers with
// --create-missing and rejected otherwise.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "import/importer.hpp"
#include "store/customer_repo.hpp"

namespace kunde::import {

class CustomerLookup {
 public:
  // Inserts a customer it creates (Importer::insert_customer).
  using Create = std::function<std::int64_t(store::CustomerRepo&, const model::Customer&)>;
  CustomerLookup(store::Database& db, bool create_missing, Create create)
      : repo_(db), create_missing_(create_missing), create_(std::move(create)) {}

  // The customer's id; throws kunde::Error (a row rejection) for an unknown one.
  std::int64_t find(std::string_view ref, ImportCounts& counts);

 private:
  store::CustomerRepo repo_;
  bool create_missing_;
  Create create_;
  std::string last_ref_;
  std::int64_t last_id_ = 0;
};

}  // namespace kunde::import
