// Cost to serve (cost_to_serve.hpp has the definition).
#include "crm/cost_to_serve.hpp"

#include <cmath>

namespace kunde::crm {
namespace {

std::map<std::string, std::int64_t> minor_units(const std::map<std::string, double>& costs, int decimals) {
  double scale = std::pow(10.0, decimals);
  std::map<std::string, std::int64_t> out;
  for (const auto& [channel, cost] : costs) out[channel] = static_cast<std::int64_t>(std::llround(cost * scale));
  return out;
}

void add(CostToServe& c, const std::string& what, const std::map<std::string, std::int64_t>& unit_costs,
         const std::map<std::string, std::int64_t>& counts) {
  for (const auto& [channel, count] : counts) {
    if (count == 0) continue;
    auto it = unit_costs.find(channel);
    if (it == unit_costs.end()) {
      c.uncosted.push_back(channel);
      continue;
    }
    CostPart p{what, channel, count, it->second, it->second * count};
    c.total += p.total;
    c.parts.push_back(p);
  }
}

}  // namespace

CostTable cost_table(const Config& config, int money_decimals) {
  return {minor_units(config.numbers_under("costs.contact"), money_decimals),
          minor_units(config.numbers_under("costs.order"), money_decimals)};
}

CostToServe cost_to_serve(const CostTable& costs, const std::map<std::string, std::int64_t>& contacts_by_channel,
                          const std::map<std::string, std::int64_t>& orders_by_channel) {
  CostToServe c;
  c.configured = costs.configured();
  if (!c.configured) return c;
  if (!costs.contact.empty()) add(c, "contact", costs.contact, contacts_by_channel);
  if (!costs.order.empty()) add(c, "order", costs.order, orders_by_channel);
  return c;
}

}  // namespace kunde::crm
