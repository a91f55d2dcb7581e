// The orders part of the screen pop. Laid out for an agent on the phone: the warning that
// matters (overdue, over limit) first and in red, then the last orders one per line with
// their lines indented beneath.
#include "io/json_out.hpp"
#include "customer_show_orders.hpp"

#include <fmt/format.h>

#include <cmath>

#include "model/customer.hpp"
#include "values.hpp"

namespace kunde::cmd {
namespace {

using json = nlohmann::ordered_json;

std::string money(std::int64_t minor, int d) { return format_decimal(Decimal{minor, d}); }
json money_json(std::int64_t minor, int d) { return io::json_decimal(Decimal{minor, d}); }

std::string quantity_text(double q) { return to_text(quantity_value(q)); }

}  // namespace

std::vector<std::string> favourite_categories(const std::string& stored) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= stored.size()) {
    auto end = stored.find(';', start);
    if (end == std::string::npos) end = stored.size();
    if (end > start) out.push_back(stored.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

void print_account_alerts(Context& ctx, std::ostream& out, bool color, const crm::ScreenPop& pop,
                          std::size_t width) {
  const auto& a = pop.account;
  int d = ctx.money_decimals();
  std::vector<std::string> alerts;
  if (a.overdue > 0) {
    alerts.push_back(fmt::format("OVERDUE {} (oldest unpaid {}, terms {})", money(a.overdue, d),
                                 a.oldest_unpaid_at.value_or("-").substr(0, 10), counted(a.terms_days, "day")));
  }
  if (a.over_limit()) alerts.push_back(fmt::format("OVER LIMIT by {}", money(a.balance - *a.credit_limit, d)));
  if (alerts.empty()) return;
  out << (color ? "\x1b[1;31m" : "") << fmt::format("{:<{}}{}", "!", width, fmt::join(alerts, "; ")) << (color ? "\x1b[0m" : "")
      << '\n';
}

void print_recent_orders(Context& ctx, std::ostream& out, bool color, const crm::ScreenPop& pop) {
  if (pop.recent_orders.empty()) return;
  int d = ctx.money_decimals();
  out << '\n' << (color ? "\x1b[1m" : "") << "last orders" << (color ? "\x1b[0m" : "") << '\n';
  for (const auto& [s, lines] : pop.recent_orders) {
    bool cancelled = s.order.status == "cancelled";
    std::string status = s.order.status == "completed" ? "" : "  " + s.order.status;
    std::string line = fmt::format("  {:<10}  {:<12} {:>12}  {}{}", s.order.ordered_at.substr(0, 10), s.order.number,
                                   money(s.amount, d), s.order.channel.value_or(""), status);
    // No channel and no status: no blanks left at the end of the line.
    line.erase(line.find_last_not_of(' ') + 1);
    out << (cancelled && color ? "\x1b[2m" : "") << line << (cancelled && color ? "\x1b[0m" : "") << '\n';
    for (const auto& l : lines) {
      if (!l.sku) continue;  // an order-level amount: the order line says it all
      std::string what = l.name && !l.name->empty() ? *l.name : *l.sku;
      out << fmt::format("      {:>5} × {:<34.34} {:>12}", quantity_text(l.line.quantity), what, money(l.line.amount, d))
          << (l.category ? "  " + *l.category : "") << '\n';
    }
  }
}

void add_orders_json(Context& ctx, json& doc, const crm::ScreenPop& pop) {
  int d = ctx.money_decimals();
  const auto& a = pop.account;
  doc["account"] = json{{"invoiced", money_json(a.invoiced, d)},
                        {"paid", money_json(a.paid, d)},
                        {"balance", money_json(a.balance, d)},
                        {"overdue", money_json(a.overdue, d)},
                        {"oldest_unpaid_at", a.oldest_unpaid_at ? json(*a.oldest_unpaid_at) : json()},
                        {"payment_terms_days", a.terms_days},
                        {"credit_limit", a.credit_limit ? money_json(*a.credit_limit, d) : json()},
                        {"over_limit", a.over_limit()}};
  json orders = json::array();
  for (const auto& [s, order_lines] : pop.recent_orders) {
    json lines = json::array();
    for (const auto& l : order_lines) {
      auto opt_money = [&](const std::optional<std::int64_t>& v) { return v ? money_json(*v, d) : json(); };
      auto opt_text = [](const std::optional<std::string>& v) { return v ? json(*v) : json(); };
      lines.push_back(json{{"line", l.line.line}, {"sku", opt_text(l.sku)}, {"name", opt_text(l.name)},
                           {"category", opt_text(l.category)}, {"quantity", io::json_value(quantity_value(l.line.quantity))},
                           {"unit_price", opt_money(l.line.unit_price)}, {"amount", money_json(l.line.amount, d)}});
    }
    orders.push_back(json{{"order", s.order.number}, {"ordered_at", s.order.ordered_at},
                          {"channel", s.order.channel ? json(*s.order.channel) : json()}, {"status", s.order.status},
                          {"amount", money_json(s.amount, d)}, {"lines", lines}});
  }
  doc["recent_orders"] = orders;
}

}  // namespace kunde::cmd
