// The steps of libphonenumber's PhoneNumberUtil::Parse (ParseHelper and the functions it
// calls) and of IsPossibleNumber, for text whose number part holds only digits, separators
// and a leading '+': then extracting the number, its viability check and the extension
// search come down to simple character tests, and what is left is what the plans hold.
// The unit tests compare every result with libphonenumber's own on many generated numbers.
#include "model/phone_direct.hpp"

#include <optional>

#include "model/phone_plans.hpp"

namespace kunde::model {
namespace {

constexpr std::size_t kMinLengthForNsn = 2, kMaxLengthForNsn = 17, kMaxLengthCountryCode = 3;

// Bytes of the separator at s[i], or 0: characters libphonenumber counts as punctuation,
// which no extension or second-number pattern can use. '~', 'x' and the like can and are
// left to libphonenumber.
std::size_t separator_at(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0; };
  switch (byte(i)) {
    case ' ': case '-': case '.': case '/': case '(': case ')': case '[': case ']': return 1;
    case 0xC2: return byte(i + 1) == 0xA0 ? 2 : 0;  // no-break space
    case 0xE2:  // hyphens and dashes U+2010..U+2015, minus sign U+2212
      if (byte(i + 1) == 0x80 && byte(i + 2) >= 0x90 && byte(i + 2) <= 0x95) return 3;
      if (byte(i + 1) == 0x88 && byte(i + 2) == 0x92) return 3;
      return 0;
    default: return 0;
  }
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// libphonenumber's IsMatch: a full match of the national number pattern ("" matches nothing).
bool matches_plan(const CompiledPlan& p, std::string_view national) {
  return !p.national_number.empty() && p.national_number.full_match(national);
}

// Expands a transform rule ("9$1") with the groups of `m`, as ICU's appendReplacement does;
// nullopt for anything but digits and $n of an existing group.
std::optional<std::string> expand(std::string_view rule, const DigitMatch& m, int groups, std::string_view digits) {
  std::string out;
  for (std::size_t i = 0; i < rule.size(); ++i) {
    if (rule[i] != '$') {
      if (rule[i] == '\\') return std::nullopt;
      out += rule[i];
      continue;
    }
    // ICU reads as many digits as the largest group number has: one, with under ten groups.
    if (i + 1 >= rule.size() || !is_digit(rule[i + 1])) return std::nullopt;
    int n = rule[++i] - '0';
    if (n > groups) return std::nullopt;
    out += m.group(digits, n);
  }
  return out;
}

// MaybeStripNationalPrefixAndCarrierCode: removes the trunk prefix (and a carrier code), or
// rewrites it by the transform rule, unless that spoils a number that fitted the plan.
// False when the rule is one this reading does not follow.
bool strip_national_prefix(const CompiledPlan& p, std::string& number) {
  if (number.empty() || p.national_prefix.empty()) return true;
  bool viable = matches_plan(p, number);
  auto m = p.national_prefix.looking_at(number);
  if (!m) return true;
  int groups = p.national_prefix.groups();
  std::string_view rule = p.plan->national_prefix_transform_rule;
  if (!rule.empty() && groups >= 1 && !m->group(number, groups >= 2 ? 2 : 1).empty()) {
    auto head = expand(rule, *m, groups, number);
    if (!head) return false;
    std::string transformed = *head + number.substr(m->end);
    if (viable && !matches_plan(p, transformed)) return true;
    number = std::move(transformed);
    return true;
  }
  std::string stripped = number.substr(m->end);
  if (viable && !matches_plan(p, stripped)) return true;
  number = std::move(stripped);
  return true;
}

enum class Extract { ok, too_short_after_idd, invalid_country_code, other_form };

// ExtractCountryCode: the calling code the digits start with, removed from them; 0 if none.
int take_calling_code(std::string& number) {
  if (number.empty() || number[0] == '0') return 0;
  int code = 0;
  for (std::size_t i = 1; i <= kMaxLengthCountryCode && i <= number.size(); ++i) {
    code = code * 10 + (number[i - 1] - '0');
    if (plan_for_calling_code(code)) {
      number.erase(0, i);
      return code;
    }
  }
  return 0;
}

// MaybeExtractCountryCode on the digits of the number; `code` stays 0 when the number is
// national.
Extract extract_country_code(const CompiledPlan* home, bool plus, const std::string& digits, std::string& national,
                             int& code) {
  std::string number = digits;
  bool international = plus;
  if (!plus && home) {
    if (auto m = home->international_prefix.looking_at(number)) {
      // Not when a 0 follows: calling codes never start with one.
      if (m->end >= number.size() || number[m->end] != '0') {
        number.erase(0, m->end);
        international = true;
      }
    }
  }
  if (international) {
    if (number.size() <= kMinLengthForNsn) return Extract::too_short_after_idd;
    code = take_calling_code(number);
    if (code == 0) return Extract::invalid_country_code;
    national = number;
    return Extract::ok;
  }
  if (home) {
    // The region's own calling code written without '+' or 00: taken as one when the number
    // only fits the plan without it, or is too long with it.
    std::string own = std::to_string(home->plan->country_code);
    if (number.compare(0, own.size(), own) == 0) {
      std::string rest = number.substr(own.size());
      if (!strip_national_prefix(*home, rest)) return Extract::other_form;
      if ((!matches_plan(*home, number) && matches_plan(*home, rest)) ||
          test_length(number, *home->plan) == LengthFit::too_long) {
        national = rest;
        code = home->plan->country_code;
        return Extract::ok;
      }
    }
  }
  code = 0;
  national = number;
  return Extract::ok;
}

}  // namespace

DirectReading read_directly(std::string_view text, std::string_view region) {
  DirectReading out;
  // Text of ASCII with fewer than two digits ("n/a", "ask reception") can never be viable,
  // however libphonenumber takes it apart (not even as an RFC 3966 URI).
  std::size_t ascii_digits = 0;
  bool ascii = true;
  for (char c : text) {
    ascii_digits += is_digit(c);
    ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  }
  if (ascii && ascii_digits < 2) {
    out.kind = DirectReading::Kind::not_a_number;
    return out;
  }
  // ExtractPossibleNumber: the number starts at the first digit or '+'. Anything printable
  // may come before it ("Tel. "), except ';', which could make it an RFC 3966 URI.
  std::size_t start = 0;
  while (start < text.size() && !is_digit(text[start]) && text[start] != '+') {
    std::size_t sep = separator_at(text, start);
    char c = text[start];
    if (sep == 0 && (c < 0x21 || c > 0x7E || c == ';')) return out;
    start += sep ? sep : 1;
  }
  bool plus = false;
  while (start < text.size() && text[start] == '+') {
    plus = true;
    ++start;
  }
  std::string digits;
  for (std::size_t i = start; i < text.size();) {
    if (is_digit(text[i])) {
      digits += text[i++];
    } else if (std::size_t sep = separator_at(text, i)) {
      i += sep;
    } else {
      return out;  // letters, an extension, a second '+', ...: libphonenumber's to read
    }
  }
  // IsViablePhoneNumber: three digits at least (exactly two is viable too, but rare enough
  // to leave to libphonenumber, as are runs of digits too long for any number).
  if (digits.size() < 3 || digits.size() > 40) return out;

  const CompiledPlan* home = plan_for_region(region);
  if (home && !home->supported) return out;
  out.kind = DirectReading::Kind::not_a_number;
  if (!home && !plus) return out;  // no region to read a national number in

  std::string national;
  int code = 0;
  Extract e = extract_country_code(home, plus, digits, national, code);
  if (e == Extract::invalid_country_code && plus) {
    // A '+' before an international prefix ("+0047 ..."): read again without it.
    code = 0;
    e = extract_country_code(home, false, digits, national, code);
    if (e == Extract::other_form) return DirectReading{};
    if (code == 0) return out;
  } else if (e == Extract::other_form) {
    return DirectReading{};
  } else if (e != Extract::ok) {
    return out;
  }

  const CompiledPlan* plan = code ? plan_for_calling_code(code) : home;
  if (!plan || !plan->supported) return DirectReading{};
  if (code == 0) code = home->plan->country_code;
  if (national.size() < kMinLengthForNsn) return out;
  std::string without_prefix = national;
  if (!strip_national_prefix(*plan, without_prefix)) return DirectReading{};
  LengthFit fit = test_length(without_prefix, *plan->plan);
  if (fit != LengthFit::too_short && fit != LengthFit::local_only && fit != LengthFit::invalid) {
    national = std::move(without_prefix);
  }
  if (national.size() < kMinLengthForNsn || national.size() > kMaxLengthForNsn) return out;

  // IsPossibleNumber, by the plan of the calling code's main region. The national number
  // keeps its leading zeros, as libphonenumber's "Italian leading zero" does.
  const CompiledPlan* main = plan_for_calling_code(code);
  if (!main) return out;
  fit = test_length(national, *main->plan);
  if (fit != LengthFit::possible && fit != LengthFit::local_only) return out;
  out.kind = DirectReading::Kind::normalised;
  out.e164 = "+" + std::to_string(code) + national;
  return out;
}

}  // namespace kunde::model
