// What the core needs of the stored product catalogue.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/order.hpp"

namespace kunde::store {

struct ProductFilter {
  std::optional<std::string> category, search;  // search: sku or name contains, case and accents ignored
};

// What a product sold: over orders that are not cancelled. `revenue` is net of discounts;
// `uncosted` the part of it from lines without a cost, which `cost` does not cover.
struct ProductSales {
  std::int64_t customers = 0, orders = 0, revenue = 0, cost = 0, uncosted = 0;
  double quantity = 0;
};

class Products {
 public:
  virtual ~Products() = default;

  virtual std::optional<model::Product> by_sku(std::string_view sku) = 0;
  virtual std::optional<model::Product> by_id(std::int64_t id) = 0;
  virtual std::int64_t insert(const model::Product& p) = 0;
  virtual void update(const model::Product& p) = 0;
  virtual void list(const ProductFilter& f, const std::function<void(const model::Product&)>& each) = 0;
  virtual ProductSales sales(std::int64_t id) = 0;
};

}  // namespace kunde::store
