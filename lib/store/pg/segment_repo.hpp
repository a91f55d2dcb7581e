// Segments in a PostgreSQL store.
#pragma once

#include "store/pg/connection.hpp"
#include "store/segments.hpp"

namespace kunde::store::pg {

class SegmentRepo final : public Segments {
 public:
  explicit SegmentRepo(Connection& db) : db_(db) {}

  std::vector<Segment> list() override;
  std::optional<Segment> find(std::string_view name) override;
  std::int64_t create(const Segment& s) override;
  void set_rule(std::int64_t id, const std::string& rule) override;
  void drop(std::int64_t id) override;
  MembershipChange add_members(std::int64_t id, std::span<const std::int64_t> customers, const std::string& at) override;
  MembershipChange remove_members(std::int64_t id, std::span<const std::int64_t> customers,
                                  const std::string& at) override;
  MembershipChange refresh(std::int64_t id, const RuleQuery& query, const std::string& at,
                           const std::string& cause) override;
  std::int64_t count_matching(const RuleQuery& query) override;
  std::vector<std::int64_t> member_ids(std::int64_t id) override;
  void events(std::int64_t id, const SegmentEventFilter& filter,
              const std::function<void(const SegmentEvent&)>& each) override;

 private:
  // Records one change of the segment's members (`entered` and `left` sorted).
  MembershipChange record(std::int64_t id, const std::string& at, const std::string& cause,
                          const std::vector<std::int64_t>& entered, const std::vector<std::int64_t>& left);
  std::int64_t member_count(std::int64_t id);
  Connection& db_;
};

}  // namespace kunde::store::pg
