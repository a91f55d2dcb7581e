// Payments and what customers owe: recording a payment, listing them, a customer's account
// (settled by the rule in statistics.hpp) and the list of balances.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "crm/session.hpp"
#include "store/payments.hpp"

namespace kunde::crm {

using store::PaymentFilter;
using store::PaymentView;

// What a customer owes on a day.
struct Account {
  std::int64_t balance = 0, invoiced = 0, paid = 0, overdue = 0;
  std::optional<std::int64_t> credit_limit;
  std::int64_t terms_days = 0;
  bool terms_default = true;
  std::optional<std::string> oldest_unpaid_at;  // date of the oldest invoice not fully paid
  bool over_limit() const { return credit_limit && balance > *credit_limit; }
};
Account account(Session& s, std::int64_t customer_id, const std::string& today);

struct NewPayment {
  std::string customer;                   // a reference
  std::string paid_at;
  std::int64_t amount = 0;
  std::optional<std::string> reference;   // default: a content key (content_keys.hpp)
};
struct RecordedPayment {
  std::string reference;
  std::int64_t customer_id = 0;
};
RecordedPayment record_payment(Session& s, const NewPayment& p);

void list_payments(Session& s, const PaymentFilter& f, const std::function<void(const PaymentView&)>& each);

// Customers with a balance other than zero (every customer with orders or payments when
// `all`), with their accounts on `today`.
void balances(Session& s, bool all, const std::string& today,
              const std::function<void(std::int64_t id, const std::optional<std::string>& number,
                                       const std::string& name, const Account& account)>& each);

}  // namespace kunde::crm
