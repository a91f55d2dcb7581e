// Baskets for the purchase-pattern reports (affinity, next, products): the store's order
// lines as sets of items, an item being a category or a product (by SKU), a basket being an
// order or everything one customer bought (kunde-report(1), AFFINITY).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/fp_growth.hpp"
#include "crm/reports.hpp"

namespace kunde::crm {

enum class ItemLevel { category, product };
enum class BasketBy { order, customer };

// "category" or "product"; "order" or "customer". Throw kunde::UsageError for other names.
ItemLevel item_level(std::string_view name);
BasketBy basket_by(std::string_view name);

struct BasketData {
  std::vector<std::string> labels;        // by item id: the category, or the product's SKU
  analytics::Baskets baskets{0};
  std::vector<std::int64_t> customer;     // by basket: whose it is
  std::int64_t lines = 0;                 // order lines read (with an item)
};

// Baskets holding two items or more: a rule needs them.
std::int64_t multi_item_baskets(const BasketData& data);

// The baskets of the scope. Lines without the item (no product, no category) and returned
// lines (negative amounts) are left out; a basket without any item is not counted. Item ids
// follow the labels' order, so rules tie-break alphabetically.
BasketData read_baskets(Session& s, const ReportScope& scope, ItemLevel level, BasketBy by);

// What the SKUs of a product-level report stand for.
struct ProductName {
  std::string sku, name;
  std::optional<std::string> category;
};
// The products with these SKUs, in that order, each once; a SKU no product has is left out.
std::vector<ProductName> product_names(Session& s, const std::vector<std::string>& skus);

}  // namespace kunde::crm
