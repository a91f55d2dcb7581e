// analytics/: frequent itemsets, association rules and next best offers, against arules'
// reference on the Groceries data, hand-computed cases and a brute-force enumeration.
#include <csv.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <bit>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "analytics/association_rules.hpp"
#include "analytics/fp_growth.hpp"
#include "analytics/next_offer.hpp"
#include "error.hpp"

using namespace kunde;
using namespace kunde::analytics;

namespace {

// Items a b c d of the hand-computed example.
constexpr Item a = 0, b = 1, c = 2, d = 3;

// 7 baskets, one empty, one listing a twice. Counts: a 5, b 5, c 4, d 1, ab 4, ac 3, bc 3,
// abc 2.
Baskets small_baskets() {
  Baskets baskets(4);
  baskets.add({a, b, c});
  baskets.add({a, b});
  baskets.add({a, c});
  baskets.add({b, c});
  baskets.add({a, b, c, d});
  baskets.add({});
  baskets.add({a, a, b});
  return baskets;
}

struct Expected {
  std::vector<Item> antecedent;
  Item consequent;
  std::int64_t count;
};

void check_rules(const std::vector<Rule>& got, const std::vector<Expected>& want) {
  REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    CAPTURE(i);
    CHECK(got[i].antecedent == want[i].antecedent);
    CHECK(got[i].consequent == want[i].consequent);
    CHECK(got[i].count == want[i].count);
  }
}

RuleOptions small_options() {
  RuleOptions o;
  o.min_support = 0.25;  // 1.75 of 7 baskets: at least 2
  o.min_confidence = 0;
  return o;
}

// The groceries file as rows of labels. Read with libcsv itself rather than io::read_csv:
// that reader trims fields, and two labels end in a space that belongs to them.
std::vector<std::vector<std::string>> read_baskets(const std::string& path) {
  struct State {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
  } st;
  csv_parser parser;
  REQUIRE(csv_init(&parser, CSV_STRICT) == 0);
  csv_set_space_func(&parser, [](unsigned char) { return 0; });
  auto on_field = [](void* data, std::size_t len, void* ctx) {
    static_cast<State*>(ctx)->row.emplace_back(static_cast<const char*>(data), len);
  };
  auto on_row = [](int, void* ctx) {
    auto* s = static_cast<State*>(ctx);
    s->rows.push_back(std::move(s->row));
    s->row.clear();
  };
  std::ifstream in(path, std::ios::binary);
  std::vector<char> buf(1 << 16);
  while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0) {
    auto n = static_cast<std::size_t>(in.gcount());
    REQUIRE(csv_parse(&parser, buf.data(), n, on_field, on_row, &st) == n);
  }
  csv_fini(&parser, on_field, on_row, &st);
  csv_free(&parser);
  return st.rows;
}

}  // namespace

TEST_CASE("association rules reproduce arules' apriori on the Groceries data") {
  std::string path = std::string(KUNDE_SHARED_DATA) + "/groceries/groceries.csv";
  if (!std::filesystem::exists(path)) {
    MESSAGE("skipped: " << path << " is not there");
    return;
  }
  auto rows = read_baskets(path);
  std::map<std::string, Item> ids;
  for (const auto& row : rows) {
    for (const auto& label : row) ids.emplace(label, 0);
  }
  Item next = 0;
  for (auto& [label, id] : ids) id = next++;
  REQUIRE(rows.size() == 9835);
  REQUIRE(ids.size() == 169);
  CHECK(ids.count("cream cheese ") == 1);
  CHECK(ids.count("roll products ") == 1);

  Baskets baskets(next);
  for (const auto& row : rows) {
    std::vector<Item> items;
    for (const auto& label : row) items.push_back(ids.at(label));
    baskets.add(items);
  }
  RuleOptions options;
  options.min_support = 0.006;
  options.min_confidence = 0.25;
  options.min_len = 2;
  auto rules = mine_rules(baskets, options);
  CHECK(rules.size() == 463);

  REQUIRE(!rules.empty());
  const Rule& top = rules.front();  // the highest lift
  CHECK(top.antecedent == std::vector<Item>{ids.at("herbs")});
  CHECK(top.consequent == ids.at("root vegetables"));
  CHECK(top.count == 69);
  CHECK(top.support == doctest::Approx(0.007015760).epsilon(1e-8));
  CHECK(top.confidence == doctest::Approx(0.43125).epsilon(1e-9));
  CHECK(top.lift == doctest::Approx(3.956477).epsilon(1e-7));

  for (const Rule& r : rules) {
    CHECK(r.support >= 0.006);
    CHECK(r.confidence >= 0.25);
    CHECK(!r.antecedent.empty());
  }
  CHECK(std::is_sorted(rules.begin(), rules.end(), rule_before));
}

