// Writes a representative report (every chart kind, fields, an alert, tables with detail
// rows) to the file named by the first argument, for the browser check: as HTML, or in the
// format the file's extension names (.md, .json, .txt for the terminal layout).
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iostream>

#include "report/render.hpp"

using namespace kunde;
using namespace kunde::report;

namespace {

// A fixed pseudo-random sequence, so the page is the same on every run.
class Lcg {
 public:
  double next() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state_ >> 11) / 9007199254740992.0;
  }

 private:
  std::uint64_t state_ = 42;
};

Decimal money(double v) { return Decimal{static_cast<std::int64_t>(std::llround(v * 100)), 2}; }

void value_section(Document& doc) {
  auto& s = doc.section("value", "Customer value");
  Chart whale(ChartKind::line, "whale_curve", "Whale curve: cumulative profit by customer rank");
  whale.x_label = "share of customers, most profitable first";
  whale.y_label = "share of total profit";
  whale.x_format.scale = Scale::percent;
  whale.y_format.scale = Scale::percent;
  std::vector<double> curve, diagonal;
  for (int i = 0; i <= 400; ++i) {
    double x = i / 400.0;
    whale.x.push_back(x);
    // Rises to 150% at about 70% of customers, then the loss makers take it back to 100%.
    curve.push_back(x < 0.7 ? 1.5 * (1 - std::pow(1 - x / 0.7, 2.2)) : 1.5 - 0.5 * std::pow((x - 0.7) / 0.3, 1.6));
    diagonal.push_back(x);
  }
  whale.add_series("cumulative profit", curve);
  whale.add_series("equal share", diagonal, true);
  whale.guides.push_back(Guide{1.0, "100% of profit"});
  s.chart(whale);

  Chart deciles(ChartKind::bar, "profit_by_decile", "Profit by decile");
  deciles.x_label = "decile (1 = most profitable)";
  deciles.y_label = "profit (NOK)";
  deciles.y_format.scale = Scale::money;
  deciles.y_format.decimals = 0;
  std::vector<double> profit = {412000, 188000, 121000, 84000, 52000, 31000, 12000, -4000, -26000, -71000};
  for (int i = 1; i <= 10; ++i) deciles.categories.push_back(std::to_string(i));
  deciles.add_series("profit", profit);
  s.chart(deciles);

  auto& t = s.table("deciles", "Deciles", {"decile", "customers", "revenue", "profit", "share"});
  for (int i = 0; i < 10; ++i) {
    t.add_row({Value(std::int64_t{i + 1}), Value(std::int64_t{125}), Value(money(profit[i] * 2.4 + 150000)),
               Value(money(profit[i])), Value(Decimal{static_cast<std::int64_t>(std::llround(profit[i] / 799.0)), 1})});
  }
}

void top_section(Document& doc) {
  auto& s = doc.section("top", "Top customers & what sets them apart");
  Chart share(ChartKind::bar, "attributes", "Share among the top 50 customers against the rest");
  share.y_label = "share of customers";
  share.y_format.scale = Scale::percent;
  share.categories = {"kind=company", "city=Oslo", "channel=web", "tag=vip", "country=SE", "<script>alert(1)</script>"};
  share.add_series("top 50", {0.72, 0.48, 0.36, 0.30, 0.12, 0.02});
  share.add_series("the rest", {0.21, 0.22, 0.51, 0.04, 0.15, 0.03});
  s.chart(share);

  auto& t = s.table("customers", "Top 5 by profit", {"id", "number", "name", "orders", "revenue", "profit"});
  const char* names[] = {"Næss & Sønn AS", "Göteborg Rör AB", "Bjørn Åberg", "<b>Tag</b> & Co", "Åse Ødegård"};
  for (int i = 0; i < 5; ++i) {
    auto& row =
        t.add_row({Value(std::int64_t{i + 1}), Value("K-00" + std::to_string(i + 1)), Value(std::string(names[i])),
                   Value(std::int64_t{12 - i}), Value(money(98000 - i * 9000.5)), Value(money(41000 - i * 5000.25))});
    if (i < 2) {
      auto& orders = row.detail("orders", {"order", "ordered_at", "channel", "amount"});
      orders.add_row({Value("A-" + std::to_string(100 + i)), Value(std::string("2026-11-2") + std::to_string(i)),
                      Value(std::string("web")), Value(money(1250.5 + i))});
      orders.add_row({Value("A-" + std::to_string(90 + i)), Value(std::string("2026-10-0") + std::to_string(i + 1)),
                      Value(std::string("phone")), Value(money(300))});
    }
  }
}

