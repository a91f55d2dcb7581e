// What `kunde sql` says when a query cannot run, the same from every backend.
#pragma once

#include <fmt/format.h>

#include <string>

#include "error.hpp"
#include "store/maintenance.hpp"

namespace kunde::store {

inline Error query_too_long(const QueryLimits& limits) {
  auto ms = limits.time.count();
  return Error(fmt::format("the query ran longer than {} (the time limit)",
                           ms % 1000 ? fmt::format("{} ms", ms) : fmt::format("{} s", ms / 1000)),
               "give --timeout SECONDS for more time (0 for none), or narrow the query");
}

inline Error query_too_big(const QueryLimits& limits) {
  return Error(fmt::format("the query needs more than {} MB of memory (the limit for kunde sql)",
                           limits.memory_bytes >> 20),
               "narrow the query, or add LIMIT");
}

inline UsageError query_holds_more() {
  return UsageError("kunde sql runs one statement, and the query holds more", "run the statements one at a time");
}

inline UsageError query_writes() {
  return UsageError("kunde sql runs only statements that read", "change data with kunde's commands, so history can undo it");
}

inline Error query_invalid(const std::string& why) {
  return Error(fmt::format("the query is not valid SQL: {}", why), "check the statement; kunde(1) lists the tables");
}

}  // namespace kunde::store
