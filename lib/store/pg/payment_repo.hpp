// Payments in a PostgreSQL store.
#pragma once

#include "store/payments.hpp"
#include "store/pg/connection.hpp"

namespace kunde::store::pg {

class PaymentRepo final : public Payments {
 public:
  explicit PaymentRepo(Connection& db) : db_(db) {}
  std::optional<model::Payment> by_reference(std::string_view reference) override;
  std::int64_t insert(const model::Payment& p) override;
  // Inserts unless a payment has the reference: the new id, or 0.
  std::int64_t insert_if_new(const model::Payment& p);
  void update(const model::Payment& p);
  std::int64_t paid(std::int64_t customer_id) override;
  void list(const PaymentFilter& f, const std::function<void(const PaymentView&)>& each) override;

 private:
  Connection& db_;
};

}  // namespace kunde::store::pg
