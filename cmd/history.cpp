// kunde history and kunde undo.
#include <fmt/format.h>

#include "commands.hpp"
#include "crm/maintenance.hpp"
#include "render.hpp"

namespace kunde::cmd {
namespace {

struct HistoryOptions {
  std::int64_t limit = 20;
  bool all = false;
};

int run_history(Context& ctx, const HistoryOptions& o) {
  auto entries = crm::history(ctx.session(), o.all ? INT64_MAX : o.limit);
  render_list(ctx, "history", {"id", "at", "command", "summary", "state"}, [&](const report::RowEmit& emit) {
    for (const auto& e : entries) {
      std::string state;
      if (e.undone_by) state = fmt::format("undone by {}", *e.undone_by);
      else if (e.undoes) state = fmt::format("undid {}", *e.undoes);
      else if (!e.undoable) state = "cannot be undone";
      emit({e.id, e.at, e.command, e.summary, state.empty() ? Value() : Value(state)});
    }
  });
  return kExitOk;
}

int run_undo(Context& ctx, const std::optional<std::int64_t>& id) {
  auto result = crm::undo(ctx.session(), id);
  ctx.note(fmt::format("undid entry {} ({}) as entry {}", result.undone.id, result.undone.command, result.entry_id));
  return kExitOk;
}

}  // namespace

void register_history(CLI::App& app, Context& ctx) {
  auto ho = std::make_shared<HistoryOptions>();
  auto* history = app.add_subcommand("history", "List what was changed, newest last");
  history->add_option("-n,--limit", ho->limit, "Show the last N entries (default 20)");
  history->add_flag("--all", ho->all, "Show every entry");
  history->callback([&ctx, ho] { ctx.action = [&ctx, ho] { return run_history(ctx, *ho); }; });

  auto undo_id = std::make_shared<std::optional<std::int64_t>>();
  auto* undo = app.add_subcommand("undo", "Revert the last change, or entry ID; refuses when a later change is in the way");
  undo->add_option("ID", *undo_id, "History entry to revert (default: the latest not yet undone)");
  undo->callback([&ctx, undo_id] { ctx.action = [&ctx, undo_id] { return run_undo(ctx, *undo_id); }; });
}

}  // namespace kunde::cmd
