// Segment storage. A static segment's members are in segment_members, which history
// records; a dynamic segment's are in segment_matches, derived from its rule and left out of
// history, like the statistics. Every change of members is a row of segment_refreshes with
// who entered and who left in segment_history.
#include "store/sqlite/segment_repo.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "error.hpp"
#include "store/sqlite/customer_rule_sql.hpp"

namespace kunde::store::sqlite {
namespace {

constexpr const char* kSegmentColumns =
    "g.id, g.name, g.kind, g.rule, g.created_at, "
    "(SELECT r.at FROM segment_refreshes r WHERE r.segment_id = g.id ORDER BY r.id DESC LIMIT 1), "
    "CASE g.kind WHEN 'static' THEN (SELECT count(*) FROM segment_members WHERE segment_id = g.id) "
    "ELSE (SELECT count(*) FROM segment_matches WHERE segment_id = g.id) END";

Segment read_segment(const Statement& st) {
  Segment s;
  s.id = st.get_int(0);
  s.name = st.get_text(1);
  s.dynamic = st.get_text_view(2) == "dynamic";
  if (!st.is_null(3)) s.rule = st.get_text(3);
  s.created_at = st.get_text(4);
  s.refreshed_at = st.get_opt_text(5);
  s.members = st.get_int(6);
  return s;
}

std::vector<std::int64_t> read_ids(Statement& st) {
  std::vector<std::int64_t> out;
  while (st.step()) out.push_back(st.get_int(0));
  st.reset();
  return out;
}

}  // namespace

std::vector<Segment> SegmentRepo::list() {
  std::vector<Segment> out;
  auto& st = db_.prepare(fmt::format("SELECT {} FROM segments g ORDER BY g.name", kSegmentColumns));
  while (st.step()) out.push_back(read_segment(st));
  st.reset();
  return out;
}

std::optional<Segment> SegmentRepo::find(std::string_view name) {
  auto& st = db_.prepare(fmt::format("SELECT {} FROM segments g WHERE g.name = ?", kSegmentColumns));
  st.bind(1, name);
  return st.first([](const Statement& row) { return read_segment(row); });
}

std::int64_t SegmentRepo::create(const Segment& s) {
  auto& st = db_.prepare("INSERT INTO segments(name, kind, rule, created_at) VALUES (?, ?, ?, ?)");
  st.bind(1, s.name).bind(2, s.dynamic ? "dynamic" : "static");
  if (s.dynamic) {
    st.bind(3, s.rule);
  } else {
    st.bind_null(3);
  }
  st.bind(4, s.created_at).run();
  return db_.last_insert_rowid();
}

void SegmentRepo::set_rule(std::int64_t id, const std::string& rule) {
  db_.prepare("UPDATE segments SET rule = ? WHERE id = ? AND kind = 'dynamic'").bind(1, rule).bind(2, id).run();
}

void SegmentRepo::drop(std::int64_t id) {
  // Static members first (history records them); the derived rows cascade.
  db_.prepare("DELETE FROM segment_members WHERE segment_id = ?").bind(1, id).run();
  db_.prepare("DELETE FROM segments WHERE id = ?").bind(1, id).run();
}

std::int64_t SegmentRepo::member_count(std::int64_t id) {
  auto& st = db_.prepare(
      "SELECT (SELECT count(*) FROM segment_members WHERE segment_id = ?1) + "
      "(SELECT count(*) FROM segment_matches WHERE segment_id = ?1)");
  st.bind(1, id);
  st.step();
  std::int64_t n = st.get_int(0);
  st.reset();
  return n;
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
    auto& last = db_.prepare(
        "SELECT id, cause, entered + exited FROM segment_refreshes WHERE segment_id = ? ORDER BY id DESC LIMIT 1");
    last.bind(1, id);
    std::int64_t previous = 0;
    if (last.step() && last.get_text_view(1) == "refresh" && last.get_int(2) == 0) previous = last.get_int(0);
    last.reset();
    if (previous) {
      db_.prepare("UPDATE segment_refreshes SET at = ?, members = ? WHERE id = ?")
          .bind(1, at)
          .bind(2, change.members)
          .bind(3, previous)
          .run();
      change.refresh_id = previous;
      return change;
    }
  }
  db_.prepare("INSERT INTO segment_refreshes(segment_id, at, cause, members, entered, exited) VALUES (?, ?, ?, ?, ?, ?)")
      .bind(1, id)
      .bind(2, at)
      .bind(3, cause)
      .bind(4, change.members)
      .bind(5, change.entered)
      .bind(6, change.left)
      .run();
  change.refresh_id = db_.last_insert_rowid();
  auto& st = db_.prepare("INSERT INTO segment_history(refresh_id, customer_id, entered) VALUES (?, ?, ?)");
  for (std::int64_t c : entered) st.bind(1, change.refresh_id).bind(2, c).bind(3, 1).run();
  for (std::int64_t c : left) st.bind(1, change.refresh_id).bind(2, c).bind(3, 0).run();
  return change;
}

