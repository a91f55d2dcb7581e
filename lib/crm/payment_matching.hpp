// The rule for a payment row without a reference whose content key (content_keys.hpp) finds
// nothing: it is a payment already stored with a reference of its own when one has the same
// customer, day and amount. A file imported once with its references (a check number, say)
// and again without them then changes nothing instead of paying every invoice twice. Each
// stored payment matches one row, so three equal rows against two equal stored payments
// add one.
#pragma once

#include <absl/container/flat_hash_map.h>

#include <cstdint>
#include <string_view>

#include "store/payments.hpp"

namespace kunde::crm {

class ReferencedPayments {
 public:
  // Reads the stored payments with a reference of their own, once: that is a pass over every
  // payment, so callers make it only when a content key found nothing.
  explicit ReferencedPayments(store::Payments& payments);
  // Whether none is stored; rows without a reference then need no lookup.
  bool empty() const { return count_.empty(); }
  // Whether a stored payment with content hash `hash` (content_hash of customer, day, amount)
  // is still unmatched.
  bool has(std::uint64_t hash) const { return count_.contains(hash); }
  // Matches one of them to a row; false when none is left.
  bool take(std::uint64_t hash);

 private:
  absl::flat_hash_map<std::uint64_t, std::uint32_t> count_;
};

}  // namespace kunde::crm
