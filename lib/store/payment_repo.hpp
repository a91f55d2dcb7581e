// Payments in the store: each has a unique reference (given, or a content key).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "model/order.hpp"
#include "store/database.hpp"

namespace kunde::store {

struct PaymentFilter {
  std::optional<std::int64_t> customer_id;
  std::optional<std::string> since, until;
  std::optional<std::int64_t> limit;
};

struct PaymentView {
  model::Payment payment;
  std::optional<std::string> customer_number;
  std::string customer_name;
};

class PaymentRepo {
 public:
  explicit PaymentRepo(Database& db) : db_(db) {}

  std::optional<model::Payment> by_reference(std::string_view reference);
  std::int64_t insert(const model::Payment& p);
  // Inserts the payment unless one with its reference exists: the new id, or 0.
  std::int64_t insert_if_new(const model::Payment& p);
  void update(const model::Payment& p);
  // A reference for a payment recorded without one: its content key with the first free
  // occurrence number, so two equal payments on one day stay two payments.
  std::string free_content_key(std::uint64_t hash);
  void list(const PaymentFilter& f, const std::function<void(const PaymentView&)>& each);

 private:
  Database& db_;
};

}  // namespace kunde::store
