// Matching keyless file rows to keyed stored ones (keyless_matching.hpp has the rule).
#include "crm/keyless_matching.hpp"

#include <fmt/format.h>

#include <string>

#include "crm/content_keys.hpp"

namespace kunde::crm {

std::uint64_t payment_match_hash(std::int64_t customer_id, std::string_view day, std::int64_t amount) {
  return content_hash(customer_id, {day, std::to_string(amount)});
}

std::uint64_t line_match_hash(std::int64_t customer_id, std::string_view day, std::string_view sku, double quantity,
                              std::int64_t amount) {
  if (sku.empty()) return content_hash(customer_id, {day, "", std::to_string(amount)});
  return content_hash(customer_id, {day, sku, fmt::format("{}", quantity)});
}

KeyedRows KeyedRows::payments(store::Payments& payments) {
  KeyedRows out;
  payments.list({}, [&](const store::PaymentView& v) {
    const model::Payment& p = v.payment;
    if (!is_content_key(p.reference)) ++out.count_[payment_match_hash(p.customer_id, p.paid_at, p.amount)];
  });
  return out;
}

KeyedRows KeyedRows::order_lines(store::Orders& orders) {
  KeyedRows out;
  orders.export_lines({}, [&](const store::OrderSummary& s, const store::LineView& v) {
    if (v.line.line == 0 || is_content_key(s.order.number)) return;
    ++out.count_[line_match_hash(s.order.customer_id, s.order.ordered_at, v.sku.value_or(""), v.line.quantity,
                                 v.line.amount)];
  });
  return out;
}

KeylessPayments::KeylessPayments(store::Payments& payments) {
  store::PaymentFilter f;
  f.keyless_only = true;
  payments.list(f, [&](const store::PaymentView& v) {
    const model::Payment& p = v.payment;
    if (is_content_key(p.reference)) add(payment_match_hash(p.customer_id, p.paid_at, p.amount), p);
  });
}

KeylessOrders::KeylessOrders(store::Orders& orders) {
  store::OrderFilter f;
  f.keyless_only = true;
  orders.export_lines(f, [&](const store::OrderSummary& s, const store::LineView& v) {
    if (v.line.line != 1 || !is_content_key(s.order.number)) return;
    add(line_match_hash(s.order.customer_id, s.order.ordered_at, v.sku.value_or(""), v.line.quantity, v.line.amount),
        s.order);
  });
}


bool KeyedRows::take(std::uint64_t hash) {
  auto it = count_.find(hash);
  if (it == count_.end()) return false;
  if (--it->second == 0) count_.erase(it);
  return true;
}

}  // namespace kunde::crm