TEST_CASE("frequent itemsets of a small example, duplicates and an empty basket included") {
  ItemsetOptions o;
  o.min_support = 0.25;
  auto sets = frequent_itemsets(small_baskets(), o);
  CHECK(sets.baskets() == 7);
  CHECK(sets.min_count() == 2);
  CHECK(sets.size() == 7);  // a b c ab ac bc abc
  CHECK(sets.count(std::vector<Item>{}) == 7);
  CHECK(sets.count(std::vector<Item>{a}) == 5);  // a twice in one basket counts once
  CHECK(sets.count(std::vector<Item>{b, a}) == 4);
  CHECK(sets.count(std::vector<Item>{c, a, b}) == 2);
  CHECK(sets.count(std::vector<Item>{d}) == 0);  // not frequent
  CHECK(sets.item_count(d) == 1);
  CHECK(sets.item_count(a) == 5);

  std::map<std::vector<Item>, std::int64_t> all;
  sets.for_each([&](std::span<const Item> items, std::int64_t count) {
    all[std::vector<Item>(items.begin(), items.end())] = count;
  });
  std::map<std::vector<Item>, std::int64_t> want = {{{a}, 5},    {{b}, 5},    {{c}, 4},       {{a, b}, 4},
                                                    {{a, c}, 3}, {{b, c}, 3}, {{a, b, c}, 2}};
  CHECK(all == want);

  o.max_len = 2;
  CHECK(frequent_itemsets(small_baskets(), o).size() == 6);
  o.min_support = 0;  // every itemset that occurs
  o.max_len = 10;
  CHECK(frequent_itemsets(small_baskets(), o).size() == 15);  // every subset of abcd
}

TEST_CASE("rules of the small example: measures and order") {
  auto rules = mine_rules(small_baskets(), small_options());
  check_rules(rules, {{{a}, b, 4},
                      {{b}, a, 4},
                      {{c}, a, 3},
                      {{c}, b, 3},
                      {{a}, c, 3},
                      {{b}, c, 3},
                      {{a, c}, b, 2},
                      {{b, c}, a, 2},
                      {{a, b}, c, 2}});
  const Rule& ab = rules[0];
  CHECK(ab.antecedent_count == 5);
  CHECK(ab.consequent_count == 5);
  CHECK(ab.support == doctest::Approx(4.0 / 7));
  CHECK(ab.confidence == doctest::Approx(0.8));
  CHECK(ab.lift == doctest::Approx(28.0 / 25));
  const Rule& acb = rules[6];
  CHECK(acb.antecedent_count == 3);
  CHECK(acb.confidence == doctest::Approx(2.0 / 3));
  CHECK(acb.lift == doctest::Approx(14.0 / 15));
}

TEST_CASE("rule thresholds: max_len, min_len, min_confidence, min_lift, min_support") {
  RuleOptions o = small_options();
  o.max_len = 2;
  check_rules(mine_rules(small_baskets(), o),
              {{{a}, b, 4}, {{b}, a, 4}, {{c}, a, 3}, {{c}, b, 3}, {{a}, c, 3}, {{b}, c, 3}});

  o = small_options();
  o.min_len = 3;
  check_rules(mine_rules(small_baskets(), o), {{{a, c}, b, 2}, {{b, c}, a, 2}, {{a, b}, c, 2}});

  o = small_options();
  o.min_confidence = 0.75;  // inclusive: c => a is 3/4
  check_rules(mine_rules(small_baskets(), o), {{{a}, b, 4}, {{b}, a, 4}, {{c}, a, 3}, {{c}, b, 3}});

  o = small_options();
  o.min_lift = 1.05;  // inclusive: 21/20
  check_rules(mine_rules(small_baskets(), o),
              {{{a}, b, 4}, {{b}, a, 4}, {{c}, a, 3}, {{c}, b, 3}, {{a}, c, 3}, {{b}, c, 3}});
  o.min_lift = 1.1;
  check_rules(mine_rules(small_baskets(), o), {{{a}, b, 4}, {{b}, a, 4}});

  o = small_options();
  o.min_support = 4.0 / 7;
  check_rules(mine_rules(small_baskets(), o), {{{a}, b, 4}, {{b}, a, 4}});

  // min_len 1 adds rules without antecedent: confidence = support, lift 1.
  o = small_options();
  o.min_len = 1;
  o.max_len = 1;
  auto rules = mine_rules(small_baskets(), o);
  check_rules(rules, {{{}, a, 5}, {{}, b, 5}, {{}, c, 4}});
  CHECK(rules[2].confidence == doctest::Approx(4.0 / 7));
  CHECK(rules[2].lift == doctest::Approx(1.0));
}

