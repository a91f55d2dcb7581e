// Doctor, the sql command, duplicates and the right of access on PostgreSQL.
#include "store/pg/maintenance.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <sstream>

#include "clock.hpp"
#include "error.hpp"
#include "store/query_errors.hpp"
#include "store/pg/change.hpp"
#include "store/pg/derived.hpp"
#include "store/pg/history.hpp"
#include "store/pg/libpq.hpp"

namespace kunde::store::pg {
namespace {

// Type oids of the built-in types a result may have.
constexpr unsigned kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kOid = 26, kFloat4 = 700, kFloat8 = 701,
                   kNumeric = 1700, kJsonb = 3802;

}  // namespace

Value column_value(const Result& r, const Row& row, int c) {
  if (row.is_null(c)) return std::monostate{};
  switch (r.column_type(c)) {
    case kBool:
      return std::int64_t{row.boolean(c) ? 1 : 0};
    case kInt2:
    case kInt4:
    case kInt8:
    case kOid:
      return row.int64(c);
    case kFloat4:
    case kFloat8:
      return row.number(c);
    case kNumeric: {
      auto t = row.text_view(c);
      if (t.find_first_of(".eEN") == std::string_view::npos && t.size() < 19) return row.int64(c);
      return row.number(c);
    }
    default:
      return row.text(c);
  }
}

std::vector<Problem> check_database(Connection& db, bool fix) {
  std::vector<Problem> problems;
  // Integrity and references are the server's to keep: its constraints hold at every commit.
  std::vector<Problem> derived;
  Transaction tx(db, Transaction::Kind::write);
  apply_pending_search(db);  // words left for the next search are not missing
  db.run(
      "CREATE TEMP TABLE old_order_stats ON COMMIT DROP AS SELECT * FROM customer_order_stats; "
      "CREATE TEMP TABLE old_contact_stats ON COMMIT DROP AS SELECT customer_id, contacts, inbound, outbound, "
      "last_contact_at, complaints, open_promises, open_follow_ups, next_follow_up_at, preferred_channel, "
      "by_channel::text AS by_channel FROM customer_contact_stats; "
      "CREATE TEMP TABLE old_search ON COMMIT DROP AS SELECT * FROM customer_search; "
      "CREATE TEMP TABLE old_contact_search ON COMMIT DROP AS SELECT * FROM contact_search");
  rebuild_derived(db);
  struct Check {
    const char* what;
    const char* now;
    const char* saved;
  };
  const Check checks[] = {
      {"order statistics", "SELECT customer_id AS id, * FROM customer_order_stats",
       "SELECT customer_id AS id, * FROM old_order_stats"},
      {"contact statistics",
       "SELECT customer_id AS id, contacts, inbound, outbound, last_contact_at, complaints, open_promises, "
       "open_follow_ups, next_follow_up_at, preferred_channel, by_channel::text FROM customer_contact_stats",
       "SELECT customer_id AS id, contacts, inbound, outbound, last_contact_at, complaints, open_promises, "
       "open_follow_ups, next_follow_up_at, preferred_channel, by_channel FROM old_contact_stats"},
      {"search index", "SELECT customer_id AS id, words FROM customer_search", "SELECT customer_id AS id, words FROM old_search"},
      {"contact search index", "SELECT contact_id AS id, words FROM contact_search",
       "SELECT contact_id AS id, words FROM old_contact_search"},
  };
  for (const auto& c : checks) {
    std::int64_t n = db.scalar(fmt::format("SELECT count(DISTINCT id) FROM (SELECT id FROM ({0} EXCEPT {1}) a "
                                           "UNION ALL SELECT id FROM ({1} EXCEPT {0}) b) d",
                                           c.now, c.saved));
    if (n > 0) derived.push_back({c.what, fmt::format("{} rows differ from a full recomputation", n)});
  }
  if (fix && !derived.empty()) {
    tx.commit();
  } else {
    tx.rollback();
  }
  problems.insert(problems.end(), derived.begin(), derived.end());
  return problems;
}

namespace {

// Whether text that is no blank, comment or semicolon follows the first statement: the
// server would refuse a second statement, but with a syntax error when it is not one.
bool holds_more_than_one_statement(std::string_view sql) {
  std::size_t i = 0, n = sql.size();
  bool ended = false;  // past the first statement's semicolon
  auto skip_until = [&](std::string_view end) {
    auto at = sql.find(end, i);
    i = at == std::string_view::npos ? n : at + end.size();
  };
  while (i < n) {
    char ch = sql[i];
    if (ch == '-' && i + 1 < n && sql[i + 1] == '-') {
      skip_until("\n");
    } else if (ch == '/' && i + 1 < n && sql[i + 1] == '*') {
      int depth = 0;  // PostgreSQL's block comments nest
      while (i < n) {
        if (sql.compare(i, 2, "/*") == 0) {
          ++depth, i += 2;
        } else if (sql.compare(i, 2, "*/") == 0) {
          i += 2;
          if (--depth == 0) break;
        } else {
          ++i;
        }
      }
    } else if (ch == ';') {
      ended = true;
      ++i;
    } else if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f') {
      ++i;
    } else if (ended) {
      return true;
    } else if (ch == '\'' || ch == '"') {
      // A quoted string or name; a doubled quote stays inside it.
      ++i;
      while (i < n) {
        if (sql[i] == ch && i + 1 < n && sql[i + 1] == ch) {
          i += 2;
        } else if (sql[i] == ch) {
          ++i;
          break;
        } else {
          i += (sql[i] == '\\' && ch == '\'' && i + 1 < n) ? 2 : 1;
        }
      }
    } else if (ch == '$') {
      // A dollar-quoted string: $tag$ ... $tag$.
      auto close = sql.find('$', i + 1);
      std::string_view tag = close == std::string_view::npos ? std::string_view() : sql.substr(i, close - i + 1);
      bool is_tag = !tag.empty() && std::all_of(tag.begin() + 1, tag.end() - 1, [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
      });
      if (is_tag && !(tag.size() > 2 && std::isdigit(static_cast<unsigned char>(tag[1])))) {
        i = close + 1;
        skip_until(tag);
      } else {
        ++i;
      }
    } else {
      ++i;
    }
  }
  return false;
}

// The items of the main SELECT list at the top level of `sql`, as written; empty when the
// statement is not a plain SELECT. Quoted text, comments and parenthesised parts (subqueries,
// the bodies of WITH) are stepped over.
std::vector<std::string> select_items(std::string_view sql) {
  auto word_at = [&](std::size_t i, std::string_view w) {
    if (i + w.size() > sql.size()) return false;
    for (std::size_t k = 0; k < w.size(); ++k) {
      if (std::toupper(static_cast<unsigned char>(sql[i + k])) != w[k]) return false;
    }
    auto boundary = [&](std::size_t at) {
      return at >= sql.size() || !(std::isalnum(static_cast<unsigned char>(sql[at])) || sql[at] == '_');
    };
    return (i == 0 || boundary(i - 1)) && boundary(i + w.size());
  };
  static constexpr std::string_view kEnds[] = {"FROM", "WHERE", "GROUP", "HAVING", "WINDOW", "ORDER", "LIMIT",
                                               "OFFSET", "FETCH", "UNION", "INTERSECT", "EXCEPT", "INTO", "FOR"};
  std::vector<std::string> items;
  int depth = 0;
  bool in_list = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < sql.size();) {
    char ch = sql[i];
    if (ch == '\'' || ch == '"') {
      for (++i; i < sql.size(); ++i) {
        if (sql[i] == ch && !(i + 1 < sql.size() && sql[i + 1] == ch)) break;
        if (sql[i] == ch) ++i;
      }
      ++i;
    } else if (ch == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      auto end = sql.find('\n', i);
      i = end == std::string_view::npos ? sql.size() : end;
    } else if (ch == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      auto end = sql.find("*/", i + 2);
      i = end == std::string_view::npos ? sql.size() : end + 2;
    } else if (ch == '(') {
      ++depth, ++i;
    } else if (ch == ')') {
      --depth, ++i;
    } else if (depth == 0 && !in_list && word_at(i, "SELECT")) {
      i += 6;
      // DISTINCT [ON (...)] or ALL belong to the statement, not to the first item.
      auto skip_blank = [&] {
        while (i < sql.size() && std::isspace(static_cast<unsigned char>(sql[i]))) ++i;
      };
      skip_blank();
      if (word_at(i, "ALL")) i += 3;
      if (word_at(i, "DISTINCT")) {
        i += 8;
        skip_blank();
        if (word_at(i, "ON")) return {};
      }
      in_list = true;
      start = i;
    } else if (depth == 0 && in_list && (ch == ',' || ch == ';')) {
      items.emplace_back(sql.substr(start, i - start));
      if (ch == ';') return items;
      start = ++i;
    } else if (depth == 0 && in_list &&
               std::any_of(std::begin(kEnds), std::end(kEnds), [&](std::string_view w) { return word_at(i, w); })) {
      items.emplace_back(sql.substr(start, i - start));
      return items;
    } else if (depth == 0 && !in_list && !std::isspace(static_cast<unsigned char>(ch)) && !word_at(i, "WITH") &&
               !word_at(i, "RECURSIVE") && items.empty() && i == sql.find_first_not_of(" \t\r\n")) {
      // Neither SELECT nor WITH first: another kind of statement.
      return {};
    } else {
      ++i;
    }
  }
  if (in_list) items.emplace_back(sql.substr(start));
  return items;
}

