// Contacts: channels, content hashes, statistics, what is due and full-text grep.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include "crm/contacts.hpp"
#include "crm/session.hpp"
#include "crm/statistics.hpp"
#include "error.hpp"
#include "helpers.hpp"
#include "model/contact.hpp"
#include "store/store.hpp"

using namespace kunde;

namespace {

struct Fixture : test::StoreFixture {
  std::int64_t customer(const std::string& number) {
    model::Customer c;
    c.number = number;
    c.name = "C " + number;
    return store().customers().insert(c);
  }
  std::int64_t contact(std::int64_t customer_id, const std::string& at, const std::string& channel,
                       const std::string& direction, std::optional<std::string> follow_up = {},
                       std::optional<std::string> subject = {}) {
    model::Contact k;
    k.customer_id = customer_id;
    k.at = at;
    k.channel = channel;
    k.direction = direction;
    k.follow_up_at = follow_up;
    k.subject = subject;
    return store().contacts().insert(k);
  }
  std::vector<std::int64_t> due(const std::string& as_of, int within = 0, bool overdue = false) {
    store::DueFilter f;
    f.as_of = as_of;
    f.within_days = within;
    f.overdue_only = overdue;
    std::vector<std::int64_t> ids;
    store().contacts().due(f, [&](const store::DueItem& d) { ids.push_back(d.row.contact.id); });
    return ids;
  }
};

}  // namespace

TEST_CASE("channels: built-in names, synonyms, configured extras, unknown ones") {
  model::Channels ch({"WhatsApp"});
  CHECK(ch.canonical("Phone") == "phone");
  CHECK(ch.canonical(" letter ") == "post");
  CHECK(ch.canonical("E-mail") == "email");
  CHECK(ch.canonical("IM") == "chat");
  CHECK(ch.canonical("self-service") == "web");
  CHECK(ch.canonical("whatsapp") == "whatsapp");
  CHECK_THROWS_AS(ch.canonical("pigeon"), Error);
  CHECK_THROWS_AS(model::Channels().canonical("whatsapp"), Error);
  CHECK(model::parse_direction("Inbound") == "in");
  CHECK(model::parse_direction("outgoing") == "out");
  CHECK_THROWS_AS(model::parse_direction("up"), Error);
}

TEST_CASE("content hashes: stable, sensitive to every field but the customer and the done ones") {
  model::Contact a;
  a.at = "2026-11-30";
  a.channel = "phone";
  a.direction = "in";
  a.subject = "x";
  auto h = model::content_hash(a);
  CHECK(h == model::content_hash(a));
  model::Contact other_customer = a;
  other_customer.customer_id = 7;
  other_customer.done_at = "2026-12-01";
  other_customer.done_notes = "called back";
  CHECK(model::content_hash(other_customer) == h);
  // The same text in another field, or none instead of an empty one, is other content.
  model::Contact b = a;
  b.subject.reset();
  b.notes = "x";
  CHECK(model::content_hash(b) != h);
  model::Contact empty_notes = b;
  empty_notes.notes = "";
  b.notes.reset();
  CHECK(model::content_hash(empty_notes) != model::content_hash(b));
  // Field boundaries count: ("ab", "c") is not ("a", "bc").
  model::Contact c = a, d = a;
  c.subject = "ab", c.notes = "c";
  d.subject = "a", d.notes = "bc";
  CHECK(model::content_hash(c) != model::content_hash(d));
  // Whatever the texts hold, control characters included.
  c.subject = std::string("ab\x1f"), c.notes = "c";
  d.subject = "ab", d.notes = std::string("\x1f" "c");
  CHECK(model::content_hash(c) != model::content_hash(d));
  c.subject = std::string("\x1e"), c.notes.reset();
  d.subject.reset(), d.notes.reset();
  CHECK(model::content_hash(c) != model::content_hash(d));
  a.outcome = "Complaint";
  CHECK(crm::is_complaint(a.subject.value_or(""), a.outcome.value_or(""), a.reason.value_or("")));
}

TEST_CASE("statistics: preferred channel is the most used inbound one, ties to the latest") {
  Fixture fx;
  auto change = fx.store().begin_write("test");
  auto c = fx.customer("K-1");
  fx.contact(c, "2026-01-01", "phone", "in");
  fx.contact(c, "2026-03-01", "email", "in", {}, "Complaint about invoice");
  fx.contact(c, "2026-02-01", "email", "out");
  fx.contact(c, "2026-02-15", "visit", "out", "2026-12-01");
  change->commit("x");
  auto s = fx.store().contacts().summary(c);
  CHECK(s.contacts == 4);
  CHECK(s.inbound == 2);
  CHECK(s.outbound == 2);
  CHECK(s.preferred_channel == "email");  // phone and email have one inbound each; email is later
  CHECK(s.complaints == 1);
  CHECK(s.open_follow_ups == 1);
  CHECK(s.next_follow_up_at == "2026-12-01");
  CHECK(s.last_contact_at == "2026-03-01");
  CHECK(s.by_channel["email"] == std::make_pair(std::int64_t{1}, std::int64_t{1}));
}

