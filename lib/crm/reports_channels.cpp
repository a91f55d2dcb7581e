// The channels report from two streams, both by customer: orders, then contacts. A
// customer's channel counts are kept only until the next customer starts.
#include "crm/reports_channels.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "crm/cost_to_serve.hpp"
#include "crm/session.hpp"
#include "store/store.hpp"

namespace kunde::crm {

std::string quarter_of(std::string_view day) {
  int month = (day.size() >= 7) ? (day[5] - '0') * 10 + (day[6] - '0') : 1;
  return std::string(day.substr(0, 4)) + "-Q" + std::to_string((month - 1) / 3 + 1);
}

namespace {

constexpr const char* kNone = "(none)";

std::string channel_name(std::string_view c) { return c.empty() ? kNone : std::string(c); }

}  // namespace

ChannelsReport channels_report(Session& s, const ReportScope& scope) {
  ChannelsReport r;
  r.scope = scope;
  std::map<std::string, ChannelMix> mix;
  // Per customer: uses by channel (orders and contacts), first and last order channel.
  struct Uses {
    std::map<std::string, std::int64_t> channels;
    std::string first, last;
    std::int64_t orders = 0;
  };
  std::unordered_map<std::int64_t, Uses> uses;
  std::map<std::string, std::map<std::string, std::int64_t>> quarters;
  store::AnalyticsQuery q = scope.query();
  s.store().analytics().orders(q, [&](const store::OrderFact& o) {
    std::string c = channel_name(o.channel);
    ChannelMix& m = mix[c];
    ++m.orders;
    m.revenue += o.amount;
    ++r.orders;
    Uses& u = uses[o.customer_id];
    ++u.channels[c];
    if (u.orders++ == 0) u.first = c;
    u.last = c;
    ++quarters[quarter_of(o.day)][c];
  });
  s.store().analytics().contacts(q, [&](const store::ContactFact& f) {
    std::string c = channel_name(f.channel);
    ChannelMix& m = mix[c];
    ++m.contacts;
    if (f.inbound) ++m.inbound;
    ++r.contacts;
    ++uses[f.customer_id].channels[c];
  });

  std::map<std::string, std::int64_t> preferred;
  std::map<std::pair<std::string, std::string>, std::int64_t> moves;
  for (const auto& [id, u] : uses) {
    ++r.customers;
    std::int64_t named = 0;
    std::string best;
    std::int64_t best_count = 0;
    for (const auto& [c, n] : u.channels) {
      ++mix[c].customers;
      if (c != kNone) ++named;
      if (n > best_count) best = c, best_count = n;  // ties: the first by name
    }
    if (named >= 2) ++r.multi_channel;
    ++preferred[best];
    if (u.orders >= 2) {
      ++r.repeat_customers;
      if (u.first != u.last) ++r.movers, ++moves[{u.first, u.last}];
    }
  }

  CostTable costs = cost_table(s.config(), s.money_decimals());
  r.costs_configured = costs.configured();
  for (auto& [c, m] : mix) {
    m.channel = c;
    if (r.orders > 0) m.order_share = static_cast<double>(m.orders) / static_cast<double>(r.orders);
    if (r.contacts > 0) m.contact_share = static_cast<double>(m.contacts) / static_cast<double>(r.contacts);
    if (auto it = costs.order.find(c); it != costs.order.end()) m.order_unit = it->second;
    if (auto it = costs.contact.find(c); it != costs.contact.end()) m.contact_unit = it->second;
    m.cost = m.orders * m.order_unit.value_or(0) + m.contacts * m.contact_unit.value_or(0);
    r.mix.push_back(m);
  }
  std::sort(r.mix.begin(), r.mix.end(), [](const ChannelMix& a, const ChannelMix& b) {
    if (a.orders + a.contacts != b.orders + b.contacts) return a.orders + a.contacts > b.orders + b.contacts;
    return a.channel < b.channel;
  });
  for (const auto& m : r.mix) {
    if (m.orders > 0) r.period_channels.push_back(m.channel);
  }
  std::sort(r.period_channels.begin(), r.period_channels.end(), [&](const std::string& a, const std::string& b) {
    return mix[a].orders != mix[b].orders ? mix[a].orders > mix[b].orders : a < b;
  });
  for (const auto& [period, counts] : quarters) {
    ChannelPeriod p{period, {}};
    for (const auto& c : r.period_channels) {
      auto it = counts.find(c);
      p.orders.push_back(it == counts.end() ? 0 : it->second);
    }
    r.periods.push_back(std::move(p));
  }
  for (const auto& [c, n] : preferred) r.preferred.emplace_back(c, n);
  std::sort(r.preferred.begin(), r.preferred.end(),
            [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
  for (const auto& [key, n] : moves) r.moves.push_back({key.first, key.second, n});
  std::sort(r.moves.begin(), r.moves.end(), [](const ChannelMove& a, const ChannelMove& b) {
    return a.customers != b.customers ? a.customers > b.customers : std::tie(a.from, a.to) < std::tie(b.from, b.to);
  });
  return r;
}

}  // namespace kunde::crm
