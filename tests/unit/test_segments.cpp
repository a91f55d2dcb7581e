// Segment services (lib/crm/segments.hpp): dynamic segments refreshed with who entered and
// left, static ones by hand, references between segments, undo, and the refusals.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <string>
#include <vector>

#include "crm/customers.hpp"
#include "crm/maintenance.hpp"
#include "crm/rule_error.hpp"
#include "crm/segments.hpp"
#include "crm/session.hpp"
#include "error.hpp"
#include "helpers.hpp"
#include "store/sqlite/database.hpp"
#include "store/store.hpp"

using namespace kunde;
using Ids = std::vector<std::int64_t>;

namespace {

struct Fixture : test::StoreFixture {
  test::ScopedEnv now{"KUNDE_NOW", "2026-11-23 10:00:00"};
  Fixture() {
    import("customer",
           "number,name,city,country,tags\n"
           "K-1,Kari Nordmann,Oslo,NO,vip\n"
           "K-2,Ola Hansen,Bergen,NO,\n"
           "K-3,Sven Svensson,Malmö,SE,vip\n"
           "K-4,Mette Hansen,Odense,DK,\n");
    import("order",
           "order,customer,ordered_at,amount\n"
           "O-1,K-1,2026-11-01,3000\n"
           "O-2,K-2,2026-01-05,100\n"
           "O-3,K-3,2026-10-01,2500\n");
  }
  std::unique_ptr<crm::Session> cmd(const std::string& command) { return session(command); }
  crm::SegmentCreated create(const std::string& name, const std::optional<std::string>& rule, bool replace = false) {
    return crm::create_segment(*cmd("segment create " + name), name, rule, replace);
  }
  Ids members(const std::string& name) { return crm::segment_member_ids(session(), name); }
  std::vector<std::string> events(const std::string& name, const crm::SegmentEventFilter& f = {}) {
    std::vector<std::string> out;
    crm::segment_history(session(), name, f, [&](const crm::SegmentEvent& e) {
      out.push_back(fmt::format("{} {} {} {}", e.at.substr(0, 10), e.entered ? "+" : "-", *e.number, e.cause));
    });
    return out;
  }
  std::string last_summary() { return store().history().list(1).back().summary; }
  std::string rule_error(const std::function<void()>& f) {
    try {
      f();
    } catch (const crm::RuleError& e) {
      return std::string(e.what()) + " | " + e.hint() + "\n" + e.excerpt();
    }
    return "(no error)";
  }
};

}  // namespace

