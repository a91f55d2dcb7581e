// crm::CustomerResolver: the one rule that turns what a person typed, or what a file wrote,
// into a customer.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "crm/customer_resolver.hpp"
#include "crm/customers.hpp"
#include "crm/imports.hpp"
#include "crm/session.hpp"
#include "error.hpp"
#include "helpers.hpp"
#include "model/customer.hpp"
#include "store/store.hpp"

using namespace kunde;
using kunde::crm::RefSource;
using Ids = std::vector<std::int64_t>;

namespace {

model::Customer person(std::string number, std::string name) {
  model::Customer c;
  c.number = std::move(number);
  c.name = std::move(name);
  c.country = "NO";
  return c;
}

// Normalises and adds the customer as `customer add` does; its id.
std::int64_t add(test::StoreFixture& fx, model::Customer c) {
  model::ParseContext ctx;
  ctx.region = "NO";
  model::normalise(c, ctx);
  auto s = fx.session("customer add");
  return crm::add_customer(*s, c);
}

}  // namespace

TEST_CASE("resolver: numbers, #ids, emails and every way of writing a phone") {
  test::StoreFixture fx;
  model::Customer a = person("1001", "Bjørn Åberg");
  a.email = "Bjorn@Example.com";
  a.phone = "+47 912 34 567";
  auto ida = add(fx, a);
  auto idb = add(fx, person("7", "Åse"));
  auto idc = add(fx, person("C-3", "Cecilie"));
  auto& r = fx.session().resolver();

  CHECK(r.resolve("1001") == Ids{ida});
  CHECK(r.resolve(" 1001 ") == Ids{ida});
  CHECK(r.resolve("#2") == Ids{idb});
  CHECK(r.resolve("#9").empty());
  CHECK(r.resolve("#").empty());
  CHECK(r.resolve("3") == Ids{idc});  // a bare id with no such number
  CHECK(r.resolve("7") == Ids{idb});  // the number wins over id 7
  CHECK(r.resolve("bjorn@example.COM") == Ids{ida});
  CHECK(r.resolve("BJORN@EXAMPLE.COM", RefSource::file) == Ids{ida});
  CHECK(r.resolve("nobody@example.com").empty());
  CHECK(r.resolve("+4791234567") == Ids{ida});
  CHECK(r.resolve("0047-91234567") == Ids{ida});
  CHECK(r.resolve("0047 912 34 567") == Ids{ida});
  CHECK(r.resolve("912 34 567") == Ids{ida});
  // In a file a bare number is a customer number; a phone there needs its country code.
  CHECK(r.resolve("91234567", RefSource::file).empty());
  CHECK(r.resolve("0047 912 34 567", RefSource::file) == Ids{ida});
  CHECK(r.resolve("+47 912 34 567") == Ids{ida});
  CHECK(r.resolve("+46 912 34 567").empty());  // another country's number
  CHECK(r.resolve("nobody").empty());
  CHECK(r.resolve("").empty());
  CHECK(r.resolve_one("C-3") == idc);
  CHECK_THROWS_WITH_AS(r.resolve_one("nobody"), "no customer matches 'nobody'", Error);

  model::Customer twin = person("1002", "Bjørn Åberg jr.");
  twin.phone = "91234567";
  auto idd = add(fx, twin);
  CHECK(r.resolve("91234567") == Ids{ida, idd});
  CHECK_THROWS_WITH_AS(r.resolve_one("91234567"), "'91234567' matches 2 customers: #1, #4", Error);
}

TEST_CASE("resolver: without a configured region, phones are read in the country most customers live in") {
  test::StoreFixture fx("");
  model::Customer a = person("1001", "Bjørn Åberg");
  a.phone = "+47 912 34 567";
  auto ida = add(fx, a);
  auto s = fx.session("customer show 91234567");
  CHECK(s->region() == "NO");
  CHECK(s->resolver().resolve("91234567") == Ids{ida});
}

