// Orders, payments, the materialised statistics and a customer's account.
#include <doctest/doctest.h>

#include "crm/payments.hpp"
#include "helpers.hpp"
#include "model/order.hpp"
#include "store/store.hpp"

using namespace kunde;

TEST_CASE("order model helpers") {
  CHECK(model::strip_zero_fraction("17850.0") == "17850");
  CHECK(model::strip_zero_fraction("17850.00") == "17850");
  CHECK(model::strip_zero_fraction("17850.5") == "17850.5");
  CHECK(model::strip_zero_fraction("K-1.0") == "K-1.0");
  CHECK(model::normalise_status("Canceled") == "cancelled");
  CHECK(model::normalise_status("") == "completed");
  CHECK(*model::normalise_channel(" Web ") == "web");
  CHECK(model::line_total(-1.5, 1001) == -1502);
  model::ContentHash a, b;
  a.add("ab"), a.add("c");
  b.add("a"), b.add("bc");
  CHECK(a.value() != b.value());
  CHECK(model::content_key(0xabc, 2) == "~0000000000000abc.2");
}

TEST_CASE("balance, overdue and statistics follow payments, credit notes and cancellations") {
  test::StoreFixture fx;
  auto write = fx.store().begin_write("test");
  auto& customers = fx.store().customers();
  model::Customer c;
  c.number = "K-1";
  c.name = "Kari";
  c.payment_terms_days = 10;
  std::int64_t id = customers.insert(c);
  auto& orders = fx.store().orders();
  auto add = [&](const char* number, const char* at, std::int64_t amount, std::int64_t cost) {
    model::Order o;
    o.number = number;
    o.customer_id = id;
    o.ordered_at = at;
    o.id = orders.insert(o);
    model::OrderLine l;
    l.line = 1;
    l.amount = amount;
    l.cost = cost;
    orders.insert_line(o.id, l);
    return o.id;
  };
  add("A", "2026-01-01", 10000, 4000);
  add("B", "2026-02-01", 5000, 1000);
  std::int64_t cancelled = add("C", "2026-01-15", 7000, 0);
  orders.set_status(cancelled, "cancelled");
  add("R", "2026-03-01", -2000, -800);  // a credit note
  fx.store().payments().insert({0, "P1", id, "2026-01-20", 9000});
  write->commit("4 orders, 1 payment");

  auto s = customers.stats(id);
  CHECK(s.orders == 3);
  CHECK(s.revenue == 13000);
  CHECK(s.margin == 13000 - 4200);
  CHECK(s.balance == 4000);
  // 9000 paid + 2000 credit settle A (10000) and 1000 of B: B is the oldest unpaid.
  REQUIRE(s.oldest_unpaid_at);
  CHECK(*s.oldest_unpaid_at == "2026-02-01");
  auto a = crm::account(fx.session(), id, "2026-02-05");
  CHECK(a.overdue == 0);
  CHECK(a.balance == 4000);
  CHECK(a.oldest_unpaid_at == std::optional<std::string>("2026-02-01"));
  a = crm::account(fx.session(), id, "2026-03-05");
  CHECK(a.overdue == 4000);
  CHECK(a.terms_days == 10);
  CHECK_FALSE(a.terms_default);
}