TEST_CASE("due: dates as written across month and year ends") {
  Fixture fx;
  auto change = fx.store().begin_write("test");
  auto c = fx.customer("K-1");
  auto late_evening = fx.contact(c, "2026-11-01", "phone", "in", "2026-11-30 23:30:00+01:00");
  auto west = fx.contact(c, "2026-11-02", "phone", "in", "2026-11-30 23:30:00-05:00");
  auto december = fx.contact(c, "2026-11-03", "phone", "in", "2026-12-01");
  auto new_year = fx.contact(c, "2026-11-04", "phone", "in", "2027-01-01");
  change->commit("x");
  CHECK(fx.due("2026-11-29").empty());
  CHECK(fx.due("2026-11-30") == std::vector<std::int64_t>{late_evening, west});
  CHECK(fx.due("2026-12-01", 0, true) == std::vector<std::int64_t>{late_evening, west});
  CHECK(fx.due("2026-12-31") == std::vector<std::int64_t>{late_evening, west, december});
  CHECK(fx.due("2026-12-31", 1) == std::vector<std::int64_t>{late_evening, west, december, new_year});
  auto& repo = fx.store().contacts();
  CHECK(repo.mark_done(west, "2026-11-30 10:00:00", std::string("done")));
  CHECK_FALSE(repo.mark_done(west, "2026-11-30 10:00:00", std::nullopt));
  CHECK(fx.due("2026-11-30") == std::vector<std::int64_t>{late_evening});
}

TEST_CASE("grep: words start words of subject or notes, case and diacritics ignored") {
  Fixture fx;
  auto change = fx.store().begin_write("test");
  auto c = fx.customer("K-1");
  auto broken = fx.contact(c, "2026-11-01", "post", "in", {}, "Pakken kom ødelagt");
  fx.contact(c, "2026-11-02", "phone", "in", {}, "Spørsmål om faktura");
  change->commit("x");
  auto& repo = fx.store().contacts();
  auto grep = [&](const std::string& q) {
    store::ContactFilter f;
    f.grep = q;
    std::vector<std::int64_t> ids;
    repo.list(f, [&](const store::ContactRow& r) { ids.push_back(r.contact.id); });
    return ids;
  };
  CHECK(grep("ODELAGT") == std::vector<std::int64_t>{broken});
  CHECK(grep("pakk ode") == std::vector<std::int64_t>{broken});
  CHECK(grep("lagt").empty());  // not the start of a word
  CHECK(grep("sporsmal").size() == 1);
}

TEST_CASE("contact services: logging for many customers is one entry; closing refuses what is not open") {
  Fixture fx;
  fx.import("customer", "number,name\nK-1,Kari\nK-2,Ola\n");
  model::Contact k;
  k.at = "2026-11-01 10:00:00";
  k.channel = "phone";
  k.direction = "out";
  k.promise = "send the offer";
  CHECK(crm::contact_state(k) == "open");
  auto s = fx.session("contact log --from list.csv");
  auto logged = crm::log_contacts(*s, k, {1, 2});
  CHECK(logged.count == 2);
  CHECK(logged.summary == "logged 2 contacts (phone out)");
  auto one = crm::log_contacts(*fx.session("contact log K-1"), k, {1});
  CHECK(one.summary == fmt::format("logged contact {} (phone out) for K-1", one.last_id));
  auto h = fx.store().history().list(10);
  REQUIRE(h.size() == 3);
  CHECK(h[1].summary == "logged 2 contacts (phone out)");
  CHECK(fx.store().contacts().summary(1).open_promises == 2);

  model::Contact plain = k;
  plain.promise.reset();
  CHECK(crm::contact_state(plain) == "none");
  auto none = crm::log_contacts(*s, plain, {2}).last_id;
  auto close = fx.session("contact done");
  CHECK_THROWS_WITH_AS(crm::close_contacts(*close, {none}, "2026-11-02", std::nullopt),
                       doctest::Contains("has no promise or follow-up to close"), Error);
  CHECK_THROWS_WITH_AS(crm::close_contacts(*close, {999}, "2026-11-02", std::nullopt), "no contact 999", Error);
  CHECK(crm::close_contacts(*close, {one.last_id}, "2026-11-02", std::string("sent")) ==
        fmt::format("closed contact {}", one.last_id));
  auto row = fx.store().contacts().by_id(one.last_id);
  CHECK(crm::contact_state(row->contact) == "done");
  CHECK_THROWS_WITH_AS(crm::close_contacts(*close, {one.last_id}, "2026-11-03", std::nullopt),
                       doctest::Contains("was done already on 2026-11-02"), Error);
  // A refused close changes nothing, not even the contacts before the bad one.
  CHECK_THROWS_AS(crm::close_contacts(*close, {logged.last_id, none}, "2026-11-03", std::nullopt), Error);
  CHECK(crm::contact_state(fx.store().contacts().by_id(logged.last_id)->contact) == "open");
  CHECK(fx.store().contacts().summary(1).open_promises == 1);
  CHECK(fx.consistent());
}