// Column names as SQLite gives them, so a query names its columns alike on both backends:
// an expression without an alias is named by its text as written ("count(*)"), where
// PostgreSQL would name it by its function ("count"). Columns and aliases keep their names.
void name_columns_as_written(std::string_view sql, std::vector<std::string>& names) {
  auto items = select_items(sql);
  if (items.size() != names.size()) return;  // a * among them, or a statement of another kind
  for (std::size_t c = 0; c < items.size(); ++c) {
    std::string item = items[c];
    auto first = item.find_first_not_of(" \t\r\n");
    auto last = item.find_last_not_of(" \t\r\n");
    if (first == std::string::npos) return;
    item = item.substr(first, last - first + 1);
    // A column, perhaps qualified or quoted: PostgreSQL names it as SQLite does.
    bool column = std::all_of(item.begin(), item.end(), [](char ch) {
      return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '.' || ch == '"' ||
             static_cast<unsigned char>(ch) >= 0x80;
    });
    if (column && !std::isdigit(static_cast<unsigned char>(item[0]))) continue;
    // An alias: the last word after AS, or after the expression with nothing between.
    auto word_start = item.find_last_not_of(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_\"");
    if (word_start != std::string::npos && word_start + 1 < item.size() &&
        std::isspace(static_cast<unsigned char>(item[word_start]))) {
      std::string word = item.substr(word_start + 1);
      std::string upper = word;
      for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      bool keyword = upper == "END" || upper == "NULL" || upper == "TRUE" || upper == "FALSE" || upper == "UNKNOWN";
      auto before = item.find_last_not_of(" \t\r\n", word_start);
      bool operand = before != std::string::npos && std::string_view("+-*/%<>=|&!~^:,").find(item[before]) != std::string_view::npos;
      if (!keyword && !operand) continue;
    }
    names[c] = item;
  }
}

}  // namespace

