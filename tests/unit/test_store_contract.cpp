// The store contract: what every backend of store::Store must do, written against the
// interface alone and run on each backend store_backends() lists. Derived statistics are
// checked against crm's definitions applied to the rows the store hands back.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "crm/main_category.hpp"
#include "crm/segment_fields.hpp"
#include "crm/segment_rule.hpp"
#include "crm/statistics.hpp"
#include "error.hpp"
#include "helpers.hpp"
#include "store/copy.hpp"
#include "store/store.hpp"
#include "store_backends.hpp"

using namespace kunde;
using Ids = std::vector<std::int64_t>;
using Strings = std::vector<std::string>;

namespace {

// Runs `test` on a fresh store of every backend.
void for_each_backend(const std::function<void(store::Store&, const test::TempDir&)>& test) {
  static const crm::StatisticsRules rules;
  for (const auto& backend : test::store_backends()) {
    INFO("backend: " << backend.name);
    test::TempDir dir;
    auto s = backend.open(dir, rules);
    REQUIRE(s);
    test(*s, dir);
  }
}

// Runs `body` in one write command; the new history entry's id (0: nothing changed).
std::int64_t in_write(store::Store& s, const std::string& command, const std::function<void()>& body) {
  auto w = s.begin_write(command);
  body();
  return w->commit(command + " done");
}

model::Customer person(std::string number, std::string name, std::string city = "Oslo", std::string country = "NO") {
  model::Customer c;
  c.number = std::move(number);
  c.name = std::move(name);
  c.city = std::move(city);
  c.country = std::move(country);
  return c;
}

model::Product product(std::string sku, std::string name, std::optional<std::string> category,
                       std::optional<std::int64_t> price, std::optional<std::int64_t> cost) {
  model::Product p;
  p.sku = std::move(sku);
  p.name = std::move(name);
  p.category = std::move(category);
  p.list_price = price;
  p.unit_cost = cost;
  return p;
}

model::OrderLine line(std::int64_t n, std::optional<std::int64_t> product, double quantity, std::int64_t amount,
                      std::optional<std::int64_t> cost) {
  model::OrderLine l;
  l.line = n;
  l.product_id = product;
  l.quantity = quantity;
  l.unit_price = quantity != 0 ? std::optional<std::int64_t>(static_cast<std::int64_t>(amount / quantity)) : std::nullopt;
  l.amount = amount;
  l.cost = cost;
  return l;
}

model::Contact contact(std::int64_t customer, std::string at, std::string channel, std::string direction) {
  model::Contact k;
  k.customer_id = customer;
  k.at = std::move(at);
  k.channel = std::move(channel);
  k.direction = std::move(direction);
  return k;
}

// A small business: three customers, three products, five orders (one cancelled, one a
// credit note, one an order-level row), two payments and five contacts.
struct Seed {
  std::int64_t kari = 0, ola = 0, per = 0;
  std::int64_t book = 0, game = 0, pen = 0;
  std::int64_t o1 = 0, o2 = 0, o3 = 0, o4 = 0, o5 = 0;
  std::int64_t c1 = 0, c2 = 0, c3 = 0, c4 = 0, c5 = 0;
  std::int64_t entry = 0;
};

Seed seed(store::Store& s) {
  Seed x;
  x.entry = in_write(s, "seed", [&] {
    model::Customer kari = person("K-1", "Kari Nordmann", "Tromsø");
    kari.email = "Kari@Example.no";
    kari.email_key = "kari@example.no";
    kari.phone = "+47 912 34 567";
    kari.phone_e164 = "+4791234567";
    kari.payment_terms_days = 10;
    kari.credit_limit = 1000;
    kari.tags = {"vip"};
    x.kari = s.customers().insert(kari);
    model::Customer ola = person("K-2", "Ola Hansen", "Bergen");
    ola.phone = "22 33 44 55";
    ola.phone_e164 = "+4722334455";
    x.ola = s.customers().insert(ola);
    x.per = s.customers().insert(person("K-3", "Per Persson", "Göteborg", "SE"));

    x.book = s.products().insert(product("S-BOOK", "Bøker om Åsen", "books", 10000, 4000));
    x.game = s.products().insert(product("S-GAME", "Spill", "games", 5000, 1000));
    x.pen = s.products().insert(product("S-PEN", "Penn", std::nullopt, 500, std::nullopt));

    auto order = [&](const char* number, std::int64_t customer, const char* at, std::optional<std::string> channel,
                     const char* status, const std::vector<model::OrderLine>& lines) {
      model::Order o;
      o.number = number;
      o.customer_id = customer;
      o.ordered_at = at;
      o.channel = std::move(channel);
      o.status = status;
      std::int64_t id = s.orders().insert(o);
      for (const auto& l : lines) s.orders().insert_line(id, l);
      return id;
    };
    x.o1 = order("O-1", x.kari, "2026-01-01", "web", "completed", {line(1, x.book, 1, 10000, 4000)});
    x.o2 = order("O-2", x.kari, "2026-02-01", "phone", "completed",
                 {line(1, x.game, 1, 5000, 1000), line(2, x.pen, 2, 1000, std::nullopt)});
    x.o3 = order("O-3", x.kari, "2026-01-15", "web", "cancelled", {line(1, x.book, 1, 10000, 4000)});
    x.o4 = order("O-4", x.kari, "2026-03-01", std::nullopt, "completed", {line(1, x.game, -1, -5000, -1000)});
    x.o5 = order("O-5", x.ola, "2026-01-10", "retail", "completed", {line(1, std::nullopt, 1, 2000, 500)});

    s.payments().insert({0, "P-1", x.kari, "2026-01-20", 9000});
    s.payments().insert({0, "P-2", x.ola, "2026-01-11", 2000});

    // Inserted in the order they happened, so "oldest first" means one thing.
    auto c5 = contact(x.kari, "2026-02-01", "phone", "in");
    x.c5 = s.contacts().insert(c5);
    auto c1 = contact(x.kari, "2026-03-01", "phone", "in");
    c1.subject = "Complaint about invoice";
    c1.follow_up_at = "2026-03-10";
    c1.owner = "Anna";
    x.c1 = s.contacts().insert(c1);
    auto c4 = contact(x.ola, "2026-03-01", "visit", "in");
    c4.key = "V-1";
    c4.follow_up_at = "2026-04-01";
    x.c4 = s.contacts().insert(c4);
    auto c2 = contact(x.kari, "2026-03-02T10:00:00", "email", "out");
    c2.subject = "Tilbud";
    c2.promise = "send the offer";
    c2.owner = "anna";
    x.c2 = s.contacts().insert(c2);
    auto c3 = contact(x.kari, "2026-03-03", "email", "in");
    c3.notes = "Spørsmål om faktura";
    x.c3 = s.contacts().insert(c3);
  });
  return x;
}

// The order figures crm's definitions give from the rows the store hands back.
store::OrderFigures figures_from_rows(store::Store& s, std::int64_t customer) {
  store::OrderFilter f;
  f.customer_id = customer;
  std::vector<store::OrderTotal> orders;
  s.orders().list(f, [&](const store::OrderSummary& o) {
    if (o.order.status != "cancelled" && o.lines > 0) orders.push_back({o.order.id, o.order.ordered_at, o.amount, o.cost, o.uncosted});
  });
  std::map<std::string, std::int64_t> by_category;
  s.orders().export_lines(f, [&](const store::OrderSummary& o, const store::LineView& l) {
    if (o.order.status != "cancelled" && l.category && !l.category->empty()) by_category[*l.category] += l.line.amount;
  });
  std::vector<store::CategoryAmount> categories;
  for (const auto& [name, amount] : by_category) categories.push_back({name, amount});
  return crm::order_figures(orders, categories, s.payments().paid(customer));
}

// The materialised statistics equal the definitions applied to the rows.
void check_order_stats(store::Store& s, std::int64_t customer) {
  CAPTURE(customer);
  auto want = figures_from_rows(s, customer);
  auto got = s.customers().stats(customer);
  CHECK(got.orders == want.orders);
  CHECK(got.revenue == want.revenue);
  CHECK(got.cost == want.cost);
  CHECK(got.margin == want.margin);
  CHECK(got.uncosted_revenue == want.uncosted_revenue);
  CHECK(got.paid == want.paid);
  CHECK(got.balance == want.balance);
  CHECK(got.avg_order_value == want.avg_order_value);
  CHECK(got.first_order_at == want.first_order_at);
  CHECK(got.last_order_at == want.last_order_at);
  CHECK(got.oldest_unpaid_at == want.oldest_unpaid_at);
  CHECK(got.top_categories == want.top_categories);
  // What payments settle is what the figures count.
  std::int64_t invoiced = 0;
  for (const auto& i : s.orders().invoices(customer)) invoiced += i.total;
  CHECK(invoiced == want.invoiced);
}

void check_contact_stats(store::Store& s, std::int64_t customer) {
  CAPTURE(customer);
  struct Use {
    std::int64_t in = 0, out = 0;
    std::string last_in;
  };
  std::map<std::string, Use> uses;
  store::ContactSummary want;
  store::ContactFilter f;
  f.customer_id = customer;
  s.contacts().list(f, [&](const store::ContactRow& r) {
    const auto& k = r.contact;
    ++want.contacts;
    auto& u = uses[k.channel];
    if (k.direction == "in") {
      ++want.inbound, ++u.in;
      u.last_in = std::max(u.last_in, k.at);
    } else {
      ++want.outbound, ++u.out;
    }
    if (crm::is_complaint(k.subject.value_or(""), k.outcome.value_or(""), k.reason.value_or(""))) ++want.complaints;
    if (!k.done_at && k.promise) ++want.open_promises;
    if (!k.done_at && k.follow_up_at) {
      ++want.open_follow_ups;
      if (!want.next_follow_up_at || *k.follow_up_at < *want.next_follow_up_at) want.next_follow_up_at = k.follow_up_at;
    }
    if (!want.last_contact_at || k.at > *want.last_contact_at) want.last_contact_at = k.at;
  });
  std::vector<store::ChannelUse> channels;
  for (const auto& [name, u] : uses) {
    channels.push_back({name, u.in, u.out, u.last_in});
    want.by_channel[name] = {u.in, u.out};
  }
  if (auto p = crm::preferred_channel(channels); !p.empty()) want.preferred_channel = std::string(p);
  auto got = s.contacts().summary(customer);
  CHECK(got.contacts == want.contacts);
  CHECK(got.inbound == want.inbound);
  CHECK(got.outbound == want.outbound);
  CHECK(got.complaints == want.complaints);
  CHECK(got.open_promises == want.open_promises);
  CHECK(got.open_follow_ups == want.open_follow_ups);
  CHECK(got.last_contact_at == want.last_contact_at);
  CHECK(got.next_follow_up_at == want.next_follow_up_at);
  CHECK(got.preferred_channel == want.preferred_channel);
  CHECK(got.by_channel == want.by_channel);
}

void check_all_stats(store::Store& s) {
  Ids ids;
  s.customers().list({}, [&](const model::Customer& c) { ids.push_back(c.id); });
  for (auto id : ids) {
    check_order_stats(s, id);
    check_contact_stats(s, id);
  }
}

Ids customer_ids(store::Store& s, const store::CustomerFilter& f) {
  Ids out;
  s.customers().list(f, [&](const model::Customer& c) { out.push_back(c.id); });
  return out;
}

Strings order_numbers(store::Store& s, const store::OrderFilter& f) {
  Strings out;
  s.orders().list(f, [&](const store::OrderSummary& o) { out.push_back(o.order.number); });
  return out;
}

Ids contact_ids(store::Store& s, const store::ContactFilter& f) {
  Ids out;
  s.contacts().list(f, [&](const store::ContactRow& r) { out.push_back(r.contact.id); });
  return out;
}

Ids due_ids(store::Store& s, const store::DueFilter& f) {
  Ids out;
  s.contacts().due(f, [&](const store::DueItem& d) { out.push_back(d.row.contact.id); });
  return out;
}

Strings payment_refs(store::Store& s, const store::PaymentFilter& f) {
  Strings out;
  s.payments().list(f, [&](const store::PaymentView& p) { out.push_back(p.payment.reference); });
  return out;
}

}  // namespace

