// JSON documents with exact decimals: nlohmann stores numbers as doubles and would print
// 12.50 as 12.5, so money goes in as a marker that dump_json writes with exactly its digits.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "value.hpp"

namespace kunde::io {

nlohmann::ordered_json json_decimal(Decimal d);
nlohmann::ordered_json json_value(const Value& v);
// `indent` < 0 writes one line.
std::string dump_json(const nlohmann::ordered_json& doc, int indent);

}  // namespace kunde::io
