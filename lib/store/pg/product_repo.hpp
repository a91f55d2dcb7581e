// Products in a PostgreSQL store.
#pragma once

#include "store/pg/connection.hpp"
#include "store/products.hpp"

namespace kunde::store::pg {

class ProductRepo final : public Products {
 public:
  explicit ProductRepo(Connection& db) : db_(db) {}
  std::optional<model::Product> by_sku(std::string_view sku) override;
  std::optional<model::Product> by_id(std::int64_t id) override;
  std::int64_t insert(const model::Product& p) override;
  void update(const model::Product& p) override;
  void list(const ProductFilter& f, const std::function<void(const model::Product&)>& each) override;
  ProductSales sales(std::int64_t id) override;

 private:
  Connection& db_;
};

}  // namespace kunde::store::pg
