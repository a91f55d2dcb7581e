// Charts as inline SVG for the HTML page: no scripts, no fonts or images to fetch, no ids (a
// page holds many charts). Every chart has a <title>, a visible title, a legend naming its
// series, axes with round ticks and labels; values that are not finite are left out, so no
// NaN reaches a coordinate. Hovering a bar, point or cell shows its value (an SVG <title>).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "report/render.hpp"
#include "report/render_parts.hpp"
#include "text/utf8.hpp"

namespace kunde::report {
namespace {

using detail::xml_escape;

constexpr double kWidth = 816;
constexpr double kPlotHeight = 260;
constexpr const char* kFont = "system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
constexpr std::array<const char*, 10> kPalette = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2",
                                                  "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
constexpr const char* kInk = "#333";
constexpr const char* kMuted = "#666";
constexpr const char* kGrid = "#e6e6e6";
constexpr const char* kAxis = "#999";
constexpr const char* kReference = "#888";

struct Rgb {
  double r, g, b;
};
// ColorBrewer Blues and RdBu: sequential for shares and counts, diverging around zero.
// clang-format off
constexpr std::array<Rgb, 9> kBlues = {{{247, 251, 255}, {222, 235, 247}, {198, 219, 239}, {158, 202, 225},
                                        {107, 174, 214}, {66, 146, 198}, {33, 113, 181}, {8, 81, 156}, {8, 48, 107}}};
constexpr std::array<Rgb, 5> kReds = {{{247, 247, 247}, {253, 219, 199}, {244, 165, 130}, {214, 96, 77},
                                       {178, 24, 43}}};
// clang-format on

std::string num(double v) {
  if (!std::isfinite(v)) v = 0;
  std::string s = fmt::format("{:.1f}", v);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s == "-0" ? "0" : s;
}

double text_px(const std::string& s, double size) { return static_cast<double>(text::display_width(s)) * size * 0.6; }

std::string colour(std::size_t i) { return kPalette[i % kPalette.size()]; }

template <std::size_t N>
Rgb ramp(const std::array<Rgb, N>& stops, double t) {
  t = std::clamp(t, 0.0, 1.0) * static_cast<double>(N - 1);
  auto i = std::min(static_cast<std::size_t>(t), N - 2);
  double f = t - static_cast<double>(i);
  const Rgb& a = stops[i];
  const Rgb& b = stops[i + 1];
  return {a.r + (b.r - a.r) * f, a.g + (b.g - a.g) * f, a.b + (b.b - a.b) * f};
}

std::string hex(Rgb c) {
  return fmt::format("#{:02x}{:02x}{:02x}", static_cast<int>(std::lround(c.r)), static_cast<int>(std::lround(c.g)),
                     static_cast<int>(std::lround(c.b)));
}

bool dark(Rgb c) { return 0.299 * c.r + 0.587 * c.g + 0.114 * c.b < 140; }

class SvgChart {
 public:
  explicit SvgChart(const Chart& c) : c_(c) {}

  std::string draw() {
    n_ = c_.points();
    for (const auto& s : c_.series)
      for (double v : s.values)
        if (std::isfinite(v)) has_data_ = true;
    legend_ = legend();
    if (c_.kind == ChartKind::heatmap && has_data_) {
      heatmap();
    } else {
      plot();
    }
    std::string head = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" height=\"{1}\" role=\"img\" "
        "style=\"max-width:100%;height:auto\" font-family=\"{2}\" font-size=\"12\" fill=\"{3}\">\n"
        "<title>{4}</title>\n"
        "<text x=\"16\" y=\"24\" font-size=\"16\" font-weight=\"600\">{4}</text>\n",
        num(kWidth), num(height_), kFont, kInk, xml_escape(c_.title));
    return head + legend_.svg + body_ + "</svg>\n";
  }

 private:
  struct Legend {
    std::string svg;
    double bottom = 34;
  };

