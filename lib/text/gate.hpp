// The one check all text coming in passes, whichever way it comes (options, CSV, JSON,
// standard input): valid UTF-8 without NUL bytes. SQLite stores either without complaint,
// and neither can be shown, searched or exported faithfully afterwards.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kunde::text {

// What is wrong with the text ("is not valid UTF-8 (byte 5)", "holds a NUL byte (byte 3)"),
// or nothing. Bytes are counted from 1, as a person counts them.
std::optional<std::string> text_fault(std::string_view s);

// Whether a fault text_fault found is a NUL byte (a bad value) rather than invalid UTF-8
// (most often a file in another encoding).
bool is_nul_fault(std::string_view fault);

}  // namespace kunde::text
