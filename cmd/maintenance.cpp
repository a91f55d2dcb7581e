// kunde backup, db copy, doctor and sql.
#include <fmt/format.h>

#include <chrono>

#include "commands.hpp"
#include "crm/maintenance.hpp"
#include "memory_budget.hpp"
#include "render.hpp"

namespace kunde::cmd {

namespace {

// doctor --compare: a row per table; fails when any table differs.
int compare(Context& ctx, const std::string& other) {
  auto tables = crm::compare_databases(ctx.session(), other);
  std::int64_t differ = 0;
  render_list(ctx, "tables", {"table", "rows", "other_rows", "hash", "other_hash", "same"},
              [&](const report::RowEmit& emit) {
                for (const auto& t : tables) {
                  emit({t.table, t.rows, t.other_rows, t.hash, t.other_hash, std::string(t.same() ? "yes" : "no")});
                  if (!t.same()) ++differ;
                }
              });
  std::string pair = fmt::format("{} and {}", ctx.session().store().location(), crm::shown_location(other));
  if (differ == 0) {
    ctx.note(fmt::format("same: {} hold the same rows in all {}", pair, counted(static_cast<std::int64_t>(tables.size()), "table")));
    return kExitOk;
  }
  ctx.note(fmt::format("{} of {} differ between {}", counted(differ, "table"), tables.size(), pair));
  return kExitError;
}

}  // namespace

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

  auto copy_to = std::make_shared<std::string>();
  auto* db = app.add_subcommand("db", "Move a database between backends: db copy --to FILE|URL");
  db->require_subcommand(1);
  auto* copy = db->add_subcommand("copy", "Copy the whole database into a new SQLite file or PostgreSQL database");
  copy->add_option("--to", *copy_to, "The new file, or the postgresql:// URL of an empty database")
      ->type_name("FILE|URL")
      ->required();
  copy->callback([&ctx, copy_to] {
    ctx.action = [&ctx, copy_to] {
      auto counts = crm::copy_database(ctx.session(), *copy_to);
      std::int64_t rows = 0;
      render_list(ctx, "tables", {"table", "rows"}, [&](const report::RowEmit& emit) {
        for (const auto& c : counts) {
          emit({c.table, c.rows});
          rows += c.rows;
        }
      });
      ctx.note(fmt::format("copied {} to {}: {} in {}", ctx.session().store().location(),
                           crm::shown_location(*copy_to), counted(rows, "row"), counted(static_cast<std::int64_t>(counts.size()), "table")));
      return kExitOk;
    };
  });

  struct DoctorOptions {
    bool fix = false;
    std::string compare;
  };
  auto doc_opts = std::make_shared<DoctorOptions>();
  auto* doctor = app.add_subcommand("doctor", "Check the database: integrity, references, statistics, search index");
  doctor->add_flag("--fix", doc_opts->fix, "Rebuild statistics and the search index when they differ");
  doctor->add_option("--compare", doc_opts->compare,
                     "Instead, compare every table with the database at FILE|URL (rows and a content hash)")
      ->type_name("FILE|URL")
      ->excludes("--fix");
  doctor->callback([&ctx, doc_opts] {
    ctx.action = [&ctx, doc_opts] {
      if (!doc_opts->compare.empty()) return compare(ctx, doc_opts->compare);
      bool fix = doc_opts->fix;
      auto problems = crm::check(ctx.session(), fix);
      if (problems.empty()) {
        ctx.note("ok: integrity, foreign keys, statistics and search indexes all check out");
        return kExitOk;
      }
      render_list(ctx, "problems", {"check", "problem"}, [&](const report::RowEmit& emit) {
        for (const auto& p : problems) emit({p.check, p.detail});
      });
      std::string found = counted(static_cast<std::int64_t>(problems.size()), "problem") + " found";
      ctx.note(fix ? found + "; derived data rebuilt" : found + "; 'kunde doctor --fix' rebuilds derived data");
      return fix ? kExitOk : kExitError;
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
