// `report value`: what each customer is worth after the cost of goods and the cost to serve,
// profit deciles, the whale curve and what drives the losses (kunde-report(1), VALUE).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crm/reports.hpp"

namespace kunde::crm {

// One customer's figures over the scope, money in minor units.
struct CustomerValue {
  std::int64_t id = 0;
  std::string number, name;
  std::int64_t orders = 0, contacts = 0;
  std::int64_t revenue = 0, cost = 0, margin = 0, returns = 0;  // returns: Σ negative lines (<= 0)
  std::int64_t revenue_with_cost = 0;                            // revenue of the lines whose cost is known
  std::optional<std::int64_t> contact_cost, order_cost, cost_to_serve;  // none when costs are not configured
  std::int64_t profit = 0;  // margin - cost to serve
  std::string last_order;   // YYYY-MM-DD; empty without orders
  std::string main_channel; // the order channel of most orders (ties: first by name); empty when none
  std::string contact_channel;  // the preferred channel of inbound contacts (crm/statistics.hpp); empty when none
  bool complained = false;      // a complaint among the contacts
  int rank = 0;             // 1 = the most profitable
  int decile = 0;           // 1 = the most profitable tenth
  std::int64_t cumulative_profit = 0;  // Σ profit of ranks 1..rank
  // For a customer with a loss: what costs most of margin, cost to serve by channel, returns.
  std::string driver;
  std::int64_t driver_amount = 0;
};

struct ValueDecile {
  int decile = 0;
  std::int64_t customers = 0, revenue = 0, margin = 0, cost_to_serve = 0, profit = 0;
  double profit_share = 0, cumulative_share = 0;  // of total profit; 0 when it is not positive
};

// The whale curve at one point: the `customers` most profitable customers.
struct WhalePoint {
  double customer_share = 0;
  std::int64_t customers = 0;
  std::int64_t cumulative_profit = 0;
};

// A cause of losses, summed over the customers with a loss.
struct LossDriver {
  std::string what;  // "phone contacts", "web orders", "returns", "negative margin"
  std::int64_t customers = 0, amount = 0;
};

struct ValueReport {
  ReportScope scope;
  bool costs_configured = false;
  std::vector<std::string> uncosted;  // channels used that have no cost set
  std::int64_t customers = 0, orders = 0, contacts = 0;
  std::int64_t revenue = 0, cost = 0, margin = 0, revenue_with_cost = 0, returns = 0, cost_to_serve = 0, profit = 0;
  std::int64_t losing = 0;        // customers with a loss
  std::int64_t loss = 0;          // Σ their profit (<= 0)
  std::int64_t peak_customers = 0;  // the rank where cumulative profit is highest
  std::int64_t peak_profit = 0;
  std::vector<CustomerValue> rows;  // by profit, highest first (ties by id)
  std::vector<ValueDecile> deciles;
  std::vector<WhalePoint> whale;    // 0%, 1%, ..., 100% of the customers
  std::vector<LossDriver> drivers;  // largest first
};

// Customers with orders or contacts in the scope.
ValueReport value_report(Session& s, const ReportScope& scope);

}  // namespace kunde::crm