void run_query(Connection& db, const std::string& sql, const QueryLimits& limits,
               const std::function<void(const std::vector<std::string>&)>& header,
               const std::function<void(const std::vector<Value>&)>& row) {
  const auto& api = libpq();
  std::string trimmed = sql;
  while (!trimmed.empty() && (trimmed.back() == ';' || trimmed.back() == ' ' || trimmed.back() == '\n')) trimmed.pop_back();
  if (trimmed.find_first_not_of(" \t\n") == std::string::npos) throw UsageError("the query is empty", "give one SELECT statement");
  if (holds_more_than_one_statement(trimmed)) {
    throw query_holds_more();
  }
  // Read-only by construction: the statement runs in a read-only transaction.
  db.run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  // The server enforces the time limit; its memory is its own to bound (work_mem).
  db.run(fmt::format("SET LOCAL statement_timeout = {}", limits.time.count()));
  struct End {
    Connection& db;
    ~End() {
      try {
        db.run("ROLLBACK");
      } catch (...) {
      }
    }
  } end{db};
  auto failed = [&](pg_result* r, bool preparing) {
    std::string state, msg;
    if (r) {
      if (const char* s = api.result_error_field(r, PG_DIAG_SQLSTATE)) state = s;
      if (const char* m = api.result_error_field(r, PG_DIAG_MESSAGE_PRIMARY)) msg = m;
      api.clear(r);
    }
    if (state == "57014") {
      throw query_too_long(limits);
    }
    if (state == "53200") {
      throw query_too_big(limits);
    }
    if (state == "42601" && msg.find("multiple commands") != std::string::npos) {
      throw query_holds_more();
    }
    if (state == "25006") {
      throw query_writes();
    }
    if (preparing || state.rfind("42", 0) == 0) {
      throw query_invalid(msg);
    }
    throw Error(fmt::format("the query failed: {}", msg), "check the statement");
  };
  pg_result* prep = api.prepare(db.handle(), "", trimmed.c_str(), 0, nullptr);
  if (!prep || api.result_status(prep) != PGRES_COMMAND_OK) failed(prep, true);
  api.clear(prep);
  pg_result* desc = api.describe_prepared(db.handle(), "");
  if (!desc || api.result_status(desc) != PGRES_COMMAND_OK) failed(desc, true);
  std::vector<std::string> names;
  Result described(desc);
  for (int i = 0; i < described.columns(); ++i) names.push_back(described.column_name(i));
  name_columns_as_written(trimmed, names);
  if (names.empty()) {
    // Not a query that returns rows: run it to learn why it is refused.
    pg_result* run = api.exec_prepared(db.handle(), "", 0, nullptr, nullptr, nullptr, 0);
    if (!run || (api.result_status(run) != PGRES_COMMAND_OK && api.result_status(run) != PGRES_TUPLES_OK)) failed(run, false);
    api.clear(run);
    throw UsageError("kunde sql runs only statements that read", "give one SELECT statement");
  }
  header(names);
  if (!row) return;
  std::string declare = "DECLARE kunde_sql NO SCROLL CURSOR FOR " + trimmed;
  pg_result* d = api.exec(db.handle(), declare.c_str());
  if (!d || api.result_status(d) != PGRES_COMMAND_OK) failed(d, false);
  api.clear(d);
  std::vector<Value> values(names.size());
  for (;;) {
    pg_result* f = api.exec(db.handle(), "FETCH FORWARD 2000 FROM kunde_sql");
    if (!f || api.result_status(f) != PGRES_TUPLES_OK) failed(f, false);
    Result batch(f);
    for (int i = 0; i < batch.rows(); ++i) {
      auto r = batch.row(i);
      for (int c = 0; c < batch.columns(); ++c) values[c] = column_value(batch, r, c);
      row(values);
    }
    if (batch.rows() < 2000) break;
  }
}