TEST_CASE("store contract: customers are found by every key and written back as they were") {
  for_each_backend([](store::Store& s, const test::TempDir&) {
    auto& customers = s.customers();
    model::Customer a = person("K-1", "Bjørn Åberg", "Tromsø");
    a.email = "Bjorn@Example.no";
    a.email_key = "bjorn@example.no";
    a.phone = "+47 912 34 567";
    a.phone_e164 = "+4791234567";
    a.street = "Storgata 1";
    a.postal_code = "0155";
    a.created_at = "2024-03-01";
    a.preferred_channel = "phone";
    a.credit_limit = 500000;
    a.payment_terms_days = 14;
    a.wallet = 1000000;
    a.notes = "Ringer etter 16";
    a.tags = {"b2c", "vip"};
    a.attributes = {{"segment", "gold"}, {"source", "web"}};
    model::Customer b = person("k-2", "Åse Nilsen", "Bergen");
    b.kind = "company";
    b.phone = "22 33 44 55";
    b.phone_e164 = "+4722334455";
    model::Customer c = person("K-3", "Göteborg Rör AB", "Göteborg", "SE");
    c.kind = "company";
    c.phone = "4411 22";  // no number any parser places
    model::Customer d = person("K-4", "Dag", "Oslo");
    in_write(s, "customer add", [&] {
      a.id = customers.insert(a);
      b.id = customers.insert(b);
      c.id = customers.insert(c);
      d.id = customers.insert(d);
    });
    CHECK(customers.count() == 4);
    CHECK(customers.by_id(a.id) == a);
    CHECK(customers.by_id(b.id) == b);
    CHECK(customers.by_id(c.id) == c);
    CHECK_FALSE(customers.by_id(d.id + 100));

    CHECK(customers.id_by_number("K-1") == a.id);
    CHECK_FALSE(customers.id_by_number("k-1"));  // exactly
    CHECK_FALSE(customers.id_by_number("K-9"));
    CHECK(customers.ids_by_number_nocase("k-1", 10) == Ids{a.id});
    CHECK(customers.ids_by_number_nocase("K-2", 10) == Ids{b.id});
    CHECK(customers.ids_by_number_nocase("K-9", 10).empty());
    CHECK(customers.id_by_email("bjorn@example.no") == a.id);
    CHECK_FALSE(customers.id_by_email("nobody@example.no"));
    CHECK(customers.ids_by_phone("+4791234567") == Ids{a.id});
    CHECK(customers.ids_by_phone("+4700000000").empty());
    CHECK(customers.ids_by_phone_text("4411 22", 10) == Ids{c.id});  // as stored
    CHECK(customers.ids_by_phone_text("44-11-22", 10) == Ids{c.id});  // the same digits
    CHECK(customers.ids_by_phone_text("22334455", 10) == Ids{b.id});
    CHECK(customers.ids_by_phone_text("999999", 10).empty());
    {
      auto owners = customers.phones_ending_in("91234567", 10);
      REQUIRE(owners.size() == 1);
      CHECK(owners[0].id == a.id);
      CHECK(owners[0].e164 == "+4791234567");
      CHECK(owners[0].country == a.country.value_or(""));
    }
    CHECK(customers.phones_ending_in("34567", 10).empty());  // "+479123" is more than a country code
    CHECK(customers.phones_ending_in("22334455", 10).size() == 1);
    CHECK(customers.phones_ending_in("999999", 10).empty());
    CHECK(customers.usual_country() == "NO");
    CHECK_FALSE(customers.has_aliases());
    CHECK(customers.aliases(a.id).empty());
    CHECK(customers.attribute_keys() == Strings{"segment", "source"});
    auto none = customers.stats(d.id);
    CHECK(none.orders == 0);
    CHECK(none.revenue == 0);
    CHECK(none.balance == 0);
    CHECK_FALSE(none.first_order_at);
    CHECK_FALSE(none.oldest_unpaid_at);

    // An update replaces every field, tags and attributes included.
    model::Customer changed = a;
    changed.name = "Bjørn Aaberg";
    changed.email = "bjorn@aaberg.no";
    changed.email_key = "bjorn@aaberg.no";
    changed.tags = {"churned"};
    changed.attributes = {{"segment", "lead"}};
    changed.credit_limit.reset();
    changed.street.reset();
    in_write(s, "customer edit", [&] { customers.update(changed); });
    CHECK(customers.by_id(a.id) == changed);
    CHECK_FALSE(customers.id_by_email("bjorn@example.no"));
    CHECK(customers.id_by_email("bjorn@aaberg.no") == a.id);
    CHECK(customers.attribute_keys() == Strings{"segment"});

    bool added = false, again = true, removed = false, missing = true;
    in_write(s, "customer tag", [&] {
      added = customers.add_tag(b.id, "vip");
      again = customers.add_tag(b.id, "vip");
      removed = customers.remove_tag(a.id, "churned");
      missing = customers.remove_tag(a.id, "never");
    });
    CHECK(added);
    CHECK_FALSE(again);
    CHECK(removed);
    CHECK_FALSE(missing);
    CHECK(customers.by_id(b.id)->tags == Strings{"vip"});
    CHECK(customers.by_id(a.id)->tags.empty());

    // A number is unique.
    {
      auto w = s.begin_write("customer add");
      CHECK_THROWS_AS(customers.insert(person("K-1", "Another")), Error);
    }
    CHECK(customers.count() == 4);
  });
}

TEST_CASE("store contract: customer lists filter, search and sort") {
  for_each_backend([](store::Store& s, const test::TempDir&) {
    auto x = seed(s);
    model::Customer extra = person("K-4", "Åse Nilsen", "TROMSO");
    extra.kind = "company";
    extra.created_at = "2025-06-01T12:00:00";
    extra.attributes = {{"segment", "gold"}};
    extra.notes = "Ringte om fakturaen";
    std::int64_t ase = 0;
    in_write(s, "customer add", [&] {
      ase = s.customers().insert(extra);
      auto kari = *s.customers().by_id(x.kari);
      kari.created_at = "2024-01-01";
      s.customers().update(kari);
    });
    auto with = [](auto set) {
      store::CustomerFilter f;
      set(f);
      return f;
    };
    CHECK(customer_ids(s, {}) == Ids{x.kari, x.ola, x.per, ase});
    CHECK(customer_ids(s, with([](auto& f) { f.tags = {"vip"}; })) == Ids{x.kari});
    CHECK(customer_ids(s, with([](auto& f) { f.tags = {"vip", "other"}; })).empty());
    CHECK(customer_ids(s, with([](auto& f) { f.country = "se"; })) == Ids{x.per});
    CHECK(customer_ids(s, with([](auto& f) { f.city = "tromso"; })) == Ids{x.kari, ase});
    CHECK(customer_ids(s, with([](auto& f) { f.kind = "company"; })) == Ids{ase});
    CHECK(customer_ids(s, with([](auto& f) { f.created_since = "2025-01-01"; })) == Ids{ase});
    CHECK(customer_ids(s, with([](auto& f) { f.created_until = "2025-06-01"; })) == Ids{x.kari, ase});
    CHECK(customer_ids(s, with([](auto& f) { f.created_until = "2025-05-31"; })) == Ids{x.kari});
    CHECK(customer_ids(s, with([](auto& f) { f.attributes = {{"segment", "gold"}}; })) == Ids{ase});
    CHECK(customer_ids(s, with([&](auto& f) { f.ids = Ids{x.per, x.ola, 999}; })) == Ids{x.ola, x.per});
    CHECK(customer_ids(s, with([](auto& f) { f.ids = Ids{}; })).empty());
    // Search: word starts, case and accents ignored, in the customer's text or contacts.
    CHECK(customer_ids(s, with([](auto& f) { f.search = "goteborg"; })) == Ids{x.per});
    CHECK(customer_ids(s, with([](auto& f) { f.search = "ASE"; })) == Ids{ase});
    CHECK(customer_ids(s, with([](auto& f) { f.search = "faktura"; })) == Ids{x.kari, ase});  // a contact; notes
    CHECK(customer_ids(s, with([](auto& f) { f.search = "kari tilbud"; })) == Ids{x.kari});
    CHECK(customer_ids(s, with([](auto& f) { f.search = "kari bergen"; })).empty());
    CHECK(customer_ids(s, with([](auto& f) { f.search = "ordmann"; })).empty());
    // Money: Kari owes 20.00 with a limit of 10.00 and terms of 10 days since 2026-02-01.
    CHECK(customer_ids(s, with([](auto& f) { f.over_limit = true; })) == Ids{x.kari});
    CHECK(customer_ids(s, with([](auto& f) { f.overdue_as_of = "2026-02-11"; })).empty());
    CHECK(customer_ids(s, with([](auto& f) { f.overdue_as_of = "2026-02-12"; })) == Ids{x.kari});
    // Sorts, ties by id.
    CHECK(customer_ids(s, with([](auto& f) { f.sort = "name"; })) == Ids{ase, x.kari, x.ola, x.per});  // å sorts as a
    CHECK(customer_ids(s, with([](auto& f) {
            f.sort = "name";
            f.descending = true;
            f.limit = 2;
          })) == Ids{x.per, x.ola});
    CHECK(customer_ids(s, with([](auto& f) {
            f.sort = "revenue";
            f.descending = true;
          })) == Ids{x.kari, x.ola, x.per, ase});
    CHECK(customer_ids(s, with([](auto& f) {
            f.sort = "balance";
            f.descending = true;
          })) == Ids{x.kari, x.ola, x.per, ase});
    CHECK(customer_ids(s, with([](auto& f) { f.sort = "orders"; })) == Ids{x.per, ase, x.ola, x.kari});
    for (const auto& key : store::customer_sort_keys()) {
      CAPTURE(key);
      CHECK(customer_ids(s, with([&](auto& f) { f.sort = key; })).size() == 4);
    }
    CHECK_THROWS_AS(customer_ids(s, with([](auto& f) { f.sort = "shoe_size"; })), UsageError);
  });
}

TEST_CASE("store contract: merge keeps the old number as an alias; erase takes everything") {
  for_each_backend([](store::Store& s, const test::TempDir&) {
    auto x = seed(s);
    auto& customers = s.customers();
    auto dep = customers.dependents(x.kari);
    CHECK(dep.orders == 4);
    CHECK(dep.payments == 1);
    CHECK(dep.contacts == 4);
    dep = customers.dependents(x.per);
    CHECK(dep.orders + dep.payments + dep.contacts == 0);

    // Ola merged into Per.
    in_write(s, "customer merge K-3 K-2", [&] { customers.merge(x.per, x.ola); });
    CHECK_FALSE(customers.by_id(x.ola));
    CHECK(customers.has_aliases());
    CHECK(customers.aliases(x.per) == Strings{"K-2"});
    CHECK(customers.id_by_number("K-2") == x.per);
    CHECK(customers.ids_by_number_nocase("k-2", 10) == Ids{x.per});
    auto per = *customers.by_id(x.per);
    CHECK(per.name == "Per Persson");
    CHECK(per.phone == std::optional<std::string>("22 33 44 55"));  // what Per lacked, Ola gave
    CHECK(customers.ids_by_phone("+4722334455") == Ids{x.per});
    dep = customers.dependents(x.per);
    CHECK(dep.orders == 1);
    CHECK(dep.payments == 1);
    CHECK(dep.contacts == 1);
    CHECK(customers.stats(x.per).revenue == 2000);
    CHECK(s.contacts().by_key("V-1")->second == x.per);
    check_all_stats(s);

    // Erasing Kari takes her orders, payments and contacts; the others stay.
    in_write(s, "customer rm --force K-1", [&] { customers.erase(x.kari); });
    CHECK_FALSE(customers.by_id(x.kari));
    CHECK(customers.count() == 1);
    store::OrderFilter everything;
    CHECK(order_numbers(s, everything) == Strings{"O-5"});
    CHECK(payment_refs(s, {}) == Strings{"P-2"});
    CHECK(contact_ids(s, {}) == Ids{x.c4});
    CHECK(customers.stats(x.kari).orders == 0);
    CHECK(s.contacts().summary(x.kari).contacts == 0);
    CHECK(s.maintenance().check(false).empty());
  });
}

TEST_CASE("store contract: products") {
  for_each_backend([](store::Store& s, const test::TempDir&) {
    auto x = seed(s);
    auto& products = s.products();
    auto book = products.by_sku("S-BOOK");
    REQUIRE(book);
    CHECK(book->id == x.book);
    auto expected = product("S-BOOK", "Bøker om Åsen", "books", 10000, 4000);
    expected.id = x.book;
    CHECK(*book == expected);
    CHECK(products.by_id(x.pen) == *products.by_sku("S-PEN"));
    CHECK_FALSE(products.by_id(x.pen)->category);
    CHECK_FALSE(products.by_sku("S-NONE"));

    auto skus = [&](store::ProductFilter f) {
      Strings out;
      products.list(f, [&](const model::Product& p) { out.push_back(p.sku); });
      return out;
    };
    CHECK(skus({}) == Strings{"S-BOOK", "S-GAME", "S-PEN"});
    store::ProductFilter games;
    games.category = "GAMES";
    CHECK(skus(games) == Strings{"S-GAME"});
    store::ProductFilter search;
    search.search = "boker";
    CHECK(skus(search) == Strings{"S-BOOK"});
    search.search = "pen";
    CHECK(skus(search) == Strings{"S-PEN"});

    // Sales count orders that are not cancelled.
    auto sales = products.sales(x.book);
    CHECK(sales.customers == 1);
    CHECK(sales.orders == 1);
    CHECK(sales.quantity == 1);
    CHECK(sales.revenue == 10000);
    CHECK(sales.cost == 4000);
    sales = products.sales(x.game);
    CHECK(sales.orders == 2);
    CHECK(sales.quantity == 0);
    CHECK(sales.revenue == 0);

    model::Product renamed = *products.by_id(x.game);
    renamed.name = "Brettspill";
    renamed.list_price = 5500;
    renamed.unit_cost.reset();
    in_write(s, "product edit", [&] { products.update(renamed); });
    CHECK(products.by_id(x.game) == renamed);
  });
}

