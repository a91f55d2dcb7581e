// Dates and times as kunde stores them: ISO-8601 text in the wall-clock time written in the
// source, never shifted to UTC ("2026-11-30" or "2026-11-30 14:05:00", an offset kept if given).
#pragma once

#include <string>
#include <string_view>

namespace kunde::model {

// Parses with `format` (strftime-style, e.g. "%d.%m.%Y") when given, otherwise accepts
// YYYY-MM-DD, YYYYMMDD, "YYYY-MM-DD HH:MM[:SS]", "YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]".
// Throws kunde::Error for anything else or for an impossible date such as 2026-02-30.
std::string parse_date(std::string_view text, const std::string& format = {});

// parse_date for a date read from a file: the error's hint names --date-format, which every
// import has (and other commands do not).
std::string parse_file_date(std::string_view text, const std::string& format);

// Like parse_date, and also "today", "yesterday", "tomorrow", and relative "+7d", "-2w",
// "3m" (days, weeks, months from `today`).
std::string parse_date_relative(std::string_view text, const std::string& today,
                                const std::string& format = {});

// Parses a duration such as "90d", "12w", "6m", "1y" into days (months are 30 days,
// years 365). Throws kunde::UsageError for anything else.
int parse_days(std::string_view text);

// The date `days` days after the ISO date `date` (negative goes back).
std::string add_days(const std::string& date, int days);

}  // namespace kunde::model
