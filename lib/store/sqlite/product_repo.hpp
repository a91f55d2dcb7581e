// The product catalogue in a SQLite store.
#pragma once

#include "store/products.hpp"
#include "store/sqlite/database.hpp"

namespace kunde::store::sqlite {

class ProductRepo final : public Products {
 public:
  explicit ProductRepo(Database& db) : db_(db) {}

  std::optional<model::Product> by_sku(std::string_view sku) override;
  std::optional<model::Product> by_id(std::int64_t id) override;
  std::int64_t insert(const model::Product& p) override;
  void update(const model::Product& p) override;
  void list(const ProductFilter& f, const std::function<void(const model::Product&)>& each) override;
  ProductSales sales(std::int64_t id) override;

 private:
  Database& db_;
};

}  // namespace kunde::store::sqlite
