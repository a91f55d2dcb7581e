// Per-customer statistics on PostgreSQL. The rows of the listed customers are read in one
// pass each (order lines, payments, contacts), ordered by customer, and counted here with the
// store's DerivedRules (lib/crm/statistics.hpp defines them), exactly as the SQLite backend
// counts them; the rows are then replaced with COPY. A customer without orders that count
// and with nothing paid has no order statistics row; one without contacts no contact row.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/derived_rules.hpp"
#include "store/pg/derived.hpp"

namespace kunde::store::pg {
namespace {

struct CustomerOrders {
  std::vector<OrderTotal> orders;
  std::map<std::string, std::int64_t, std::less<>> categories;
  std::vector<CategoryAmount> amounts;

  // The order's freight is a cost of the order, counted with its first line.
  void add_line(std::int64_t order_id, std::string_view at, std::int64_t freight, std::int64_t amount,
                std::optional<std::int64_t> cost, std::optional<std::string_view> category) {
    if (orders.empty() || orders.back().id != order_id) orders.push_back({order_id, std::string(at), 0, freight, 0});
    OrderTotal& o = orders.back();
    o.total += amount;
    if (cost) {
      o.cost += *cost;
    } else {
      o.uncosted += amount;
    }
    if (category) {
      auto it = categories.find(*category);
      if (it == categories.end()) it = categories.emplace(std::string(*category), 0).first;
      it->second += amount;
    }
  }
  void clear() {
    orders.clear();
    categories.clear();
  }
};

// One statistics row in COPY format, or nothing when the customer needs none.
void order_stats_row(std::string& out, const DerivedRules& rules, std::int64_t id, CustomerOrders& c,
                     std::int64_t paid) {
  if (c.orders.empty() && paid == 0) return;
  std::sort(c.orders.begin(), c.orders.end(),
            [](const OrderTotal& a, const OrderTotal& b) { return std::tie(a.at, a.id) < std::tie(b.at, b.id); });
  c.amounts.clear();
  for (const auto& [name, amount] : c.categories) c.amounts.push_back({name, amount});
  OrderFigures f = rules.order_figures(c.orders, c.amounts, paid);
  copy_field(out, id);
  copy_field(out, f.first_order_at);
  copy_field(out, f.last_order_at);
  copy_field(out, f.orders);
  copy_field(out, f.revenue);
  copy_field(out, f.cost);
  copy_field(out, f.margin);
  copy_field(out, f.invoiced);
  copy_field(out, f.paid);
  copy_field(out, f.balance);
  copy_field(out, f.avg_order_value);
  copy_field(out, f.oldest_unpaid_at);
  copy_field(out, f.top_categories);
  copy_field(out, f.uncosted_revenue, true);
}

constexpr const char* kOrderStatsCopy =
    "COPY customer_order_stats(customer_id, first_order_at, last_order_at, orders, revenue, cost, margin, invoiced, "
    "paid, balance, avg_order_value, oldest_unpaid_at, top_categories, uncosted_revenue) FROM STDIN";

struct ChannelCounts {
  std::int64_t in = 0, out = 0;
  std::string last_in;
};

struct CustomerContacts {
  std::map<std::string, ChannelCounts, std::less<>> channels;
  std::int64_t contacts = 0, complaints = 0, promises = 0, follow_ups = 0;
  std::string last_at;
  std::optional<std::string> next_follow_up;

  void add(std::string_view channel, bool inbound, std::string_view at, bool complaint, bool promise,
           std::string_view follow_up_at, bool open) {
    auto it = channels.find(channel);
    if (it == channels.end()) it = channels.emplace(std::string(channel), ChannelCounts{}).first;
    ChannelCounts& ch = it->second;
    if (inbound) {
      ++ch.in;
      if (at > ch.last_in) ch.last_in = std::string(at);
    } else {
      ++ch.out;
    }
    ++contacts;
    if (at > last_at) last_at = std::string(at);
    if (complaint) ++complaints;
    if (open && promise) ++promises;
    if (open && !follow_up_at.empty()) {
      ++follow_ups;
      if (!next_follow_up || follow_up_at < *next_follow_up) next_follow_up = std::string(follow_up_at);
    }
  }
};

void json_string(std::string& out, std::string_view s) {
  out += '"';
  for (char ch : s) {
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (static_cast<unsigned char>(ch) < 0x20) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[(ch >> 4) & 0xF];
      out += kHex[ch & 0xF];
    } else {
      out += ch;
    }
  }
  out += '"';
}

void contact_stats_row(std::string& out, const DerivedRules& rules, std::int64_t id, const CustomerContacts& c) {
  std::int64_t in = 0, outbound = 0;
  std::vector<ChannelUse> uses;
  std::string by_channel = "{";
  for (const auto& [name, counts] : c.channels) {
    in += counts.in;
    outbound += counts.out;
    uses.push_back({name, counts.in, counts.out, counts.last_in});
    if (by_channel.size() > 1) by_channel += ',';
    json_string(by_channel, name);
    by_channel += ":{\"in\":" + std::to_string(counts.in) + ",\"out\":" + std::to_string(counts.out) + "}";
  }
  by_channel += '}';
  std::optional<std::string> preferred;
  if (auto p = rules.preferred_channel(uses); !p.empty()) preferred = std::string(p);
  copy_field(out, id);
  copy_field(out, c.contacts);
  copy_field(out, in);
  copy_field(out, outbound);
  copy_field(out, std::string_view(c.last_at));
  copy_field(out, c.complaints);
  copy_field(out, c.promises);
  copy_field(out, c.follow_ups);
  copy_field(out, c.next_follow_up);
  copy_field(out, preferred);
  copy_field(out, std::string_view(by_channel), true);
}

constexpr const char* kContactStatsCopy =
    "COPY customer_contact_stats(customer_id, contacts, inbound, outbound, last_contact_at, complaints, open_promises, "
    "open_follow_ups, next_follow_up_at, preferred_channel, by_channel) FROM STDIN";

constexpr std::size_t kCopyChunk = 4 << 20;

}  // namespace