TEST_CASE("association rules of a single basket, of empty baskets and of none") {
  Baskets one(3);
  one.add({2, 0});
  RuleOptions o;
  o.min_support = 1;
  o.min_confidence = 1;
  auto rules = mine_rules(one, o);
  check_rules(rules, {{{0}, 2, 1}, {{2}, 0, 1}});
  CHECK(rules[0].lift == doctest::Approx(1.0));

  Baskets empty(3);
  empty.add({});
  empty.add({});
  CHECK(mine_rules(empty, o).empty());
  CHECK(frequent_itemsets(empty, {}).size() == 0);

  Baskets none(3);
  CHECK(mine_rules(none, o).empty());
  CHECK(frequent_itemsets(none, {}).count(std::vector<Item>{}) == 0);

  Baskets no_items(0);
  no_items.add({});
  CHECK(mine_rules(no_items, o).empty());
}

TEST_CASE("association rules reject bad thresholds and items") {
  Baskets baskets = small_baskets();
  RuleOptions o;
  o.min_support = 1.5;
  CHECK_THROWS_AS(mine_rules(baskets, o), UsageError);
  o = {};
  o.min_confidence = -0.1;
  CHECK_THROWS_AS(mine_rules(baskets, o), UsageError);
  o = {};
  o.min_lift = -1;
  CHECK_THROWS_AS(mine_rules(baskets, o), UsageError);
  o = {};
  o.max_len = 0;
  CHECK_THROWS_AS(mine_rules(baskets, o), UsageError);
  CHECK_THROWS_AS(baskets.add({4}), Error);
  CHECK_THROWS_AS(baskets.add({-1}), Error);
}

TEST_CASE("too many itemsets stop mining with advice instead of running away") {
  // 200 baskets of 30 of 40 items: nearly every combination is frequent at a low support.
  std::mt19937 rng(7);
  Baskets baskets(40);
  for (int k = 0; k < 200; ++k) {
    std::vector<Item> items(40);
    for (Item i = 0; i < 40; ++i) items[static_cast<std::size_t>(i)] = i;
    std::shuffle(items.begin(), items.end(), rng);
    items.resize(30);
    baskets.add(items);
  }
  RuleOptions o;
  o.min_support = 0.01;
  o.max_itemsets = 10'000;
  try {
    mine_rules(baskets, o);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("more than 10000 frequent itemsets") != std::string::npos);
    CHECK(e.hint().find("--min-support") != std::string::npos);
  }
  // Every item is in 3/4 of the baskets, most pairs in more than half.
  o = {};
  o.min_support = 0.5;
  o.min_confidence = 0;
  o.max_rules = 5;
  CHECK_THROWS_AS(mine_rules(baskets, o), Error);
  o.max_rules = 100'000;
  CHECK(mine_rules(baskets, o).size() > 5);
}