TEST_CASE("store contract: orders, their lines, invoices and balances") {
  for_each_backend([](store::Store& s, const test::TempDir&) {
    auto x = seed(s);
    auto& orders = s.orders();
    auto o2 = orders.by_number("O-2");
    REQUIRE(o2);
    CHECK(o2->id == x.o2);
    CHECK(o2->customer_id == x.kari);
    CHECK(o2->ordered_at == "2026-02-01");
    CHECK(o2->channel == std::optional<std::string>("phone"));
    CHECK(o2->status == "completed");
    CHECK(orders.by_id(x.o4)->number == "O-4");
    CHECK_FALSE(orders.by_id(x.o4)->channel);
    CHECK_FALSE(orders.by_number("O-9"));
    CHECK(orders.line(x.o2, 2) == line(2, x.pen, 2, 1000, std::nullopt));
    CHECK_FALSE(orders.line(x.o2, 3));
    auto lines = orders.lines(x.o2);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].line == line(1, x.game, 1, 5000, 1000));
    CHECK(lines[0].sku == std::optional<std::string>("S-GAME"));
    CHECK(lines[0].name == std::optional<std::string>("Spill"));
    CHECK(lines[0].category == std::optional<std::string>("games"));
    CHECK_FALSE(lines[1].category);
    auto level = orders.lines(x.o5);
    REQUIRE(level.size() == 1);
    CHECK_FALSE(level[0].sku);
    CHECK(level[0].line.amount == 2000);

    // Lists: by date then id, with their totals.
    auto with = [](auto set) {
      store::OrderFilter f;
      set(f);
      return f;
    };
    CHECK(order_numbers(s, {}) == Strings{"O-1", "O-5", "O-3", "O-2", "O-4"});
    CHECK(order_numbers(s, with([&](auto& f) { f.customer_id = x.kari; })) == Strings{"O-1", "O-3", "O-2", "O-4"});
    CHECK(order_numbers(s, with([](auto& f) {
            f.since = "2026-01-15";
            f.until = "2026-02-01";
          })) == Strings{"O-3", "O-2"});
    CHECK(order_numbers(s, with([](auto& f) { f.channel = "WEB"; })) == Strings{"O-1", "O-3"});
    CHECK(order_numbers(s, with([](auto& f) { f.status = "cancelled"; })) == Strings{"O-3"});
    CHECK(order_numbers(s, with([](auto& f) { f.sku = "S-GAME"; })) == Strings{"O-2", "O-4"});
    CHECK(order_numbers(s, with([](auto& f) { f.category = "Books"; })) == Strings{"O-1", "O-3"});
    CHECK(order_numbers(s, with([](auto& f) {
            f.newest_first = true;
            f.limit = 2;
          })) == Strings{"O-4", "O-2"});
    store::OrderSummary summary;
    orders.list(with([](auto& f) { f.sku = "S-PEN"; }), [&](const store::OrderSummary& o) { summary = o; });
    CHECK(summary.order.number == "O-2");
    CHECK(summary.customer_number == std::optional<std::string>("K-1"));
    CHECK(summary.customer_name == "Kari Nordmann");
    CHECK(summary.lines == 2);
    CHECK(summary.amount == 6000);
    CHECK(summary.cost == 1000);
    CHECK(summary.quantity == 3);

    // Export: every line, by order date, order and line.
    Strings exported;
    orders.export_lines(with([&](auto& f) { f.customer_id = x.kari; }),
                        [&](const store::OrderSummary& o, const store::LineView& l) {
                          exported.push_back(fmt::format("{}/{}/{}", o.order.number, l.line.line, l.sku.value_or("-")));
                        });
    CHECK(exported == Strings{"O-1/1/S-BOOK", "O-3/1/S-BOOK", "O-2/1/S-GAME", "O-2/2/S-PEN", "O-4/1/S-GAME"});

    // What payments settle: orders that count, oldest first, credit notes negative.
    auto invoices = orders.invoices(x.kari);
    REQUIRE(invoices.size() == 3);
    CHECK(invoices[0].at == "2026-01-01");
    CHECK(invoices[0].total == 10000);
    CHECK(invoices[1].total == 6000);
    CHECK(invoices[2].total == -5000);
    CHECK(orders.invoices(x.per).empty());
    CHECK(orders.orders_by_channel(x.kari) == std::map<std::string, std::int64_t>{{"", 1}, {"phone", 1}, {"web", 1}});
    CHECK(orders.orders_by_channel(x.ola) == std::map<std::string, std::int64_t>{{"retail", 1}});

    // Kari: 110.00 of orders that count, 90.00 paid.
    auto st = s.customers().stats(x.kari);
    CHECK(st.orders == 3);
    CHECK(st.revenue == 11000);
    CHECK(st.cost == 4000);
    // The pens (10.00) have no cost: the margin is on the 100.00 whose cost is known.
    CHECK(st.uncosted_revenue == 1000);
    CHECK(st.margin == 6000);
    CHECK(st.paid == 9000);
    CHECK(st.balance == 2000);
    CHECK(st.avg_order_value == 3667);
    CHECK(st.first_order_at == std::optional<std::string>("2026-01-01"));
    CHECK(st.last_order_at == std::optional<std::string>("2026-03-01"));
    CHECK(st.oldest_unpaid_at == std::optional<std::string>("2026-02-01"));
    CHECK(st.top_categories == std::optional<std::string>("books"));
    check_all_stats(s);

    auto balances = [&](bool all) {
      Ids out;
      orders.balance_customers(all, [&](std::int64_t id, const std::optional<std::string>& number, const std::string& name) {
        CHECK(number == s.customers().by_id(id)->number);
        CHECK(name == s.customers().by_id(id)->name);
        out.push_back(id);
      });
      return out;
    };
    CHECK(balances(false) == Ids{x.kari});
    CHECK(balances(true) == Ids{x.kari, x.ola});

    // Changes through a write refresh the statistics.
    in_write(s, "order edit", [&] {
      auto o1 = *orders.by_id(x.o1);
      o1.ordered_at = "2026-02-15";
      o1.channel = "email";
      orders.update(o1);
      orders.set_status(x.o3, "completed");
      orders.insert_line(x.o4, line(2, x.book, 1, 3000, 1000));
    });
    CHECK(orders.by_id(x.o1)->channel == std::optional<std::string>("email"));
    CHECK(orders.by_id(x.o3)->status == "completed");
    CHECK(orders.lines(x.o4).size() == 2);
    st = s.customers().stats(x.kari);
    CHECK(st.orders == 4);
    CHECK(st.revenue == 24000);
    CHECK(st.first_order_at == std::optional<std::string>("2026-01-15"));
    check_all_stats(s);

    // A free number for an order added by hand.
    auto next = orders.next_number();
    CHECK(next.rfind("O-", 0) == 0);
    CHECK_FALSE(orders.by_number(next));
    in_write(s, "order add", [&] {
      model::Order o;
      o.number = next;
      o.customer_id = x.per;
      o.ordered_at = "2026-04-01";
      orders.insert_line(orders.insert(o), line(1, x.pen, 1, 500, std::nullopt));
    });
    CHECK(orders.by_number(next)->customer_id == x.per);
    CHECK(orders.next_number() != next);
    CHECK_FALSE(orders.by_number(orders.next_number()));
    CHECK(s.customers().stats(x.per).revenue == 500);
    CHECK(s.maintenance().check(false).empty());
  });
}

TEST_CASE("store contract: payments") {
  for_each_backend([](store::Store& s, const test::TempDir&) {
    auto x = seed(s);
    auto& payments = s.payments();
    auto p = payments.by_reference("P-1");
    REQUIRE(p);
    CHECK(p->id > 0);
    CHECK(p->customer_id == x.kari);
    CHECK(p->paid_at == "2026-01-20");
    CHECK(p->amount == 9000);
    CHECK_FALSE(payments.by_reference("P-9"));
    CHECK(payments.paid(x.kari) == 9000);
    CHECK(payments.paid(x.per) == 0);

    auto with = [](auto set) {
      store::PaymentFilter f;
      set(f);
      return f;
    };
    CHECK(payment_refs(s, {}) == Strings{"P-2", "P-1"});  // by date
    CHECK(payment_refs(s, with([&](auto& f) { f.customer_id = x.kari; })) == Strings{"P-1"});
    CHECK(payment_refs(s, with([](auto& f) { f.since = "2026-01-15"; })) == Strings{"P-1"});
    CHECK(payment_refs(s, with([](auto& f) { f.until = "2026-01-15"; })) == Strings{"P-2"});
    CHECK(payment_refs(s, with([](auto& f) { f.limit = 1; })) == Strings{"P-2"});
    store::PaymentView view;
    payments.list(with([&](auto& f) { f.customer_id = x.ola; }), [&](const store::PaymentView& v) { view = v; });
    CHECK(view.customer_number == std::optional<std::string>("K-2"));
    CHECK(view.customer_name == "Ola Hansen");

    // A payment settles Kari's account: nothing owed, nothing unpaid.
    in_write(s, "order pay K-1 20", [&] { payments.insert({0, "P-3", x.kari, "2026-03-05T09:30:00", 2000}); });
    CHECK(payments.paid(x.kari) == 11000);
    CHECK(payment_refs(s, with([](auto& f) { f.until = "2026-03-05"; })) == Strings{"P-2", "P-1", "P-3"});
    auto st = s.customers().stats(x.kari);
    CHECK(st.balance == 0);
    CHECK_FALSE(st.oldest_unpaid_at);
    check_order_stats(s, x.kari);
    // A refund opens it again.
    in_write(s, "order pay K-1 -5", [&] { payments.insert({0, "P-4", x.kari, "2026-03-06", -500}); });
    st = s.customers().stats(x.kari);
    CHECK(st.balance == 500);
    CHECK(st.oldest_unpaid_at == std::optional<std::string>("2026-02-01"));
    check_order_stats(s, x.kari);
  });
}

