// Every command group's registration function; main.cpp calls them all, so the whole
// command tree is visible in one place.
#pragma once

#include <CLI/CLI.hpp>

#include "context.hpp"

namespace kunde::cmd {

void register_init(CLI::App& app, Context& ctx);
void register_customer(CLI::App& app, Context& ctx);
void register_history(CLI::App& app, Context& ctx);
void register_config(CLI::App& app, Context& ctx);
void register_maintenance(CLI::App& app, Context& ctx);
void register_product(CLI::App& app, Context& ctx);
void register_order(CLI::App& app, Context& ctx);
void register_contact(CLI::App& app, Context& ctx);
void register_segment(CLI::App& app, Context& ctx);
void register_report(CLI::App& app, Context& ctx);

}  // namespace kunde::cmd