TEST_CASE("segments: a dynamic segment records who entered and who left at each refresh") {
  Fixture fx;
  auto created = fx.create("big", std::string("revenue >= 2000  AND country IN (no,SE)"));
  CHECK(created.segment.dynamic);
  CHECK(created.segment.rule == "revenue >= 2000 and country in (NO, SE)");  // stored normalised
  CHECK(created.change.members == 2);
  CHECK(fx.members("big") == Ids{1, 3});
  CHECK(fx.last_summary() == "created dynamic segment big with 2 members");
  CHECK(fx.events("big") == std::vector<std::string>{"2026-11-23 + K-1 create", "2026-11-23 + K-3 create"});

  // Data changes; membership follows only when the segment is refreshed.
  fx.import("order", "order,customer,ordered_at,amount\nO-4,K-2,2026-11-20,5000\nO-3,K-3,2026-10-01,1000\n");
  CHECK(fx.members("big") == Ids{1, 3});
  test::ScopedEnv later("KUNDE_NOW", "2026-11-30 08:00:00");
  auto entries = fx.store().history().list(100).size();
  auto refreshed = crm::refresh_segments(*fx.cmd("segment refresh"), std::nullopt);
  REQUIRE(refreshed.size() == 1);
  CHECK(refreshed[0].problem.empty());
  CHECK(refreshed[0].change.members == 2);
  CHECK(refreshed[0].change.entered == 1);
  CHECK(refreshed[0].change.left == 1);
  CHECK(fx.members("big") == Ids{1, 2});
  CHECK(fx.store().history().list(100).size() == entries);  // a refresh is no history entry
  CHECK(fx.events("big") == std::vector<std::string>{"2026-11-23 + K-1 create", "2026-11-23 + K-3 create",
                                                     "2026-11-30 + K-2 refresh", "2026-11-30 - K-3 refresh"});
  CHECK(fx.events("big", {std::string("2026-11-24"), std::nullopt}) ==
        std::vector<std::string>{"2026-11-30 + K-2 refresh", "2026-11-30 - K-3 refresh"});
  CHECK(fx.events("big", {std::nullopt, false}) == std::vector<std::string>{"2026-11-30 - K-3 refresh"});
  auto seg = crm::find_segment(fx.session(), "big");
  CHECK(seg.refreshed_at == std::optional<std::string>("2026-11-30 08:00:00"));

  // Refreshing again changes nothing and adds no record; the time moves on.
  test::ScopedEnv later_still("KUNDE_NOW", "2026-12-01 08:00:00");
  crm::refresh_segments(*fx.cmd("segment refresh"), std::string("big"));
  crm::refresh_segments(*fx.cmd("segment refresh"), std::string("big"));
  CHECK(fx.events("big").size() == 4);
  CHECK(fx.scalar("SELECT count(*) FROM segment_refreshes") == 3);
  CHECK(crm::find_segment(fx.session(), "big").refreshed_at == std::optional<std::string>("2026-12-01 08:00:00"));

  // A new rule keeps the history and records what it changes.
  auto replaced = fx.create("big", std::string("revenue >= 2000"), true);
  CHECK(replaced.replaced);
  CHECK(replaced.change.entered == 0);
  CHECK(fx.last_summary() == "new rule for segment big: 2 members, 0 entered, 0 left");
  replaced = fx.create("big", std::string("country = NO"), true);
  CHECK(fx.members("big") == Ids{1, 2});
  CHECK(crm::find_segment(fx.session(), "big").rule == "country = NO");
  CHECK(fx.consistent());
}

TEST_CASE("segments: relative dates and day counts follow the day of the refresh") {
  Fixture fx;
  fx.create("recent", std::string("recency_days <= 30d"));
  CHECK(fx.members("recent") == Ids{1});  // 22 days; K-3 ordered 53 days before 2026-11-23
  fx.create("last-month", std::string("last_order_at >= -60d and last_order_at < -30d"));
  CHECK(fx.members("last-month") == Ids{3});
  test::ScopedEnv later("KUNDE_NOW", "2026-12-15 09:00:00");
  crm::refresh_segments(*fx.cmd("segment refresh"), std::nullopt);
  CHECK(fx.members("recent") == Ids{});
  CHECK(fx.members("last-month") == Ids{1});
}