TEST_CASE("store contract: contacts, what is due, and the contact summary") {
  for_each_backend([](store::Store& s, const test::TempDir&) {
    auto x = seed(s);
    auto& contacts = s.contacts();
    auto row = contacts.by_id(x.c1);
    REQUIRE(row);
    CHECK(row->contact.customer_id == x.kari);
    CHECK(row->contact.subject == std::optional<std::string>("Complaint about invoice"));
    CHECK(row->contact.follow_up_at == std::optional<std::string>("2026-03-10"));
    CHECK(row->customer_number == std::optional<std::string>("K-1"));
    CHECK(row->customer_name == "Kari Nordmann");
    CHECK_FALSE(contacts.by_id(x.c3 + 100));
    CHECK(contacts.by_key("V-1") == std::optional<std::pair<std::int64_t, std::int64_t>>({x.c4, x.ola}));
    CHECK_FALSE(contacts.by_key("V-2"));
    Ids keyless;
    contacts.keyless(x.kari, [&](const model::Contact& k) {
      CHECK_FALSE(k.key);
      keyless.push_back(k.id);
    });
    CHECK(keyless == Ids{x.c5, x.c1, x.c2, x.c3});
    keyless.clear();
    contacts.keyless(x.ola, [&](const model::Contact& k) { keyless.push_back(k.id); });
    CHECK(keyless.empty());

    auto with = [](auto set) {
      store::ContactFilter f;
      set(f);
      return f;
    };
    CHECK(contact_ids(s, {}) == Ids{x.c5, x.c1, x.c4, x.c2, x.c3});
    CHECK(contact_ids(s, with([&](auto& f) { f.customer_id = x.kari; })) == Ids{x.c5, x.c1, x.c2, x.c3});
    CHECK(contact_ids(s, with([](auto& f) { f.channel = "email"; })) == Ids{x.c2, x.c3});
    CHECK(contact_ids(s, with([](auto& f) { f.direction = "out"; })) == Ids{x.c2});
    CHECK(contact_ids(s, with([](auto& f) { f.owner = "ANNA"; })) == Ids{x.c1, x.c2});
    CHECK(contact_ids(s, with([](auto& f) {
            f.since = "2026-03-02";
            f.until = "2026-03-02";
          })) == Ids{x.c2});
    CHECK(contact_ids(s, with([](auto& f) { f.open = true; })) == Ids{x.c1, x.c4, x.c2});
    CHECK(contact_ids(s, with([](auto& f) { f.grep = "FAKTURA"; })) == Ids{x.c3});
    CHECK(contact_ids(s, with([](auto& f) { f.grep = "sporsmal om"; })) == Ids{x.c3});
    CHECK(contact_ids(s, with([](auto& f) { f.grep = "invoice compl"; })) == Ids{x.c1});
    CHECK(contact_ids(s, with([](auto& f) { f.grep = "voice"; })).empty());  // not the start of a word
    CHECK(contact_ids(s, with([](auto& f) {
            f.newest_first = true;
            f.limit = 2;
          })) == Ids{x.c3, x.c2});

    // Due: follow-ups by their date, promises without one by the contact's.
    auto due = [](std::string as_of, std::optional<int> within, auto set) {
      store::DueFilter f;
      f.as_of = std::move(as_of);
      f.within_days = within;
      set(f);
      return f;
    };
    auto nothing = [](auto&) {};
    CHECK(due_ids(s, due("2026-03-01", 0, nothing)).empty());
    CHECK(due_ids(s, due("2026-03-02", 0, nothing)) == Ids{x.c2});
    CHECK(due_ids(s, due("2026-03-10", 0, nothing)) == Ids{x.c2, x.c1});
    CHECK(due_ids(s, due("2026-03-02", 8, nothing)) == Ids{x.c2, x.c1});
    CHECK(due_ids(s, due("2026-03-10", 0, [](auto& f) { f.overdue_only = true; })) == Ids{x.c2});
    CHECK(due_ids(s, due("2026-01-01", std::nullopt, nothing)) == Ids{x.c2, x.c1, x.c4});
    CHECK(due_ids(s, due("2026-03-10", 0, [](auto& f) { f.owner = "ANNA"; })) == Ids{x.c2, x.c1});
    CHECK(due_ids(s, due("2026-12-31", 0, [&](auto& f) { f.customer_id = x.ola; })) == Ids{x.c4});
    std::vector<store::DueItem> items;
    s.contacts().due(due("2026-03-10", 0, nothing), [&](const store::DueItem& d) { items.push_back(d); });
    REQUIRE(items.size() == 2);
    CHECK(items[0].due == "2026-03-02");
    CHECK(items[0].days_late == 8);
    CHECK(items[1].due == "2026-03-10");
    CHECK(items[1].days_late == 0);
    CHECK(items[1].customer_phone == std::optional<std::string>("+47 912 34 567"));
    CHECK(items[1].customer_email == std::optional<std::string>("Kari@Example.no"));

    auto sum = contacts.summary(x.kari);
    CHECK(sum.contacts == 4);
    CHECK(sum.inbound == 3);
    CHECK(sum.outbound == 1);
    CHECK(sum.complaints == 1);
    CHECK(sum.open_promises == 1);
    CHECK(sum.open_follow_ups == 1);
    CHECK(sum.last_contact_at == std::optional<std::string>("2026-03-03"));
    CHECK(sum.next_follow_up_at == std::optional<std::string>("2026-03-10"));
    CHECK(sum.preferred_channel == std::optional<std::string>("phone"));
    using InOut = std::pair<std::int64_t, std::int64_t>;
    CHECK(sum.by_channel == std::map<std::string, InOut>{{"email", {1, 1}}, {"phone", {2, 0}}});
    auto empty = contacts.summary(x.per);
    CHECK(empty.contacts == 0);
    CHECK_FALSE(empty.preferred_channel);
    CHECK(empty.by_channel.empty());
    check_all_stats(s);

    // Closing a follow-up, and logging more.
    bool first = false, second = true;
    in_write(s, "contact done", [&] {
      first = contacts.mark_done(x.c1, "2026-03-05 10:00:00", std::string("called back"));
      second = contacts.mark_done(x.c1, "2026-03-06 10:00:00", std::nullopt);
    });
    CHECK(first);
    CHECK_FALSE(second);
    CHECK(contacts.by_id(x.c1)->contact.done_at == std::optional<std::string>("2026-03-05 10:00:00"));
    CHECK(contacts.by_id(x.c1)->contact.done_notes == std::optional<std::string>("called back"));
    CHECK(due_ids(s, due("2026-03-10", 0, nothing)) == Ids{x.c2});
    sum = contacts.summary(x.kari);
    CHECK(sum.open_follow_ups == 0);
    CHECK_FALSE(sum.next_follow_up_at);
    std::int64_t c6 = 0;
    in_write(s, "contact log", [&] {
      auto k = contact(x.kari, "2026-03-04", "email", "in");
      k.reason = "complained about the price";
      c6 = contacts.insert(k);
      auto k2 = contact(x.kari, "2026-03-04", "email", "in");  // the same content again: another contact
      k2.reason = "complained about the price";
      CHECK(contacts.insert(k2) > c6);
    });
    sum = contacts.summary(x.kari);
    CHECK(sum.complaints == 3);
    CHECK(sum.preferred_channel == std::optional<std::string>("email"));  // 3 inbound, against 2 by phone
    check_all_stats(s);
  });
}

TEST_CASE("store contract: a contact with the key of another is not inserted, and the other is left as it is") {
  for_each_backend([](store::Store& s, const test::TempDir&) {
    auto x = seed(s);
    auto k = contact(x.kari, "2026-05-01", "phone", "in");
    k.key = "V-1";
    {
      auto w = s.begin_write("contact log");
      CHECK(s.contacts().insert(k) == 0);
    }
    CHECK(s.contacts().by_key("V-1")->second == x.ola);
  });
}

TEST_CASE("store contract: a write is one history entry that undo reverts; an uncommitted one changes nothing") {
  for_each_backend([](store::Store& s, const test::TempDir&) {
    auto& history = s.history();
    auto& customers = s.customers();
    CHECK(history.list(10).empty());
    CHECK_THROWS_AS(history.undo(std::nullopt, "undo"), Error);

    std::int64_t id = 0;
    std::int64_t entry = 0;
    {
      auto w = s.begin_write("customer add Kari");
      id = customers.insert(person("K-1", "Kari"));
      entry = w->commit("1 customer added");
    }
    CHECK(entry > 0);
    auto h = history.list(10);
    REQUIRE(h.size() == 1);
    CHECK(h[0].id == entry);
    CHECK(h[0].command == "customer add Kari");
    CHECK(h[0].summary == "1 customer added");
    CHECK(h[0].undoable);
    CHECK_FALSE(h[0].undoes);
    CHECK_FALSE(h[0].undone_by);
    CHECK_FALSE(h[0].at.empty());
    CHECK(history.find(entry)->command == "customer add Kari");
    CHECK_FALSE(history.find(entry + 100));

    // Nothing changed: no entry.
    {
      auto w = s.begin_write("customer tag nothing");
      CHECK(w->commit("0 tagged") == 0);
    }
    // Destroyed without commit, or rolled back: nothing happened.
    {
      auto w = s.begin_write("customer add Ola");
      customers.insert(person("K-2", "Ola"));
      CHECK(customers.count() == 2);  // the write sees its own rows
    }
    {
      auto w = s.begin_write("customer add Per --dry-run");
      customers.insert(person("K-3", "Per"));
      auto kari = *customers.by_id(id);
      kari.name = "Kari N.";
      customers.update(kari);
      w->rollback();
    }
    {
      auto w = s.begin_import("customer import x.csv");
      model::Customer c = person("K-4", "Liv");
      w->add_customer(c);
    }
    CHECK(customers.count() == 1);
    CHECK(customers.by_id(id)->name == "Kari");
    CHECK_FALSE(customers.id_by_number("K-2"));
    CHECK(history.list(10).size() == 1);

    // Undo reverts the entry as a new one; undoing that puts it back.
    auto undone = history.undo(std::nullopt, "undo");
    CHECK(undone.undone.id == entry);
    CHECK(undone.entry_id > entry);
    CHECK(customers.count() == 0);
    CHECK(history.find(entry)->undone_by == undone.entry_id);
    CHECK(history.find(undone.entry_id)->undoes == entry);
    CHECK(history.find(undone.entry_id)->command == "undo");
    CHECK_THROWS_AS(history.undo(entry, "undo again"), Error);  // undone already
    auto redo = history.undo(undone.entry_id, "redo");
    CHECK(redo.undone.id == undone.entry_id);
    CHECK(customers.by_id(id)->name == "Kari");
    CHECK(customers.id_by_number("K-1") == id);
    CHECK_THROWS_AS(history.undo(9999, "undo"), Error);

    // The last `limit` entries, oldest first.
    auto last = history.list(2);
    REQUIRE(last.size() == 2);
    CHECK(last[0].id == undone.entry_id);
    CHECK(last[1].id == redo.entry_id);
    CHECK(s.maintenance().check(false).empty());
  });
}

TEST_CASE("store contract: undo refuses while a later entry changed the same rows, and names it") {
  for_each_backend([](store::Store& s, const test::TempDir&) {
    auto x = seed(s);
    auto& customers = s.customers();
    auto rename = [&](const std::string& name) {
      return in_write(s, "customer edit K-1", [&] {
        auto c = *customers.by_id(x.kari);
        c.name = name;
        customers.update(c);
      });
    };
    auto a = rename("Kari A");
    auto unrelated = in_write(s, "customer edit K-3", [&] {
      auto c = *customers.by_id(x.per);
      c.city = "Malmö";
      customers.update(c);
    });
    auto b = rename("Kari B");
    CHECK_THROWS_WITH_AS(s.history().undo(a, "undo"), doctest::Contains(fmt::format("entry {}", b).c_str()), Error);
    CHECK(customers.by_id(x.kari)->name == "Kari B");
    CHECK_FALSE(s.history().find(a)->undone_by);
    // The seed is in the way of nothing but is blocked by everything after it.
    CHECK_THROWS_AS(s.history().undo(x.entry, "undo"), Error);
    CHECK(s.history().undo(unrelated, "undo").undone.id == unrelated);
    CHECK(customers.by_id(x.per)->city == std::optional<std::string>("Göteborg"));
    s.history().undo(b, "undo");
    CHECK(customers.by_id(x.kari)->name == "Kari A");
    s.history().undo(a, "undo");
    CHECK(customers.by_id(x.kari)->name == "Kari Nordmann");
    // An order written later refers to the customer an entry created.
    std::int64_t added = 0;
    auto add = in_write(s, "customer add Liv", [&] { added = customers.insert(person("K-5", "Liv")); });
    auto order = in_write(s, "order add", [&] {
      model::Order o;
      o.number = "O-9";
      o.customer_id = added;
      o.ordered_at = "2026-05-01";
      s.orders().insert_line(s.orders().insert(o), line(1, std::nullopt, 1, 100, std::nullopt));
    });
    CHECK_THROWS_WITH_AS(s.history().undo(add, "undo"), doctest::Contains(fmt::format("entry {}", order).c_str()), Error);
    CHECK(customers.by_id(added));
    s.history().undo(order, "undo");
    s.history().undo(add, "undo");
    CHECK_FALSE(customers.by_id(added));
    CHECK(s.maintenance().check(false).empty());
  });
}

TEST_CASE("store contract: in an import, lookups by number follow the numbers it adds and changes") {
  for_each_backend([](store::Store& s, const test::TempDir&) {
    auto x = seed(s);
    std::int64_t nina = 0, new_k1 = 0, tor_id = 0;
    {
      auto w = s.begin_import("import");
      CHECK(s.customers().id_by_number("K-1") == x.kari);
      nina = w->add_customer(person("K-7", "Nina Berg"));
      CHECK(s.customers().id_by_number("K-7") == nina);
      auto kari = *s.customers().by_id(x.kari);
      kari.number = "K-10";
      w->update_customer(kari);
      CHECK(s.customers().id_by_number("K-10") == x.kari);
      CHECK_FALSE(s.customers().id_by_number("K-1"));
      new_k1 = w->add_customer_if_new(person("K-1", "Ny Kunde"));
      CHECK(new_k1 > nina);
      CHECK(s.customers().id_by_number("K-1") == new_k1);
      CHECK(w->add_customer_if_new(person("K-7", "Nina again")) == 0);
      model::Customer tor = person("K-8", "Tor Lie");
      tor.tags = {"vip", "b2b", "vip"};  // a tag given twice is kept once
      tor_id = w->add_customer_if_new(tor);
      CHECK(s.customers().by_id(tor_id)->tags == Strings{"b2b", "vip"});  // reads see the import's rows
      w->commit("import done");
    }
    CHECK(s.customers().id_by_number("K-1") == new_k1);
    CHECK(s.customers().id_by_number("K-10") == x.kari);
    CHECK(s.customers().id_by_number("K-7") == nina);
    CHECK(s.customers().by_id(tor_id)->tags == Strings{"b2b", "vip"});
    // A number taken is refused as in any write, and the import leaves nothing behind.
    {
      auto w = s.begin_import("import");
      CHECK(w->add_customer_if_new(person("K-9", "Ola Dal")) > 0);
      CHECK_THROWS_AS(w->add_customer(person("K-8", "Another Tor")), Error);
      w->rollback();
    }
    CHECK_FALSE(s.customers().id_by_number("K-9"));
    CHECK(s.customers().by_id(tor_id)->name == "Tor Lie");
  });
}

