// --from FILE|-: the customers a CSV, TSV, JSON or NDJSON file names in an id, customer_id,
// number or customer column (the output of any command that lists customers), for commands
// that act on many customers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "crm/session.hpp"

namespace kunde::crm {

struct CustomerRefs {
  std::vector<std::int64_t> ids;       // sorted, each once
  std::int64_t rejected = 0;           // rows naming no customer
  std::vector<std::string> problems;   // "FILE:LINE: no customer 'X'", the first few
};

CustomerRefs read_customer_refs(Session& s, const std::string& path);

}  // namespace kunde::crm
