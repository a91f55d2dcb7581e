// Product import.
#include "crm/import/product_import.hpp"

#include <fmt/format.h>

#include "error.hpp"
#include "model/order.hpp"

namespace kunde::crm::import {
namespace {

namespace F = model::product_field;

class ProductImporter : public Importer {
 public:
  ProductImporter(Session& session, store::ImportWrite& write, const ImportOptions& o)
      : Importer(model::product_fields(), o, session, write), repo_(store().products()) {}

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
      write().add_product(p);
      return Outcome::inserted;
    }
    if (p == *old) return Outcome::unchanged;
    write().update_product(p, *old);
    return Outcome::updated;
  }

 private:
  store::Products& repo_;
};

}  // namespace

ImportCounts import_products(Session& session, store::ImportWrite& write, const std::string& path,
                             const ImportOptions& options) {
  ProductImporter importer(session, write, options);
  return importer.run(path);
}

}  // namespace kunde::crm::import