void channel_section(Document& doc, Lcg& rng) {
  auto& s = doc.section("channels", "Channels");
  Chart mix(ChartKind::stacked_bar, "mix", "Revenue by channel and month");
  mix.x_label = "month";
  mix.y_label = "revenue (NOK)";
  mix.y_format.scale = Scale::money;
  mix.y_format.decimals = 0;
  const char* months[] = {"2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06",
                          "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"};
  for (const char* m : months) mix.categories.push_back(m);
  const char* channels[] = {"web", "phone", "retail", "email"};
  double base[] = {52000, 23000, 31000, 6000};
  for (int c = 0; c < 4; ++c) {
    std::vector<double> v;
    for (int m = 0; m < 12; ++m) v.push_back(base[c] * (0.7 + 0.6 * rng.next()) * (c == 0 ? 1 + m * 0.05 : 1));
    mix.add_series(channels[c], v);
  }
  s.chart(mix);
}

void clv_section(Document& doc, Lcg& rng) {
  auto& s = doc.section("clv", "Customer lifetime value");
  std::vector<double> clv;
  for (int i = 0; i < 1200; ++i) {
    double u = rng.next(), w = rng.next();
    double normal = std::sqrt(-2 * std::log(std::max(u, 1e-12))) * std::cos(6.283185307 * w);
    clv.push_back(std::exp(8 + 0.6 * normal));
  }
  NumberFormat nok;
  nok.scale = Scale::money;
  nok.decimals = 0;
  Chart h = histogram("distribution", "CLV distribution, next 52 weeks", clv, 0, nok);
  h.x_label = "CLV (NOK)";
  h.y_label = "customers";
  h.series.front().name = "customers";
  s.chart(h);
  s.note("Expected margin over the next 52 weeks, discounted at 10% a year (BG/NBD and Gamma-Gamma).");
}

void retention_section(Document& doc) {
  auto& s = doc.section("retention", "Retention");
  Chart cohort(ChartKind::heatmap, "cohorts", "Retention by first-order month");
  cohort.x_label = "months since first order";
  cohort.y_label = "cohort";
  cohort.value_label = "customers still buying";
  cohort.y_format.scale = Scale::percent;
  cohort.y_format.decimals = 0;
  for (int m = 0; m < 12; ++m) cohort.categories.push_back(std::to_string(m));
  for (int c = 0; c < 12; ++c) {
    std::vector<double> row;
    for (int m = 0; m < 12; ++m)
      row.push_back(m + c < 12 ? (m == 0 ? 1.0 : 0.55 * std::exp(-m / 7.0) + 0.01 * c) : missing);
    cohort.add_series(c < 9 ? "2026-0" + std::to_string(c + 1) : "2026-" + std::to_string(c + 1), row);
  }
  s.chart(cohort);

  Chart rfm(ChartKind::heatmap, "rfm", "Customers by recency and frequency score");
  rfm.x_label = "frequency score";
  rfm.y_label = "recency score";
  rfm.value_label = "customers";
  rfm.y_format.scale = Scale::integer;
  rfm.categories = {"F1", "F2", "F3", "F4", "F5"};
  for (int r = 5; r >= 1; --r) {
    std::vector<double> row;
    for (int f = 1; f <= 5; ++f) row.push_back(std::round(10 + 40.0 * r * f / 25 + (r == f ? 30 : 0)));
    rfm.add_series("R" + std::to_string(r), row);
  }
  s.chart(rfm);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: report_sample OUT.html|OUT.md|OUT.json|OUT.txt\n";
    return 2;
  }
  Lcg rng;
  Document doc("Monthly customer report", "Næss & Sønn <AS> · as of 2026-12-06");
  doc.fields()
      .add("customers", "customers", 1248)
      .add("active", "active", 934)
      .add("revenue", "revenue", Decimal{123456789, 2}, "1234567.89 NOK")
      .add("profit", "profit", Decimal{79900000, 2}, "799000.00 NOK (64.7% of revenue)");
  doc.alert("37 customers destroy 18.4% of profit");
  value_section(doc);
  top_section(doc);
  channel_section(doc, rng);
  clv_section(doc, rng);
  retention_section(doc);
  std::ofstream out(argv[1]);
  render(doc, io::format_for_path(argv[1]), out, {});
  return out ? 0 : 1;
}
