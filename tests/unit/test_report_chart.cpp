// report charts: data checks, histogram bins, round axes and number formats, the SVG of
// every kind (title, axis labels, legend, no NaN), the terminal bars, Markdown and JSON data.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <regex>
#include <string>

#include "error.hpp"
#include "report/render.hpp"

using namespace kunde;
using namespace kunde::report;
using io::OutputFormat;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::size_t count(const std::string& s, const std::string& part) {
  std::size_t n = 0;
  for (auto at = s.find(part); at != std::string::npos; at = s.find(part, at + 1)) ++n;
  return n;
}

// No coordinate or text in the SVG holds a number that is not finite.
bool all_finite(const std::string& svg) {
  static const std::regex bad(R"(\b(nan|inf|infinity)\b)", std::regex::icase);
  return !std::regex_search(svg, bad);
}

Chart whale() {
  Chart c(ChartKind::line, "whale", "Whale curve");
  c.x_label = "share of customers";
  c.y_label = "share of profit";
  c.x_format.scale = Scale::percent;
  c.y_format.scale = Scale::percent;
  c.x = {0, 0.25, 0.5, 0.75, 1};
  c.add_series("cumulative profit", {0, 0.9, 1.4, 1.3, 1.0});
  c.add_series("equal share", {0, 0.25, 0.5, 0.75, 1}, true);
  c.guides.push_back(Guide{1.0, "100%"});
  return c;
}

Chart grouped() {
  Chart c(ChartKind::bar, "top", "Top against the rest");
  c.y_label = "share";
  c.x_label = "attribute";
  c.y_format.scale = Scale::percent;
  c.categories = {"city=Oslo", "kind=company"};
  c.add_series("top 10", {0.6, 0.3});
  c.add_series("rest", {0.2, 0.4});
  return c;
}

Chart stacked() {
  Chart c(ChartKind::stacked_bar, "mix", "Channel mix");
  c.x_label = "month";
  c.y_label = "revenue";
  c.y_format.scale = Scale::money;
  c.categories = {"2026-10", "2026-11"};
  c.add_series("web", {300, 500});
  c.add_series("phone", {100, -50});
  return c;
}

Chart heat() {
  Chart c(ChartKind::heatmap, "cohorts", "Retention");
  c.x_label = "months since";
  c.y_label = "cohort";
  c.value_label = "retained";
  c.y_format.scale = Scale::percent;
  c.y_format.decimals = 0;
  c.categories = {"0", "1", "2"};
  c.add_series("2026-09", {1, 0.5, 0.25});
  c.add_series("2026-10", {1, 0.4, missing});
  return c;
}

}  // namespace

TEST_CASE("report charts: series must fit the categories, bins and x") {
  Chart c(ChartKind::bar, "b", "Bars");
  c.categories = {"a", "b"};
  c.add_series("s", {1, 2, 3});
  CHECK_THROWS_AS(check_chart(c), Error);
  Document doc("t");
  doc.fields().add("n", "n", 1);
  doc.chart(c);
  std::ostringstream html;
  CHECK_THROWS_AS(render(doc, OutputFormat::html, html, {}), Error);
  CHECK(html.str().empty());  // refused before writing

  Chart h(ChartKind::histogram, "h", "Histogram");
  h.x = {0, 10, 5};
  h.add_series("count", {1, 2});
  CHECK_THROWS_AS(check_chart(h), Error);
  Chart line(ChartKind::line, "l", "Line");
  line.x = {0, kInf};
  line.add_series("s", {1, 2});
  CHECK_THROWS_AS(check_chart(line), Error);
  line.x = {0, 1};
  line.categories = {"a", "b"};
  CHECK_THROWS_AS(check_chart(line), Error);
  CHECK_NOTHROW(check_chart(whale()));
  CHECK_NOTHROW(check_chart(heat()));
}

