// kunde report all: the monthly pack, every report's headline figures and charts in one
// document (with -o report.html one self-contained page with inline SVG charts), or the
// parts a named report set of the config chooses.
#include <fmt/format.h>

#include "analytics/purchase_summary.hpp"
#include "crm/reports_affinity.hpp"
#include "crm/reports_channels.hpp"
#include "crm/reports_clv.hpp"
#include "crm/reports_cohort.hpp"
#include "crm/reports_rfm.hpp"
#include "crm/reports_top.hpp"
#include "crm/reports_value.hpp"
#include "crm/reports_wallet.hpp"
#include "crm/report_sets.hpp"
#include "crm/statistics.hpp"
#include "render.hpp"
#include "report_charts.hpp"
#include "report_verbs.hpp"

namespace kunde::cmd {
namespace {

struct AllOptions {
  ReportOptions report;
  std::optional<std::int64_t> top;
  std::string set;
};

// As report value and report top have it: without a cost on any line, margin and profit are
// unknown (empty, no whale curve), and the top customers are ranked by revenue.
void value_section(Context& ctx, report::Document& doc, const crm::ValueReport& r) {
  auto& s = doc.section("value", "Customer value");
  const bool unknown = crm::margin_unknown(r.revenue, r.revenue_with_cost);
  auto earned = [&](std::int64_t v) { return unknown ? Value() : money_cell(ctx, v); };
  s.fields()
      .add("customers", "customers", r.customers)
      .add("revenue", "revenue", money_cell(ctx, r.revenue))
      .add("margin", "margin", earned(r.margin), unknown ? std::string(kMarginUnknown) : money_text(ctx, r.margin))
      .add("profit", "profit", earned(r.profit), unknown ? std::string(kMarginUnknown) : money_text(ctx, r.profit));
  if (unknown) return;
  s.fields().add("losing", "losing", r.losing, fmt::format("{} customers lose money", r.losing));
  if (!r.whale.empty()) s.chart(whale_chart(r, ctx.money_decimals()));
}

void rfm_section(Context& ctx, report::Document& doc, const crm::RfmReport& r) {
  auto& s = doc.section("rfm", "RFM segments");
  auto& t = s.table("segments", "Segments", {"segment", "customers", "revenue"});
  for (const auto& seg : r.totals) t.add_row({seg.name.empty() ? Value("(no segment)") : Value(seg.name), seg.customers,
               money_cell(ctx, seg.revenue)});
  if (!r.rows.empty()) s.chart(rfm_grid_chart(r));
}

void cohort_section(report::Document& doc, const crm::CohortReport& r) {
  if (r.matrix.cohorts.empty()) return;
  auto& s = doc.section("cohorts", "Cohorts by month of first order");
  // The last 24 cohorts at most: a page, not a poster.
  s.chart(retention_heatmap(r, 24));
}

void clv_section(Context& ctx, report::Document& doc, const crm::ReportScope& scope) {
  auto& s = doc.section("clv", "Customer lifetime value");
  crm::ClvSettings settings = crm::clv_settings(ctx.config());
  crm::ClvRequest q;
  q.scope = scope;
  q.scope.since.reset();
  q.model = crm::model_key(settings.model);
  q.period = settings.period;
  q.horizon = crm::horizon_periods(settings.horizon, analytics::period_days(settings.period));
  q.discount_rate = settings.discount_rate;
  try {
    crm::ClvReport r = crm::clv_report(ctx.session(), q);
    s.fields()
        .add("model", "model", r.model_name)
        .add("total CLV", "total_clv", money_cell(ctx, r.total_clv));
    if (!r.rows.empty()) s.chart(clv_histogram(ctx, r));
  } catch (const Error& e) {
    s.note(fmt::format("no CLV: {}", e.what()), "clv_note");
  }
}

void channels_section(Context& ctx, report::Document& doc, const crm::ChannelsReport& r) {
  auto& s = doc.section("channels", "Channels");
  s.fields()
      .add("orders", "orders", r.orders)
      .add("contacts", "contacts", r.contacts)
      .add("multi-channel", "multi_channel", r.multi_channel,
           fmt::format("{} of {} customers use two channels or more", r.multi_channel, r.customers));
  auto& t = s.table("mix", "Channel mix", {"channel", "orders", "contacts", "revenue"});
  for (const auto& m : r.mix) {
    t.add_row({m.channel, m.orders, m.contacts, money_cell(ctx, m.revenue)});
  }
  if (!r.mix.empty()) s.chart(channel_mix_chart(r));
}

void top_section(Context& ctx, report::Document& doc, const crm::TopReport& r) {
  auto& s = doc.section("top", fmt::format("Top {} customers by {}", r.rows.size(), r.ranked_by));
  auto& t = s.table("customers", "", {"rank", "number", "name", "profit", "revenue", "orders"});
  std::int64_t rank = 0;
  for (const auto& c : r.rows) {
    const bool unknown = crm::margin_unknown(c.value.revenue, c.value.revenue_with_cost) && !r.costs_configured;
    t.add_row({++rank, c.value.number, c.value.name, unknown ? Value() : money_cell(ctx, c.value.profit),
               money_cell(ctx, c.value.revenue), c.value.orders});
  }
  if (!r.profile.empty()) s.chart(top_profile_chart(r));
}

void affinity_section(report::Document& doc, const crm::AffinityReport& r) {
  auto& s = doc.section("affinity", "Bought together");
  auto& t = s.table("rules", "Strongest category rules", {"antecedent", "consequent", "support", "confidence", "lift"});
  for (std::size_t i = 0; i < r.rules.size() && i < 10; ++i) {
    const auto& rule = r.rules[i];
    t.add_row({"{" + fmt::format("{}", fmt::join(rule.antecedent, ", ")) + "}", rule.consequent, rounded(rule.support, 4),
               rounded(rule.confidence, 3), rounded(rule.lift, 2)});
  }
  if (r.rules.empty()) s.note("no rules at support 0.01 and confidence 0.5", "affinity_note");
}

void wallet_section(Context& ctx, report::Document& doc, const crm::WalletReport& r, bool chosen) {
  if (r.with_wallet == 0 && !chosen) return;
  auto& s = doc.section("wallet", "Share of wallet");
  if (r.with_wallet == 0) {
    s.note("no customer has a wallet (their estimated yearly spend in our category)", "wallet_note");
    return;
  }
  s.fields()
      .add("customers", "with_wallet", r.with_wallet,
           fmt::format("{} of {} customers have a wallet", r.with_wallet, r.customers))
      .add("share", "share_pct", share_cell(r.share.value_or(0)),
           fmt::format("{}: {} of {} over the last twelve months", percent(r.share.value_or(0)), money_text(ctx, r.revenue),
                       money_text(ctx, r.wallet)))
      .add("room", "room", money_cell(ctx, r.room), money_text(ctx, r.room));
  s.chart(wallet_bands_chart(r));
}

int run_all(Context& ctx, const AllOptions& o) {
  crm::ReportScope scope = report_scope(ctx, o.report);
  crm::ReportSet set = o.set.empty() ? crm::default_report_set() : crm::report_set(ctx.config(), o.set);
  if (o.top) set.top = *o.top;
  if (set.top < 1) throw UsageError("--top must be at least 1", "give the number of top customers, such as --top 10");
  auto& s = ctx.session();
  report::Document doc = report_document(set.title, scope);
  if (!set.name.empty()) doc.fields().data("set", set.name);
  crm::ValueReport value = crm::value_report(s, scope);
  doc.fields()
      .add("customers", "customers", value.customers)
      .add("orders", "orders", value.orders)
      .add("revenue", "revenue", money_cell(ctx, value.revenue));
  crm::ReportScope whole = scope;
  whole.since.reset();
  for (const auto& part : set.parts) {
    if (part == "value") {
      value_section(ctx, doc, value);
    } else if (part == "rfm") {
      rfm_section(ctx, doc, crm::rfm_report(s, whole, false));
    } else if (part == "cohort") {
      cohort_section(doc, crm::cohort_report(s, scope));
    } else if (part == "clv") {
      clv_section(ctx, doc, scope);
    } else if (part == "channels") {
      channels_section(ctx, doc, crm::channels_report(s, scope));
    } else if (part == "top") {
      crm::TopRequest top;
      top.scope = scope;
      top.n = set.top;
      top_section(ctx, doc, crm::top_report(s, top));
    } else if (part == "affinity") {
      crm::AffinityRequest affinity;
      affinity.scope = scope;
      affinity_section(doc, crm::affinity_report(s, affinity));
    } else if (part == "wallet") {
      wallet_section(ctx, doc, crm::wallet_report(s, scope), set.chosen);
    }
  }
  render(ctx, doc);
  ctx.note(fmt::format("report of {} customers", value.customers));
  return kExitOk;
}

}  // namespace

void register_report_all(CLI::App* report, Context& ctx) {
  auto o = std::make_shared<AllOptions>();
  auto* cmd = report->add_subcommand("all", "Every report in one document: kunde report all -o report.html");
  add_as_of_option(cmd, o->report);
  add_since_option(cmd, o->report, "Read orders and contacts from DATE on (default: all; CLV and RFM read all)");
  cmd->add_option("--top", o->top, "How many top customers (default 10, or the set's top)");
  cmd->add_option("--set", o->set, "A named report set from the config ([report_sets.NAME]): its parts and title");
  cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run_all(ctx, *o); }; });
}

}  // namespace kunde::cmd
