// kunde customer show: who they are, what they owe and may owe, what they bought.
#include "customer_show.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "io/json_out.hpp"

#include "customer_show_orders.hpp"
#include "clock.hpp"
#include "crm/reports_next.hpp"
#include "crm/screen_pop.hpp"
#include "customer_show_contacts.hpp"
#include "options.hpp"
#include "render.hpp"

namespace kunde::cmd {
namespace {

using json = nlohmann::ordered_json;

std::string money(std::int64_t minor, int decimals) { return format_decimal(Decimal{minor, decimals}); }

json text_or_null(const std::optional<std::string>& s) { return s ? json(*s) : json(); }

json customer_json(const model::Customer& c, int d) {
  json j = json::object();
  j["id"] = c.id;
  auto values = model::customer_values(c, d);
  auto columns = model::customer_columns();
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == "tags") {
      j["tags"] = c.tags;
    } else if (auto dec = std::get_if<Decimal>(&values[i])) {
      j[columns[i]] = io::json_decimal(*dec);
    } else if (auto n = std::get_if<std::int64_t>(&values[i])) {
      j[columns[i]] = *n;
    } else if (auto s = std::get_if<std::string>(&values[i])) {
      j[columns[i]] = *s;
    } else {
      j[columns[i]] = nullptr;
    }
  }
  j["phone_e164"] = text_or_null(c.phone_e164);
  j["attributes"] = c.attributes;
  return j;
}

json stats_json(const crm::CustomerStats& s, const crm::ContactSummary& k, int d) {
  auto m = [&](std::int64_t v) { return io::json_decimal(Decimal{v, d}); };
  return json{{"orders", s.orders},
              {"first_order_at", text_or_null(s.first_order_at)},
              {"last_order_at", text_or_null(s.last_order_at)},
              {"revenue", m(s.revenue)},
              {"margin", m(s.margin)},
              {"paid", m(s.paid)},
              {"balance", m(s.balance)},
              {"avg_order_value", m(s.avg_order_value)},
              {"oldest_unpaid_at", text_or_null(s.oldest_unpaid_at)},
              {"top_categories", text_or_null(s.top_categories)},
              {"favourite_categories", s.top_categories ? json(favourite_categories(*s.top_categories)) : json::array()},
              {"contacts", k.contacts},
              {"last_contact_at", text_or_null(k.last_contact_at)},
              {"preferred_channel", text_or_null(k.preferred_channel)},
              {"open_promises", k.open_promises}};
}

// The model scores a report stored, as JSON; null when there are none.
json scores_json(const std::optional<crm::StoredScore>& stored, int d) {
  if (!stored) return nullptr;
  const auto& s = stored->score;
  auto opt_real = [](const std::optional<double>& v) { return v ? json(*v) : json(); };
  auto opt_money = [&](const std::optional<std::int64_t>& v) { return v ? io::json_decimal(Decimal{*v, d}) : json(); };
  auto opt_int = [](const std::optional<int>& v) { return v ? json(*v) : json(); };
  return json{{"as_of", stored->as_of},
              {"model", text_or_null(stored->model)},
              {"p_alive", opt_real(s.p_alive)},
              {"expected_purchases", opt_real(s.expected_purchases)},
              {"expected_order_value", opt_money(s.expected_order_value)},
              {"clv", opt_money(s.clv)},
              {"rfm_r", opt_int(s.rfm_r)},
              {"rfm_f", opt_int(s.rfm_f)},
              {"rfm_m", opt_int(s.rfm_m)},
              {"rfm_segment", text_or_null(s.rfm_segment)},
              {"churn_risk", text_or_null(s.churn_risk)}};
}

void line(std::ostream& out, bool color, const std::string& label, const std::string& value) {
  if (value.empty()) return;
  out << (color ? "\x1b[2m" : "") << fmt::format("{:<10}", label) << (color ? "\x1b[0m" : "") << value << '\n';
}

}  // namespace

void print_customer_brief(Context& ctx, std::int64_t id) {
  auto c = *crm::customer_by_id(ctx.session(), id);
  auto values = model::customer_values(c, ctx.money_decimals());
  std::vector<std::string> fields{"id"};
  std::vector<Value> row{c.id};
  auto columns = model::customer_columns();
  fields.insert(fields.end(), columns.begin(), columns.end());
  row.insert(row.end(), values.begin(), values.end());
  render_record(ctx, fields, row);
}

