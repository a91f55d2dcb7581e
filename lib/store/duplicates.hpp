// Likely duplicate customers: the same E.164 phone, email, organisation number, or folded
// name in the same city. Each pair gets a score from 0 to 100 and the reasons behind it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace kunde::store {

struct DuplicatePair {
  std::int64_t a = 0, b = 0;  // a < b
  int score = 0;
  std::vector<std::string> reasons;
};

// Pairs scoring at least `min_score`, best first. Groups larger than `max_group` (shared
// switchboard numbers, info@ addresses) are left out: they are not duplicates of one person.
std::vector<DuplicatePair> find_duplicates(Database& db, int min_score, std::size_t max_group = 20);

}  // namespace kunde::store
