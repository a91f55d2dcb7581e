// kunde customer tag, untag, import, export, dupes, merge, forget, export-one.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "customer_filter.hpp"
#include "customer_sets.hpp"
#include "customer_verbs.hpp"
#include "error.hpp"
#include "crm/customers.hpp"
#include "options.hpp"
#include "render.hpp"

namespace kunde::cmd {
namespace {

struct TagOptions {
  std::vector<std::string> args;  // CUSTOMER TAG... or, with --from or --segment, TAG...
  std::string from, segment;
};

int run_tag(Context& ctx, const TagOptions& o, bool add) {
  std::vector<std::string> tags = o.args;
  std::vector<std::int64_t> ids;
  std::int64_t rejected = 0;
  if (o.from.empty() && o.segment.empty()) {
    if (tags.size() < 2) throw UsageError("give a customer and at least one tag", "kunde customer tag K-1001 vip");
    ids.push_back(resolve_customer(ctx, tags.front()));
    tags.erase(tags.begin());
  } else {
    if (tags.empty()) throw UsageError("give at least one tag", "kunde customer tag --from - winback");
    ids = customers_from(ctx, o.from, o.segment, rejected);
  }
  auto t = crm::tag_customers(ctx.session(), ids, tags, add);
  ctx.note(fmt::format("{} {} on {}", counted(t.changed, "tag"), add ? "added" : "removed", counted(t.customers, "customer")));
  return rejected ? kExitRejected : kExitOk;
}

struct ExportOptions {
  ListOptions list;
  bool safe_csv = false;
};

int run_export(Context& ctx, ExportOptions& o) {
  std::int64_t rejected = 0;
  auto filter = make_filter(ctx, o.list, rejected);
  auto keys = crm::attribute_keys(ctx.session());
  auto columns = model::customer_columns();
  columns.insert(columns.end(), keys.begin(), keys.end());
  int d = ctx.money_decimals();
  std::int64_t n = 0;
  render_list(
      ctx, "customers", columns,
      [&](const report::RowEmit& emit) {
        crm::list_customers(ctx.session(), filter, [&](const model::Customer& c) {
          auto values = model::customer_values(c, d);
          for (const auto& k : keys) {
            auto it = c.attributes.find(k);
            values.push_back(it == c.attributes.end() ? Value() : Value(it->second));
          }
          emit(values);
          ++n;
        });
      },
      {io::OutputFormat::csv, o.safe_csv});
  ctx.note("exported " + counted(n, "customer"));
  return rejected ? kExitRejected : kExitOk;
}

int run_dupes(Context& ctx, int min_score) {
  auto pairs = crm::duplicates(ctx.session(), min_score);
  render_list(ctx, "pairs", {"id", "number", "name", "other_id", "other_number", "other_name", "score", "reasons"},
              [&](const report::RowEmit& emit) {
                for (const auto& p : pairs) {
                  auto a = crm::customer_by_id(ctx.session(), p.a), b = crm::customer_by_id(ctx.session(), p.b);
                  emit({a->id, opt_value(a->number), a->name, b->id, opt_value(b->number), b->name,
                        static_cast<std::int64_t>(p.score), fmt::format("{}", fmt::join(p.reasons, ";"))});
                }
              });
  ctx.note(counted(pairs.size(), "likely duplicate pair"));
  return kExitOk;
}

int run_merge(Context& ctx, const std::string& keep_ref, const std::string& merge_ref) {
  auto m = crm::merge_customers(ctx.session(), keep_ref, merge_ref);
  ctx.note(fmt::format("merged #{} into #{} ({}, {}, {} moved)", m.gone, m.kept, counted(m.moved.orders, "order"),
                       counted(m.moved.payments, "payment"), counted(m.moved.contacts, "contact")));
  return kExitOk;
}

int run_forget(Context& ctx, const std::string& ref, bool yes) {
  std::int64_t id = resolve_customer(ctx, ref);
  if (!yes) {
    throw UsageError(fmt::format("forgetting customer #{} erases them everywhere, history included, and cannot be undone", id),
                     "add --yes to confirm; 'kunde customer export-one' first keeps a copy for the person");
  }
  auto erasure = crm::forget_customer(ctx.session(), id);
  if (!erasure.complete) {
    // Their rows are gone; old copies of the pages remain while another program reads.
    throw Error(fmt::format("customer #{} is removed, but another program reading the database still holds old "
                            "copies of their data in it",
                            id),
                "close the other programs using the database (kunde, sqlite3), then run 'kunde doctor --fix' to "
                "finish the erasure; any kunde command finishes it once they are closed");
  }
  ctx.note(fmt::format("erased customer #{} and every trace of them, history and search index included", id));
  return kExitOk;
}

int run_export_one(Context& ctx, const std::string& ref) {
  std::int64_t id = resolve_customer(ctx, ref);
  auto doc = crm::personal_data(ctx.session(), id);
  ctx.out() << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
  return kExitOk;
}

struct DupesOptions {
  int min_score = 50;
};

struct MergeOptions {
  std::string keep, merge;
};

struct ForgetOptions {
  std::string ref;
  bool yes = false;
};

}  // namespace

void register_customer_bulk(CLI::App* customer, Context& ctx) {
  auto tag_opts = std::make_shared<TagOptions>();
  auto* tag = customer->add_subcommand("tag", "Add tags to one customer, or to every customer in --from or --segment");
  tag->add_option("ARGS", tag_opts->args, "CUSTOMER TAG... (or TAG... with --from or --segment)")->required();
  tag->add_option("--from", tag_opts->from, "Customers from FILE (- for standard input) with an id or number column");
  tag->add_option("--segment", tag_opts->segment, kSegmentOptionHelp);
  tag->callback([&ctx, tag_opts] { ctx.action = [&ctx, tag_opts] { return run_tag(ctx, *tag_opts, true); }; });
  auto untag_opts = std::make_shared<TagOptions>();
  auto* untag = customer->add_subcommand("untag", "Remove tags from one customer, or from every customer in --from or --segment");
  untag->add_option("ARGS", untag_opts->args, "CUSTOMER TAG... (or TAG... with --from or --segment)")->required();
  untag->add_option("--from", untag_opts->from, "Customers from FILE (- for standard input) with an id or number column");
  untag->add_option("--segment", untag_opts->segment, kSegmentOptionHelp);
  untag->callback([&ctx, untag_opts] { ctx.action = [&ctx, untag_opts] { return run_tag(ctx, *untag_opts, false); }; });

  auto import_flags = std::make_shared<ImportFlags>();
  auto* imp = customer->add_subcommand("import", "Import customers: insert new ones, update changed ones (by number, else email)");
  add_import_options(imp, *import_flags, false);
  imp->callback([&ctx, import_flags] {
    ctx.action = [&ctx, import_flags] { return run_import(ctx, *import_flags, crm::ImportRequest(crm::ImportKind::customers)); };
  });

  auto export_opts = std::make_shared<ExportOptions>();
  auto* exp = customer->add_subcommand("export", "Export customers with the canonical columns (CSV unless -f or -o says otherwise)");
  add_filter_options(exp, export_opts->list);
  exp->add_flag("--safe-csv", export_opts->safe_csv, "Prefix cells starting with = + - @ tab or CR with ' so spreadsheets do not run them");
  exp->callback([&ctx, export_opts] { ctx.action = [&ctx, export_opts] { return run_export(ctx, *export_opts); }; });

  auto dupes_opts = std::make_shared<DupesOptions>();
  auto* dupes = customer->add_subcommand("dupes", "List likely duplicate customers with a score and reasons");
  dupes->add_option("--min-score", dupes_opts->min_score, "Only pairs scoring at least N (0-100, default 50)")->check(CLI::Range(0, 100));
  dupes->callback([&ctx, dupes_opts] { ctx.action = [&ctx, dupes_opts] { return run_dupes(ctx, dupes_opts->min_score); }; });

  auto merge_opts = std::make_shared<MergeOptions>();
  auto* merge = customer->add_subcommand("merge", "Merge customer B into A: B's orders, payments, contacts and tags move to A");
  merge->add_option("A", merge_opts->keep, "The customer that stays")->required();
  merge->add_option("B", merge_opts->merge, "The customer merged away; its number stays findable as an alias")->required();
  merge->callback([&ctx, merge_opts] {
    ctx.action = [&ctx, merge_opts] { return run_merge(ctx, merge_opts->keep, merge_opts->merge); };
  });

  auto forget_opts = std::make_shared<ForgetOptions>();
  auto* forget = customer->add_subcommand("forget", "Erase a person everywhere, history included (right to erasure)");
  forget->add_option("CUSTOMER", forget_opts->ref, "Customer number, #id, email or phone")->required();
  forget->add_flag("--yes", forget_opts->yes, "Confirm the erasure; it cannot be undone");
  forget->callback([&ctx, forget_opts] {
    ctx.action = [&ctx, forget_opts] { return run_forget(ctx, forget_opts->ref, forget_opts->yes); };
  });

  auto one_ref = std::make_shared<std::string>();
  auto* one = customer->add_subcommand("export-one", "Write everything held on one person as JSON (right of access)");
  one->add_option("CUSTOMER", *one_ref, "Customer number, #id, email or phone")->required();
  one->callback([&ctx, one_ref] { ctx.action = [&ctx, one_ref] { return run_export_one(ctx, *one_ref); }; });
}

}  // namespace kunde::cmd