MembershipChange SegmentRepo::add_members(std::int64_t id, std::span<const std::int64_t> customers,
                                          const std::string& at) {
  std::vector<std::int64_t> entered;
  auto& st = db_.prepare("INSERT OR IGNORE INTO segment_members(segment_id, customer_id) VALUES (?, ?)");
  for (std::int64_t c : customers) {
    st.bind(1, id).bind(2, c).run();
    if (db_.changes() > 0) entered.push_back(c);
  }
  std::sort(entered.begin(), entered.end());
  if (entered.empty()) return {0, member_count(id), 0, 0};
  return record(id, at, "add", entered, {});
}

MembershipChange SegmentRepo::remove_members(std::int64_t id, std::span<const std::int64_t> customers,
                                             const std::string& at) {
  std::vector<std::int64_t> left;
  auto& st = db_.prepare("DELETE FROM segment_members WHERE segment_id = ? AND customer_id = ?");
  for (std::int64_t c : customers) {
    st.bind(1, id).bind(2, c).run();
    if (db_.changes() > 0) left.push_back(c);
  }
  std::sort(left.begin(), left.end());
  if (left.empty()) return {0, member_count(id), 0, 0};
  return record(id, at, "remove", {}, left);
}

MembershipChange SegmentRepo::refresh(std::int64_t id, const RuleQuery& query, const std::string& at,
                                      const std::string& cause) {
  db_.need_indexes();
  auto sql = customer_rule_sql(db_, query);
  Transaction tx(db_, Transaction::Kind::write);
  std::vector<std::int64_t> now;
  {
    Statement st(db_, fmt::format("SELECT c.id FROM {} WHERE {} ORDER BY c.id", kCustomerRuleFrom, sql.where));
    bind_rule_params(st, sql);
    while (st.step()) now.push_back(st.get_int(0));
  }
  auto& old_st = db_.prepare("SELECT customer_id FROM segment_matches WHERE segment_id = ? ORDER BY customer_id");
  old_st.bind(1, id);
  std::vector<std::int64_t> before = read_ids(old_st);

  std::vector<std::int64_t> entered, left;
  std::set_difference(now.begin(), now.end(), before.begin(), before.end(), std::back_inserter(entered));
  std::set_difference(before.begin(), before.end(), now.begin(), now.end(), std::back_inserter(left));
  auto& del = db_.prepare("DELETE FROM segment_matches WHERE segment_id = ? AND customer_id = ?");
  for (std::int64_t c : left) del.bind(1, id).bind(2, c).run();
  auto& ins = db_.prepare("INSERT INTO segment_matches(segment_id, customer_id) VALUES (?, ?)");
  for (std::int64_t c : entered) ins.bind(1, id).bind(2, c).run();
  auto change = record(id, at, cause, entered, left);
  tx.commit();
  return change;
}

std::int64_t SegmentRepo::count_matching(const RuleQuery& query) {
  db_.need_indexes();
  auto sql = customer_rule_sql(db_, query);
  Statement st(db_, fmt::format("SELECT count(*) FROM {} WHERE {}", kCustomerRuleFrom, sql.where));
  bind_rule_params(st, sql);
  st.step();
  return st.get_int(0);
}

std::vector<std::int64_t> SegmentRepo::member_ids(std::int64_t id) {
  auto& st = db_.prepare(
      "SELECT customer_id FROM segment_members WHERE segment_id = ?1 UNION ALL "
      "SELECT customer_id FROM segment_matches WHERE segment_id = ?1 ORDER BY 1");
  st.bind(1, id);
  return read_ids(st);
}

void SegmentRepo::events(std::int64_t id, const SegmentEventFilter& filter,
                         const std::function<void(const SegmentEvent&)>& each) {
  std::string sql =
      "SELECT r.id, r.at, r.cause, h.customer_id, h.entered, c.number, c.name FROM segment_refreshes r "
      "JOIN segment_history h ON h.refresh_id = r.id LEFT JOIN customers c ON c.id = h.customer_id "
      "WHERE r.segment_id = ?1";
  if (filter.since) sql += " AND r.at >= ?2";
  if (filter.entered) sql += " AND h.entered = ?3";
  sql += " ORDER BY r.id, h.entered DESC, h.customer_id";
  Statement st(db_, sql);
  st.bind(1, id);
  if (filter.since) st.bind(2, *filter.since);
  if (filter.entered) st.bind(3, std::int64_t{*filter.entered ? 1 : 0});
  while (st.step()) {
    SegmentEvent e;
    e.refresh_id = st.get_int(0);
    e.at = st.get_text(1);
    e.cause = st.get_text(2);
    e.customer_id = st.get_int(3);
    e.entered = st.get_int(4) != 0;
    e.number = st.get_opt_text(5);
    if (!st.is_null(6)) e.name = st.get_text(6);
    each(e);
  }
}

}  // namespace kunde::store::sqlite
