// kunde config show [--origin].
#include "commands.hpp"
#include "crm/maintenance.hpp"
#include "render.hpp"

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
      std::vector<std::string> columns{"key", "value"};
      if (origin) columns.push_back("origin");
      render_list(ctx, "settings", columns, [&](const report::RowEmit& emit) {
        for (const auto& s : ctx.config().settings()) {
          // A server URL's password is not shown.
          std::string value = s.key == "db" ? crm::shown_location(s.value) : s.value;
          if (origin) {
            emit({s.key, value, s.origin});
          } else {
            emit({s.key, value});
          }
        }
      });
      return kExitOk;
    };
  });
}

}  // namespace kunde::cmd
