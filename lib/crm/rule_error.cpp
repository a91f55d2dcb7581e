// Positions and excerpts of rule errors.
#include "crm/rule_error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "text/utf8.hpp"

namespace kunde::crm {
namespace {

// Lines longer than this are shown as a window around the error.
constexpr std::size_t kExcerptChars = 72;

bool is_lead(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

// The line as printable characters, one string per character: tabs become spaces, other
// control characters and broken UTF-8 a '?', so the caret lines up below.
std::vector<std::string> printable_chars(std::string_view line) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < line.size()) {
    std::size_t n = 1;
    while (i + n < line.size() && !is_lead(line[i + n])) ++n;
    std::string_view ch = line.substr(i, n);
    unsigned char c = static_cast<unsigned char>(ch[0]);
    if (c == '\t') {
      out.emplace_back(" ");
    } else if (c < 0x20 || c == 0x7f || !text::is_valid_utf8(ch)) {
      out.emplace_back("?");
    } else {
      out.emplace_back(ch);
    }
    i += n;
  }
  return out;
}

}  // namespace

std::pair<int, int> rule_position(std::string_view rule, std::size_t offset) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < rule.size(); ++i) {
    if (rule[i] == '\n') {
      ++line, column = 1;
    } else if (is_lead(rule[i])) {
      ++column;
    }
  }
  return {line, column};
}

void throw_rule_error(std::string_view rule, std::size_t offset, std::string_view message, std::string hint) {
  offset = std::min(offset, rule.size());
  std::size_t newline = rule.substr(0, offset).rfind('\n');
  std::size_t line_start = newline == std::string_view::npos ? 0 : newline + 1;
  std::size_t line_end = std::min(rule.find('\n', offset), rule.size());
  int line = rule_position(rule, line_start).first;
  auto before = printable_chars(rule.substr(line_start, offset - line_start));
  auto after = printable_chars(rule.substr(offset, line_end - offset));
  int column = 1 + static_cast<int>(before.size());

  // A window of the line around the error, marked with "..." where it was cut.
  std::size_t keep_before = std::min(before.size(), kExcerptChars / 2);
  if (after.size() < kExcerptChars / 2) keep_before = std::min(before.size(), kExcerptChars - after.size());
  std::size_t keep_after = std::min(after.size(), kExcerptChars - keep_before);
  std::string shown = keep_before < before.size() ? "..." : "";
  for (std::size_t i = before.size() - keep_before; i < before.size(); ++i) shown += before[i];
  std::size_t caret = text::display_width(shown);
  for (std::size_t i = 0; i < keep_after; ++i) shown += after[i];
  if (keep_after < after.size()) shown += "...";
  std::string excerpt = fmt::format("  {}\n  {}^--- here", shown, std::string(caret, ' '));

  throw RuleError(fmt::format("rule:{}:{}: {}", line, column, message), std::move(hint), line, column,
                  std::move(excerpt));
}

}  // namespace kunde::crm