TEST_CASE("report charts: round axes, ticks and number formats") {
  Axis a = nice_axis(0, 1.45);
  CHECK(a.lo == 0);
  CHECK(a.hi == doctest::Approx(1.6));
  CHECK(a.step == doctest::Approx(0.2));
  CHECK(a.ticks().size() == 9);
  Axis neg = nice_axis(-71000, 412000);
  CHECK(neg.lo == -100000);
  CHECK(neg.hi == 500000);
  Axis zero = nice_axis(0, 0);
  CHECK(zero.lo == 0);
  CHECK(zero.hi == 1);
  Axis one = nice_axis(5, 5);
  CHECK(one.lo < 5);
  CHECK(one.hi > 5);

  NumberFormat pct{Scale::percent, -1, {}};
  NumberFormat nok{Scale::money, -1, "NOK"};
  CHECK(format_number(0.125, pct) == "12.5%");
  CHECK(format_number(-0.00001, pct) == "0.0%");
  CHECK(format_number(1250.5, nok) == "1250.50 NOK");
  CHECK(format_number(3.14159, {}) == "3.14");
  CHECK(format_number(2, {}) == "2");
  CHECK(format_number(0.000123, {}) == "0.000123");
  CHECK(format_number(std::nan(""), {}) == "");
  CHECK(format_number(kInf, pct) == "");
  CHECK(format_tick(0.2, a, pct) == "20%");
  CHECK(format_tick(0.05, nice_axis(0, 0.3), pct) == "5%");
  CHECK(format_tick(0.025, nice_axis(0, 0.03), pct) == "2.5%");
  CHECK(format_tick(200000, neg, {}) == "200k");
  CHECK(format_tick(-100000, neg, {}) == "-100k");
  CHECK(format_tick(0, neg, {}) == "0");
  Axis millions = nice_axis(0, 2.2e6);
  CHECK(format_tick(1500000, millions, {}) == "1.5M");
  CHECK(format_tick(2000000, millions, {}) == "2M");
  CHECK(format_tick(2000, nice_axis(0, 5000), {}) == "2000");
  CHECK(format_tick(2.5, nice_axis(0, 3), {}) == "2.5");
  CHECK(format_short(412000, {}) == "412k");
  CHECK(format_short(-4000, {}) == "-4k");
  CHECK(format_short(1250000, {}) == "1.25M");
  CHECK(format_short(950, nok) == "950.00 NOK");
}

TEST_CASE("report charts: histogram bins") {
  std::vector<double> samples;
  for (int i = 0; i < 1000; ++i) samples.push_back(i * 1.7);
  samples.push_back(std::nan(""));
  Chart h = histogram("clv", "CLV", samples);
  REQUIRE(h.series.size() == 1);
  CHECK_NOTHROW(check_chart(h));
  double total = 0;
  for (double v : h.series[0].values) total += v;
  CHECK(total == 1000);
  CHECK(h.x.front() <= 0);
  CHECK(h.x.back() >= 999 * 1.7);
  CHECK(h.series[0].values.size() >= 5);
  CHECK(h.series[0].values.size() <= 40);
  Chart same = histogram("s", "Same", {3, 3, 3});
  CHECK_NOTHROW(check_chart(same));
  double n = 0;
  for (double v : same.series[0].values) n += v;
  CHECK(n == 3);
  // Money shown to the cent: samples closer than a cent apart per bin get bins a cent wide,
  // never bins whose labels read alike.
  NumberFormat cents;
  cents.scale = Scale::money;
  cents.decimals = 2;
  Chart close = histogram("c", "Close", {326.3101, 326.3102, 326.3104, 326.3109}, 0, cents);
  CHECK_NOTHROW(check_chart(close));
  REQUIRE(close.x.size() >= 2);
  for (std::size_t i = 1; i < close.x.size(); ++i) {
    CHECK(format_number(close.x[i], cents) != format_number(close.x[i - 1], cents));
  }
  Chart none = histogram("n", "None", {});
  CHECK(none.points() == 0);
  CHECK(all_finite(svg_chart(none)));
}

