// Segment storage on PostgreSQL, as on SQLite: a static segment's members are in
// segment_members, which history records; a dynamic segment's are in segment_matches, derived
// from its rule and left out of history, like the statistics. Every change of members is a
// row of segment_refreshes with who entered and who left in segment_history.
#include "store/pg/segment_repo.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "error.hpp"
#include "store/pg/change.hpp"
#include "store/pg/customer_rule_sql.hpp"

namespace kunde::store::pg {
namespace {

constexpr const char* kSegmentColumns =
    "g.id, g.name, g.kind, g.rule, g.created_at, "
    "(SELECT r.at FROM segment_refreshes r WHERE r.segment_id = g.id ORDER BY r.id DESC LIMIT 1), "
    "CASE g.kind WHEN 'static' THEN (SELECT count(*) FROM segment_members WHERE segment_id = g.id) "
    "ELSE (SELECT count(*) FROM segment_matches WHERE segment_id = g.id) END";

Segment read_segment(const Row& r) {
  Segment s;
  s.id = r.int64(0);
  s.name = r.text(1);
  s.dynamic = r.text_view(2) == "dynamic";
  if (!r.is_null(3)) s.rule = r.text(3);
  s.created_at = r.text(4);
  s.refreshed_at = r.opt_text(5);
  s.members = r.int64(6);
  return s;
}

std::vector<std::int64_t> read_ids(const Result& r) {
  std::vector<std::int64_t> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(r.row(i).int64(0));
  return out;
}

}  // namespace

std::vector<Segment> SegmentRepo::list() {
  Result r = db_.exec(fmt::format("SELECT {} FROM segments g ORDER BY g.name", kSegmentColumns));
  std::vector<Segment> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(read_segment(r.row(i)));
  return out;
}

std::optional<Segment> SegmentRepo::find(std::string_view name) {
  Result r = db_.exec(fmt::format("SELECT {} FROM segments g WHERE g.name = $1", kSegmentColumns), Params(name));
  if (r.rows() == 0) return std::nullopt;
  return read_segment(r.row(0));
}

std::int64_t SegmentRepo::create(const Segment& s) {
  std::optional<std::string> rule;
  if (s.dynamic) rule = s.rule;
  return db_.write()
      .insert(tables::segments, "id, name, kind, rule, created_at", "{id}, $1, $2, $3, $4",
              Params(s.name, s.dynamic ? "dynamic" : "static", rule, s.created_at))
      .id;
}

void SegmentRepo::set_rule(std::int64_t id, const std::string& rule) {
  db_.write().update(tables::segments, "rule = $1", "id = $2 AND kind = 'dynamic'", Params(rule, id));
}

void SegmentRepo::drop(std::int64_t id) {
  // Static members first (history records them); the derived rows cascade.
  auto& w = db_.write();
  w.remove(tables::segment_members, "segment_id = $1", Params(id));
  w.remove(tables::segments, "id = $1", Params(id));
}

std::int64_t SegmentRepo::member_count(std::int64_t id) {
  return db_.scalar(
      "SELECT (SELECT count(*) FROM segment_members WHERE segment_id = $1) + "
      "(SELECT count(*) FROM segment_matches WHERE segment_id = $1)",
      Params(id));
}

MembershipChange SegmentRepo::record(std::int64_t id, const std::string& at, const std::string& cause,
                                     const std::vector<std::int64_t>& entered, const std::vector<std::int64_t>& left) {
  MembershipChange change;
  change.members = member_count(id);
  change.entered = static_cast<std::int64_t>(entered.size());
  change.left = static_cast<std::int64_t>(left.size());
  if (entered.empty() && left.empty() && cause == "refresh") {
    // A refresh that changed nothing after one that changed nothing moves that one's time:
    // the segment shows when it was last computed without a row for every run.
    Result last = db_.exec(
        "SELECT id, cause, entered + exited FROM segment_refreshes WHERE segment_id = $1 ORDER BY id DESC LIMIT 1",
        Params(id));
    if (last.rows() && last.row(0).text_view(1) == "refresh" && last.row(0).int64(2) == 0) {
      std::int64_t previous = last.row(0).int64(0);
      db_.exec("UPDATE segment_refreshes SET at = $1, members = $2 WHERE id = $3", Params(at, change.members, previous));
      change.refresh_id = previous;
      return change;
    }
  }
  // Ids as SQLite gives rowids: the largest so far plus one (writers hold the store's lock).
  change.refresh_id = db_.scalar(
      "INSERT INTO segment_refreshes(id, segment_id, at, cause, members, entered, exited) "
      "SELECT coalesce(max(id), 0) + 1, $1, $2, $3, $4, $5, $6 FROM segment_refreshes RETURNING id",
      Params(id, at, cause, change.members, change.entered, change.left));
  if (!entered.empty() || !left.empty()) {
    db_.exec(
        "INSERT INTO segment_history(refresh_id, customer_id, entered) "
        "SELECT $1::bigint, e, 1 FROM unnest($2::bigint[]) e UNION ALL SELECT $1::bigint, l, 0 FROM unnest($3::bigint[]) l",
        Params(change.refresh_id, int_array(entered), int_array(left)));
  }
  return change;
}

MembershipChange SegmentRepo::add_members(std::int64_t id, std::span<const std::int64_t> customers,
                                          const std::string& at) {
  std::vector<std::int64_t> entered;
  auto& w = db_.write();
  for (std::int64_t c : customers) {
    if (w.insert(tables::segment_members, "segment_id, customer_id", "$1, $2", Params(id, c), "ON CONFLICT DO NOTHING")
            .changed > 0) {
      entered.push_back(c);
    }
  }
  std::sort(entered.begin(), entered.end());
  entered.erase(std::unique(entered.begin(), entered.end()), entered.end());
  if (entered.empty()) return {0, member_count(id), 0, 0};
  return record(id, at, "add", entered, {});
}

MembershipChange SegmentRepo::remove_members(std::int64_t id, std::span<const std::int64_t> customers,
                                             const std::string& at) {
  std::vector<std::int64_t> left;
  auto& w = db_.write();
  for (std::int64_t c : customers) {
    if (w.remove(tables::segment_members, "segment_id = $1 AND customer_id = $2", Params(id, c)).changed > 0) {
      left.push_back(c);
    }
  }
  std::sort(left.begin(), left.end());
  if (left.empty()) return {0, member_count(id), 0, 0};
  return record(id, at, "remove", {}, left);
}

MembershipChange SegmentRepo::refresh(std::int64_t id, const RuleQuery& query, const std::string& at,
                                      const std::string& cause) {
  auto sql = customer_rule_sql(query);
  Transaction tx(db_, Transaction::Kind::write);
  Params params;
  add_rule_params(params, sql);
  std::vector<std::int64_t> now =
      read_ids(db_.exec(fmt::format("SELECT c.id FROM {} WHERE {} ORDER BY c.id", kCustomerRuleFrom, sql.where), params));
  std::vector<std::int64_t> before = read_ids(
      db_.exec("SELECT customer_id FROM segment_matches WHERE segment_id = $1 ORDER BY customer_id", Params(id)));

  std::vector<std::int64_t> entered, left;
  std::set_difference(now.begin(), now.end(), before.begin(), before.end(), std::back_inserter(entered));
  std::set_difference(before.begin(), before.end(), now.begin(), now.end(), std::back_inserter(left));
  if (!left.empty()) {
    db_.exec("DELETE FROM segment_matches WHERE segment_id = $1 AND customer_id = ANY ($2::bigint[])",
             Params(id, int_array(left)));
  }
  if (!entered.empty()) {
    db_.exec("INSERT INTO segment_matches(segment_id, customer_id) SELECT $1::bigint, unnest($2::bigint[])",
             Params(id, int_array(entered)));
  }
  auto change = record(id, at, cause, entered, left);
  tx.commit();
  return change;
}

std::int64_t SegmentRepo::count_matching(const RuleQuery& query) {
  auto sql = customer_rule_sql(query);
  Params params;
  add_rule_params(params, sql);
  return db_.scalar(fmt::format("SELECT count(*) FROM {} WHERE {}", kCustomerRuleFrom, sql.where), params);
}

std::vector<std::int64_t> SegmentRepo::member_ids(std::int64_t id) {
  return read_ids(db_.exec(
      "SELECT customer_id FROM segment_members WHERE segment_id = $1 UNION ALL "
      "SELECT customer_id FROM segment_matches WHERE segment_id = $1 ORDER BY 1",
      Params(id)));
}

void SegmentRepo::events(std::int64_t id, const SegmentEventFilter& filter,
                         const std::function<void(const SegmentEvent&)>& each) {
  std::string sql =
      "SELECT r.id, r.at, r.cause, h.customer_id, h.entered, c.number, c.name FROM segment_refreshes r "
      "JOIN segment_history h ON h.refresh_id = r.id LEFT JOIN customers c ON c.id = h.customer_id "
      "WHERE r.segment_id = $1 AND ($2::text IS NULL OR r.at >= $2::text) AND ($3::bigint IS NULL OR "
      "h.entered = $3::bigint) ORDER BY r.id, h.entered DESC, h.customer_id";
  std::optional<std::int64_t> entered;
  if (filter.entered) entered = *filter.entered ? 1 : 0;
  db_.stream(sql, Params(id, filter.since, entered), [&](const Row& r) {
    SegmentEvent e;
    e.refresh_id = r.int64(0);
    e.at = r.text(1);
    e.cause = r.text(2);
    e.customer_id = r.int64(3);
    e.entered = r.int64(4) != 0;
    e.number = r.opt_text(5);
    if (!r.is_null(6)) e.name = r.text(6);
    each(e);
  });
}

}  // namespace kunde::store::pg
