// Local time for history entries and defaults.
#include "clock.hpp"

#include <cstdlib>
#include <ctime>

namespace kunde {

std::string now_local() {
  if (const char* pinned = std::getenv("KUNDE_NOW"); pinned && *pinned) return pinned;
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
}

std::string today_local() { return now_local().substr(0, 10); }

}  // namespace kunde
