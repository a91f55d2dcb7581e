// The statistics definitions (statistics.hpp lists them).
#include "crm/statistics.hpp"

#include <algorithm>
#include <vector>

#include "model/dates.hpp"

namespace kunde::crm {
namespace {

// Half away from zero, as SQLite's round() does, so figures match their SQL to the unit.
std::int64_t round_half_away(double r) { return static_cast<std::int64_t>(r + (r < 0 ? -0.5 : 0.5)); }

std::optional<std::string> top_categories(std::span<const CategoryAmount> amounts) {
  std::vector<CategoryAmount> positive;
  for (const auto& a : amounts)
    if (a.amount > 0) positive.push_back(a);
  if (positive.empty()) return std::nullopt;
  // Names come sorted: a stable sort by amount leaves ties by name.
  std::stable_sort(positive.begin(), positive.end(), [](const auto& a, const auto& b) { return a.amount > b.amount; });
  std::string out;
  for (std::size_t i = 0; i < positive.size() && i < 3; ++i) {
    if (i) out += ';';
    out += positive[i].category;
  }
  return out;
}

bool mentions_complaint(std::string_view text) {
  static constexpr std::string_view kWord = "complain";
  for (std::size_t i = 0; i + kWord.size() <= text.size(); ++i) {
    std::size_t k = 0;
    while (k < kWord.size()) {
      char ch = text[i + k];
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
      if (ch != kWord[k]) break;
      ++k;
    }
    if (k == kWord.size()) return true;
  }
  return false;
}

}  // namespace

Settlement settle(std::span<const store::Invoice> invoices, std::int64_t paid) {
  Settlement s;
  for (const auto& i : invoices) {
    s.invoiced += i.total;
    if (i.total < 0) s.credits -= i.total;
  }
  s.balance = s.invoiced - paid;
  std::int64_t cumulative = 0;
  for (std::size_t n = 0; n < invoices.size(); ++n) {
    if (invoices[n].total <= 0) continue;
    cumulative += invoices[n].total;
    if (cumulative > paid + s.credits) {
      s.oldest_unpaid = n;
      break;
    }
  }
  return s;
}

bool settled(std::int64_t invoiced, std::int64_t paid) { return invoiced <= paid; }

std::int64_t overdue(std::span<const store::Invoice> invoices, std::int64_t paid, std::int64_t terms_days,
                     const std::string& today) {
  Settlement s = settle(invoices, paid);
  std::int64_t due = 0;
  for (const auto& i : invoices) {
    if (i.total > 0 && model::add_days(i.at.substr(0, 10), static_cast<int>(terms_days)) < today) due += i.total;
  }
  return std::max<std::int64_t>(0, due - s.credits - paid);
}

OrderFigures order_figures(std::span<const OrderTotal> orders, std::span<const CategoryAmount> categories,
                           std::int64_t paid) {
  OrderFigures f;
  std::vector<store::Invoice> invoices;
  invoices.reserve(orders.size());
  for (const auto& o : orders) {
    f.revenue += o.total;
    f.cost += o.cost;
    f.uncosted_revenue += o.uncosted;
    invoices.push_back({o.at, o.total});
  }
  f.orders = static_cast<std::int64_t>(orders.size());
  f.margin = margin_of(f.revenue - f.uncosted_revenue, f.cost);
  f.invoiced = f.revenue;
  f.paid = paid;
  f.balance = f.revenue - paid;
  if (f.orders > 0) {
    f.avg_order_value = round_half_away(static_cast<double>(f.revenue) / static_cast<double>(f.orders));
    f.first_order_at = orders.front().at;
    f.last_order_at = orders.back().at;
  }
  if (auto unpaid = settle(invoices, paid).oldest_unpaid) f.oldest_unpaid_at = orders[*unpaid].at;
  f.top_categories = top_categories(categories);
  return f;
}

bool is_complaint(std::string_view subject, std::string_view outcome, std::string_view reason) {
  return mentions_complaint(outcome) || mentions_complaint(reason) || mentions_complaint(subject);
}

std::string_view preferred_channel(std::span<const ChannelUse> channels) {
  const ChannelUse* best = nullptr;
  // Channels come in name order, so a later one wins only with more, or later, inbound contacts.
  for (const auto& c : channels) {
    if (!best || c.in > best->in || (c.in == best->in && c.last_in > best->last_in)) best = &c;
  }
  return best && best->in > 0 ? best->channel : std::string_view();
}

}  // namespace kunde::crm
