// libFuzzer target: dates and durations. Whatever the text, reading it never crashes; a date
// it accepts is ISO text that reads back as itself, and day arithmetic on it round-trips.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "error.hpp"
#include "model/dates.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kunde;
  std::string text(reinterpret_cast<const char*>(data), size);
  auto check = [](const std::string& date) {
    if (date.size() < 10) std::abort();
    if (model::parse_date(date) != date) std::abort();
    std::string day = date.substr(0, 10);
    if (model::add_days(model::add_days(day, 400), -400) != day) std::abort();
  };
  for (const char* format : {"", "%d.%m.%Y", "%m/%d/%Y %H:%M", "%Y%m%d"}) {
    try {
      check(model::parse_date(text, format));
    } catch (const Error&) {
    }
  }
  try {
    check(model::parse_date_relative(text, "2026-11-23"));
  } catch (const Error&) {
  }
  try {
    int days = model::parse_days(text);
    if (days < 0) std::abort();
  } catch (const Error&) {
  }
  return 0;
}
