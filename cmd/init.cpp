// kunde init: the only command that creates a database.
#include <fmt/format.h>

#include "commands.hpp"
#include "store/store.hpp"

namespace kunde::cmd {

void register_init(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("init", "Create a new, empty database");
  sub->callback([&ctx] {
    ctx.action = [&ctx] {
      std::string path = ctx.db_path();
      store::init_database(path, ctx.config().money_decimals(), ctx.config().currency());
      ctx.note(fmt::format("created {}", path));
      return kExitOk;
    };
  });
}

}  // namespace kunde::cmd
