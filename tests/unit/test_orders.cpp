// Orders, payments and the materialised statistics against an in-memory database.
#include <doctest/doctest.h>

#include "model/order.hpp"
#include "store/change.hpp"
#include "store/customer_repo.hpp"
#include "store/order_repo.hpp"
#include "store/payment_repo.hpp"
#include "store/schema.hpp"

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
  store::Database db(":memory:", store::OpenMode::create);
  store::create_schema(db, 2, "");
  store::install_touch_triggers(db);
  store::Change change(db, "test");
  store::CustomerRepo customers(db);
  model::Customer c;
  c.number = "K-1";
  c.name = "Kari";
  c.payment_terms_days = 10;
  std::int64_t id = customers.insert(c);
  store::OrderRepo orders(db);
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
  store::PaymentRepo payments(db);
  payments.insert({0, "P1", id, "2026-01-20", 9000});
  store::refresh_derived(db);

  auto s = customers.stats(id);
  CHECK(s.orders == 3);
  CHECK(s.revenue == 13000);
  CHECK(s.margin == 13000 - 4200);
  CHECK(s.balance == 4000);
  // 9000 paid + 2000 credit settle A (10000) and 1000 of B: B is the oldest unpaid.
  REQUIRE(s.oldest_unpaid_at);
  CHECK(*s.oldest_unpaid_at == "2026-02-01");
  auto a = orders.account(id, "2026-02-05");
  CHECK(a.overdue == 0);
  a = orders.account(id, "2026-03-05");
  CHECK(a.overdue == 4000);
  CHECK(a.terms_days == 10);
}
