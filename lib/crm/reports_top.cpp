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
#include "crm/session.hpp"
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

// The properties of one customer, as (attribute, value).
struct Properties {
  std::vector<std::pair<std::string, std::string>> items;
  void add(std::string attribute, std::string_view value) {
    if (!value.empty()) items.emplace_back(std::move(attribute), std::string(value));
  }
};

}  // namespace

TopReport top_report(Session& s, const TopRequest& request) {
  if (request.by != "profit" && request.by != "revenue" && request.by != "margin" && request.by != "clv") {
    throw UsageError(fmt::format("cannot rank by '{}'", request.by), "use profit, revenue, margin or clv");
  }
  if (request.n < 1) throw UsageError("-n must be at least 1", "give the number of top customers, such as -n 10");
  TopReport r;
  r.request = request;
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
  std::sort(all.begin(), all.end(), [](const TopCustomer& a, const TopCustomer& b) {
    return a.measure != b.measure ? a.measure > b.measure : a.value.id < b.value.id;
  });
  r.population = static_cast<std::int64_t>(all.size());
  const std::size_t top = std::min(all.size(), static_cast<std::size_t>(request.n));

  // Profiles and main categories of everyone ranked.
  std::unordered_map<std::int64_t, std::size_t> index;
  for (std::size_t i = 0; i < all.size(); ++i) index.emplace(all[i].value.id, i);
  std::vector<Properties> props(all.size());
  s.store().analytics().customer_profiles(request.scope.query(), [&](const store::CustomerProfile& p) {
    auto it = index.find(p.id);
    if (it == index.end()) return;
    TopCustomer& t = all[it->second];
    t.country = p.country;
    t.kind = p.kind;
    Properties& pr = props[it->second];
    pr.add("kind", p.kind);
    pr.add("country", p.country);
    pr.add("city", p.city);
    for (auto tag : p.tags) pr.add("tag", tag);
    for (const auto& [key, v] : p.attributes) pr.add(std::string(key), v);
  });
  main_categories(s.store().analytics(), request.scope.query(), [&](std::int64_t customer_id, std::string_view category) {
    auto it = index.find(customer_id);
    if (it != index.end()) all[it->second].category = category;
  });
  for (std::size_t i = 0; i < all.size(); ++i) {
    const TopCustomer& t = all[i];
    Properties& pr = props[i];
    pr.add("order channel", t.value.main_channel);
    pr.add("contact channel", t.value.contact_channel);
    pr.add("category", t.category);
    pr.add("orders", orders_band(t.value.orders));
    if (t.value.complained) pr.add("complained", "yes");
  }

  std::map<std::pair<std::string, std::string>, std::pair<std::int64_t, std::int64_t>> counts;
  for (std::size_t i = 0; i < top; ++i) {
    for (const auto& item : props[i].items) ++counts[item].first;
  }
  for (std::size_t i = top; i < all.size(); ++i) {
    for (const auto& item : props[i].items) {
      auto it = counts.find(item);
      if (it != counts.end()) ++it->second.second;
    }
  }
  const std::int64_t rest = r.population - static_cast<std::int64_t>(top);
  const std::int64_t min_top = std::max<std::int64_t>(1, (static_cast<std::int64_t>(top) + 4) / 5);
  for (const auto& [key, c] : counts) {
    if (c.first < min_top) continue;
    ProfileShare p;
    p.attribute = key.first;
    p.value = key.second;
    p.top = c.first;
    p.rest = c.second;
    p.top_share = static_cast<double>(c.first) / static_cast<double>(top);
    if (rest > 0) p.rest_share = static_cast<double>(c.second) / static_cast<double>(rest);
    if (p.rest_share > 0) p.lift = p.top_share / p.rest_share;
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
