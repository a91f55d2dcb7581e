// The top report: the value report's customers ranked, then each customer's properties
// (profile, channels, main category, complaints, order count) counted among the top and
// among the rest. Only properties some top customer has are counted.
#include "crm/reports_top.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include <absl/container/flat_hash_map.h>

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
// a few integers per customer rather than their text, in flat arrays rather than a vector
// per customer (whose allocations and frees took a tenth of the report).
struct Properties {
  std::vector<std::string> keys;                                   // by id
  std::vector<std::string> category_names;                         // by id
  std::vector<std::pair<std::int64_t, std::uint32_t>> categories;  // (customer, category id)
  std::vector<std::int64_t> customers;                             // as they come
  std::vector<std::uint32_t> starts{0};  // customers[k]'s properties: ids[starts[k]] up to ids[starts[k + 1]]
  std::vector<std::uint32_t> ids;
};

Properties read_properties(store::Analytics& analytics, const store::AnalyticsQuery& q) {
  Properties out;
  absl::flat_hash_map<std::string, std::uint32_t> category_ids;
  main_categories(analytics, q, [&](std::int64_t customer_id, std::string_view category) {
    if (category.empty()) return;
    auto [it, added] = category_ids.try_emplace(absl::string_view(category.data(), category.size()),
                                                static_cast<std::uint32_t>(out.category_names.size()));
    if (added) out.category_names.emplace_back(category);
    out.categories.emplace_back(customer_id, it->second);
  });
  absl::flat_hash_map<std::string, std::uint32_t> ids;
  std::string key;
  analytics.customer_profiles(q, [&](const store::CustomerProfile& p) {
    out.customers.push_back(p.id);
    each_property(p, [&](std::string_view attribute, std::string_view text) {
      if (text.empty()) return;
      property_key(key, attribute, text);
      auto [it, added] = ids.try_emplace(key, static_cast<std::uint32_t>(out.keys.size()));
      if (added) out.keys.push_back(key);
      out.ids.push_back(it->second);
    });
    out.starts.push_back(static_cast<std::uint32_t>(out.ids.size()));
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

  // Ranked by small keys; only the top's rows are moved out of the value report.
  const std::size_t n = value.rows.size();
  std::vector<std::pair<double, std::int64_t>> keys;  // (measure, id) by row
  keys.reserve(n);
  for (const CustomerValue& v : value.rows) {
    double m = 0;
    if (r.ranked_by == "profit") m = static_cast<double>(v.profit);
    if (r.ranked_by == "revenue") m = static_cast<double>(v.revenue);
    if (r.ranked_by == "margin") m = static_cast<double>(v.margin);
    if (r.ranked_by == "clv") {
      auto it = clv.find(v.id);
      m = it != clv.end() ? it->second : 0.0;
    }
    r.total += m;
    keys.emplace_back(m, v.id);
  }
  const std::vector<std::uint32_t> ranked =
      sorted_order(keys, [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  r.population = static_cast<std::int64_t>(n);
  const std::size_t top = std::min(n, static_cast<std::size_t>(request.n));
  // By row of the value report: its rank, and its main category (an id into category_names).
  constexpr std::uint32_t kNone = UINT32_MAX;
  std::vector<std::uint32_t> rank_of(n), category_of(n, kNone);
  absl::flat_hash_map<std::int64_t, std::uint32_t> row_of;
  row_of.reserve(n);
  for (std::size_t k = 0; k < n; ++k) {
    rank_of[ranked[k]] = static_cast<std::uint32_t>(k);
    row_of.emplace(keys[ranked[k]].second, ranked[k]);
  }

  // Each property (attribute = value) of a top customer, counted among the top and among
  // the rest, keyed "attribute<US>value". The top's are counted first; the rest's were read
  // beside the value report as ids of their keys (read_properties), each distinct key's text
  // once: keeping every customer's properties as text was a third of the report's time and
  // most of its memory.
  std::map<std::string, std::pair<std::int64_t, std::int64_t>, std::less<>> counts;
  std::string key;
  auto count = [&](std::size_t rank, std::string_view attribute, std::string_view text) {
    if (text.empty()) return;
    property_key(key, attribute, text);
    if (rank < top) {
      ++counts[key].first;
    } else if (auto it = counts.find(key); it != counts.end()) {
      ++it->second.second;
    }
  };
  auto derived = [&](std::size_t rank, const CustomerValue& v, std::string_view category) {
    count(rank, "order channel", v.main_channel);
    count(rank, "contact channel", v.contact_channel);
    count(rank, "category", category);
    count(rank, "orders", orders_band(v.orders));
    if (v.complained) count(rank, "complained", "yes");
  };
  auto& analytics = s.store().analytics();
  Properties everyone = beside.get();
  for (const auto& [customer_id, category] : everyone.categories) {
    if (auto it = row_of.find(customer_id); it != row_of.end()) category_of[it->second] = category;
  }
  auto category_text = [&](std::uint32_t row) {
    return category_of[row] == kNone ? std::string_view() : std::string_view(everyone.category_names[category_of[row]]);
  };

  r.rows.resize(top);
  store::AnalyticsQuery top_query = request.scope.query();
  top_query.customers.emplace();
  for (std::size_t k = 0; k < top; ++k) {
    TopCustomer& t = r.rows[k];
    t.category = std::string(category_text(ranked[k]));
    t.value = std::move(value.rows[ranked[k]]);
    t.measure = keys[ranked[k]].first;
    if (r.ranked_by == "clv") t.clv = t.measure;
    top_query.customers->push_back(t.value.id);
  }
  analytics.customer_profiles(top_query, [&](const store::CustomerProfile& p) {
    auto it = row_of.find(p.id);
    if (it == row_of.end() || rank_of[it->second] >= top) return;
    const std::size_t k = rank_of[it->second];
    r.rows[k].country = p.country;
    r.rows[k].kind = p.kind;
    each_property(p, [&](std::string_view attribute, std::string_view text) { count(k, attribute, text); });
  });
  for (std::size_t k = 0; k < top; ++k) derived(k, r.rows[k].value, r.rows[k].category);
  // The rest's properties, by id: those the top has are counted.
  std::vector<std::pair<std::int64_t, std::int64_t>*> counted(everyone.keys.size(), nullptr);
  for (std::size_t id = 0; id < everyone.keys.size(); ++id) {
    if (auto it = counts.find(everyone.keys[id]); it != counts.end()) counted[id] = &it->second;
  }
  for (std::size_t c = 0; c < everyone.customers.size(); ++c) {
    auto it = row_of.find(everyone.customers[c]);
    if (it == row_of.end() || rank_of[it->second] < top) continue;
    for (std::uint32_t i = everyone.starts[c]; i < everyone.starts[c + 1]; ++i) {
      if (auto* tally = counted[everyone.ids[i]]) ++tally->second;
    }
  }
  for (std::size_t k = top; k < n; ++k) derived(k, value.rows[ranked[k]], category_text(ranked[k]));

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

  for (const auto& t : r.rows) r.top_total += t.measure;
  return r;
}

}  // namespace kunde::crm
