// libFuzzer target: the parsers for single values (amounts, dates, durations, organisation
// numbers) and the UTF-8 helpers.
#include <cstdint>
#include <string>

#include "error.hpp"
#include "model/dates.hpp"
#include "model/money.hpp"
#include "model/org_number.hpp"
#include "text/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string s(reinterpret_cast<const char*>(data), size);
  using namespace kunde;
  auto guarded = [](auto&& f) {
    try {
      f();
    } catch (const Error&) {
    }
  };
  guarded([&] { model::parse_money(s, 2); });
  guarded([&] { model::parse_money(s, 2, model::NumberFormat{true}); });
  guarded([&] { model::parse_integer(s); });
  guarded([&] { model::parse_date(s); });
  guarded([&] { model::parse_date(s, "%d.%m.%Y"); });
  guarded([&] { model::parse_date_relative(s, "2026-11-23"); });
  guarded([&] { model::parse_days(s); });
  for (const char* cc : {"NO", "SE", "DK", "FI"}) guarded([&] { model::check_org_number(s, cc); });
  text::fold(s);
  text::display_width(s);
  text::truncate_to_width(s, 10);
  text::find_invalid_utf8(s);
  return 0;
}