TEST_CASE("segments: static segments by hand, one undoable history entry each") {
  Fixture fx;
  fx.create("call", std::nullopt);
  CHECK(fx.last_summary() == "created static segment call");
  auto added = crm::add_to_segment(*fx.cmd("segment add call"), "call", {2, 4, 2}, false);
  CHECK(added.entered == 2);
  CHECK(added.members == 2);
  CHECK(fx.last_summary() == "2 customers added to segment call (2 members)");
  auto again = crm::add_to_segment(*fx.cmd("segment add call"), "call", {2}, false);
  CHECK(again.entered == 0);
  auto removed = crm::remove_from_segment(*fx.cmd("segment remove call"), "call", {4, 1});
  CHECK(removed.left == 1);
  CHECK(fx.members("call") == Ids{2});
  CHECK(fx.events("call") == std::vector<std::string>{"2026-11-23 + K-2 add", "2026-11-23 + K-4 add", "2026-11-23 - K-4 remove"});

  crm::undo(*fx.cmd("undo"), std::nullopt);  // the remove
  CHECK(fx.members("call") == Ids{2, 4});
  crm::undo(*fx.cmd("undo"), std::nullopt);  // the first add
  CHECK(fx.members("call") == Ids{});

  // --create makes a missing static segment; a dynamic one takes no members by hand.
  CHECK_THROWS_WITH_AS(crm::add_to_segment(*fx.cmd("segment add"), "calls", {1}, false), "there is no segment 'calls'",
                       UsageError);
  crm::add_to_segment(*fx.cmd("segment add --create"), "vip-list", {1, 3}, true);
  CHECK(fx.members("vip-list") == Ids{1, 3});
  fx.create("dyn", std::string("tag:vip"));
  CHECK_THROWS_WITH_AS(crm::add_to_segment(*fx.cmd("segment add"), "dyn", {1}, false),
                       "'dyn' is a dynamic segment: its rule decides who is in it", UsageError);
  CHECK_THROWS_WITH_AS(crm::refresh_segments(*fx.cmd("segment refresh"), std::string("call")),
                       "'call' is a static segment: there is nothing to refresh", UsageError);
  CHECK_THROWS_WITH_AS(fx.create("call", std::string("tag:vip"), true),
                       "'call' is a static segment: it has no rule to replace", UsageError);
  CHECK(fx.consistent());
}

TEST_CASE("segments: rules refer to other segments, refreshed first; no cycles, no dropping what is used") {
  Fixture fx;
  fx.create("nordic", std::string("country in (NO, SE)"));
  fx.create("vip-nordic", std::string("segment:nordic and tag:vip"));
  CHECK(fx.members("vip-nordic") == Ids{1, 3});
  fx.create("hand", std::nullopt);
  crm::add_to_segment(*fx.cmd("segment add"), "hand", {4}, false);
  fx.create("hand-or-vip", std::string("segment:hand or segment:vip-nordic"));
  CHECK(fx.members("hand-or-vip") == Ids{1, 3, 4});

  auto d = crm::segment_details(fx.session(), "vip-nordic");
  CHECK(d.refers_to == std::vector<std::string>{"nordic"});
  CHECK(d.used_by == std::vector<std::string>{"hand-or-vip"});

  // Refreshing one segment refreshes what it refers to first.
  fx.db().exec("UPDATE customers SET country = 'DK' WHERE id = 3");
  auto r = crm::refresh_segments(*fx.cmd("segment refresh"), std::string("hand-or-vip"));
  REQUIRE(r.size() == 3);
  CHECK(r[0].name == "nordic");
  CHECK(r[1].name == "vip-nordic");
  CHECK(r[2].name == "hand-or-vip");
  CHECK(fx.members("hand-or-vip") == Ids{1, 4});

  CHECK(fx.rule_error([&] { fx.create("loop", std::string("segment:loop")); }) ==
        "rule:1:1: segment 'loop' cannot refer to itself | a rule may name other segments only\n"
        "  segment:loop\n  ^--- here");
  CHECK(fx.rule_error([&] { fx.create("nordic", std::string("country = NO or segment:'hand-or-vip'"), true); }) ==
        "rule:1:17: segment 'hand-or-vip' depends on 'nordic': a segment cannot depend on itself | "
        "'kunde segment show hand-or-vip' shows what its rule refers to\n"
        "  country = NO or segment:'hand-or-vip'\n                  ^--- here");
  CHECK(fx.rule_error([&] { fx.create("x", std::string("tag:vip and segment:nordc")); }) ==
        "rule:1:13: unknown segment 'nordc' | did you mean 'nordic'?\n"
        "  tag:vip and segment:nordc\n              ^--- here");

  CHECK_THROWS_WITH_AS(crm::drop_segment(*fx.cmd("segment drop"), "nordic"),
                       "segment 'nordic' is used by the rule of segment 'vip-nordic'", Error);
  CHECK_THROWS_WITH_AS(crm::drop_segment(*fx.cmd("segment drop"), "nordik"), "there is no segment 'nordik'", UsageError);
  crm::drop_segment(*fx.cmd("segment drop"), "hand-or-vip");
  crm::drop_segment(*fx.cmd("segment drop"), "vip-nordic");
  auto dropped = crm::drop_segment(*fx.cmd("segment drop"), "nordic");
  CHECK(dropped.members == 2);
  CHECK(fx.scalar("SELECT count(*) FROM segment_matches WHERE segment_id = " + std::to_string(dropped.id)) == 0);
  CHECK(fx.scalar("SELECT count(*) FROM segment_refreshes WHERE segment_id = " + std::to_string(dropped.id)) == 0);

  // Undoing the drop brings the definition back; its members follow at the next refresh.
  crm::undo(*fx.cmd("undo"), std::nullopt);
  CHECK(crm::find_segment(fx.session(), "nordic").rule == "country in (NO, SE)");
  CHECK(fx.members("nordic") == Ids{});
  crm::refresh_segments(*fx.cmd("segment refresh"), std::string("nordic"));
  CHECK(fx.members("nordic") == Ids{1, 2});
  CHECK(fx.consistent());
}

