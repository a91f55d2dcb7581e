// Tokens of the segment rule language: words (field names, bare values, keywords, tag:NAME,
// attr.KEY), quoted strings, parentheses, commas and comparison operators.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kunde::crm {

struct RuleToken {
  enum class Type { word, string, open, close, comma, op, end };
  Type type = Type::end;
  std::string text;         // the word as written, the string's content, or the operator (<> as !=)
  std::size_t offset = 0;   // bytes into the rule
  std::size_t length = 0;   // bytes of the rule the token spans
};

// Splits a rule into tokens, the last one `end`. Throws crm::RuleError for an unterminated
// string, a stray '!', a control character or broken UTF-8.
std::vector<RuleToken> lex_rule(std::string_view rule);

// and, or, not, in, is, null, true, false, in any case: the words that are not bare text.
bool is_rule_keyword(std::string_view word);

// True when `text` reads back as one word token: no space, quote, parenthesis, comma or
// operator character in it.
bool is_plain_word(std::string_view text);

}  // namespace kunde::crm
