// The definitions of the figures kept per customer, each once. Every backend applies them
// when it refreshes a customer's materialised statistics (through StatisticsRules, the
// store::DerivedRules handed to it), and the service layer uses them for what it computes
// as it reads (what is overdue today).
//
//   revenue           Σ line amounts of orders not cancelled (returns are negative lines);
//                     amounts are net of discounts. An order without lines counts for nothing.
//   uncosted_revenue  the part of revenue from lines whose cost is not known
//   cost              Σ known line costs of those orders plus their freight (an order cost)
//   margin            revenue − uncosted_revenue − cost: the margin on the revenue whose cost
//                     is known, so a line without a cost never shows as 100% margin
//   invoiced          the same revenue; balance = invoiced − paid
//   settlement        payments and credit notes (orders with a negative total) settle the
//                     oldest invoices first; oldest_unpaid_at is the date of the first invoice
//                     they do not cover, and it is overdue once its date plus the payment
//                     terms lies before today
//   avg_order_value   revenue / orders, rounded half away from zero
//   top_categories    the three categories with the largest positive amount, ties by name
//   complaint         a contact whose subject, outcome or reason mentions "complain" (any case)
//   preferred_channel the channel of most inbound contacts; ties go to the channel used
//                     inbound most recently, then to the first by name
//   main channel      of a customer's orders in a report: the channel of most orders; the
//                     main category, the category of the largest amount; ties go to the
//                     first by name, and a name without a positive count or no name never leads
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "store/derived_rules.hpp"
#include "store/orders.hpp"

namespace kunde::crm {

using store::CategoryAmount;
using store::ChannelUse;
using store::OrderFigures;
using store::OrderTotal;

// Figures of one customer from their orders (by date, then id), the amounts bought per
// category (by name) and what they paid.
OrderFigures order_figures(std::span<const OrderTotal> orders, std::span<const CategoryAmount> categories,
                           std::int64_t paid);

// What paying `paid` against the invoices (by date, then id; credit notes have a negative
// total) leaves open.
struct Settlement {
  std::int64_t invoiced = 0, credits = 0, balance = 0;
  std::optional<std::size_t> oldest_unpaid;  // index of the first invoice not fully paid
};
Settlement settle(std::span<const store::Invoice> invoices, std::int64_t paid);
// Whether nothing is left unpaid.
bool settled(std::int64_t invoiced, std::int64_t paid);

// The amount overdue on `today`: what settlement leaves unpaid of invoices whose date plus
// `terms_days` lies before today.
std::int64_t overdue(std::span<const store::Invoice> invoices, std::int64_t paid, std::int64_t terms_days,
                     const std::string& today);

bool is_complaint(std::string_view subject, std::string_view outcome, std::string_view reason);
std::string_view preferred_channel(std::span<const ChannelUse> channels);

// The main channel or category as defined above, offered one name and its count at a time.
class Leading {
 public:
  void offer(std::string_view name, std::int64_t count) {
    if (!name.empty() && count > 0 && (count > best_ || (count == best_ && name < name_))) best_ = count, name_ = name;
  }
  // "" when nothing leads; it points into a name offered.
  std::string_view name() const { return name_; }

 private:
  std::int64_t best_ = 0;
  std::string_view name_;
};

// The margin as defined above, from the revenue whose cost is known and that cost: every
// figure called margin, stored or reported, is this one.
constexpr std::int64_t margin_of(std::int64_t revenue_with_cost, std::int64_t cost) { return revenue_with_cost - cost; }
// Revenue of which no line has a known cost: its margin is unknown, not zero.
constexpr bool margin_unknown(std::int64_t revenue, std::int64_t revenue_with_cost) {
  return revenue != 0 && revenue_with_cost == 0;
}

// The rules as the store takes them.
class StatisticsRules final : public store::DerivedRules {
 public:
  OrderFigures order_figures(std::span<const OrderTotal> orders, std::span<const CategoryAmount> categories,
                             std::int64_t paid) const override {
    return crm::order_figures(orders, categories, paid);
  }
  bool settled(std::int64_t invoiced, std::int64_t paid) const override { return crm::settled(invoiced, paid); }
  bool is_complaint(std::string_view subject, std::string_view outcome, std::string_view reason) const override {
    return crm::is_complaint(subject, outcome, reason);
  }
  std::string_view preferred_channel(std::span<const ChannelUse> channels) const override {
    return crm::preferred_channel(channels);
  }
};

}  // namespace kunde::crm
