// Payments: content keys from the resolved customer and the parsed amount, so one payment
// written two ways, or recorded by hand and then imported, is one payment.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "crm/content_keys.hpp"
#include "crm/imports.hpp"
#include "crm/keyless_matching.hpp"
#include "crm/payments.hpp"
#include "crm/session.hpp"
#include "error.hpp"
#include "helpers.hpp"
#include "store/store.hpp"

using namespace kunde;

namespace {

std::vector<model::Payment> payments(test::StoreFixture& fx) {
  std::vector<model::Payment> out;
  fx.store().payments().list({}, [&](const store::PaymentView& v) { out.push_back(v.payment); });
  return out;
}

crm::RecordedPayment pay(test::StoreFixture& fx, const std::string& customer, const std::string& at,
                         std::int64_t amount) {
  crm::NewPayment p;
  p.customer = customer;
  p.paid_at = at;
  p.amount = amount;
  auto s = fx.session("order pay " + customer);
  return crm::record_payment(*s, p);
}

const char* kCustomers =
    "number,name,email,phone\n"
    "K-1,Kari Nordmann,kari@example.no,+47 912 34 567\n"
    "K-2,Ola Hansen,ola@example.no,\n";

}  // namespace

TEST_CASE("payments: the same payment written another way is one payment") {
  test::StoreFixture fx;
  fx.import("customer", kCustomers);
  auto first = fx.import("payment", "customer,paid_at,amount\nK-1,2026-01-05,100.00\n");
  CHECK(first.inserted == 1);
  // The same customer by #id, email and phone, the same amount without decimals or with a
  // comma, the same date in another format.
  for (const char* row : {"#1,2026-01-05,100", "KARI@example.no,2026-01-05,100.0", "0047 91234567,2026-01-05,100.00",
                          "K-1,2026-01-05,\"100,00\""}) {
    CAPTURE(row);
    crm::ImportRequest request(crm::ImportKind::payments);
    if (std::string(row).find('"') != std::string::npos) request.options.number.decimal_comma = true;
    auto again = fx.import("payment", std::string("customer,paid_at,amount\n") + row + "\n", request);
    CHECK(again.rejected == 0);
    CHECK(again.inserted == 0);
    CHECK(again.unchanged == 1);
  }
  crm::ImportRequest dated(crm::ImportKind::payments);
  dated.options.date_format = "%d.%m.%Y";
  CHECK(fx.import("payment", "customer,paid_at,amount\nK-1,05.01.2026,100\n", dated).unchanged == 1);
  auto all = payments(fx);
  REQUIRE(all.size() == 1);
  CHECK(all[0].amount == 10000);
  CHECK(all[0].customer_id == 1);
  CHECK(fx.store().customers().stats(1).paid == 10000);
  CHECK(fx.consistent());
}

TEST_CASE("payments: a payment keyed by content is keyed by the resolved customer and the parsed values") {
  test::StoreFixture fx;
  fx.import("customer", kCustomers);
  fx.import("payment", "customer,paid_at,amount\nK-1,2026-01-05,100.00\nK-1,2026-01-05,100.00\nK-2,2026-01-05,100\n");
  auto all = payments(fx);
  REQUIRE(all.size() == 3);
  CHECK(all[0].reference == crm::content_key(crm::content_hash(1, {"2026-01-05", "10000"}), 1));
  CHECK(all[1].reference == crm::content_key(crm::content_hash(1, {"2026-01-05", "10000"}), 2));
  CHECK(all[2].reference == crm::content_key(crm::content_hash(2, {"2026-01-05", "10000"}), 1));
  // The same row twice is two payments, and importing the file again changes nothing.
  auto again = fx.import("payment", "customer,paid_at,amount\n#1,2026-01-05,100\nK-1,2026-01-05,100\nK-2,2026-01-05,100\n");
  CHECK(again.unchanged == 3);
  CHECK(again.inserted == 0);
  // A third one is new.
  auto third = fx.import("payment", "customer,paid_at,amount\nK-1,2026-01-05,100\nK-1,2026-01-05,100\nK-1,2026-01-05,100\n");
  CHECK(third.inserted == 1);
  CHECK(third.unchanged == 2);
}

