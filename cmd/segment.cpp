// kunde segment: create, list, show, members, refresh, add, remove, drop, history, fields.
// Named groups of customers by a rule (dynamic) or by hand (static); kunde-segment(1).
#include <fmt/format.h>

#include "clock.hpp"
#include "commands.hpp"
#include "crm/customers.hpp"
#include "crm/segment_fields.hpp"
#include "crm/segments.hpp"
#include "customer_sets.hpp"
#include "error.hpp"
#include "model/dates.hpp"
#include "options.hpp"
#include "render.hpp"

namespace kunde::cmd {
namespace {

Value kind_value(const crm::Segment& s) { return std::string(s.dynamic ? "dynamic" : "static"); }
Value rule_value(const crm::Segment& s) { return s.dynamic ? Value(s.rule) : Value(); }

// ---- create, drop

struct CreateOptions {
  std::string name;
  std::optional<std::string> where;
  bool replace = false;
};

int run_create(Context& ctx, const CreateOptions& o) {
  auto created = crm::create_segment(ctx.session(), o.name, o.where, o.replace);
  const auto& c = created.change;
  if (created.replaced) {
    ctx.note(fmt::format("new rule for segment {}: {}, {} entered, {} left", o.name, counted(c.members, "member"),
                         c.entered, c.left));
  } else if (created.segment.dynamic) {
    ctx.note(fmt::format("created dynamic segment {} with {}", o.name, counted(c.members, "member")));
  } else {
    ctx.note(fmt::format("created static segment {}", o.name));
  }
  return kExitOk;
}

int run_drop(Context& ctx, const std::string& name) {
  auto dropped = crm::drop_segment(ctx.session(), name);
  // The members of a dynamic segment are derived, so an undo brings back its rule only.
  ctx.note(fmt::format("dropped segment {} ({}; 'kunde undo' brings it back{})", name,
                       counted(dropped.members, "member"), dropped.dynamic ? ", its members at the next refresh" : ""));
  return kExitOk;
}

// ---- list, show, fields

int run_list(Context& ctx) {
  auto segments = crm::list_segments(ctx.session());
  render_list(ctx, "segments", {"name", "kind", "members", "refreshed_at", "created_at", "rule"},
              [&](const report::RowEmit& emit) {
                for (const auto& s : segments) {
                  emit({s.name, kind_value(s), s.members, opt_value(s.refreshed_at), s.created_at, rule_value(s)});
                }
              });
  ctx.note(counted(segments.size(), "segment"));
  return kExitOk;
}

int run_show(Context& ctx, const std::string& name) {
  auto d = crm::segment_details(ctx.session(), name);
  auto list = [](const std::vector<std::string>& names) {
    return names.empty() ? Value() : Value(fmt::format("{}", fmt::join(names, ", ")));
  };
  render_record(ctx, {"name", "kind", "rule", "members", "created_at", "refreshed_at", "refers_to", "used_by"},
                {d.segment.name, kind_value(d.segment), rule_value(d.segment), d.segment.members, d.segment.created_at,
                 opt_value(d.segment.refreshed_at), list(d.refers_to), list(d.used_by)});
  return kExitOk;
}

int run_fields(Context& ctx) {
  const auto& fields = crm::customer_rule_fields().fields();
  render_list(ctx, "fields", {"field", "kind", "description"}, [&](const report::RowEmit& emit) {
    for (const auto& f : fields) emit({f.name, std::string(model::field_kind_name(f.kind)), f.description});
    emit({std::string("tag:NAME"), std::string("tag"), std::string("the customer has the tag NAME")});
    emit({std::string("segment:NAME"), std::string("segment"), std::string("the customer is a member of segment NAME")});
    emit({std::string("attr.KEY"), std::string("text"), std::string("the custom attribute KEY (a column of an import)")});
  });
  ctx.note(counted(fields.size(), "field") + ", and tags, segments and custom attributes");
  return kExitOk;
}

// ---- members

struct MembersOptions {
  std::string name, sort = "id";
  std::optional<std::int64_t> limit;
  bool refresh = false;
};

int report_refreshes(Context& ctx, const std::vector<crm::SegmentRefreshed>& results);

int run_members(Context& ctx, const MembersOptions& o) {
  auto segment = crm::find_segment(ctx.session(), o.name);
  if (o.refresh && segment.dynamic) {
    int rc = report_refreshes(ctx, crm::refresh_segments(ctx.session(), o.name));
    if (rc != kExitOk) return rc;
  }
  crm::CustomerFilter filter;
  filter.segment = segment.name;
  filter.sort = o.sort;
  if (!filter.sort.empty() && filter.sort[0] == '-') {
    filter.sort.erase(0, 1);
    filter.descending = true;
  }
  filter.limit = o.limit;
  auto keys = crm::attribute_keys(ctx.session());
  std::vector<std::string> columns{"id"};
  for (const auto& c : model::customer_columns()) columns.push_back(c);
  columns.insert(columns.end(), keys.begin(), keys.end());
  int d = ctx.money_decimals();
  std::int64_t n = 0;
  render_list(ctx, "customers", columns, [&](const report::RowEmit& emit) {
    crm::list_customers(ctx.session(), filter, [&](const model::Customer& c) {
      std::vector<Value> values{c.id};
      for (auto& v : model::customer_values(c, d)) values.push_back(std::move(v));
      for (const auto& k : keys) {
        auto it = c.attributes.find(k);
        values.push_back(it == c.attributes.end() ? Value() : Value(it->second));
      }
      emit(values);
      ++n;
    });
  });
  ctx.note(fmt::format("{} of segment {}{}", counted(n, "member"), segment.name,
                       segment.refreshed_at && segment.dynamic && !o.refresh
                           ? fmt::format(" as of {}", *segment.refreshed_at)
                           : std::string()));
  return kExitOk;
}

// ---- refresh

// Prints what each refresh did (a list on standard output) and the segments that could not
// be refreshed (errors); exit 1 when there were any.
int report_refreshes(Context& ctx, const std::vector<crm::SegmentRefreshed>& results) {
  std::int64_t done = 0, failed = 0;
  render_list(ctx, "refreshed", {"segment", "members", "entered", "left"}, [&](const report::RowEmit& emit) {
    for (const auto& r : results) {
      if (!r.problem.empty()) continue;
      emit({r.name, r.change.members, r.change.entered, r.change.left});
      ++done;
    }
  });
  for (const auto& r : results) {
    if (r.problem.empty()) continue;
    ctx.err() << fmt::format("kunde: error: segment {} was not refreshed: {}\n", r.name, r.problem);
    ++failed;
  }
  if (failed) {
    ctx.err() << "hint: 'kunde segment show NAME' shows its rule; give it a new one with "
                 "'kunde segment create NAME --replace --where RULE'\n";
  }
  ctx.note(fmt::format("refreshed {}{}", counted(done, "segment"),
                       failed ? fmt::format(", {} not", failed) : std::string()));
  return failed ? kExitError : kExitOk;
}

int run_refresh(Context& ctx, const std::optional<std::string>& name) {
  return report_refreshes(ctx, crm::refresh_segments(ctx.session(), name));
}

// ---- add, remove

struct MemberChangeOptions {
  std::string name, from, segment;
  std::vector<std::string> customers;
  bool create = false;
};

std::vector<std::int64_t> chosen_customers(Context& ctx, const MemberChangeOptions& o, std::int64_t& rejected) {
  bool listed = !o.from.empty() || !o.segment.empty();
  if (listed == !o.customers.empty()) {
    throw UsageError("give customers, or --from FILE and/or --segment NAME",
                     fmt::format("kunde segment add {} K-1001 K-1002, or ... | kunde segment add {} --from -", o.name, o.name));
  }
  if (!listed) {
    std::vector<std::int64_t> ids;
    for (const auto& ref : o.customers) ids.push_back(resolve_customer(ctx, ref));
    return ids;
  }
  return customers_from(ctx, o.from, o.segment, rejected);
}

int run_add(Context& ctx, const MemberChangeOptions& o) {
  std::int64_t rejected = 0;
  auto ids = chosen_customers(ctx, o, rejected);
  auto change = crm::add_to_segment(ctx.session(), o.name, ids, o.create);
  ctx.note(fmt::format("{} added to segment {} ({})", counted(change.entered, "customer"), o.name,
                       counted(change.members, "member")));
  return rejected ? kExitRejected : kExitOk;
}

int run_remove(Context& ctx, const MemberChangeOptions& o) {
  std::int64_t rejected = 0;
  crm::find_segment(ctx.session(), o.name);  // before any file is read
  auto ids = chosen_customers(ctx, o, rejected);
  auto change = crm::remove_from_segment(ctx.session(), o.name, ids);
  ctx.note(fmt::format("{} removed from segment {} ({})", counted(change.left, "customer"), o.name,
                       counted(change.members, "member")));
  return rejected ? kExitRejected : kExitOk;
}

// ---- history

struct HistoryOptions {
  std::string name, since;
  bool entered = false, left = false;
};

int run_history(Context& ctx, const HistoryOptions& o) {
  crm::SegmentEventFilter filter;
  filter.since = date_option(o.since, "--since");
  if (o.entered && o.left) throw UsageError("--entered and --left exclude each other", "give one of them, or neither for both");
  if (o.entered) filter.entered = true;
  if (o.left) filter.entered = false;
  std::int64_t entered = 0, left = 0;
  render_list(ctx, "history", {"at", "change", "customer_id", "number", "name", "cause", "refresh"},
              [&](const report::RowEmit& emit) {
                crm::segment_history(ctx.session(), o.name, filter, [&](const crm::SegmentEvent& e) {
                  emit({e.at, std::string(e.entered ? "entered" : "left"), e.customer_id, opt_value(e.number),
                        e.name, e.cause, e.refresh_id});
                  ++(e.entered ? entered : left);
                });
              });
  ctx.note(fmt::format("{} entered, {} left segment {}{}", entered, left, o.name,
                       filter.since ? fmt::format(" since {}", *filter.since) : std::string()));
  return kExitOk;
}

}  // namespace

void register_segment(CLI::App& app, Context& ctx) {
  auto* segment = app.add_subcommand(
      "segment", "Segments: groups of customers by a rule or by hand: create, list, members, refresh, history ...");
  segment->require_subcommand(1);

  auto create_opts = std::make_shared<CreateOptions>();
  auto* create = segment->add_subcommand("create", "Create a dynamic segment (--where RULE) or a static one (without)");
  create->add_option("NAME", create_opts->name, "The segment's name: letters, digits, '-', '_' and '.'")->required();
  create->add_option("--where", create_opts->where, "The rule that decides the members (see kunde-segment(1))")
      ->type_name("RULE");
  create->add_flag("--replace", create_opts->replace,
                   "Give an existing dynamic segment the new rule, keeping its history; the members it changes are recorded");
  create->callback([&ctx, create_opts] { ctx.action = [&ctx, create_opts] { return run_create(ctx, *create_opts); }; });

  auto* list = segment->add_subcommand("list", "List the segments with their member counts");
  list->callback([&ctx] { ctx.action = [&ctx] { return run_list(ctx); }; });

  auto show_name = std::make_shared<std::string>();
  auto* show = segment->add_subcommand("show", "A segment's rule, members, and the segments it refers to and is used by");
  show->add_option("NAME", *show_name, "Segment name")->required();
  show->callback([&ctx, show_name] { ctx.action = [&ctx, show_name] { return run_show(ctx, *show_name); }; });

  auto members_opts = std::make_shared<MembersOptions>();
  auto* members = segment->add_subcommand("members", "List a segment's members with every customer column");
  members->add_option("NAME", members_opts->name, "Segment name")->required();
  members->add_flag("--refresh", members_opts->refresh, "Refresh a dynamic segment first (recording who entered and left)");
  members->add_option("--sort", members_opts->sort,
                      "Sort by FIELD (id, number, name, city, country, created_at, email, revenue, margin, balance, orders, "
                      "last_order); -FIELD sorts descending");
  members->add_option("-n,--limit", members_opts->limit, "At most N members");
  members->callback([&ctx, members_opts] { ctx.action = [&ctx, members_opts] { return run_members(ctx, *members_opts); }; });

  auto refresh_name = std::make_shared<std::optional<std::string>>();
  auto* refresh = segment->add_subcommand(
      "refresh", "Recompute dynamic segments, recording who entered and who left (not an undoable history entry)");
  refresh->add_option("NAME", *refresh_name, "Only this segment (and the segments its rule refers to); default all");
  refresh->callback([&ctx, refresh_name] { ctx.action = [&ctx, refresh_name] { return run_refresh(ctx, *refresh_name); }; });

  auto register_change = [&](const char* verb, const char* help, bool adding) {
    auto o = std::make_shared<MemberChangeOptions>();
    auto* cmd = segment->add_subcommand(verb, help);
    cmd->add_option("NAME", o->name, "Segment name")->required();
    cmd->add_option("CUSTOMER", o->customers, "Customer numbers, #ids, emails or phones");
    cmd->add_option("--from", o->from, "Customers from FILE (- for standard input) with an id or number column");
    cmd->add_option("--segment", o->segment, kSegmentOptionHelp);
    if (adding) cmd->add_flag("--create", o->create, "Create the static segment when it does not exist");
    cmd->callback([&ctx, o, adding] {
      ctx.action = [&ctx, o, adding] { return adding ? run_add(ctx, *o) : run_remove(ctx, *o); };
    });
  };
  register_change("add", "Add customers to a static segment (one history entry)", true);
  register_change("remove", "Remove customers from a static segment (one history entry)", false);

  auto drop_name = std::make_shared<std::string>();
  auto* drop = segment->add_subcommand("drop", "Drop a segment (undoable); refuses while another segment's rule uses it");
  drop->add_option("NAME", *drop_name, "Segment name")->required();
  drop->callback([&ctx, drop_name] { ctx.action = [&ctx, drop_name] { return run_drop(ctx, *drop_name); }; });

  auto history_opts = std::make_shared<HistoryOptions>();
  auto* history = segment->add_subcommand("history", "Who entered and who left a segment, and when (oldest first)");
  history->add_option("NAME", history_opts->name, "Segment name")->required();
  history->add_option("--since", history_opts->since, "Only changes on or after DATE (YYYY-MM-DD, today, -7d ...)");
  history->add_flag("--entered", history_opts->entered, "Only customers who entered");
  history->add_flag("--left", history_opts->left, "Only customers who left");
  history->callback([&ctx, history_opts] { ctx.action = [&ctx, history_opts] { return run_history(ctx, *history_opts); }; });

  auto* fields = segment->add_subcommand("fields", "List the fields rules may use, with their kinds");
  fields->callback([&ctx] { ctx.action = [&ctx] { return run_fields(ctx); }; });
}

}  // namespace kunde::cmd
