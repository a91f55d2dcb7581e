// Segments: named groups of customers. A dynamic segment has a rule (segment_rule.hpp over
// customer_rule_fields()) that decides its members each time it is refreshed, recording who
// entered and who left; a static segment's members are added and removed by hand.
//
// Writes to a segment's definition and a static segment's members are history entries that
// `kunde undo` reverts. Refreshing is not: a dynamic segment's members follow from its rule
// and the data, like the statistics, and an undo of its creation or of a new rule leaves
// them to the next refresh. A segment another segment's rule refers to cannot be dropped,
// and no rule may refer to its own segment, directly or through others.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/session.hpp"
#include "model/rule_tree.hpp"
#include "store/segments.hpp"

namespace kunde::crm {

using store::MembershipChange;
using store::Segment;
using store::SegmentEvent;
using store::SegmentEventFilter;

// Parses a rule over the customer fields (money in the store's decimals) and checks that the
// segments it names exist. Throws crm::RuleError (a UsageError) pointing at the mistake.
model::RuleNode parse_customer_rule(Session& s, std::string_view rule);

// Every segment by name, with member counts.
std::vector<Segment> list_segments(Session& s);
// The segment of that name; a usage error suggesting the closest name otherwise.
Segment find_segment(Session& s, std::string_view name);

// A segment with what its rule refers to and what refers to it.
struct SegmentDetails {
  Segment segment;
  std::vector<std::string> refers_to;  // segments its rule names
  std::vector<std::string> used_by;    // segments whose rules name it
};
SegmentDetails segment_details(Session& s, std::string_view name);

struct SegmentCreated {
  Segment segment;
  MembershipChange change;  // the first computation of a dynamic segment's members
  bool replaced = false;    // an existing dynamic segment got the new rule
};
// Creates a dynamic segment (with a rule) or a static one (without), one history entry.
// `replace`: a dynamic segment of that name gets the new rule instead, keeping its history.
SegmentCreated create_segment(Session& s, const std::string& name, const std::optional<std::string>& rule, bool replace);

// Adds customers to a static segment (created first when `create` and it does not exist),
// or removes them: one history entry.
MembershipChange add_to_segment(Session& s, const std::string& name, const std::vector<std::int64_t>& ids, bool create);
MembershipChange remove_from_segment(Session& s, const std::string& name, const std::vector<std::int64_t>& ids);

struct SegmentRefreshed {
  std::string name;
  MembershipChange change;
  std::string problem;  // why it could not be refreshed; empty when it was
};
// Recomputes the dynamic segment `name` (after the dynamic segments its rule refers to), or
// every dynamic segment, each after those it refers to. A segment whose rule no longer
// reads (it names a segment since undone) is reported, not refreshed; the others are.
std::vector<SegmentRefreshed> refresh_segments(Session& s, const std::optional<std::string>& name);

// Drops the segment with its members and record; refuses while another rule refers to it.
Segment drop_segment(Session& s, const std::string& name);

// The ids of the segment's members, ascending (as of its last refresh): for every command
// and report that takes --segment NAME. A usage error for an unknown segment.
std::vector<std::int64_t> segment_member_ids(Session& s, const std::string& name);
// The same for a report, which has nothing to say about no one: throws kunde::Error naming
// the segment when it has no members, with what would give it some.
std::vector<std::int64_t> segment_members_to_report(Session& s, const std::string& name);

// Who entered and who left the segment, oldest first.
void segment_history(Session& s, const std::string& name, const SegmentEventFilter& filter,
                     const std::function<void(const SegmentEvent&)>& each);

// Refuses names that would be awkward on a command line or in a rule.
void check_segment_name(std::string_view name);

}  // namespace kunde::crm
