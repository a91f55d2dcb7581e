// kunde init: the only command that creates a database.
#include <fmt/format.h>

#include "commands.hpp"
#include "crm/maintenance.hpp"

namespace kunde::cmd {

void register_init(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("init", "Create a new, empty database");
  sub->callback([&ctx] {
    ctx.action = [&ctx] {
      ctx.note(fmt::format("created {}", crm::create_database(ctx.config())));
      return kExitOk;
    };
  });
}

}  // namespace kunde::cmd
