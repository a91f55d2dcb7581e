// Everything held on one customer, as one JSON document (the right of access).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>

#include "store/sqlite/database.hpp"

namespace kunde::store::sqlite {

nlohmann::ordered_json personal_data(Database& db, std::int64_t customer_id);

}  // namespace kunde::store::sqlite
