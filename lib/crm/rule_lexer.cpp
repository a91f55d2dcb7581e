// The rule lexer. Words run until a space or a character with a meaning of its own, so
// values such as gmail.com, -30d, 2026-01-01 and Bjørn need no quotes.
#include "crm/rule_lexer.hpp"

#include <fmt/format.h>

#include "crm/rule_error.hpp"
#include "text/utf8.hpp"

namespace kunde::crm {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_control(char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }
bool is_special(char c) {
  switch (c) {
    case '(': case ')': case ',': case '\'': case '"': case '=': case '!': case '<': case '>': case '~':
      return true;
    default:
      return false;
  }
}
bool is_word_char(char c) { return !is_space(c) && !is_control(c) && !is_special(c); }

}  // namespace

bool is_rule_keyword(std::string_view word) {
  std::string w = text::to_lower_ascii(word);
  for (const char* k : {"and", "or", "not", "in", "is", "null", "true", "false"})
    if (w == k) return true;
  return false;
}

bool is_plain_word(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text)
    if (!is_word_char(c)) return false;
  return true;
}

std::vector<RuleToken> lex_rule(std::string_view rule) {
  if (auto bad = text::find_invalid_utf8(rule); bad != std::string_view::npos) {
    throw_rule_error(rule, bad, "the rule is not valid UTF-8", "check the encoding of the terminal or file it came from");
  }
  std::vector<RuleToken> out;
  std::size_t i = 0;
  auto add = [&](RuleToken::Type type, std::string text, std::size_t at, std::size_t length) {
    out.push_back({type, std::move(text), at, length});
  };
  while (i < rule.size()) {
    char c = rule[i];
    std::size_t at = i;
    if (is_space(c)) {
      ++i;
    } else if (is_control(c)) {
      throw_rule_error(rule, at, fmt::format("control character U+{:04X} in the rule", static_cast<int>(c)),
                       "remove it; write text with special characters in quotes");
    } else if (c == '(' || c == ')' || c == ',') {
      add(c == '(' ? RuleToken::Type::open : c == ')' ? RuleToken::Type::close : RuleToken::Type::comma,
          std::string(1, c), at, 1);
      ++i;
    } else if (c == '\'' || c == '"') {
      // A doubled quote stands for one; nothing else is an escape.
      std::string text;
      ++i;
      for (;;) {
        if (i >= rule.size()) {
          throw_rule_error(rule, at, "unterminated string",
                           fmt::format("close it with {0}; write a {0} inside as {0}{0}", c));
        }
        if (rule[i] == c) {
          if (i + 1 < rule.size() && rule[i + 1] == c) {
            text += c;
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (is_control(rule[i]) && rule[i] != '\t' && rule[i] != '\n' && rule[i] != '\r') {
          throw_rule_error(rule, i, fmt::format("control character U+{:04X} in a string", static_cast<int>(rule[i])),
                           "remove it");
        }
        text += rule[i++];
      }
      add(RuleToken::Type::string, std::move(text), at, i - at);
    } else if (c == '=' || c == '<' || c == '>' || c == '!' || c == '~') {
      char n = i + 1 < rule.size() ? rule[i + 1] : '\0';
      std::size_t length = 1;
      const char* op = nullptr;
      switch (c) {
        case '=': length = n == '=' ? 2 : 1, op = "="; break;
        case '<': length = n == '=' || n == '>' ? 2 : 1, op = n == '=' ? "<=" : n == '>' ? "!=" : "<"; break;
        case '>': length = n == '=' ? 2 : 1, op = n == '=' ? ">=" : ">"; break;
        case '~': op = "~"; break;
        default:
          if (n != '=') throw_rule_error(rule, at, "expected '=' after '!'", "write != for 'not equal', or not before a condition");
          length = 2, op = "!=";
      }
      i += length;
      add(RuleToken::Type::op, op, at, length);
    } else {
      while (i < rule.size() && is_word_char(rule[i])) ++i;
      add(RuleToken::Type::word, std::string(rule.substr(at, i - at)), at, i - at);
    }
  }
  add(RuleToken::Type::end, {}, rule.size(), 0);
  return out;
}

}  // namespace kunde::crm
