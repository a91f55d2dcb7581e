// Contact storage.
#include "store/pg/contact_repo.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "error.hpp"
#include "model/dates.hpp"
#include "store/pg/change.hpp"
#include "store/pg/derived.hpp"
#include "text/utf8.hpp"

namespace kunde::store::pg {
namespace {

constexpr const char* kColumns =
    "k.id, k.key, k.customer_id, k.at, k.channel, k.direction, k.subject, k.notes, k.outcome, k.reason, "
    "k.follow_up_at, k.promise, k.owner, k.done_at, k.done_notes, c.number, c.name";
constexpr int kColumnCount = 17;

constexpr const char* kOpen = "k.done_at IS NULL AND (k.follow_up_at IS NOT NULL OR k.promise IS NOT NULL)";

ContactRow read_row(const Row& r) {
  ContactRow out;
  auto& k = out.contact;
  k.id = r.int64(0);
  k.key = r.opt_text(1);
  k.customer_id = r.int64(2);
  k.at = r.text(3);
  k.channel = r.text(4);
  k.direction = r.text(5);
  k.subject = r.opt_text(6);
  k.notes = r.opt_text(7);
  k.outcome = r.opt_text(8);
  k.reason = r.opt_text(9);
  k.follow_up_at = r.opt_text(10);
  k.promise = r.opt_text(11);
  k.owner = r.opt_text(12);
  k.done_at = r.opt_text(13);
  k.done_notes = r.opt_text(14);
  out.customer_number = r.opt_text(15);
  out.customer_name = r.text(16);
  return out;
}

bool is_word_char(char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || static_cast<unsigned char>(ch) >= 0x80;
}

Params contact_params(const model::Contact& c) {
  Params p;
  p.add(c.key).add(c.customer_id).add(c.at).add(c.channel).add(c.direction).add(c.subject).add(c.notes);
  p.add(c.outcome).add(c.reason).add(c.follow_up_at).add(c.promise).add(c.owner).add(c.done_at).add(c.done_notes);
  return p;
}

}  // namespace

bool has_words(std::string_view raw, std::string_view query) {
  std::string text = text::fold(raw);
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
    if (!found) return false;
  }
  return true;
}

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

std::optional<ContactRow> ContactRepo::by_id(std::int64_t id) {
  Result r = db_.exec(fmt::format("SELECT {} FROM contacts k JOIN customers c ON c.id = k.customer_id WHERE k.id = $1",
                                  kColumns),
                      Params(id));
  if (r.rows() == 0) return std::nullopt;
  return read_row(r.row(0));
}

std::optional<std::pair<std::int64_t, std::int64_t>> ContactRepo::by_key(const std::string& key) {
  Result r = db_.exec("SELECT id, customer_id FROM contacts WHERE key = $1", Params(key));
  if (r.rows() == 0) return std::nullopt;
  return std::make_pair(r.row(0).int64(0), r.row(0).int64(1));
}

void ContactRepo::keyless(std::int64_t customer_id, const std::function<void(const model::Contact&)>& each) {
  db_.stream(fmt::format("SELECT {} FROM contacts k CROSS JOIN (SELECT NULL::text AS number, ''::text AS name) c "
                         "WHERE k.customer_id = $1 AND k.key IS NULL ORDER BY k.id",
                         kColumns),
             Params(customer_id), [&](const Row& r) { each(read_row(r).contact); });
}

std::int64_t ContactRepo::insert(const model::Contact& c) {
  return db_.write()
      .insert(tables::contacts, std::string("id, ") + kContactInsertColumns,
              "{id}, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14", contact_params(c),
              "ON CONFLICT (key) WHERE key IS NOT NULL DO NOTHING")
      .id;
}

std::int64_t ContactRepo::next_id() { return db_.scalar("SELECT coalesce(max(id), 0) + 1 FROM contacts"); }

bool ContactRepo::update_by_key(const model::Contact& c, unsigned fields) {
  return update(c, fields, "key = $1::text", Params(c.key));
}

bool ContactRepo::update_by_id(std::int64_t id, const model::Contact& c, unsigned fields) {
  return update(c, fields, "id = $1::bigint", Params(id));
}

bool ContactRepo::update(const model::Contact& c, unsigned fields, const std::string& where, const Params& key) {
  using namespace model;
  // `key` is $1; each field set is the next parameter.
  Params p = key;
  std::vector<std::string> sets, differs;
  auto field = [&](ContactField f, const char* col, const auto& value, const char* type) {
    if (!(fields & (1u << f))) return;
    p.add(value);
    sets.push_back(fmt::format("{} = ${}::{}", col, p.size(), type));
    differs.push_back(fmt::format("{} IS DISTINCT FROM ${}::{}", col, p.size(), type));
  };
  field(kContactCustomer, "customer_id", c.customer_id, "bigint");
  field(kContactAt, "at", c.at, "text");
  field(kContactChannel, "channel", c.channel, "text");
  field(kContactDirection, "direction", c.direction, "text");
  field(kContactSubject, "subject", c.subject, "text");
  field(kContactNotes, "notes", c.notes, "text");
  field(kContactOutcome, "outcome", c.outcome, "text");
  field(kContactReason, "reason", c.reason, "text");
  field(kContactFollowUpAt, "follow_up_at", c.follow_up_at, "text");
  field(kContactPromise, "promise", c.promise, "text");
  field(kContactOwner, "owner", c.owner, "text");
  field(kContactDoneAt, "done_at", c.done_at, "text");
  field(kContactDoneNotes, "done_notes", c.done_notes, "text");
  if (sets.empty()) return false;
  return db_.write()
             .update(tables::contacts, fmt::format("{}", fmt::join(sets, ", ")),
                     fmt::format("{} AND ({})", where, fmt::join(differs, " OR ")), p)
             .changed > 0;
}

