// Charts in a terminal. Bars (plain, grouped, stacked, histogram) lie horizontally, one line
// per category and series, in block characters (eighths for a smooth end), the value after
// the bar; without colour each series has its own shade (█ ▓ ▒ ░). A line chart becomes a
// sparkline per series and its data sampled to a dozen rows; a heatmap its grid of values,
// each cell shaded by its value when colour is on.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/render_parts.hpp"
#include "text/utf8.hpp"

namespace kunde::report::detail {
namespace {

// xterm-256 colours close to the HTML palette.
constexpr int kColours[] = {67, 208, 71, 167, 109, 221, 139, 217};
constexpr const char* kShades[] = {"█", "▓", "▒", "░"};
constexpr const char* kEighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
constexpr const char* kSpark[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
constexpr std::size_t kMaxLabel = 24;

std::string repeat(const char* glyph, std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += glyph;
  return s;
}

std::string pad(const std::string& s, std::size_t width) {
  std::string cut = text::truncate_to_width(s, width);
  return cut + std::string(width - text::display_width(cut), ' ');
}

std::string rtrim(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

class TextChart {
 public:
  TextChart(const Chart& c, std::ostream& out, const io::WriterOptions& o)
      : c_(c), out_(out), opt_(o), width_(o.width ? o.width : 80) {}

  void draw() {
    if (c_.series.empty() || c_.points() == 0) {
      out_ << dim("(no data)") << '\n';
      return;
    }
    switch (c_.kind) {
      case ChartKind::line: lines(); break;
      case ChartKind::heatmap: heatmap(); break;
      default: bars(); break;
    }
  }

 private:
  const char* glyph(std::size_t s) const { return opt_.color ? "█" : kShades[s % 4]; }
  std::string paint(std::size_t s, const std::string& text) const {
    if (!opt_.color || text.empty()) return text;
    return fmt::format("\x1b[38;5;{}m{}\x1b[0m", kColours[s % 8], text);
  }
  std::string dim(const std::string& s) const { return opt_.color && !s.empty() ? "\x1b[2m" + s + "\x1b[0m" : s; }

  std::string legend(std::size_t indent) const {
    std::string line(indent, ' ');
    for (std::size_t s = 0; s < c_.series.size(); ++s) {
      line += (s ? "  " : "") + paint(s, glyph(s)) + " " + c_.series[s].name;
    }
    return line;
  }

  std::vector<std::string> category_labels() const {
    std::vector<std::string> labels;
    for (std::size_t i = 0; i < c_.points(); ++i) {
      if (c_.kind == ChartKind::histogram) {
        labels.push_back(format_number(c_.x[i], c_.x_format) + "–" + format_number(c_.x[i + 1], c_.x_format));
      } else if (!c_.x.empty()) {
        labels.push_back(format_number(c_.x[i], c_.x_format));
      } else {
        labels.push_back(c_.categories[i]);
      }
    }
    return labels;
  }

  // A bar of `cells` columns starting at the zero column `zero`; negative ones end there.
  std::string bar(double cells, std::size_t zero, std::size_t s) const {
    if (cells >= 0) {
      auto eighths = static_cast<std::size_t>(std::lround(cells * 8));
      std::string b = repeat(glyph(s), eighths / 8);
      if (std::string(glyph(s)) == "█") {
        b += kEighths[eighths % 8];
      } else if (eighths % 8 >= 4) {
        b += glyph(s);
      }
      return std::string(zero, ' ') + paint(s, b);
    }
    auto n = std::min<std::size_t>(zero, static_cast<std::size_t>(std::lround(-cells)));
    return std::string(zero - n, ' ') + paint(s, repeat(glyph(s), n));
  }

  void bars() {
    bool stacked = c_.kind == ChartKind::stacked_bar;
    std::size_t n = c_.points();
    auto labels = category_labels();
    double lo = 0, hi = 0;
    std::vector<std::string> values;  // per category (stacked: the total) or per category and series
    for (std::size_t i = 0; i < n; ++i) {
      double pos = 0, neg = 0;
      bool any = false;
      for (const auto& s : c_.series) {
        double v = s.values[i];
        if (!std::isfinite(v)) {
          if (!stacked) values.emplace_back();
          continue;
        }
        any = true;
        (v >= 0 ? pos : neg) += v;
        if (!stacked) {
          values.push_back(format_number(v, c_.y_format));
          lo = std::min(lo, v), hi = std::max(hi, v);
        }
      }
      if (stacked) {
        values.push_back(any ? format_number(pos + neg, c_.y_format) : std::string());
        lo = std::min(lo, neg), hi = std::max(hi, pos);
      }
    }
    if (hi - lo <= 0) hi = 1;
    std::size_t label_w = 1;
    for (const auto& l : labels) label_w = std::max(label_w, text::display_width(l));
    label_w = std::min(label_w, kMaxLabel);
    std::size_t value_w = 0;
    for (const auto& v : values) value_w = std::max(value_w, text::display_width(v));
    std::size_t used = label_w + 3 + value_w;
    double cells = static_cast<double>(std::clamp<std::size_t>(width_ > used ? width_ - used : 0, 10, 60));
    auto zero = static_cast<std::size_t>(std::lround(-lo / (hi - lo) * cells));
    double per = cells / (hi - lo);

    if (!c_.x_label.empty() || !c_.y_label.empty()) {
      std::size_t w = std::max(label_w, text::display_width(c_.x_label));
      out_ << dim(rtrim(pad(c_.x_label, w) + "  " + c_.y_label)) << '\n';
    }
    if (stacked || c_.series.size() > 1) out_ << legend(label_w + 2) << '\n';
    for (std::size_t i = 0; i < n; ++i) {
      if (stacked) {
        out_ << rtrim(pad(labels[i], label_w) + "  " + stack(i, zero, per) + " " + values[i]) << '\n';
        continue;
      }
      for (std::size_t s = 0; s < c_.series.size(); ++s) {
        double v = c_.series[s].values[i];
        std::string label = s == 0 ? labels[i] : std::string();
        std::string b = std::isfinite(v) ? bar(v * per, zero, s) : std::string();
        out_ << rtrim(pad(label, label_w) + "  " + b + " " + values[i * c_.series.size() + s]) << '\n';
      }
    }
  }

  // One category's stack: negative values left of the zero column, positive ones right of it.
  std::string stack(std::size_t i, std::size_t zero, double per) const {
    double neg_total = 0;
    for (const auto& s : c_.series)
      if (std::isfinite(s.values[i]) && s.values[i] < 0) neg_total += s.values[i];
    auto start = static_cast<long>(zero) - std::lround(-neg_total * per);
    std::string out(static_cast<std::size_t>(std::max(0L, start)), ' ');
    for (int sign : {-1, 1}) {
      double cum = sign < 0 ? neg_total : 0;
      for (std::size_t s = 0; s < c_.series.size(); ++s) {
        double v = c_.series[s].values[i];
        if (!std::isfinite(v) || (sign < 0 ? v >= 0 : v < 0)) continue;
        long a = std::lround(cum * per);
        cum += sign < 0 ? -v : v;
        long b = std::lround(cum * per);
        out += paint(s, repeat(glyph(s), static_cast<std::size_t>(std::max(0L, b - a))));
      }
    }
    return out;
  }

  void lines() {
    std::size_t name_w = 0;
    for (const auto& s : c_.series) name_w = std::max(name_w, text::display_width(s.name));
    name_w = std::min(name_w, kMaxLabel);
    std::size_t n = c_.points();
    std::size_t spark_w = std::clamp<std::size_t>(width_ > name_w + 34 ? width_ - name_w - 34 : 0, 10, 60);
    std::size_t buckets = std::min(n, spark_w);
    for (std::size_t si = 0; si < c_.series.size(); ++si) {
      const auto& s = c_.series[si];
      std::vector<double> means(buckets, missing);
      for (std::size_t k = 0; k < buckets; ++k) {
        double sum = 0;
        std::size_t count = 0;
        for (std::size_t i = k * n / buckets; i < (k + 1) * n / buckets; ++i)
          if (std::isfinite(s.values[i])) sum += s.values[i], ++count;
        if (count) means[k] = sum / static_cast<double>(count);
      }
      double lo = INFINITY, hi = -INFINITY;
      for (double v : s.values)
        if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
      std::string spark;
      for (double m : means) {
        if (!std::isfinite(m)) {
          spark += ' ';
          continue;
        }
        long level = hi > lo ? std::lround((m - lo) / (hi - lo) * 7) : 3;
        spark += kSpark[std::clamp(level, 0L, 7L)];
      }
      std::string range = std::isfinite(lo) ? fmt::format("min {}  max {}", format_number(lo, c_.y_format),
                                                          format_number(hi, c_.y_format))
                                            : std::string("no data");
      out_ << pad(s.name, name_w) << "  " << paint(si, spark) << "  " << dim(range) << '\n';
    }
    grid(chart_table(c_, 12), nullptr);
  }

  void heatmap() {
    double lo = INFINITY, hi = -INFINITY;
    for (const auto& s : c_.series)
      for (double v : s.values)
        if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    if (lo > 0) lo = 0;  // shades measure from zero, as in the SVG
    if (!c_.value_label.empty()) out_ << dim(c_.value_label) << '\n';
    auto shade = [&](std::size_t row, std::size_t col) -> std::string {
      // Light to dark blue, or red for negative values; dark cells get white text.
      static constexpr int kBlues[] = {195, 153, 111, 69, 27, 19};
      static constexpr int kReds[] = {224, 217, 210, 203, 160, 88};
      double v = c_.series[row].values[col];
      if (!std::isfinite(v)) return {};
      double t =
          lo < 0 ? std::fabs(v) / std::max(std::fabs(lo), std::fabs(hi)) : (hi > lo ? (v - lo) / (hi - lo) : 0.5);
      auto level = static_cast<std::size_t>(std::clamp(std::lround(t * 5), 0L, 5L));
      int bg = v < 0 ? kReds[level] : kBlues[level];
      return fmt::format("\x1b[48;5;{};38;5;{}m", bg, level >= 3 ? 231 : 16);
    };
    grid(chart_table(c_), opt_.color ? std::function<std::string(std::size_t, std::size_t)>(shade) : nullptr);
  }

  // A small table: the first column left-aligned, the others right; columns past the
  // terminal width are left out with a note.
  void grid(const ChartTable& t, const std::function<std::string(std::size_t, std::size_t)>& style) {
    std::vector<std::size_t> w(t.columns.size());
    for (std::size_t i = 0; i < t.columns.size(); ++i) w[i] = text::display_width(t.columns[i]);
    for (const auto& r : t.rows)
      for (std::size_t i = 0; i < r.size() && i < w.size(); ++i) w[i] = std::max(w[i], text::display_width(r[i]));
    if (!w.empty()) w[0] = std::min(w[0], kMaxLabel);
    std::size_t shown = 0, total = 0;
    for (std::size_t i = 0; i < w.size(); ++i) {
      total += w[i] + (i ? 2 : 0);
      if (i > 0 && opt_.width && total > opt_.width) break;
      shown = i + 1;
    }
    auto cell = [&](const std::string& s, std::size_t i) {
      std::string cut = text::truncate_to_width(s, w[i]);
      std::string space(w[i] - text::display_width(cut), ' ');
      return i == 0 ? cut + space : space + cut;
    };
    std::string head;
    for (std::size_t i = 0; i < shown; ++i) head += (i ? "  " : "") + cell(t.columns[i], i);
    out_ << dim(rtrim(head)) << '\n';
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      std::string line;
      for (std::size_t i = 0; i < shown; ++i) {
        std::string text = cell(i < t.rows[r].size() ? t.rows[r][i] : std::string(), i);
        std::string code = style && i > 0 ? style(r, i - 1) : std::string();
        line += (i ? "  " : "") + (code.empty() ? text : code + text + "\x1b[0m");
      }
      out_ << rtrim(line) << '\n';
    }
    if (std::size_t more = t.columns.size() - shown) {
      out_ << dim(fmt::format("… {} more column{}", more, more == 1 ? "" : "s")) << '\n';
    }
  }

  const Chart& c_;
  std::ostream& out_;
  const io::WriterOptions& opt_;
  std::size_t width_;
};

}  // namespace

void render_text_chart(const Chart& chart, std::ostream& out, const io::WriterOptions& options) {
  TextChart(chart, out, options).draw();
}

}  // namespace kunde::report::detail