TEST_CASE("report charts: every kind as SVG has its title, axis labels and legend") {
  for (const Chart& c : {whale(), grouped(), stacked(), heat(), histogram("h", "CLV distribution", {1, 2, 2, 3, 8})}) {
    CAPTURE(c.title);
    std::string svg = svg_chart(c);
    CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=", 0) == 0);
    CHECK(has(svg, "<title>" + c.title + "</title>"));
    CHECK(has(svg, ">" + c.title + "</text>"));
    if (!c.x_label.empty()) CHECK(has(svg, ">" + c.x_label + "</text>"));
    if (!c.y_label.empty()) CHECK(has(svg, ">" + c.y_label + "</text>"));
    if (c.kind != ChartKind::heatmap) {
      for (const auto& s : c.series) CHECK(has(svg, ">" + s.name + "</text>"));
    } else {
      for (const auto& s : c.series) CHECK(has(svg, ">" + s.name + "</text>"));  // row labels
      CHECK(has(svg, ">retained:</text>"));
    }
    CHECK(all_finite(svg));
    CHECK(!has(svg, "<script"));
    CHECK(!has(svg, " id=\""));
  }
}

TEST_CASE("report charts: SVG scales") {
  std::string line = svg_chart(whale());
  CHECK(has(line, ">0%</text>"));
  CHECK(has(line, ">140%</text>"));
  CHECK(has(line, ">100%</text>"));
  CHECK(has(line, "stroke-dasharray=\"6 4\""));  // the reference series and the guide
  CHECK(count(line, "<circle") == 5);

  Chart negative(ChartKind::bar, "p", "Profit by decile");
  negative.categories = {"1", "2", "3"};
  negative.add_series("profit", {412000, 12000, -71000});
  std::string bars = svg_chart(negative);
  CHECK(has(bars, ">-100k</text>"));
  CHECK(has(bars, ">500k</text>"));
  CHECK(has(bars, ">412k</text>"));
  CHECK(has(bars, ">-71k</text>"));
  CHECK(count(bars, "<rect") == 4);  // the legend's swatch and three bars

  Chart zeros(ChartKind::bar, "z", "All zero");
  zeros.categories = {"a", "b"};
  zeros.add_series("s", {0, 0});
  std::string z = svg_chart(zeros);
  CHECK(all_finite(z));
  CHECK(has(z, ">0</text>"));
  CHECK(has(z, ">1.0</text>"));

  Chart one(ChartKind::line, "o", "One point");
  one.x = {3};
  one.add_series("s", {42});
  std::string o = svg_chart(one);
  CHECK(all_finite(o));
  CHECK(count(o, "<circle") == 1);

  Chart holes(ChartKind::line, "h", "Holes");
  holes.categories = {"a", "b", "c", "d"};
  holes.add_series("s", {1, std::nan(""), kInf, 2});
  std::string hs = svg_chart(holes);
  CHECK(all_finite(hs));
  CHECK(count(hs, "<circle") == 2);
  CHECK(count(hs, " M") == 1);  // the path breaks at the missing values

  Chart empty(ChartKind::bar, "e", "Nothing yet");
  empty.add_series("s", {});
  std::string e = svg_chart(empty);
  CHECK(has(e, ">no data</text>"));
  CHECK(all_finite(e));
}

TEST_CASE("report charts: a long line is thinned to the pixels it covers") {
  Chart c(ChartKind::line, "w", "Many customers");
  std::vector<double> v;
  for (int i = 0; i < 100000; ++i) {
    c.x.push_back(i);
    v.push_back(std::sin(i / 5000.0));
  }
  c.add_series("s", v);
  std::string svg = svg_chart(c);
  CHECK(svg.size() < 60000);
  CHECK(count(svg, "<circle") == 0);
  CHECK(all_finite(svg));
}

TEST_CASE("report charts: heatmap cells, gaps and diverging colours") {
  std::string svg = svg_chart(heat());
  CHECK(has(svg, ">100%</text>"));
  CHECK(has(svg, ">25%</text>"));
  CHECK(has(svg, "fill=\"#f4f4f4\""));  // the missing cell
  CHECK(has(svg, "<title>2026-10 · 1: 40%</title>"));
  Chart change(ChartKind::heatmap, "d", "Change");
  change.categories = {"a", "b"};
  change.add_series("r", {-5, 5});
  std::string d = svg_chart(change);
  CHECK(has(d, "fill=\"#b2182b\""));  // deepest red for the lowest value
  CHECK(all_finite(d));
}

