// UTF-8 validation, display width and search folding.
#include "text/utf8.hpp"

#include <array>
#include <cstdint>

namespace kunde::text {
namespace {

// Decodes one code point at s[i], advancing i; returns -1 for an invalid sequence.
std::int32_t decode(std::string_view s, std::size_t& i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) {
    ++i;
    return c;
  }
  int len = 0;
  std::int32_t cp = 0;
  std::int32_t min = 0;
  if ((c & 0xE0) == 0xC0) {
    len = 2, cp = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, cp = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, cp = c & 0x07, min = 0x10000;
  } else {
    return -1;
  }
  if (i + len > s.size()) return -1;
  for (int k = 1; k < len; ++k) {
    unsigned char cc = byte(i + k);
    if ((cc & 0xC0) != 0x80) return -1;
    cp = (cp << 6) | (cc & 0x3F);
  }
  // Overlong forms, surrogates and values past Unicode are not UTF-8.
  if (cp < min || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return -1;
  i += len;
  return cp;
}

void encode(std::int32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_combining(std::int32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
         (cp >= 0xFE20 && cp <= 0xFE2F) || cp == 0x200B || cp == 0x200D || cp == 0xFEFF;
}

bool is_wide(std::int32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
         (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

// Latin-1 Supplement U+00C0..U+00FF folded to ASCII; empty means "keep as is".
constexpr std::array<const char*, 64> kLatin1Fold = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y"};

// Latin Extended-A U+0100..U+017F, by ranges of the same base letter.
struct FoldRange {
  std::int32_t first, last;
  const char* ascii;
};
constexpr std::array<FoldRange, 24> kExtendedAFold = {{
    {0x100, 0x105, "a"},  {0x106, 0x10D, "c"}, {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"},
    {0x11C, 0x123, "g"},  {0x124, 0x127, "h"}, {0x128, 0x131, "i"}, {0x132, 0x133, "ij"},
    {0x134, 0x135, "j"},  {0x136, 0x138, "k"}, {0x139, 0x142, "l"}, {0x143, 0x14B, "n"},
    {0x14C, 0x151, "o"},  {0x152, 0x153, "oe"}, {0x154, 0x159, "r"}, {0x15A, 0x161, "s"},
    {0x162, 0x167, "t"},  {0x168, 0x173, "u"}, {0x174, 0x175, "w"}, {0x176, 0x178, "y"},
    {0x179, 0x17E, "z"},  {0x17F, 0x17F, "s"}, {0x218, 0x219, "s"}, {0x21A, 0x21B, "t"},
}};

}  // namespace

std::size_t find_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t at = i;
    if (decode(s, i) < 0) return at;
  }
  return std::string_view::npos;
}

std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    std::int32_t cp = decode(s, i);
    if (cp < 0) {
      ++i;
      ++width;
    } else if (cp >= 0x20 && !is_combining(cp)) {
      width += is_wide(cp) ? 2 : 1;
    }
  }
  return width;
}

std::string truncate_to_width(std::string_view s, std::size_t width) {
  if (display_width(s) <= width) return std::string(s);
  if (width == 0) return {};
  std::string out;
  std::size_t used = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t start = i;
    std::int32_t cp = decode(s, i);
    if (cp < 0) {
      i = start + 1;
      continue;
    }
    std::size_t w = (cp < 0x20 || is_combining(cp)) ? 0 : (is_wide(cp) ? 2 : 1);
    if (used + w > width - 1) break;
    out.append(s.substr(start, i - start));
    used += w;
  }
  return out + "\u2026";
}

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    std::int32_t cp = decode(s, i);
    if (cp < 0) {
      ++i;
      continue;
    }
    if (cp < 0x80) {
      out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
    } else if (is_combining(cp)) {
      // Decomposed input (e + U+0301) folds like its composed form.
    } else if (cp >= 0xC0 && cp <= 0xFF && *kLatin1Fold[cp - 0xC0]) {
      out += kLatin1Fold[cp - 0xC0];
    } else {
      bool folded = false;
      for (const auto& r : kExtendedAFold) {
        if (cp >= r.first && cp <= r.last) {
          out += r.ascii;
          folded = true;
          break;
        }
      }
      if (!folded) encode(cp, out);
    }
  }
  return out;
}

namespace {

// ' ’ ` ´: written between the letters of one word. (ʼ, U+02BC, is a letter to the indexes.)
bool is_apostrophe(std::int32_t cp) { return cp == '\'' || cp == 0x2019 || cp == '`' || cp == 0xB4; }

// Letters and digits as far as joining words goes: ASCII ones, and anything past ASCII but
// the apostrophes, spaces and punctuation of Latin-1 and the General Punctuation block.
bool is_word_char(std::int32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  return !(cp >= 0xA0 && cp <= 0xBF) && !(cp >= 0x2000 && cp <= 0x206F) && cp != 0xD7 && cp != 0xF7 && cp != 0x3000;
}

}  // namespace

std::string fold_for_search(std::string_view s) {
  std::string out = fold(s);
  // Most text has no apostrophe: only a byte of one (', `, or the last of ´ and ’) asks for
  // a closer look.
  if (out.find_first_of("'`\xB4\x99") == std::string::npos) return out;
  std::string joined, extra;
  bool inside = false;  // an apostrophe was crossed in the current word
  std::size_t i = 0;
  auto end_word = [&] {
    if (inside) (extra += ' ') += joined;
    joined.clear();
    inside = false;
  };
  const std::string_view folded = out;
  while (i < folded.size()) {
    const std::size_t at = i;
    std::int32_t cp = decode(folded, i);
    if (cp < 0) {
      ++i;
      end_word();
    } else if (is_word_char(cp)) {
      joined.append(folded.substr(at, i - at));
    } else if (is_apostrophe(cp) && !joined.empty()) {
      std::size_t next = i;
      if (next < folded.size() && is_word_char(decode(folded, next))) {
        inside = true;
      } else {
        end_word();
      }
    } else {
      end_word();
    }
  }
  end_word();
  return out + extra;
}

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

std::string_view trim(std::string_view s) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace kunde::text
