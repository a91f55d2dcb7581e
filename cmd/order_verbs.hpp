// The order verbs for payments and balances (order_payments.cpp), registered by order.cpp.
#pragma once

#include <CLI/CLI.hpp>

#include "context.hpp"

namespace kunde::cmd {

void register_order_payments(CLI::App* order, Context& ctx);

}  // namespace kunde::cmd
