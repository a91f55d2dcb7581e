// Materialised contact statistics per customer, for the customers listed in a temporary
// table of customer ids that have contacts. Definitions (kunde-contact(1) documents them):
//   complaints        contacts whose outcome, reason or subject contains "complain" (any case)
//   open_promises     contacts with a promise and no done_at
//   open_follow_ups   contacts with a follow_up_at and no done_at
//   preferred_channel the channel of most inbound contacts; ties go to the channel used
//                     inbound most recently, then to the name
//   by_channel        {"channel": {"in": N, "out": N}, ...} by channel name
// The contacts are read once, ordered by customer, and counted here.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "store/derived.hpp"

namespace kunde::store {
namespace {

struct ChannelCounts {
  std::int64_t in = 0, out = 0;
  std::string last_in;  // latest inbound contact; "" when none
};

struct CustomerContacts {
  std::map<std::string, ChannelCounts> channels;
  std::int64_t contacts = 0, complaints = 0, promises = 0, follow_ups = 0;
  std::string last_at;
  std::optional<std::string> next_follow_up;
};

bool mentions_complaint(std::string_view text) {
  static constexpr std::string_view kWord = "complain";
  if (text.size() < kWord.size()) return false;
  for (std::size_t i = 0; i + kWord.size() <= text.size(); ++i) {
    std::size_t k = 0;
    while (k < kWord.size()) {
      char ch = text[i + k];
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);  // LIKE folds ASCII only
      if (ch != kWord[k]) break;
      ++k;
    }
    if (k == kWord.size()) return true;
  }
  return false;
}

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

std::string counts_json(const ChannelCounts& c) {
  return "{\"in\":" + std::to_string(c.in) + ",\"out\":" + std::to_string(c.out) + "}";
}

void write_stats(Statement& insert, std::int64_t customer_id, const CustomerContacts& c) {
  std::int64_t in = 0, out = 0;
  const std::pair<const std::string, ChannelCounts>* best = nullptr;  // the preferred channel
  std::string by_channel = "{";
  for (const auto& entry : c.channels) {
    const auto& [name, counts] = entry;
    in += counts.in;
    out += counts.out;
    // Channels come in name order, so a later one wins only with more, or later, inbound contacts.
    if (!best || counts.in > best->second.in ||
        (counts.in == best->second.in && counts.last_in > best->second.last_in)) {
      best = &entry;
    }
    if (by_channel.size() > 1) by_channel += ',';
    json_string(by_channel, name);
    by_channel += ':' + counts_json(counts);
  }
  by_channel += '}';
  std::optional<std::string> channel;
  if (best && best->second.in > 0) channel = best->first;
  insert.bind(1, customer_id)
      .bind(2, c.contacts)
      .bind(3, in)
      .bind(4, out)
      .bind(5, c.last_at)
      .bind(6, c.complaints)
      .bind(7, c.promises)
      .bind(8, c.follow_ups)
      .bind(9, c.next_follow_up)
      .bind(10, channel)
      .bind(11, by_channel)
      .run();
}

}  // namespace

void refresh_contact_stats(Database& db, std::string_view customers) {
  db.exec(fmt::format("DELETE FROM customer_contact_stats WHERE customer_id IN (SELECT customer_id FROM {})", customers));
  Statement contacts(db, fmt::format("SELECT k.customer_id, k.channel, k.direction = 'in', k.at, k.outcome, k.reason, "
                                     "k.subject, k.promise IS NOT NULL, k.follow_up_at, k.done_at IS NULL "
                                     "FROM {} b CROSS JOIN contacts k ON k.customer_id = b.customer_id "
                                     "ORDER BY b.customer_id", customers));
  auto& insert = db.prepare(
      "INSERT INTO customer_contact_stats(customer_id, contacts, inbound, outbound, last_contact_at, complaints, "
      "open_promises, open_follow_ups, next_follow_up_at, preferred_channel, by_channel) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  CustomerContacts c;
  std::int64_t current = 0;
  bool any = false;
  while (contacts.step()) {
    std::int64_t id = contacts.get_int(0);
    if (any && id != current) {
      write_stats(insert, current, c);
      c = CustomerContacts{};
    }
    current = id, any = true;
    ChannelCounts& ch = c.channels[std::string(contacts.get_text_view(1))];
    std::string_view at = contacts.get_text_view(3);
    if (contacts.get_int(2)) {
      ++ch.in;
      if (at > ch.last_in) ch.last_in = std::string(at);
    } else {
      ++ch.out;
    }
    ++c.contacts;
    if (at > c.last_at) c.last_at = std::string(at);
    if (mentions_complaint(contacts.get_text_view(4)) || mentions_complaint(contacts.get_text_view(5)) ||
        mentions_complaint(contacts.get_text_view(6)))
      ++c.complaints;
    bool open = contacts.get_int(9) != 0;
    if (open && contacts.get_int(7)) ++c.promises;
    if (open && !contacts.is_null(8)) {
      ++c.follow_ups;
      std::string_view due = contacts.get_text_view(8);
      if (!c.next_follow_up || due < *c.next_follow_up) c.next_follow_up = std::string(due);
    }
  }
  if (any) write_stats(insert, current, c);
}

}  // namespace kunde::store
