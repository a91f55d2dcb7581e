// `report next`: what to offer a customer next, from the association rules of everyone's
// orders whose antecedent the customer bought and whose consequent they did not, and when
// they are expected to buy again, from their own interval between purchase days
// (kunde-report(1), NEXT).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crm/reports_affinity.hpp"

namespace kunde::crm {

struct NextRequest {
  ReportScope scope;                    // its customers are ignored: rules come from everyone
  std::vector<std::int64_t> customers;  // whom to suggest to
  ItemLevel level = ItemLevel::category;
  double min_support = 0.005;
  double min_confidence = 0.1;
  int max_len = 3;
  std::size_t top = 5;  // suggestions per customer
  bool everyone = false;  // suggest to every customer with orders (customers is then ignored)
  // Store each customer's best three offers for the screen pop (customer show), replacing
  // what an earlier run stored for them (with `everyone`, for every customer).
  bool save = true;
};

struct NextOffer {
  std::string item;
  std::vector<std::string> because;  // the rule's antecedent, which the customer bought
  double support = 0, confidence = 0, lift = 0;
};

struct NextCustomer {
  std::int64_t id = 0;
  std::vector<NextOffer> offers;  // best first
  std::int64_t purchase_days = 0;
  std::string last_purchase;            // day; empty without orders
  std::optional<double> interval_days;  // mean days between purchase days (2 or more)
  std::optional<std::string> expected_next;  // last purchase + interval
  bool overdue = false;                      // expected_next before the as-of day
};

struct NextReport {
  NextRequest request;
  bool saved = false;
  std::int64_t baskets = 0;
  std::int64_t multi_item = 0;  // orders with two items or more
  std::size_t rules = 0;
  std::vector<NextCustomer> rows;  // in the order of request.customers
};

// Throws kunde::UsageError for thresholds out of range or top 0.
NextReport next_report(Session& s, const NextRequest& request);

}  // namespace kunde::crm
