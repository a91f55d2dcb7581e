// kunde report next: what to offer customers next and when they are expected to buy again.
#include <fmt/format.h>

#include "crm/reports_next.hpp"
#include "options.hpp"
#include "render.hpp"
#include "report_verbs.hpp"

namespace kunde::cmd {
namespace {

struct NextOptions {
  ReportOptions report;
  std::vector<std::string> customers;
  std::string level = "category";
  double min_support = 0.005, min_confidence = 0.1;
  int max_len = 3;
  std::int64_t n = 5;
  bool everyone = false, no_save = false;
};

std::string itemset_text(const std::vector<std::string>& items) {
  return "{" + fmt::format("{}", fmt::join(items, ", ")) + "}";
}

int run_next(Context& ctx, const NextOptions& o) {
  crm::NextRequest q;
  q.scope = report_scope(ctx, o.report);
  q.level = crm::item_level(o.level);
  q.min_support = o.min_support;
  q.min_confidence = o.min_confidence;
  q.max_len = o.max_len;
  if (o.n < 1) throw UsageError("-n must be at least 1", "give how many suggestions, such as -n 5");
  q.top = static_cast<std::size_t>(o.n);
  for (const auto& ref : o.customers) q.customers.push_back(resolve_customer(ctx, ref));
  q.save = !o.no_save;
  q.everyone = o.everyone;
  if (o.everyone && (q.scope.customers || !q.customers.empty())) {
    throw UsageError("--all does not go with --customer or --segment", "give one of them");
  }
  // --segment names whom to suggest to; the rules still come from every customer's orders.
  if (q.scope.customers) {
    q.customers.insert(q.customers.end(), q.scope.customers->begin(), q.scope.customers->end());
    q.scope.customers.reset();
  } else if (q.customers.empty() && !o.everyone) {
    throw UsageError("report next needs --customer, --segment or --all",
                     "name the customers: --customer K-1, --segment at-risk, or --all for everyone who ordered");
  }
  crm::NextReport r = crm::next_report(ctx.session(), q);

  crm::ReportScope named = q.scope;
  if (!o.everyone) named.customers = q.customers;
  crm::CustomerNames names(ctx.session(), named);
  report::Document doc = report_document("Next offers", q.scope);
  auto& f = doc.fields();
  f.add("rules", "rules", static_cast<std::int64_t>(r.rules),
        fmt::format("{} rules over {} orders ({}, support {}, confidence {})", r.rules, r.baskets,
                    o.level == "category" ? "categories" : "products",
                    q.min_support, q.min_confidence));
  f.data("baskets", r.baskets).data("level", o.level);
  if (r.baskets > 0 && r.multi_item == 0) {
    doc.note(fmt::format("every order holds one {}, and a rule needs two: nothing is bought together to suggest "
                         "from (report affinity --by customer shows what customers buy over time)",
                         o.level),
             "single_item_baskets");
  }
  if (r.rules == 0 && r.multi_item > 0) doc.note(no_rules_note(q.min_support, q.min_confidence, 0, r.baskets, "order", o.level), "no_rules");
  f.add("stored", "saved", r.saved,
        r.saved ? "the offers are stored for customer show" : "not stored (--no-save)");
  // The dates read as sentences for a few customers; for a list they are the table's column.
  const bool sentences = r.rows.size() <= 20;
  for (const auto& c : r.rows) {
    if (!sentences || !c.expected_next) continue;
    const auto& name = names.of(c.id);
    doc.paragraph(fmt::format("{} {}: next purchase expected {} (every {:.0f} days, last {}){}", name.number, name.name,
                              *c.expected_next, *c.interval_days, c.last_purchase, c.overdue ? ", overdue" : ""));
  }
  auto& t = doc.table("offers", "Suggestions",
                      {"id", "number", "name", "rank", "offer", "because", "confidence", "lift", "support", "expected_next"});
  t.primary = true;
  // Streamed while rendering: with --all, a few rows for every customer.
  t.stream = [&](const report::RowEmit& emit) {
    for (const auto& c : r.rows) {
      const auto& name = names.of(c.id);
      Value expected = c.expected_next ? Value(*c.expected_next) : Value();
      if (c.offers.empty()) {
        emit({c.id, name.number, name.name, Value(), Value(), Value(), Value(), Value(), Value(), expected});
        continue;
      }
      std::int64_t rank = 0;
      for (const auto& offer : c.offers) {
        emit({c.id, name.number, name.name, ++rank, offer.item, itemset_text(offer.because),
              rounded(offer.confidence, 3), rounded(offer.lift, 3), rounded(offer.support, 5), expected});
      }
    }
  };
  render(ctx, doc);
  ctx.note(fmt::format("suggestions for {} from {}", counted(r.rows.size(), "customer"), counted(r.rules, "rule")));
  return kExitOk;
}

}  // namespace

void register_report_next(CLI::App* report, Context& ctx) {
  auto o = std::make_shared<NextOptions>();
  auto* cmd = report->add_subcommand("next", "What to offer a customer next, and when they should buy again");
  add_as_of_option(cmd, o->report);
  cmd->add_option("--customer", o->customers, "The customer (repeat for more; or --segment NAME, or --all)");
  cmd->add_option("--level", o->level, "Offer categories or products (default category)")
      ->check(CLI::IsMember({"category", "product"}));
  cmd->add_option("--min-support", o->min_support, "Least support of a rule used (default 0.005)");
  cmd->add_option("--min-confidence", o->min_confidence, "Least confidence of a rule used (default 0.1)");
  cmd->add_option("--max-len", o->max_len, "Most items in a rule used (default 3)");
  cmd->add_option("-n", o->n, "Suggestions per customer (default 5)");
  cmd->add_flag("--all", o->everyone, "Suggest to every customer who has ordered");
  cmd->add_flag("--no-save", o->no_save, "Do not store the offers for customer show");
  cmd->callback([&ctx, o] { ctx.action = [&ctx, o] { return run_next(ctx, *o); }; });
}

}  // namespace kunde::cmd
