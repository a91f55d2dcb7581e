// kunde contact: log, list, show, due, done, import, export. Everything that happened with
// a customer on any channel, and everything that was promised.
#include <fmt/format.h>

#include "clock.hpp"
#include "commands.hpp"
#include "customer_sets.hpp"
#include "error.hpp"
#include "crm/contacts.hpp"
#include "model/contact.hpp"
#include "model/dates.hpp"
#include "options.hpp"
#include "render.hpp"

namespace kunde::cmd {
namespace {

// The configured extra channels: [contact] channels = ["whatsapp", ...].
model::Channels channels(Context& ctx) { return model::Channels(ctx.config().strings("contact.channels")); }

// A value given on the command line that the library rejects is a usage error (exit 2).
std::optional<std::string> opt(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

Value text(const std::optional<std::string>& s) { return s ? Value(*s) : Value(); }

std::int64_t parse_contact_id(const std::string& raw) {
  std::string s = raw;
  if (!s.empty() && s[0] == '#') s.erase(0, 1);
  try {
    std::size_t used = 0;
    long long v = std::stoll(s, &used);
    if (used == s.size() && v > 0) return v;
  } catch (...) {
  }
  throw UsageError(fmt::format("'{}' is not a contact id", raw), "contact ids are numbers; 'kunde contact list' shows them");
}

// ---- log

struct LogOptions {
  std::string customer, from, segment, channel, direction, subject, notes, outcome, reason, follow_up, promise, owner, at;
};

int run_log(Context& ctx, const LogOptions& o) {
  if (o.customer.empty() == (o.from.empty() && o.segment.empty())) {
    throw UsageError("give one customer, or --from FILE or --segment NAME for many",
                     "kunde contact log K-1001 --channel phone --direction in");
  }
  std::string today = today_local();
  model::Contact c;
  auto chans = channels(ctx);
  c.channel = option_value("--channel", [&] { return chans.canonical(o.channel); });
  c.direction = option_value("--direction", [&] { return model::parse_direction(o.direction); });
  c.at = o.at.empty() ? now_local() : option_value("--at", [&] { return model::parse_date_relative(o.at, today); });
  if (!o.follow_up.empty()) {
    c.follow_up_at = option_value("--follow-up", [&] { return model::parse_date_relative(o.follow_up, today); });
  }
  c.subject = opt(o.subject);
  c.notes = opt(o.notes);
  c.outcome = opt(o.outcome);
  c.reason = opt(o.reason);
  c.promise = opt(o.promise);
  c.owner = opt(o.owner);

  std::vector<std::int64_t> ids;
  std::int64_t rejected = 0;
  if (o.customer.empty()) {
    ids = customers_from(ctx, o.from, o.segment, rejected);
  } else {
    ids.push_back(resolve_customer(ctx, o.customer));
  }
  auto logged = crm::log_contacts(ctx.session(), c, ids);
  ctx.note(logged.summary);
  return rejected ? kExitRejected : kExitOk;
}

// ---- list and export

struct FilterOptions {
  std::string customer, channel, direction, owner, since, until, outcome, reason, grep;
  bool open = false;
  std::optional<std::int64_t> limit;
};

void add_contact_filters(CLI::App* app, FilterOptions& o) {
  app->add_option("--customer", o.customer, "Only contacts with this customer (number, #id, email or phone)");
  app->add_option("--channel", o.channel, "Only contacts on this channel (visit, phone, post, email, video, chat, sms, fax, web, social)");
  app->add_option("--direction", o.direction, "Only inbound (in) or outbound (out) contacts");
  app->add_option("--owner", o.owner, "Only contacts owned by NAME (case ignored)");
  app->add_option("--since", o.since, "Only contacts on or after DATE (YYYY-MM-DD, today, -30d ...)");
  app->add_option("--until", o.until, "Only contacts on or before DATE");
  app->add_option("--outcome", o.outcome, "Only contacts with this outcome (case ignored)");
  app->add_option("--reason", o.reason, "Only contacts with this reason (case ignored)");
  app->add_flag("--open", o.open, "Only unfulfilled promises and follow-ups not yet done");
  app->add_option("--grep", o.grep, "Only contacts whose subject or notes contain words starting with TEXT (case and accents ignored)");
  app->add_option("-n,--limit", o.limit, "At most N contacts");
}

crm::ContactFilter make_contact_filter(Context& ctx, const FilterOptions& o) {
  crm::ContactFilter f;
  std::string today = today_local();
  if (!o.customer.empty()) f.customer_id = resolve_customer(ctx, o.customer);
  if (!o.channel.empty()) {
    auto chans = channels(ctx);
    f.channel = option_value("--channel", [&] { return chans.canonical(o.channel); });
  }
  if (!o.direction.empty()) f.direction = option_value("--direction", [&] { return model::parse_direction(o.direction); });
  f.owner = opt(o.owner);
  f.outcome = opt(o.outcome);
  f.reason = opt(o.reason);
  if (!o.since.empty()) f.since = option_value("--since", [&] { return model::parse_date_relative(o.since, today).substr(0, 10); });
  if (!o.until.empty()) f.until = option_value("--until", [&] { return model::parse_date_relative(o.until, today).substr(0, 10); });
  f.grep = opt(o.grep);
  f.open = o.open;
  f.limit = o.limit;
  return f;
}

int run_list(Context& ctx, const FilterOptions& o) {
  auto filter = make_contact_filter(ctx, o);
  std::int64_t n = 0;
  render_list(ctx, "contacts",
              {"id", "at", "customer_id", "number", "name", "channel", "direction", "subject", "outcome", "reason",
               "follow_up_at", "promise", "owner", "done_at"},
              [&](const report::RowEmit& emit) {
                crm::list_contacts(ctx.session(), filter, [&](const crm::ContactRow& r) {
                  const auto& k = r.contact;
                  emit({k.id, k.at, k.customer_id, text(r.customer_number), r.customer_name, k.channel, k.direction,
                        text(k.subject), text(k.outcome), text(k.reason), text(k.follow_up_at), text(k.promise),
                        text(k.owner), text(k.done_at)});
                  ++n;
                });
              });
  ctx.note(counted(n, "contact"));
  return kExitOk;
}

struct ExportOptions {
  FilterOptions filter;
  bool safe_csv = false;
};

int run_export(Context& ctx, const ExportOptions& o) {
  auto filter = make_contact_filter(ctx, o.filter);
  std::int64_t n = 0;
  render_list(
      ctx, "contacts", model::contact_columns(),
      [&](const report::RowEmit& emit) {
        crm::list_contacts(ctx.session(), filter, [&](const crm::ContactRow& r) {
          const auto& k = r.contact;
          std::string customer = r.customer_number ? *r.customer_number : fmt::format("#{}", k.customer_id);
          emit({text(k.key), customer, k.at, k.channel, k.direction, text(k.subject), text(k.notes), text(k.outcome),
                text(k.reason), text(k.follow_up_at), text(k.promise), text(k.owner), text(k.done_at),
                text(k.done_notes)});
          ++n;
        });
      },
      {io::OutputFormat::csv, o.safe_csv});
  ctx.note("exported " + counted(n, "contact"));
  return kExitOk;
}

// ---- show

int run_show(Context& ctx, const std::string& ref) {
  std::int64_t id = parse_contact_id(ref);
  auto r = crm::contact_by_id(ctx.session(), id);
  if (!r) throw Error(fmt::format("no contact {}", id), "'kunde contact list' shows the contacts and their ids");
  const auto& k = r->contact;
  std::string state = crm::contact_state(k);
  std::vector<std::string> fields{"id",      "key",     "at",     "customer_id",  "number",  "name",
                                  "channel", "direction", "subject", "notes",      "outcome", "reason",
                                  "follow_up_at", "promise", "owner", "state", "done_at", "done_notes"};
  std::vector<Value> values{k.id,        text(k.key),          k.at,           k.customer_id,  text(r->customer_number),
                            r->customer_name, k.channel,  k.direction,    text(k.subject), text(k.notes),
                            text(k.outcome), text(k.reason), text(k.follow_up_at), text(k.promise), text(k.owner),
                            state,       text(k.done_at), text(k.done_notes)};
  render_record(ctx, fields, values);
  return kExitOk;
}

// ---- due and done

struct DueOptions {
  std::string owner, customer, within, as_of;
  bool overdue = false;
};

int run_due(Context& ctx, const DueOptions& o) {
  crm::DueFilter f;
  std::string today = today_local();
  f.as_of = o.as_of.empty() ? today
                            : option_value("--as-of", [&] { return model::parse_date_relative(o.as_of, today).substr(0, 10); });
  if (!o.within.empty()) f.within_days = model::parse_days(o.within);
  if (o.overdue && !o.within.empty()) throw UsageError("--overdue and --within exclude each other", "give one of them");
  f.overdue_only = o.overdue;
  f.owner = opt(o.owner);
  if (!o.customer.empty()) f.customer_id = resolve_customer(ctx, o.customer);
  std::int64_t n = 0, late = 0;
  render_list(ctx, "due",
              {"id", "due", "overdue_days", "owner", "customer_id", "number", "name", "phone", "email", "channel",
               "subject", "promise"},
              [&](const report::RowEmit& emit) {
                crm::due_contacts(ctx.session(), f, [&](const crm::DueItem& d) {
                  const auto& k = d.row.contact;
                  emit({k.id, d.due, static_cast<std::int64_t>(d.days_late), text(k.owner), k.customer_id,
                        text(d.row.customer_number), d.row.customer_name, text(d.customer_phone),
                        text(d.customer_email), k.channel, text(k.subject), text(k.promise)});
                  ++n;
                  if (d.days_late > 0) ++late;
                });
              });
  ctx.note(fmt::format("{} open follow-up{} and promise{} due by {}, {} overdue", n, n == 1 ? "" : "s",
                       n == 1 ? "" : "s", f.overdue_only ? f.as_of : model::add_days(f.as_of, *f.within_days), late));
  return kExitOk;
}

struct DoneOptions {
  std::vector<std::string> ids;
  std::string notes, at;
};

int run_done(Context& ctx, const DoneOptions& o) {
  std::string at = o.at.empty() ? now_local() : option_value("--at", [&] { return model::parse_date_relative(o.at, today_local()); });
  std::vector<std::int64_t> ids;
  for (const auto& ref : o.ids) ids.push_back(parse_contact_id(ref));
  ctx.note(crm::close_contacts(ctx.session(), ids, at, opt(o.notes)));
  return kExitOk;
}

}  // namespace

void register_contact(CLI::App& app, Context& ctx) {
  auto* contact = app.add_subcommand("contact", "Contacts on every channel, promises and follow-ups: log, list, due, done ...");
  contact->require_subcommand(1);

  auto log_opts = std::make_shared<LogOptions>();
  auto* log = contact->add_subcommand("log", "Record a contact with a customer, or the same contact with many (--from, --segment)");
  log->add_option("CUSTOMER", log_opts->customer, "Customer number, #id, email or phone");
  log->add_option("--from", log_opts->from, "Log the contact for every customer in FILE (- for standard input) with an id or number column: one history entry");
  log->add_option("--segment", log_opts->segment, "Log the contact for every member of segment NAME (with --from: those in both)");
  log->add_option("--channel", log_opts->channel, "visit, phone, post (letter), email, video, chat, sms, fax, web, social, or a configured one")->required();
  log->add_option("--direction", log_opts->direction, "in (the customer reached us) or out (we reached them)")->required();
  log->add_option("--subject", log_opts->subject, "What it was about");
  log->add_option("--notes", log_opts->notes, "Free-text notes");
  log->add_option("--outcome", log_opts->outcome, "How it ended, e.g. sale, no-answer, complaint");
  log->add_option("--reason", log_opts->reason, "Why the customer got in touch, or why they leave");
  log->add_option("--follow-up", log_opts->follow_up, "Follow up on DATE (YYYY-MM-DD, tomorrow, +7d ...)");
  log->add_option("--promise", log_opts->promise, "What was promised to the customer; open until 'contact done'");
  log->add_option("--owner", log_opts->owner, "Who owns the follow-up or promise");
  log->add_option("--at", log_opts->at, "When it happened (default now): YYYY-MM-DD[ HH:MM[:SS]][+HH:MM], yesterday ...");
  log->callback([&ctx, log_opts] { ctx.action = [&ctx, log_opts] { return run_log(ctx, *log_opts); }; });

  auto list_opts = std::make_shared<FilterOptions>();
  auto* list = contact->add_subcommand("list", "List contacts, oldest first, filtered");
  add_contact_filters(list, *list_opts);
  list->callback([&ctx, list_opts] { ctx.action = [&ctx, list_opts] { return run_list(ctx, *list_opts); }; });

  auto show_id = std::make_shared<std::string>();
  auto* show = contact->add_subcommand("show", "Everything about one contact");
  show->add_option("ID", *show_id, "Contact id")->required();
  show->callback([&ctx, show_id] { ctx.action = [&ctx, show_id] { return run_show(ctx, *show_id); }; });

  auto due_opts = std::make_shared<DueOptions>();
  auto* due = contact->add_subcommand("due", "Open follow-ups and promises due by today (or --as-of), for a daily cron job");
  due->add_option("--owner", due_opts->owner, "Only those owned by NAME (case ignored)");
  due->add_option("--customer", due_opts->customer, "Only those of this customer");
  due->add_flag("--overdue", due_opts->overdue, "Only those due before today (or --as-of)");
  due->add_option("--within", due_opts->within, "Also those falling due within DURATION after today, e.g. 7d, 2w");
  due->add_option("--as-of", due_opts->as_of, "Take DATE as today (YYYY-MM-DD)");
  due->callback([&ctx, due_opts] { ctx.action = [&ctx, due_opts] { return run_due(ctx, *due_opts); }; });

  auto done_opts = std::make_shared<DoneOptions>();
  auto* done = contact->add_subcommand("done", "Close follow-ups and promises: they are kept, and no longer due");
  done->add_option("ID", done_opts->ids, "Contact ids (one history entry for all)")->required();
  done->add_option("--notes", done_opts->notes, "How it was resolved");
  done->add_option("--at", done_opts->at, "When it was done (default now)");
  done->callback([&ctx, done_opts] { ctx.action = [&ctx, done_opts] { return run_done(ctx, *done_opts); }; });

  auto import_flags = std::make_shared<ImportFlags>();
  auto* imp = contact->add_subcommand("import", "Import contacts; importing the same file again changes nothing");
  add_import_options(imp, *import_flags, true);
  imp->callback([&ctx, import_flags] {
    ctx.action = [&ctx, import_flags] { return run_import(ctx, *import_flags, crm::ImportRequest(crm::ImportKind::contacts)); };
  });

  auto export_opts = std::make_shared<ExportOptions>();
  auto* exp = contact->add_subcommand("export", "Export contacts with the canonical columns (CSV unless -f or -o says otherwise)");
  add_contact_filters(exp, export_opts->filter);
  exp->add_flag("--safe-csv", export_opts->safe_csv, "Prefix cells starting with = + - @ tab or CR with ' so spreadsheets do not run them");
  exp->callback([&ctx, export_opts] { ctx.action = [&ctx, export_opts] { return run_export(ctx, *export_opts); }; });
}

}  // namespace kunde::cmd