TEST_CASE("payments: a payment recorded by hand and then imported is one payment") {
  test::StoreFixture fx;
  fx.import("customer", kCustomers);
  auto recorded = pay(fx, "ola@example.no", "2026-01-05", 10000);
  CHECK(recorded.customer_id == 2);
  CHECK(recorded.reference == crm::content_key(crm::content_hash(2, {"2026-01-05", "10000"}), 1));
  auto imported = fx.import("payment", "customer,paid_at,amount\nK-2,2026-01-05,100.00\n");
  CHECK(imported.inserted == 0);
  CHECK(imported.unchanged == 1);
  REQUIRE(payments(fx).size() == 1);
  // Paying the same again by hand is a second payment, which a file with the row twice matches.
  auto second = pay(fx, "K-2", "2026-01-05", 10000);
  CHECK(second.reference == crm::content_key(crm::content_hash(2, {"2026-01-05", "10000"}), 2));
  auto twice = fx.import("payment", "customer,paid_at,amount\n#2,2026-01-05,100\nK-2,2026-01-05,100\n");
  CHECK(twice.unchanged == 2);
  CHECK(twice.inserted == 0);
  CHECK(payments(fx).size() == 2);
  CHECK(fx.store().customers().stats(2).paid == 20000);
  // Each hand-recorded payment is one history entry; the imports changed nothing.
  auto h = fx.store().history().list(10);
  REQUIRE(h.size() == 3);
  CHECK(h[1].command == "order pay ola@example.no");
  CHECK(h[1].summary == "payment " + recorded.reference + " recorded");
  CHECK(fx.consistent());
}

TEST_CASE("payments: a reference given is the payment's key, and must be free") {
  test::StoreFixture fx;
  fx.import("customer", kCustomers);
  crm::NewPayment p;
  p.customer = "K-1";
  p.paid_at = "2026-02-01";
  p.amount = 5000;
  p.reference = "BANK-1";
  auto s = fx.session("order pay K-1 50 --reference BANK-1");
  CHECK(crm::record_payment(*s, p).reference == "BANK-1");
  CHECK_THROWS_WITH_AS(crm::record_payment(*s, p), "a payment with reference BANK-1 exists already", Error);
  p.reference.reset();
  p.customer = "K-9";
  CHECK_THROWS_WITH_AS(crm::record_payment(*s, p), "no customer matches 'K-9'", Error);
  CHECK(payments(fx).size() == 1);
  // An import of the same reference for another amount updates it.
  auto changed = fx.import("payment", "customer,paid_at,amount,reference\nK-1,2026-02-01,60,BANK-1\n");
  CHECK(changed.updated == 1);
  CHECK(fx.store().payments().by_reference("BANK-1")->amount == 6000);
  CHECK(fx.store().customers().stats(1).paid == 6000);
  CHECK(fx.consistent());
}

TEST_CASE("payments: a row without a reference matches a payment stored with one, each stored payment once") {
  CHECK(crm::is_content_key(crm::content_key(crm::content_hash(2, {"2026-01-05", "10000"}), 12)));
  for (const char* r : {"BANK-1", "~", "~82c5340074360fb3", "~82c5340074360fb3.", "~82C5340074360FB3.1",
                        "~82c5340074360fb3.1x", "x82c5340074360fb3.1"}) {
    CAPTURE(r);
    CHECK_FALSE(crm::is_content_key(r));
  }
  test::StoreFixture fx;
  fx.import("customer", kCustomers);
  auto referenced = fx.import("payment",
                              "customer,paid_at,amount,reference\n"
                              "K-1,2026-02-01,50,BANK-1\nK-1,2026-02-01,50,BANK-2\nK-2,2026-02-01,50,BANK-3\n");
  REQUIRE(referenced.inserted == 3);
  // K-1's two payments of 50 on the day match two of three rows; K-2 paid 50, not 40.
  const std::string rows =
      "customer,paid_at,amount\nK-1,2026-02-01,50\nK-1,2026-02-01,50.00\nK-1,2026-02-01,50\nK-2,2026-02-01,40\n";
  auto first = fx.import("payment", rows);
  CHECK(first.inserted == 2);
  CHECK(first.unchanged == 2);
  CHECK(first.notes["without a reference matched a stored payment (same customer, day and amount)"] == 2);
  CHECK(payments(fx).size() == 5);
  CHECK(fx.store().customers().stats(1).paid == 15000);
  auto again = fx.import("payment", rows);
  CHECK(again.inserted == 0);
  CHECK(again.unchanged == 4);
  CHECK(payments(fx).size() == 5);
  CHECK(fx.consistent());
}