bool ContactRepo::mark_done(std::int64_t id, const std::string& at, const std::optional<std::string>& notes) {
  return db_.write()
             .update(tables::contacts, "done_at = $1, done_notes = $2", "id = $3 AND done_at IS NULL",
                     Params(at, notes, id))
             .matched > 0;
}

void ContactRepo::list(const ContactFilter& f, const std::function<void(const ContactRow&)>& each) {
  if (f.grep) update_search_index(db_);
  std::string sql = fmt::format("SELECT {} FROM contacts k JOIN customers c ON c.id = k.customer_id", kColumns);
  std::vector<std::string> where;
  Params params;
  auto param = [&](const std::string& v, const char* type = "text") {
    params.add(v);
    return fmt::format("${}::{}", params.size(), type);
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
  std::string words;
  if (f.grep) {
    words = query_words(*f.grep);
    if (words.empty()) throw UsageError("--grep needs some letters or digits", "e.g. --grep 'offer'");
    for (const auto& term : query_terms(*f.grep)) {
      std::string q = search_term(term);
      where.push_back(q.empty() ? std::string("false")
                                : fmt::format("k.id IN (SELECT contact_id FROM contact_search WHERE words @@ {})",
                                              param(q, "tsquery")));
    }
  }
  if (!where.empty()) sql += fmt::format(" WHERE {}", fmt::join(where, " AND "));
  sql += f.newest_first ? " ORDER BY k.at DESC, k.id DESC" : " ORDER BY k.at, k.id";
  // Words must also start words in the text as written (has_words): the limit is counted here.
  if (f.limit && !f.grep) sql += fmt::format(" LIMIT {}", *f.limit);
  std::int64_t shown = 0;
  db_.stream(sql, params, [&](const Row& r) {
    if (f.limit && shown >= *f.limit) return;
    auto row = read_row(r);
    if (f.grep) {
      std::string text = row.contact.subject.value_or("") + " " + row.contact.notes.value_or("");
      if (!has_words(text, words)) return;
    }
    ++shown;
    each(row);
  });
}

void ContactRepo::due(const DueFilter& f, const std::function<void(const DueItem&)>& each) {
  std::string sql = fmt::format(
      "SELECT {}, d.due, ($1::date - d.due::date), c.phone, c.email "
      "FROM (SELECT k.id AS id, substr(coalesce(k.follow_up_at, k.at), 1, 10) AS due FROM contacts k WHERE {}) d "
      "JOIN contacts k ON k.id = d.id JOIN customers c ON c.id = k.customer_id "
      "WHERE d.due {} $2::text",
      kColumns, kOpen, f.overdue_only ? "<" : "<=");
  Params params(f.as_of);
  std::string limit = f.overdue_only ? f.as_of : f.within_days ? model::add_days(f.as_of, *f.within_days) : "9999-12-31";
  params.add(limit);
  if (f.owner) {
    params.add(*f.owner);
    sql += fmt::format(" AND lower(k.owner) = lower(${}::text)", params.size());
  }
  if (f.customer_id) {
    params.add(*f.customer_id);
    sql += fmt::format(" AND k.customer_id = ${}::bigint", params.size());
  }
  sql += " ORDER BY d.due, coalesce(k.owner, ''), k.id";
  db_.stream(sql, params, [&](const Row& r) {
    DueItem item;
    item.row = read_row(r);
    item.due = r.text(kColumnCount);
    item.days_late = static_cast<int>(r.int64(kColumnCount + 1));
    item.customer_phone = r.opt_text(kColumnCount + 2);
    item.customer_email = r.opt_text(kColumnCount + 3);
    each(item);
  });
}

ContactSummary ContactRepo::summary(std::int64_t customer_id) {
  ContactSummary s;
  Result r = db_.exec(
      "SELECT contacts, inbound, outbound, complaints, open_promises, open_follow_ups, last_contact_at, "
      "next_follow_up_at, preferred_channel, by_channel::text FROM customer_contact_stats WHERE customer_id = $1",
      Params(customer_id));
  if (r.rows()) {
    auto row = r.row(0);
    s.contacts = row.int64(0);
    s.inbound = row.int64(1);
    s.outbound = row.int64(2);
    s.complaints = row.int64(3);
    s.open_promises = row.int64(4);
    s.open_follow_ups = row.int64(5);
    s.last_contact_at = row.opt_text(6);
    s.next_follow_up_at = row.opt_text(7);
    s.preferred_channel = row.opt_text(8);
    auto j = nlohmann::json::parse(row.text_view(9), nullptr, false);
    if (j.is_object()) {
      for (auto& [ch, v] : j.items()) s.by_channel[ch] = {v.value("in", std::int64_t{0}), v.value("out", std::int64_t{0})};
    }
  }
  return s;
}

}  // namespace kunde::store::pg