  // Items left to right under the title, wrapping; a heatmap shows its colour scale instead.
  Legend legend() const {
    Legend l;
    double x = 16, y = 44;
    auto item = [&](const std::string& name, const std::string& swatch_at_xy_fmt) {
      double w = 24 + text_px(name, 12);
      if (x > 16 && x + w > kWidth - 16) x = 16, y += 20;
      l.svg += fmt::format(fmt::runtime(swatch_at_xy_fmt), num(x), num(y), num(x + 18), num(y + 6));
      l.svg += fmt::format("<text x=\"{}\" y=\"{}\" fill=\"{}\">{}</text>\n", num(x + 24), num(y + 10), kInk,
                           xml_escape(name));
      x += w + 18;
    };
    if (c_.kind == ChartKind::heatmap) {
      if (!has_data_) return l;
      auto [lo, hi] = heat_domain();
      std::string label = c_.value_label.empty() ? std::string() : c_.value_label + ":";
      if (!label.empty()) {
        l.svg += fmt::format("<text x=\"16\" y=\"{}\" fill=\"{}\">{}</text>\n", num(y + 10), kMuted, xml_escape(label));
        x += text_px(label, 12) + 8;
      }
      std::string from = format_number(lo, c_.y_format), to = format_number(hi, c_.y_format);
      l.svg +=
          fmt::format("<text x=\"{}\" y=\"{}\" fill=\"{}\">{}</text>\n", num(x), num(y + 10), kMuted, xml_escape(from));
      x += text_px(from, 12) + 6;
      for (int i = 0; i < 7; ++i) {
        double v = lo + (hi - lo) * i / 6.0;
        l.svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"18\" height=\"12\" fill=\"{}\"/>\n", num(x), num(y),
                             hex(heat_colour(v, lo, hi)));
        x += 18;
      }
      l.svg += fmt::format("<text x=\"{}\" y=\"{}\" fill=\"{}\">{}</text>\n", num(x + 6), num(y + 10), kMuted,
                           xml_escape(to));
      l.bottom = y + 18;
      return l;
    }
    for (std::size_t s = 0; s < c_.series.size(); ++s) {
      const Series& series = c_.series[s];
      std::string swatch;
      if (c_.kind == ChartKind::line) {
        swatch = fmt::format(
            "<line x1=\"{{0}}\" y1=\"{{3}}\" x2=\"{{2}}\" y2=\"{{3}}\" stroke=\"{}\" stroke-width=\"{}\"{}/>\n",
            series.reference ? kReference : colour(s), series.reference ? 2 : 3,
            series.reference ? " stroke-dasharray=\"5 3\"" : "");
      } else {
        swatch =
            fmt::format("<rect x=\"{{0}}\" y=\"{{1}}\" width=\"12\" height=\"12\" rx=\"2\" fill=\"{}\"/>\n", colour(s));
      }
      item(series.name, swatch);
    }
    l.bottom = y + 18;
    return l;
  }

  std::pair<double, double> heat_domain() const {
    double lo = INFINITY, hi = -INFINITY;
    for (const auto& s : c_.series)
      for (double v : s.values)
        if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    if (lo < 0 && hi > 0) {
      double m = std::max(-lo, hi);
      return {-m, m};
    }
    if (lo >= 0) lo = 0;
    if (hi <= 0 && lo < 0) hi = 0;
    if (hi == lo) hi = lo + 1;
    return {lo, hi};
  }

  static Rgb heat_colour(double v, double lo, double hi) {
    if (lo < 0 && hi > 0) {
      // Diverging: blue above zero, red below.
      return v >= 0 ? ramp(kBlues, 0.1 + 0.75 * v / hi) : ramp(kReds, -v / -lo);
    }
    if (hi <= 0) return ramp(kReds, (v - hi) / (lo - hi));
    return ramp(kBlues, 0.05 + 0.9 * (v - lo) / (hi - lo));
  }

  // ---- axes ----

  struct CategoryLabels {
    bool rotate = false;
    std::size_t every = 1;
    double height = 18;
  };

  CategoryLabels category_layout(const std::vector<std::string>& labels, double band) const {
    CategoryLabels l;
    double widest = 0;
    for (const auto& s : labels) widest = std::max(widest, text_px(text::truncate_to_width(s, 22), 11));
    if (widest + 6 <= band) return l;
    if (labels.size() <= 40 && band >= 12) {
      l.rotate = true;
      l.height = widest * 0.64 + 14;  // sin 40°
      return l;
    }
    l.every = static_cast<std::size_t>(std::ceil((widest + 8) / std::max(band, 1.0)));
    return l;
  }

