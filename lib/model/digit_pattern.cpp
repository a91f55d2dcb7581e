// A small backtracking matcher: the pattern is parsed to a tree, compiled to instructions
// (counted repetition unrolled into nested optional copies, which keeps ICU's greedy order
// of preference), and run depth-first with the alternatives on a stack. Each (instruction,
// position) state is explored at most once: the program has no loops, so a state that
// failed once fails again, whatever the groups hold, and matching stays linear.
#include "model/digit_pattern.hpp"

#include <memory>
#include <string>

namespace kunde::model {

std::string_view DigitMatch::group(std::string_view digits, int n) const {
  int start = captures[static_cast<std::size_t>(2 * n)], end = captures[static_cast<std::size_t>(2 * n + 1)];
  if (start < 0 || end < start) return {};
  return digits.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start));
}

namespace {

struct Node {
  enum class Kind { digits, end, concat, alternation, group, repeat } kind = Kind::concat;
  std::uint16_t digits = 0;
  int capture = -1;  // group: its number, or -1 for (?:...)
  int min = 1, max = 1;
  std::vector<std::unique_ptr<Node>> children;
};

std::unique_ptr<Node> node(Node::Kind kind) {
  auto n = std::make_unique<Node>();
  n->kind = kind;
  return n;
}

struct Unsupported {};

// Recursive descent over the pattern; throws Unsupported for syntax outside the subset.
class Parser {
 public:
  explicit Parser(std::string_view p) : p_(p) {}

  std::unique_ptr<Node> parse() {
    auto node = alternation();
    if (i_ != p_.size()) throw Unsupported{};
    return node;
  }
  int groups() const { return groups_; }

 private:
  std::unique_ptr<Node> alternation() {
    auto first = concat();
    if (!at('|')) return first;
    auto alt = node(Node::Kind::alternation);
    alt->children.push_back(std::move(first));
    while (at('|')) {
      ++i_;
      alt->children.push_back(concat());
    }
    return alt;
  }

  std::unique_ptr<Node> concat() {
    auto seq = node(Node::Kind::concat);
    while (i_ < p_.size() && !at('|') && !at(')')) seq->children.push_back(repeat());
    return seq;
  }

  std::unique_ptr<Node> repeat() {
    auto atom = this->atom();
    if (at('?')) {
      ++i_;
      atom = repeated(std::move(atom), 0, 1);
    } else if (at('{')) {
      ++i_;
      int min = number();
      int max = min;
      if (at(',')) {
        ++i_;
        max = number();  // {n,} (unbounded) is not used by the metadata
      }
      expect('}');
      if (max < min || max > 40) throw Unsupported{};
      atom = repeated(std::move(atom), min, max);
    }
    // Lazy or possessive quantifiers, *, + and stacked quantifiers are not used.
    if (at('?') || at('*') || at('+') || at('{')) throw Unsupported{};
    return atom;
  }

  std::unique_ptr<Node> atom() {
    if (i_ >= p_.size()) throw Unsupported{};
    char c = p_[i_++];
    if (c >= '0' && c <= '9') return digits(static_cast<std::uint16_t>(1u << (c - '0')));
    if (c == '\\') {
      if (!at('d')) throw Unsupported{};
      ++i_;
      return digits(0x3FF);
    }
    if (c == '[') return digit_class();
    if (c == '$') return node(Node::Kind::end);
    if (c == '(') {
      auto group = node(Node::Kind::group);
      if (at('?')) {
        if (i_ + 1 >= p_.size() || p_[i_ + 1] != ':') throw Unsupported{};
        i_ += 2;
      } else {
        group->capture = ++groups_;
        if (groups_ > DigitMatch::kMaxGroups) throw Unsupported{};
      }
      group->children.push_back(alternation());
      expect(')');
      return group;
    }
    throw Unsupported{};
  }

  std::unique_ptr<Node> digit_class() {
    std::uint16_t mask = 0;
    if (at('^') || at(']')) throw Unsupported{};
    while (!at(']')) {
      if (i_ >= p_.size()) throw Unsupported{};
      char c = p_[i_++];
      if (c == '\\') {
        if (!at('d')) throw Unsupported{};
        ++i_;
        mask |= 0x3FF;
        continue;
      }
      if (c < '0' || c > '9') throw Unsupported{};
      char last = c;
      if (at('-') && i_ + 1 < p_.size() && p_[i_ + 1] != ']') {
        last = p_[i_ + 1];
        if (last < c || last > '9') throw Unsupported{};
        i_ += 2;
      }
      for (char d = c; d <= last; ++d) mask |= static_cast<std::uint16_t>(1u << (d - '0'));
    }
    ++i_;
    return digits(mask);
  }

  static std::unique_ptr<Node> digits(std::uint16_t mask) {
    auto n = node(Node::Kind::digits);
    n->digits = mask;
    return n;
  }
  static std::unique_ptr<Node> repeated(std::unique_ptr<Node> child, int min, int max) {
    auto n = node(Node::Kind::repeat);
    n->min = min;
    n->max = max;
    n->children.push_back(std::move(child));
    return n;
  }
  int number() {
    int n = 0;
    std::size_t start = i_;
    while (i_ < p_.size() && p_[i_] >= '0' && p_[i_] <= '9' && i_ - start < 3) n = n * 10 + (p_[i_++] - '0');
    if (i_ == start) throw Unsupported{};
    return n;
  }
  bool at(char c) const { return i_ < p_.size() && p_[i_] == c; }
  void expect(char c) {
    if (!at(c)) throw Unsupported{};
    ++i_;
  }

