// Finds the stored contact a row without a key stands for. Such a contact is known by its
// customer and content: the n-th row of a file with some content for a customer is the n-th
// contact of that customer with that content, oldest first, so importing a file again
// changes nothing and the same row twice is two contacts.
//
// Only contacts from before the import can be matched, so a customer who had none (found
// once, by their statistics row) costs nothing more, in whatever order the file comes. For
// the others the stored contents of the current customer are at hand. Once a customer comes
// back (a file not sorted by customer, such as a contact log by date), those of earlier
// customers are kept too, within a budget; one forgotten is read again when they come back,
// and a bit per stored contact says which the file has matched already. Memory stays
// bounded.
#pragma once

#include <absl/container/flat_hash_map.h>

#include "memory_budget.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

namespace kunde::crm::import {

class ContactMatcher {
 public:
  // Where stored contacts come from. `may_have_contacts`: false when the customer had no
  // contacts before the import. `keyless` calls `each` with the id and content hash of each
  // of the customer's contacts without a key, oldest first (those the import inserted may
  // come too; they are skipped).
  struct Store {
    std::function<bool(std::int64_t customer_id)> may_have_contacts;
    std::function<void(std::int64_t customer_id, const std::function<void(std::int64_t, std::uint64_t)>& each)> keyless;
  };

  // Contacts with ids from `first_new_id` on are the import's own. What is kept of earlier
  // customers is bounded by `kept`, in units of 16 bytes: a stored contact is one, a
  // customer kPerCustomer more (the default is about 24 MB).
  ContactMatcher(std::int64_t first_new_id, Store store, std::size_t kept = budget::kContactMatchUnits);

  // The stored contact this row stands for, or 0 when it is a new one.
  std::int64_t match(std::int64_t customer_id, std::uint64_t hash);

 private:
  struct Content {
    std::uint32_t matched = 0;          // how many of `stored` the file has matched
    std::vector<std::int64_t> stored;   // from before the import, oldest first
  };
  using Contents = absl::flat_hash_map<std::uint64_t, Content>;
  // A customer's stored contacts as (content hash, id), oldest first (the matched ones are
  // in matched_).
  using Stored = std::vector<std::pair<std::uint64_t, std::int64_t>>;
  // What is kept of an earlier customer: a few contacts compactly, to be looked up by
  // content again when the customer comes back; many as they are, so a customer with
  // thousands of contacts who keeps coming back is not looked up again each time.
  struct Kept {
    Stored few;
    std::unique_ptr<Contents> many;
    std::size_t count = 0;
  };
  static constexpr std::size_t kFew = 64;
  static constexpr std::size_t kPerCustomer = 5;

  void switch_to(std::int64_t customer_id);
  void keep_current();
  void add_stored(std::uint64_t hash, std::int64_t id);
  static bool test(const std::vector<bool>& bits, std::int64_t i) {
    return i >= 0 && static_cast<std::size_t>(i) < bits.size() && bits[static_cast<std::size_t>(i)];
  }
  static void set(std::vector<bool>& bits, std::int64_t i);

  std::int64_t first_new_id_;
  Store store_;
  std::size_t budget_;
  std::int64_t current_ = 0;
  Contents contents_;                                 // the current customer's
  std::size_t count_ = 0;                             // stored contacts in contents_
  Stored stored_;                                     // the same, as read
  absl::flat_hash_map<std::int64_t, Kept> kept_;      // earlier customers'
  std::size_t kept_count_ = 0;                        // what kept_ holds, in units of `kept`
  std::vector<bool> none_;                            // customers without stored contacts, by id
  std::vector<bool> seen_;                            // customers the file named, by id
  bool unsorted_ = false;                             // a customer came back
  std::vector<bool> matched_;                         // by stored contact id
};

}  // namespace kunde::crm::import
