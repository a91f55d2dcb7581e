// Importing orders. A file of order lines (one row per line) is grouped into orders by the
// order column (lines of one order may be scattered through the file); rows without a sku
// are order-level rows and take `amount`, and a row with an order number but neither a sku
// nor a price or amount is an order without lines. Without an order column each row is one
// order, keyed by a hash of its content and its occurrence number in the file, so importing
// a file again changes nothing. A line whose order exists may leave out the customer and the
// date: it takes them from the order.
//
// A file with no line columns at all (no sku, quantity, price, amount, ...) holds one row
// per order: the orders are added or updated, their lines left as they are (to come later,
// or in a lines file of the same import). Order-level columns (freight, and any column that
// is no field, kept as the order's attributes) are read from an order's first row.
#pragma once

#include "crm/import/importer.hpp"

namespace kunde::crm::import {

struct OrderImportOptions {
  bool skip_anonymous = false;       // rows with an empty customer are skipped and counted
  bool strip_zero_fraction = false;  // customer numbers written like 17850.0 read as 17850
};

ImportCounts import_orders(Session& session, store::ImportWrite& write, const std::string& path, const ImportOptions& options,
                           const OrderImportOptions& order_options);

// An order file (one row per order) and a file of their lines, in one write. The counts of
// the lines file are in the result's `next`. Rejected rows of the lines file go to the
// reject file's name with "-lines" before its extension.
ImportCounts import_orders_and_lines(Session& session, store::ImportWrite& write, const std::string& orders_path,
                                     const std::string& lines_path, const ImportOptions& options,
                                     const OrderImportOptions& order_options);

// The reject file of the lines file of a split import: rej.csv -> rej-lines.csv.
std::string lines_reject_file(const std::string& reject_file);

}  // namespace kunde::crm::import
