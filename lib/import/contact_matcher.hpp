// Finds the stored contact a row without a key stands for. Such a contact is known by its
// customer and content: the n-th row of a file with some content for a customer is the n-th
// contact of that customer with that content, oldest first, so importing a file again
// changes nothing and the same row twice is two contacts.
//
// Memory stays flat for a file sorted by customer: only the current customer's contents are
// held. When a customer comes back later in the file, what the file said about them so far
// is worked out again from the database: the contacts the import inserted, and the stored
// ones it matched (a bit per stored contact).
#pragma once

#include <absl/container/flat_hash_map.h>

#include <cstdint>
#include <functional>
#include <vector>

namespace kunde::import {

class ContactMatcher {
 public:
  // Where stored contacts come from. `may_have_contacts`: false only when the customer had
  // no contacts before the import and the import wrote none for them. `keyless` calls `each`
  // with the id and content hash of each of the customer's contacts without a key, oldest
  // first, including those the import inserted.
  struct Store {
    std::function<bool(std::int64_t customer_id)> may_have_contacts;
    std::function<void(std::int64_t customer_id, const std::function<void(std::int64_t, std::uint64_t)>& each)> keyless;
  };

  // Contacts with ids from `first_new_id` on are the import's own.
  ContactMatcher(std::int64_t first_new_id, Store store);

  // The stored contact this row stands for, or 0 when it is a new one (which the caller
  // inserts before the next match() for another customer).
  std::int64_t match(std::int64_t customer_id, std::uint64_t hash);
  // A customer the import wrote contacts for by key: they may have contacts from now on.
  void saw(std::int64_t customer_id);

 private:
  struct Content {
    std::uint32_t seen = 0;               // rows with this content so far
    std::vector<std::int64_t> stored;     // stored before the import, oldest first
  };
  void switch_to(std::int64_t customer_id);
  static bool test(const std::vector<bool>& bits, std::int64_t i) {
    return i >= 0 && static_cast<std::size_t>(i) < bits.size() && bits[static_cast<std::size_t>(i)];
  }
  static void set(std::vector<bool>& bits, std::int64_t i);

  std::int64_t first_new_id_;
  Store store_;
  std::int64_t current_ = 0;
  absl::flat_hash_map<std::uint64_t, Content> contents_;  // the current customer's
  std::vector<bool> seen_customers_;                     // by customer id
  std::vector<bool> matched_;                            // by stored contact id
};

}  // namespace kunde::import