TEST_CASE("resolver: a bare id only for what a person typed, never for a file") {
  test::StoreFixture fx;
  auto id = add(fx, person("C-3", "Cecilie"));
  add(fx, person("C-4", "Dag"));
  auto& r = fx.session().resolver();
  CHECK(r.resolve("1", RefSource::typed) == Ids{id});
  CHECK(r.resolve("1", RefSource::file).empty());
  CHECK(r.resolve("#1", RefSource::file) == Ids{id});
  // A long string of digits is no id, whoever typed it.
  CHECK(r.resolve("000000000001", RefSource::typed).empty());
}

TEST_CASE("resolver: a number ignoring case only when that leaves no doubt") {
  test::StoreFixture fx;
  auto k = add(fx, person("K-7", "Kari"));
  auto lower = add(fx, person("ab", "Lower"));
  auto upper = add(fx, person("AB", "Upper"));
  auto& r = fx.session().resolver();
  CHECK(r.resolve("k-7") == Ids{k});
  CHECK(r.resolve("K-7") == Ids{k});
  CHECK(r.resolve("ab") == Ids{lower});  // exact matches first
  CHECK(r.resolve("AB") == Ids{upper});
  CHECK(r.resolve("Ab").empty());  // "ab" or "AB": no one
  CHECK(r.resolve("aB", RefSource::file).empty());
  CHECK_THROWS_WITH_AS(r.resolve_one("Ab"), "no customer matches 'Ab'", Error);
}

TEST_CASE("resolver: the number of a merged customer leads to the one it was merged into, in any case") {
  test::StoreFixture fx;
  auto kept = add(fx, person("K-1", "Kari Nordmann"));
  add(fx, person("K-2", "Kari Nordman"));
  {
    auto s = fx.session("customer merge K-1 K-2");
    auto m = crm::merge_customers(*s, "K-1", "K-2");
    CHECK(m.kept == kept);
  }
  auto& r = fx.session().resolver();
  CHECK(r.resolve("K-2") == Ids{kept});
  CHECK(r.resolve("k-2") == Ids{kept});
  CHECK(r.resolve("K-2", RefSource::file) == Ids{kept});
  CHECK(r.resolve("#2").empty());
}

TEST_CASE("resolver: a phone no parser can place is found as stored, or by its digits, when typed") {
  test::StoreFixture fx;
  model::Customer odd = person("K-1", "Kari");
  odd.phone = "4411 22";  // six digits: no Norwegian number
  auto id = add(fx, odd);
  REQUIRE_FALSE(fx.store().customers().by_id(id)->phone_e164);
  auto& r = fx.session().resolver();
  CHECK(r.resolve("4411 22") == Ids{id});
  CHECK(r.resolve("441122") == Ids{id});
  CHECK(r.resolve("44-11-22") == Ids{id});
  CHECK(r.resolve("4411 23").empty());
  // A file's reference does not search every customer's phone.
  CHECK(r.resolve("4411 22", RefSource::file).empty());
}

TEST_CASE("resolver: a national number of another country finds its customer when typed") {
  test::StoreFixture fx;
  add(fx, person("K-1", "Kari"));  // most customers are in Norway
  model::Customer tokyo = person("J-1", "Tokyo Trading");
  tokyo.country = "JP";
  tokyo.phone = "+81 3-3584-0555";
  auto jp = add(fx, tokyo);
  model::Customer paris = person("F-1", "Atelier");
  paris.country = "FR";
  paris.phone = "+33 1 42 34 25 55";
  auto fr = add(fx, paris);
  REQUIRE(fx.store().customers().by_id(jp)->phone_e164 == "+81335840555");
  auto& r = fx.session().resolver();
  CHECK(r.resolve("03-3584-0555") == Ids{jp});  // as written in Japan
  CHECK(r.resolve("(03) 3584 0555") == Ids{jp});
  CHECK(r.resolve("01 42 34 25 55") == Ids{fr});
  // The digits end the number, but the text is no number of Japan or France.
  CHECK(r.resolve("3584 0555").empty());
  CHECK(r.resolve("42 34 25 55").empty());
  // Not from a file, where a bare number is a customer number.
  CHECK(r.resolve("03-3584-0555", RefSource::file).empty());
}

