// Contact storage.
#include "store/sqlite/contact_repo.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "error.hpp"
#include "model/dates.hpp"
#include "store/sqlite/customer_repo.hpp"
#include "store/sqlite/search.hpp"
#include "text/utf8.hpp"

namespace kunde::store::sqlite {
namespace {

constexpr const char* kColumns =
    "k.id, k.key, k.customer_id, k.at, k.channel, k.direction, k.subject, k.notes, k.outcome, k.reason, "
    "k.follow_up_at, k.promise, k.owner, k.done_at, k.done_notes, c.number, c.name";
constexpr int kColumnCount = 17;

// The condition contacts_open indexes: an open promise or follow-up.
constexpr const char* kOpen = "k.done_at IS NULL AND (k.follow_up_at IS NOT NULL OR k.promise IS NOT NULL)";

ContactRow read_row(const Statement& st) {
  ContactRow r;
  auto& k = r.contact;
  k.id = st.get_int(0);
  k.key = st.get_opt_text(1);
  k.customer_id = st.get_int(2);
  k.at = st.get_text(3);
  k.channel = st.get_text(4);
  k.direction = st.get_text(5);
  k.subject = st.get_opt_text(6);
  k.notes = st.get_opt_text(7);
  k.outcome = st.get_opt_text(8);
  k.reason = st.get_opt_text(9);
  k.follow_up_at = st.get_opt_text(10);
  k.promise = st.get_opt_text(11);
  k.owner = st.get_opt_text(12);
  k.done_at = st.get_opt_text(13);
  k.done_notes = st.get_opt_text(14);
  r.customer_number = st.get_opt_text(15);
  r.customer_name = st.get_text(16);
  return r;
}

bool is_word_char(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || static_cast<unsigned char>(ch) >= 0x80;
}

// kunde_words(text, query): 1 when every word of the folded query starts a word of the
// folded text, as the full-text index matches prefixes; the same tokens as fts_query().
void sql_words(sqlite3_context* ctx, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL || sqlite3_value_type(argv[1]) == SQLITE_NULL) {
    sqlite3_result_int(ctx, 0);
    return;
  }
  auto view = [](sqlite3_value* v) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(v));
    return std::string_view(p, static_cast<std::size_t>(sqlite3_value_bytes(v)));
  };
  std::string text = text::fold(view(argv[0]));
  std::string_view query = view(argv[1]);
  std::size_t q = 0;
  while (q < query.size()) {
    while (q < query.size() && query[q] == ' ') ++q;
    std::size_t end = query.find(' ', q);
    if (end == std::string_view::npos) end = query.size();
    std::string_view word = query.substr(q, end - q);
    q = end;
    if (word.empty()) continue;
    bool found = false;
    for (std::size_t i = 0; !found && i + word.size() <= text.size(); ++i) {
      if ((i == 0 || !is_word_char(text[i - 1])) && text.compare(i, word.size(), word) == 0) found = true;
    }
    if (!found) {
      sqlite3_result_int(ctx, 0);
      return;
    }
  }
  sqlite3_result_int(ctx, 1);
}

// The folded words of a query, space-separated, split like fts_query().
std::string query_words(std::string_view text) {
  std::string folded = text::fold(text);
  std::string out;
  bool in_word = false;
  for (char ch : folded) {
    if (is_word_char(ch)) {
      if (!in_word && !out.empty()) out += ' ';
      out += ch;
      in_word = true;
    } else {
      in_word = false;
    }
  }
  return out;
}

}  // namespace

ContactRepo::ContactRepo(Database& db) : db_(db) {
  sqlite3_create_function(db_.handle(), "kunde_words", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, sql_words,
                          nullptr, nullptr);
}

std::optional<ContactRow> ContactRepo::by_id(std::int64_t id) {
  auto& st = db_.prepare(fmt::format("SELECT {} FROM contacts k JOIN customers c ON c.id = k.customer_id WHERE k.id = ?", kColumns));
  st.bind(1, id);
  return st.first([](const Statement& row) { return read_row(row); });
}

