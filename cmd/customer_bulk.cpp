// kunde customer tag, untag, import, export, dupes, merge, forget, export-one.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "customer_filter.hpp"
#include "customer_verbs.hpp"
#include "error.hpp"
#include "import/customer_import.hpp"
#include "options.hpp"
#include "store/change.hpp"
#include "store/customer_repo.hpp"
#include "store/duplicates.hpp"
#include "store/history.hpp"
#include "store/personal_data.hpp"

namespace kunde::cmd {
namespace {

struct TagOptions {
  std::vector<std::string> args;  // CUSTOMER TAG... or, with --from, TAG...
  std::string from;
};

int run_tag(Context& ctx, const TagOptions& o, bool add) {
  std::vector<std::string> tags = o.args;
  std::vector<std::int64_t> ids;
  std::int64_t rejected = 0;
  store::Change change(ctx.db(), ctx.command_line);
  if (o.from.empty()) {
    if (tags.size() < 2) throw UsageError("give a customer and at least one tag", "kunde customer tag K-1001 vip");
    ids.push_back(resolve_customer(ctx, tags.front()));
    tags.erase(tags.begin());
  } else {
    if (tags.empty()) throw UsageError("give at least one tag", "kunde customer tag --from - winback");
    ids = read_customer_refs(ctx, o.from, rejected);
  }
  store::CustomerRepo repo(ctx.db());
  std::int64_t changed = 0;
  for (auto id : ids) {
    for (auto t : tags) {
      auto clean = model::split_tags(t);
      for (const auto& tag : clean) changed += add ? repo.add_tag(id, tag) : repo.remove_tag(id, tag);
    }
  }
  std::string summary = fmt::format("{} {} on {}", counted(changed, "tag"), add ? "added" : "removed", counted(ids.size(), "customer"));
  change.commit(summary);
  ctx.note(summary);
  return rejected ? kExitRejected : kExitOk;
}

struct ExportOptions {
  ListOptions list;
  bool safe_csv = false;
};

int run_export(Context& ctx, ExportOptions& o) {
  std::int64_t rejected = 0;
  auto filter = make_filter(ctx, o.list, rejected);
  store::CustomerRepo repo(ctx.db());
  auto keys = repo.attribute_keys();
  auto columns = model::customer_columns();
  columns.insert(columns.end(), keys.begin(), keys.end());
  auto w = ctx.writer(io::OutputFormat::csv, o.safe_csv);
  w->begin(columns);
  int d = ctx.money_decimals();
  std::int64_t n = 0;
  repo.list(filter, [&](const model::Customer& c) {
    auto values = model::customer_values(c, d);
    for (const auto& k : keys) {
      auto it = c.attributes.find(k);
      values.push_back(it == c.attributes.end() ? Value() : Value(it->second));
    }
    w->row(values);
    ++n;
  });
  w->end();
  ctx.note("exported " + counted(n, "customer"));
  return rejected ? kExitRejected : kExitOk;
}

int run_dupes(Context& ctx, int min_score) {
  store::CustomerRepo repo(ctx.db());
  auto pairs = store::find_duplicates(ctx.db(), min_score);
  auto w = ctx.writer();
  w->begin({"id", "number", "name", "other_id", "other_number", "other_name", "score", "reasons"});
  for (const auto& p : pairs) {
    auto a = repo.by_id(p.a), b = repo.by_id(p.b);
    auto num = [](const std::optional<std::string>& s) { return s ? Value(*s) : Value(); };
    w->row({a->id, num(a->number), a->name, b->id, num(b->number), b->name, static_cast<std::int64_t>(p.score),
            fmt::format("{}", fmt::join(p.reasons, ";"))});
  }
  w->end();
  ctx.note(counted(pairs.size(), "likely duplicate pair"));
  return kExitOk;
}

int run_merge(Context& ctx, const std::string& keep_ref, const std::string& merge_ref) {
  store::Change change(ctx.db(), ctx.command_line);
  store::CustomerRepo repo(ctx.db());
  auto keep = resolve_customer(ctx, keep_ref);
  auto gone = resolve_customer(ctx, merge_ref);
  if (keep == gone) throw UsageError("a customer cannot be merged into itself", "give two different customers");
  auto d = repo.dependents(gone);
  repo.merge(keep, gone);
  std::string summary = fmt::format("merged #{} into #{} ({}, {}, {} moved)", gone, keep, counted(d.orders, "order"),
                                    counted(d.payments, "payment"), counted(d.contacts, "contact"));
  change.commit(summary);
  ctx.note(summary);
  return kExitOk;
}

int run_forget(Context& ctx, const std::string& ref, bool yes) {
  std::int64_t id = resolve_customer(ctx, ref);
  if (!yes) {
    throw UsageError(fmt::format("forgetting customer #{} erases them everywhere, history included, and cannot be undone", id),
                     "add --yes to confirm; 'kunde customer export-one' first keeps a copy for the person");
  }
  {
    // Recorded without a changeset: history must not keep what the erasure removed.
    store::Change change(ctx.db(), fmt::format("customer forget #{}", id), false);
    store::scrub_history_for_customer(ctx.db(), id);
    store::CustomerRepo(ctx.db()).erase(id);
    change.commit("1 customer erased");
  }
  store::compact_after_erasure(ctx.db());
  ctx.note(fmt::format("erased customer #{} and every trace of them in history", id));
  return kExitOk;
}

int run_export_one(Context& ctx, const std::string& ref) {
  std::int64_t id = resolve_customer(ctx, ref);
  auto doc = store::personal_data(ctx.db(), id);
  ctx.out() << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
  return kExitOk;
}

}  // namespace

void register_customer_bulk(CLI::App* customer, Context& ctx) {
  static TagOptions tag_opts, untag_opts;
  auto* tag = customer->add_subcommand("tag", "Add tags to one customer, or to every customer in --from");
  tag->add_option("ARGS", tag_opts.args, "CUSTOMER TAG... (or TAG... with --from)")->required();
  tag->add_option("--from", tag_opts.from, "Customers from FILE (- for standard input) with an id or number column");
  tag->callback([&ctx] { ctx.action = [&ctx] { return run_tag(ctx, tag_opts, true); }; });
  auto* untag = customer->add_subcommand("untag", "Remove tags from one customer, or from every customer in --from");
  untag->add_option("ARGS", untag_opts.args, "CUSTOMER TAG... (or TAG... with --from)")->required();
  untag->add_option("--from", untag_opts.from, "Customers from FILE (- for standard input) with an id or number column");
  untag->callback([&ctx] { ctx.action = [&ctx] { return run_tag(ctx, untag_opts, false); }; });

  static ImportFlags import_flags;
  auto* imp = customer->add_subcommand("import", "Import customers: insert new ones, update changed ones (by number, else email)");
  add_import_options(imp, import_flags, false);
  imp->callback([&ctx] { ctx.action = [&ctx] { return run_import(ctx, import_flags, import::import_customers); }; });

  static ExportOptions export_opts;
  auto* exp = customer->add_subcommand("export", "Export customers with the canonical columns (CSV unless -f or -o says otherwise)");
  add_filter_options(exp, export_opts.list);
  exp->add_flag("--safe-csv", export_opts.safe_csv, "Prefix cells starting with = + - @ tab or CR with ' so spreadsheets do not run them");
  exp->callback([&ctx] { ctx.action = [&ctx] { return run_export(ctx, export_opts); }; });

  static int min_score = 50;
  auto* dupes = customer->add_subcommand("dupes", "List likely duplicate customers with a score and reasons");
  dupes->add_option("--min-score", min_score, "Only pairs scoring at least N (0-100, default 50)")->check(CLI::Range(0, 100));
  dupes->callback([&ctx] { ctx.action = [&ctx] { return run_dupes(ctx, min_score); }; });

  static std::string keep_ref, merge_ref;
  auto* merge = customer->add_subcommand("merge", "Merge customer B into A: B's orders, payments, contacts and tags move to A");
  merge->add_option("A", keep_ref, "The customer that stays")->required();
  merge->add_option("B", merge_ref, "The customer merged away; its number stays findable as an alias")->required();
  merge->callback([&ctx] { ctx.action = [&ctx] { return run_merge(ctx, keep_ref, merge_ref); }; });

  static std::string forget_ref;
  static bool forget_yes = false;
  auto* forget = customer->add_subcommand("forget", "Erase a person everywhere, history included (right to erasure)");
  forget->add_option("CUSTOMER", forget_ref, "Customer number, #id, email or phone")->required();
  forget->add_flag("--yes", forget_yes, "Confirm the erasure; it cannot be undone");
  forget->callback([&ctx] { ctx.action = [&ctx] { return run_forget(ctx, forget_ref, forget_yes); }; });

  static std::string one_ref;
  auto* one = customer->add_subcommand("export-one", "Write everything held on one person as JSON (right of access)");
  one->add_option("CUSTOMER", one_ref, "Customer number, #id, email or phone")->required();
  one->callback([&ctx] { ctx.action = [&ctx] { return run_export_one(ctx, one_ref); }; });
}

}  // namespace kunde::cmd
