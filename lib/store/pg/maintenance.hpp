// Checks of the derived data, ad hoc read-only queries, duplicates and the right of access
// on PostgreSQL.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "store/maintenance.hpp"
#include "store/pg/connection.hpp"

namespace kunde::store::pg {

std::vector<Problem> check_database(Connection& db, bool fix);
// Runs one read-only statement within `limits`; `row` may be null (column names only).
void run_query(Connection& db, const std::string& sql, const QueryLimits& limits,
               const std::function<void(const std::vector<std::string>&)>& header,
               const std::function<void(const std::vector<Value>&)>& row);
std::vector<DuplicatePair> find_duplicates(Connection& db, int min_score, std::size_t max_group = 50);
nlohmann::ordered_json personal_data(Connection& db, std::int64_t customer_id);
// A value of a result column as kunde shows it: integers and reals as numbers, booleans as
// 0 and 1, numeric as an integer when it is whole, the rest as text.
Value column_value(const Result& r, const Row& row, int c);

}  // namespace kunde::store::pg
