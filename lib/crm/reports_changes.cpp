// Behaviour changes: each stream is read once up to as-of and split at the window's first
// day into history and recent; a customer is judged only against their own history.
#include "crm/reports_changes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <unordered_map>

#include "crm/session.hpp"
#include "error.hpp"
#include "store/store.hpp"
#include "value.hpp"

namespace kunde::crm {

ChangeSettings change_settings(const Config& config) {
  ChangeSettings s;
  std::string file = config.file().empty() ? "config" : config.file();
  auto number = [&](const char* key, double fallback, double low, double high) {
    double v = config.get_number(std::string("changes.") + key, fallback);
    if (!(v >= low && v <= high)) {
      throw Error(fmt::format("{}: changes.{} = {} is outside {}..{}", file, key, v, low, high),
                  "see CHANGES in kunde-report(1)");
    }
    return v;
  };
  s.min_orders = static_cast<int>(number("min_orders", s.min_orders, 1, 1000));
  s.frequency_drop = number("frequency_drop", s.frequency_drop, 0, 1);
  s.min_expected = number("min_expected", s.min_expected, 0, 1000);
  s.frequency_rise = number("frequency_rise", s.frequency_rise, 1, 1000);
  s.value_change = number("value_change", s.value_change, 0, 1000);
  s.mix_distance = number("mix_distance", s.mix_distance, 0, 1);
  s.complaint_factor = number("complaint_factor", s.complaint_factor, 1, 1000);
  s.min_complaints = static_cast<int>(number("min_complaints", s.min_complaints, 1, 1000));
  return s;
}

int window_days(std::string_view text) {
  auto fail = [&] {
    return UsageError(fmt::format("'{}' is not a window", text), "give days, weeks or months, such as 90d, 12w or 3m");
  };
  if (text.empty()) throw fail();
  int unit = 1;
  std::string_view number = text;
  switch (text.back()) {
    case 'd': unit = 1, number.remove_suffix(1); break;
    case 'w': unit = 7, number.remove_suffix(1); break;
    case 'm': unit = 30, number.remove_suffix(1); break;
    default: break;
  }
  int value = 0;
  auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (number.empty() || ec != std::errc() || end != number.data() + number.size() || value < 1 || value > 36500 / unit) {
    throw fail();
  }
  return value * unit;
}

namespace {

struct Behaviour {
  int first_day = 0;
  bool seen = false;
  std::int64_t orders[2] = {0, 0};  // [0] history, [1] recent
  std::int64_t amount[2] = {0, 0};
  std::map<std::string, std::int64_t> channels[2];
  std::map<std::string, std::int64_t> categories[2];
  std::int64_t complaints[2] = {0, 0};
};

std::string main_of(const std::map<std::string, std::int64_t>& counts) {
  std::string best;
  std::int64_t n = 0;
  for (const auto& [k, v] : counts) {
    if (v > n) best = k, n = v;
  }
  return best;
}

}  // namespace

ChangesReport changes_report(Session& s, const ChangesRequest& request) {
  if (request.window_days < 1) throw UsageError("the window must be a day or more", "such as --window 90d");
  ChangesReport r;
  r.request = request;
  const int as_of = day_number(request.scope.as_of);
  const int start = as_of - request.window_days + 1;
  r.window_start = day_text(start);
  const ChangeSettings& cfg = request.settings;

  std::unordered_map<std::int64_t, Behaviour> people;
  auto at = [&](std::int64_t id, std::string_view day) -> std::pair<Behaviour&, int> {
    Behaviour& b = people[id];
    int d = day_number(day);
    if (!b.seen || d < b.first_day) b.first_day = d, b.seen = true;
    return {b, d >= start ? 1 : 0};
  };
  store::AnalyticsQuery q = request.scope.query();
  q.since.reset();
  s.store().analytics().orders(q, [&](const store::OrderFact& o) {
    auto [b, part] = at(o.customer_id, o.day);
    ++b.orders[part];
    b.amount[part] += o.amount;
    if (!o.channel.empty()) ++b.channels[part][std::string(o.channel)];
  });
  s.store().analytics().order_lines(q, [&](const store::LineFact& l) {
    if (l.category.empty() || l.amount <= 0) return;
    auto [b, part] = at(l.customer_id, l.day);
    b.categories[part][std::string(l.category)] += l.amount;
  });
  s.store().analytics().contacts(q, [&](const store::ContactFact& c) {
    auto [b, part] = at(c.customer_id, c.day);
    if (c.complaint) ++b.complaints[part];
  });

  std::vector<std::int64_t> ids;
  for (const auto& [id, b] : people) {
    if (b.first_day < start) ids.push_back(id);
  }
  std::sort(ids.begin(), ids.end());
  r.customers = static_cast<std::int64_t>(ids.size());
  const double window = request.window_days;
  for (auto id : ids) {
    const Behaviour& b = people[id];
    const double history_days = start - b.first_day;
    auto add = [&](std::string what, std::string before, std::string now, std::optional<double> change, std::string detail) {
      r.changes.push_back({id, std::move(what), std::move(before), std::move(now), change, std::move(detail)});
    };
    if (b.orders[0] >= cfg.min_orders) {
      // Frequency: the orders the history's rate expects in a window, against the window's.
      double expected = static_cast<double>(b.orders[0]) / history_days * window;
      double now = static_cast<double>(b.orders[1]);
      // No order in a window where fewer than one was usual is no drop: a customer who buys
      // twice a year is quiet in most quarters.
      bool drop = now <= cfg.frequency_drop * expected && expected >= cfg.min_expected;
      if (drop || (now >= cfg.frequency_rise * expected && b.orders[1] >= 2)) {
        add("frequency", fmt::format("{:.1f} orders", expected), fmt::format("{} orders", b.orders[1]), now / expected - 1,
            fmt::format("{} orders in {} days where {:.1f} were usual", b.orders[1], request.window_days, expected));
      }
      if (b.orders[1] > 0) {
        double before = static_cast<double>(b.amount[0]) / static_cast<double>(b.orders[0]);
        double recent = static_cast<double>(b.amount[1]) / static_cast<double>(b.orders[1]);
        if (before > 0 && std::abs(recent / before - 1) >= cfg.value_change) {
          auto money = [&](double v) { return format_decimal({std::llround(v), s.money_decimals()}); };
          add("value", money(before), money(recent), recent / before - 1,
              fmt::format("mean order value {} by {:.0f}%", recent > before ? "up" : "down", std::abs(recent / before - 1) * 100));
        }
      }
      std::int64_t total[2] = {0, 0};
      for (int p = 0; p < 2; ++p) {
        for (const auto& [c, v] : b.categories[p]) total[p] += v;
      }
      if (total[0] > 0 && total[1] > 0) {
        std::map<std::string, std::pair<double, double>> shares;
        for (int p = 0; p < 2; ++p) {
          for (const auto& [c, v] : b.categories[p]) {
            (p == 0 ? shares[c].first : shares[c].second) = static_cast<double>(v) / static_cast<double>(total[p]);
          }
        }
        double distance = 0;
        std::string gained;
        double gain = 0;
        for (const auto& [c, sh] : shares) {
          distance += std::abs(sh.second - sh.first) / 2;
          if (sh.second - sh.first > gain) gain = sh.second - sh.first, gained = c;
        }
        if (distance >= cfg.mix_distance) {
          add("category_mix", main_of(b.categories[0]), main_of(b.categories[1]), distance,
              fmt::format("spending moved {:.0f}% between categories; {} gained the most share", distance * 100, gained));
        }
      }
    }
    if (b.orders[0] > 0 && b.orders[1] > 0) {
      std::string before = main_of(b.channels[0]), now = main_of(b.channels[1]);
      if (!before.empty() && !now.empty() && before != now) {
        add("channel", before, now, std::nullopt, fmt::format("orders by {} instead of {}", now, before));
      }
    }
    if (b.complaints[1] >= cfg.min_complaints) {
      double before = static_cast<double>(b.complaints[0]) / history_days * window;
      double now = static_cast<double>(b.complaints[1]);
      if (now >= cfg.complaint_factor * before) {
        add("complaints", fmt::format("{:.1f} complaints", before), fmt::format("{} complaints", b.complaints[1]),
            before > 0 ? std::optional<double>(now / before - 1) : std::nullopt,
            fmt::format("{} complaints in {} days where {:.1f} were usual", b.complaints[1], request.window_days, before));
      }
    }
  }
  return r;
}

}  // namespace kunde::crm
