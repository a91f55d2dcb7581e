// Matching contacts without a key by customer, content and occurrence.
#include "crm/import/contact_matcher.hpp"

#include <algorithm>
#include <utility>

namespace kunde::crm::import {

ContactMatcher::ContactMatcher(std::int64_t first_new_id, Store store, std::size_t kept)
    : first_new_id_(first_new_id), store_(std::move(store)), budget_(kept) {}

void ContactMatcher::set(std::vector<bool>& bits, std::int64_t i) {
  if (i < 0) return;
  auto at = static_cast<std::size_t>(i);
  if (at >= bits.size()) bits.resize(std::max(at + 1, bits.size() * 2));
  bits[at] = true;
}

void ContactMatcher::add_stored(std::uint64_t hash, std::int64_t id) {
  Content& c = contents_[hash];
  // The file matches the oldest first: the matched ones come first.
  if (test(matched_, id)) ++c.matched;
  c.stored.push_back(id);
}

void ContactMatcher::keep_current() {
  // Until a customer comes back, the file is taken to be sorted by customer.
  if (count_ == 0 || !unsorted_) return;
  Kept& kept = kept_[current_];
  kept.count = count_;
  if (count_ <= kFew && stored_.size() == count_) {
    kept.few = std::move(stored_);
  } else {
    kept.many = std::make_unique<Contents>(std::move(contents_));
  }
  kept_count_ += count_ + kPerCustomer;
  // Over the budget: forget some, in no particular order; they are read again if they come back.
  for (auto it = kept_.begin(); kept_count_ > budget_ && it != kept_.end();) {
    kept_count_ -= it->second.count + kPerCustomer;
    kept_.erase(it++);
  }
}

void ContactMatcher::switch_to(std::int64_t customer_id) {
  keep_current();
  contents_.clear();
  stored_.clear();
  count_ = 0;
  current_ = customer_id;
  if (!unsorted_ && test(seen_, customer_id)) unsorted_ = true;
  set(seen_, customer_id);
  if (test(none_, customer_id)) return;
  if (auto it = kept_.find(customer_id); it != kept_.end()) {
    count_ = it->second.count;
    kept_count_ -= count_ + kPerCustomer;
    if (it->second.many) {
      contents_ = std::move(*it->second.many);
    } else {
      stored_ = std::move(it->second.few);
    }
    kept_.erase(it);
    if (stored_.empty()) return;
  } else if (store_.may_have_contacts(customer_id)) {
    store_.keyless(customer_id, [&](std::int64_t id, std::uint64_t hash) {
      if (id < first_new_id_) stored_.emplace_back(hash, id);
    });
    count_ = stored_.size();
  }
  for (const auto& [hash, id] : stored_) add_stored(hash, id);
  if (count_ == 0) set(none_, customer_id);
}

std::int64_t ContactMatcher::match(std::int64_t customer_id, std::uint64_t hash) {
  if (customer_id != current_) switch_to(customer_id);
  if (contents_.empty()) return 0;
  auto it = contents_.find(hash);
  if (it == contents_.end() || it->second.matched == it->second.stored.size()) return 0;
  std::int64_t id = it->second.stored[it->second.matched++];
  set(matched_, id);
  return id;
}

}  // namespace kunde::crm::import
