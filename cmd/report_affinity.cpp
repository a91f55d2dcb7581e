// kunde report affinity: which categories or products are bought together (association
// rules with support, confidence and lift).
#include <fmt/format.h>

#include "crm/reports_affinity.hpp"
#include "render.hpp"
#include "report_verbs.hpp"
#include "text/utf8.hpp"

namespace kunde::cmd {
namespace {

struct AffinityOptions {
  ReportOptions report;
  std::string by = "order";
  std::string level = "category";
  double min_support = 0.01, min_confidence = 0.5, min_lift = 0;
  int max_len = 4;
  std::int64_t n = 0;
};

std::string itemset_text(const std::vector<std::string>& items) {
  return "{" + fmt::format("{}", fmt::join(items, ", ")) + "}";
}

// A rule as a chart's label: its rank, which finds it in the table, then the rule cut on the
// left so the consequent shows. A chart cuts labels at 24 columns, where two rules with the
// same start read as one.
std::string rule_label(std::int64_t rank, const std::string& antecedent, const std::string& consequent) {
  constexpr std::size_t kWidth = 24;
  const std::string start = fmt::format("{}. ", rank), arrow = " => " + consequent;
  std::string whole = start + antecedent + arrow;
  const std::size_t fixed = text::display_width(start) + text::display_width(arrow);
  if (text::display_width(whole) <= kWidth || fixed + 4 > kWidth) return whole;
  return start + text::truncate_to_width(antecedent, kWidth - fixed) + arrow;
}

int run_affinity(Context& ctx, const AffinityOptions& o) {
  crm::AffinityRequest q;
  q.scope = report_scope(ctx, o.report);
  q.by = crm::basket_by(o.by);
  q.level = crm::item_level(o.level);
  q.min_support = o.min_support;
  q.min_confidence = o.min_confidence;
  q.min_lift = o.min_lift;
  q.max_len = o.max_len;
  if (o.n < 0) throw UsageError("-n must be 0 or more", "give how many rules to show, 0 for all");
  crm::AffinityReport r = crm::affinity_report(ctx.session(), q);

  const std::string plural = o.level == "category" ? "categories" : "products";
  report::Document doc = report_document(fmt::format("Affinity of {} by {}", plural, o.by), q.scope);
  auto& f = doc.fields();
  f.add("baskets", "baskets", r.baskets, fmt::format("{} {}s with {} {}", r.baskets, o.by, r.items, plural));
  f.add("rules", "rule_count", static_cast<std::int64_t>(r.rules.size()),
        fmt::format("{} rules at support {}, confidence {}{}, at most {} items", r.rules.size(), q.min_support,
                    q.min_confidence, q.min_lift > 0 ? fmt::format(", lift {}", q.min_lift) : "", q.max_len));
  f.data("by", o.by).data("level", o.level).data("items", r.items);
  f.data("min_support", q.min_support).data("min_confidence", q.min_confidence).data("min_lift", q.min_lift);
  f.data("max_len", static_cast<std::int64_t>(q.max_len));
  if (r.baskets == 0) doc.note(fmt::format("no {}s with a {} in the period", o.by, o.level), "no_baskets");
  if (r.baskets > 0 && r.multi_item == 0) {
    doc.note(fmt::format("every {} holds one {}, and a rule needs two{}", o.by, o.level,
                         o.by == "order" ? ": --by customer pairs what each customer bought" : ""),
             "single_item_baskets");
  }
  if (r.rules.empty() && r.multi_item > 0) doc.note(no_rules_note(q.min_support, q.min_confidence, q.min_lift, r.baskets, o.by, o.level), "no_rules");

  auto& t = doc.table("rules", "Rules", {"rank", "antecedent", "consequent", "baskets", "support", "confidence", "lift"});
  t.primary = true;
  std::int64_t rank = 0;
  std::vector<std::string> named;  // the items of the rules shown
  report::Chart chart(report::ChartKind::bar, "affinity_lift", "Strongest rules by lift");
  chart.y_label = "lift";
  std::vector<double> lifts;
  for (const auto& rule : r.rules) {
    if (o.n > 0 && rank >= o.n) break;
    std::string lhs = itemset_text(rule.antecedent);
    t.add_row({++rank, lhs, rule.consequent, rule.count, rounded(rule.support, 5), rounded(rule.confidence, 3),
               rounded(rule.lift, 3)});
    named.insert(named.end(), rule.antecedent.begin(), rule.antecedent.end());
    named.push_back(rule.consequent);
    if (lifts.size() < 10) {
      chart.categories.push_back(rule_label(rank, lhs, rule.consequent));
      lifts.push_back(rule.lift);
    }
  }
  chart.add_series("lift", lifts);
  if (!lifts.empty()) doc.chart(chart, report::Audience::people);
  if (q.level == crm::ItemLevel::product) product_names_table(ctx, doc, named);
  render(ctx, doc);
  ctx.note(fmt::format("{} over {}", counted(r.rules.size(), "rule"), counted(r.baskets, "basket")));
  return kExitOk;
}

}  // namespace

void register_report_affinity(CLI::App* report, Context& ctx) {
  auto o = std::make_shared<AffinityOptions>();
  auto* cmd = report->add_subcommand("affinity", "Categories or products bought together: association rules");
  add_as_of_option(cmd, o->report);
  add_since_option(cmd, o->report, "Read orders from DATE on (default: all)");
  cmd->add_option("--by", o->by, "Baskets are orders or customers (default order)")
      ->check(CLI::IsMember({"order", "customer"}));
  cmd->add_option("--level", o->level, "Items are categories or products (default category)")
      ->check(CLI::IsMember({"category", "product"}));
  cmd->add_option("--min-support", o->min_support, "Least share of baskets holding a rule's items (default 0.01)");
  cmd->add_option("--min-confidence", o->min_confidence, "Least confidence of a rule (default 0.5)");
  cmd->add_option("--min-lift", o->min_lift, "Least lift of a rule (default 0: any)");
  cmd->add_option("--max-len", o->max_len, "Most items in a rule, both sides (default 4)");
  cmd->add_option("-n", o->n, "Show the N strongest rules (default 0: all)");
  cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run_affinity(ctx, *o); }; });
}

}  // namespace kunde::cmd