namespace {

// Every itemset of up to `items` items counted by brute force.
std::vector<std::int64_t> count_all(const Baskets& baskets, int items) {
  std::vector<std::int64_t> counts(std::size_t{1} << items, 0);
  for (std::size_t k = 0; k < baskets.size(); ++k) {
    unsigned mask = 0;
    for (Item i : baskets[k]) mask |= 1u << i;
    for (unsigned s = 0; s < counts.size(); ++s) {
      if ((s & mask) == s) ++counts[s];
    }
  }
  return counts;
}

std::vector<Item> items_of(unsigned mask) {
  std::vector<Item> out;
  for (Item i = 0; i < 32; ++i) {
    if (mask & (1u << i)) out.push_back(i);
  }
  return out;
}

std::vector<Rule> brute_force_rules(const Baskets& baskets, int items, const RuleOptions& o) {
  auto counts = count_all(baskets, items);
  const auto n = static_cast<std::int64_t>(baskets.size());
  std::vector<Rule> out;
  for (unsigned s = 1; s < counts.size(); ++s) {
    int len = std::popcount(s);
    if (len < o.min_len || len > o.max_len || counts[s] == 0) continue;
    if (static_cast<double>(counts[s]) < o.min_support * static_cast<double>(n) * (1 - 1e-12)) continue;
    for (Item c : items_of(s)) {
      unsigned ante = s & ~(1u << c);
      Rule r;
      r.antecedent = items_of(ante);
      r.consequent = c;
      r.count = counts[s];
      r.antecedent_count = counts[ante];
      r.consequent_count = counts[1u << c];
      r.support = static_cast<double>(r.count) / static_cast<double>(n);
      r.confidence = static_cast<double>(r.count) / static_cast<double>(r.antecedent_count);
      r.lift = static_cast<double>(r.count) * static_cast<double>(n) /
               (static_cast<double>(r.antecedent_count) * static_cast<double>(r.consequent_count));
      if (r.confidence >= o.min_confidence && r.lift >= o.min_lift) out.push_back(r);
    }
  }
  std::sort(out.begin(), out.end(), rule_before);
  return out;
}

// Ratios of small counts, each rounded once: equal ratios compare equal. Lift without the
// factor common to all rules (the number of baskets).
long double confidence(const Rule& r) { return static_cast<long double>(r.count) / r.antecedent_count; }
long double lift(const Rule& r) {
  return static_cast<long double>(r.count) / (static_cast<long double>(r.antecedent_count) * r.consequent_count);
}

// The documented offer ranking, one item at a time.
std::vector<Offer> brute_force_offers(const std::vector<Rule>& rules, const std::vector<Item>& owned,
                                      std::size_t top_n) {
  auto has = [&](Item i) { return std::find(owned.begin(), owned.end(), i) != owned.end(); };
  auto better = [&](std::size_t x, std::size_t y) {  // rule x recommends better than rule y
    const Rule& p = rules[x];
    const Rule& q = rules[y];
    if (confidence(p) != confidence(q)) return confidence(p) > confidence(q);
    if (lift(p) != lift(q)) return lift(p) > lift(q);
    if (p.count != q.count) return p.count > q.count;
    if (p.antecedent.size() != q.antecedent.size()) return p.antecedent.size() < q.antecedent.size();
    return x < y;
  };
  std::map<Item, std::size_t> best;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const Rule& r = rules[i];
    if (has(r.consequent) || !std::all_of(r.antecedent.begin(), r.antecedent.end(), has)) continue;
    auto it = best.find(r.consequent);
    if (it == best.end() || better(i, it->second)) best[r.consequent] = i;
  }
  std::vector<Offer> out;
  for (auto [item, rule] : best) out.push_back({item, rule});
  std::stable_sort(out.begin(), out.end(), [&](const Offer& x, const Offer& y) {
    const Rule& p = rules[x.rule];
    const Rule& q = rules[y.rule];
    if (confidence(p) != confidence(q)) return confidence(p) > confidence(q);
    if (lift(p) != lift(q)) return lift(p) > lift(q);
    return p.count > q.count;
  });
  if (out.size() > top_n) out.resize(top_n);
  return out;
}

}  // namespace

