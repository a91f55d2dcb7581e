// Contacts without a key: matched to stored ones by customer, content and occurrence.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <random>
#include <utility>
#include <vector>

#include "crm/import/contact_matcher.hpp"

using namespace kunde;

namespace {

// A contacts table in memory: (id, content) per customer, ids from 1 in insertion order.
struct FakeStore {
  std::map<std::int64_t, std::vector<std::pair<std::int64_t, std::uint64_t>>> contacts;
  std::int64_t next_id = 1;
  int loads = 0;

  void add(std::int64_t customer, std::uint64_t hash) { contacts[customer].emplace_back(next_id++, hash); }

  crm::import::ContactMatcher::Store store() {
    return {[this](std::int64_t customer) { return contacts.count(customer) > 0; },
            [this](std::int64_t customer, const std::function<void(std::int64_t, std::uint64_t)>& each) {
              ++loads;
              for (const auto& [id, hash] : contacts[customer]) each(id, hash);
            }};
  }
};

// Runs rows (customer, content) through a matcher as an import does, inserting the new ones;
// returns what each matched (0: inserted).
std::vector<std::int64_t> import_rows(FakeStore& fake, const std::vector<std::pair<std::int64_t, std::uint64_t>>& rows,
                                      std::size_t kept = 250000) {
  crm::import::ContactMatcher matcher(fake.next_id, fake.store(), kept);
  std::vector<std::int64_t> out;
  for (const auto& [customer, hash] : rows) {
    std::int64_t id = matcher.match(customer, hash);
    if (!id) fake.add(customer, hash);
    out.push_back(id);
  }
  return out;
}

}  // namespace

TEST_CASE("matching: the n-th row with some content is the customer's n-th contact with it") {
  FakeStore fake;
  fake.add(1, 0xA);  // id 1
  fake.add(1, 0xB);  // id 2
  fake.add(1, 0xA);  // id 3
  fake.add(2, 0xA);  // id 4: another customer's
  auto got = import_rows(fake, {{1, 0xA}, {1, 0xA}, {1, 0xA}, {1, 0xB}, {2, 0xB}});
  CHECK(got == std::vector<std::int64_t>{1, 3, 0, 2, 0});
  // Again: everything is there now, the third A included.
  got = import_rows(fake, {{1, 0xA}, {1, 0xA}, {1, 0xA}, {1, 0xB}, {2, 0xB}});
  CHECK(got == std::vector<std::int64_t>{1, 3, 5, 2, 6});
}

TEST_CASE("matching: a customer without contacts before is not read; one with some is kept or read again") {
  FakeStore fake;
  auto got = import_rows(fake, {{1, 0xA}, {1, 0xA}, {2, 0xA}, {1, 0xA}, {3, 0xC}});
  CHECK(got == std::vector<std::int64_t>{0, 0, 0, 0, 0});
  CHECK(fake.loads == 0);
  for (std::size_t kept : {std::size_t{250000}, std::size_t{0}}) {
    CAPTURE(kept);
    FakeStore again;
    again.add(1, 0xA);  // 1
    got = import_rows(again, {{1, 0xA}, {2, 0xA}, {1, 0xA}, {2, 0xB}, {1, 0xA}}, kept);
    CHECK(got == std::vector<std::int64_t>{1, 0, 0, 0, 0});
    // Kept once a customer came back (until then the file looks sorted): read at its first
    // two runs. Forgotten at once: read at each of its three.
    CHECK(again.loads == (kept ? 2 : 3));
  }
}

TEST_CASE("matching: a customer who comes back continues where the file left off") {
  // Kept, forgotten at once, or forgotten now and then: the same matches.
  for (std::size_t kept : {std::size_t{250000}, std::size_t{0}, std::size_t{2}}) {
    CAPTURE(kept);
    FakeStore fake;
    fake.add(1, 0xA);  // 1
    fake.add(1, 0xA);  // 2
    fake.add(1, 0xB);  // 3
    // First A matched in the first run; the second A in the second; the third is new; the
    // third run's A is the file's fourth: new again. B matched once, then new.
    std::vector<std::pair<std::int64_t, std::uint64_t>> rows = {{1, 0xA}, {2, 0xA}, {1, 0xA}, {1, 0xA},
                                                               {1, 0xB}, {2, 0xA}, {1, 0xA}, {1, 0xB}};
    auto got = import_rows(fake, rows, kept);
    CHECK(got == std::vector<std::int64_t>{1, 0, 2, 0, 3, 0, 0, 0});
    // The same file again matches everything, in the same order.
    auto again = import_rows(fake, rows, kept);
    CHECK(again == std::vector<std::int64_t>{1, 4, 2, 5, 3, 6, 7, 8});
  }
}

TEST_CASE("matching: any order of the same rows matches the same contacts") {
  std::mt19937 rng(7);
  for (int round = 0; round < 30; ++round) {
    CAPTURE(round);
    std::size_t kept = round % 3 == 0 ? 250000 : round % 3 == 1 ? 0 : 5;
    CAPTURE(kept);
    std::vector<std::pair<std::int64_t, std::uint64_t>> rows;
    for (int i = 0; i < 200; ++i) rows.emplace_back(1 + rng() % 12, rng() % 5);
    FakeStore fake;
    auto first = import_rows(fake, rows, kept);
    CHECK(std::count(first.begin(), first.end(), 0) == 200);
    std::shuffle(rows.begin(), rows.end(), rng);
    auto second = import_rows(fake, rows, kept);
    CHECK(std::count(second.begin(), second.end(), 0) == 0);
    // A few more rows with contents already there are new contacts; the rest still match.
    rows.insert(rows.begin() + 50, rows[10]);
    rows.push_back(rows[0]);
    std::shuffle(rows.begin(), rows.end(), rng);
    auto third = import_rows(fake, rows, kept);
    CHECK(std::count(third.begin(), third.end(), 0) == 2);
  }
}

TEST_CASE("matching: a customer with many contacts who keeps coming back is read twice, not each time") {
  FakeStore fake;
  for (std::uint64_t h = 0; h < 100; ++h) fake.add(1, h);  // ids 1 to 100
  fake.add(2, 0xFF);                                       // id 101
  std::vector<std::pair<std::int64_t, std::uint64_t>> rows;
  for (std::uint64_t h = 0; h < 100; ++h) {
    rows.emplace_back(1, h);
    rows.emplace_back(2, 0xFF);
  }
  auto got = import_rows(fake, rows);
  for (std::size_t i = 0; i < 100; ++i) {
    CHECK(got[2 * i] == static_cast<std::int64_t>(i + 1));
    CHECK(got[2 * i + 1] == (i == 0 ? 101 : 0));
  }
  // Each read when first named, and again when the file turned out not to be sorted.
  CHECK(fake.loads == 4);
}