TEST_CASE("store contract: in an import, orders read back as they are after each change it makes") {
  for_each_backend([](store::Store& s, const test::TempDir&) {
    auto x = seed(s);
    auto& orders = s.orders();
    {
      auto w = s.begin_import("import");
      w->expect_many(store::Table::orders);
      // In the stored order, as a re-import of an export asks for them.
      for (const char* n : {"O-1", "O-2", "O-3", "O-4", "O-5"}) CHECK(orders.by_number(n)->number == n);
      CHECK_FALSE(orders.by_number("O-9"));
      auto o2 = *orders.by_number("O-2");
      CHECK(orders.line(o2.id, 2)->amount == 1000);
      CHECK_FALSE(orders.line(o2.id, 3));
      // A line changed, then removed; a header changed; a line added: each read as it is now.
      w->put_line(o2, line(2, x.pen, 3, 1500, std::nullopt), true);
      CHECK(orders.line(o2.id, 2)->amount == 1500);
      CHECK(w->delete_lines_after(o2, 1) == 1);
      CHECK_FALSE(orders.line(o2.id, 2));
      CHECK(w->delete_lines_after(o2, 1) == 0);
      auto o5 = *orders.by_number("O-5");
      auto o5_now = o5;
      o5_now.status = "cancelled";
      w->update_order(o5_now, o5);
      CHECK(orders.by_number("O-5")->status == "cancelled");
      auto o4 = *orders.by_number("O-4");
      w->put_line(o4, line(2, x.pen, 1, 500, std::nullopt), false);
      CHECK(orders.line(o4.id, 2)->amount == 500);
      CHECK(w->delete_lines_after(o4, 1) == 1);
      CHECK(w->delete_lines_after(*orders.by_number("O-1"), 1) == 0);
      CHECK(w->delete_lines_after(*orders.by_number("O-3"), 0) == 1);
      w->commit("import done");
    }
    CHECK(orders.lines(x.o1).size() == 1);
    CHECK(orders.lines(x.o2).size() == 1);
    CHECK(orders.lines(x.o3).empty());
    CHECK(orders.lines(x.o4).size() == 1);
    CHECK(orders.by_id(x.o5)->status == "cancelled");
  });
}

TEST_CASE("store contract: an import write adds and changes rows, and its statistics follow the definitions") {
  for_each_backend([](store::Store& s, const test::TempDir&) {
    auto x = seed(s);
    // Per buys a game before the import recategorises games.
    in_write(s, "order add", [&] {
      model::Order o;
      o.number = "O-8";
      o.customer_id = x.per;
      o.ordered_at = "2026-03-15";
      s.orders().insert_line(s.orders().insert(o), line(1, x.game, 1, 5000, 1000));
    });
    CHECK(s.customers().stats(x.per).top_categories == std::optional<std::string>("games"));
    const auto customers_before = s.customers().count();
    std::int64_t liv = 0, new_product = 0, o6 = 0, p3 = 0, keyed_id = 0, first_keyless = 0;
    std::int64_t entry = 0;
    {
      auto w = s.begin_import("import");
      w->expect_many(store::Table::customers);
      w->expect_many(store::Table::orders);

      // Customers: a new one, a number that exists, a change.
      model::Customer c = person("K-5", "Liv Moe", "Bodø");
      c.email = c.email_key = "liv@example.no";
      liv = w->add_customer(c);
      CHECK(liv > 0);
      CHECK(w->add_customer_if_new(person("K-1", "Someone else")) == 0);
      auto bare = w->add_customer_if_new(person("K-6", "K-6"));
      CHECK(bare > liv);
      CHECK(s.customers().id_by_email("liv@example.no") == liv);  // reads see the import's rows
      CHECK(s.customers().id_by_number("K-6") == bare);
      auto per = *s.customers().by_id(x.per);
      per.city = "Lund";
      w->update_customer(per);
      w->checkpoint();

      // Products: a new one, and a category change for everyone who bought games.
      new_product = w->add_product(product("S-TOY", "Leke", "toys", 800, 300));
      auto before = *s.products().by_id(x.game);
      auto now = before;
      now.category = "boardgames";
      w->update_product(now, before);

      // Orders: a new one with lines for the new customer and one for Kari; changes to old ones.
      model::Order o;
      o.number = "O-6";
      o.customer_id = liv;
      o.ordered_at = "2026-04-01";
      o.channel = "web";
      o.id = o6 = w->add_order_if_new(o);
      CHECK(o6 > 0);
      w->add_line(o, line(1, new_product, 2, 1600, 600));
      w->add_line(o, line(2, x.game, 1, 5000, 1000));
      model::Order dup = o;
      dup.customer_id = x.kari;
      CHECK(w->add_order_if_new(dup) == 0);
      model::Order k7;
      k7.number = "O-7";
      k7.customer_id = x.kari;
      k7.ordered_at = "2026-04-02";
      k7.id = w->add_order_if_new(k7);
      w->add_line(k7, line(1, x.book, 1, 9000, 4000));
      auto o2_before = *s.orders().by_id(x.o2);
      auto o2_now = o2_before;
      o2_now.status = "cancelled";
      w->update_order(o2_now, o2_before);
      auto o5 = *s.orders().by_id(x.o5);
      CHECK(w->last_line(x.o5) == 1);
      w->put_line(o5, line(1, std::nullopt, 1, 2500, 500), true);
      w->put_line(o5, line(2, x.pen, 1, 500, std::nullopt), false);
      w->put_line(o5, line(3, x.pen, 1, 500, std::nullopt), false);
      CHECK(w->last_line(x.o5) == 3);
      CHECK(w->delete_lines_after(o5, 2) == 1);
      CHECK(w->last_line(x.o5) == 2);
      CHECK(w->last_line(o6) == 2);
      w->checkpoint();

      // Payments: a new one, a reference that exists, a change.
      p3 = w->add_payment_if_new({0, "P-3", liv, "2026-04-05", 1000});
      CHECK(p3 > 0);
      CHECK(w->add_payment_if_new({0, "P-1", liv, "2026-04-05", 1000}) == 0);
      auto p2 = *s.payments().by_reference("P-2");
      model::Payment p2_now = p2;
      p2_now.amount = 1500;
      w->update_payment(p2_now, p2);

      // Contacts: keyed, keyless in one go, and changes by key and by id.
      CHECK(w->had_contacts(x.kari));
      auto keyed = contact(liv, "2026-04-01", "phone", "in");
      keyed.key = "L-1";
      keyed.follow_up_at = "2026-04-20";
      keyed_id = w->add_contact_if_new(keyed);
      CHECK(keyed_id > 0);
      CHECK(w->add_contact_if_new(keyed) == 0);
      auto next = w->next_contact_id();
      auto k1 = contact(liv, "2026-04-02", "email", "in");
      k1.subject = "Complaint";
      auto k2 = contact(liv, "2026-04-03", "email", "out");
      k2.promise = "call back";
      auto k3 = contact(x.kari, "2026-04-03", "visit", "in");
      std::vector<const model::Contact*> batch = {&k1, &k2, &k3};
      first_keyless = w->add_contacts(batch);
      CHECK(first_keyless == next);
      CHECK(s.contacts().by_id(first_keyless + 2)->contact.channel == "visit");
      CHECK(w->next_contact_id() == next + 3);
      auto moved = keyed;
      moved.subject = "Callback";
      CHECK(w->update_contact_by_key(moved, 1u << model::kContactSubject));
      CHECK_FALSE(w->update_contact_by_key(moved, 1u << model::kContactSubject));
      auto done = k2;
      done.done_at = "2026-04-04";
      CHECK(w->update_contact_by_id(first_keyless + 1, done, 1u << model::kContactDoneAt));
      auto v1 = *s.contacts().by_id(x.c4);
      v1.contact.reason = "complaint";
      CHECK(w->update_contact_by_key(v1.contact, 1u << model::kContactReason));
      w->checkpoint();
      entry = w->commit("import done");
    }
    CHECK(entry > 0);
    auto h = s.history().list(10);
    REQUIRE(h.size() == 3);
    CHECK(h[2].id == entry);
    CHECK(h[2].command == "import");
    CHECK(h[2].summary == "import done");
    CHECK(h[2].undoable);

    CHECK(s.customers().count() == customers_before + 2);
    CHECK(s.customers().by_id(x.per)->city == std::optional<std::string>("Lund"));
    CHECK(s.products().by_sku("S-TOY")->id == new_product);
    CHECK(s.orders().by_id(x.o2)->status == "cancelled");
    CHECK(s.orders().lines(x.o5).size() == 2);
    CHECK(s.orders().line(x.o5, 1)->amount == 2500);
    CHECK(s.payments().by_reference("P-2")->amount == 1500);
    CHECK(s.contacts().by_key("L-1") == std::optional<std::pair<std::int64_t, std::int64_t>>({keyed_id, liv}));
    CHECK(s.contacts().by_id(keyed_id)->contact.subject == std::optional<std::string>("Callback"));
    CHECK(s.contacts().by_id(first_keyless + 1)->contact.done_at == std::optional<std::string>("2026-04-04"));

    // The statistics the import left are the definitions applied to the rows.
    auto liv_stats = s.customers().stats(liv);
    CHECK(liv_stats.orders == 1);
    CHECK(liv_stats.revenue == 6600);
    CHECK(liv_stats.paid == 1000);
    CHECK(liv_stats.top_categories == std::optional<std::string>("boardgames;toys"));
    CHECK(s.customers().stats(x.kari).top_categories == std::optional<std::string>("books"));
    CHECK(s.customers().stats(x.per).top_categories == std::optional<std::string>("boardgames"));  // untouched otherwise
    CHECK(s.customers().stats(x.ola).revenue == 3000);
    CHECK(s.customers().stats(x.ola).balance == 1500);
    auto liv_contacts = s.contacts().summary(liv);
    CHECK(liv_contacts.contacts == 3);
    CHECK(liv_contacts.complaints == 1);
    CHECK(liv_contacts.open_follow_ups == 1);
    CHECK(liv_contacts.open_promises == 0);
    CHECK(s.contacts().summary(x.ola).complaints == 1);
    check_all_stats(s);
    CHECK(s.maintenance().check(false).empty());

    // Undone, the import leaves the store as the seed made it.
    s.history().undo(entry, "undo");
    CHECK(s.customers().count() == customers_before);
    CHECK_FALSE(s.products().by_sku("S-TOY"));
    CHECK(s.products().by_id(x.game)->category == std::optional<std::string>("games"));
    CHECK(s.orders().by_id(x.o2)->status == "completed");
    CHECK(s.orders().lines(x.o5).size() == 1);
    CHECK(s.orders().line(x.o5, 1)->amount == 2000);
    CHECK_FALSE(s.orders().by_number("O-6"));
    CHECK_FALSE(s.payments().by_reference("P-3"));
    CHECK(s.payments().by_reference("P-2")->amount == 2000);
    CHECK_FALSE(s.contacts().by_key("L-1"));
    CHECK_FALSE(s.contacts().by_id(x.c4)->contact.reason);
    CHECK(s.customers().by_id(x.per)->city == std::optional<std::string>("Göteborg"));
    CHECK(s.customers().stats(x.kari).revenue == 11000);
    CHECK(s.customers().stats(x.per).top_categories == std::optional<std::string>("games"));
    check_all_stats(s);
    CHECK(s.maintenance().check(false).empty());
  });
}

