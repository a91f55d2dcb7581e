// kunde config show [--origin].
#include "commands.hpp"

namespace kunde::cmd {

void register_config(CLI::App& app, Context& ctx) {
  auto* config = app.add_subcommand("config", "Show the configuration in force");
  config->require_subcommand(1);
  auto origin_flag = std::make_shared<bool>(false);
  auto* show = config->add_subcommand("show", "Show every setting and its value");
  show->add_flag("--origin", *origin_flag, "Also show where each value comes from (flag, env, file, default)");
  show->callback([&ctx, origin_flag] {
    ctx.action = [&ctx, origin_flag] {
      bool origin = *origin_flag;
      auto w = ctx.writer();
      if (origin) {
        w->begin({"key", "value", "origin"});
      } else {
        w->begin({"key", "value"});
      }
      for (const auto& s : ctx.config().settings()) {
        if (origin) {
          w->row({s.key, s.value, s.origin});
        } else {
          w->row({s.key, s.value});
        }
      }
      w->end();
      return kExitOk;
    };
  });
}

}  // namespace kunde::cmd
