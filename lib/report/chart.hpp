// Charts as data: what a chart shows (kind, axes, series, value format), not how it is drawn.
// The HTML renderer draws them as SVG, the terminal as bars of block characters, Markdown
// and JSON write their data.
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace kunde::report {

enum class ChartKind {
  line,         // series over numeric x (or over categories): the whale curve
  bar,          // vertical bars per category; several series stand side by side (grouped)
  stacked_bar,  // the series stacked per category: channel mix per month
  histogram,    // counts over numeric bins: x holds the bin edges
  heatmap,      // a grid: one series per row, one value per category (column)
};

enum class Scale {
  number,
  integer,
  percent,  // a share: 0.25 is shown as 25%
  money,
};

struct NumberFormat {
  Scale scale = Scale::number;
  int decimals = -1;  // -1: as many as the scale usually needs
  std::string unit;   // appended to full values ("NOK")
};

// A value that is not finite is missing: left out of drawings, null in JSON.
inline constexpr double missing = std::numeric_limits<double>::quiet_NaN();

struct Series {
  std::string name;  // named in the legend (a row label in a heatmap)
  std::vector<double> values;
  bool reference = false;  // a line to compare against (drawn dashed and grey)
};

// A horizontal line at y = value ("100%").
struct Guide {
  double value = 0;
  std::string label;
};

struct Chart {
  ChartKind kind = ChartKind::bar;
  std::string key;  // JSON member; empty: derived from the title
  std::string title;
  std::string x_label;
  std::string y_label;
  std::string value_label;              // heatmap: what the colour shows
  std::vector<std::string> categories;  // bar, stacked bar, heatmap columns; a line over categories
  std::vector<double> x;                // line: numeric x per point; histogram: bin edges (one more than values)
  std::vector<Series> series;
  NumberFormat x_format;
  NumberFormat y_format;  // the values' format (a heatmap's cells)
  std::vector<Guide> guides;

  Chart() = default;
  Chart(ChartKind kind_, std::string key_, std::string title_)
      : kind(kind_), key(std::move(key_)), title(std::move(title_)) {}

  Series& add_series(std::string name, std::vector<double> values, bool reference = false);
  // Number of points each series must have.
  std::size_t points() const;
};

// Throws kunde::Error when the series do not fit the categories or bins.
void check_chart(const Chart& chart);

// A histogram of `samples` (non-finite ones ignored) over round-numbered bins; `bins` 0
// chooses about 2·∛n of them, between 5 and 30.
Chart histogram(std::string key, std::string title, const std::vector<double>& samples, std::size_t bins = 0,
                NumberFormat x_format = {});

// A value as a label or table shows it ("12.5%", "1250.00 NOK"); "" when missing.
std::string format_number(double v, const NumberFormat& f);
// A value in at most about four digits for a label on a bar ("412k", "1.25M", "12.5%").
std::string format_short(double v, const NumberFormat& f);
// An axis from `lo` to `hi` widened to round ticks (1, 2 or 5 times a power of ten).
struct Axis {
  double lo = 0;
  double hi = 1;
  double step = 0.2;
  std::vector<double> ticks() const;
};
Axis nice_axis(double lo, double hi, int target_ticks = 5);

// A compact tick of the axis ("25%", "200k", "1.5M"): thousands or millions as the axis
// reaches them, decimals as its step needs.
std::string format_tick(double v, const Axis& axis, const NumberFormat& f);

// A chart's data as a small table of texts, for Markdown, the terminal and HTML: one row per
// category, point or bin (a heatmap: per series). A line of many points is sampled down to
// at most `max_rows` rows, first and last kept.
struct ChartTable {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};
ChartTable chart_table(const Chart& chart, std::size_t max_rows = 25);

}  // namespace kunde::report