std::optional<std::pair<std::int64_t, std::int64_t>> ContactRepo::by_key(const std::string& key) {
  auto& st = db_.prepare("SELECT id, customer_id FROM contacts WHERE key = ?");
  st.bind(1, key);
  return st.first([](const Statement& row) { return std::make_pair(row.get_int(0), row.get_int(1)); });
}

void ContactRepo::keyless(std::int64_t customer_id, const std::function<void(const model::Contact&)>& each) {
  db_.need_indexes();
  // The customer's number and name are not needed: c stands for no row.
  auto& st = db_.prepare(fmt::format("SELECT {} FROM contacts k LEFT JOIN (SELECT NULL AS number, '' AS name) c "
                                     "WHERE k.customer_id = ? AND k.key IS NULL ORDER BY k.id", kColumns));
  st.bind(1, customer_id);
  while (st.step()) each(read_row(st).contact);
}

namespace {

constexpr const char* kInsertColumns =
    "INSERT INTO contacts(key, customer_id, at, channel, direction, subject, notes, outcome, reason, "
    "follow_up_at, promise, owner, done_at, done_notes) VALUES ";
constexpr int kInsertParams = 14;

// Binds a contact to the parameters from `first` on, in kInsertColumns' order.
void bind_contact(Statement& st, int first, const model::Contact& c) {
  st.bind_ref(first, c.key)
      .bind(first + 1, c.customer_id)
      .bind_ref(first + 2, c.at)
      .bind_ref(first + 3, c.channel)
      .bind_ref(first + 4, c.direction)
      .bind_ref(first + 5, c.subject)
      .bind_ref(first + 6, c.notes)
      .bind_ref(first + 7, c.outcome)
      .bind_ref(first + 8, c.reason)
      .bind_ref(first + 9, c.follow_up_at)
      .bind_ref(first + 10, c.promise)
      .bind_ref(first + 11, c.owner)
      .bind_ref(first + 12, c.done_at)
      .bind_ref(first + 13, c.done_notes);
}

std::string insert_sql(std::size_t rows) { return kInsertColumns + value_rows(rows, kInsertParams); }

}  // namespace

std::int64_t ContactRepo::insert(const model::Contact& c) {
  static const std::string sql = insert_sql(1) + " ON CONFLICT(key) WHERE key IS NOT NULL DO NOTHING";
  auto& st = db_.prepare(sql);
  bind_contact(st, 1, c);
  st.run();
  return db_.changes() > 0 ? db_.last_insert_rowid() : 0;
}

std::int64_t ContactRepo::next_id() {
  auto& st = db_.prepare("SELECT coalesce(max(id), 0) + 1 FROM contacts");
  st.step();
  std::int64_t id = st.get_int(0);
  st.reset();
  return id;
}

std::int64_t ContactRepo::insert_keyless(std::span<const model::Contact* const> contacts) {
  if (contacts.empty()) return 0;
  const std::int64_t first = next_id();
  // One statement per kInsertRows contacts: each statement costs about as much as a row.
  static const std::string full = insert_sql(kInsertRows);
  std::size_t done = 0;
  while (done < contacts.size()) {
    std::size_t n = std::min(kInsertRows, contacts.size() - done);
    auto& st = db_.prepare(n == kInsertRows ? full : insert_sql(n));
    for (std::size_t i = 0; i < n; ++i) {
      const auto& c = *contacts[done + i];
      if (c.key) throw Error("a contact with a key among those without", "this is a bug in kunde");
      bind_contact(st, static_cast<int>(i) * kInsertParams + 1, c);
    }
    st.run();
    done += n;
  }
  // SQLite gives each new row the largest id so far plus one (below the largest integer);
  // ids given in the statement would each be looked up first.
  if (db_.last_insert_rowid() != first + static_cast<std::int64_t>(contacts.size()) - 1) {
    throw StoreError("new contacts did not get consecutive ids", "this is a bug in kunde; nothing was imported");
  }
  return first;
}

bool ContactRepo::update_by_key(const model::Contact& c, unsigned fields) {
  return update(c, fields, "key = ?" + std::to_string(model::kContactKey + 1), [&](Statement& st) {
    st.bind(model::kContactKey + 1, c.key);
  });
}

