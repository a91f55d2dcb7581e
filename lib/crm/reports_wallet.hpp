// Share of wallet (DESIGN.md): a customer's revenue of the last twelve months against their
// `wallet`, the estimated yearly spend in our category; the room left is what a sales plan can
// still win (kunde-report(1), WALLET).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crm/reports.hpp"

namespace kunde::crm {

// The first day of the twelve months that end on `as_of`: the 365 days up to and including it.
std::string wallet_since(const std::string& as_of);

// revenue / wallet; none without a positive wallet. Above 1 when a customer spends more than
// their estimate (the estimate is then too low).
std::optional<double> share_of_wallet(std::int64_t revenue, std::optional<std::int64_t> wallet);

// One customer with a wallet. Money in minor units.
struct WalletRow {
  std::int64_t id = 0;
  std::string number, name;
  std::int64_t wallet = 0, revenue = 0;
  double share = 0;
  std::int64_t room = 0;  // wallet - revenue, 0 when they spend it all
};

// Customers by how much of their wallet we have.
struct WalletBand {
  std::string band;  // "under 25%", "25-50%", "50-75%", "75% or more"
  std::int64_t customers = 0, wallet = 0, revenue = 0;
};

struct WalletReport {
  ReportScope scope;  // since: the first of the twelve months
  std::int64_t customers = 0;  // customers in the scope
  std::int64_t with_wallet = 0;
  std::int64_t wallet = 0, revenue = 0, room = 0;  // sums over the customers with a wallet
  std::optional<double> share;                     // revenue / wallet over them
  std::vector<WalletBand> bands;
  std::vector<WalletRow> rows;  // by room, largest first (ties by id)
};

// The customers of the scope that have a wallet, with their revenue of the twelve months
// ending on the scope's as-of day (the scope's since is replaced).
WalletReport wallet_report(Session& s, const ReportScope& scope);

// One customer's share of wallet as of `as_of`; none when they have no wallet.
struct WalletShare {
  std::int64_t wallet = 0, revenue = 0;
  double share = 0;
};
std::optional<WalletShare> customer_wallet_share(Session& s, std::int64_t customer_id, std::optional<std::int64_t> wallet,
                                                 const std::string& as_of);

}  // namespace kunde::crm
