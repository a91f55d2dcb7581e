// What the core needs of stored payments. Each has a unique reference: given, or a content
// key (lib/crm/payments.hpp).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "model/order.hpp"

namespace kunde::store {

struct PaymentFilter {
  std::optional<std::int64_t> customer_id;
  std::optional<std::string> since, until;
  std::optional<std::int64_t> limit;
  // Only payments whose reference is a content key (crm/content_keys.hpp): none was given.
  bool keyless_only = false;
};

struct PaymentView {
  model::Payment payment;
  std::optional<std::string> customer_number;
  std::string customer_name;
};

class Payments {
 public:
  virtual ~Payments() = default;

  virtual std::optional<model::Payment> by_reference(std::string_view reference) = 0;
  virtual std::int64_t insert(const model::Payment& p) = 0;
  // What the customer has paid in all.
  virtual std::int64_t paid(std::int64_t customer_id) = 0;
  virtual void list(const PaymentFilter& f, const std::function<void(const PaymentView&)>& each) = 0;
};

}  // namespace kunde::store
