// Cost to serve (DESIGN.md, Analytics): Σ contacts × the cost of their channel
// ([costs.contact]) + Σ orders × the cost of their channel ([costs.order]), in minor units.
// Without configured costs it is "not configured", never zero.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "config/config.hpp"

namespace kunde::crm {

// Costs per contact and per order, by channel, in minor units.
struct CostTable {
  std::map<std::string, std::int64_t> contact, order;
  bool configured() const { return !contact.empty() || !order.empty(); }
};
CostTable cost_table(const Config& config, int money_decimals);

struct CostPart {
  std::string what;     // "contact" or "order"
  std::string channel;
  std::int64_t count = 0, unit = 0, total = 0;
};

struct CostToServe {
  bool configured = false;
  std::int64_t total = 0;
  std::vector<CostPart> parts;
  std::vector<std::string> uncosted;  // channels used that have no cost set
};

// From counts by channel: contacts (in + out) and orders.
CostToServe cost_to_serve(const CostTable& costs, const std::map<std::string, std::int64_t>& contacts_by_channel,
                          const std::map<std::string, std::int64_t>& orders_by_channel);

}  // namespace kunde::crm
