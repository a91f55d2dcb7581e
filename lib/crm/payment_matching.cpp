// Matching payments without a reference (payment_matching.hpp has the rule).
#include "crm/payment_matching.hpp"

#include <string>

#include "crm/content_keys.hpp"

namespace kunde::crm {

bool is_content_key(std::string_view r) {
  // "~<16 hex digits>.<occurrence>" (model::content_key).
  if (r.size() < 19 || r[0] != '~' || r[17] != '.') return false;
  for (std::size_t i = 1; i < 17; ++i) {
    char c = r[i];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  for (std::size_t i = 18; i < r.size(); ++i) {
    if (r[i] < '0' || r[i] > '9') return false;
  }
  return true;
}

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