TEST_CASE("segments: a rule naming a segment an undo removed is reported, and the others are refreshed") {
  Fixture fx;
  fx.create("a", std::string("country = NO"));
  fx.create("b", std::string("country = SE"));
  fx.create("c", std::string("segment:a or segment:b"));
  // Undo the creation of b while c refers to it: undo does not know rules.
  std::int64_t b_entry = 0;
  for (const auto& e : fx.store().history().list(100))
    if (e.command == "segment create b") b_entry = e.id;
  REQUIRE(b_entry > 0);
  crm::undo(*fx.cmd("undo"), b_entry);
  auto r = crm::refresh_segments(*fx.cmd("segment refresh"), std::nullopt);
  REQUIRE(r.size() == 2);
  CHECK(r[0].name == "a");
  CHECK(r[0].problem.empty());
  CHECK(r[1].name == "c");
  CHECK(r[1].problem == "its rule names segment 'b', which does not exist");
  CHECK(fx.members("c") == Ids{1, 2, 3});  // as it was
}

TEST_CASE("segments: undo of a creation, removing and merging members, undo of an import under a segment") {
  Fixture fx;
  fx.create("nordic", std::string("country in (NO, SE, DK)"));
  crm::undo(*fx.cmd("undo"), std::nullopt);
  CHECK_THROWS_AS(crm::find_segment(fx.session(), "nordic"), UsageError);
  CHECK(fx.count("segment_matches") == 0);
  CHECK(fx.count("segment_history") == 0);

  fx.create("nordic", std::string("country in (NO, SE, DK)"));
  fx.create("hand", std::nullopt);
  crm::add_to_segment(*fx.cmd("segment add"), "hand", {2, 4}, false);
  // Removing a member removes them from every segment, and undo brings the static
  // membership back.
  crm::remove_customer(*fx.cmd("customer rm K-4"), "K-4", true);
  CHECK(fx.members("nordic") == Ids{1, 2, 3});
  CHECK(fx.members("hand") == Ids{2});
  CHECK(fx.scalar("SELECT count(*) FROM segment_history WHERE customer_id = 4") == 0);
  crm::undo(*fx.cmd("undo"), std::nullopt);
  CHECK(fx.members("hand") == Ids{2, 4});
  // Merging keeps the static membership on the customer that stays.
  crm::merge_customers(*fx.cmd("customer merge K-1 K-4"), "K-1", "K-4");
  CHECK(fx.members("hand") == Ids{1, 2});
  CHECK(fx.members("nordic") == Ids{1, 2, 3});
  CHECK(fx.consistent());

  // An import whose customers a later `segment add` took in cannot be undone before it.
  fx.import("customer", "number,name,country\nK-9,Nina Berg,NO\n");
  auto import_entry = fx.store().history().list(1).back().id;
  auto k9 = fx.scalar("SELECT id FROM customers WHERE number = 'K-9'");
  crm::refresh_segments(*fx.cmd("segment refresh"), std::nullopt);
  CHECK(fx.members("nordic") == Ids{1, 2, 3, k9});
  crm::add_to_segment(*fx.cmd("segment add hand K-9"), "hand", {k9}, false);
  CHECK(fx.undo_error(import_entry) ==
        fmt::format("cannot undo entry {} (customer import): entry {} (segment add hand K-9) refers to rows it created",
                    import_entry, import_entry + 1));
  crm::undo(*fx.cmd("undo"), std::nullopt);
  // Then it can, and the dynamic segment loses the customer with it.
  crm::undo(*fx.cmd("undo"), import_entry);
  CHECK(fx.members("nordic") == Ids{1, 2, 3});
  CHECK(fx.scalar("SELECT count(*) FROM segment_history WHERE customer_id = " + std::to_string(k9)) == 0);
  CHECK(fx.consistent());
}

