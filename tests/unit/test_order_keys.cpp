// Orders without an order number are keyed by their content (crm/content_keys.hpp): the
// resolved customer and the values as parsed, so the same order written another way is one
// order, and the same row twice is two.
#include <doctest/doctest.h>

#include <string>

#include "crm/imports.hpp"
#include "helpers.hpp"
#include "store/store.hpp"

using namespace kunde;

namespace {

struct Fixture : test::StoreFixture {
  Fixture() { import("customer", "number,name,email\nK-1,Kari,kari@example.no\nK-2,Ola,\n"); }
  crm::ImportCounts orders(const std::string& csv) { return import("order", csv); }
};

}  // namespace

TEST_CASE("order keys: the same order written another way is one order") {
  Fixture fx;
  auto first = fx.orders("customer,ordered_at,sku,quantity,unit_price,channel\nK-1,2026-01-05,S1,2,100.00,web\n");
  CHECK(first.inserted == 1);
  auto again = fx.orders("customer,ordered_at,sku,quantity,unit_price,channel\n"
                         "#1,2026-01-05,S1,2.0,100,web\n");
  CHECK(again.inserted == 0);
  CHECK(again.unchanged == 1);
  auto by_mail = fx.orders("customer,ordered_at,sku,qty,price,channel\nKARI@example.no,2026-01-05,S1,2,100.0,web\n");
  CHECK(by_mail.unchanged == 1);
  CHECK(fx.count("orders") == 1);
  CHECK(fx.store().customers().stats(1).revenue == 20000);

  // Order-level rows the same way.
  CHECK(fx.orders("customer,ordered_at,amount\nK-2,2026-02-01,50\n").inserted == 1);
  CHECK(fx.orders("customer,ordered_at,amount\n#2,2026-02-01,50.00\n").unchanged == 1);
  CHECK(fx.count("orders") == 2);
  CHECK(fx.consistent());
}

TEST_CASE("order keys: the same row twice is two orders, and a re-import finds both") {
  Fixture fx;
  const char* csv = "customer,ordered_at,amount\nK-1,2026-01-05,100\nK-1,2026-01-05,100\nK-2,2026-01-05,100\n";
  CHECK(fx.orders(csv).inserted == 3);
  auto again = fx.orders(csv);
  CHECK(again.inserted == 0);
  CHECK(again.unchanged == 3);
  auto more = fx.orders("customer,ordered_at,amount\nK-1,2026-01-05,100\nK-1,2026-01-05,100\nK-1,2026-01-05,100\n");
  CHECK(more.inserted == 1);
  CHECK(more.unchanged == 2);
  CHECK(fx.count("orders") == 4);
  // Another day, amount or customer is another order.
  CHECK(fx.orders("customer,ordered_at,amount\nK-1,2026-01-06,100\nK-1,2026-01-05,101\n").inserted == 2);
  CHECK(fx.consistent());
}

TEST_CASE("order keys: the channel and status as stored, however the file writes them") {
  // The content key hashes the channel and status cells as written, not as stored
  // (model::normalise_channel, model::normalise_status): the same order exported by kunde
  // ("web", "completed") and written by hand ("Web", no status) becomes two orders.
  Fixture fx;
  CHECK(fx.orders("customer,ordered_at,amount,channel\nK-1,2026-01-05,100,Web\n").inserted == 1);
  CHECK(fx.orders("customer,ordered_at,amount,channel\nK-1,2026-01-05,100,web\n").unchanged == 1);
  CHECK(fx.orders("customer,ordered_at,amount,status\nK-2,2026-01-05,100,\n").inserted == 1);
  CHECK(fx.orders("customer,ordered_at,amount,status\nK-2,2026-01-05,100,Completed\n").unchanged == 1);
  CHECK(fx.count("orders") == 2);
}

TEST_CASE("order keys: a row without a number matches a line stored with its order's number, each line once") {
  Fixture fx;
  auto numbered = fx.orders("order,customer,ordered_at,sku,quantity,unit_price\n"
                            "A,K-1,2026-02-01,P1,2,10\nA,K-1,2026-02-01,P2,1,5\nB,K-2,2026-02-01,P1,2,10\n"
                            "C,K-2,2026-03-01,,,\n");
  REQUIRE(numbered.inserted == 4);
  fx.orders("order,customer,ordered_at,amount\nC,K-2,2026-03-01,70\n");
  REQUIRE(fx.store().customers().stats(1).revenue == 2500);
  // K-1's P1 and one P2 match order A's lines; a second P2 and K-2's three P1 are new; K-2's
  // 70 on 1 March is order C; K-1 on another day is new.
  const std::string rows =
      "customer,ordered_at,sku,quantity,unit_price,amount\n"
      "K-1,2026-02-01,P1,2.0,10,\nK-1,2026-02-01,P2,1,5,\nK-1,2026-02-01,P2,1,5,\nK-2,2026-02-01,P1,3,10,\n"
      "K-2,2026-03-01,,,,70.00\nK-1,2026-02-02,P1,2,10,\n";
  auto first = fx.orders(rows);
  CHECK(first.inserted == 3);
  CHECK(first.unchanged == 3);
  CHECK(first.notes["without an order number matched a stored line (same customer, day, product and quantity)"] == 3);
  CHECK(fx.count("orders") == 6);
  CHECK(fx.store().customers().stats(1).revenue == 2500 + 500 + 2000);
  CHECK(fx.store().customers().stats(2).revenue == 2000 + 7000 + 3000);
  auto again = fx.orders(rows);
  CHECK(again.inserted == 0);
  CHECK(again.unchanged == 6);
  CHECK(fx.count("orders") == 6);
  CHECK(fx.consistent());
}

TEST_CASE("order keys: a numbered order takes over the orders stored without a number that hold its lines") {
  Fixture fx;
  // Three rows without numbers: three single-line orders.
  auto keyless = fx.orders("customer,ordered_at,sku,quantity,unit_price\n"
                           "K-1,2026-02-01,P1,2,10\nK-1,2026-02-01,P2,1,5\nK-2,2026-02-01,P1,2,10\n");
  REQUIRE(keyless.inserted == 3);
  REQUIRE(fx.count("orders") == 3);
  // The same lines with their numbers: A takes over K-1's two orders (the first gets the
  // number, the second gives up its line and goes), B K-2's; B's second line is new.
  const std::string numbered =
      "order,customer,ordered_at,sku,quantity,unit_price\n"
      "A,K-1,2026-02-01,P1,2,10\nA,K-1,2026-02-01,P2,1,5\nB,K-2,2026-02-01,P1,2.0,10\nB,K-2,2026-02-01,P3,1,7\n";
  auto first = fx.orders(numbered);
  CHECK(first.inserted == 1);
  CHECK(first.updated == 3);
  CHECK(first.notes["with an order number took over a stored order without one (same customer, day, product and "
                    "quantity)"] == 3);
  CHECK(fx.count("orders") == 2);
  CHECK(fx.count("order_lines") == 4);
  CHECK(fx.store().orders().by_number("A"));
  CHECK(fx.store().orders().lines(fx.store().orders().by_number("A")->id).size() == 2);
  CHECK(fx.store().customers().stats(1).revenue == 2500);
  CHECK(fx.store().customers().stats(1).orders == 1);
  CHECK(fx.store().customers().stats(2).revenue == 2700);
  auto again = fx.orders(numbered);
  CHECK(again.inserted == 0);
  CHECK(again.updated == 0);
  CHECK(again.unchanged == 4);
  CHECK(fx.consistent());
}
