// --from FILE|- and --segment NAME: the customers a command acts on, from a file (the output
// of any command that lists customers) or from a segment's members, or those in both.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "context.hpp"

namespace kunde::cmd {

// The help text of --segment on commands that act on many customers.
constexpr const char* kSegmentOptionHelp = "The members of segment NAME (with --from: those in both)";

// The customers in `from` (FILE or -; rows naming no customer are reported and counted in
// `rejected`) and in segment `segment`; either may be empty, not both.
std::vector<std::int64_t> customers_from(Context& ctx, const std::string& from, const std::string& segment,
                                         std::int64_t& rejected);

}  // namespace kunde::cmd
