// Matching contacts without a key by customer, content and occurrence.
#include "import/contact_matcher.hpp"

#include <utility>

namespace kunde::import {

ContactMatcher::ContactMatcher(std::int64_t first_new_id, Store store)
    : first_new_id_(first_new_id), store_(std::move(store)) {}

void ContactMatcher::set(std::vector<bool>& bits, std::int64_t i) {
  if (i < 0) return;
  auto at = static_cast<std::size_t>(i);
  if (at >= bits.size()) bits.resize(std::max(at + 1, bits.size() * 2));
  bits[at] = true;
}

void ContactMatcher::saw(std::int64_t customer_id) {
  set(seen_customers_, customer_id);
  // The current customer's contents stay valid: rows with a key are never matched by content.
}

void ContactMatcher::switch_to(std::int64_t customer_id) {
  contents_.clear();
  current_ = customer_id;
  bool seen = test(seen_customers_, customer_id);
  set(seen_customers_, customer_id);
  if (!seen && !store_.may_have_contacts(customer_id)) return;
  // Contents the file already gave this customer: every one the import inserted, and the
  // stored ones it matched, which are the oldest of their content.
  store_.keyless(customer_id, [&](std::int64_t id, std::uint64_t hash) {
    Content& c = contents_[hash];
    if (id >= first_new_id_) {
      ++c.seen;
    } else {
      if (test(matched_, id)) ++c.seen;
      c.stored.push_back(id);
    }
  });
}

std::int64_t ContactMatcher::match(std::int64_t customer_id, std::uint64_t hash) {
  if (customer_id != current_) switch_to(customer_id);
  Content& c = contents_[hash];
  std::uint32_t n = ++c.seen;
  if (n > c.stored.size()) return 0;
  std::int64_t id = c.stored[n - 1];
  set(matched_, id);
  return id;
}

}  // namespace kunde::import
