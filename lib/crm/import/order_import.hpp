// Importing orders: one row per order line, grouped into orders by the order column (lines
// of one order may be scattered through the file). Rows without a sku are order-level rows
// and take `amount`. Without an order column each row is one order, keyed by a hash of its
// content and its occurrence number in the file, so importing a file again changes nothing.
#pragma once

#include "crm/import/importer.hpp"

namespace kunde::crm::import {

struct OrderImportOptions {
  bool skip_anonymous = false;       // rows with an empty customer are skipped and counted
  bool strip_zero_fraction = false;  // customer numbers written like 17850.0 read as 17850
};

ImportCounts import_orders(Session& session, store::ImportWrite& write, const std::string& path, const ImportOptions& options,
                           const OrderImportOptions& order_options);

}  // namespace kunde::crm::import