std::vector<DuplicatePair> find_duplicates(Connection& db, int min_score, std::size_t max_group) {
  struct Key {
    const char* reason;
    double weight;
    const char* expr;
  };
  static const Key kKeys[] = {
      {"org_number", 0.95, "org_number"},
      {"email", 0.9, "email_key"},
      {"phone", 0.8, "phone_e164"},
      {"name+city", 0.6, "CASE WHEN name <> '' THEN kunde_fold(name) || '|' || kunde_fold(coalesce(city, '')) END"},
  };
  std::map<std::pair<std::int64_t, std::int64_t>, std::pair<double, std::vector<std::string>>> pairs;
  for (const auto& key : kKeys) {
    db.stream(fmt::format("SELECT string_agg(id::text, ',' ORDER BY id) FROM (SELECT id, {} AS k FROM customers) s "
                          "WHERE k IS NOT NULL GROUP BY k HAVING count(*) > 1",
                          key.expr),
              {}, [&](const Row& r) {
                std::vector<std::int64_t> ids;
                std::stringstream ss(r.text(0));
                std::string item;
                while (std::getline(ss, item, ',')) ids.push_back(std::stoll(item));
                if (ids.size() > max_group) return;
                for (std::size_t i = 0; i < ids.size(); ++i) {
                  for (std::size_t j = i + 1; j < ids.size(); ++j) {
                    auto& p = pairs[{std::min(ids[i], ids[j]), std::max(ids[i], ids[j])}];
                    p.first = p.first == 0 ? 1 - key.weight : p.first * (1 - key.weight);
                    p.second.push_back(key.reason);
                  }
                }
              });
  }
  std::vector<DuplicatePair> out;
  for (auto& [ids, p] : pairs) {
    int score = static_cast<int>(std::lround(100 * (1 - p.first)));
    if (score >= min_score) out.push_back({ids.first, ids.second, score, p.second});
  }
  std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
    return x.score != y.score ? x.score > y.score : std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
  return out;
}

