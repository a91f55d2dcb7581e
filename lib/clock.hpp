// The current time as kunde stores it: local wall-clock ISO-8601 text. Tests pin it with
// KUNDE_NOW so transcripts are stable.
#pragma once

#include <string>

namespace kunde {

// "YYYY-MM-DD HH:MM:SS" in local time, or the value of KUNDE_NOW when set.
std::string now_local();
// "YYYY-MM-DD" of now_local().
std::string today_local();

}  // namespace kunde
