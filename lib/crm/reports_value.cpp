// The value report: per-customer sums from the order and contact streams, cost to serve by
// crm::cost_to_serve, then ranks, deciles and the whale curve.
#include "crm/reports_value.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "crm/cost_to_serve.hpp"
#include "crm/session.hpp"
#include "crm/statistics.hpp"
#include "error.hpp"
#include "store/store.hpp"

namespace kunde::crm {
namespace {

struct InboundUse {
  std::int64_t in = 0, out = 0;
  std::string last_in;
};

struct Sums {
  CustomerValue value;
  std::map<std::string, std::int64_t> orders_by_channel, contacts_by_channel;
  std::map<std::string, InboundUse> contact_use;
};

std::string part_label(const CostPart& p) { return p.channel + (p.what == "contact" ? " contacts" : " orders"); }

}  // namespace

ValueReport value_report(Session& s, const ReportScope& scope) {
  ValueReport r;
  r.scope = scope;
  auto& analytics = s.store().analytics();
  std::unordered_map<std::int64_t, Sums> sums;
  auto q = scope.query();
  analytics.orders(q, [&](const store::OrderFact& o) {
    Sums& c = sums[o.customer_id];
    ++c.value.orders;
    c.value.revenue += o.amount;
    c.value.cost += o.cost;
    c.value.revenue_with_cost += o.amount_with_cost;
    c.value.returns += o.returns;
    if (o.day > std::string_view(c.value.last_order)) c.value.last_order.assign(o.day);
    ++c.orders_by_channel[std::string(o.channel)];
  });
  analytics.contacts(q, [&](const store::ContactFact& k) {
    Sums& c = sums[k.customer_id];
    ++c.value.contacts;
    ++c.contacts_by_channel[std::string(k.channel)];
    InboundUse& use = c.contact_use[std::string(k.channel)];
    if (k.inbound) {
      ++use.in;
      use.last_in.assign(k.day);
    } else {
      ++use.out;
    }
    c.value.complained = c.value.complained || k.complaint;
  });

  const CostTable costs = cost_table(s.config(), s.money_decimals());
  r.costs_configured = costs.configured();
  std::set<std::string> uncosted;
  std::map<std::string, LossDriver> drivers;
  CustomerNames names(s, scope);
  r.rows.reserve(sums.size());
  for (auto& [id, c] : sums) {
    CustomerValue& v = c.value;
    v.id = id;
    const CustomerName& n = names.of(id);
    v.number = n.number;
    v.name = n.name;
    v.margin = margin_of(v.revenue_with_cost, v.cost);
    std::int64_t best = 0;
    for (const auto& [channel, count] : c.orders_by_channel) {
      if (!channel.empty() && count > best) best = count, v.main_channel = channel;
    }
    if (!c.contact_use.empty()) {
      std::vector<ChannelUse> uses;
      for (const auto& [channel, use] : c.contact_use) uses.push_back({channel, use.in, use.out, use.last_in});
      v.contact_channel = preferred_channel(uses);
    }
    CostToServe cts;
    if (r.costs_configured) {
      c.orders_by_channel.erase("");  // an order without a channel has no cost of its own
      c.contacts_by_channel.erase("");
      cts = cost_to_serve(costs, c.contacts_by_channel, c.orders_by_channel);
      uncosted.insert(cts.uncosted.begin(), cts.uncosted.end());
      v.contact_cost = 0;
      v.order_cost = 0;
      for (const auto& p : cts.parts) *(p.what == "contact" ? v.contact_cost : v.order_cost) += p.total;
      v.cost_to_serve = cts.total;
    }
    v.profit = v.margin - v.cost_to_serve.value_or(0);
    if (v.profit < 0) {
      // What costs this customer most: one channel's cost to serve, the returns, or a margin
      // below zero.
      std::vector<std::pair<std::string, std::int64_t>> causes;
      for (const auto& p : cts.parts) causes.emplace_back(part_label(p), p.total);
      if (v.returns < 0) causes.emplace_back("returns", -v.returns);
      if (v.margin < 0) causes.emplace_back("negative margin", -v.margin);
      for (const auto& [what, amount] : causes) {
        if (amount > v.driver_amount) v.driver = what, v.driver_amount = amount;
        LossDriver& d = drivers[what];
        d.what = what;
        ++d.customers;
        d.amount += amount;
      }
    }
    r.rows.push_back(std::move(v));
  }
  sums.clear();
  r.uncosted.assign(uncosted.begin(), uncosted.end());
  for (auto& [what, d] : drivers) r.drivers.push_back(std::move(d));
  std::sort(r.drivers.begin(), r.drivers.end(), [](const LossDriver& a, const LossDriver& b) {
    return a.amount != b.amount ? a.amount > b.amount : a.what < b.what;
  });

  // Equal profit (all of it when no line has a cost) ranks by revenue.
  std::sort(r.rows.begin(), r.rows.end(), [](const CustomerValue& a, const CustomerValue& b) {
    if (a.profit != b.profit) return a.profit > b.profit;
    return a.revenue != b.revenue ? a.revenue > b.revenue : a.id < b.id;
  });
  const auto n = static_cast<std::int64_t>(r.rows.size());
  r.customers = n;
  if (n == 0) {
    throw Error(fmt::format("nothing to report: no orders or contacts {}",
                            scope.since ? fmt::format("from {} to {}", *scope.since, scope.as_of) : "up to " + scope.as_of),
                "import orders (kunde order import) or contacts, or give another --as-of or --since");
  }
  std::int64_t cumulative = 0;
  r.deciles.resize(n > 0 ? 10 : 0);
  for (std::size_t d = 0; d < r.deciles.size(); ++d) r.deciles[d].decile = static_cast<int>(d) + 1;
  for (std::int64_t i = 0; i < n; ++i) {
    CustomerValue& v = r.rows[static_cast<std::size_t>(i)];
    v.rank = static_cast<int>(i + 1);
    v.decile = static_cast<int>(10 * i / n) + 1;
    cumulative += v.profit;
    v.cumulative_profit = cumulative;
    if (cumulative > r.peak_profit) r.peak_profit = cumulative, r.peak_customers = i + 1;
    r.orders += v.orders;
    r.contacts += v.contacts;
    r.revenue += v.revenue;
    r.cost += v.cost;
    r.margin += v.margin;
    r.revenue_with_cost += v.revenue_with_cost;
    r.returns += v.returns;
    r.cost_to_serve += v.cost_to_serve.value_or(0);
    r.profit += v.profit;
    if (v.profit < 0) ++r.losing, r.loss += v.profit;
    ValueDecile& d = r.deciles[static_cast<std::size_t>(v.decile - 1)];
    ++d.customers;
    d.revenue += v.revenue;
    d.margin += v.margin;
    d.cost_to_serve += v.cost_to_serve.value_or(0);
    d.profit += v.profit;
  }
  double running = 0;
  for (auto& d : r.deciles) {
    running += static_cast<double>(d.profit);
    if (r.profit > 0) {
      d.profit_share = static_cast<double>(d.profit) / static_cast<double>(r.profit);
      d.cumulative_share = running / static_cast<double>(r.profit);
    }
  }
  if (n > 0) {
    for (int k = 0; k <= 100; ++k) {
      auto m = static_cast<std::int64_t>(std::llround(static_cast<double>(k) * static_cast<double>(n) / 100.0));
      WhalePoint p;
      p.customers = m;
      p.customer_share = static_cast<double>(m) / static_cast<double>(n);
      p.cumulative_profit = m == 0 ? 0 : r.rows[static_cast<std::size_t>(m - 1)].cumulative_profit;
      r.whale.push_back(p);
    }
  }
  return r;
}

}  // namespace kunde::crm