TEST_CASE("segments: lists select by segment and by rule") {
  Fixture fx;
  fx.create("hand", std::nullopt);
  crm::add_to_segment(*fx.cmd("segment add"), "hand", {1, 2, 4}, false);
  auto ids = [&](const crm::CustomerFilter& f) {
    Ids out;
    crm::list_customers(fx.session(), f, [&](const model::Customer& c) { out.push_back(c.id); });
    return out;
  };
  crm::CustomerFilter f;
  f.segment = "hand";
  CHECK(ids(f) == Ids{1, 2, 4});
  f.rule = crm::parse_customer_rule(fx.session(), "revenue > 0 or city ~ ODENSE");
  f.rule_today = "2026-11-23";
  f.country = "NO";
  CHECK(ids(f) == Ids{1, 2});
  f.country.reset();
  f.sort = "revenue";
  f.descending = true;
  CHECK(ids(f) == Ids{1, 2, 4});
  f.limit = 1;
  CHECK(ids(f) == Ids{1});
  CHECK(fx.rule_error([&] { crm::parse_customer_rule(fx.session(), "segment:hnad"); }) ==
        "rule:1:1: unknown segment 'hnad' | did you mean 'hand'?\n  segment:hnad\n  ^--- here");
  CHECK(fx.rule_error([&] { crm::parse_customer_rule(fx.session(), "p_alve < 0.5"); }) ==
        "rule:1:1: unknown field 'p_alve' | did you mean 'p_alive'?\n  p_alve < 0.5\n  ^--- here");
}

TEST_CASE("segments: names and rules holding quotes, semicolons and comments are values, never SQL") {
  Fixture fx;
  fx.db().exec("UPDATE customers SET name = '''); DROP TABLE customers; --', city = 'a;b--c' WHERE id = 2");
  fx.create("evil", std::string("name = \"'); DROP TABLE customers; --\" or city ~ ';b--' or name = ''' OR 1=1 --'"));
  CHECK(fx.members("evil") == Ids{2});
  fx.create("evil2", std::string("name ~ ''' OR ''1''=''1' or attr.'x''); DELETE FROM segments; --' = v"));
  CHECK(fx.members("evil2") == Ids{});
  CHECK(fx.count("customers") == 4);
  CHECK(fx.count("segments") == 2);
  CHECK_THROWS_AS(crm::check_segment_name("x'; DROP TABLE segments; --"), UsageError);
  for (const char* bad : {"", "-x", "a b", "a:b", "tag'", "a\nb"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(crm::check_segment_name(bad), UsageError);
  }
  for (const char* good : {"at-risk", "vip_2026", "Kunder.NO", "særlig"}) CHECK_NOTHROW(crm::check_segment_name(good));
}
