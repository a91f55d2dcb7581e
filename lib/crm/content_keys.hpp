// The one rule for keying rows a file gives no key of its own (orders without an order
// number, payments without a reference): the customer the row names, as resolved (so how the
// file writes the customer never changes the key), the row's values as parsed (so 100 and
// 100.00 are one amount), and the row's occurrence among rows with the same content. Importing
// the same rows again gives the same keys; the same row twice gives two.
#pragma once

#include <absl/container/flat_hash_map.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace kunde::crm {

std::uint64_t content_hash(std::int64_t customer_id, std::initializer_list<std::string_view> values);

// "~<hex>.<n>": the key of the n-th row with content `hash`.
std::string content_key(std::uint64_t hash, std::uint32_t occurrence);
// Whether a stored reference or number is such a key rather than one given by a file or a user.
bool is_content_key(std::string_view key);

// Keys for the rows of one file, counting occurrences as they come.
class ContentKeys {
 public:
  std::string next(std::int64_t customer_id, std::initializer_list<std::string_view> values) {
    return next(content_hash(customer_id, values));
  }
  // The same, for a row whose content_hash the caller needs as well.
  std::string next(std::uint64_t hash) { return content_key(hash, ++occurrences_[hash]); }

 private:
  absl::flat_hash_map<std::uint64_t, std::uint32_t> occurrences_;
};

}  // namespace kunde::crm
