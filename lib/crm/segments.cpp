// Segment services: names, rules and the references between segments, refreshes in the
// order the references call for, and writes as history entries.
#include "crm/segments.hpp"

#include "crm/customers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "clock.hpp"
#include "crm/rule_lexer.hpp"
#include "crm/segment_fields.hpp"
#include "crm/segment_rule.hpp"
#include "error.hpp"
#include "store/store.hpp"
#include "text/edit_distance.hpp"
#include "text/utf8.hpp"

namespace kunde::crm {
namespace {

constexpr std::size_t kMaxNameBytes = 64;

std::string counted(std::int64_t n, std::string_view noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

RuleOptions rule_options(Session& s) {
  return RuleOptions{s.money_decimals(), [&s](std::string_view name) { return attribute_key(s, name); }};
}

// Where segment:NAME is written in the rule, for the caret of an error.
std::size_t segment_offset(std::string_view rule, const std::string& name) {
  auto tokens = lex_rule(rule);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto& t = tokens[i];
    if (t.type != RuleToken::Type::word || text::to_lower_ascii(t.text.substr(0, 8)) != "segment:") continue;
    std::string written = t.text.substr(8);
    if (written.empty() && i + 1 < tokens.size() && tokens[i + 1].type == RuleToken::Type::string &&
        tokens[i + 1].offset == t.offset + t.length) {
      written = tokens[i + 1].text;
    }
    if (written == name) return t.offset;
  }
  return 0;
}

// The segments as a graph: each dynamic segment's rule and the segments it names.
struct Graph {
  std::map<std::string, Segment> segments;
  std::map<std::string, model::RuleNode> rules;          // dynamic segments whose rule reads
  std::map<std::string, std::vector<std::string>> refers;  // name -> names its rule names
  std::map<std::string, std::string> unreadable;         // name -> why its rule does not read