TEST_CASE("resolver: find_or_create creates bare customers named by their number or email") {
  test::StoreFixture fx;
  auto known = add(fx, person("K-1", "Kari"));
  auto& r = fx.session().resolver();
  auto& customers = fx.store().customers();
  auto write = fx.store().begin_write("test");
  auto create = [&](const model::Customer& c) { return customers.insert(c); };
  bool created = true;

  CHECK(r.find_or_create("K-1", false, create, created) == known);
  CHECK_FALSE(created);
  CHECK_THROWS_WITH_AS(r.find_or_create("K-9", false, create, created), "no customer 'K-9'", Error);
  CHECK_THROWS_WITH_AS(r.find_or_create("#99", true, create, created), "no customer '#99'", Error);
  CHECK_THROWS_WITH_AS(r.find_or_create("  ", true, create, created), "the customer is empty", Error);
  CHECK(customers.count() == 1);

  auto k9 = r.find_or_create(" K-9 ", true, create, created);
  CHECK(created);
  auto bare = customers.by_id(k9);
  REQUIRE(bare);
  CHECK(bare->number == std::optional<std::string>("K-9"));
  CHECK(bare->name == "K-9");
  CHECK_FALSE(bare->email);
  CHECK(r.find_or_create("K-9", true, create, created) == k9);
  CHECK_FALSE(created);

  auto mail = r.find_or_create("Ny@Example.no", true, create, created);
  CHECK(created);
  bare = customers.by_id(mail);
  REQUIRE(bare);
  CHECK_FALSE(bare->number);
  CHECK(bare->name == "Ny@Example.no");
  CHECK(bare->email == std::optional<std::string>("Ny@Example.no"));
  CHECK(bare->email_key == std::optional<std::string>("ny@example.no"));
  CHECK(r.find_or_create("ny@example.NO", true, create, created) == mail);
  CHECK_FALSE(created);
  CHECK(customers.count() == 3);
  write->rollback();
}

TEST_CASE("resolver: an import with --create-missing creates and counts bare customers") {
  test::StoreFixture fx;
  fx.import("customer", "number,name\nK-1,Kari\n");
  crm::ImportRequest request(crm::ImportKind::contacts);
  request.options.create_missing = true;
  auto counts = fx.import("contact",
                          "customer,at,channel,direction\n"
                          "K-1,2026-01-01,phone,in\n"
                          "K-2,2026-01-02,phone,in\n"
                          "k-2,2026-01-03,phone,in\n"  // in a file, another number
                          "ny@example.no,2026-01-04,email,in\n"
                          "NY@example.no,2026-01-05,email,in\n",
                          request);
  CHECK(counts.inserted == 5);
  CHECK(counts.rejected == 0);
  CHECK(counts.notes["customers created"] == 3);
  CHECK(counts.summary() == "5 inserted, 0 updated, 0 unchanged, 0 rejected; 3 customers created");
  auto& customers = fx.store().customers();
  CHECK(customers.count() == 4);
  auto k2 = customers.id_by_number("K-2");
  REQUIRE(k2);
  CHECK(customers.by_id(*k2)->name == "K-2");
  auto mail = customers.id_by_email("ny@example.no");
  REQUIRE(mail);
  CHECK_FALSE(customers.by_id(*mail)->number);
  CHECK(fx.store().contacts().summary(*mail).contacts == 2);
  CHECK(fx.consistent());

  // Without --create-missing an unknown customer rejects the row.
  auto rejected = fx.import("contact", "customer,at,channel,direction\nK-3,2026-01-01,phone,in\n");
  CHECK(rejected.rejected == 1);
  REQUIRE(rejected.rejections.size() == 1);
  CHECK(rejected.rejections[0].reason == "no customer 'K-3'");
}