bool ContactRepo::update_by_id(std::int64_t id, const model::Contact& c, unsigned fields) {
  return update(c, fields, "id = ?" + std::to_string(model::kContactKey + 1), [&](Statement& st) {
    st.bind(model::kContactKey + 1, id);
  });
}

bool ContactRepo::update(const model::Contact& c, unsigned fields, const std::string& where,
                         const std::function<void(Statement&)>& bind_where) {
  using namespace model;
  static const std::pair<ContactField, const char*> kCols[] = {
      {kContactCustomer, "customer_id"}, {kContactAt, "at"},           {kContactChannel, "channel"},
      {kContactDirection, "direction"},  {kContactSubject, "subject"}, {kContactNotes, "notes"},
      {kContactOutcome, "outcome"},      {kContactReason, "reason"},   {kContactFollowUpAt, "follow_up_at"},
      {kContactPromise, "promise"},      {kContactOwner, "owner"},     {kContactDoneAt, "done_at"},
      {kContactDoneNotes, "done_notes"}};
  std::vector<std::string> sets, differs;
  for (const auto& [f, col] : kCols) {
    if (!(fields & (1u << f))) continue;
    int n = static_cast<int>(f) + 1;
    sets.push_back(fmt::format("{} = ?{}", col, n));
    differs.push_back(fmt::format("{} IS NOT ?{}", col, n));
  }
  if (sets.empty()) return false;
  auto& st = db_.prepare(fmt::format("UPDATE contacts SET {} WHERE {} AND ({})", fmt::join(sets, ", "), where,
                                     fmt::join(differs, " OR ")));
  auto bind = [&](ContactField f, const auto& v) {
    if (fields & (1u << f)) st.bind(static_cast<int>(f) + 1, v);
  };
  bind_where(st);
  bind(kContactCustomer, c.customer_id);
  bind(kContactAt, c.at);
  bind(kContactChannel, c.channel);
  bind(kContactDirection, c.direction);
  bind(kContactSubject, c.subject);
  bind(kContactNotes, c.notes);
  bind(kContactOutcome, c.outcome);
  bind(kContactReason, c.reason);
  bind(kContactFollowUpAt, c.follow_up_at);
  bind(kContactPromise, c.promise);
  bind(kContactOwner, c.owner);
  bind(kContactDoneAt, c.done_at);
  bind(kContactDoneNotes, c.done_notes);
  st.run();
  return db_.changes() > 0;
}

bool ContactRepo::mark_done(std::int64_t id, const std::string& at, const std::optional<std::string>& notes) {
  db_.prepare("UPDATE contacts SET done_at = ?, done_notes = ? WHERE id = ? AND done_at IS NULL")
      .bind(1, at)
      .bind(2, notes)
      .bind(3, id)
      .run();
  return db_.changes() > 0;
}

void ContactRepo::list(const ContactFilter& f, const std::function<void(const ContactRow&)>& each) {
  db_.need_indexes();
  if (f.grep) update_search_index(db_);  // entries a bulk write left pending
  std::string sql = fmt::format("SELECT {} FROM contacts k JOIN customers c ON c.id = k.customer_id", kColumns);
  std::vector<std::string> where;
  std::vector<std::string> params;
  auto param = [&](std::string v) {
    params.push_back(std::move(v));
    return fmt::format("?{}", params.size());
  };
  if (f.customer_id) where.push_back(fmt::format("k.customer_id = {}", *f.customer_id));
  if (f.channel) where.push_back(fmt::format("k.channel = {}", param(*f.channel)));
  if (f.direction) where.push_back(fmt::format("k.direction = {}", param(*f.direction)));
  if (f.owner) where.push_back(fmt::format("lower(k.owner) = lower({})", param(*f.owner)));
  if (f.outcome) where.push_back(fmt::format("lower(k.outcome) = lower({})", param(*f.outcome)));
  if (f.reason) where.push_back(fmt::format("lower(k.reason) = lower({})", param(*f.reason)));
  if (f.since) where.push_back(fmt::format("substr(k.at, 1, 10) >= {}", param(*f.since)));
  if (f.until) where.push_back(fmt::format("substr(k.at, 1, 10) <= {}", param(*f.until)));
  if (f.open) where.push_back(kOpen);
  if (f.grep) {
    std::string words = query_words(*f.grep);
    if (words.empty()) throw UsageError("--grep needs some letters or digits", "e.g. --grep 'offer'");
    where.push_back(fmt::format(
        "k.id IN (SELECT rowid FROM contact_search WHERE contact_search MATCH {}) AND "
        "kunde_words(coalesce(k.subject, '') || ' ' || coalesce(k.notes, ''), {})",
        param(fts_query(*f.grep)), param(words)));
  }
  if (!where.empty()) sql += fmt::format(" WHERE {}", fmt::join(where, " AND "));
  sql += f.newest_first ? " ORDER BY k.at DESC, k.id DESC" : " ORDER BY k.at, k.id";
  if (f.limit) sql += fmt::format(" LIMIT {}", *f.limit);
  Statement st(db_, sql);
  for (std::size_t i = 0; i < params.size(); ++i) st.bind(static_cast<int>(i + 1), params[i]);
  while (st.step()) each(read_row(st));
}

