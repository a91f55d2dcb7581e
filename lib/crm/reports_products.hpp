// `report products`: how far each category or product reaches (share of customers and of
// orders buying it), and for one customer what they bought, how often, and what they never
// bought (kunde-report(1), PRODUCTS).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crm/reports_baskets.hpp"

namespace kunde::crm {

struct ProductsRequest {
  ReportScope scope;
  ItemLevel level = ItemLevel::category;
  std::optional<std::int64_t> customer;  // also list this customer's bought and not bought
};

struct ItemPenetration {
  std::string item;
  std::int64_t customers = 0, orders = 0, revenue = 0;  // revenue: minor units
  double customer_share = 0, order_share = 0;           // of all customers and orders with lines
};

// One item for one customer.
struct CustomerItem {
  std::string item;
  bool bought = false;
  std::int64_t orders = 0, revenue = 0;
  std::string first, last;              // days of the first and last order with it; empty when not bought
  std::optional<double> interval_days;  // mean days between the orders with it (2 order days or more)
  double penetration = 0;               // the item's share of all customers
};

struct ProductsReport {
  ProductsRequest request;
  std::int64_t customers = 0, orders = 0;
  std::vector<ItemPenetration> rows;        // by customers, then orders, highest first; ties by item
  std::vector<CustomerItem> customer_rows;  // with a customer: bought by revenue, then the rest by penetration
};

ProductsReport products_report(Session& s, const ProductsRequest& request);

}  // namespace kunde::crm
