// Payments in a SQLite store.
#pragma once

#include "store/payments.hpp"
#include "store/sqlite/database.hpp"

namespace kunde::store::sqlite {

class PaymentRepo final : public Payments {
 public:
  explicit PaymentRepo(Database& db) : db_(db) {}

  std::optional<model::Payment> by_reference(std::string_view reference) override;
  std::int64_t insert(const model::Payment& p) override;
  // Inserts the payment unless one with its reference exists: the new id, or 0.
  std::int64_t insert_if_new(const model::Payment& p);
  void update(const model::Payment& p);
  std::int64_t paid(std::int64_t customer_id) override;
  void list(const PaymentFilter& f, const std::function<void(const PaymentView&)>& each) override;

 private:
  Database& db_;
};

}  // namespace kunde::store::sqlite
