// The contact part of the screen pop.
#include "customer_show_contacts.hpp"

#include "io/json_out.hpp"

#include <fmt/format.h>

#include <cmath>

#include "clock.hpp"
#include "store/contact_repo.hpp"

namespace kunde::cmd {
namespace {

using json = nlohmann::ordered_json;

constexpr std::int64_t kOpenShown = 10;

json text_or_null(const std::optional<std::string>& s) { return s ? json(*s) : json(); }

// Cost to serve through contacts: contacts per channel × [costs.contact] cost of the channel,
// in minor units. Empty when no contact costs are configured.
struct Cost {
  bool configured = false;
  std::int64_t total = 0;
  std::vector<std::string> parts;     // "phone 3 × 45.00"
  std::vector<std::string> uncosted;  // channels used that have no cost
};

Cost cost_to_serve(Context& ctx, const store::ContactSummary& s) {
  Cost c;
  auto costs = ctx.config().numbers_under("costs.contact");
  if (costs.empty()) return c;
  c.configured = true;
  int d = ctx.money_decimals();
  double scale = std::pow(10.0, d);
  for (const auto& [channel, n] : s.by_channel) {
    std::int64_t count = n.first + n.second;
    auto it = costs.find(channel);
    if (it == costs.end()) {
      c.uncosted.push_back(channel);
      continue;
    }
    auto unit = static_cast<std::int64_t>(std::llround(it->second * scale));
    c.total += unit * count;
    c.parts.push_back(fmt::format("{} {} × {}", channel, count, format_decimal(Decimal{unit, d})));
  }
  return c;
}

json contact_item(const store::ContactRow& r) {
  const auto& k = r.contact;
  return json{{"id", k.id},         {"at", k.at},
              {"channel", k.channel}, {"direction", k.direction},
              {"subject", text_or_null(k.subject)}, {"outcome", text_or_null(k.outcome)},
              {"follow_up_at", text_or_null(k.follow_up_at)}, {"promise", text_or_null(k.promise)},
              {"owner", text_or_null(k.owner)}, {"done_at", text_or_null(k.done_at)}};
}

void label(std::ostream& out, bool color, const std::string& name, const std::string& value) {
  out << (color ? "\x1b[2m" : "") << fmt::format("{:<10}", name) << (color ? "\x1b[0m" : "") << value << '\n';
}

std::vector<store::DueItem> open_items(store::ContactRepo& repo, std::int64_t customer_id) {
  // Everything open, however far ahead: a far future date stands in for "no limit".
  store::DueFilter f;
  f.as_of = today_local();
  f.within_days = 365 * 100;
  f.customer_id = customer_id;
  std::vector<store::DueItem> items;
  repo.due(f, [&](const store::DueItem& d) { items.push_back(d); });
  return items;
}

std::vector<store::ContactRow> recent(store::ContactRepo& repo, std::int64_t customer_id, std::int64_t count) {
  if (count <= 0) return {};
  store::ContactFilter f;
  f.customer_id = customer_id;
  f.newest_first = true;
  f.limit = count;
  std::vector<store::ContactRow> rows;
  repo.list(f, [&](const store::ContactRow& r) { rows.push_back(r); });
  return rows;
}

}  // namespace

json customer_contacts_json(Context& ctx, std::int64_t customer_id, const store::ContactSummary& s,
                            std::int64_t recent_contacts) {
  store::ContactRepo repo(ctx.db());
  json by_channel = json::object();
  for (const auto& [ch, n] : s.by_channel) by_channel[ch] = json{{"in", n.first}, {"out", n.second}};
  json doc = json{{"contacts", s.contacts},
                  {"inbound", s.inbound},
                  {"outbound", s.outbound},
                  {"last_contact_at", text_or_null(s.last_contact_at)},
                  {"preferred_channel", text_or_null(s.preferred_channel)},
                  {"complaints", s.complaints},
                  {"open_promises", s.open_promises},
                  {"open_follow_ups", s.open_follow_ups},
                  {"next_follow_up_at", text_or_null(s.next_follow_up_at)},
                  {"by_channel", by_channel}};
  auto cost = cost_to_serve(ctx, s);
  doc["cost_to_serve"] = cost.configured ? io::json_decimal(Decimal{cost.total, ctx.money_decimals()}) : json();
  doc["cost_to_serve_configured"] = cost.configured;
  json open = json::array();
  for (const auto& d : open_items(repo, customer_id)) {
    json item = contact_item(d.row);
    item["due"] = d.due;
    item["overdue_days"] = d.days_late;
    open.push_back(std::move(item));
  }
  doc["open"] = open;
  json last = json::array();
  for (const auto& r : recent(repo, customer_id, recent_contacts)) last.push_back(contact_item(r));
  doc["recent"] = last;
  return doc;
}

void print_customer_contacts(Context& ctx, std::ostream& out, bool color, std::int64_t customer_id,
                             const store::ContactSummary& s, std::int64_t recent_contacts) {
  store::ContactRepo repo(ctx.db());
  if (s.complaints > 0) label(out, color, "complaint", fmt::format("{} recorded", s.complaints));
  auto cost = cost_to_serve(ctx, s);
  if (!cost.configured) {
    if (s.contacts > 0) label(out, color, "cost", "cost to serve not configured: set [costs.contact] in the config");
  } else if (s.contacts > 0) {
    std::string detail = fmt::format("{}", fmt::join(cost.parts, ", "));
    if (!cost.uncosted.empty()) {
      detail += fmt::format("{}no cost set for {}", detail.empty() ? "" : "; ", fmt::join(cost.uncosted, ", "));
    }
    label(out, color, "cost", fmt::format("{} to serve by contacts ({})", format_decimal(Decimal{cost.total, ctx.money_decimals()}), detail));
  }
  auto open = open_items(repo, customer_id);
  for (std::size_t i = 0; i < open.size() && i < static_cast<std::size_t>(kOpenShown); ++i) {
    const auto& d = open[i];
    const auto& k = d.row.contact;
    std::string when = d.days_late > 0 ? fmt::format("{} ({} overdue)", d.due, counted(d.days_late, "day")) : d.due;
    std::string what = k.promise ? "promised: " + *k.promise : k.subject.value_or("follow up");
    label(out, color, i == 0 ? "open" : "", fmt::format("{}  {}  [{}]{}", when, what, k.id, k.owner ? "  " + *k.owner : ""));
  }
  if (open.size() > static_cast<std::size_t>(kOpenShown)) {
    label(out, color, "", fmt::format("... {} more: kunde contact due --customer #{}", open.size() - kOpenShown, customer_id));
  }
  auto last = recent(repo, customer_id, recent_contacts);
  for (std::size_t i = 0; i < last.size(); ++i) {
    const auto& k = last[i].contact;
    label(out, color, i == 0 ? "recent" : "",
          fmt::format("{}  {} {}  {}{}", k.at, k.channel, k.direction, k.subject.value_or("-"),
                      k.outcome ? " (" + *k.outcome + ")" : ""));
  }
}

}  // namespace kunde::cmd
