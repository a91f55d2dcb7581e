// Report settings from the configuration, day numbers and customer names.
#include "crm/reports.hpp"

#include <date/date.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "analytics/count_model.hpp"
#include "analytics/purchase_summary.hpp"
#include "crm/session.hpp"
#include "error.hpp"
#include "store/store.hpp"

namespace kunde::crm {
namespace {

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "4-5", "5" or "1-5" as a score range.
analytics::ScoreRange score_range(const std::string& text, const std::string& where) {
  auto fail = [&] {
    return Error(fmt::format("{}: '{}' is not a score range", where, text),
                 "write a score 1 to 5, or a range such as \"4-5\"; see kunde-config(5)");
  };
  std::string_view s = text;
  auto dash = s.find('-');
  std::string_view low = s.substr(0, dash), high = dash == std::string_view::npos ? low : s.substr(dash + 1);
  if (!digits(low) || !digits(high) || low.size() > 1 || high.size() > 1) throw fail();
  return {low[0] - '0', high[0] - '0'};
}

}  // namespace

int day_number(std::string_view text) {
  // The common case, read directly: every row of a report passes through here.
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-' && digits(text.substr(0, 4)) && digits(text.substr(5, 2)) &&
      digits(text.substr(8, 2))) {
    int y = 0;
    unsigned m = 0, d = 0;
    std::from_chars(text.data(), text.data() + 4, y);
    std::from_chars(text.data() + 5, text.data() + 7, m);
    std::from_chars(text.data() + 8, text.data() + 10, d);
    date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
    if (ymd.ok()) return static_cast<int>(date::sys_days{ymd}.time_since_epoch().count());
  }
  return analytics::epoch_day(text);
}

std::string day_text(int day) { return analytics::iso_date(day); }

ClvSettings clv_settings(const Config& config) {
  ClvSettings s;
  s.model = model_key(config.get_or("clv.model", s.model));
  s.period = config.get_or("clv.period", s.period);
  analytics::period_days(s.period);  // checks the name
  s.horizon = config.get_or("clv.horizon", s.horizon);
  s.discount_rate = config.get_number("clv.discount_rate", s.discount_rate);
  return s;
}

double horizon_periods(std::string_view text, double period_days) {
  auto fail = [&] {
    return UsageError(fmt::format("'{}' is not a horizon", text),
                      "give a number of periods, or a length such as 52w, 12m, 1y or 90d");
  };
  if (text.empty()) throw fail();
  double unit_days = 0;
  switch (text.back()) {
    case 'd': unit_days = 1; break;
    case 'w': unit_days = 7; break;
    case 'm': unit_days = 365.25 / 12; break;
    case 'y': unit_days = 365.25; break;
    default: break;
  }
  std::string_view number = unit_days > 0 ? text.substr(0, text.size() - 1) : text;
  double value = 0;
  auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (number.empty() || ec != std::errc() || end != number.data() + number.size() || !std::isfinite(value) ||
      value < 0) {
    throw fail();
  }
  return unit_days > 0 ? value * unit_days / period_days : value;
}

std::string model_key(std::string_view name) {
  switch (analytics::parse_count_model(name)) {
    case analytics::CountModelKind::bgnbd: return "bgnbd";
    case analytics::CountModelKind::mbgnbd: return "mbgnbd";
    case analytics::CountModelKind::pareto_nbd: return "pareto-nbd";
  }
  return "bgnbd";
}

ChurnSettings churn_settings(const Config& config) {
  ChurnSettings s;
  s.p_alive_threshold = config.get_number("churn.p_alive_threshold", s.p_alive_threshold);
  s.interval_factor = config.get_number("churn.interval_factor", s.interval_factor);
  double days = config.get_number("churn.churn_days", s.churn_days);
  std::string file = config.file().empty() ? "config" : config.file();
  if (!(s.p_alive_threshold >= 0 && s.p_alive_threshold <= 1)) {
    throw Error(fmt::format("{}: churn.p_alive_threshold = {} is not a probability", file, s.p_alive_threshold),
                "give a number between 0 and 1, such as 0.5");
  }
  if (!(s.interval_factor > 0) || !std::isfinite(s.interval_factor)) {
    throw Error(fmt::format("{}: churn.interval_factor = {} must be positive", file, s.interval_factor),
                "give a number such as 3");
  }
  if (!(days >= 1 && days <= 36525) || days != std::floor(days)) {
    throw Error(fmt::format("{}: churn.churn_days = {} is not a number of days", file, days),
                "give a whole number of days such as 365");
  }
  s.churn_days = static_cast<int>(days);
  return s;
}

std::vector<analytics::SegmentRule> rfm_segments(const Config& config) {
  auto tables = config.table_array("rfm.segments");
  if (tables.empty()) return analytics::default_segments();
  std::vector<analytics::SegmentRule> rules;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    std::string where = fmt::format("{}: rfm.segments[{}]", config.file(), i + 1);
    analytics::SegmentRule rule;
    for (const auto& [key, value] : tables[i]) {
      if (key == "name") {
        rule.name = value;
      } else if (key == "r") {
        rule.r = score_range(value, where + ".r");
      } else if (key == "f") {
        rule.f = score_range(value, where + ".f");
      } else if (key == "m") {
        rule.m = score_range(value, where + ".m");
      } else {
        throw Error(fmt::format("{}: unknown key '{}'", where, key), "a segment has name, r, f and m");
      }
    }
    rules.push_back(std::move(rule));
  }
  try {
    analytics::check_segments(rules);
  } catch (const Error& e) {
    throw Error(fmt::format("{}: rfm.segments: {}", config.file(), e.what()), e.hint());
  }
  return rules;
}

CustomerNames::CustomerNames(Session& s, const ReportScope& scope) {
  s.store().analytics().customer_labels(scope.query(), [&](const store::CustomerLabel& l) {
    names_.push_back({l.id, CustomerName{std::string(l.number), std::string(l.name)}});
  });
}

const CustomerName& CustomerNames::of(std::int64_t id) const {
  auto it = std::lower_bound(names_.begin(), names_.end(), id,
                             [](const auto& entry, std::int64_t key) { return entry.first < key; });
  return it != names_.end() && it->first == id ? it->second : none_;
}

}  // namespace kunde::crm