  // Bands for the categories from `left`, moved right when the first label, slanted,
  // would run off the picture.
  void fit_categories(const std::vector<std::string>& labels, double& left, double right, double& band,
                      CategoryLabels& layout) const {
    auto bands = [&] { return (right - left) / static_cast<double>(std::max<std::size_t>(labels.size(), 1)); };
    band = bands();
    layout = category_layout(labels, band);
    if (!layout.rotate || labels.empty()) return;
    double overhang = text_px(text::truncate_to_width(labels.front(), 22), 11) * 0.77 - band / 2 + 6;
    if (overhang <= left) return;
    left = overhang;
    band = bands();
    layout = category_layout(labels, band);
  }

  void category_axis(const std::vector<std::string>& labels, double left, double band, double y,
                     const CategoryLabels& layout) {
    for (std::size_t i = 0; i < labels.size(); i += layout.every) {
      double x = left + band * (static_cast<double>(i) + 0.5);
      std::string label = xml_escape(text::truncate_to_width(labels[i], 22));
      if (layout.rotate) {
        body_ += fmt::format(
            "<text x=\"{0}\" y=\"{1}\" font-size=\"11\" text-anchor=\"end\" fill=\"{2}\" "
            "transform=\"rotate(-40 {0} {1})\">{3}</text>\n",
            num(x), num(y + 12), kMuted, label);
      } else {
        body_ += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" fill=\"{}\">{}</text>\n",
                             num(x), num(y + 14), kMuted, label);
      }
    }
  }

  void axis_titles(double left, double right, double top, double bottom, double x_label_y) {
    if (!c_.x_label.empty()) {
      body_ += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{}\">{}</text>\n",
                           num((left + right) / 2), num(x_label_y), kMuted, xml_escape(c_.x_label));
    }
    if (!c_.y_label.empty()) {
      double cx = 18, cy = (top + bottom) / 2;
      body_ += fmt::format(
          "<text x=\"{0}\" y=\"{1}\" text-anchor=\"middle\" fill=\"{2}\" transform=\"rotate(-90 {0} "
          "{1})\">{3}</text>\n",
          num(cx), num(cy), kMuted, xml_escape(c_.y_label));
    }
  }

  // ---- line, bar, stacked bar, histogram ----

  void plot() {
    bool stacked = c_.kind == ChartKind::stacked_bar;
    bool bars = c_.kind != ChartKind::line;
    double lo = INFINITY, hi = -INFINITY;
    for (std::size_t i = 0; i < n_; ++i) {
      double pos = 0, neg = 0;
      for (const auto& s : c_.series) {
        double v = s.values[i];
        if (!std::isfinite(v)) continue;
        if (stacked) {
          (v >= 0 ? pos : neg) += v;
        } else {
          lo = std::min(lo, v), hi = std::max(hi, v);
        }
      }
      if (stacked) lo = std::min(lo, neg), hi = std::max(hi, pos);
    }
    for (const auto& g : c_.guides) lo = std::min(lo, g.value), hi = std::max(hi, g.value);
    if (!std::isfinite(lo)) lo = 0, hi = 0;
    // Bars start at zero; a line keeps zero in view unless its values sit far from it.
    if (bars || (lo > 0 && lo < hi * 0.5) || c_.y_format.scale == Scale::percent) lo = std::min(lo, 0.0);
    if (bars || (hi < 0 && hi > lo * 0.5)) hi = std::max(hi, 0.0);
    y_ = nice_axis(lo, hi, 5);

    double tick_w = 0;
    for (double t : y_.ticks()) tick_w = std::max(tick_w, text_px(format_tick(t, y_, c_.y_format), 12));
    double left = 16 + (c_.y_label.empty() ? 0 : 22) + tick_w + 8;
    double right = kWidth - 20;
    double top = legend_.bottom + 14;
    double bottom = top + kPlotHeight;

    // The x axis: categories in bands, or numbers.
    bool numeric_x = !c_.x.empty();
    std::vector<std::string> labels = c_.categories;
    double band = 0;
    CategoryLabels layout;
    if (!numeric_x) fit_categories(labels, left, right, band, layout);
    left_ = left, right_ = right, top_ = top, bottom_ = bottom;
    if (numeric_x) {
      double x_lo = c_.x.front(), x_hi = c_.x.front();
      for (double v : c_.x) x_lo = std::min(x_lo, v), x_hi = std::max(x_hi, v);
      x_ = nice_axis(x_lo, x_hi, 6);
      x_ticks_ = x_.ticks();
      if (c_.kind == ChartKind::histogram) x_.lo = x_lo, x_.hi = x_hi;  // the bins fill the plot; ticks stay round
    }
    double x_label_y = bottom + layout.height + 22;
    height_ = (c_.x_label.empty() ? bottom + layout.height + 14 : x_label_y + 12);

    // Grid and y ticks.
    for (double t : y_.ticks()) {
      double y = ys(t);
      body_ += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\"/>\n", num(left), num(y),
                           num(right), num(y), t == 0 ? kAxis : kGrid);
      body_ += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"{}\">{}</text>\n", num(left - 8),
                           num(y + 4), kMuted, xml_escape(format_tick(t, y_, c_.y_format)));
    }
    body_ += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"{3}\"/>\n", num(left), num(bottom),
                         num(right), kAxis);
    if (numeric_x) {
      for (double t : x_ticks_) {
        if (t < x_.lo - 1e-9 * x_.step || t > x_.hi + 1e-9 * x_.step) continue;
        double x = xs(t);
        body_ += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"{3}\"/>\n", num(x),
                             num(bottom), num(bottom + 5), kAxis);
        body_ += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" fill=\"{}\">{}</text>\n",
                             num(x), num(bottom + 18), kMuted, xml_escape(format_tick(t, x_, c_.x_format)));
      }
    } else {
      category_axis(labels, left, band, bottom, layout);
    }
    axis_titles(left, right, top, bottom, x_label_y);

    if (!has_data_) {
      body_ += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{}\">no data</text>\n",
                           num((left + right) / 2), num((top + bottom) / 2), kMuted);
      return;
    }
    switch (c_.kind) {
      case ChartKind::line: lines(band); break;
      case ChartKind::stacked_bar: stacks(band); break;
      case ChartKind::histogram: histogram_bars(); break;
      default: grouped_bars(band); break;
    }
    for (const auto& g : c_.guides) {
      double y = ys(g.value);
      body_ += fmt::format(
          "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#555\" stroke-width=\"1.2\" stroke-dasharray=\"6 "
          "4\"/>\n",
          num(left), num(y), num(right));
      if (!g.label.empty()) {
        body_ += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#555\">{}</text>\n", num(left + 6),
                             num(y - 5), xml_escape(g.label));
      }
    }
  }

  double ys(double v) const { return bottom_ - (v - y_.lo) / (y_.hi - y_.lo) * (bottom_ - top_); }
  double xs(double v) const {
    return x_.hi > x_.lo ? left_ + (v - x_.lo) / (x_.hi - x_.lo) * (right_ - left_) : (left_ + right_) / 2;
  }
  double zero_y() const { return ys(std::clamp(0.0, y_.lo, y_.hi)); }

  std::string tip(std::size_t i, const Series& s, double v) const {
    std::string where = c_.kind == ChartKind::histogram
                            ? format_number(c_.x[i], c_.x_format) + "–" + format_number(c_.x[i + 1], c_.x_format)
                        : c_.x.empty() ? c_.categories[i]
                                       : format_number(c_.x[i], c_.x_format);
    return "<title>" + xml_escape(where + " · " + s.name + ": " + format_number(v, c_.y_format)) + "</title>";
  }

  void bar_rect(double x, double w, double v0, double v1, const std::string& fill, const std::string& title,
                const char* extra = "") {
    double y0 = ys(v0), y1 = ys(v1);
    body_ += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"{}>{}</rect>\n", num(x),
                         num(std::min(y0, y1)), num(std::max(w, 0.5)), num(std::fabs(y1 - y0)), fill, extra, title);
  }

  void value_label(double x, double v, double top_value, const std::string& text) {
    double y = v >= 0 ? ys(top_value) - 4 : ys(top_value) + 13;
    body_ += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" fill=\"{}\">{}</text>\n",
                         num(x), num(y), kInk, xml_escape(text));
  }

  void grouped_bars(double band) {
    std::size_t k = c_.series.size();
    double group = std::min(band * 0.8, 70.0 * static_cast<double>(k));
    double w = group / static_cast<double>(k);
    bool labels = n_ * k <= 24;
    for (std::size_t i = 0; i < n_; ++i) {
      double x0 = left_ + band * static_cast<double>(i) + (band - group) / 2;
      for (std::size_t s = 0; s < k; ++s) {
        double v = c_.series[s].values[i];
        if (!std::isfinite(v)) continue;
        double x = x0 + w * static_cast<double>(s);
        bar_rect(x + 1, w - 2, 0, v, colour(s), tip(i, c_.series[s], v));
        std::string text = format_short(v, c_.y_format);
        if (labels && text_px(text, 11) <= w + 8) value_label(x + w / 2, v, v, text);
      }
    }
  }

  void stacks(double band) {
    double w = std::min(band * 0.7, 80.0);
    bool labels = n_ <= 24;
    for (std::size_t i = 0; i < n_; ++i) {
      double x = left_ + band * static_cast<double>(i) + (band - w) / 2;
      double pos = 0, neg = 0;
      bool any = false;
      for (std::size_t s = 0; s < c_.series.size(); ++s) {
        double v = c_.series[s].values[i];
        if (!std::isfinite(v) || v == 0) continue;
        any = true;
        double& base = v > 0 ? pos : neg;
        // A white seam between segments keeps neighbours of similar colour apart.
        bar_rect(x, w, base, base + v, colour(s), tip(i, c_.series[s], v), " stroke=\"#fff\" stroke-width=\"0.75\"");
        base += v;
      }
      // The total above the stack (below it when the stack is all negative).
      if (any && labels) {
        std::string text = format_short(pos + neg, c_.y_format);
        bool up = pos > 0 || neg == 0;
        if (text_px(text, 11) <= band) value_label(x + w / 2, up ? 1 : -1, up ? pos : neg, text);
      }
    }
  }

  void histogram_bars() {
    const Series& s = c_.series.front();
    for (std::size_t i = 0; i < n_; ++i) {
      double v = s.values[i];
      if (!std::isfinite(v)) continue;
      double x0 = xs(c_.x[i]), x1 = xs(c_.x[i + 1]);
      bar_rect(x0 + 0.5, x1 - x0 - 1, 0, v, colour(0), tip(i, s, v));
    }
  }

  void lines(double band) {
    bool numeric_x = !c_.x.empty();
    auto px = [&](std::size_t i) { return numeric_x ? xs(c_.x[i]) : left_ + band * (static_cast<double>(i) + 0.5); };
    bool dots = n_ <= 40;
    for (std::size_t s = 0; s < c_.series.size(); ++s) {
      const Series& series = c_.series[s];
      std::string stroke = series.reference ? kReference : colour(s);
      // Runs of finite values; a long run keeps per pixel column its lowest and highest point.
      std::string d;
      std::size_t i = 0;
      while (i < n_) {
        while (i < n_ && !std::isfinite(series.values[i])) ++i;
        std::size_t start = i;
        while (i < n_ && std::isfinite(series.values[i])) ++i;
        if (start == i) continue;
        std::vector<std::size_t> keep;
        if (i - start > 2 * static_cast<std::size_t>(right_ - left_)) {
          keep = thin(series, start, i, px);
        } else {
          for (std::size_t k = start; k < i; ++k) keep.push_back(k);
        }
        for (std::size_t k = 0; k < keep.size(); ++k)
          d += fmt::format("{}{} {}", k == 0 ? (d.empty() ? "M" : " M") : " L", num(px(keep[k])),
                           num(ys(series.values[keep[k]])));
      }
      if (!d.empty()) {
        body_ += fmt::format(
            "<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" "
            "stroke-linejoin=\"round\"{}><title>{}</title></path>\n",
            d, stroke, series.reference ? "1.5" : "2.5", series.reference ? " stroke-dasharray=\"6 4\"" : "",
            xml_escape(series.name));
      }
      if (!dots || series.reference) continue;
      for (std::size_t k = 0; k < n_; ++k) {
        double v = series.values[k];
        if (!std::isfinite(v)) continue;
        body_ += fmt::format(
            "<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"{}\" stroke=\"#fff\" stroke-width=\"1\">{}</circle>\n",
            num(px(k)), num(ys(v)), stroke, tip(k, series, v));
      }
    }
  }

  template <class Px>
  std::vector<std::size_t> thin(const Series& s, std::size_t from, std::size_t to, const Px& px) const {
    std::vector<std::size_t> keep;
    long column = -1;
    std::size_t lo = from, hi = from;
    auto flush = [&] {
      if (column < 0) return;
      keep.push_back(std::min(lo, hi));
      if (lo != hi) keep.push_back(std::max(lo, hi));
    };
    for (std::size_t k = from; k < to; ++k) {
      long c = std::lround(px(k));
      if (c != column) {
        flush();
        column = c, lo = hi = k;
      } else {
        if (s.values[k] < s.values[lo]) lo = k;
        if (s.values[k] > s.values[hi]) hi = k;
      }
    }
    flush();
    if (keep.back() != to - 1) keep.push_back(to - 1);
    return keep;
  }

  // ---- heatmap ----

  void heatmap() {
    std::size_t rows = c_.series.size();
    double label_w = 0;
    for (const auto& s : c_.series) label_w = std::max(label_w, text_px(text::truncate_to_width(s.name, 24), 12));
    double left = 16 + (c_.y_label.empty() ? 0 : 22) + label_w + 8;
    double right = kWidth - 20;
    double top = legend_.bottom + 10;
    double cell_w = 0;
    CategoryLabels layout;
    fit_categories(c_.categories, left, right, cell_w, layout);
    double cell_h = rows > 30 ? 16 : 24;
    double bottom = top + cell_h * static_cast<double>(rows);
    double x_label_y = bottom + layout.height + 22;
    height_ = c_.x_label.empty() ? bottom + layout.height + 14 : x_label_y + 12;
    auto [lo, hi] = heat_domain();
    for (std::size_t r = 0; r < rows; ++r) {
      const Series& s = c_.series[r];
      double y = top + cell_h * static_cast<double>(r);
      body_ += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"{}\">{}</text>\n", num(left - 8),
                           num(y + cell_h / 2 + 4), kMuted, xml_escape(text::truncate_to_width(s.name, 24)));
      for (std::size_t i = 0; i < n_; ++i) {
        double v = s.values[i];
        double x = left + cell_w * static_cast<double>(i);
        if (!std::isfinite(v)) {
          body_ +=
              fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#f4f4f4\" stroke=\"#fff\"/>\n",
                          num(x), num(y), num(cell_w), num(cell_h));
          continue;
        }
        Rgb fill = heat_colour(v, lo, hi);
        std::string text = format_number(v, c_.y_format);
        body_ +=
            fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#fff\">{}</rect>\n",
                        num(x), num(y), num(cell_w), num(cell_h), hex(fill),
                        "<title>" + xml_escape(s.name + " · " + c_.categories[i] + ": " + text) + "</title>");
        if (text_px(text, 10) + 4 <= cell_w && cell_h >= 16) {
          body_ +=
              fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\" fill=\"{}\">{}</text>\n",
                          num(x + cell_w / 2), num(y + cell_h / 2 + 3.5), dark(fill) ? "#fff" : kInk, xml_escape(text));
        }
      }
    }
    category_axis(c_.categories, left, cell_w, bottom, layout);
    axis_titles(left, right, top, bottom, x_label_y);
  }

  const Chart& c_;
  std::size_t n_ = 0;
  bool has_data_ = false;
  Legend legend_;
  std::string body_;
  double height_ = 200;
  Axis y_, x_;
  std::vector<double> x_ticks_;
  double left_ = 0, right_ = 0, top_ = 0, bottom_ = 0;
};

}  // namespace

std::string svg_chart(const Chart& chart) {
  check_chart(chart);
  return SvgChart(chart).draw();
}

}  // namespace kunde::report
