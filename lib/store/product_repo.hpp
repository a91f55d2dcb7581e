// Products in the store: the catalogue that order lines refer to.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/order.hpp"
#include "store/database.hpp"

namespace kunde::store {

struct ProductFilter {
  std::optional<std::string> category, search;  // search: sku or name contains, case ignored
};

// What a product sold: over orders that are not cancelled.
struct ProductSales {
  std::int64_t customers = 0, orders = 0, revenue = 0, cost = 0;
  double quantity = 0;
};

class ProductRepo {
 public:
  explicit ProductRepo(Database& db) : db_(db) {}

  std::optional<model::Product> by_sku(std::string_view sku);
  std::optional<model::Product> by_id(std::int64_t id);
  std::int64_t insert(const model::Product& p);
  void update(const model::Product& p);
  void list(const ProductFilter& f, const std::function<void(const model::Product&)>& each);
  ProductSales sales(std::int64_t id);
  // The customers with order lines of any of these products (one pass over the lines).
  std::vector<std::int64_t> buyers(const std::vector<std::int64_t>& product_ids);

 private:
  Database& db_;
};

}  // namespace kunde::store
