// What the core needs of stored segments: named groups of customers, dynamic (a rule decides
// the members, recomputed by a refresh) or static (members added and removed by hand), and
// the record of who entered and who left, when, and by which refresh. Evaluating a rule is
// the store's job: it renders the rule tree (model/rule_tree.hpp) as a query in its own
// dialect, with every value of the rule bound, never pasted.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/rule_tree.hpp"

namespace kunde::store {

struct Segment {
  std::int64_t id = 0;
  std::string name;
  bool dynamic = false;
  std::string rule;  // normalised rule text of a dynamic segment; empty for a static one
  std::string created_at;
  std::optional<std::string> refreshed_at;  // the last time its members changed or were recomputed
  std::int64_t members = 0;
};

// A rule as the store evaluates it: relative dates (-30d) and day counts (recency_days)
// count from `today` ('YYYY-MM-DD').
struct RuleQuery {
  const model::RuleNode& rule;
  std::string today;
};

// One change of a segment's members: a refresh, its creation, a new rule, or members added
// or removed by hand.
struct MembershipChange {
  std::int64_t refresh_id = 0;  // 0 when nothing was recorded
  std::int64_t members = 0;     // members afterwards
  std::int64_t entered = 0, left = 0;
};

// A customer who entered or left a segment.
struct SegmentEvent {
  std::int64_t refresh_id = 0;
  std::string at;
  std::string cause;  // refresh, create, rule, add or remove
  std::int64_t customer_id = 0;
  std::optional<std::string> number;  // the customer's number and name now
  std::string name;
  bool entered = false;
};

struct SegmentEventFilter {
  std::optional<std::string> since;  // at or after this day or time
  std::optional<bool> entered;       // only entries (true) or only departures (false)
};

class Segments {
 public:
  virtual ~Segments() = default;

  // Every segment, by name, with its member count.
  virtual std::vector<Segment> list() = 0;
  virtual std::optional<Segment> find(std::string_view name) = 0;

  // These belong to the open Write (one history entry each command), and undo reverts them:
  // a segment's definition and a static segment's members. A dynamic segment's members are
  // derived from its rule like statistics, so history leaves them out: after an undo they
  // follow at the next refresh.
  //
  // A new segment (name, dynamic, rule, created_at of `s`); its id.
  virtual std::int64_t create(const Segment& s) = 0;
  // A new rule for a dynamic segment.
  virtual void set_rule(std::int64_t id, const std::string& rule) = 0;
  // Deletes the segment, its members and its record.
  virtual void drop(std::int64_t id) = 0;
  // Adds customers to, or removes them from, a static segment, recording who entered or
  // left at `at` (cause "add" or "remove") when anyone did.
  virtual MembershipChange add_members(std::int64_t id, std::span<const std::int64_t> customers, const std::string& at) = 0;
  virtual MembershipChange remove_members(std::int64_t id, std::span<const std::int64_t> customers,
                                          const std::string& at) = 0;

  // Recomputes a dynamic segment's members from its rule and records who entered and who
  // left at `at`, under `cause` (refresh, create, rule): in the open write when there is
  // one, else in a transaction of its own that is no history entry. A refresh that changes
  // nothing is recorded too, so the segment shows when it was last computed.
  virtual MembershipChange refresh(std::int64_t id, const RuleQuery& query, const std::string& at,
                                   const std::string& cause) = 0;
  // How many customers the rule selects now (nothing is stored).
  virtual std::int64_t count_matching(const RuleQuery& query) = 0;

  // The ids of the members, ascending.
  virtual std::vector<std::int64_t> member_ids(std::int64_t id) = 0;
  // Who entered and left, oldest first.
  virtual void events(std::int64_t id, const SegmentEventFilter& filter,
                      const std::function<void(const SegmentEvent&)>& each) = 0;
};

}  // namespace kunde::store
