// Customer sets from files and segments.
#include "customer_sets.hpp"

#include <algorithm>
#include <iterator>

#include "crm/segments.hpp"
#include "options.hpp"

namespace kunde::cmd {

std::vector<std::int64_t> customers_from(Context& ctx, const std::string& from, const std::string& segment,
                                         std::int64_t& rejected) {
  std::vector<std::int64_t> members;
  // The segment first: a misspelt name fails before standard input is read.
  if (!segment.empty()) members = crm::segment_member_ids(ctx.session(), segment);
  if (from.empty()) return members;
  auto listed = read_customer_refs(ctx, from, rejected);
  if (segment.empty()) return listed;
  std::vector<std::int64_t> both;
  std::set_intersection(listed.begin(), listed.end(), members.begin(), members.end(), std::back_inserter(both));
  return both;
}

}  // namespace kunde::cmd
