// The customer verbs that work on many customers or whole files: tag, untag, import,
// export, dupes, merge, forget, export-one.
#pragma once

#include <CLI/CLI.hpp>

#include "context.hpp"

namespace kunde::cmd {

void register_customer_bulk(CLI::App* customer, Context& ctx);

}  // namespace kunde::cmd
