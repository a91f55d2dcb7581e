// Payment and account services.
#include "crm/payments.hpp"

#include <fmt/format.h>

#include "crm/content_keys.hpp"
#include "crm/customer_resolver.hpp"
#include "crm/statistics.hpp"
#include "error.hpp"
#include "model/order.hpp"
#include "store/store.hpp"

namespace kunde::crm {

Account account(Session& s, std::int64_t customer_id, const std::string& today) {
  auto& store = s.store();
  Account a;
  a.terms_days = model::kDefaultPaymentTermsDays;
  if (auto c = store.customers().by_id(customer_id)) {
    a.credit_limit = c->credit_limit;
    if (c->payment_terms_days) a.terms_days = *c->payment_terms_days, a.terms_default = false;
  }
  auto invoices = store.orders().invoices(customer_id);
  a.paid = store.payments().paid(customer_id);
  Settlement settlement = settle(invoices, a.paid);
  a.invoiced = settlement.invoiced;
  a.balance = settlement.balance;
  if (settlement.oldest_unpaid) a.oldest_unpaid_at = invoices[*settlement.oldest_unpaid].at;
  a.overdue = overdue(invoices, a.paid, a.terms_days, today);
  return a;
}

RecordedPayment record_payment(Session& s, const NewPayment& in) {
  auto write = s.store().begin_write(s.command());
  auto& payments = s.store().payments();
  model::Payment p;
  p.customer_id = s.resolver().resolve_one(in.customer);
  p.paid_at = in.paid_at;
  p.amount = in.amount;
  if (in.reference) {
    p.reference = *in.reference;
    if (payments.by_reference(p.reference)) {
      throw Error(fmt::format("a payment with reference {} exists already", p.reference),
                  "each payment's reference is unique; 'kunde order payments' lists them");
    }
  } else {
    // The key an import of the same payment would give it: the first free occurrence.
    std::uint64_t hash = content_hash(p.customer_id, {p.paid_at, std::to_string(p.amount)});
    for (std::uint32_t n = 1;; ++n) {
      p.reference = content_key(hash, n);
      if (!payments.by_reference(p.reference)) break;
    }
  }
  payments.insert(p);
  write->commit(fmt::format("payment {} recorded", p.reference));
  return {p.reference, p.customer_id};
}

void list_payments(Session& s, const PaymentFilter& f, const std::function<void(const PaymentView&)>& each) {
  s.store().payments().list(f, each);
}

void balances(Session& s, bool all, const std::string& today,
              const std::function<void(std::int64_t, const std::optional<std::string>&, const std::string&,
                                       const Account&)>& each) {
  s.store().orders().balance_customers(all, [&](std::int64_t id, const std::optional<std::string>& number,
                                                const std::string& name) { each(id, number, name, account(s, id, today)); });
}

}  // namespace kunde::crm