TEST_CASE("store contract: maintenance checks, queries, finds duplicates, and serves the rights of access and erasure") {
  for_each_backend([](store::Store& s, const test::TempDir& dir) {
    auto x = seed(s);
    auto& m = s.maintenance();
    CHECK(m.check(false).empty());
    CHECK(m.check(true).empty());
    CHECK(s.location().size() > 0);
    CHECK(s.money_decimals() == 2);

    Strings header;
    std::vector<std::vector<Value>> rows;
    m.query("SELECT 1 + 1 AS two, 'x' AS text; -- the answer", {}, [&](const Strings& h) { header = h; },
            [&](const std::vector<Value>& r) { rows.push_back(r); });
    CHECK(header == Strings{"two", "text"});
    REQUIRE(rows.size() == 1);
    CHECK(rows[0][0] == Value(std::int64_t{2}));
    CHECK(rows[0][1] == Value(std::string("x")));
    auto none = [](const std::vector<Value>&) {};
    auto query_error = [&](const std::string& sql, store::QueryLimits limits = {}) -> std::string {
      try {
        m.query(sql, limits, [](const Strings&) {}, none);
      } catch (const UsageError& e) {
        return std::string("usage: ") + e.what();
      } catch (const Error& e) {
        return e.what();
      }
      return "(no error)";
    };
    CHECK(query_error("DELETE FROM customers") == "usage: kunde sql runs only statements that read");
    CHECK(query_error("SELECT FROM WHERE").rfind("the query is not valid SQL", 0) == 0);
    // One statement: SQLite would run the first and drop the rest without a word.
    CHECK(query_error("SELECT 1; DELETE FROM customers") ==
          "usage: kunde sql runs one statement, and the query holds more");
    CHECK(query_error("SELECT 1; SELECT 2") == "usage: kunde sql runs one statement, and the query holds more");
    CHECK(query_error("SELECT 1; bogus") == "usage: kunde sql runs one statement, and the query holds more");
    CHECK_THROWS_AS(m.query_columns("SELECT 1; SELECT 2"), UsageError);
    CHECK(query_error("SELECT 1;;  ; /* done */") == "(no error)");
    // A query that never ends stops at its time limit.
    store::QueryLimits quick;
    quick.time = std::chrono::milliseconds(200);
    auto t0 = std::chrono::steady_clock::now();
    CHECK(query_error("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c", quick) ==
          "the query ran longer than 200 ms (the time limit)");
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(5));
    CHECK(s.customers().count() == 3);

    // A likely duplicate of Kari: the same email and phone.
    std::int64_t twin = 0;
    in_write(s, "customer add", [&] {
      model::Customer c = person("K-9", "Kari Nordman", "Tromsø");
      c.email = "KARI@example.no";
      c.email_key = "kari@example.no";
      c.phone = "91234567";
      c.phone_e164 = "+4791234567";
      twin = s.customers().insert(c);
    });
    auto pairs = m.duplicates(50);
    REQUIRE_FALSE(pairs.empty());
    CHECK(pairs[0].a == x.kari);
    CHECK(pairs[0].b == twin);
    CHECK(pairs[0].score > 50);
    CHECK(pairs[0].score <= 100);
    CHECK(std::find(pairs[0].reasons.begin(), pairs[0].reasons.end(), "email") != pairs[0].reasons.end());
    CHECK(m.duplicates(101).empty());

    // Backups never overwrite.
    auto backup = dir.file("backup");
    m.backup(backup);
    CHECK(std::filesystem::exists(backup));
    CHECK_THROWS_AS(m.backup(backup), Error);

    // Right of access: everything held on Kari, and nothing on anyone else.
    auto doc = m.personal_data(x.kari);
    REQUIRE(doc["customer"].is_object());
    CHECK(doc["customer"]["name"] == "Kari Nordmann");
    CHECK(doc["customer"]["number"] == "K-1");
    CHECK(doc["tags"] == nlohmann::ordered_json::array({"vip"}));
    CHECK(doc["orders"].size() == 4);
    CHECK(doc["orders"][0]["lines"].size() == 1);
    CHECK(doc["payments"].size() == 1);
    CHECK(doc["contacts"].size() == 4);
    CHECK(m.personal_data(x.per)["orders"].empty());
    // History held on Kari is part of it: the seed's entry recorded her rows.
    REQUIRE(doc["history"].is_array());
    CHECK_FALSE(doc["history"].empty());

    // Right to erasure: the customer goes everywhere, history included, and it cannot be undone.
    m.forget(x.kari, "customer forget #1");
    CHECK_FALSE(s.customers().by_id(x.kari));
    store::OrderFilter kari_orders;
    kari_orders.customer_id = x.kari;
    CHECK(order_numbers(s, kari_orders).empty());
    CHECK(order_numbers(s, {}) == Strings{"O-5"});
    CHECK(payment_refs(s, {}) == Strings{"P-2"});
    CHECK(contact_ids(s, {}) == Ids{x.c4});
    CHECK(s.customers().by_id(x.ola));
    store::CustomerFilter search;
    search.search = "kari";
    CHECK(customer_ids(s, search) == Ids{twin});
    auto h = s.history().list(10);
    REQUIRE_FALSE(h.empty());
    CHECK(h.back().command == "customer forget #1");
    CHECK_FALSE(h.back().undoable);
    CHECK_THROWS_AS(s.history().undo(h.back().id, "undo"), Error);
    CHECK_THROWS_AS(s.history().undo(x.entry, "undo"), Error);  // the seed held Kari
    CHECK_FALSE(s.customers().by_id(x.kari));
    auto gone = m.personal_data(x.kari);
    CHECK_FALSE(gone["customer"].is_object());
    CHECK(gone["orders"].empty());
    CHECK(gone["history"].empty());
    CHECK(m.check(false).empty());

    // Ids are never given twice, not even the highest once it is erased.
    CHECK(m.forget(twin, "customer forget #4").complete);
    std::int64_t next = 0;
    in_write(s, "customer add", [&] { next = s.customers().insert(person("K-10", "Eva Lund", "Oslo")); });
    CHECK(next > twin);
    CHECK(m.check(false).empty());
  });
}

namespace {

model::RuleNode customer_rule(const std::string& text) { return crm::parse_rule(text, crm::customer_rule_fields()); }

// Creates the dynamic segment "rich" (revenue > 50) as of 2026-03-15 in a write of its own:
// its id, and who entered at the first refresh.
std::pair<std::int64_t, store::MembershipChange> create_rich_segment(store::Store& s) {
  std::pair<std::int64_t, store::MembershipChange> out;
  in_write(s, "segment create rich", [&] {
    store::Segment d;
    d.name = "rich";
    d.dynamic = true;
    d.rule = "revenue > 50";
    d.created_at = "2026-03-15 09:00:00";
    out.first = s.segments().create(d);
    out.second = s.segments().refresh(out.first, {customer_rule("revenue > 50"), "2026-03-15"}, "2026-03-15 09:00:00",
                                      "create");
  });
  return out;
}

Ids segment_events(store::Store& s, std::int64_t segment, const store::SegmentEventFilter& f, Strings* causes = nullptr) {
  Ids out;
  s.segments().events(segment, f, [&](const store::SegmentEvent& e) {
    out.push_back(e.entered ? e.customer_id : -e.customer_id);
    if (causes) causes->push_back(e.cause);
  });
  return out;
}

}  // namespace

TEST_CASE("store contract: segments evaluate rules, keep members, and record who entered and left") {
  for_each_backend([](store::Store& s, const test::TempDir&) {
    auto x = seed(s);
    auto& seg = s.segments();
    // Kari: revenue 110.00, owes 20.00 past her 10 days' terms since 2026-02-01, last order
    // 2026-03-01, four contacts with one complaint. Ola: revenue 20.00, paid. Per: nothing.
    auto count = [&](const std::string& rule, const std::string& today = "2026-03-15") {
      auto tree = customer_rule(rule);
      return seg.count_matching(store::RuleQuery{tree, today});
    };
    CHECK(count("revenue > 50") == 1);
    CHECK(count("revenue > 50 or country = se") == 2);
    CHECK(count("recency_days <= 30") == 1);
    CHECK(count("recency_days <= 30", "2026-04-01") == 0);
    CHECK(count("last_order_at >= -70d") == 2);
    CHECK(count("overdue", "2026-02-11") == 0);
    CHECK(count("overdue", "2026-02-12") == 1);
    CHECK(count("over_limit and balance = 20") == 1);
    CHECK(count("contacts >= 4 and complaints = 1 and inbound = 3") == 1);
    CHECK(count("orders = 0") == 1);  // no statistics is zero
    CHECK(count("p_alive = null and clv = null") == 3);  // nothing scored yet
    CHECK(count("tag:vip and city = tromso") == 1);
    CHECK(count("not tag:vip") == 2);
    CHECK(count("name = 'x'' OR 1=1 --'") == 0);

    std::int64_t rich = 0, hand = 0;
    const auto entries = s.history().list(1000).size();
    auto [created, first] = create_rich_segment(s);
    rich = created;
    CHECK(first.members == 1);
    CHECK(first.entered == 1);
    CHECK(s.history().list(1000).size() == entries + 1);
    auto found = seg.find("rich");
    REQUIRE(found);
    CHECK(found->dynamic);
    CHECK(found->rule == "revenue > 50");
    CHECK(found->members == 1);
    CHECK(found->refreshed_at == std::optional<std::string>("2026-03-15 09:00:00"));
    CHECK_FALSE(seg.find("Rich"));
    CHECK(seg.member_ids(rich) == Ids{x.kari});

    // A refresh outside a write is no history entry; it records who entered and who left.
    auto wider = customer_rule("revenue > 15");
    auto change = seg.refresh(rich, {wider, "2026-03-16"}, "2026-03-16 09:00:00", "refresh");
    CHECK(change.entered == 1);
    CHECK(change.left == 0);
    CHECK(change.members == 2);
    CHECK(s.history().list(1000).size() == entries + 1);
    auto narrower = customer_rule("revenue > 15 and country = no and tag:vip");
    change = seg.refresh(rich, {narrower, "2026-03-17"}, "2026-03-17 09:00:00", "refresh");
    CHECK(change.left == 1);
    CHECK(seg.member_ids(rich) == Ids{x.kari});
    Strings causes;
    CHECK(segment_events(s, rich, {}, &causes) == Ids{x.kari, x.ola, -x.ola});
    CHECK(causes == Strings{"create", "refresh", "refresh"});
    CHECK(segment_events(s, rich, {std::string("2026-03-16 12:00"), std::nullopt}) == Ids{-x.ola});
    CHECK(segment_events(s, rich, {std::nullopt, true}) == Ids{x.kari, x.ola});

    // Static members by hand, in writes that undo reverts.
    in_write(s, "segment create hand", [&] {
      store::Segment d;
      d.name = "hand";
      d.created_at = "2026-03-18 09:00:00";
      hand = seg.create(d);
    });
    std::int64_t add_entry = in_write(s, "segment add hand", [&] {
      std::vector<std::int64_t> ids{x.per, x.ola, x.per};
      auto added = seg.add_members(hand, ids, "2026-03-18 10:00:00");
      CHECK(added.entered == 2);
      CHECK(added.members == 2);
    });
    in_write(s, "segment remove hand", [&] {
      std::vector<std::int64_t> ids{x.per, x.kari};
      auto removed = seg.remove_members(hand, ids, "2026-03-18 11:00:00");
      CHECK(removed.left == 1);
      CHECK(removed.members == 1);
    });
    CHECK(seg.member_ids(hand) == Ids{x.ola});
    CHECK(segment_events(s, hand, {}) == Ids{x.ola, x.per, -x.per});
    auto listed = seg.list();
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].name == "hand");
    CHECK_FALSE(listed[0].dynamic);
    CHECK(listed[0].rule.empty());
    CHECK(listed[0].members == 1);
    CHECK(listed[1].name == "rich");

    // Rules and lists see segments.
    CHECK(count("segment:hand or segment:rich") == 2);
    CHECK(count("not segment:hand") == 2);
    store::CustomerFilter f;
    f.segment = "hand";
    CHECK(customer_ids(s, f) == Ids{x.ola});
    f.segment = "nothing";
    CHECK(customer_ids(s, f).empty());
    f.segment.reset();
    f.rule = customer_rule("segment:rich or city = bergen");
    f.rule_today = "2026-03-15";
    f.sort = "name";
    CHECK(customer_ids(s, f) == Ids{x.kari, x.ola});
    f.tags = {"vip"};
    CHECK(customer_ids(s, f) == Ids{x.kari});

    // Undo of the remove, then of the add.
    s.history().undo(std::nullopt, "undo");
    CHECK(seg.member_ids(hand) == Ids{x.ola, x.per});
    s.history().undo(add_entry, "undo");
    CHECK(seg.member_ids(hand).empty());

    // Erasing a customer takes them out of every segment and its record.
    in_write(s, "segment add hand", [&] {
      std::vector<std::int64_t> ids{x.kari};
      seg.add_members(hand, ids, "2026-03-19 10:00:00");
    });
    in_write(s, "customer rm", [&] { s.customers().erase(x.kari); });
    CHECK(seg.member_ids(hand).empty());
    CHECK(seg.member_ids(rich).empty());
    CHECK(segment_events(s, rich, {}) == Ids{x.ola, -x.ola});
    s.history().undo(std::nullopt, "undo");
    CHECK(seg.member_ids(hand) == Ids{x.kari});  // static membership comes back with the customer

    // Dropping takes the members and the record; undo brings the definition back.
    in_write(s, "segment drop rich", [&] { seg.drop(rich); });
    CHECK_FALSE(seg.find("rich"));
    CHECK(count("segment:rich") == 0);
    s.history().undo(std::nullopt, "undo");
    found = seg.find("rich");
    REQUIRE(found);
    CHECK(found->members == 0);
    CHECK_FALSE(found->refreshed_at);
    CHECK(s.maintenance().check(false).empty());
  });
}

