// Share of wallet: the profiles give each customer's wallet, the totals stream their revenue
// of the twelve months.
#include "crm/reports_wallet.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "crm/session.hpp"
#include "store/store.hpp"

namespace kunde::crm {
namespace {

constexpr std::array<const char*, 4> kBands = {"under 25%", "25-50%", "50-75%", "75% or more"};

std::size_t band_of(double share) {
  if (share < 0.25) return 0;
  if (share < 0.5) return 1;
  if (share < 0.75) return 2;
  return 3;
}

}  // namespace

std::string wallet_since(const std::string& as_of) { return day_text(day_number(as_of) - 364); }

std::optional<double> share_of_wallet(std::int64_t revenue, std::optional<std::int64_t> wallet) {
  if (!wallet || *wallet <= 0) return std::nullopt;
  return static_cast<double>(revenue) / static_cast<double>(*wallet);
}

WalletReport wallet_report(Session& s, const ReportScope& scope) {
  WalletReport r;
  r.scope = scope;
  r.scope.since = wallet_since(scope.as_of);
  auto& analytics = s.store().analytics();
  std::vector<std::int64_t> ids;
  analytics.customer_profiles(r.scope.query(), [&](const store::CustomerProfile& p) {
    ++r.customers;
    if (!p.wallet || *p.wallet <= 0) return;
    ids.push_back(p.id);
    r.rows.push_back({p.id, std::string(p.number), std::string(p.name), *p.wallet, 0, 0, 0});
  });
  r.with_wallet = static_cast<std::int64_t>(r.rows.size());
  for (const auto& b : kBands) r.bands.push_back({b, 0, 0, 0});
  if (r.rows.empty()) return r;

  std::unordered_map<std::int64_t, std::int64_t> revenue;
  store::AnalyticsQuery q = r.scope.query();
  q.customers = ids;
  analytics.customer_totals(q, [&](const store::CustomerTotals& t) { revenue[t.customer_id] = t.revenue; });
  for (auto& row : r.rows) {
    auto it = revenue.find(row.id);
    row.revenue = it == revenue.end() ? 0 : it->second;
    row.share = *share_of_wallet(row.revenue, row.wallet);
    row.room = std::max<std::int64_t>(0, row.wallet - row.revenue);
    r.wallet += row.wallet;
    r.revenue += row.revenue;
    r.room += row.room;
    auto& band = r.bands[band_of(row.share)];
    ++band.customers;
    band.wallet += row.wallet;
    band.revenue += row.revenue;
  }
  r.share = share_of_wallet(r.revenue, r.wallet);
  std::sort(r.rows.begin(), r.rows.end(),
            [](const WalletRow& a, const WalletRow& b) { return a.room != b.room ? a.room > b.room : a.id < b.id; });
  return r;
}

std::optional<WalletShare> customer_wallet_share(Session& s, std::int64_t customer_id, std::optional<std::int64_t> wallet,
                                                 const std::string& as_of) {
  if (!wallet || *wallet <= 0) return std::nullopt;
  store::AnalyticsQuery q{as_of, wallet_since(as_of), std::vector<std::int64_t>{customer_id}};
  WalletShare w{*wallet, 0, 0};
  s.store().analytics().customer_totals(q, [&](const store::CustomerTotals& t) { w.revenue = t.revenue; });
  w.share = *share_of_wallet(w.revenue, wallet);
  return w;
}

}  // namespace kunde::crm
