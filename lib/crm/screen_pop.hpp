// The screen pop: everything about one customer, gathered in one trip, for `customer show`
// when the phone rings: who they are, what they owe, what is open, what they bought.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/contacts.hpp"
#include "crm/cost_to_serve.hpp"
#include "crm/customers.hpp"
#include "crm/orders.hpp"
#include "crm/payments.hpp"
#include "crm/reports_wallet.hpp"
#include "store/analytics.hpp"

namespace kunde::crm {

using store::StoredOffers;
using store::StoredScore;

struct ScreenPop {
  model::Customer customer;
  std::vector<std::string> aliases;  // numbers of customers merged into this one
  CustomerStats stats;
  Account account;
  ContactSummary contacts;
  CostToServe cost;
  std::optional<StoredScore> scores;  // CLV, RFM and churn risk, when a report stored them
  std::optional<StoredOffers> offers;  // what to offer next, when report next stored it
  std::optional<WalletShare> wallet;          // share of wallet, when the customer has a wallet
  std::vector<DueItem> open;         // every open follow-up and promise, soonest first
  std::vector<ContactRow> recent_contacts;
  struct RecentOrder {
    OrderSummary summary;
    std::vector<LineView> lines;
  };
  std::vector<RecentOrder> recent_orders;
};

ScreenPop screen_pop(Session& s, std::string_view ref, std::int64_t recent_orders, std::int64_t recent_contacts,
                     const std::string& today);

}  // namespace kunde::crm
