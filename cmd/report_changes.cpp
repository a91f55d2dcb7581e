// kunde report changes: customers whose recent behaviour departs from their own history.
// For cron: when nothing changed it prints nothing and exits 0.
#include <fmt/format.h>

#include "crm/reports_changes.hpp"
#include "render.hpp"
#include "report_verbs.hpp"

namespace kunde::cmd {
namespace {

struct ChangesOptions {
  ReportOptions report;
  std::string window = "90d";
};

int run_changes(Context& ctx, const ChangesOptions& o) {
  crm::ChangesRequest q;
  q.scope = report_scope(ctx, o.report, true);
  q.window_days = crm::window_days(o.window);
  q.settings = crm::change_settings(ctx.config());
  crm::ChangesReport r = crm::changes_report(ctx.session(), q);
  if (r.changes.empty()) return kExitOk;

  crm::ReportScope named = q.scope;
  std::vector<std::int64_t> ids;
  for (const auto& c : r.changes) {
    if (ids.empty() || ids.back() != c.customer_id) ids.push_back(c.customer_id);
  }
  named.customers = ids;
  crm::CustomerNames names(ctx.session(), named);
  report::Document doc = report_document("Behaviour changes", q.scope);
  auto& f = doc.fields();
  f.add("window", "window_days", static_cast<std::int64_t>(q.window_days),
        fmt::format("{} days from {}: {} customers of {} changed", q.window_days, r.window_start, ids.size(), r.customers));
  f.data("window_start", r.window_start).data("customers", r.customers).data("changed", static_cast<std::int64_t>(ids.size()));
  auto& t = doc.table("changes", "Changes", {"id", "number", "name", "what", "before", "now", "change_pct", "detail"});
  t.primary = true;
  for (const auto& c : r.changes) {
    const auto& name = names.of(c.customer_id);
    t.add_row({c.customer_id, name.number, name.name, c.what, c.before, c.now, c.change ? share_cell(*c.change) : Value(),
               c.detail});
  }
  render(ctx, doc);
  ctx.note(fmt::format("{} in {}", counted(r.changes.size(), "change"), counted(ids.size(), "customer")));
  return kExitOk;
}

}  // namespace

void register_report_changes(CLI::App* report, Context& ctx) {
  auto o = std::make_shared<ChangesOptions>();
  auto* cmd = report->add_subcommand("changes", "Customers whose recent behaviour departs from their own history");
  add_as_of_option(cmd, o->report);
  cmd->add_option("--window", o->window, "The recent period: 90d, 12w, 3m (default 90d)");
  cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run_changes(ctx, *o); }; });
}

}  // namespace kunde::cmd
