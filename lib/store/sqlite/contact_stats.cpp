// Materialised contact statistics per customer, for the customers listed in a temporary
// table of customer ids that have contacts. The rules (what a complaint is, which channel a
// customer prefers) are the store's DerivedRules (lib/crm/statistics.hpp); the counts:
//   open_promises     contacts with a promise and no done_at
//   open_follow_ups   contacts with a follow_up_at and no done_at
//   by_channel        {"channel": {"in": N, "out": N}, ...} by channel name
// The contacts are read once, ordered by customer, and counted here.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "model/contact.hpp"
#include "store/derived_rules.hpp"
#include "store/sqlite/derived.hpp"

namespace kunde::store::sqlite {
namespace {

struct ChannelCounts {
  std::int64_t in = 0, out = 0;
  std::string last_in;  // latest inbound contact; "" when none
};

void json_string(std::string& out, std::string_view s) {
  out += '"';
  for (char ch : s) {
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (static_cast<unsigned char>(ch) < 0x20) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[(ch >> 4) & 0xF];
      out += kHex[ch & 0xF];
    } else {
      out += ch;
    }
  }
  out += '"';
}

// One customer's contacts, counted one at a time in any order.
struct CustomerContacts {
  std::map<std::string, ChannelCounts, std::less<>> channels;
  std::int64_t contacts = 0, complaints = 0, promises = 0, follow_ups = 0;
  std::string last_at;
  std::optional<std::string> next_follow_up;

  // `follow_up_at` empty: none.
  void add(std::string_view channel, bool inbound, std::string_view at, bool complaint, bool promise,
           std::string_view follow_up_at, bool open) {
    auto it = channels.find(channel);
    if (it == channels.end()) it = channels.emplace(std::string(channel), ChannelCounts{}).first;
    ChannelCounts& ch = it->second;
    if (inbound) {
      ++ch.in;
      if (at > ch.last_in) ch.last_in = std::string(at);
    } else {
      ++ch.out;
    }
    ++contacts;
    if (at > last_at) last_at = std::string(at);
    if (complaint) ++complaints;
    if (open && promise) ++promises;
    if (open && !follow_up_at.empty()) {
      ++follow_ups;
      if (!next_follow_up || follow_up_at < *next_follow_up) next_follow_up = std::string(follow_up_at);
    }
  }
};

constexpr const char* kInsert =
    "INSERT INTO customer_contact_stats(customer_id, contacts, inbound, outbound, last_contact_at, complaints, "
    "open_promises, open_follow_ups, next_follow_up_at, preferred_channel, by_channel) VALUES ";
constexpr int kColumns = 11;
constexpr std::size_t kRowsPerInsert = 32;

std::string counts_json(const ChannelCounts& c) {
  return "{\"in\":" + std::to_string(c.in) + ",\"out\":" + std::to_string(c.out) + "}";
}

std::string insert_sql(std::size_t rows) { return kInsert + value_rows(rows, kColumns); }

// Statistics rows, written several to a statement: each statement costs about as much as a row.
class StatsWriter {
 public:
  explicit StatsWriter(Database& db) : db_(db) {}

  void add(std::int64_t customer_id, const CustomerContacts& c) {
    Row& r = rows_.emplace_back();
    r.customer_id = customer_id;
    r.contacts = c.contacts;
    r.last_at = c.last_at;
    r.complaints = c.complaints;
    r.promises = c.promises;
    r.follow_ups = c.follow_ups;
    r.next_follow_up = c.next_follow_up;
    uses_.clear();
    r.by_channel = "{";
    for (const auto& [name, counts] : c.channels) {
      r.in += counts.in;
      r.out += counts.out;
      uses_.push_back({name, counts.in, counts.out, counts.last_in});
      if (r.by_channel.size() > 1) r.by_channel += ',';
      json_string(r.by_channel, name);
      r.by_channel += ':' + counts_json(counts);
    }
    r.by_channel += '}';
    if (auto preferred = db_.rules().preferred_channel(uses_); !preferred.empty()) r.channel = std::string(preferred);
    if (rows_.size() == kRowsPerInsert) flush();
  }

  // Whether the customer's row is among those not written yet.
  bool holds(std::int64_t customer_id) const {
    return std::any_of(rows_.begin(), rows_.end(), [&](const Row& r) { return r.customer_id == customer_id; });
  }

  void flush() {
    if (rows_.empty()) return;
    static const std::string full = insert_sql(kRowsPerInsert);
    auto& st = db_.prepare(rows_.size() == kRowsPerInsert ? full : insert_sql(rows_.size()));
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      const Row& r = rows_[i];
      int p = static_cast<int>(i) * kColumns;
      st.bind(p + 1, r.customer_id)
          .bind(p + 2, r.contacts)
          .bind(p + 3, r.in)
          .bind(p + 4, r.out)
          .bind_ref(p + 5, r.last_at)
          .bind(p + 6, r.complaints)
          .bind(p + 7, r.promises)
          .bind(p + 8, r.follow_ups)
          .bind_ref(p + 9, r.next_follow_up)
          .bind_ref(p + 10, r.channel)
          .bind_ref(p + 11, r.by_channel);
    }
    st.run();
    rows_.clear();
  }