int run_show(Context& ctx, const std::string& ref, std::int64_t recent_orders, std::int64_t recent_contacts) {
  auto pop = crm::screen_pop(ctx.session(), ref, recent_orders, recent_contacts, today_local());
  const auto& c = pop.customer;
  const auto& s = pop.stats;
  const auto& contacts = pop.contacts;
  const auto& aliases = pop.aliases;
  std::int64_t id = c.id;
  int d = ctx.money_decimals();
  auto format = ctx.format();
  if (format == io::OutputFormat::json || format == io::OutputFormat::ndjson) {
    json doc = customer_json(c, d);
    doc["merged_numbers"] = aliases;
    doc["statistics"] = stats_json(s, contacts, d);
    doc["statistics"]["scores"] = scores_json(pop.scores, d);
    add_orders_json(ctx, doc, pop);
    doc["contacts"] = customer_contacts_json(ctx, pop);
    ctx.out() << io::dump_json(doc, format == io::OutputFormat::json ? 2 : -1) << '\n';
    return kExitOk;
  }
  if (format != io::OutputFormat::table) {
    print_customer_brief(ctx, id);
    return kExitOk;
  }
  auto& out = ctx.out();
  bool color = ctx.writer_options().color;
  out << (color ? "\x1b[1m" : "") << c.name << (color ? "\x1b[0m" : "")
      << fmt::format("  #{}{}  {}", c.id, c.number ? "  " + *c.number : "", c.kind) << '\n';
  if (!c.tags.empty()) line(out, color, "tags", model::join_tags(c.tags));
  line(out, color, "phone", c.phone ? *c.phone + (c.phone_e164 && *c.phone_e164 != *c.phone ? "  (" + *c.phone_e164 + ")" : "") : "");
  line(out, color, "email", c.email.value_or(""));
  std::string address;
  for (const auto* part : {&c.street, &c.postal_code, &c.city, &c.country}) {
    if (*part) address += (address.empty() ? "" : (part == &c.city ? " " : ", ")) + **part;
  }
  line(out, color, "address", address);
  line(out, color, "org no", c.org_number.value_or(""));
  line(out, color, "since", c.created_at.value_or(""));
  if (!aliases.empty()) line(out, color, "merged", fmt::format("{}", fmt::join(aliases, ", ")));
  std::string terms;
  if (c.credit_limit) terms += "limit " + money(*c.credit_limit, d);
  if (c.payment_terms_days) terms += (terms.empty() ? "" : ", ") + counted(*c.payment_terms_days, "day");
  line(out, color, "balance", money(s.balance, d) + (terms.empty() ? "" : "  (" + terms + ")"));
  print_account_alerts(ctx, out, color, pop);
  if (s.orders > 0) {
    line(out, color, "revenue", fmt::format("{} in {} (avg {}), margin {}", money(s.revenue, d), counted(s.orders, "order"),
                                            money(s.avg_order_value, d), money(s.margin, d)));
    line(out, color, "orders", fmt::format("first {}, last {}", s.first_order_at.value_or("-"), s.last_order_at.value_or("-")));
  }
  if (pop.scores) {
    const auto& sc = pop.scores->score;
    if (sc.clv) {
      line(out, color, "value", fmt::format("CLV {}, P(alive) {:.2f}  ({} as of {})", money(*sc.clv, d), sc.p_alive.value_or(0),
                                            pop.scores->model.value_or("model"), pop.scores->as_of));
    }
    if (sc.rfm_r) {
      line(out, color, "RFM", fmt::format("{} ({}{}{})", sc.rfm_segment.value_or("no segment"), *sc.rfm_r,
                                          sc.rfm_f.value_or(0), sc.rfm_m.value_or(0)));
    }
    if (sc.churn_risk) line(out, color, "at risk", *sc.churn_risk);
  }
  if (s.top_categories) line(out, color, "buys", fmt::format("{}", fmt::join(favourite_categories(*s.top_categories), ", ")));
  if (s.orders > 0) {
    // What to offer next: the top three categories of `report next`, once there are orders
    // enough for rules to mean something.
    constexpr std::int64_t kMinOrders = 100;
    crm::NextRequest next;
    next.scope.as_of = today_local().substr(0, 10);
    next.customers = {id};
    next.top = 3;
    auto offers = crm::next_report(ctx.session(), next);
    std::vector<std::string> items;
    for (const auto& o : offers.rows.front().offers) {
      items.push_back(fmt::format("{} ({:.0f}%)", o.item, 100 * o.confidence));
    }
    if (!items.empty() && offers.baskets >= kMinOrders) line(out, color, "offer", fmt::format("{}", fmt::join(items, ", ")));
  }
  if (contacts.contacts > 0) {
    line(out, color, "contacts", fmt::format("{} ({} in, {} out), last {}", contacts.contacts, contacts.inbound, contacts.outbound,
                                             contacts.last_contact_at.value_or("-")));
  }
  std::string channel = contacts.preferred_channel.value_or(c.preferred_channel.value_or(""));
  line(out, color, "channel", channel);
  print_customer_contacts(ctx, out, color, pop);
  for (const auto& [k, v] : c.attributes) line(out, color, k, v);
  line(out, color, "notes", c.notes.value_or(""));
  print_recent_orders(ctx, out, color, pop);
  return kExitOk;
}

}  // namespace kunde::cmd
