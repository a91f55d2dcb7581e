// The contact part of the screen pop.
#include "customer_show_contacts.hpp"

#include "io/json_out.hpp"
#include "text/utf8.hpp"

#include <fmt/format.h>


#include <algorithm>

namespace kunde::cmd {
namespace {

using json = nlohmann::ordered_json;

constexpr std::int64_t kOpenShown = 10;

json text_or_null(const std::optional<std::string>& s) { return s ? json(*s) : json(); }

json contact_item(const crm::ContactRow& r) {
  const auto& k = r.contact;
  return json{{"id", k.id},         {"at", k.at},
              {"channel", k.channel}, {"direction", k.direction},
              {"subject", text_or_null(k.subject)}, {"outcome", text_or_null(k.outcome)},
              {"follow_up_at", text_or_null(k.follow_up_at)}, {"promise", text_or_null(k.promise)},
              {"owner", text_or_null(k.owner)}, {"done_at", text_or_null(k.done_at)}};
}

void label(std::ostream& out, bool color, const std::string& name, const std::string& value, std::size_t width) {
  std::size_t used = text::display_width(name);
  out << (color ? "\x1b[2m" : "") << name << std::string(width > used ? width - used : 2, ' ') << (color ? "\x1b[0m" : "")
      << value << '\n';
}

// "phone 3 × 45.00, ...": the parts of the cost to serve.
std::string cost_parts(const crm::CostToServe& cost, int d) {
  std::vector<std::string> parts;
  for (const auto& p : cost.parts) {
    parts.push_back(fmt::format("{}{} {} × {}", p.what == "order" ? "orders " : "", p.channel, p.count,
                                format_decimal(Decimal{p.unit, d})));
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

}  // namespace

json customer_contacts_json(Context& ctx, const crm::ScreenPop& pop) {
  const auto& s = pop.contacts;
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
  const auto& cost = pop.cost;
  doc["cost_to_serve"] = cost.configured ? io::json_decimal(Decimal{cost.total, ctx.money_decimals()}) : json();
  doc["cost_to_serve_configured"] = cost.configured;
  json open = json::array();
  for (const auto& d : pop.open) {
    json item = contact_item(d.row);
    item["due"] = d.due;
    item["overdue_days"] = d.days_late;
    open.push_back(std::move(item));
  }
  doc["open"] = open;
  json last = json::array();
  for (const auto& r : pop.recent_contacts) last.push_back(contact_item(r));
  doc["recent"] = last;
  return doc;
}

void print_customer_contacts(Context& ctx, std::ostream& out, bool color, const crm::ScreenPop& pop,
                             std::size_t width) {
  const auto& s = pop.contacts;
  if (s.complaints > 0) label(out, color, "complaint", fmt::format("{} recorded", s.complaints), width);
  const auto& cost = pop.cost;
  bool served = s.contacts > 0 || pop.stats.orders > 0;
  if (!cost.configured) {
    if (s.contacts > 0) label(out, color, "cost", "cost to serve not configured: set [costs.contact] in the config", width);
  } else if (served && (!cost.parts.empty() || !cost.uncosted.empty())) {
    std::string detail = cost_parts(cost, ctx.money_decimals());
    if (!cost.uncosted.empty()) {
      detail += fmt::format("{}no cost set for {}", detail.empty() ? "" : "; ", fmt::join(cost.uncosted, ", "));
    }
    bool orders = std::any_of(cost.parts.begin(), cost.parts.end(), [](const auto& p) { return p.what == "order"; });
    label(out, color, "cost", fmt::format("{} to serve by contacts{} ({})", format_decimal(Decimal{cost.total, ctx.money_decimals()}),
                                          orders ? " and orders" : "", detail), width);
  }
  const auto& open = pop.open;
  for (std::size_t i = 0; i < open.size() && i < static_cast<std::size_t>(kOpenShown); ++i) {
    const auto& d = open[i];
    const auto& k = d.row.contact;
    std::string when = d.days_late > 0 ? fmt::format("{} ({} overdue)", d.due, counted(d.days_late, "day")) : d.due;
    std::string what = k.promise ? "promised: " + *k.promise : k.subject.value_or("follow up");
    label(out, color, i == 0 ? "open" : "", fmt::format("{}  {}  [{}]{}", when, what, k.id, k.owner ? "  " + *k.owner : ""), width);
  }
  if (open.size() > static_cast<std::size_t>(kOpenShown)) {
    label(out, color, "", fmt::format("... {} more: kunde contact due --customer #{}", open.size() - kOpenShown, pop.customer.id), width);
  }
  const auto& last = pop.recent_contacts;
  for (std::size_t i = 0; i < last.size(); ++i) {
    const auto& k = last[i].contact;
    label(out, color, i == 0 ? "recent" : "",
          fmt::format("{}  {} {}  {}{}", k.at, k.channel, k.direction, k.subject.value_or("-"),
                      k.outcome ? " (" + *k.outcome + ")" : ""), width);
  }
}

}  // namespace kunde::cmd
