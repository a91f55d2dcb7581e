// The screen pop: one customer, everything an agent needs while the phone rings.
#pragma once

#include <cstdint>
#include <string>

#include "context.hpp"

namespace kunde::cmd {

int run_show(Context& ctx, const std::string& ref, std::int64_t recent_orders, std::int64_t recent_contacts);

// The short record printed after add and edit.
void print_customer_brief(Context& ctx, std::int64_t id);

}  // namespace kunde::cmd
