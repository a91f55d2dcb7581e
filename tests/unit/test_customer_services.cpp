// Customer services (lib/crm/customers.hpp): each write one history entry, refusals that
// change nothing.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "crm/customers.hpp"
#include "crm/maintenance.hpp"
#include "crm/session.hpp"
#include "error.hpp"
#include "helpers.hpp"
#include "store/store.hpp"

using namespace kunde;

namespace {

struct Fixture : test::StoreFixture {
  Fixture() {
    import("customer", "number,name,email\nK-1,Kari Nordmann,kari@example.no\nK-2,Ola Hansen,\n");
    import("order", "order,customer,ordered_at,amount\nO-1,K-2,2026-01-05,100\n");
  }
  std::size_t entries() { return store().history().list(100).size(); }
};

}  // namespace

TEST_CASE("customer services: add, edit and remove") {
  Fixture fx;
  model::Customer c;
  c.number = "K-1";
  c.name = "Someone";
  CHECK_THROWS_WITH_AS(crm::add_customer(*fx.session("customer add"), c), "customer number K-1 belongs to customer #1",
                       Error);
  c.number = "K-3";
  auto id = crm::add_customer(*fx.session("customer add"), c);
  CHECK(crm::customer_ident(fx.session(), id) == "K-3");
  const auto before = fx.entries();

  auto edited = crm::edit_customer(*fx.session("customer edit"), "kari@example.no",
                                   [](model::Customer& k) { k.city = "Tromsø"; });
  CHECK(edited.id == 1);
  CHECK(edited.changed);
  auto same = crm::edit_customer(*fx.session("customer edit"), "K-1", [](model::Customer& k) { k.city = "Tromsø"; });
  CHECK_FALSE(same.changed);
  CHECK(fx.entries() == before + 1);  // no entry for an edit that changed nothing
  CHECK_THROWS_WITH_AS(crm::edit_customer(*fx.session("customer edit"), "K-1", [](model::Customer& k) { k.number = "K-2"; }),
                       "customer number K-2 belongs to customer #2", Error);
  CHECK(crm::customer_by_id(fx.session(), 1)->number == std::optional<std::string>("K-1"));

  CHECK_THROWS_WITH_AS(crm::remove_customer(*fx.session("customer rm K-2"), "K-2", false),
                       "customer #2 has 1 order, 0 payments and 0 contacts", Error);
  CHECK(crm::customer_by_id(fx.session(), 2));
  CHECK(crm::remove_customer(*fx.session("customer rm --force K-2"), "K-2", true) == 2);
  CHECK_FALSE(crm::customer_by_id(fx.session(), 2));
  CHECK(fx.count("orders") == 0);
  CHECK(crm::customer_ident(fx.session(), 2) == "#2");
  // Removing is undoable, unlike forgetting.
  crm::undo(*fx.session("undo"), std::nullopt);
  CHECK(crm::customer_by_id(fx.session(), 2));
  CHECK(fx.count("orders") == 1);
  CHECK(fx.consistent());
}

TEST_CASE("customer services: tags, merge and forget") {
  Fixture fx;
  auto tagged = crm::tag_customers(*fx.session("customer tag"), {1, 2}, {"vip;b2b", "vip"}, true);
  CHECK(tagged.changed == 4);
  CHECK(tagged.customers == 2);
  CHECK(fx.store().history().list(10).back().summary == "4 tags added on 2 customers");
  auto again = crm::tag_customers(*fx.session("customer tag"), {1}, {"vip"}, true);
  CHECK(again.changed == 0);
  auto untagged = crm::tag_customers(*fx.session("customer untag"), {1}, {"b2b"}, false);
  CHECK(untagged.changed == 1);
  CHECK(crm::customer_by_id(fx.session(), 1)->tags == std::vector<std::string>{"vip"});

  CHECK_THROWS_AS(crm::merge_customers(*fx.session("customer merge"), "K-1", "kari@example.no"), UsageError);
  auto merged = crm::merge_customers(*fx.session("customer merge K-1 K-2"), "K-1", "K-2");
  CHECK(merged.kept == 1);
  CHECK(merged.gone == 2);
  CHECK(merged.moved.orders == 1);
  CHECK(fx.store().history().list(10).back().summary == "merged #2 into #1 (1 order, 0 payments, 0 contacts moved)");
  CHECK(crm::customer_aliases(fx.session(), 1) == std::vector<std::string>{"K-2"});
  CHECK(crm::customer_stats(fx.session(), 1).revenue == 10000);

  auto doc = crm::personal_data(fx.session(), 1);
  CHECK(doc["orders"].size() == 1);
  CHECK(crm::forget_customer(*fx.session("customer forget Kari Nordmann"), 1).complete);
  CHECK_FALSE(crm::customer_by_id(fx.session(), 1));
  auto last = fx.store().history().list(10).back();
  CHECK(last.command == "customer forget #1");  // history keeps no name
  CHECK_FALSE(last.undoable);
  CHECK(fx.consistent());
}

TEST_CASE("customer services: find by phone written any way, then by words, each customer once") {
  test::StoreFixture fx;
  fx.import("customer",
            "number,name,phone,country,notes\n"
            "K-1,Kari Nordmann,912 34 567,NO,\n"
            "K-2,Ola Hansen,+47 400 00 000,NO,calls from 91234567\n"
            "K-3,Per Berg,+47 912 34 568,NO,\n");
  auto found = [&](std::string_view text, std::optional<std::int64_t> limit = std::nullopt) {
    std::vector<std::int64_t> ids;
    crm::find_customers(fx.session(), text, limit, [&](const model::Customer& c) { ids.push_back(c.id); });
    return ids;
  };
  // By phone first (K-1), then K-2, whose notes have the digits as a word.
  CHECK(found("+47 91 23 45 67") == std::vector<std::int64_t>{1});
  CHECK(found("91234567") == std::vector<std::int64_t>{1, 2});
  CHECK(found("91234567", 1) == std::vector<std::int64_t>{1});
  CHECK(found("0047 912 34 568") == std::vector<std::int64_t>{3});
  CHECK(found("berg") == std::vector<std::int64_t>{3});
  CHECK(found("99999999").empty());
}
