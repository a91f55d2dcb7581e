// Running imports.
#include "crm/imports.hpp"

#include <fmt/format.h>

#include "crm/import/contact_import.hpp"
#include "crm/import/customer_import.hpp"
#include "crm/import/payment_import.hpp"
#include "crm/import/product_import.hpp"
#include "error.hpp"
#include "model/contact.hpp"
#include "model/customer.hpp"
#include "model/order.hpp"
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
    case ImportKind::orders:
      counts = r.lines_path.empty() ? import::import_orders(s, *write, r.path, options, r.orders)
                                    : import::import_orders_and_lines(s, *write, r.path, r.lines_path, options, r.orders);
      break;
    case ImportKind::payments:
      counts = import::import_payments(s, *write, r.path, options, r.strip_zero_fraction);
      break;
    case ImportKind::contacts:
      counts = import::import_contacts(s, *write, r.path, options, s.config().strings("contact.channels"));
      break;
  }
  if (options.dry_run) {
    write->rollback();
  } else if (counts.next) {
    write->commit(fmt::format("{}: {}; {}: {}", counts.source, counts.summary(), counts.next->source,
                              counts.next->summary()));
  } else {
    write->commit(counts.summary());
  }
  return counts;
}

std::string_view import_command(ImportKind kind) {
  switch (kind) {
    case ImportKind::customers: return "kunde customer import";
    case ImportKind::products: return "kunde product import";
    case ImportKind::orders: return "kunde order import";
    case ImportKind::payments: return "kunde order payments import";
    case ImportKind::contacts: return "kunde contact import";
  }
  return "kunde customer import";
}

const std::vector<model::FieldSpec>& import_fields(ImportKind kind) {
  switch (kind) {
    case ImportKind::customers: return model::customer_import_fields();
    case ImportKind::products: return model::product_fields();
    case ImportKind::orders: return model::order_fields();
    case ImportKind::payments: return model::payment_fields();
    case ImportKind::contacts: return model::contact_fields();
  }
  return model::customer_fields();
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