  std::string_view p_;
  std::size_t i_ = 0;
  int groups_ = 0;
};

}  // namespace

class DigitPattern::Compiler {
 public:
  explicit Compiler(std::vector<Inst>& program) : program_(program) {}

  void emit(const Node& n) {
    switch (n.kind) {
      case Node::Kind::digits: add({Op::digit, n.digits, 0, 0}); break;
      case Node::Kind::end: add({Op::end, 0, 0, 0}); break;
      case Node::Kind::concat:
        for (const auto& c : n.children) emit(*c);
        break;
      case Node::Kind::alternation: {
        std::vector<std::size_t> exits;
        for (std::size_t k = 0; k < n.children.size(); ++k) {
          std::size_t split = 0;
          if (k + 1 < n.children.size()) split = add({Op::split, 0, here() + 1, 0});
          emit(*n.children[k]);
          if (k + 1 < n.children.size()) {
            exits.push_back(add({Op::jump, 0, 0, 0}));
            program_[split].y = here();
          }
        }
        for (auto e : exits) program_[e].x = here();
        break;
      }
      case Node::Kind::group:
        if (n.capture >= 0) add({Op::save, 0, 2 * n.capture, 0});
        emit(*n.children[0]);
        if (n.capture >= 0) add({Op::save, 0, 2 * n.capture + 1, 0});
        break;
      case Node::Kind::repeat: {
        for (int k = 0; k < n.min; ++k) emit(*n.children[0]);
        // x{0,2} as (?:x(?:x)?)?: each further copy is tried before giving up the ones before.
        std::vector<std::size_t> splits;
        for (int k = n.min; k < n.max; ++k) {
          splits.push_back(add({Op::split, 0, here() + 1, 0}));
          emit(*n.children[0]);
        }
        for (auto s : splits) program_[s].y = here();
        break;
      }
    }
  }
  std::size_t add(Inst inst) {
    program_.push_back(inst);
    return program_.size() - 1;
  }

 private:
  std::int32_t here() const { return static_cast<std::int32_t>(program_.size()); }
  std::vector<Inst>& program_;
};

DigitPattern::DigitPattern(std::string_view pattern) : empty_(pattern.empty()) {
  try {
    Parser parser(pattern);
    auto tree = parser.parse();
    Compiler compiler(program_);
    compiler.emit(*tree);
    compiler.add({Op::match, 0, 0, 0});
    groups_ = parser.groups();
    supported_ = program_.size() < 30000;
  } catch (const Unsupported&) {
    program_.clear();
    supported_ = false;
  }
}

bool DigitPattern::full_match(std::string_view digits) const { return run(digits, true, nullptr); }

std::optional<DigitMatch> DigitPattern::looking_at(std::string_view digits) const {
  DigitMatch m;
  if (!run(digits, false, &m)) return std::nullopt;
  return m;
}

bool DigitPattern::run(std::string_view s, bool whole, DigitMatch* out) const {
  if (!supported_) return false;
  const std::size_t width = s.size() + 1;
  // Explored states, one bit per (instruction, position).
  thread_local std::vector<std::uint64_t> seen;
  seen.assign((program_.size() * width + 63) / 64, 0);
  std::array<int, 2 * (DigitMatch::kMaxGroups + 1)> caps;
  caps.fill(-1);

  // Alternatives still to try; a restore entry (pc < 0) puts back a group boundary.
  struct Entry {
    std::int32_t pc;
    std::int32_t sp;
  };
  thread_local std::vector<Entry> stack;
  stack.clear();
  stack.push_back({0, 0});
  while (!stack.empty()) {
    Entry e = stack.back();
    stack.pop_back();
    if (e.pc < 0) {
      caps[static_cast<std::size_t>(-e.pc - 1) >> 16] = e.sp;
      continue;
    }
    std::int32_t pc = e.pc;
    std::size_t sp = static_cast<std::size_t>(e.sp);
    for (;;) {
      std::size_t state = static_cast<std::size_t>(pc) * width + sp;
      if (seen[state / 64] & (std::uint64_t{1} << (state % 64))) break;
      seen[state / 64] |= std::uint64_t{1} << (state % 64);
      const Inst& in = program_[static_cast<std::size_t>(pc)];
      if (in.op == Op::digit) {
        if (sp < s.size() && s[sp] >= '0' && s[sp] <= '9' && (in.digits >> (s[sp] - '0') & 1)) {
          ++pc, ++sp;
          continue;
        }
        break;
      }
      if (in.op == Op::end) {
        if (sp != s.size()) break;
        ++pc;
        continue;
      }
      if (in.op == Op::split) {
        stack.push_back({in.y, static_cast<std::int32_t>(sp)});
        pc = in.x;
      } else if (in.op == Op::jump) {
        pc = in.x;
      } else if (in.op == Op::save) {
        auto slot = static_cast<std::size_t>(in.x);
        // The slot goes in the high bits so one entry holds slot and old value.
        stack.push_back({-static_cast<std::int32_t>((slot << 16) + 1), caps[slot]});
        caps[slot] = static_cast<int>(sp);
        ++pc;
      } else {  // match
        if (whole && sp != s.size()) break;
        if (out) {
          out->end = sp;
          out->captures = caps;
          out->captures[0] = 0;
          out->captures[1] = static_cast<int>(sp);
        }
        return true;
      }
    }
  }
  return false;
}

}  // namespace kunde::model
