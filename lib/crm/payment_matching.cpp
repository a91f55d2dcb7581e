// Matching payments without a reference (payment_matching.hpp has the rule).
#include "crm/payment_matching.hpp"

#include <string>

#include "crm/content_keys.hpp"

namespace kunde::crm {

ReferencedPayments::ReferencedPayments(store::Payments& payments) {
  payments.list({}, [&](const store::PaymentView& v) {
    const model::Payment& p = v.payment;
    if (is_content_key(p.reference)) return;
    ++count_[content_hash(p.customer_id, {p.paid_at, std::to_string(p.amount)})];
  });
}

bool ReferencedPayments::take(std::uint64_t hash) {
  auto it = count_.find(hash);
  if (it == count_.end()) return false;
  if (--it->second == 0) count_.erase(it);
  return true;
}

}  // namespace kunde::crm
