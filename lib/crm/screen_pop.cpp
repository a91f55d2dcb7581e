// Gathering the screen pop.
#include "crm/screen_pop.hpp"

#include "crm/customer_resolver.hpp"
#include "store/store.hpp"

namespace kunde::crm {

ScreenPop screen_pop(Session& s, std::string_view ref, std::int64_t recent_orders, std::int64_t recent_contacts,
                     const std::string& today) {
  auto& store = s.store();
  ScreenPop p;
  std::int64_t id = s.resolver().resolve_one(ref);
  p.customer = *store.customers().by_id(id);
  p.aliases = store.customers().aliases(id);
  p.stats = store.customers().stats(id);
  p.account = account(s, id, today);
  p.contacts = store.contacts().summary(id);
  p.scores = store.analytics().scores(id);
  p.offers = store.analytics().offers(id);
  p.wallet = customer_wallet_share(s, id, p.customer.wallet, today);

  std::map<std::string, std::int64_t> contacts_by_channel, orders_by_channel;
  for (const auto& [channel, n] : p.contacts.by_channel) contacts_by_channel[channel] = n.first + n.second;
  CostTable costs = cost_table(s.config(), s.money_decimals());
  if (!costs.order.empty()) orders_by_channel = store.orders().orders_by_channel(id);
  p.cost = cost_to_serve(costs, contacts_by_channel, orders_by_channel);

  DueFilter due;
  due.as_of = today;
  due.within_days.reset();  // everything open, however far ahead
  due.customer_id = id;
  store.contacts().due(due, [&](const DueItem& d) { p.open.push_back(d); });

  if (recent_contacts > 0) {
    ContactFilter f;
    f.customer_id = id;
    f.newest_first = true;
    f.limit = recent_contacts;
    store.contacts().list(f, [&](const ContactRow& r) { p.recent_contacts.push_back(r); });
  }
  if (recent_orders > 0) {
    OrderFilter f;
    f.customer_id = id;
    f.newest_first = true;
    f.limit = recent_orders;
    store.orders().list(f, [&](const OrderSummary& o) { p.recent_orders.push_back({o, {}}); });
    for (auto& o : p.recent_orders) o.lines = store.orders().lines(o.summary.order.id);
  }
  return p;
}

}  // namespace kunde::crm