  void clear() { rows_.clear(); }

 private:
  struct Row {
    std::int64_t customer_id = 0, contacts = 0, in = 0, out = 0, complaints = 0, promises = 0, follow_ups = 0;
    std::string last_at, by_channel;
    std::optional<std::string> next_follow_up, channel;
  };
  Database& db_;
  std::vector<Row> rows_;
  std::vector<ChannelUse> uses_;
};

}  // namespace

void refresh_contact_stats(Database& db, std::string_view customers) {
  db.exec(fmt::format("DELETE FROM customer_contact_stats WHERE customer_id IN (SELECT customer_id FROM {})", customers));
  // A few customers: their contacts by the index. Many (an eighth of all, say after an
  // import of contacts by date): one pass over the table, sorted by customer, which reads
  // each page once instead of each contact's page in turn.
  std::int64_t listed = 0, all = 0;
  {
    Statement count(db, fmt::format("SELECT (SELECT count(*) FROM {}), (SELECT coalesce(max(id), 0) FROM customers)",
                                    customers));
    if (count.step()) listed = count.get_int(0), all = count.get_int(1);
  }
  bool many = listed >= 1000 && listed * 8 >= all;
  std::optional<SortingCache> sorting;
  if (many) sorting.emplace(db);
  constexpr const char* kSelect =
      "SELECT k.customer_id, k.channel, k.direction = 'in', k.at, k.outcome, k.reason, k.subject, "
      "k.promise IS NOT NULL, k.follow_up_at, k.done_at IS NULL ";
  Statement contacts(db, many ? fmt::format("{} FROM contacts k WHERE +k.customer_id IN (SELECT customer_id FROM {}) "
                                            "ORDER BY +k.customer_id", kSelect, customers)
                              : fmt::format("{} FROM {} b CROSS JOIN contacts k ON k.customer_id = b.customer_id "
                                            "ORDER BY b.customer_id", kSelect, customers));
  StatsWriter writer(db);
  const DerivedRules& rules = db.rules();
  CustomerContacts c;
  std::int64_t current = 0;
  bool any = false;
  while (contacts.step()) {
    std::int64_t id = contacts.get_int(0);
    if (any && id != current) {
      writer.add(current, c);
      c = CustomerContacts{};
    }
    current = id, any = true;
    bool complaint = rules.is_complaint(contacts.get_text_view(6), contacts.get_text_view(4), contacts.get_text_view(5));
    // A follow-up date is never empty text (dates are parsed), so "" stands for none.
    c.add(contacts.get_text_view(1), contacts.get_int(2) != 0, contacts.get_text_view(3), complaint,
          contacts.get_int(7) != 0, contacts.get_text_view(8), contacts.get_int(9) != 0);
  }
  if (any) writer.add(current, c);
  writer.flush();
}

struct ContactStatsStream::State {
  explicit State(Database& db) : rules(db.rules()), rows(db, Statistics::contacts), writer(db) {}
  const DerivedRules& rules;
  StatisticsRows rows;
  StatsWriter writer;
  std::int64_t current = 0;
  bool fresh = false;
  CustomerContacts contacts;
};

ContactStatsStream::ContactStatsStream(Database& db) : s_(std::make_unique<State>(db)) {}
ContactStatsStream::~ContactStatsStream() = default;

bool ContactStatsStream::add(const model::Contact& k) {
  State& s = *s_;
  if (k.customer_id != s.current) {
    end_customer();
    s.current = k.customer_id;
    if (s.writer.holds(k.customer_id)) s.writer.flush();
    s.fresh = !s.rows.has(k.customer_id);
  }
  if (!s.fresh) return false;
  auto text = [](const std::optional<std::string>& v) { return v ? std::string_view(*v) : std::string_view(); };
  bool complaint = s.rules.is_complaint(text(k.subject), text(k.outcome), text(k.reason));
  s.contacts.add(k.channel, k.direction == "in", k.at, complaint, k.promise.has_value(), text(k.follow_up_at),
                 !k.done_at.has_value());
  return true;
}

void ContactStatsStream::end_customer() {
  State& s = *s_;
  // No statistics row before: no contacts before, so what was added is all there is.
  if (s.fresh && s.contacts.contacts > 0) {
    s.writer.add(s.current, s.contacts);
    s.rows.added(s.current);
  }
  s.contacts = CustomerContacts{};
  s.current = 0;
  s.fresh = false;
}

void ContactStatsStream::finish() {
  end_customer();
  s_->writer.flush();
}

void ContactStatsStream::clear() {
  s_->writer.clear();
  s_->rows.forget();
  s_->contacts = CustomerContacts{};
  s_->current = 0;
  s_->fresh = false;
}

}  // namespace kunde::store::sqlite
