// kunde customer show: who they are, what they owe and may owe, what they bought.
#include "customer_show.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "io/json_out.hpp"

#include "customer_show_orders.hpp"
#include "clock.hpp"
#include "crm/screen_pop.hpp"
#include "customer_show_contacts.hpp"
#include "options.hpp"
#include "render.hpp"
#include "text/utf8.hpp"

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
              {"uncosted_revenue", m(s.uncosted_revenue)},
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

// Labels in one column, as wide as the longest (custom attributes may be long) plus two.
struct Labels {
  std::ostream& out;
  bool color;
  std::size_t width;
  void line(const std::string& label, const std::string& value) const {
    if (value.empty()) return;
    std::size_t used = text::display_width(label);
    out << (color ? "\x1b[2m" : "") << label << std::string(width > used ? width - used : 2, ' ')
        << (color ? "\x1b[0m" : "") << value << '\n';
  }
};

// The margin covers the revenue whose cost is known: say how much has none.
std::string margin_text(const crm::CustomerStats& s, int d) {
  if (s.uncosted_revenue == 0) return "margin " + money(s.margin, d);
  if (s.uncosted_revenue == s.revenue) return std::string("margin ") + kMarginUnknown;
  return fmt::format("margin {} on {} ({} without a cost)", money(s.margin, d), money(s.revenue - s.uncosted_revenue, d),
                     money(s.uncosted_revenue, d));
}

std::size_t label_width(const model::Customer& c) {
  std::size_t widest = 8;
  for (const auto& [k, v] : c.attributes) widest = std::max(widest, text::display_width(k));
  return widest + 2;
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

// The offers a report stored, as JSON; null when there are none.
json offers_json(const std::optional<crm::StoredOffers>& stored) {
  if (!stored) return nullptr;
  json offers = json::array();
  for (const auto& o : stored->offers) {
    offers.push_back({{"item", o.item}, {"because", o.because}, {"confidence", o.confidence}, {"lift", o.lift}});
  }
  return json{{"as_of", stored->as_of}, {"level", stored->level}, {"offers", offers}};
}

json wallet_json(const std::optional<crm::WalletShare>& w, int d) {
  if (!w) return nullptr;
  return json{{"wallet", io::json_decimal(Decimal{w->wallet, d})},
              {"revenue_12_months", io::json_decimal(Decimal{w->revenue, d})},
              {"share", w->share}};
}

// "bakery (because dairy), beverages (because bakery, dairy)": the best three.
std::string offers_text(const crm::StoredOffers& stored) {
  std::string text;
  for (std::size_t i = 0; i < stored.offers.size() && i < 3; ++i) {
    const auto& o = stored.offers[i];
    text += fmt::format("{}{} (because {})", text.empty() ? "" : ", ", o.item, fmt::join(o.because, ", "));
  }
  return text + fmt::format("  (as of {})", stored.as_of);
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
    doc["statistics"]["share_of_wallet"] = wallet_json(pop.wallet, d);
    doc["statistics"]["next_offers"] = offers_json(pop.offers);
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
  std::size_t width = label_width(c);
  Labels labels{out, color, width};
  out << (color ? "\x1b[1m" : "") << c.name << (color ? "\x1b[0m" : "")
      << fmt::format("  #{}{}  {}", c.id, c.number ? "  " + *c.number : "", c.kind) << '\n';
  labels.line("contact", c.contact_person.value_or(""));
  if (!c.tags.empty()) labels.line("tags", model::join_tags(c.tags));
  labels.line("phone", c.phone ? *c.phone + (c.phone_e164 && *c.phone_e164 != *c.phone ? "  (" + *c.phone_e164 + ")" : "") : "");
  labels.line("email", c.email.value_or(""));
  std::string address;
  // "street, postal code city, country": the city follows its postal code with a space.
  for (const auto* part : {&c.street, &c.postal_code, &c.city, &c.country}) {
    bool after_postal = part == &c.city && c.postal_code;
    if (*part) address += (address.empty() ? "" : (after_postal ? " " : ", ")) + **part;
  }
  labels.line("address", address);
  labels.line("org no", c.org_number.value_or(""));
  labels.line("since", c.created_at.value_or(""));
  if (!aliases.empty()) labels.line("merged", fmt::format("{}", fmt::join(aliases, ", ")));
  std::string terms;
  if (c.credit_limit) terms += "limit " + money(*c.credit_limit, d);
  if (c.payment_terms_days) terms += (terms.empty() ? "" : ", ") + counted(*c.payment_terms_days, "day");
  labels.line("balance", money(s.balance, d) + (terms.empty() ? "" : "  (" + terms + ")"));
  print_account_alerts(ctx, out, color, pop, width);
  if (s.orders > 0) {
    labels.line("revenue", fmt::format("{} in {} (avg {}), {}", money(s.revenue, d), counted(s.orders, "order"),
                                       money(s.avg_order_value, d), margin_text(s, d)));
    labels.line("orders", fmt::format("first {}, last {}", s.first_order_at.value_or("-"), s.last_order_at.value_or("-")));
  }
  if (pop.scores) {
    const auto& sc = pop.scores->score;
    if (sc.clv) {
      labels.line("value", fmt::format("CLV {}, P(alive) {:.2f}  ({} as of {})", money(*sc.clv, d), sc.p_alive.value_or(0),
                                                   pop.scores->model.value_or("model"), pop.scores->as_of));
    }
    if (sc.rfm_r) {
      labels.line("RFM", fmt::format("{} ({}{}{})", sc.rfm_segment.value_or("no segment"), *sc.rfm_r,
                                                 sc.rfm_f.value_or(0), sc.rfm_m.value_or(0)));
    }
    if (sc.churn_risk) labels.line("at risk", *sc.churn_risk);
  }
  if (pop.wallet) {
    labels.line("wallet", fmt::format("{:.1f}% of {}  ({} in the last twelve months)", pop.wallet->share * 100,
                                      money(pop.wallet->wallet, d), money(pop.wallet->revenue, d)));
  }
  if (pop.offers && !pop.offers->offers.empty()) labels.line("offer", offers_text(*pop.offers));
  if (s.top_categories) labels.line("buys", fmt::format("{}", fmt::join(favourite_categories(*s.top_categories), ", ")));
  if (contacts.contacts > 0) {
    labels.line("contacts", fmt::format("{} ({} in, {} out), last {}", contacts.contacts, contacts.inbound, contacts.outbound,
                                             contacts.last_contact_at.value_or("-")));
  }
  std::string channel = contacts.preferred_channel.value_or(c.preferred_channel.value_or(""));
  labels.line("channel", channel);
  print_customer_contacts(ctx, out, color, pop, width);
  for (const auto& [k, v] : c.attributes) labels.line(k, v);
  labels.line("notes", c.notes.value_or(""));
  print_recent_orders(ctx, out, color, pop);
  return kExitOk;
}

}  // namespace kunde::cmd