void ContactRepo::due(const DueFilter& f, const std::function<void(const DueItem&)>& each) {
  db_.need_indexes();
  // Dates are compared as written (the date part), never shifted to UTC: a follow-up on
  // 2026-11-30 23:30+01:00 is due on 2026-11-30 wherever kunde runs.
  std::string sql = fmt::format(
      "SELECT {}, d.due, CAST(julianday(?1) - julianday(d.due) AS INTEGER), c.phone, c.email "
      "FROM (SELECT k.id AS id, substr(coalesce(k.follow_up_at, k.at), 1, 10) AS due FROM contacts k WHERE {}) d "
      "JOIN contacts k ON k.id = d.id JOIN customers c ON c.id = k.customer_id "
      "WHERE d.due {} ?2",
      kColumns, kOpen, f.overdue_only ? "<" : "<=");
  if (f.owner) sql += " AND lower(k.owner) = lower(?3)";
  if (f.customer_id) sql += " AND k.customer_id = ?4";
  sql += " ORDER BY d.due, coalesce(k.owner, ''), k.id";
  // Everything open: a date after any a contact can have.
  std::string limit = f.overdue_only ? f.as_of : f.within_days ? model::add_days(f.as_of, *f.within_days) : "9999-12-31";
  Statement st(db_, sql);
  st.bind(1, f.as_of).bind(2, limit);
  if (f.owner) st.bind(3, *f.owner);
  if (f.customer_id) st.bind(4, *f.customer_id);
  while (st.step()) {
    DueItem item;
    item.row = read_row(st);
    item.due = st.get_text(kColumnCount);
    item.days_late = static_cast<int>(st.get_int(kColumnCount + 1));
    item.customer_phone = st.get_opt_text(kColumnCount + 2);
    item.customer_email = st.get_opt_text(kColumnCount + 3);
    each(item);
  }
}

ContactSummary ContactRepo::summary(std::int64_t customer_id) {
  ContactSummary s;
  auto& st = db_.prepare(
      "SELECT contacts, inbound, outbound, complaints, open_promises, open_follow_ups, last_contact_at, "
      "next_follow_up_at, preferred_channel, by_channel FROM customer_contact_stats WHERE customer_id = ?");
  st.bind(1, customer_id);
  if (st.step()) {
    s.contacts = st.get_int(0);
    s.inbound = st.get_int(1);
    s.outbound = st.get_int(2);
    s.complaints = st.get_int(3);
    s.open_promises = st.get_int(4);
    s.open_follow_ups = st.get_int(5);
    s.last_contact_at = st.get_opt_text(6);
    s.next_follow_up_at = st.get_opt_text(7);
    s.preferred_channel = st.get_opt_text(8);
    auto j = nlohmann::json::parse(st.get_text_view(9), nullptr, false);
    if (j.is_object()) {
      for (auto& [ch, v] : j.items()) {
        s.by_channel[ch] = {v.value("in", std::int64_t{0}), v.value("out", std::int64_t{0})};
      }
    }
  }
  st.reset();
  return s;
}

}  // namespace kunde::store::sqlite