TEST_CASE("store contract: report streams read the rows that count up to a day, and sum them as stored statistics do") {
  for_each_backend([](store::Store& s, const test::TempDir&) {
    auto x = seed(s);
    auto& a = s.analytics();
    auto query = [](std::string as_of, std::optional<std::string> since = std::nullopt,
                     std::optional<Ids> customers = std::nullopt) {
      return store::AnalyticsQuery{std::move(as_of), std::move(since), std::move(customers)};
    };

    // Orders: cancelled O-3 left out; by customer, then day; sums of their lines.
    struct Order {
      std::int64_t customer, id;
      std::string day, channel;
      std::int64_t lines, amount, cost, with_cost, returns;
      bool operator==(const Order&) const = default;
    };
    auto orders = [&](const store::AnalyticsQuery& q) {
      std::vector<Order> out;
      a.orders(q, [&](const store::OrderFact& o) {
        out.push_back({o.customer_id, o.order_id, std::string(o.day), std::string(o.channel), o.lines, o.amount, o.cost,
                       o.amount_with_cost, o.returns});
      });
      return out;
    };
    std::vector<Order> all = orders(query("2026-12-31"));
    REQUIRE(all.size() == 4);
    CHECK(all[0] == Order{x.kari, x.o1, "2026-01-01", "web", 1, 10000, 4000, 10000, 0});
    CHECK(all[1] == Order{x.kari, x.o2, "2026-02-01", "phone", 2, 6000, 1000, 5000, 0});
    CHECK(all[2] == Order{x.kari, x.o4, "2026-03-01", "", 1, -5000, -1000, -5000, -5000});
    CHECK(all[3] == Order{x.ola, x.o5, "2026-01-10", "retail", 1, 2000, 500, 2000, 0});
    // The as-of day counts whole, since from its day on; a segment's customers only.
    auto ids = [&](const store::AnalyticsQuery& q) {
      Ids out;
      for (const auto& o : orders(q)) out.push_back(o.id);
      return out;
    };
    CHECK(ids(query("2026-02-01")) == Ids{x.o1, x.o2, x.o5});
    CHECK(ids(query("2026-01-31")) == Ids{x.o1, x.o5});
    CHECK(ids(query("2026-12-31", "2026-01-10")) == Ids{x.o2, x.o4, x.o5});
    CHECK(ids(query("2026-12-31", std::nullopt, Ids{x.ola, x.per})) == Ids{x.o5});
    CHECK(ids(query("2026-12-31", std::nullopt, Ids{})).empty());
    CHECK(ids(query("2025-12-31")).empty());

    // Lines: each with its product's category and cost, or none.
    std::vector<std::tuple<std::int64_t, std::int64_t, std::string, std::string, double, std::int64_t,
                           std::optional<std::int64_t>>>
        lines;
    a.order_lines(query("2026-12-31"), [&](const store::LineFact& l) {
      lines.emplace_back(l.order_id, l.line, std::string(l.day), std::string(l.category), l.quantity, l.amount, l.cost);
      if (l.order_id == x.o5) CHECK_FALSE(l.product_id);
      if (l.order_id == x.o1) CHECK(l.product_id == x.book);
      if (l.order_id == x.o1) CHECK(l.channel == "web");
    });
    using Line = decltype(lines)::value_type;
    CHECK(lines == std::vector<Line>{Line{x.o1, 1, "2026-01-01", "books", 1, 10000, 4000},
                                     Line{x.o2, 1, "2026-02-01", "games", 1, 5000, 1000},
                                     Line{x.o2, 2, "2026-02-01", "", 2, 1000, std::nullopt},
                                     Line{x.o4, 1, "2026-03-01", "games", -1, -5000, -1000},
                                     Line{x.o5, 1, "2026-01-10", "", 1, 2000, 500}});

    // Category amounts: the lines summed per customer and category, customer by customer
    // (a customer's categories in any order); a line without a category sums under "".
    using Amount = std::tuple<std::int64_t, std::string, std::int64_t>;
    auto amounts = [&](const store::AnalyticsQuery& q) {
      std::vector<Amount> out;
      Ids order;
      a.category_amounts(q, [&](const store::CustomerCategoryAmount& c) {
        if (order.empty() || order.back() != c.customer_id) order.push_back(c.customer_id);
        out.emplace_back(c.customer_id, std::string(c.category), c.amount);
      });
      CHECK(std::is_sorted(order.begin(), order.end()));
      CHECK(std::adjacent_find(order.begin(), order.end()) == order.end());
      std::sort(out.begin(), out.end());
      return out;
    };
    CHECK(amounts(query("2026-12-31")) ==
          std::vector<Amount>{{x.kari, "", 1000}, {x.kari, "books", 10000}, {x.kari, "games", 0}, {x.ola, "", 2000}});
    CHECK(amounts(query("2026-02-01")) ==
          std::vector<Amount>{{x.kari, "", 1000}, {x.kari, "books", 10000}, {x.kari, "games", 5000}, {x.ola, "", 2000}});
    CHECK(amounts(query("2026-12-31", "2026-02-01", Ids{x.kari})) ==
          std::vector<Amount>{{x.kari, "", 1000}, {x.kari, "games", 0}});
    // The main category: the largest amount; none where no category adds up above zero.
    std::vector<std::pair<std::int64_t, std::string>> main;
    crm::main_categories(a, query("2026-12-31"), [&](std::int64_t id, std::string_view category) {
      main.emplace_back(id, std::string(category));
    });
    CHECK(main == std::vector<std::pair<std::int64_t, std::string>>{{x.kari, "books"}, {x.ola, ""}});
    main.clear();
    crm::main_categories(a, query("2026-12-31", "2026-02-01"), [&](std::int64_t id, std::string_view category) {
      main.emplace_back(id, std::string(category));
    });
    CHECK(main == std::vector<std::pair<std::int64_t, std::string>>{{x.kari, ""}});

    // Purchase days: one per customer and day.
    std::vector<std::tuple<std::int64_t, std::string, std::int64_t, std::int64_t>> days;
    a.purchase_days(query("2026-12-31"), [&](const store::PurchaseDay& d) {
      days.emplace_back(d.customer_id, std::string(d.day), d.orders, d.amount);
    });
    using Day = decltype(days)::value_type;
    CHECK(days == std::vector<Day>{Day{x.kari, "2026-01-01", 1, 10000}, Day{x.kari, "2026-02-01", 1, 6000},
                                   Day{x.kari, "2026-03-01", 1, -5000}, Day{x.ola, "2026-01-10", 1, 2000}});

    // Customer totals equal the materialised statistics when the day is after every order.
    Ids totalled;
    a.customer_totals(query("2026-12-31"), [&](const store::CustomerTotals& t) {
      totalled.push_back(t.customer_id);
      auto stats = s.customers().stats(t.customer_id);
      CHECK(t.orders == stats.orders);
      CHECK(t.revenue == stats.revenue);
      CHECK(t.cost == stats.cost);
      CHECK(std::string(t.first_order) == stats.first_order_at.value_or("").substr(0, 10));
      CHECK(std::string(t.last_order) == stats.last_order_at.value_or("").substr(0, 10));
      if (t.customer_id == x.kari) {
        CHECK(t.purchase_days == 3);
        CHECK(t.lines == 4);
        CHECK(t.revenue_with_cost == 10000);
        CHECK(t.returns == -5000);
      }
    });
    CHECK(totalled == Ids{x.kari, x.ola});
    a.customer_totals(query("2026-01-31"), [&](const store::CustomerTotals& t) {
      if (t.customer_id == x.kari) {
        CHECK(t.orders == 1);
        CHECK(t.revenue == 10000);
        CHECK(std::string(t.last_order) == "2026-01-01");
      }
    });

    // Contacts up to a day (a time on the as-of day counts), complaints by the rules.
    std::vector<std::tuple<std::int64_t, std::int64_t, std::string, std::string, bool, bool>> contacts;
    a.contacts(query("2026-03-02"), [&](const store::ContactFact& k) {
      contacts.emplace_back(k.customer_id, k.contact_id, std::string(k.day), std::string(k.channel), k.inbound, k.complaint);
    });
    using Contact = decltype(contacts)::value_type;
    CHECK(contacts == std::vector<Contact>{Contact{x.kari, x.c5, "2026-02-01", "phone", true, false},
                                           Contact{x.kari, x.c1, "2026-03-01", "phone", true, true},
                                           Contact{x.kari, x.c2, "2026-03-02", "email", false, false},
                                           Contact{x.ola, x.c4, "2026-03-01", "visit", true, false}});
    // Unordered: the same contacts, in any order.
    auto any_order = query("2026-03-02");
    any_order.ordered = false;
    std::vector<Contact> unordered;
    a.contacts(any_order, [&](const store::ContactFact& k) {
      unordered.emplace_back(k.customer_id, k.contact_id, std::string(k.day), std::string(k.channel), k.inbound, k.complaint);
    });
    std::sort(unordered.begin(), unordered.end());
    std::vector<Contact> sorted = contacts;
    std::sort(sorted.begin(), sorted.end());
    CHECK(unordered == sorted);

    // Profiles: every customer, or a segment's; dates do not apply.
    std::vector<std::tuple<std::int64_t, std::string, std::string, std::string, Strings>> profiles;
    auto read_profiles = [&](const store::AnalyticsQuery& q) {
      profiles.clear();
      a.customer_profiles(q, [&](const store::CustomerProfile& p) {
        profiles.emplace_back(p.id, std::string(p.number), std::string(p.country), std::string(p.city),
                              Strings(p.tags.begin(), p.tags.end()));
      });
    };
    read_profiles(query("2000-01-01"));
    using Profile = decltype(profiles)::value_type;
    CHECK(profiles == std::vector<Profile>{Profile{x.kari, "K-1", "NO", "Tromsø", {"vip"}},
                                           Profile{x.ola, "K-2", "NO", "Bergen", {}},
                                           Profile{x.per, "K-3", "SE", "Göteborg", {}}});
    read_profiles(query("2026-12-31", std::nullopt, Ids{x.per}));
    CHECK(profiles.size() == 1);
    // Labels: the same customers, number and name alone.
    std::vector<std::tuple<std::int64_t, std::string, std::string>> labels;
    a.customer_labels(query("2000-01-01"), [&](const store::CustomerLabel& l) {
      labels.emplace_back(l.id, std::string(l.number), std::string(l.name));
    });
    REQUIRE(labels.size() == 3);
    CHECK(labels[0] == std::tuple<std::int64_t, std::string, std::string>{x.kari, "K-1", "Kari Nordmann"});
    CHECK(std::get<0>(labels[2]) == x.per);
    // The day each was created, as profiles give it.
    std::vector<std::pair<std::int64_t, std::string>> created, profiled;
    a.customer_labels(query("2000-01-01"),
                      [&](const store::CustomerLabel& l) { created.emplace_back(l.id, std::string(l.created_at)); });
    a.customer_profiles(query("2000-01-01"),
                        [&](const store::CustomerProfile& p) { profiled.emplace_back(p.id, std::string(p.created_at)); });
    CHECK(created == profiled);
    labels.clear();
    a.customer_labels(query("2026-12-31", std::nullopt, Ids{x.per}),
                      [&](const store::CustomerLabel& l) { labels.emplace_back(l.id, std::string(l.number), std::string(l.name)); });
    CHECK(labels.size() == 1);
    // The wallet, when the customer has one.
    in_write(s, "customer edit", [&] {
      auto ola = s.customers().by_id(x.ola);
      REQUIRE(ola);
      ola->wallet = 2500000;
      s.customers().update(*ola);
    });
    std::vector<std::pair<std::int64_t, std::optional<std::int64_t>>> wallets;
    a.customer_profiles(query("2026-12-31"), [&](const store::CustomerProfile& p) { wallets.emplace_back(p.id, p.wallet); });
    using Wallet = decltype(wallets)::value_type;
    CHECK(wallets == std::vector<Wallet>{Wallet{x.kari, std::nullopt}, Wallet{x.ola, 2500000}, Wallet{x.per, std::nullopt}});
  });
}

TEST_CASE("store contract: scores are stored part by part, outside history") {
  for_each_backend([](store::Store& s, const test::TempDir&) {
    auto x = seed(s);
    auto& a = s.analytics();
    const auto entries = s.history().list(100).size();
    CHECK_FALSE(a.scores(x.kari));

    std::vector<store::CustomerScore> clv(2);
    clv[0].customer_id = x.kari;
    clv[0].p_alive = 0.75;
    clv[0].expected_purchases = 1.5;
    clv[0].expected_order_value = 4200;
    clv[0].clv = 6300;
    clv[1].customer_id = x.ola;
    clv[1].p_alive = 0.5;
    clv[1].clv = 100;
    store::ScoreSave save{store::ScorePart::clv, "2026-06-30", std::string("bgnbd"), true, clv};
    a.save_scores(save);
    std::vector<store::CustomerScore> rfm(1);
    rfm[0].customer_id = x.kari;
    rfm[0].rfm_r = 5;
    rfm[0].rfm_f = 4;
    rfm[0].rfm_m = 3;
    rfm[0].rfm_segment = "Loyal";
    a.save_scores({store::ScorePart::rfm, "2026-07-01", std::nullopt, true, rfm});

    auto kari = a.scores(x.kari);
    REQUIRE(kari);
    CHECK(kari->as_of == "2026-07-01");
    CHECK(kari->model == "bgnbd");
    CHECK(kari->score.p_alive == 0.75);
    CHECK(kari->score.expected_purchases == 1.5);
    CHECK(kari->score.expected_order_value == 4200);
    CHECK(kari->score.clv == 6300);
    CHECK(kari->score.rfm_r == 5);
    CHECK(kari->score.rfm_segment == "Loyal");
    CHECK_FALSE(kari->score.churn_risk);
    CHECK_FALSE(a.scores(x.per));

    // A run over everyone replaces the part: Kari, not in it, keeps only her RFM scores.
    std::vector<store::CustomerScore> again(1);
    again[0].customer_id = x.ola;
    again[0].p_alive = 0.25;
    again[0].clv = 50;
    a.save_scores({store::ScorePart::clv, "2026-08-01", std::string("mbgnbd"), true, again});
    kari = a.scores(x.kari);
    REQUIRE(kari);
    CHECK_FALSE(kari->score.clv);
    CHECK_FALSE(kari->model);
    CHECK(kari->score.rfm_m == 3);
    CHECK(a.scores(x.ola)->score.p_alive == 0.25);
    CHECK(a.scores(x.ola)->model == "mbgnbd");

    // A run over a segment changes only its members; a customer with nothing left has no row.
    std::vector<store::CustomerScore> risk(1);
    risk[0].customer_id = x.per;
    risk[0].churn_risk = "P(alive) 0.20 below 0.5";
    a.save_scores({store::ScorePart::churn, "2026-08-02", std::nullopt, false, risk});
    CHECK(a.scores(x.per)->score.churn_risk == "P(alive) 0.20 below 0.5");
    a.save_scores({store::ScorePart::rfm, "2026-08-03", std::nullopt, true, {}});
    CHECK_FALSE(a.scores(x.kari));
    CHECK(a.scores(x.per));

    // Derived data: no history entry, and erasing a customer takes the scores along.
    CHECK(s.history().list(100).size() == entries);
    CHECK(s.maintenance().check(false).empty());
    in_write(s, "customer rm", [&] { s.customers().erase(x.per); });
    CHECK_FALSE(a.scores(x.per));
  });
}

