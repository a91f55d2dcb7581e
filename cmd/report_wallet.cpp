// kunde report wallet: how much of each customer's yearly spend in our category we have, and
// the room left, largest first.
#include <fmt/format.h>

#include "crm/reports_wallet.hpp"
#include "render.hpp"
#include "report_charts.hpp"
#include "report_verbs.hpp"

namespace kunde::cmd {
namespace {

struct WalletOptions {
  ReportOptions report;
  std::optional<std::int64_t> limit;
};

int run_wallet(Context& ctx, const WalletOptions& o) {
  crm::WalletReport r = crm::wallet_report(ctx.session(), report_scope(ctx, o.report));
  auto money = [&](std::int64_t v) { return money_cell(ctx, v); };
  report::Document doc = report_document("Share of wallet", r.scope);
  auto& f = doc.fields();
  f.add("customers", "with_wallet", r.with_wallet, fmt::format("{} of {} customers have a wallet", r.with_wallet, r.customers));
  f.data("customers", r.customers);
  if (r.with_wallet == 0) {
    doc.note("no customer has a wallet: import it as the column wallet (their estimated yearly spend in our category), "
             "or set it with kunde customer edit NUMBER --wallet AMOUNT",
             "wallet_note");
  } else {
    f.add("wallet", "wallet", money(r.wallet), money_text(ctx, r.wallet));
    f.add("revenue", "revenue", money(r.revenue),
          fmt::format("{} in the twelve months {} to {}", money_text(ctx, r.revenue), *r.scope.since, r.scope.as_of));
    f.add("share of wallet", "share_pct", share_cell(r.share.value_or(0)), percent(r.share.value_or(0)));
    f.add("room", "room", money(r.room), fmt::format("{} more if every customer spent their whole wallet with us",
                                                     money_text(ctx, r.room)));
    auto& bands = doc.table("bands", "Customers by share of wallet", {"share", "customers", "wallet", "revenue"});
    for (const auto& b : r.bands) bands.add_row({b.band, b.customers, money(b.wallet), money(b.revenue)});
    doc.chart(wallet_bands_chart(r), report::Audience::people);
  }
  auto& rows = doc.table("by_customer", "Customers by room left in their wallet",
                         {"id", "number", "name", "wallet", "revenue", "share_pct", "room"});
  rows.primary = true;
  std::int64_t shown = 0;
  for (const auto& w : r.rows) {
    if (o.limit && shown++ >= *o.limit) break;
    rows.add_row({w.id, w.number, w.name, money(w.wallet), money(w.revenue), share_cell(w.share), money(w.room)});
  }
  render(ctx, doc);
  ctx.note(fmt::format("{} with a wallet; share {}", counted(r.with_wallet, "customer"), r.share ? percent(*r.share) : "-"));
  return kExitOk;
}

}  // namespace

void register_report_wallet(CLI::App* report, Context& ctx) {
  auto o = std::make_shared<WalletOptions>();
  auto* cmd = report->add_subcommand("wallet", "Share of wallet: revenue of the last twelve months against each customer's wallet");
  add_as_of_option(cmd, o->report);
  cmd->add_option("-n,--limit", o->limit, "At most N customer rows (the figures still count every customer)");
  cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run_wallet(ctx, *o); }; });
}

}  // namespace kunde::cmd
