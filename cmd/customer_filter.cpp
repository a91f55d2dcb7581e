// Customer filter options.
#include "customer_filter.hpp"

#include "clock.hpp"
#include "crm/segments.hpp"
#include "model/country.hpp"
#include "model/dates.hpp"
#include "options.hpp"

namespace kunde::cmd {

void add_filter_options(CLI::App* app, ListOptions& o) {
  app->add_option("--tag", o.filter.tags, "Only customers with this tag (repeatable: all of them)");
  app->add_option_function<std::string>("--country", [&o](const std::string& v) { o.filter.country = model::stored_country(v); }, "Only customers in this country (code or name)");
  app->add_option_function<std::string>("--city", [&o](const std::string& v) { o.filter.city = v; }, "Only customers in this city (case and accents ignored)");
  app->add_option_function<std::string>("--kind", [&o](const std::string& v) { o.filter.kind = v; }, "Only persons or only companies")
      ->check(CLI::IsMember({"person", "company"}));
  app->add_option("--attr", o.attrs, "Only customers whose custom attribute KEY equals VALUE (repeatable)")->type_name("KEY=VALUE");
  app->add_option("--since", o.since, "Only customers created on or after DATE");
  app->add_option("--until", o.until, "Only customers created on or before DATE");
  app->add_flag("--overdue", o.overdue, "Only customers with an unpaid amount older than their payment terms");
  app->add_flag("--over-limit", o.filter.over_limit, "Only customers whose balance exceeds their credit limit");
  app->add_option("--from", o.from, "Only the customers in FILE (- for standard input) with an id or number column");
  app->add_option("--segment", o.segment, "Only the members of segment NAME");
  app->add_option("--where", o.where, "Only the customers RULE selects, in the language of segments (kunde-segment(1))")
      ->type_name("RULE");
  app->add_option("--sort", o.sort, "Sort by FIELD (id, number, name, city, country, created_at, email, revenue, margin, balance, orders, last_order); -FIELD sorts descending");
  app->add_option("-n,--limit", o.limit, "At most N customers");
}

crm::CustomerFilter make_filter(Context& ctx, ListOptions& o, std::int64_t& rejected) {
  auto f = o.filter;
  if (o.overdue) f.overdue_as_of = today_local();
  for (const auto& a : o.attrs) {
    auto [key, value] = split_assignment(a, "--attr");
    f.attributes.emplace_back(crm::attribute_key(ctx.session(), key), value);
  }
  f.created_since = date_option(o.since, "--since");
  f.created_until = date_option(o.until, "--until");
  f.sort = o.sort;
  if (!f.sort.empty() && f.sort[0] == '-') {
    f.sort = f.sort.substr(1);
    f.descending = true;
  }
  f.limit = o.limit;
  // The segment and the rule first: a mistake there fails before standard input is read.
  if (!o.segment.empty()) f.segment = crm::find_segment(ctx.session(), o.segment).name;
  if (!o.where.empty()) {
    f.rule = crm::parse_customer_rule(ctx.session(), o.where);
    f.rule_today = today_local();
  }
  if (!o.from.empty()) f.ids = read_customer_refs(ctx, o.from, rejected);
  return f;
}

}  // namespace kunde::cmd
