// Errors in segment rules: where in the rule text they are, and that place shown with a caret
// under it, as the SQLite shell shows a bad token.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "error.hpp"

namespace kunde::crm {

// what() reads "rule:1:12: unknown field 'p_alve'"; the hint says what to do; excerpt() is
// the line of the rule with a caret under the bad token, for the command line to print:
//     p_alve < 0.5 and clv > 2000
//     ^--- here
class RuleError : public UsageError {
 public:
  RuleError(std::string message, std::string hint, int line, int column, std::string excerpt)
      : UsageError(std::move(message), std::move(hint)), line_(line), column_(column), excerpt_(std::move(excerpt)) {}
  int line() const { return line_; }
  int column() const { return column_; }  // in characters, from 1
  const std::string& excerpt() const { return excerpt_; }

 private:
  int line_;
  int column_;
  std::string excerpt_;
};

// Line and column (in characters, both from 1) of byte `offset` of `rule`.
std::pair<int, int> rule_position(std::string_view rule, std::size_t offset);

// The error for the token at byte `offset` of `rule`.
[[noreturn]] void throw_rule_error(std::string_view rule, std::size_t offset, std::string_view message,
                                   std::string hint = {});

}  // namespace kunde::crm