TEST_CASE("association rules agree with a brute-force enumeration on random baskets") {
  std::mt19937 rng(2024);
  for (int round = 0; round < 60; ++round) {
    CAPTURE(round);
    const int items = 3 + static_cast<int>(rng() % 8);
    const int n = static_cast<int>(rng() % 60);
    Baskets baskets(items);
    for (int k = 0; k < n; ++k) {
      std::vector<Item> basket;
      int len = static_cast<int>(rng() % 7);
      for (int j = 0; j < len; ++j) basket.push_back(static_cast<Item>(rng() % static_cast<unsigned>(items)));
      baskets.add(basket);
    }
    RuleOptions o;
    o.min_support = std::vector<double>{0, 0.02, 0.05, 0.1, 0.2, 0.35}[rng() % 6];
    o.min_confidence = std::vector<double>{0, 0.2, 0.5, 0.8, 1}[rng() % 5];
    o.min_lift = std::vector<double>{0, 1, 1.2}[rng() % 3];
    o.min_len = 1 + static_cast<int>(rng() % 3);
    o.max_len = 1 + static_cast<int>(rng() % 5);

    auto want = brute_force_rules(baskets, items, o);
    auto got = mine_rules(baskets, o);
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      CAPTURE(i);
      CHECK(got[i].antecedent == want[i].antecedent);
      CHECK(got[i].consequent == want[i].consequent);
      CHECK(got[i].count == want[i].count);
      CHECK(got[i].antecedent_count == want[i].antecedent_count);
      CHECK(got[i].consequent_count == want[i].consequent_count);
      CHECK(got[i].confidence == doctest::Approx(want[i].confidence));
      CHECK(got[i].lift == doctest::Approx(want[i].lift));
    }

    // The itemsets themselves, with max_len and support.
    ItemsetOptions io;
    io.min_support = o.min_support;
    io.max_len = o.max_len;
    auto sets = frequent_itemsets(baskets, io);
    auto counts = count_all(baskets, items);
    std::size_t frequent = 0;
    for (unsigned s = 1; s < counts.size(); ++s) {
      bool is = counts[s] > 0 && counts[s] >= sets.min_count() && std::popcount(s) <= o.max_len;
      frequent += is;
      CHECK(sets.count(items_of(s)) == (is ? counts[s] : 0));
    }
    CHECK(sets.size() == frequent);

    // Offers for a few random customers.
    OfferIndex index(got);
    for (int k = 0; k < 5; ++k) {
      std::vector<Item> owned;
      for (Item i = 0; i < items; ++i) {
        if (rng() % 2) owned.push_back(i);
      }
      std::size_t top = 1 + rng() % 4;
      auto offers = index.offers(owned, top);
      auto expected = brute_force_offers(got, owned, top);
      REQUIRE(offers.size() == expected.size());
      for (std::size_t i = 0; i < offers.size(); ++i) {
        CHECK(offers[i].item == expected[i].item);
        CHECK(offers[i].rule == expected[i].rule);
      }
    }
  }
}

TEST_CASE("next best offers: consequents not owned of rules whose antecedent is owned") {
  auto rules = mine_rules(small_baskets(), small_options());
  // rules: a=>b .8, b=>a .8, c=>a .75, c=>b .75, a=>c .6, b=>c .6, ac=>b .67, bc=>a .67, ab=>c .5
  auto only_a = next_best_offers(rules, std::vector<Item>{a}, 5);
  REQUIRE(only_a.size() == 2);
  CHECK(only_a[0].item == b);
  CHECK(rules[only_a[0].rule].antecedent == std::vector<Item>{a});
  CHECK(only_a[1].item == c);

  // b is offered once, by its best rule (a => b at 0.8 beats c => b and ac => b).
  auto a_and_c = next_best_offers(rules, std::vector<Item>{c, a, a}, 5);
  REQUIRE(a_and_c.size() == 1);
  CHECK(a_and_c[0].item == b);
  CHECK(a_and_c[0].rule == 0);

  // c => a and c => b tie on confidence, lift and support: the lower item id first.
  auto only_c = next_best_offers(rules, std::vector<Item>{c}, 5);
  REQUIRE(only_c.size() == 2);
  CHECK(only_c[0].item == a);
  CHECK(only_c[1].item == b);
  CHECK(next_best_offers(rules, std::vector<Item>{c}, 1).size() == 1);
  CHECK(next_best_offers(rules, std::vector<Item>{c}, 0).empty());

  // a => c and b => c tie completely: the rule listed first wins.
  auto a_and_b = next_best_offers(rules, std::vector<Item>{a, b}, 5);
  REQUIRE(a_and_b.size() == 1);
  CHECK(a_and_b[0].item == c);
  CHECK(rules[a_and_b[0].rule].antecedent == std::vector<Item>{a});

  CHECK(next_best_offers(rules, std::vector<Item>{}, 5).empty());
  CHECK(next_best_offers(rules, std::vector<Item>{d, 17}, 5).empty());  // items no rule knows
  CHECK(next_best_offers(rules, std::vector<Item>{a, b, c}, 5).empty());
}
