// UTF-8 helpers: validation, display width for aligned tables, and the folding that makes
// searches and duplicate detection ignore case and diacritics (bjorn finds Bjørn).
#pragma once

#include <string>
#include <string_view>

namespace kunde::text {

// Byte offset of the first invalid UTF-8 sequence, or npos when the text is valid.
std::size_t find_invalid_utf8(std::string_view s);
inline bool is_valid_utf8(std::string_view s) { return find_invalid_utf8(s) == std::string_view::npos; }

// Columns the text takes in a terminal: wide East Asian characters count two, combining marks zero.
std::size_t display_width(std::string_view s);

// Cuts the text to at most `width` columns, ending in "…" when something was cut.
std::string truncate_to_width(std::string_view s, std::size_t width);

// Lower-case ASCII-free folding: lower case, diacritics removed, and the letters that do not
// decompose in Unicode spelled out (ø→o, æ→ae, ß→ss, đ→d, ł→l, þ→th).
std::string fold(std::string_view s);

// What the customer search index keeps of a text: fold(s), then each word written with an
// apostrophe inside it (O'Reilly, D’Angelo, l'Oréal) once more without it, as "oreilly",
// "dangelo", "loreal". The indexes split words at apostrophes, so without the joined form a
// search for oreilly would not find O'Reilly; o'reilly still finds it by both parts.
std::string fold_for_search(std::string_view s);

std::string to_lower_ascii(std::string_view s);
std::string_view trim(std::string_view s);

}  // namespace kunde::text
