// Running imports.
#include "crm/imports.hpp"

#include <fmt/format.h>

#include "crm/import/contact_import.hpp"
#include "crm/import/customer_import.hpp"
#include "crm/import/payment_import.hpp"
#include "crm/import/product_import.hpp"
#include "error.hpp"
#include "store/store.hpp"

namespace kunde::crm {

ImportCounts run_import(Session& s, const ImportRequest& r) {
  ImportOptions options = r.options;
  options.money_decimals = s.money_decimals();
  if (options.region.empty()) options.region = s.config().region();
  auto write = s.store().begin_import(s.command());
  ImportCounts counts;
  switch (r.kind) {
    case ImportKind::customers: counts = import::import_customers(s, *write, r.path, options); break;
    case ImportKind::products: counts = import::import_products(s, *write, r.path, options); break;
    case ImportKind::orders: counts = import::import_orders(s, *write, r.path, options, r.orders); break;
    case ImportKind::payments:
      counts = import::import_payments(s, *write, r.path, options, r.strip_zero_fraction);
      break;
    case ImportKind::contacts:
      counts = import::import_contacts(s, *write, r.path, options, s.config().strings("contact.channels"));
      break;
  }
  if (options.dry_run) {
    write->rollback();
  } else {
    write->commit(counts.summary());
  }
  return counts;
}

void apply_mapping_named(Session& s, ImportOptions& options, const std::string& mapping, bool sep_flag,
                         bool encoding_flag, bool date_format_flag, bool decimal_comma_flag) {
  bool is_file = mapping.find('/') != std::string::npos ||
                 (mapping.size() > 5 && mapping.compare(mapping.size() - 5, 5, ".toml") == 0);
  std::optional<ImportMapping> m;
  if (!is_file) {
    m = s.config().import_mapping(mapping);
    if (!m) {
      throw UsageError(fmt::format("there is no mapping '{}'", mapping),
                       fmt::format("define [import.{}] in {}, or give a .toml file", mapping,
                                   s.config().file().empty() ? "the config file" : s.config().file()));
    }
  } else {
    m = load_mapping_file(mapping);
  }
  import::apply_mapping(options, *m, sep_flag, encoding_flag, date_format_flag, decimal_comma_flag);
}

}  // namespace kunde::crm
