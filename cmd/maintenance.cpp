// kunde backup, doctor and sql.
#include <fmt/format.h>

#include "commands.hpp"
#include "crm/maintenance.hpp"

namespace kunde::cmd {

void register_maintenance(CLI::App& app, Context& ctx) {
  auto backup_file = std::make_shared<std::string>();
  auto* backup = app.add_subcommand("backup", "Copy the database, consistently, to a new file");
  backup->add_option("FILE", *backup_file, "Where to write the copy (must not exist)")->required();
  backup->callback([&ctx, backup_file] {
    ctx.action = [&ctx, backup_file] {
      crm::backup(ctx.session(), *backup_file);
      ctx.note(fmt::format("backed up {} to {}", ctx.db_path(), *backup_file));
      return kExitOk;
    };
  });

  auto fix = std::make_shared<bool>(false);
  auto* doctor = app.add_subcommand("doctor", "Check the database: integrity, references, statistics, search index");
  doctor->add_flag("--fix", *fix, "Rebuild statistics and the search index when they differ");
  doctor->callback([&ctx, fix] {
    ctx.action = [&ctx, fix] {
      auto problems = crm::check(ctx.session(), *fix);
      if (problems.empty()) {
        ctx.note("ok: integrity, foreign keys, statistics and search indexes all check out");
        return kExitOk;
      }
      auto w = ctx.writer();
      w->begin({"check", "problem"});
      for (const auto& p : problems) w->row({p.check, p.detail});
      w->end();
      std::string found = counted(static_cast<std::int64_t>(problems.size()), "problem") + " found";
      ctx.note(*fix ? found + "; derived data rebuilt" : found + "; 'kunde doctor --fix' rebuilds derived data");
      return *fix ? kExitOk : kExitError;
    };
  });

  auto query = std::make_shared<std::string>();
  auto* sql = app.add_subcommand("sql", "Run one read-only SQL query and print the result");
  sql->add_option("QUERY", *query, "A SELECT statement")->required();
  sql->callback([&ctx, query] {
    ctx.action = [&ctx, query] {
      std::unique_ptr<io::RowWriter> w;
      crm::query(
          ctx.session(), *query,
          [&](const std::vector<std::string>& cols) {
            w = ctx.writer();
            w->begin(cols);
          },
          [&](const std::vector<Value>& row) { w->row(row); });
      if (w) w->end();
      return kExitOk;
    };
  });
}

}  // namespace kunde::cmd