void refresh_order_stats(Connection& db, const std::vector<std::int64_t>& customers) {
  if (customers.empty()) return;
  const DerivedRules& rules = db.rules();
  Params ids(int_array(customers));
  db.exec("DELETE FROM customer_order_stats WHERE customer_id = ANY ($1::bigint[])", ids);
  std::map<std::int64_t, std::int64_t> paid;
  {
    Result r = db.exec("SELECT customer_id, sum(amount) FROM payments WHERE customer_id = ANY ($1::bigint[]) GROUP BY 1",
                       ids);
    for (int i = 0; i < r.rows(); ++i) paid[r.row(i).int64(0)] = r.row(i).int64(1);
  }
  std::string data;
  CustomerOrders c;
  std::int64_t current = 0;
  auto end_customer = [&] {
    if (!current) return;
    auto p = paid.find(current);
    order_stats_row(data, rules, current, c, p == paid.end() ? 0 : p->second);
    if (p != paid.end()) paid.erase(p);
    c.clear();
    current = 0;
  };
  auto send = [&] {
    if (!data.empty()) db.copy_in(kOrderStatsCopy, data);
    data.clear();
  };
  db.stream(
      "SELECT o.customer_id, o.id, o.ordered_at, l.amount, l.cost, p.category, coalesce(o.freight, 0) "
      "FROM orders o JOIN order_lines l ON l.order_id = o.id "
      "LEFT JOIN products p ON p.id = l.product_id AND p.category <> '' "
      "WHERE o.customer_id = ANY ($1::bigint[]) AND o.status <> 'cancelled' ORDER BY o.customer_id, o.id",
      ids, [&](const Row& r) {
        std::int64_t id = r.int64(0);
        if (id != current) {
          end_customer();
          if (data.size() > kCopyChunk) send();
          current = id;
        }
        std::optional<std::string_view> category;
        if (!r.is_null(5)) category = r.text_view(5);
        c.add_line(r.int64(1), r.text_view(2), r.int64(6), r.int64(3), r.opt_int(4), category);
      });
  end_customer();
  // Customers who paid something but have no orders that count.
  for (const auto& [id, amount] : paid) {
    CustomerOrders none;
    order_stats_row(data, rules, id, none, amount);
  }
  send();
}

std::vector<std::int64_t> refresh_paid(Connection& db, const std::vector<std::int64_t>& customers) {
  std::vector<std::int64_t> owing;
  if (customers.empty()) return owing;
  const DerivedRules& rules = db.rules();
  Result r = db.exec(
      "SELECT b.id, s.customer_id IS NOT NULL, coalesce(s.invoiced, 0), coalesce(s.orders, 0), "
      "coalesce((SELECT sum(p.amount) FROM payments p WHERE p.customer_id = b.id), 0) "
      "FROM unnest($1::bigint[]) b(id) JOIN customers c ON c.id = b.id "
      "LEFT JOIN customer_order_stats s ON s.customer_id = b.id ORDER BY b.id",
      Params(int_array(customers)));
  for (int i = 0; i < r.rows(); ++i) {
    auto row = r.row(i);
    std::int64_t id = row.int64(0), invoiced = row.int64(2), orders = row.int64(3), paid = row.int64(4);
    if (!row.boolean(1) || !rules.settled(invoiced, paid) || (orders == 0 && paid == 0)) {
      owing.push_back(id);
      continue;
    }
    db.exec("UPDATE customer_order_stats SET paid = $1, balance = invoiced - $1, oldest_unpaid_at = NULL "
            "WHERE customer_id = $2",
            Params(paid, id));
  }
  return owing;
}

void refresh_contact_stats(Connection& db, const std::vector<std::int64_t>& customers) {
  if (customers.empty()) return;
  const DerivedRules& rules = db.rules();
  Params ids(int_array(customers));
  db.exec("DELETE FROM customer_contact_stats WHERE customer_id = ANY ($1::bigint[])", ids);
  std::string data;
  CustomerContacts c;
  std::int64_t current = 0;
  auto send = [&] {
    if (!data.empty()) db.copy_in(kContactStatsCopy, data);
    data.clear();
  };
  db.stream(
      "SELECT customer_id, channel, direction = 'in', at, outcome, reason, subject, promise IS NOT NULL, "
      "follow_up_at, done_at IS NULL FROM contacts WHERE customer_id = ANY ($1::bigint[]) ORDER BY customer_id",
      ids, [&](const Row& r) {
        std::int64_t id = r.int64(0);
        if (current && id != current) {
          contact_stats_row(data, rules, current, c);
          c = CustomerContacts{};
          if (data.size() > kCopyChunk) send();
        }
        current = id;
        bool complaint = rules.is_complaint(r.text_view(6), r.text_view(4), r.text_view(5));
        c.add(r.text_view(1), r.boolean(2), r.text_view(3), complaint, r.boolean(7), r.text_view(8), r.boolean(9));
      });
  if (current) contact_stats_row(data, rules, current, c);
  send();
}

}  // namespace kunde::store::pg