TEST_CASE("payments: an account on a day, and the balances") {
  test::StoreFixture fx;
  fx.import("customer", "number,name,payment_terms_days,credit_limit\nK-1,Kari,10,30\nK-2,Ola,,\nK-3,Per,,\n");
  fx.import("order", "order,customer,ordered_at,amount\nA,K-1,2026-01-01,100\nB,K-1,2026-02-01,50\nC,K-2,2026-01-01,20\n");
  fx.import("payment", "customer,paid_at,amount,reference\nK-1,2026-01-20,90,P1\nK-2,2026-01-02,20,P2\n");
  auto a = crm::account(fx.session(), 1, "2026-02-05");
  CHECK(a.invoiced == 15000);
  CHECK(a.paid == 9000);
  CHECK(a.balance == 6000);
  CHECK(a.oldest_unpaid_at == std::optional<std::string>("2026-01-01"));
  CHECK(a.overdue == 1000);  // A was due on 2026-01-11; B not yet
  CHECK(a.terms_days == 10);
  CHECK_FALSE(a.terms_default);
  CHECK(a.over_limit());
  a = crm::account(fx.session(), 1, "2026-02-12");
  CHECK(a.overdue == 6000);
  auto b = crm::account(fx.session(), 2, "2026-12-31");
  CHECK(b.balance == 0);
  CHECK(b.overdue == 0);
  CHECK_FALSE(b.oldest_unpaid_at);
  CHECK(b.terms_days == model::kDefaultPaymentTermsDays);
  CHECK(b.terms_default);
  CHECK_FALSE(b.over_limit());
  std::vector<std::int64_t> owing, all;
  crm::balances(fx.session(), false, "2026-02-05", [&](std::int64_t id, auto&, auto&, const crm::Account& acc) {
    owing.push_back(id);
    CHECK(acc.balance != 0);
  });
  crm::balances(fx.session(), true, "2026-02-05", [&](std::int64_t id, auto&, auto&, auto&) { all.push_back(id); });
  CHECK(owing == std::vector<std::int64_t>{1});
  CHECK(all == std::vector<std::int64_t>{1, 2});
  // The customer filter agrees with the account on what is overdue.
  auto overdue_on = [&](const std::string& day) {
    store::CustomerFilter f;
    f.overdue_as_of = day;
    std::vector<std::int64_t> ids;
    fx.store().customers().list(f, [&](const model::Customer& c) { ids.push_back(c.id); });
    return ids;
  };
  CHECK(overdue_on("2026-01-11").empty());
  CHECK(overdue_on("2026-01-12") == std::vector<std::int64_t>{1});
}

TEST_CASE("payments: a row with a reference takes over a payment stored without one, each stored payment once") {
  test::StoreFixture fx;
  fx.import("customer", kCustomers);
  auto keyless = fx.import("payment", "customer,paid_at,amount\nK-1,2026-02-01,50\nK-1,2026-02-01,50\nK-2,2026-02-01,40\n");
  REQUIRE(keyless.inserted == 3);
  // Three rows of K-1's 50 on the day: two take over the stored ones, the third is new;
  // K-2 paid 40, not 50.
  const std::string rows =
      "customer,paid_at,amount,reference\n"
      "K-1,2026-02-01,50.00,CHK-1\nK-1,2026-02-01,50,CHK-2\nK-1,2026-02-01,50,CHK-3\nK-2,2026-02-01,50,CHK-4\n";
  auto first = fx.import("payment", rows);
  CHECK(first.inserted == 2);
  CHECK(first.updated == 2);
  CHECK(first.notes["with a reference took over a stored payment without one (same customer, day and amount)"] == 2);
  CHECK(payments(fx).size() == 5);
  CHECK(fx.store().payments().by_reference("CHK-1"));
  CHECK(fx.store().payments().by_reference("CHK-2"));
  CHECK(fx.store().customers().stats(1).paid == 15000);
  CHECK(fx.store().customers().stats(2).paid == 9000);
  auto again = fx.import("payment", rows);
  CHECK(again.inserted == 0);
  CHECK(again.unchanged == 4);
  // And the first file again: its rows match the payments that have references now.
  auto old_file = fx.import("payment", "customer,paid_at,amount\nK-1,2026-02-01,50\nK-1,2026-02-01,50\nK-2,2026-02-01,40\n");
  CHECK(old_file.inserted == 0);
  CHECK(old_file.unchanged == 3);
  CHECK(payments(fx).size() == 5);
  CHECK(fx.consistent());
}
