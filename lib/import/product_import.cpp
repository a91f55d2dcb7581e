// Product import.
#include "import/product_import.hpp"

#include <fmt/format.h>

#include "error.hpp"
#include "model/order.hpp"
#include "store/product_repo.hpp"

namespace kunde::import {
namespace {

namespace F = model::product_field;

class ProductImporter : public Importer {
 public:
  ProductImporter(store::Database& db, const ImportOptions& o) : Importer(model::product_fields(), o), repo_(db) {}

 protected:
  Outcome process(const Row& row) override {
    std::string_view sku = row.get(F::sku);
    if (sku.empty()) throw Error("the sku is empty", "every product needs a sku");
    auto old = repo_.by_sku(sku);
    model::Product p = old ? *old : model::Product{};
    p.sku = std::string(sku);
    if (row.has(F::name)) p.name = std::string(row.get(F::name));
    if (row.has(F::category)) {
      auto c = row.get(F::category);
      p.category = c.empty() ? std::nullopt : std::optional<std::string>(c);
    }
    auto money = [&](std::size_t f, const char* what, std::optional<std::int64_t>& dst) {
      if (!row.has(f)) return;
      auto v = row.get(f);
      if (v.empty()) {
        dst.reset();
        return;
      }
      try {
        dst = model::parse_money(v, options().money_decimals, options().number);
      } catch (const Error& e) {
        throw Error(fmt::format("{}: {}", what, e.what()), e.hint());
      }
    };
    money(F::list_price, "list_price", p.list_price);
    money(F::unit_cost, "unit_cost", p.unit_cost);
    if (!old) {
      insert_new(store::NewRow::products, [&] { return repo_.insert(p); });
      return Outcome::inserted;
    }
    if (p == *old) return Outcome::unchanged;
    repo_.update(p);
    if (p.category != old->category) recategorised_.push_back(p.id);
    return Outcome::updated;
  }

  // A new category changes the favourite categories of everyone who bought the product.
  void finish() override {
    for (std::int64_t customer : repo_.buyers(recategorised_)) touch(customer, store::Change::kTouchOrders);
  }

 private:
  store::ProductRepo repo_;
  std::vector<std::int64_t> recategorised_;
};

}  // namespace

ImportCounts import_products(store::Database& db, const std::string& path, const ImportOptions& options) {
  ProductImporter importer(db, options);
  return importer.run(path);
}

}  // namespace kunde::import
