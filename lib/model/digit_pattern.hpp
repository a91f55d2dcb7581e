// The regular expressions of libphonenumber's metadata (international and national prefixes,
// the pattern of a region's numbers), matched against strings of ASCII digits with the
// results ICU's backtracking engine gives libphonenumber, without loading ICU.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace kunde::model {

// What a match at the start of the input covers, and its capturing groups.
struct DigitMatch {
  static constexpr int kMaxGroups = 9;
  std::size_t end = 0;
  // Start and end of each group (index 0: the whole match); -1 when it took no part.
  std::array<int, 2 * (kMaxGroups + 1)> captures{};

  // The text group `n` captured in `digits` ("" when it took no part).
  std::string_view group(std::string_view digits, int n) const;
};

class DigitPattern {
 public:
  DigitPattern() = default;
  // Compiles `pattern`. The metadata uses digits, \d, classes of digits and ranges, groups
  // ((...) and (?:...)), |, $ (the end) and the greedy quantifiers ?, {n} and {n,m}; anything else
  // leaves the pattern unsupported (so its numbers go to libphonenumber itself).
  explicit DigitPattern(std::string_view pattern);

  bool supported() const { return supported_; }
  bool empty() const { return empty_; }
  int groups() const { return groups_; }

  // Whether all of `digits` matches (ICU's matches()).
  bool full_match(std::string_view digits) const;
  // The match ICU's lookingAt() finds at the start of `digits`: the first one in the
  // pattern's order of preference, not the longest.
  std::optional<DigitMatch> looking_at(std::string_view digits) const;

 private:
  enum class Op : std::uint8_t { digit, end, split, jump, save, match };
  struct Inst {
    Op op;
    std::uint16_t digits;  // Op::digit: bit d set when digit d matches
    std::int32_t x, y;     // split: preferred and other target; jump: target; save: slot
  };
  class Compiler;

  bool run(std::string_view digits, bool whole, DigitMatch* out) const;

  std::vector<Inst> program_;
  int groups_ = 0;
  bool supported_ = false;
  bool empty_ = true;
};

}  // namespace kunde::model
