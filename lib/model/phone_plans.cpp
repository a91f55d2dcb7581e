// The generated plans, looked up by region and by calling code, each compiled once (a
// customer import reads numbers on two threads).
#include "model/phone_plans.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <mutex>
#include <string_view>

namespace kunde::model {
namespace {

struct CallingCode {
  int code;
  int plan;  // index in kPlans
};

#include "phone_plans.inc"

constexpr std::size_t kPlanCount = std::size(kPlans);
// Regions come first in the table, in code order; the non-geographical entities after them.
constexpr std::size_t kRegionCount = static_cast<std::size_t>(
    std::find_if(std::begin(kPlans), std::end(kPlans),
                 [](const NumberingPlan& p) { return std::string_view(p.region) == "001"; }) -
    std::begin(kPlans));

const CompiledPlan* compiled(std::size_t index) {
  static std::array<std::once_flag, kPlanCount> once;
  static std::array<CompiledPlan, kPlanCount> plans;
  std::call_once(once[index], [index] {
    CompiledPlan& c = plans[index];
    const NumberingPlan& p = kPlans[index];
    c.plan = &p;
    c.international_prefix = DigitPattern(p.international_prefix);
    c.national_prefix = DigitPattern(p.national_prefix_for_parsing);
    c.national_number = DigitPattern(p.national_number_pattern);
    c.supported = (c.international_prefix.supported() || c.international_prefix.empty()) &&
                  (c.national_prefix.supported() || c.national_prefix.empty()) &&
                  (c.national_number.supported() || c.national_number.empty());
  });
  return &plans[index];
}

}  // namespace

const CompiledPlan* plan_for_region(std::string_view region) {
  auto first = std::begin(kPlans), last = first + static_cast<std::ptrdiff_t>(kRegionCount);
  auto it = std::lower_bound(first, last, region,
                             [](const NumberingPlan& p, std::string_view r) { return p.region < r; });
  if (it == last || it->region != region) return nullptr;
  return compiled(static_cast<std::size_t>(it - std::begin(kPlans)));
}

const CompiledPlan* plan_for_calling_code(int code) {
  auto it = std::lower_bound(std::begin(kCallingCodes), std::end(kCallingCodes), code,
                             [](const CallingCode& c, int v) { return c.code < v; });
  if (it == std::end(kCallingCodes) || it->code != code) return nullptr;
  return compiled(static_cast<std::size_t>(it->plan));
}

LengthFit test_length(std::string_view national, const NumberingPlan& plan) {
  // As libphonenumber's TestNumberLength for numbers of any type.
  if (plan.possible_lengths == 0) return LengthFit::invalid;
  std::size_t n = national.size();
  if (n < 32 && (plan.local_only_lengths >> n & 1)) return LengthFit::local_only;
  std::size_t shortest = static_cast<std::size_t>(__builtin_ctz(plan.possible_lengths));
  std::size_t longest = 31 - static_cast<std::size_t>(__builtin_clz(plan.possible_lengths));
  if (n < shortest) return LengthFit::too_short;
  if (n > longest) return LengthFit::too_long;
  return (plan.possible_lengths >> n & 1) ? LengthFit::possible : LengthFit::invalid;
}

}  // namespace kunde::model
