// The report services of lib/crm (reports_*.hpp) over a store: totals that reconcile with
// the orders, figures computed from the rows up to the as-of day, the CDNOW reference fit
// through `report clv`, and the clear errors of fits that cannot converge.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <random>
#include <sstream>
#include <string>

#include "crm/orders.hpp"
#include "crm/reports_churn.hpp"
#include "crm/reports_clv.hpp"
#include "crm/reports_cohort.hpp"
#include "crm/reports_rfm.hpp"
#include "crm/reports_summary.hpp"
#include "crm/reports_top.hpp"
#include "crm/reports_value.hpp"
#include "crm/session.hpp"
#include "error.hpp"
#include "helpers.hpp"
#include "store/store.hpp"

using namespace kunde;

namespace {

const char* kCustomers =
    "number,name,city\n"
    "K1,Kari Nordmann,Tromsø\n"
    "K2,Ola Hansen,Bergen\n"
    "K3,Per Berg,Oslo\n"
    "K4,Åse Dahl,Førde\n"
    "K5,Nils Lie,Bodø\n";

// A return (O3), a cancelled order (O5), a line without cost (O7) and a customer whose only
// order comes late (K4); K5 has none.
const char* kOrders =
    "order,customer,ordered_at,sku,quantity,unit_price,unit_cost,category,channel,status\n"
    "O1,K1,2026-01-05,S1,2,50.00,20.00,books,web,\n"
    "O2,K1,2026-02-10,S2,1,30.00,10.00,music,phone,\n"
    "O2,K1,2026-02-10,S1,1,50.00,20.00,books,phone,\n"
    "O3,K1,2026-03-15,S1,-1,50.00,20.00,books,web,\n"
    "O4,K2,2026-01-20,S2,3,30.00,10.00,music,phone,\n"
    "O5,K2,2026-04-01,S1,1,50.00,20.00,books,phone,cancelled\n"
    "O6,K3,2026-02-28,S1,1,50.00,20.00,books,web,\n"
    "O7,K3,2026-05-02,S3,2,30.00,,games,web,\n"
    "O8,K4,2026-06-10,S1,1,50.00,20.00,books,retail,\n";

struct Fixture : test::StoreFixture {
  Fixture() {
    import("customer", kCustomers);
    import("order", kOrders);
    s = session("report");
  }
  std::unique_ptr<crm::Session> s;
};

crm::ReportScope scope(const std::string& as_of) {
  crm::ReportScope sc;
  sc.as_of = as_of;
  return sc;
}

// What `kunde order list --until DAY` totals: orders not cancelled, and their amount.
struct OrderTotals {
  std::int64_t orders = 0, amount = 0;
};
OrderTotals order_totals(crm::Session& s, const std::string& until) {
  crm::OrderFilter f;
  f.until = until;
  OrderTotals t;
  crm::list_orders(s, f, [&](const crm::OrderSummary& o) {
    if (o.order.status == "cancelled") return;
    ++t.orders;
    t.amount += o.amount;
  });
  return t;
}

// The message and hint of the kunde::Error that f throws (empty when it throws none).
template <class F>
std::string error_of(F f) {
  try {
    f();
  } catch (const Error& e) {
    return std::string(e.what()) + "\nhint: " + e.hint();
  }
  return {};
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Imports orders given as (customer, day, amount) rows, creating the customers.
void import_orders(test::StoreFixture& fx, const std::string& rows) {
  crm::ImportRequest r(crm::ImportKind::orders);
  r.options.create_missing = true;
  fx.import("order", "customer,ordered_at,amount\n" + rows, r);
}

}  // namespace

TEST_CASE("reports: every report's totals equal the order totals, as of any day") {
  Fixture fx;
  for (const std::string day : {"2026-12-31", "2026-02-28", "2026-01-31"}) {
    CAPTURE(day);
    const OrderTotals orders = order_totals(*fx.s, day);
    REQUIRE(orders.orders > 0);

    crm::ValueReport value = crm::value_report(*fx.s, scope(day));
    CHECK(value.orders == orders.orders);
    CHECK(value.revenue == orders.amount);
    CHECK(std::accumulate(value.rows.begin(), value.rows.end(), std::int64_t{0},
                          [](std::int64_t sum, const crm::CustomerValue& v) { return sum + v.revenue; }) == orders.amount);
    std::int64_t decile_revenue = 0, decile_customers = 0;
    for (const auto& d : value.deciles) decile_revenue += d.revenue, decile_customers += d.customers;
    CHECK(decile_revenue == orders.amount);
    CHECK(decile_customers == value.customers);
    // The margin of the revenue whose cost is known, as the stored statistics define it: a
    // line without a cost adds nothing, so it never shows as 100% margin.
    CHECK(value.margin == value.revenue_with_cost - value.cost);

    crm::RfmReport rfm = crm::rfm_report(*fx.s, scope(day), false);
    CHECK(rfm.revenue == orders.amount);
    CHECK(rfm.orders == orders.orders);
    std::int64_t segment_revenue = 0;
    for (const auto& t : rfm.totals) segment_revenue += t.revenue;
    CHECK(segment_revenue == orders.amount);

    crm::CohortReport cohort = crm::cohort_report(*fx.s, scope(day));
    CHECK(cohort.revenue == orders.amount);

    crm::ChurnRequest churn;
    churn.scope = scope(day);
    crm::ChurnReport ch = crm::churn_report(*fx.s, churn);
    CHECK(ch.revenue == orders.amount);
    CHECK(ch.fit_error);  // too few customers for P(alive): said, not thrown

    crm::SummaryRequest summary;
    summary.scope = scope(day);
    summary.churn.scope = summary.scope;
    crm::SummaryReport sum = crm::summary_report(*fx.s, summary);
    CHECK(sum.revenue == orders.amount);
    CHECK(sum.orders == orders.orders);
    CHECK(sum.buyers == value.customers);

    crm::TopRequest top;
    top.scope = scope(day);
    top.by = "revenue";
    top.n = 2;
    crm::TopReport t = crm::top_report(*fx.s, top);
    CHECK(t.total == doctest::Approx(static_cast<double>(orders.amount)));
    REQUIRE(!t.rows.empty());
    CHECK(t.rows.size() <= 2);
    for (std::size_t i = 1; i < t.rows.size(); ++i) CHECK(t.rows[i - 1].measure >= t.rows[i].measure);
    // What characterises the top is more common among them than among the rest.
    for (const auto& p : t.profile) CHECK((!p.lift || *p.lift > 1.0));
  }
}

TEST_CASE("reports: --as-of computes from the rows up to that day") {
  Fixture fx;
  // As of 2026-02-10: O1 and O2 of Kari, O4 of Ola; the return, Per and Åse come later.
  crm::ValueReport early = crm::value_report(*fx.s, scope("2026-02-10"));
  CHECK(early.customers == 2);
  CHECK(early.orders == 3);
  CHECK(early.revenue == 10000 + 8000 + 9000);
  CHECK(early.cost == 4000 + 3000 + 3000);
  CHECK(early.returns == 0);
  REQUIRE(early.rows.size() == 2);
  CHECK(early.rows[0].number == "K1");
  CHECK(early.rows[0].revenue == 18000);
  CHECK(early.rows[0].last_order == "2026-02-10");

  crm::ValueReport late = crm::value_report(*fx.s, scope("2026-12-31"));
  CHECK(late.customers == 4);
  CHECK(late.orders == 7);
  CHECK(late.revenue == 10000 + 8000 - 5000 + 9000 + 5000 + 6000 + 5000);
  CHECK(late.returns == -5000);

  // RFM recency counts days to the as-of day, not to today.
  crm::RfmReport rfm = crm::rfm_report(*fx.s, scope("2026-02-10"), false);
  REQUIRE(rfm.rows.size() == 2);
  CHECK(rfm.rows[0].number == "K1");
  CHECK(rfm.rows[0].last_order == "2026-02-10");
  CHECK(rfm.rows[0].score.orders == 2);
  CHECK(rfm.rows[1].score.recency_days == 21);

  // Cohorts: January only as of January's end, February's from then on.
  crm::CohortReport jan = crm::cohort_report(*fx.s, scope("2026-01-31"));
  CHECK(jan.customers == 2);
  CHECK(jan.revenue == 19000);
  crm::CohortReport all = crm::cohort_report(*fx.s, scope("2026-12-31"));
  CHECK(all.customers == 4);

  // A day after every order gives what the stored statistics say.
  for (const auto& row : late.rows) {
    auto stats = fx.store().customers().stats(row.id);
    CHECK(row.revenue == stats.revenue);
    CHECK(row.orders == stats.orders);
  }
}

TEST_CASE("reports: nothing to report is an error with a hint, not an empty report") {
  test::StoreFixture fx;
  auto& s = fx.session();
  const std::string none = "nothing to report: no orders up to 2026-12-31";
  CHECK(has(error_of([&] { crm::value_report(s, scope("2026-12-31")); }),
            "nothing to report: no orders or contacts up to 2026-12-31\nhint: "));
  CHECK(has(error_of([&] { crm::rfm_report(s, scope("2026-12-31"), true); }), none + "\nhint: "));
  CHECK(has(error_of([&] { crm::cohort_report(s, scope("2026-12-31")); }), none + "\nhint: "));
  crm::ChurnRequest churn;
  churn.scope = scope("2026-12-31");
  CHECK(has(error_of([&] { crm::churn_report(s, churn); }), none + "\nhint: "));
  crm::SummaryRequest summary;
  summary.scope = scope("2026-12-31");
  CHECK(has(error_of([&] { crm::summary_report(s, summary); }), none));
  crm::TopRequest top;
  top.scope = scope("2026-12-31");
  CHECK(has(error_of([&] { crm::top_report(s, top); }), "nothing to report"));

  // Orders after the as-of day do not count.
  Fixture data;
  CHECK(has(error_of([&] { crm::value_report(*data.s, scope("2025-12-31")); }), "no orders or contacts up to 2025-12-31"));
  CHECK(has(error_of([&] { crm::rfm_report(*data.s, scope("2025-12-31"), false); }), "no orders up to 2025-12-31"));
}

TEST_CASE("reports: a bad measure, model or horizon is a usage error with a hint") {
  Fixture fx;
  crm::TopRequest top;
  top.scope = scope("2026-12-31");
  top.by = "age";
  CHECK_THROWS_AS(crm::top_report(*fx.s, top), UsageError);
  CHECK(has(error_of([&] { crm::top_report(*fx.s, top); }), "hint: "));
  CHECK_THROWS_AS(crm::model_key("arima"), UsageError);
  CHECK_THROWS_AS(crm::horizon_periods("soon", 7), UsageError);
  CHECK(crm::horizon_periods("52w", 7) == doctest::Approx(52));
  CHECK(crm::horizon_periods("1y", 7) == doctest::Approx(365.25 / 7));
  CHECK(crm::model_key("pnbd") == "pareto-nbd");
}

TEST_CASE("reports: CLV fits that cannot converge end in a clear error with the data summary") {
  SUBCASE("all one-time buyers") {
    test::StoreFixture fx;
    std::string rows;
    for (int i = 1; i <= 12; ++i) rows += fmt::format("C{},2026-0{}-1{},{}.00\n", i, 1 + i % 6, i % 10, 10 * i);
    import_orders(fx, rows);
    crm::ClvRequest r;
    r.scope = scope("2026-12-31");
    auto s = fx.session("report clv");
    std::string e = error_of([&] { crm::clv_report(*s, r); });
    CHECK(has(e, "no customer bought again within the calibration period"));
    CHECK(has(e, "12 customers, 0 repeat buyers, 0 repeat purchases"));
    CHECK(has(e, "hint: "));
    CHECK_FALSE(has(e, "nan"));
  }
  SUBCASE("3 customers") {
    test::StoreFixture fx;
    import_orders(fx,
                  "C1,2026-01-05,10.00\nC1,2026-02-05,20.00\nC1,2026-03-05,30.00\n"
                  "C2,2026-01-10,15.00\n"
                  "C3,2026-01-15,10.00\nC3,2026-04-15,12.00\n");
    crm::ClvRequest r;
    r.scope = scope("2026-12-31");
    auto s = fx.session("report clv");
    std::string e = error_of([&] { crm::clv_report(*s, r); });
    CHECK(has(e, "too few customers to fit BG/NBD: 3 customers, 2 repeat buyers, 3 repeat purchases"));
    CHECK(has(e, "hint: "));
    CHECK_FALSE(has(e, "nan"));
  }
  SUBCASE("zero spend") {
    // Purchase days drawn at random, every order free.
    test::StoreFixture fx;
    std::mt19937 rng(11);
    std::string rows;
    int repeat_buyers = 0;
    const int start = crm::day_number("2026-01-01");
    for (int i = 1; i <= 60; ++i) {
      int day = start + static_cast<int>(rng() % 200);
      const int repeats = static_cast<int>(rng() % 4);
      if (repeats > 0) ++repeat_buyers;
      for (int k = 0; k <= repeats; ++k) {
        rows += fmt::format("C{},{},0.00\n", i, crm::day_text(day));
        day += 1 + static_cast<int>(rng() % 60);
      }
    }
    import_orders(fx, rows);
    crm::ClvRequest r;
    r.scope = scope("2026-12-31");
    auto s = fx.session("report clv");
    std::string e = error_of([&] { crm::clv_report(*s, r); });
    CHECK(has(e, "cannot fit the Gamma-Gamma spend model: no repeat buyer has a positive mean spend"));
    CHECK(has(e, fmt::format("0 repeat buyers with a positive mean spend, {} with zero or negative spend left out",
                             repeat_buyers)));
    CHECK(has(e, "hint: the spend model needs order amounts above zero"));
    CHECK_FALSE(has(e, "nan"));
  }
  SUBCASE("an empty database") {
    test::StoreFixture fx;
    crm::ClvRequest r;
    r.scope = scope("2026-12-31");
    std::string e = error_of([&] { crm::clv_report(fx.session(), r); });
    CHECK(has(e, "0 customers"));
    CHECK(has(e, "hint: "));
  }
}

TEST_CASE("reports: CDNOW sample through report clv gives the published fits") {
  const std::string path = std::string(KUNDE_SHARED_DATA) + "/cdnow/cdnow_sample_orders.csv";
  if (!std::filesystem::exists(path)) {
    MESSAGE("skipped: no CDNOW sample at " << path);
    return;
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  test::StoreFixture fx;
  crm::ImportRequest request(crm::ImportKind::orders);
  request.options.create_missing = true;
  fx.import("order", text.str(), request);

  crm::ClvRequest r;
  r.scope = scope("1998-06-30");
  r.calibration_end = "1997-09-30";
  r.period = "week";
  auto s = fx.session("report clv");
  crm::ClvReport clv = crm::clv_report(*s, r);
  CHECK(clv.customers == 2357);
  CHECK(clv.repeat_buyers == 946);
  CHECK(clv.repeat_purchases == 2457);
  CHECK(clv.model_name == "BG/NBD");
  std::map<std::string, double> p;
  for (const auto& param : clv.count_parameters) p[param.name] = param.value;
  CHECK(p["r"] == doctest::Approx(0.2426).epsilon(5e-4));
  CHECK(p["alpha"] == doctest::Approx(4.414).epsilon(5e-4));
  CHECK(p["a"] == doctest::Approx(0.7930).epsilon(5e-4));
  CHECK(p["b"] == doctest::Approx(2.426).epsilon(5e-4));
  CHECK(clv.count_fit.log_likelihood == doctest::Approx(-9582.4).epsilon(1e-5));
  // Gamma-Gamma on repeat-purchase spend, gamma in cents.
  std::map<std::string, double> g;
  for (const auto& param : clv.spend_parameters) g[param.name] = param.value;
  CHECK(clv.spend_customers == 946);
  CHECK(g["p"] == doctest::Approx(6.25).epsilon(1e-3));
  CHECK(g["q"] == doctest::Approx(3.74).epsilon(1e-3));
  CHECK(g["gamma"] / 100 == doctest::Approx(15.44).epsilon(1e-3));
  // The holdout: 1,882 repeat purchase days in the 39 weeks after.
  REQUIRE(clv.holdout);
  CHECK(clv.holdout->actual == 1882);
  REQUIRE(clv.rows.size() == 2357);
  for (const auto& row : clv.rows) {
    REQUIRE(std::isfinite(row.clv));
    REQUIRE(std::isfinite(row.p_alive));
  }
  CHECK(clv.rows.front().clv >= clv.rows.back().clv);
}

TEST_CASE("reports: with no cost on any line, top and value rank by revenue rather than by customer id") {
  test::StoreFixture fx;
  import_orders(fx, "C1,2026-01-05,10.00\nC2,2026-01-06,30.00\nC3,2026-01-07,20.00\n");
  crm::TopRequest top;
  top.scope = scope("2026-12-31");
  top.n = 2;
  crm::TopReport t = crm::top_report(fx.session(), top);
  CHECK(t.no_cost);
  CHECK(t.ranked_by == "revenue");
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].value.number == "C2");
  CHECK(t.rows[1].value.number == "C3");
  top.by = "revenue";
  CHECK(crm::top_report(fx.session(), top).ranked_by == "revenue");

  auto value = crm::value_report(fx.session(), scope("2026-12-31"));
  REQUIRE(value.rows.size() == 3);
  CHECK(value.rows[0].number == "C2");
  CHECK(value.rows[2].number == "C1");
}

TEST_CASE("summary periods: a month ending on a month's last day is that calendar month") {
  using kunde::crm::period_start;
  CHECK(period_start("2024-09-30", "month") == "2024-09-01");
  CHECK(period_start("2024-08-31", "month") == "2024-08-01");
  CHECK(period_start("2025-02-28", "month") == "2025-02-01");
  CHECK(period_start("2024-02-29", "month") == "2024-02-01");
  CHECK(period_start("2025-03-31", "quarter") == "2025-01-01");
  CHECK(period_start("2025-12-31", "year") == "2025-01-01");
  // Other days: the day after the same day a month (quarter, year) earlier.
  CHECK(period_start("2024-09-15", "month") == "2024-08-16");
  CHECK(period_start("2025-03-30", "month") == "2025-03-01");  // no 30 February: from its last day
  CHECK(period_start("2026-06-01", "month") == "2026-05-02");
  CHECK(period_start("2026-06-07", "week") == "2026-06-01");
  CHECK(period_start("2026-06-07", "day") == "2026-06-07");
}