namespace {

using ojson = nlohmann::ordered_json;

ojson rows(Connection& db, const std::string& sql, std::int64_t id) {
  ojson out = ojson::array();
  Result r = db.exec(sql, Params(id));
  for (int i = 0; i < r.rows(); ++i) {
    auto row = r.row(i);
    ojson obj = ojson::object();
    for (int c = 0; c < r.columns(); ++c) {
      std::string name = r.column_name(c);
      if (row.is_null(c)) {
        obj[name] = nullptr;
        continue;
      }
      unsigned type = r.column_type(c);
      if (type == kJsonb) {  // attributes; by_channel (json) stays text, as SQLite stores it
        obj[name] = ojson::parse(row.text_view(c), nullptr, false);
        continue;
      }
      Value v = column_value(r, row, c);
      if (auto p = std::get_if<std::int64_t>(&v)) obj[name] = *p;
      else if (auto d = std::get_if<double>(&v)) obj[name] = *d;
      else if (auto s = std::get_if<std::string>(&v)) obj[name] = *s;
      else obj[name] = nullptr;
    }
    out.push_back(std::move(obj));
  }
  return out;
}

}  // namespace

nlohmann::ordered_json personal_data(Connection& db, std::int64_t id) {
  ojson doc = ojson::object();
  doc["exported_at"] = now_local();
  auto customer = rows(db, "SELECT * FROM customers WHERE id = $1", id);
  doc["customer"] = customer.empty() ? ojson() : customer[0];
  ojson tags = ojson::array();
  for (auto& r : rows(db, "SELECT tag FROM customer_tags WHERE customer_id = $1 ORDER BY tag", id)) tags.push_back(r["tag"]);
  doc["tags"] = tags;
  ojson aliases = ojson::array();
  for (auto& r : rows(db, "SELECT number FROM customer_aliases WHERE customer_id = $1 ORDER BY number", id)) {
    aliases.push_back(r["number"]);
  }
  doc["merged_numbers"] = aliases;
  ojson orders = rows(db, "SELECT * FROM orders WHERE customer_id = $1 ORDER BY ordered_at, id", id);
  for (auto& o : orders) {
    o["lines"] = rows(db,
                      "SELECT l.line, p.sku, p.name AS product, l.quantity, l.unit_price, l.gross, l.discount, l.amount, "
                      "l.unit_cost, l.cost "
                      "FROM order_lines l LEFT JOIN products p ON p.id = l.product_id WHERE l.order_id = $1 ORDER BY l.line",
                      o["id"].get<std::int64_t>());
  }
  doc["orders"] = orders;
  doc["payments"] = rows(db, "SELECT * FROM payments WHERE customer_id = $1 ORDER BY paid_at, id", id);
  doc["contacts"] = rows(db, "SELECT * FROM contacts WHERE customer_id = $1 ORDER BY at, id", id);
  auto order_stats = rows(db, "SELECT * FROM customer_order_stats WHERE customer_id = $1", id);
  auto contact_stats = rows(db, "SELECT * FROM customer_contact_stats WHERE customer_id = $1", id);
  doc["order_statistics"] = order_stats.empty() ? ojson() : order_stats[0];
  doc["contact_statistics"] = contact_stats.empty() ? ojson() : contact_stats[0];
  doc["segments"] = rows(db,
                         "SELECT g.name AS segment, g.kind FROM segments g WHERE g.id IN (SELECT segment_id FROM "
                         "segment_members WHERE customer_id = $1 UNION SELECT segment_id FROM segment_matches "
                         "WHERE customer_id = $1) ORDER BY g.name",
                         id);
  doc["segment_history"] = rows(db,
                                "SELECT r.at, g.name AS segment, CASE h.entered WHEN 1 THEN 'entered' ELSE 'left' END "
                                "AS change FROM segment_history h JOIN segment_refreshes r ON r.id = h.refresh_id "
                                "JOIN segments g ON g.id = r.segment_id WHERE h.customer_id = $1 ORDER BY r.id",
                                id);
  doc["history"] = history_of_customer(db, id);
  doc["money_note"] = "amounts are in minor units (cents, øre)";
  return doc;
}

}  // namespace kunde::store::pg
