// kunde report rfm: scores and segment per customer, the segments' totals, the cut points,
// the segment table in force and the R x F grid.
#include <fmt/format.h>

#include "crm/reports_rfm.hpp"
#include "render.hpp"
#include "report_charts.hpp"
#include "report_verbs.hpp"

namespace kunde::cmd {
namespace {

struct RfmOptions {
  ReportOptions report;
  bool no_save = false;
  std::optional<std::int64_t> limit;
};

std::string range_text(const analytics::ScoreRange& r) {
  return r.low == r.high ? std::to_string(r.low) : fmt::format("{}-{}", r.low, r.high);
}

int run_rfm(Context& ctx, const RfmOptions& o) {
  crm::RfmReport r = crm::rfm_report(ctx.session(), report_scope(ctx, o.report), !o.no_save);
  auto money = [&](std::int64_t v) { return money_cell(ctx, v); };
  report::Document doc = report_document("RFM segments", r.scope);
  const auto customers = static_cast<std::int64_t>(r.rows.size());
  doc.fields()
      .add("customers", "customers", customers,
           fmt::format("{} with {} orders, revenue {}", customers, r.orders, money_text(ctx, r.revenue)))
      .data("orders", r.orders)
      .data("revenue", money(r.revenue))
      .add("segments", "segment_table", ctx.config().table_array("rfm.segments").empty() ? "default" : ctx.config().file(),
           ctx.config().table_array("rfm.segments").empty() ? "the default table (kunde-report(1))"
                                                            : "from " + ctx.config().file())
      .add("stored", "saved", r.saved, r.saved ? "the scores are stored for customer show, lists and segments" : "not stored (--no-save)");

  auto& seg = doc.table("segments", "Segments", {"segment", "customers", "share_pct", "orders", "revenue", "revenue_share_pct"});
  for (const auto& t : r.totals) {
    double share = customers > 0 ? static_cast<double>(t.customers) / static_cast<double>(customers) : 0;
    double revenue_share = r.revenue != 0 ? static_cast<double>(t.revenue) / static_cast<double>(r.revenue) : 0;
    seg.add_row({t.name.empty() ? Value("(no segment)") : Value(t.name), t.customers, share_cell(share), t.orders,
                 money(t.revenue), share_cell(revenue_share)});
  }

  doc.chart(rfm_grid_chart(r));

  // Quintiles split equal values by customer id: where two scores share a value, say so.
  auto split = [](const std::array<analytics::ScoreBand, 5>& bands) {
    for (std::size_t i = 0; i + 1 < bands.size(); ++i) {
      const auto &a = bands[i], &b = bands[i + 1];
      if (a.customers && b.customers && std::max(a.low, b.low) <= std::min(a.high, b.high)) return true;
    }
    return false;
  };
  std::vector<std::string> tied;
  if (split(r.recency)) tied.push_back("recency");
  if (split(r.frequency)) tied.push_back("orders");
  if (split(r.monetary)) tied.push_back("revenue");
  if (!tied.empty()) {
    doc.note(fmt::format("customers with equal {} get different scores (quintiles, ties by customer id): where many "
                         "share a value, those scores rank them by id alone",
                         fmt::join(tied, " or ")),
             "tied_scores");
  }

  auto& cuts = doc.table("cut_points", "Quintile cut points",
                         {"score", "recency_days", "r_customers", "orders", "f_customers", "revenue", "m_customers"});
  for (int i = 0; i < 5; ++i) {
    auto band = [](const analytics::ScoreBand& b) {
      return b.customers == 0 ? std::string() : fmt::format("{}-{}", b.low, b.high);
    };
    const auto& m = r.monetary[i];
    std::string revenue = m.customers == 0 ? std::string()
                                           : fmt::format("{}-{}", format_decimal(Decimal{m.low, ctx.money_decimals()}),
                                                         format_decimal(Decimal{m.high, ctx.money_decimals()}));
    cuts.add_row({i + 1, band(r.recency[i]), static_cast<std::int64_t>(r.recency[i].customers), band(r.frequency[i]),
                  static_cast<std::int64_t>(r.frequency[i].customers), revenue,
                  static_cast<std::int64_t>(m.customers)});
  }

  auto& rules = doc.table("segment_rules", "Segment table (first match wins)", {"segment", "r", "f", "m"});
  for (const auto& rule : r.segments) rules.add_row({rule.name, range_text(rule.r), range_text(rule.f), range_text(rule.m)});

  auto& rows = doc.table("by_customer", "Customers",
                         {"id", "number", "name", "last_order", "recency_days", "orders", "revenue", "r", "f", "m", "rfm",
                          "segment"});
  rows.primary = true;
  std::size_t shown = o.limit ? std::min(r.rows.size(), static_cast<std::size_t>(std::max<std::int64_t>(0, *o.limit)))
                              : r.rows.size();
  // Streamed while rendering: a row per customer never sits in memory twice.
  rows.stream = [&](const report::RowEmit& emit) {
    for (std::size_t i = 0; i < shown; ++i) {
      const auto& c = r.rows[i];
      const auto& s = c.score;
      emit({c.id, c.number, c.name, c.last_order, s.recency_days, s.orders, money(s.revenue), s.r,
            s.f, s.m, fmt::format("{}{}{}", s.r, s.f, s.m),
            c.segment.empty() ? Value() : Value(c.segment)});
    }
  };
  render(ctx, doc);
  ctx.note(fmt::format("{} in {}{}", counted(customers, "customer"), counted(r.segments.size(), "segment"), r.saved ? "; scores stored" : ""));
  return kExitOk;
}

}  // namespace

void register_report_rfm(CLI::App* report, Context& ctx) {
  auto o = std::make_shared<RfmOptions>();
  auto* cmd = report->add_subcommand("rfm", "Recency, frequency and monetary scores, and a segment per customer");
  add_as_of_option(cmd, o->report);
  cmd->add_flag("--no-save", o->no_save, "Do not store the scores");
  cmd->add_option("-n,--limit", o->limit, "At most N customer rows (the totals still count every customer)");
  cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run_rfm(ctx, *o); }; });
}

}  // namespace kunde::cmd