  std::vector<std::string> used_by(const std::string& name) const {
    std::vector<std::string> out;
    for (const auto& [n, refs] : refers)
      if (std::find(refs.begin(), refs.end(), name) != refs.end()) out.push_back(n);
    return out;
  }
  // Whether `from` reaches `to` through the references.
  bool reaches(const std::string& from, const std::string& to, std::set<std::string>& seen) const {
    if (from == to) return true;
    if (!seen.insert(from).second) return false;
    auto it = refers.find(from);
    if (it == refers.end()) return false;
    return std::any_of(it->second.begin(), it->second.end(), [&](const auto& next) { return reaches(next, to, seen); });
  }
};

Graph load_graph(Session& s) {
  Graph g;
  for (auto& seg : s.store().segments().list()) {
    if (seg.dynamic) {
      try {
        auto tree = parse_rule(seg.rule, customer_rule_fields(), rule_options(s));
        g.refers[seg.name] = rule_segments(tree);
        g.rules.emplace(seg.name, std::move(tree));
      } catch (const RuleError& e) {
        g.unreadable[seg.name] = fmt::format("its rule does not read: {}", e.what());
      }
    }
    g.segments.emplace(seg.name, std::move(seg));
  }
  return g;
}

std::vector<std::string> names_of(const Graph& g) {
  std::vector<std::string> names;
  for (const auto& [n, seg] : g.segments) names.push_back(n);
  return names;
}

[[noreturn]] void unknown_segment(const Graph& g, std::string_view name) {
  std::string hint = "'kunde segment list' shows the segments";
  if (auto close = text::closest_name(name, names_of(g))) hint = fmt::format("did you mean '{}'?", *close);
  throw UsageError(fmt::format("there is no segment '{}'", name), hint);
}

// The segments the rule names must exist, and must not lead back to `self`.
void check_references(const Graph& g, std::string_view text, const model::RuleNode& rule,
                      const std::optional<std::string>& self) {
  for (const auto& name : rule_segments(rule)) {
    if (self && name == *self) {
      throw_rule_error(text, segment_offset(text, name), fmt::format("segment '{}' cannot refer to itself", name),
                       "a rule may name other segments only");
    }
    if (!g.segments.count(name)) {
      std::string hint = "'kunde segment list' shows the segments; create it first";
      if (auto close = text::closest_name(name, names_of(g))) hint = fmt::format("did you mean '{}'?", *close);
      throw_rule_error(text, segment_offset(text, name), fmt::format("unknown segment '{}'", name), hint);
    }
    std::set<std::string> seen;
    if (self && g.reaches(name, *self, seen)) {
      throw_rule_error(text, segment_offset(text, name),
                       fmt::format("segment '{}' depends on '{}': a segment cannot depend on itself", name, *self),
                       fmt::format("'kunde segment show {}' shows what its rule refers to", name));
    }
  }
}

// Dynamic segments in an order where each comes after those its rule refers to: `start`
// and what it refers to, or all of them. Segments caught in a cycle are left out and noted.
std::vector<std::string> refresh_order(const Graph& g, const std::vector<std::string>& start,
                                       std::map<std::string, std::string>& problems) {
  std::vector<std::string> order;
  std::map<std::string, int> state;  // 1 visiting, 2 done
  std::function<void(const std::string&)> visit = [&](const std::string& name) {
    auto seg = g.segments.find(name);
    if (seg == g.segments.end() || !seg->second.dynamic || state[name] == 2) return;
    if (state[name] == 1) {
      problems[name] = "its rule depends on itself through other segments";
      return;
    }
    state[name] = 1;
    if (auto it = g.refers.find(name); it != g.refers.end())
      for (const auto& next : it->second) visit(next);
    state[name] = 2;
    order.push_back(name);
  };
  for (const auto& name : start) visit(name);
  return order;
}

}  // namespace

void check_segment_name(std::string_view name) {
  auto is_alnum = [](unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80; };
  bool ok = !name.empty() && name.size() <= kMaxNameBytes && text::is_valid_utf8(name) &&
            is_alnum(static_cast<unsigned char>(name[0]));
  for (char ch : name) {
    ok = ok && (is_alnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_' || ch == '.');
  }
  if (!ok) {
    throw UsageError(fmt::format("'{}' cannot be the name of a segment", text::truncate_to_width(name, 40)),
                     fmt::format("use up to {} letters, digits, '-', '_' and '.', starting with a letter or digit: at-risk, vip_2026",
                                 kMaxNameBytes));
  }
}

model::RuleNode parse_customer_rule(Session& s, std::string_view rule) {
  auto tree = parse_rule(rule, customer_rule_fields(), rule_options(s));
  if (!rule_segments(tree).empty()) check_references(load_graph(s), rule, tree, std::nullopt);
  return tree;
}

std::vector<Segment> list_segments(Session& s) { return s.store().segments().list(); }

Segment find_segment(Session& s, std::string_view name) {
  if (auto seg = s.store().segments().find(name)) return *seg;
  unknown_segment(load_graph(s), name);
}

SegmentDetails segment_details(Session& s, std::string_view name) {
  auto g = load_graph(s);
  auto it = g.segments.find(std::string(name));
  if (it == g.segments.end()) unknown_segment(g, name);
  SegmentDetails d{it->second, {}, g.used_by(it->first)};
  if (auto r = g.refers.find(it->first); r != g.refers.end()) d.refers_to = r->second;
  return d;
}

SegmentCreated create_segment(Session& s, const std::string& name, const std::optional<std::string>& rule, bool replace) {
  check_segment_name(name);
  auto& repo = s.store().segments();
  auto g = load_graph(s);
  auto existing = g.segments.find(name);
  bool exists = existing != g.segments.end();
  if (replace && !rule) throw UsageError("--replace gives a segment a new rule", "give the rule with --where");
  if (exists && !replace) {
    throw UsageError(fmt::format("segment '{}' exists already", name),
                     existing->second.dynamic
                         ? "choose another name, or give it a new rule with --replace --where RULE"
                         : "choose another name; 'kunde segment add' adds members to it");
  }
  if (exists && !existing->second.dynamic) {
    throw UsageError(fmt::format("'{}' is a static segment: it has no rule to replace", name),
                     "drop it and create it with --where, or choose another name");
  }
  std::optional<model::RuleNode> tree;
  if (rule) {
    tree = parse_rule(*rule, customer_rule_fields(), rule_options(s));
    check_references(g, *rule, *tree, name);
  }

  auto write = s.store().begin_write(s.command());
  SegmentCreated out;
  out.replaced = exists;
  std::string now = now_local();
  if (exists) {
    out.segment = existing->second;
    out.segment.rule = format_rule(*tree);
    repo.set_rule(out.segment.id, out.segment.rule);
  } else {
    out.segment.name = name;
    out.segment.dynamic = tree.has_value();
    out.segment.rule = tree ? format_rule(*tree) : std::string();
    out.segment.created_at = now;
    out.segment.id = repo.create(out.segment);
  }
  std::string summary;
  if (tree) {
    out.change = repo.refresh(out.segment.id, store::RuleQuery{*tree, today_local()}, now, exists ? "rule" : "create");
    out.segment.members = out.change.members;
    out.segment.refreshed_at = now;
    summary = exists ? fmt::format("new rule for segment {}: {}, {} entered, {} left", name,
                                   counted(out.change.members, "member"), out.change.entered, out.change.left)
                     : fmt::format("created dynamic segment {} with {}", name, counted(out.change.members, "member"));
  } else {
    summary = fmt::format("created static segment {}", name);
  }
  write->commit(summary);
  return out;
}

MembershipChange add_to_segment(Session& s, const std::string& name, const std::vector<std::int64_t>& ids, bool create) {
  auto& repo = s.store().segments();
  auto seg = repo.find(name);
  if (!seg && !create) {
    auto g = load_graph(s);
    std::string hint = fmt::format("create it with 'kunde segment create {}', or add --create", name);
    if (auto close = text::closest_name(name, names_of(g))) hint = fmt::format("did you mean '{}'? {}", *close, hint);
    throw UsageError(fmt::format("there is no segment '{}'", name), hint);
  }
  if (seg && seg->dynamic) {
    throw UsageError(fmt::format("'{}' is a dynamic segment: its rule decides who is in it", name),
                     "add them to a static segment, or change the rule with --replace --where");
  }
  auto write = s.store().begin_write(s.command());
  std::string now = now_local();
  if (!seg) {
    check_segment_name(name);
    seg = Segment{};
    seg->name = name;
    seg->created_at = now;
    seg->id = repo.create(*seg);
  }
  auto change = repo.add_members(seg->id, ids, now);
  write->commit(fmt::format("{} added to segment {} ({})", counted(change.entered, "customer"), name,
                            counted(change.members, "member")));
  return change;
}

MembershipChange remove_from_segment(Session& s, const std::string& name, const std::vector<std::int64_t>& ids) {
  auto seg = find_segment(s, name);
  if (seg.dynamic) {
    throw UsageError(fmt::format("'{}' is a dynamic segment: its rule decides who is in it", name),
                     "change the rule with --replace --where");
  }
  auto write = s.store().begin_write(s.command());
  auto change = s.store().segments().remove_members(seg.id, ids, now_local());
  write->commit(fmt::format("{} removed from segment {} ({})", counted(change.left, "customer"), name,
                            counted(change.members, "member")));
  return change;
}

std::vector<SegmentRefreshed> refresh_segments(Session& s, const std::optional<std::string>& name) {
  auto g = load_graph(s);
  std::vector<std::string> start;
  if (name) {
    auto it = g.segments.find(*name);
    if (it == g.segments.end()) unknown_segment(g, *name);
    if (!it->second.dynamic) {
      throw UsageError(fmt::format("'{}' is a static segment: there is nothing to refresh", *name),
                       "its members change with 'kunde segment add' and 'kunde segment remove'");
    }
    start.push_back(*name);
  } else {
    start = names_of(g);
  }
  std::map<std::string, std::string> problems = g.unreadable;
  auto order = refresh_order(g, start, problems);
  std::vector<SegmentRefreshed> out;
  std::string today = today_local(), now = now_local();
  for (const auto& n : order) {
    SegmentRefreshed r{n, {}, {}};
    auto rule = g.rules.find(n);
    if (auto p = problems.find(n); p != problems.end()) {
      r.problem = p->second;
    } else if (rule == g.rules.end()) {
      r.problem = "its rule does not read";
    } else {
      for (const auto& ref : g.refers[n]) {
        if (!g.segments.count(ref)) r.problem = fmt::format("its rule names segment '{}', which does not exist", ref);
      }
    }
    if (r.problem.empty()) {
      r.change = s.store().segments().refresh(g.segments.at(n).id, store::RuleQuery{rule->second, today}, now, "refresh");
    }
    out.push_back(std::move(r));
  }
  // Segments with a problem that kept them out of the order are reported too.
  for (const auto& problem : problems) {
    const auto& [n, why] = problem;
    bool listed = std::any_of(out.begin(), out.end(), [&](const auto& r) { return r.name == problem.first; });
    bool wanted = !name || *name == n;
    if (!listed && wanted) out.push_back({n, {}, why});
  }
  return out;
}

Segment drop_segment(Session& s, const std::string& name) {
  auto g = load_graph(s);
  auto it = g.segments.find(name);
  if (it == g.segments.end()) unknown_segment(g, name);
  auto users = g.used_by(name);
  if (!users.empty()) {
    throw Error(fmt::format("segment '{}' is used by the rule of {} '{}'", name, users.size() == 1 ? "segment" : "segments",
                            fmt::join(users, "', '")),
                fmt::format("drop {} first, or give {} a rule without segment:{} (--replace --where)",
                            users.size() == 1 ? "it" : "them", users.size() == 1 ? "it" : "them", name));
  }
  auto write = s.store().begin_write(s.command());
  s.store().segments().drop(it->second.id);
  write->commit(fmt::format("dropped segment {} ({})", name, counted(it->second.members, "member")));
  return it->second;
}

std::vector<std::int64_t> segment_member_ids(Session& s, const std::string& name) {
  return s.store().segments().member_ids(find_segment(s, name).id);
}

std::vector<std::int64_t> segment_members_to_report(Session& s, const std::string& name) {
  const Segment seg = find_segment(s, name);
  std::vector<std::int64_t> ids = s.store().segments().member_ids(seg.id);
  if (!ids.empty()) return ids;
  if (!seg.dynamic) {
    throw Error(fmt::format("nothing to report: segment {} has no members", seg.name),
                fmt::format("add some with 'kunde segment add {} CUSTOMER ...'", seg.name));
  }
  throw Error(seg.refreshed_at ? fmt::format("nothing to report: segment {} had no members when it was last refreshed at {} "
                                             "(rule: {})",
                                             seg.name, *seg.refreshed_at, seg.rule)
                               : fmt::format("nothing to report: segment {} has no members (rule: {})", seg.name, seg.rule),
              fmt::format("'kunde segment refresh {}' recomputes it; 'kunde customer list --where RULE' tries a rule",
                          seg.name));
}

void segment_history(Session& s, const std::string& name, const SegmentEventFilter& filter,
                     const std::function<void(const SegmentEvent&)>& each) {
  s.store().segments().events(find_segment(s, name).id, filter, each);
}

}  // namespace kunde::crm
