// kunde backup, doctor and sql.
#include <fmt/format.h>

#include <chrono>

#include "commands.hpp"
#include "crm/maintenance.hpp"
#include "memory_budget.hpp"
#include "render.hpp"

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
      render_list(ctx, "problems", {"check", "problem"}, [&](const report::RowEmit& emit) {
        for (const auto& p : problems) emit({p.check, p.detail});
      });
      std::string found = counted(static_cast<std::int64_t>(problems.size()), "problem") + " found";
      ctx.note(*fix ? found + "; derived data rebuilt" : found + "; 'kunde doctor --fix' rebuilds derived data");
      return *fix ? kExitOk : kExitError;
    };
  });

  struct SqlOptions {
    std::string query;
    double timeout = 30;
  };
  auto sql_opts = std::make_shared<SqlOptions>();
  auto* sql = app.add_subcommand("sql", "Run one read-only SQL query and print the result");
  sql->add_option("QUERY", sql_opts->query, "One SELECT statement")->required();
  sql->add_option("--timeout", sql_opts->timeout, "Stop the query after SECONDS (default 30; 0 for no limit)")
      ->type_name("SECONDS")
      ->check(CLI::NonNegativeNumber);
  sql->callback([&ctx, sql_opts] {
    ctx.action = [&ctx, sql_opts] {
      crm::prepare_queries();
      crm::QueryLimits limits;
      limits.time = std::chrono::milliseconds(static_cast<std::int64_t>(sql_opts->timeout * 1000));
      limits.memory_bytes = budget::kQueryHeapBytes;
      auto columns = crm::query_columns(ctx.session(), sql_opts->query);
      render_list(ctx, "rows", columns, [&](const report::RowEmit& emit) {
        crm::query(ctx.session(), sql_opts->query, limits, [](const std::vector<std::string>&) {}, emit);
      });
      return kExitOk;
    };
  });
}

}  // namespace kunde::cmd