TEST_CASE("report charts: in the terminal") {
  Document doc;
  Chart bars(ChartKind::bar, "b", "Profit");
  bars.categories = {"one", "two", "three"};
  bars.add_series("profit", {100, 50, -25});
  doc.chart(bars);
  io::WriterOptions o;
  o.width = 40;
  CHECK(render_to_string(doc, OutputFormat::table, o) ==
        "Profit\n"
        "one          ███████████████████████▎ 100\n"
        "two          ███████████▋ 50\n"
        "three  ██████ -25\n");

  Document two;
  two.chart(grouped());
  std::string g = render_to_string(two, OutputFormat::table, o);
  CHECK(has(g, "█ top 10  ▓ rest\n"));
  CHECK(has(g, "city=Oslo     "));
  CHECK(has(g, " 60.0%\n"));
  CHECK(has(g, "▓▓▓▓▓▓▓ 20.0%\n"));

  Document stack;
  stack.chart(stacked());
  std::string s = render_to_string(stack, OutputFormat::table, o);
  CHECK(has(s, "█ web  ▓ phone\n"));
  CHECK(has(s, "2026-10    █████████████▓▓▓▓ 400.00\n"));
  CHECK(has(s, "2026-11  ▓▓██████████████████████ 450.00\n"));  // the negative part left of zero

  Document h;
  h.chart(heat());
  CHECK(render_to_string(h, OutputFormat::table, o) ==
        "Retention\n"
        "retained\n"
        "cohort      0    1    2\n"
        "2026-09  100%  50%  25%\n"
        "2026-10  100%  40%\n");

  Document l;
  l.chart(whale());
  o.width = 60;
  std::string w = render_to_string(l, OutputFormat::table, o);
  CHECK(has(w, "cumulative profit  ▁▆██▆  min 0.0%  max 140.0%\n"));
  CHECK(has(w, "share of customers  cumulative profit  equal share\n"));
  CHECK(has(w, "50.0%                          140.0%        50.0%\n"));

  Document colour;
  colour.chart(grouped());
  io::WriterOptions c;
  c.color = true;
  std::string painted = render_to_string(colour, OutputFormat::table, c);
  CHECK(has(painted, "\x1b[38;5;67m"));
  CHECK(has(painted, "\x1b[38;5;208m"));
}

TEST_CASE("report charts: Markdown and JSON carry the data") {
  Document doc;
  doc.chart(grouped());
  CHECK(render_to_string(doc, OutputFormat::md) ==
        "## Top against the rest\n"
        "\n"
        "| attribute | top 10 | rest |\n"
        "| --- | ---: | ---: |\n"
        "| city=Oslo | 60.0% | 20.0% |\n"
        "| kind=company | 30.0% | 40.0% |\n");
  Document l;
  Chart c = whale();
  c.series[0].values[2] = std::nan("");
  l.chart(c);
  CHECK(render_to_string(l, OutputFormat::ndjson) ==
        "{\"whale\":{\"type\":\"line\",\"title\":\"Whale curve\",\"x_label\":\"share of customers\","
        "\"y_label\":\"share of profit\",\"value_format\":\"percent\",\"x\":[0.0,0.25,0.5,0.75,1.0],"
        "\"x_format\":\"percent\",\"series\":[{\"name\":\"cumulative profit\",\"values\":[0.0,0.9,null,1.3,1.0]},"
        "{\"name\":\"equal share\",\"values\":[0.0,0.25,0.5,0.75,1.0],\"reference\":true}],"
        "\"guides\":[{\"value\":1.0,\"label\":\"100%\"}]}}\n");
  Document hm;
  hm.chart(heat());
  auto j = render_to_string(hm, OutputFormat::json);
  CHECK(has(j, "\"type\": \"heatmap\""));
  CHECK(has(j, "\"value_label\": \"retained\""));
  CHECK(has(j, "\"categories\": [\n      \"0\",\n      \"1\",\n      \"2\"\n    ]"));
}
