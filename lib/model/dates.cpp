// Date parsing. The common ISO shapes are recognised directly (imports parse millions of
// them); custom formats go through date::parse.
#include "model/dates.hpp"

#include <date/date.h>
#include <fmt/format.h>

#include <chrono>
#include <optional>
#include <sstream>

#include "error.hpp"
#include "text/utf8.hpp"

namespace kunde::model {
namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return false;
  for (std::size_t i = pos; i < pos + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

int num(std::string_view s, std::size_t pos, std::size_t n) {
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

[[noreturn]] void bad_date(std::string_view text, const std::string& format) {
  if (!format.empty()) {
    throw Error(fmt::format("'{}' is not a date in the format {}", text, format),
                "check --date-format against the file (a time after the date belongs in it too, as in "
                "'%m/%d/%Y %H:%M')");
  }
  throw Error(fmt::format("'{}' is not a date", text), "write YYYY-MM-DD, or YYYY-MM-DD HH:MM with a time");
}

std::string ymd_text(int y, int m, int d, std::string_view text, const std::string& format) {
  auto ymd = date::year{y} / date::month{static_cast<unsigned>(m)} / date::day{static_cast<unsigned>(d)};
  if (!ymd.ok()) bad_date(text, format);
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

std::optional<std::string> parse_iso(std::string_view t) {
  int y, m, d;
  std::size_t pos;
  if (digits(t, 0, 4) && t.size() >= 10 && t[4] == '-' && digits(t, 5, 2) && t[7] == '-' && digits(t, 8, 2)) {
    y = num(t, 0, 4), m = num(t, 5, 2), d = num(t, 8, 2);
    pos = 10;
  } else if (t.size() == 8 && digits(t, 0, 8)) {
    y = num(t, 0, 4), m = num(t, 4, 2), d = num(t, 6, 2);
    pos = 8;
  } else {
    return std::nullopt;
  }
  std::string out = ymd_text(y, m, d, t, {});
  if (pos == t.size()) return out;
  if ((t[pos] != ' ' && t[pos] != 'T') || !digits(t, pos + 1, 2) || pos + 3 >= t.size() ||
      t[pos + 3] != ':' || !digits(t, pos + 4, 2))
    return std::nullopt;
  int hh = num(t, pos + 1, 2), mm = num(t, pos + 4, 2), ss = 0;
  pos += 6;
  if (pos < t.size() && t[pos] == ':') {
    if (!digits(t, pos + 1, 2)) return std::nullopt;
    ss = num(t, pos + 1, 2);
    pos += 3;
    if (pos < t.size() && t[pos] == '.') {  // fractions of a second are dropped
      ++pos;
      while (pos < t.size() && t[pos] >= '0' && t[pos] <= '9') ++pos;
    }
  }
  if (hh > 23 || mm > 59 || ss > 60) return std::nullopt;
  out += fmt::format(" {:02}:{:02}:{:02}", hh, mm, ss);
  std::string_view zone = t.substr(pos);
  if (zone.empty()) return out;
  if (zone == "Z") return out + "Z";
  if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && digits(zone, 1, 2) && zone[3] == ':' &&
      digits(zone, 4, 2))
    return out + std::string(zone);
  return std::nullopt;
}

bool has_time_field(const std::string& format) {
  return format.find("%H") != std::string::npos || format.find("%M") != std::string::npos ||
         format.find("%T") != std::string::npos || format.find("%R") != std::string::npos;
}

}  // namespace

std::string parse_date(std::string_view raw, const std::string& format) {
  std::string_view t = text::trim(raw);
  if (t.empty()) throw Error("empty date", "write YYYY-MM-DD");
  if (format.empty()) {
    if (auto iso = parse_iso(t)) return *iso;
    bad_date(t, format);
  }
  std::istringstream in{std::string(t)};
  if (has_time_field(format)) {
    date::local_seconds tp;
    in >> date::parse(format, tp);
    if (in.fail() || in.peek() != std::char_traits<char>::eof()) bad_date(t, format);
    return date::format("%F %T", tp);
  }
  date::year_month_day ymd;
  in >> date::parse(format, ymd);
  if (in.fail() || !ymd.ok() || in.peek() != std::char_traits<char>::eof()) bad_date(t, format);
  return date::format("%F", ymd);
}

std::string parse_file_date(std::string_view text, const std::string& format) {
  try {
    return parse_date(text, format);
  } catch (const Error& e) {
    if (!format.empty() || text::trim(text).empty()) throw;
    throw Error(e.what(), "write YYYY-MM-DD, or give the file's format with --date-format '%d.%m.%Y'");
  }
}

std::string add_days(const std::string& iso, int days) {
  auto ymd = date::year{num(iso, 0, 4)} / date::month{static_cast<unsigned>(num(iso, 5, 2))} /
             date::day{static_cast<unsigned>(num(iso, 8, 2))};
  auto shifted = date::year_month_day{date::sys_days{ymd} + date::days{days}};
  return date::format("%F", shifted);
}

int parse_days(std::string_view raw) {
  std::string_view t = text::trim(raw);
  if (t.empty() || !digits(t, 0, 1)) {
    throw UsageError(fmt::format("'{}' is not a duration", raw), "write it like 90d, 12w, 6m or 1y");
  }
  std::size_t i = 0;
  long v = 0;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9' && v < 100000) v = v * 10 + (t[i++] - '0');
  std::string_view unit = t.substr(i);
  int per = 0;
  if (unit.empty() || unit == "d") per = 1;
  if (unit == "w") per = 7;
  if (unit == "m") per = 30;
  if (unit == "y") per = 365;
  if (per == 0 || v >= 100000) {
    throw UsageError(fmt::format("'{}' is not a duration", raw), "write it like 90d, 12w, 6m or 1y");
  }
  return static_cast<int>(v) * per;
}

std::string parse_date_relative(std::string_view raw, const std::string& today, const std::string& format) {
  std::string_view t = text::trim(raw);
  if (t == "today") return today;
  if (t == "yesterday") return add_days(today, -1);
  if (t == "tomorrow") return add_days(today, 1);
  if (!t.empty() && (t[0] == '+' || t[0] == '-')) {
    int sign = t[0] == '-' ? -1 : 1;
    return add_days(today, sign * parse_days(t.substr(1)));
  }
  return parse_date(t, format);
}

}  // namespace kunde::model
