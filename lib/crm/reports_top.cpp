// The top report: the value report's customers ranked, then each customer's properties
// (profile, channels, main category, complaints, order count) counted among the top and
// among the rest. Only properties some top customer has are counted.
#include "crm/reports_top.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "crm/main_category.hpp"
#include "crm/read_beside.hpp"
#include "crm/session.hpp"
#include "crm/sort_rows.hpp"
#include "crm/statistics.hpp"
#include "error.hpp"
#include "store/store.hpp"

namespace kunde::crm {
namespace {

std::string orders_band(std::int64_t orders) {
  if (orders <= 1) return orders == 1 ? "1" : "0";
  if (orders <= 3) return "2-3";
  if (orders <= 9) return "4-9";
  return "10 or more";
}

// Between a property's attribute and value in its key: no attribute name holds it.
constexpr char kKeySeparator = '\x1f';

// Calls f(attribute, text) for each property of a customer's profile: what the top
// customers are compared on besides what the value report says.
template <class F>
void each_property(const store::CustomerProfile& p, F&& f) {
  f("kind", p.kind);
  f("country", p.country);
  f("city", p.city);
  for (auto tag : p.tags) f("tag", tag);
  for (const auto& [name, v] : p.attributes) f(name, v);
}

void property_key(std::string& key, std::string_view attribute, std::string_view text) {
  key.assign(attribute);
  key += kKeySeparator;
  key.append(text);
}

// Every customer's main category, and properties as ids of their keys ("attribute<US>value"):
// a few integers per customer rather than their text.
struct Properties {
  std::unordered_map<std::int64_t, std::string> categories;
  std::vector<std::string> keys;                                  // by id
  std::unordered_map<std::int64_t, std::vector<std::uint32_t>> of;  // by customer, as they come
};

Properties read_properties(store::Analytics& analytics, const store::AnalyticsQuery& q) {
  Properties out;
  main_categories(analytics, q, [&](std::int64_t customer_id, std::string_view category) {
    if (!category.empty()) out.categories.emplace(customer_id, category);
  });
  std::unordered_map<std::string, std::uint32_t> ids;
  std::string key;
  analytics.customer_profiles(q, [&](const store::CustomerProfile& p) {
    auto& list = out.of[p.id];
    each_property(p, [&](std::string_view attribute, std::string_view text) {
      if (text.empty()) return;
      property_key(key, attribute, text);
      auto [it, added] = ids.try_emplace(key, static_cast<std::uint32_t>(out.keys.size()));
      if (added) out.keys.push_back(key);
      list.push_back(it->second);
    });
  });
  return out;
}

}  // namespace

TopReport top_report(Session& s, const TopRequest& request) {
  if (request.by != "profit" && request.by != "revenue" && request.by != "margin" && request.by != "clv") {
    throw UsageError(fmt::format("cannot rank by '{}'", request.by), "use profit, revenue, margin or clv");
  }
  if (request.n < 1) throw UsageError("-n must be at least 1", "give the number of top customers, such as -n 10");
  TopReport r;
  r.request = request;
  // Each customer's main category and properties are read beside the value report.
  auto beside = read_beside(s, [q = request.scope.query()](store::Store& st) { return read_properties(st.analytics(), q); });
  ValueReport value = value_report(s, request.scope);
  r.costs_configured = value.costs_configured;
  r.ranked_by = request.by;
  r.no_cost = margin_unknown(value.revenue, value.revenue_with_cost);
  if (r.no_cost && (request.by == "profit" || request.by == "margin")) r.ranked_by = "revenue";
  std::unordered_map<std::int64_t, double> clv;
  if (request.by == "clv") {
    ClvRequest c = request.clv;
    c.scope = request.scope;
    c.scope.since.reset();
    c.calibration_end.reset();
    c.save = false;
    ClvReport fitted = clv_report(s, c);
    r.model_name = fitted.model_name;
    for (const auto& row : fitted.rows) clv.emplace(row.id, row.clv);
  }

  std::vector<TopCustomer> all;
  all.reserve(value.rows.size());
  for (auto& v : value.rows) {
    TopCustomer t;
    t.value = std::move(v);
    if (r.ranked_by == "profit") t.measure = static_cast<double>(t.value.profit);
    if (r.ranked_by == "revenue") t.measure = static_cast<double>(t.value.revenue);
    if (r.ranked_by == "margin") t.measure = static_cast<double>(t.value.margin);
    if (r.ranked_by == "clv") {
      auto it = clv.find(t.value.id);
      t.clv = it != clv.end() ? it->second : 0.0;
      t.measure = *t.clv;
    }
    r.total += t.measure;
    all.push_back(std::move(t));
  }
  sort_rows(
      all, [](const TopCustomer& t) { return std::pair<double, std::int64_t>(t.measure, t.value.id); },
      [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  r.population = static_cast<std::int64_t>(all.size());
  const std::size_t top = std::min(all.size(), static_cast<std::size_t>(request.n));

  // Each property (attribute = value) of a top customer, counted among the top and among
  // the rest, keyed "attribute<US>value". The top's are counted first; the rest's were read
  // beside the value report as ids of their keys (read_properties), each distinct key's text
  // once: keeping every customer's properties as text was a third of the report's time and
  // most of its memory (283 MB against 245 MB then; 281 MB now, with the ids).
  std::unordered_map<std::int64_t, std::size_t> index;
  for (std::size_t i = 0; i < all.size(); ++i) index.emplace(all[i].value.id, i);
  std::map<std::string, std::pair<std::int64_t, std::int64_t>, std::less<>> counts;
  std::string key;
  auto count = [&](std::size_t i, std::string_view attribute, std::string_view text) {
    if (text.empty()) return;
    property_key(key, attribute, text);
    if (i < top) {
      ++counts[key].first;
    } else if (auto it = counts.find(key); it != counts.end()) {
      ++it->second.second;
    }
  };
  auto profile = [&](const store::CustomerProfile& p, std::size_t i) {
    each_property(p, [&](std::string_view attribute, std::string_view text) { count(i, attribute, text); });
  };
  auto derived = [&](std::size_t i) {
    const TopCustomer& t = all[i];
    count(i, "order channel", t.value.main_channel);
    count(i, "contact channel", t.value.contact_channel);
    count(i, "category", t.category);
    count(i, "orders", orders_band(t.value.orders));
    if (t.value.complained) count(i, "complained", "yes");
  };
  auto& analytics = s.store().analytics();
  Properties everyone = beside.get();
  for (auto& [customer_id, category] : everyone.categories) {
    auto it = index.find(customer_id);
    if (it != index.end()) all[it->second].category = std::move(category);
  }
  store::AnalyticsQuery top_query = request.scope.query();
  top_query.customers.emplace();
  for (std::size_t i = 0; i < top; ++i) top_query.customers->push_back(all[i].value.id);
  analytics.customer_profiles(top_query, [&](const store::CustomerProfile& p) {
    auto it = index.find(p.id);
    if (it == index.end() || it->second >= top) return;
    all[it->second].country = p.country;
    all[it->second].kind = p.kind;
    profile(p, it->second);
  });
  for (std::size_t i = 0; i < top; ++i) derived(i);
  // The rest's properties, by id: those the top has are counted.
  std::vector<std::pair<std::int64_t, std::int64_t>*> counted(everyone.keys.size(), nullptr);
  for (std::size_t id = 0; id < everyone.keys.size(); ++id) {
    if (auto it = counts.find(everyone.keys[id]); it != counts.end()) counted[id] = &it->second;
  }
  for (std::size_t i = top; i < all.size(); ++i) {
    auto it = everyone.of.find(all[i].value.id);
    if (it == everyone.of.end()) continue;
    for (std::uint32_t id : it->second) {
      if (counted[id]) ++counted[id]->second;
    }
  }
  for (std::size_t i = top; i < all.size(); ++i) derived(i);

  const std::int64_t rest = r.population - static_cast<std::int64_t>(top);
  // What one top customer has alone (a street, a state) characterises no group: a property
  // counts when a fifth of the top, and two of them, have it.
  const std::int64_t min_top =
      std::max<std::int64_t>(std::min<std::int64_t>(2, static_cast<std::int64_t>(top)),
                             (static_cast<std::int64_t>(top) + 4) / 5);
  for (const auto& [name, c] : counts) {
    if (c.first < min_top) continue;
    ProfileShare p;
    const auto at = name.find(kKeySeparator);
    p.attribute = name.substr(0, at);
    p.value = name.substr(at + 1);
    p.top = c.first;
    p.rest = c.second;
    p.top_share = static_cast<double>(c.first) / static_cast<double>(top);
    if (rest > 0) p.rest_share = static_cast<double>(c.second) / static_cast<double>(rest);
    if (p.rest_share > 0) p.lift = p.top_share / p.rest_share;
    // As common among the rest, or more: nothing that sets the top apart.
    if (p.lift && *p.lift <= 1.0) continue;
    r.profile.push_back(std::move(p));
  }
  // Properties no other customer has first, then by lift, then by share among the top.
  std::sort(r.profile.begin(), r.profile.end(), [](const ProfileShare& a, const ProfileShare& b) {
    double la = a.lift.value_or(INFINITY), lb = b.lift.value_or(INFINITY);
    if (la != lb) return la > lb;
    if (a.top_share != b.top_share) return a.top_share > b.top_share;
    return std::tie(a.attribute, a.value) < std::tie(b.attribute, b.value);
  });
  constexpr std::size_t kProfileRows = 15;
  if (r.profile.size() > kProfileRows) r.profile.resize(kProfileRows);

  all.resize(top);
  for (const auto& t : all) r.top_total += t.measure;
  r.rows = std::move(all);
  return r;
}

}  // namespace kunde::crm