TEST_CASE("store contract: other systems' exports keep their contact persons, freight, order attributes and discounts") {
  for_each_backend([](store::Store& s, const test::TempDir&) {
    auto x = seed(s);
    // A company with a contact person, and an order with freight, attributes and a
    // discounted line; one more order without lines yet (a header whose lines are to come).
    model::Customer firm = person("K-20", "Fjord Bygg AS", "Ålesund");
    firm.kind = "company";
    firm.contact_person = "Åse Fjeld";
    firm.attributes = {{"industry", "construction"}};
    std::int64_t firm_id = 0, shipped = 0, header = 0;
    model::OrderLine discounted = line(1, x.book, 2, 18000, 8000);
    discounted.unit_price = 10000;
    discounted.gross = 20000;
    discounted.discount = 0.1;
    model::OrderLine uncosted = line(2, x.pen, 1, 500, std::nullopt);
    in_write(s, "import", [&] {
      firm_id = s.customers().insert(firm);
      model::Order o;
      o.number = "O-20";
      o.customer_id = firm_id;
      o.ordered_at = "2026-04-01";
      o.freight = 700;
      o.attributes = {{"ship_to", "Kaia 1, Ålesund"}, {"carrier", "Bring"}};
      shipped = s.orders().insert(o);
      s.orders().insert_line(shipped, discounted);
      s.orders().insert_line(shipped, uncosted);
      model::Order h;
      h.number = "O-21";
      h.customer_id = firm_id;
      h.ordered_at = "2026-04-02";
      h.freight = 300;
      header = s.orders().insert(h);
    });

    auto got = s.customers().by_id(firm_id);
    REQUIRE(got);
    CHECK(got->contact_person == std::optional<std::string>("Åse Fjeld"));
    store::CustomerFilter search;
    search.search = "ase";
    CHECK(customer_ids(s, search) == Ids{firm_id});  // the contact person is searched
    search.search = "construction";
    CHECK(customer_ids(s, search) == Ids{firm_id});  // and the attributes' values

    auto order = s.orders().by_id(shipped);
    REQUIRE(order);
    CHECK(order->freight == std::optional<std::int64_t>(700));
    CHECK(order->attributes == std::map<std::string, std::string>{{"carrier", "Bring"}, {"ship_to", "Kaia 1, Ålesund"}});
    CHECK(s.orders().attribute_keys() == Strings{"carrier", "ship_to"});
    auto lines = s.orders().lines(shipped);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].line == discounted);
    CHECK(lines[1].line == uncosted);
    CHECK(s.orders().line(shipped, 1) == std::optional<model::OrderLine>(discounted));

    // Lists: net and gross amounts, the freight as a cost once there are lines, and the
    // revenue without a cost apart.
    store::OrderFilter f;
    f.customer_id = firm_id;
    std::vector<store::OrderSummary> listed;
    s.orders().list(f, [&](const store::OrderSummary& o) { listed.push_back(o); });
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].amount == 18500);
    CHECK(listed[0].gross == 20500);
    CHECK(listed[0].cost == 8700);
    CHECK(listed[0].uncosted == 500);
    CHECK(listed[1].lines == 0);
    CHECK(listed[1].cost == 0);
    // An export names the order without lines once, as line 0.
    Strings exported;
    s.orders().export_lines(f, [&](const store::OrderSummary& o, const store::LineView& l) {
      exported.push_back(fmt::format("{}/{}", o.order.number, l.line.line));
    });
    CHECK(exported == Strings{"O-20/1", "O-20/2", "O-21/0"});
    auto sales = s.products().sales(x.pen);
    CHECK(sales.uncosted == 1500);  // Kari's two pens and this one

    // The statistics follow the definitions: freight in cost, uncosted revenue apart.
    check_order_stats(s, firm_id);
    auto stats = s.customers().stats(firm_id);
    CHECK(stats.revenue == 18500);
    CHECK(stats.cost == 8700);
    CHECK(stats.uncosted_revenue == 500);

    // The same through an import write, then undone.
    auto before = s.history().list(1000).size();
    {
      auto w = s.begin_import("import orders");
      model::Order o;
      o.number = "O-22";
      o.customer_id = x.ola;
      o.ordered_at = "2026-04-03";
      o.freight = 100;
      o.attributes = {{"carrier", "Posten"}};
      o.id = w->add_order_if_new(o);
      REQUIRE(o.id > 0);
      w->add_line(o, discounted);
      w->commit("1 order imported");
    }
    auto imported = s.orders().by_number("O-22");
    REQUIRE(imported);
    CHECK(imported->freight == std::optional<std::int64_t>(100));
    CHECK(imported->attributes.at("carrier") == "Posten");
    CHECK(s.orders().lines(imported->id).at(0).line == discounted);
    check_order_stats(s, x.ola);
    CHECK(s.history().list(1000).size() == before + 1);
    s.history().undo(std::nullopt, "undo");
    CHECK_FALSE(s.orders().by_number("O-22"));
    check_order_stats(s, x.ola);

    // Access: the order's attributes as an object, the lines with their discounts.
    auto doc = s.maintenance().personal_data(firm_id);
    CHECK(doc["customer"]["contact_person"] == "Åse Fjeld");
    REQUIRE(doc["orders"].size() == 2);
    CHECK(doc["orders"][0]["attributes"]["carrier"] == "Bring");
    CHECK(doc["orders"][0]["lines"][0]["gross"] == 20000);
    CHECK(doc["orders"][0]["lines"][0]["discount"] == 0.1);
    CHECK(doc["segments"].is_array());
    CHECK(doc["segment_history"].is_array());
    CHECK(s.maintenance().check(false).empty());
  });
}

TEST_CASE("store contract: offers are stored per customer, replaced by the next run, outside history") {
  for_each_backend([](store::Store& s, const test::TempDir&) {
    auto x = seed(s);
    auto& a = s.analytics();
    const auto entries = s.history().list(100).size();
    CHECK_FALSE(a.offers(x.kari));

    std::vector<store::CustomerOffers> first = {
        {x.kari, {{"music", {"books"}, 0.75, 1.5}, {"games", {"books", "music"}, 0.5, 1.25}}},
        {x.ola, {{"books", {"games"}, 1.0, 1.25}}}};
    a.save_offers({"2026-06-30", "category", first});
    auto kari = a.offers(x.kari);
    REQUIRE(kari);
    CHECK(kari->as_of == "2026-06-30");
    CHECK(kari->level == "category");
    REQUIRE(kari->offers.size() == 2);
    CHECK(kari->offers[0].item == "music");
    CHECK(kari->offers[0].because == std::vector<std::string>{"books"});
    CHECK(kari->offers[0].confidence == 0.75);
    CHECK(kari->offers[0].lift == 1.5);
    CHECK(kari->offers[1].because == std::vector<std::string>{"books", "music"});

    // A later run replaces the offers of the customers it lists, and only theirs; a customer
    // listed with none loses them.
    std::vector<store::CustomerOffers> second = {{x.kari, {{"games", {"music"}, 0.6, 2.0}}}, {x.ola, {}}};
    a.save_offers({"2026-07-31", "product", second});
    kari = a.offers(x.kari);
    REQUIRE(kari);
    CHECK(kari->as_of == "2026-07-31");
    CHECK(kari->level == "product");
    REQUIRE(kari->offers.size() == 1);
    CHECK(kari->offers[0].item == "games");
    CHECK_FALSE(a.offers(x.ola));
    a.save_offers({"2026-08-31", "category", std::vector<store::CustomerOffers>{{x.per, {{"books", {"music"}, 0.5, 1.0}}}}});
    CHECK(a.offers(x.kari));
    CHECK(a.offers(x.per));
    // A run over everyone replaces every customer's offers.
    a.save_offers({"2026-09-30", "category", std::vector<store::CustomerOffers>{{x.per, {{"games", {"music"}, 0.5, 1.0}}}}, true});
    CHECK_FALSE(a.offers(x.kari));
    REQUIRE(a.offers(x.per));
    CHECK(a.offers(x.per)->offers[0].item == "games");

    // Derived data: no history entry, and erasing a customer takes the offers along.
    CHECK(s.history().list(100).size() == entries);
    CHECK(s.maintenance().check(false).empty());
    in_write(s, "customer rm", [&] { s.customers().erase(x.per); });
    CHECK_FALSE(a.offers(x.per));
  });
}

TEST_CASE("store contract: a copy into every backend holds the same rows, and a copy of the copy too") {
  for_each_backend([](store::Store& s, const test::TempDir& dir) {
    static const crm::StatisticsRules rules;
    auto x = seed(s);
    // Rows of every kind a copy must carry: text in several scripts, a discount, JSON
    // attributes, a segment with members and history, scores and offers.
    model::Customer firm = person("K-20", "Fjord Bygg AS «Ålesund»", "Ålesund");
    firm.kind = "company";
    firm.contact_person = "Åse Fjeld";
    firm.attributes = {{"industry", "construction"}, {"note", "tab\there, quote \" and \\ too"}};
    model::OrderLine discounted = line(1, x.book, 2, 18000, 8000);
    discounted.unit_price = 10000;
    discounted.gross = 20000;
    discounted.discount = 0.1;
    in_write(s, "import", [&] {
      auto id = s.customers().insert(firm);
      model::Order o;
      o.number = "O-20";
      o.customer_id = id;
      o.ordered_at = "2026-04-01";
      o.freight = 700;
      o.attributes = {{"carrier", "Bring"}};
      s.orders().insert_line(s.orders().insert(o), discounted);
    });
    create_rich_segment(s);
    std::vector<store::CustomerScore> clv(1);
    clv[0].customer_id = x.kari;
    clv[0].p_alive = 0.75;
    clv[0].clv = 6300;
    s.analytics().save_scores(store::ScoreSave{store::ScorePart::clv, "2026-06-30", std::string("bgnbd"), true, clv});
    s.analytics().save_offers({"2026-06-30", "category", std::vector<store::CustomerOffers>{{x.kari, {{"music", {"books"}, 0.75, 1.5}}}}});
    const auto digest = store::digest_store(s);

    auto same_as_source = [&](store::Store& copy) {
      auto got = store::digest_store(copy);
      REQUIRE(got.size() == digest.size());
      for (std::size_t i = 0; i < got.size(); ++i) {
        INFO("table " << got[i].table);
        CHECK(got[i].rows == digest[i].rows);
        CHECK(got[i].hash == digest[i].hash);
      }
      CHECK(copy.maintenance().check(false).empty());
      auto kari = copy.customers().id_by_number("K-1");
      REQUIRE(kari);
      CHECK(copy.customers().stats(*kari).revenue == s.customers().stats(x.kari).revenue);
    };
    std::vector<std::string> targets = {dir.file("copy.db")};
    if (const char* pg = std::getenv("KUNDE_TEST_PG"); pg && *pg) targets.push_back(test::new_pg_database("kunde_copy"));
    for (const auto& to : targets) {
      INFO("copy to " << to);
      auto counts = store::copy_store(s, to, rules);
      CHECK_FALSE(counts.empty());
      auto copy = store::open_store(to, rules);
      same_as_source(*copy);
      // And back again, into a new file: nothing lost on the way there or back.
      std::string back = dir.file("back-" + std::to_string(counts.size()) + "-" + std::to_string(to.size()) + ".db");
      store::copy_store(*copy, back, rules);
      auto again = store::open_store(back, rules);
      same_as_source(*again);
      // A copy never overwrites.
      CHECK_THROWS_AS(store::copy_store(s, to, rules), Error);
    }
  });
}
