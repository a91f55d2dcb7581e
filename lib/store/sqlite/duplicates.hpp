// Likely duplicate customers: the same E.164 phone, email, organisation number, or folded
// name in the same city. Each pair gets a score from 0 to 100 and the reasons behind it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/maintenance.hpp"
#include "store/sqlite/database.hpp"

namespace kunde::store::sqlite {

// Pairs scoring at least `min_score`, best first. Groups larger than `max_group` (shared
// switchboard numbers, info@ addresses) are left out: they are not duplicates of one person.
std::vector<DuplicatePair> find_duplicates(Database& db, int min_score, std::size_t max_group = 20);

}  // namespace kunde::store::sqlite
