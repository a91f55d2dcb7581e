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
#include "crm/interned_names.hpp"
#include "crm/session.hpp"
#include "crm/sort_rows.hpp"
#include "crm/statistics.hpp"
#include "error.hpp"
#include "store/store.hpp"

namespace kunde::crm {
namespace {

// One customer's use of one channel.
struct ChannelSums {
  int channel = 0;
  std::int64_t orders = 0, in = 0, out = 0;  // orders, inbound and outbound contacts
  std::string last_in;                       // day of the latest inbound contact
};

// What the streams add up for one customer; the rest of a CustomerValue is worked out once
// they end.
struct Sums {
  std::int64_t id = 0, orders = 0, contacts = 0, revenue = 0, cost = 0, revenue_with_cost = 0, returns = 0;
  std::string last_order;
  bool complained = false;
  std::vector<ChannelSums> channels;

  ChannelSums& channel(int id) {
    for (auto& c : channels) {
      if (c.channel == id) return c;
    }
    ChannelSums& added = channels.emplace_back();
    added.channel = id;
    return added;
  }
};

// The customers' sums in one vector, found by id; the orders come customer by customer, so
// most lookups are the last customer's.
class CustomerSums {
 public:
  // Room for many customers up front (pages are only touched as they fill): growing the
  // table and the vector as customers come costs a tenth of a large report.
  CustomerSums() {
    sums_.reserve(kRoom);
    index_.reserve(kRoom);
  }
  Sums& of(std::int64_t id) {
    if (!sums_.empty() && sums_.back().id == id) return sums_.back();
    auto [it, added] = index_.try_emplace(id, sums_.size());
    if (added) sums_.emplace_back().id = id;
    return sums_[it->second];
  }
  std::vector<Sums>& all() { return sums_; }

 private:
  static constexpr std::size_t kRoom = 1 << 17;
  std::vector<Sums> sums_;
  std::unordered_map<std::int64_t, std::size_t> index_;
};

std::string part_label(const CostPart& p) { return p.channel + (p.what == "contact" ? " contacts" : " orders"); }

}  // namespace

ValueReport value_report(Session& s, const ReportScope& scope) {
  ValueReport r;
  r.scope = scope;
  auto& analytics = s.store().analytics();
  CustomerSums sums;
  InternedNames channels;
  auto q = scope.query();
  q.ordered = false;  // what is summed here does not depend on the order
  analytics.orders(q, [&](const store::OrderFact& o) {
    Sums& c = sums.of(o.customer_id);
    ++c.orders;
    c.revenue += o.amount;
    c.cost += o.cost;
    c.revenue_with_cost += o.amount_with_cost;
    c.returns += o.returns;
    if (o.day > std::string_view(c.last_order)) c.last_order.assign(o.day);
    ++c.channel(channels.id(o.channel)).orders;
  });
  analytics.contacts(q, [&](const store::ContactFact& k) {
    Sums& c = sums.of(k.customer_id);
    ++c.contacts;
    ChannelSums& use = c.channel(channels.id(k.channel));
    if (k.inbound) {
      ++use.in;
      if (k.day > std::string_view(use.last_in)) use.last_in.assign(k.day);
    } else {
      ++use.out;
    }
    c.complained = c.complained || k.complaint;
  });

  const CostTable costs = cost_table(s.config(), s.money_decimals());
  r.costs_configured = costs.configured();
  std::set<std::string> uncosted;
  std::map<std::string, LossDriver> drivers;
  CustomerNames names(s, scope);
  r.rows.reserve(sums.all().size());
  std::vector<ChannelUse> uses;
  for (Sums& c : sums.all()) {
    CustomerValue v;
    v.id = c.id;
    v.orders = c.orders;
    v.contacts = c.contacts;
    v.revenue = c.revenue;
    v.cost = c.cost;
    v.revenue_with_cost = c.revenue_with_cost;
    v.returns = c.returns;
    v.last_order = std::move(c.last_order);
    v.complained = c.complained;
    const CustomerName& n = names.of(v.id);
    v.number = n.number;
    v.name = n.name;
    v.margin = margin_of(v.revenue_with_cost, v.cost);
    // The main channel of the orders; the preferred channel of the contacts, from the
    // channels in name order.
    Leading main;
    uses.clear();
    for (const ChannelSums& u : c.channels) {
      const std::string& name = channels.name(u.channel);
      main.offer(name, u.orders);
      if (u.in + u.out > 0) uses.push_back({name, u.in, u.out, u.last_in});
    }
    v.main_channel = main.name();
    if (!uses.empty()) {
      std::sort(uses.begin(), uses.end(), [](const ChannelUse& a, const ChannelUse& b) { return a.channel < b.channel; });
      v.contact_channel = preferred_channel(uses);
    }
    CostToServe cts;
    if (r.costs_configured) {
      // An order or contact without a channel has no cost of its own.
      std::map<std::string, std::int64_t> orders_by_channel, contacts_by_channel;
      for (const ChannelSums& u : c.channels) {
        const std::string& name = channels.name(u.channel);
        if (name.empty()) continue;
        if (u.orders > 0) orders_by_channel[name] = u.orders;
        if (u.in + u.out > 0) contacts_by_channel[name] = u.in + u.out;
      }
      cts = cost_to_serve(costs, contacts_by_channel, orders_by_channel);
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
  sums = CustomerSums();
  r.uncosted.assign(uncosted.begin(), uncosted.end());
  for (auto& [what, d] : drivers) r.drivers.push_back(std::move(d));
  std::sort(r.drivers.begin(), r.drivers.end(), [](const LossDriver& a, const LossDriver& b) {
    return a.amount != b.amount ? a.amount > b.amount : a.what < b.what;
  });

  // Equal profit (all of it when no line has a cost) ranks by revenue.
  struct Rank {
    std::int64_t profit, revenue, id;
  };
  sort_rows(
      r.rows, [](const CustomerValue& v) { return Rank{v.profit, v.revenue, v.id}; },
      [](const Rank& a, const Rank& b) {
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
