// Next offers: rules mined once over every order, asked per customer through an OfferIndex;
// the expected date from the customer totals of the requested customers only.
#include "crm/reports_next.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "analytics/next_offer.hpp"
#include "crm/session.hpp"
#include "error.hpp"
#include "store/store.hpp"

namespace kunde::crm {
namespace {

// The screen pop shows three: more would be stored for no one to read.
constexpr std::size_t kStoredOffers = 3;

}  // namespace

NextReport next_report(Session& s, const NextRequest& request) {
  if (request.top < 1) throw UsageError("-n must be at least 1", "give how many suggestions, such as -n 5");
  AffinityRequest a;
  a.scope = request.scope;
  a.scope.customers.reset();
  a.level = request.level;
  a.min_support = request.min_support;
  a.min_confidence = request.min_confidence;
  a.max_len = request.max_len;
  analytics::RuleOptions options = rule_options(a);

  NextReport r;
  r.request = request;
  BasketData data = read_baskets(s, a.scope, a.level, BasketBy::order);
  r.baskets = static_cast<std::int64_t>(data.baskets.size());
  r.multi_item = multi_item_baskets(data);
  std::vector<analytics::Rule> rules;
  if (data.baskets.size() > 0) rules = analytics::mine_rules(data.baskets, options);
  r.rules = rules.size();
  analytics::OfferIndex index(rules);
  if (request.everyone) {
    r.request.customers.assign(data.customer.begin(), data.customer.end());
    std::sort(r.request.customers.begin(), r.request.customers.end());
    r.request.customers.erase(std::unique(r.request.customers.begin(), r.request.customers.end()), r.request.customers.end());
  }
  const std::vector<std::int64_t>& customers = r.request.customers;

  std::unordered_map<std::int64_t, std::vector<analytics::Item>> owned;
  for (auto id : customers) owned[id];
  for (std::size_t b = 0; b < data.baskets.size(); ++b) {
    auto it = owned.find(data.customer[b]);
    if (it == owned.end()) continue;
    auto items = data.baskets[b];
    it->second.insert(it->second.end(), items.begin(), items.end());
  }

  std::unordered_map<std::int64_t, NextCustomer> rows;
  for (auto id : customers) rows[id].id = id;
  if (!customers.empty()) {
    store::AnalyticsQuery q = request.scope.query();
    if (!request.everyone) q.customers = customers;
    s.store().analytics().customer_totals(q, [&](const store::CustomerTotals& t) {
      auto it = rows.find(t.customer_id);
      if (it == rows.end()) return;
      NextCustomer& c = it->second;
      c.purchase_days = t.purchase_days;
      c.last_purchase = std::string(t.last_order);
      if (t.purchase_days >= 2) {
        int first = day_number(t.first_order), last = day_number(t.last_order);
        c.interval_days = static_cast<double>(last - first) / static_cast<double>(t.purchase_days - 1);
        c.expected_next = day_text(last + static_cast<int>(std::lround(*c.interval_days)));
        c.overdue = *c.expected_next < request.scope.as_of;
      }
    });
  }
  for (auto id : customers) {
    NextCustomer c = std::move(rows[id]);
    for (const auto& offer : index.offers(owned[id], request.top)) {
      const analytics::Rule& rule = rules[offer.rule];
      NextOffer o;
      o.item = data.labels[static_cast<std::size_t>(offer.item)];
      for (auto i : rule.antecedent) o.because.push_back(data.labels[static_cast<std::size_t>(i)]);
      o.support = rule.support;
      o.confidence = rule.confidence;
      o.lift = rule.lift;
      c.offers.push_back(std::move(o));
    }
    r.rows.push_back(std::move(c));
  }
  if (request.save) {
    std::vector<store::CustomerOffers> offers;
    offers.reserve(r.rows.size());
    for (const auto& c : r.rows) {
      store::CustomerOffers stored{c.id, {}};
      for (const auto& o : c.offers) {
        if (stored.offers.size() == kStoredOffers) break;
        stored.offers.push_back({o.item, o.because, o.confidence, o.lift});
      }
      offers.push_back(std::move(stored));
    }
    s.store().analytics().save_offers(
        {request.scope.as_of, request.level == ItemLevel::product ? "product" : "category", offers, request.everyone});
    r.saved = true;
  }
  return r;
}

}  // namespace kunde::crm
