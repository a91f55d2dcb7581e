// Chart data: checks, histogram bins, round axes, number formats and the data as a table.
#include "report/chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "error.hpp"

namespace kunde::report {
namespace {

std::string fixed(double v, int decimals) {
  std::string s = fmt::format("{:.{}f}", v, std::max(0, decimals));
  // -0.0 and values that round to zero read as zero.
  if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

std::string trim_zeros(std::string s) {
  if (s.find('.') == std::string::npos) return s;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

// Decimals that tell ticks `step` apart (steps are 1, 2 or 5 times a power of ten).
int decimals_for(double step) {
  if (!(step > 0)) return 0;
  return std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
}

std::string with_unit(std::string s, const NumberFormat& f) { return f.unit.empty() ? s : s + " " + f.unit; }

}  // namespace

Series& Chart::add_series(std::string name, std::vector<double> values, bool reference) {
  series.push_back(Series{std::move(name), std::move(values), reference});
  return series.back();
}

std::size_t Chart::points() const {
  switch (kind) {
    case ChartKind::line: return x.empty() ? categories.size() : x.size();
    case ChartKind::histogram: return x.empty() ? 0 : x.size() - 1;
    default: return categories.size();
  }
}

void check_chart(const Chart& chart) {
  auto fail = [&](const std::string& what) {
    throw Error(fmt::format("chart '{}': {}", chart.title, what), "this is a fault in kunde; please report it");
  };
  if (chart.kind == ChartKind::line && !chart.x.empty() && !chart.categories.empty()) {
    fail("a line chart has numeric x or categories, not both");
  }
  for (double v : chart.x)
    if (!std::isfinite(v)) fail("x must be finite");
  if (chart.kind == ChartKind::histogram) {
    if (chart.x.size() == 1) fail("a histogram needs at least two bin edges");
    for (std::size_t i = 1; i < chart.x.size(); ++i)
      if (!(chart.x[i] > chart.x[i - 1])) fail("histogram bin edges must increase");
  }
  for (const auto& s : chart.series) {
    if (s.values.size() != chart.points()) {
      fail(fmt::format("series '{}' has {} values for {} points", s.name, s.values.size(), chart.points()));
    }
  }
  for (const auto& g : chart.guides)
    if (!std::isfinite(g.value)) fail("guide values must be finite");
}

Chart histogram(std::string key, std::string title, const std::vector<double>& samples, std::size_t bins,
                NumberFormat x_format) {
  Chart c(ChartKind::histogram, std::move(key), std::move(title));
  c.x_format = std::move(x_format);
  c.y_format.scale = Scale::integer;
  c.y_label = "count";
  std::vector<double> v;
  for (double s : samples)
    if (std::isfinite(s)) v.push_back(s);
  if (v.empty()) {
    c.add_series("count", {});
    return c;
  }
  auto [lo, hi] = std::minmax_element(v.begin(), v.end());
  std::size_t k = bins;
  if (k == 0) k = std::clamp<std::size_t>(static_cast<std::size_t>(std::lround(2 * std::cbrt(v.size()))), 5, 30);
  // Bins narrower than the last digit shown would all read alike ("326.31-326.31"): samples
  // that close together (everyone's CLV at a limit of the model) get bins of that digit.
  const double digit = c.x_format.decimals >= 0 ? std::pow(10.0, -c.x_format.decimals) : 0.0;
  const double mid = (*lo + *hi) / 2;
  Axis axis;
  if (digit > 0 && *hi - *lo < digit * static_cast<double>(k)) {
    k = std::max<std::size_t>(1, static_cast<std::size_t>(std::lround((*hi - *lo) / digit)));
    axis = nice_axis(mid - digit * static_cast<double>(k) / 2, mid + digit * static_cast<double>(k) / 2,
                     static_cast<int>(k));
  } else {
    axis = *lo == *hi ? nice_axis(*lo - 0.5, *hi + 0.5, static_cast<int>(k)) : nice_axis(*lo, *hi, static_cast<int>(k));
  }
  auto n = static_cast<std::size_t>(std::lround((axis.hi - axis.lo) / axis.step));
  n = std::max<std::size_t>(n, 1);
  for (std::size_t i = 0; i <= n; ++i) c.x.push_back(axis.lo + static_cast<double>(i) * axis.step);
  std::vector<double> counts(n, 0);
  for (double s : v) {
    auto i = static_cast<std::size_t>(std::max(0.0, std::floor((s - axis.lo) / axis.step + 1e-9)));
    ++counts[std::min(i, n - 1)];
  }
  c.add_series("count", std::move(counts));
  return c;
}

std::string format_number(double v, const NumberFormat& f) {
  if (!std::isfinite(v)) return {};
  switch (f.scale) {
    case Scale::percent: return fixed(v * 100, f.decimals < 0 ? 1 : f.decimals) + "%";
    case Scale::money: return with_unit(fixed(v, f.decimals < 0 ? 2 : f.decimals), f);
    case Scale::integer: return with_unit(fixed(std::round(v), 0), f);
    case Scale::number: break;
  }
  if (f.decimals >= 0) return with_unit(fixed(v, f.decimals), f);
  if (std::fabs(v) >= 1 || v == 0) return with_unit(trim_zeros(fixed(v, 2)), f);
  return with_unit(fmt::format("{:.3g}", v), f);
}

std::string format_tick(double v, const Axis& axis, const NumberFormat& f) {
  if (!std::isfinite(v)) return {};
  double step = axis.step;
  if (std::fabs(v) < step * 1e-9) v = 0;
  if (f.scale == Scale::percent) return fixed(v * 100, decimals_for(step * 100)) + "%";
  if (v == 0) return "0";
  double reach = std::max(std::fabs(axis.lo), std::fabs(axis.hi));
  if (reach >= 1e6) return trim_zeros(fixed(v / 1e6, decimals_for(step / 1e6))) + "M";
  if (reach >= 1e4) return trim_zeros(fixed(v / 1e3, decimals_for(step / 1e3))) + "k";
  return fixed(v, decimals_for(step));
}

std::string format_short(double v, const NumberFormat& f) {
  if (!std::isfinite(v)) return {};
  if (f.scale == Scale::percent || std::fabs(v) < 1e3) return format_number(v, f);
  double a = std::fabs(v);
  double scaled = a >= 1e6 ? v / 1e6 : v / 1e3;
  double mag = std::fabs(scaled);
  return trim_zeros(fixed(scaled, mag >= 100 ? 0 : mag >= 10 ? 1 : 2)) + (a >= 1e6 ? "M" : "k");
}

std::vector<double> Axis::ticks() const {
  std::vector<double> out;
  if (!(step > 0)) return out;
  auto n = static_cast<long>(std::lround((hi - lo) / step));
  for (long i = 0; i <= n; ++i) {
    double t = lo + static_cast<double>(i) * step;
    out.push_back(std::fabs(t) < step * 1e-9 ? 0.0 : t);
  }
  return out;
}

Axis nice_axis(double lo, double hi, int target_ticks) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) return {};
  if (lo > hi) std::swap(lo, hi);
  if (hi - lo <= 1e-12 * std::max(1.0, std::fabs(hi))) {
    if (lo == 0 && hi == 0) return Axis{0, 1, 0.2};
    double pad = std::fabs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  double raw = (hi - lo) / std::max(1, target_ticks);
  double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double r = raw / mag;
  double step = (r < 1.5 ? 1 : r < 3 ? 2 : r < 7 ? 5 : 10) * mag;
  Axis a;
  a.step = step;
  a.lo = std::floor(lo / step + 1e-9) * step;
  a.hi = std::ceil(hi / step - 1e-9) * step;
  if (a.hi <= a.lo) a.hi = a.lo + step;
  return a;
}

ChartTable chart_table(const Chart& chart, std::size_t max_rows) {
  ChartTable t;
  auto value = [&](const Series& s, std::size_t i) {
    return i < s.values.size() ? format_number(s.values[i], chart.y_format) : std::string();
  };
  if (chart.kind == ChartKind::heatmap) {
    t.columns.push_back(chart.y_label);
    t.columns.insert(t.columns.end(), chart.categories.begin(), chart.categories.end());
    for (const auto& s : chart.series) {
      std::vector<std::string> row{s.name};
      for (std::size_t i = 0; i < chart.categories.size(); ++i) row.push_back(value(s, i));
      t.rows.push_back(std::move(row));
    }
    return t;
  }
  std::size_t n = chart.points();
  std::string first = chart.x_label;
  if (first.empty()) first = chart.kind == ChartKind::histogram ? "bin" : chart.x.empty() ? "category" : "x";
  t.columns.push_back(first);
  for (const auto& s : chart.series) t.columns.push_back(s.name);
  std::vector<std::size_t> picks;
  if (chart.kind == ChartKind::line && n > max_rows && max_rows >= 2) {
    for (std::size_t k = 0; k < max_rows; ++k) {
      auto i = static_cast<std::size_t>(
          std::llround(static_cast<double>(k) * static_cast<double>(n - 1) / static_cast<double>(max_rows - 1)));
      if (picks.empty() || picks.back() != i) picks.push_back(i);
    }
  } else {
    for (std::size_t i = 0; i < n; ++i) picks.push_back(i);
  }
  for (std::size_t i : picks) {
    std::vector<std::string> row;
    if (chart.kind == ChartKind::histogram) {
      row.push_back(format_number(chart.x[i], chart.x_format) + " – " + format_number(chart.x[i + 1], chart.x_format));
    } else if (!chart.x.empty()) {
      row.push_back(format_number(chart.x[i], chart.x_format));
    } else {
      row.push_back(i < chart.categories.size() ? chart.categories[i] : std::string());
    }
    for (const auto& s : chart.series) row.push_back(value(s, i));
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace kunde::report
