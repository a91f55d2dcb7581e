// kunde customer: add, list, show, find, edit, rm (see customer_bulk.cpp for the verbs that
// act on many customers or on whole files).
#include <fmt/format.h>

#include "commands.hpp"
#include "customer_filter.hpp"
#include "customer_show.hpp"
#include "customer_verbs.hpp"
#include "error.hpp"
#include "clock.hpp"
#include "crm/customers.hpp"
#include "model/dates.hpp"
#include "options.hpp"
#include "render.hpp"

namespace kunde::cmd {
namespace {

// Field options shared by add and edit: each sets one canonical field by name.
struct FieldOptions {
  std::map<std::string, std::string> values;  // canonical field -> text
  std::vector<std::string> sets, unsets, attrs, unset_attrs, tags;
};

void add_field_options(CLI::App* app, FieldOptions& o, bool edit) {
  static constexpr std::pair<const char*, const char*> kFields[] = {
      {"number", "Customer number (text; leading zeros are kept)"},
      {"name", "Name of the person or company"},
      {"kind", "person or company"},
      {"contact-person", "The person to talk to at a company"},
      {"email", "Email address"},
      {"phone", "Phone number in any format; matched as E.164"},
      {"street", "Street address"},
      {"postal-code", "Postal code (text)"},
      {"city", "City"},
      {"country", "Country (name or ISO code); decides the phone and org number rules"},
      {"org-number", "Organisation number, checked for NO, SE, DK and FI"},
      {"created-at", "When the customer relationship began (YYYY-MM-DD)"},
      {"preferred-channel", "Preferred contact channel"},
      {"credit-limit", "Credit limit (amount)"},
      {"payment-terms-days", "Payment terms in days"},
      {"wallet", "Estimated yearly spend in our category, for share of wallet"},
      {"notes", "Free-text notes"},
  };
  for (const auto& [flag, help] : kFields) {
    std::string field = flag;
    std::replace(field.begin(), field.end(), '-', '_');
    app->add_option_function<std::string>(std::string("--") + flag, [&o, field](const std::string& v) { o.values[field] = v; }, help);
  }
  app->add_option("--attr", o.attrs, "Custom attribute KEY=VALUE (repeatable)")->type_name("KEY=VALUE");
  if (edit) {
    app->add_option("--set", o.sets, "Set FIELD=VALUE, by canonical field name (repeatable)")->type_name("FIELD=VALUE");
    app->add_option("--unset", o.unsets, "Clear FIELD (repeatable)")->type_name("FIELD");
    app->add_option("--unset-attr", o.unset_attrs, "Remove custom attribute KEY (repeatable)")->type_name("KEY");
  } else {
    app->add_option("--tag", o.tags, "Tag (repeatable)");
  }
}

model::ParseContext parse_context(Context& ctx) {
  model::ParseContext pc;
  pc.money_decimals = ctx.money_decimals();
  pc.region = ctx.config().region();
  return pc;
}

model::CustomerField field_named(const std::string& name) {
  auto f = model::customer_field(name);
  if (!f) {
    throw UsageError(fmt::format("there is no customer field '{}'", name),
                     fmt::format("fields are: {}", fmt::join(model::customer_columns(), ", ")));
  }
  return *f;
}

void apply_fields(Context& ctx, model::Customer& c, const FieldOptions& o) {
  auto pc = parse_context(ctx);
  for (const auto& [field, value] : o.values) model::set_customer_field(c, field_named(field), value, pc);
  for (const auto& s : o.sets) {
    auto [field, value] = split_assignment(s, "--set");
    model::set_customer_field(c, field_named(field), value, pc);
  }
  for (const auto& field : o.unsets) model::set_customer_field(c, field_named(field), "", pc);
  for (const auto& a : o.attrs) {
    auto [k, v] = split_assignment(a, "--attr");
    c.attributes[crm::attribute_key(ctx.session(), k)] = v;
  }
  for (const auto& k : o.unset_attrs) {
    if (!c.attributes.erase(k)) c.attributes.erase(crm::attribute_key(ctx.session(), k));
  }
  model::normalise(c, pc);
}

int run_add(Context& ctx, FieldOptions& o) {
  model::Customer c;
  if (!o.values.count("created_at")) c.created_at = today_local();
  apply_fields(ctx, c, o);
  c.tags = model::split_tags(fmt::format("{}", fmt::join(o.tags, ";")));
  if (c.name.empty()) throw UsageError("a customer needs a name", "give --name");
  c.id = crm::add_customer(ctx.session(), c);
  print_customer_brief(ctx, c.id);
  ctx.note(fmt::format("added customer #{}{}", c.id, c.number ? " (" + *c.number + ")" : ""));
  return kExitOk;
}

int run_edit(Context& ctx, const std::string& ref, FieldOptions& o) {
  auto edited = crm::edit_customer(ctx.session(), ref, [&](model::Customer& c) {
    apply_fields(ctx, c, o);
    if (c.name.empty()) throw UsageError("the name cannot be empty", "give --name with a value");
  });
  if (!edited.changed) {
    ctx.note(fmt::format("customer #{} unchanged", edited.id));
    return kExitOk;
  }
  print_customer_brief(ctx, edited.id);
  ctx.note(fmt::format("updated customer #{}", edited.id));
  return kExitOk;
}

int run_list(Context& ctx, ListOptions& o) {
  std::int64_t rejected = 0;
  auto filter = make_filter(ctx, o, rejected);
  std::int64_t n = 0;
  render_list(ctx, "customers", {"id", "number", "name", "kind", "email", "phone", "city", "country", "tags"},
              [&](const report::RowEmit& emit) {
                crm::list_customers(ctx.session(), filter, [&](const model::Customer& c) {
                  ++n;
                  emit({c.id, opt_value(c.number), c.name, c.kind, opt_value(c.email), opt_value(c.phone),
                        opt_value(c.city), opt_value(c.country),
                        c.tags.empty() ? Value() : Value(model::join_tags(c.tags))});
                });
              });
  ctx.note(counted(n, "customer"));
  return rejected ? kExitRejected : kExitOk;
}

int run_find(Context& ctx, const std::vector<std::string>& words, std::optional<std::int64_t> limit) {
  std::string query = fmt::format("{}", fmt::join(words, " "));
  if (!crm::searchable(query)) throw UsageError("give some letters or digits to search for", "e.g. kunde customer find bjorn oslo");
  if (limit && *limit < 0) throw UsageError("--limit must be 0 or more", "give how many customers to show at most");
  std::int64_t n = 0;
  render_list(ctx, "customers", {"id", "number", "name", "email", "phone", "city"}, [&](const report::RowEmit& emit) {
    crm::find_customers(ctx.session(), query, limit, [&](const model::Customer& c) {
      ++n;
      emit({c.id, opt_value(c.number), c.name, opt_value(c.email), opt_value(c.phone), opt_value(c.city)});
    });
  });
  ctx.note(fmt::format("{} {} '{}'", counted(n, "customer"), n == 1 ? "matches" : "match", query));
  return kExitOk;
}

int run_rm(Context& ctx, const std::string& ref, bool force) {
  std::int64_t id = crm::remove_customer(ctx.session(), ref, force);
  ctx.note(fmt::format("removed customer #{} ('kunde undo' brings it back)", id));
  return kExitOk;
}

struct ShowOptions {
  std::string ref;
  std::int64_t orders = 5, contacts = 5;
};

struct FindOptions {
  std::vector<std::string> words;
  std::optional<std::int64_t> limit;
};

struct RmOptions {
  std::string ref;
  bool force = false;
};

struct EditOptions {
  std::string ref;
  FieldOptions fields;
};

}  // namespace

void register_customer(CLI::App& app, Context& ctx) {
  auto* customer = app.add_subcommand("customer", "Customers: add, list, show, find, edit, tag, import, export, merge ...");
  customer->require_subcommand(1);

  auto add_opts = std::make_shared<FieldOptions>();
  auto* add = customer->add_subcommand("add", "Add a customer");
  add_field_options(add, *add_opts, false);
  add->callback([&ctx, add_opts] { ctx.action = [&ctx, add_opts] { return run_add(ctx, *add_opts); }; });

  auto list_opts = std::make_shared<ListOptions>();
  auto* list = customer->add_subcommand("list", "List customers, filtered and sorted");
  add_filter_options(list, *list_opts);
  list->callback([&ctx, list_opts] { ctx.action = [&ctx, list_opts] { return run_list(ctx, *list_opts); }; });

  auto show_opts = std::make_shared<ShowOptions>();
  auto* show = customer->add_subcommand("show", "Everything about one customer on one screen");
  show->add_option("CUSTOMER", show_opts->ref, "Customer number, #id, email or phone in any format")->required();
  show->add_option("--orders", show_opts->orders, "How many recent orders to show (default 5)")
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{10000}));
  show->add_option("--contacts", show_opts->contacts, "How many recent contacts to show (default 5)")
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{10000}));
  show->callback([&ctx, show_opts] {
    ctx.action = [&ctx, show_opts] { return run_show(ctx, show_opts->ref, show_opts->orders, show_opts->contacts); };
  });

  auto find_opts = std::make_shared<FindOptions>();
  auto* find = customer->add_subcommand("find", "Search names, contact persons, emails, phones (written any way), cities, notes, custom attributes and contact notes; accents and case ignored");
  find->add_option("TEXT", find_opts->words, "Words to find (each a prefix: 'bjo osl' finds Bjørn in Oslo)")->required();
  find->add_option("-n,--limit", find_opts->limit, "At most N customers");
  find->callback([&ctx, find_opts] {
    ctx.action = [&ctx, find_opts] { return run_find(ctx, find_opts->words, find_opts->limit); };
  });

  auto edit_opts = std::make_shared<EditOptions>();
  auto* edit = customer->add_subcommand("edit", "Change a customer's fields");
  edit->add_option("CUSTOMER", edit_opts->ref, "Customer number, #id, email or phone")->required();
  add_field_options(edit, edit_opts->fields, true);
  edit->callback([&ctx, edit_opts] {
    ctx.action = [&ctx, edit_opts] { return run_edit(ctx, edit_opts->ref, edit_opts->fields); };
  });

  auto rm_opts = std::make_shared<RmOptions>();
  auto* rm = customer->add_subcommand("rm", "Remove a customer (undoable; refuses when orders or contacts exist)");
  rm->add_option("CUSTOMER", rm_opts->ref, "Customer number, #id, email or phone")->required();
  rm->add_flag("--force", rm_opts->force, "Also remove the customer's orders, payments and contacts");
  rm->callback([&ctx, rm_opts] { ctx.action = [&ctx, rm_opts] { return run_rm(ctx, rm_opts->ref, rm_opts->force); }; });

  register_customer_bulk(customer, ctx);
}

}  // namespace kunde::cmd
