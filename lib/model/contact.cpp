// Contact fields, channels and content hashes.
#include "model/contact.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "error.hpp"
#include "text/utf8.hpp"

namespace kunde::model {
namespace {

// Lower case, and spaces, dashes and dots as one underscore: "Phone Call" -> "phone_call".
std::string token(std::string_view s) {
  std::string out;
  for (char ch : text::trim(s)) {
    if (ch == ' ' || ch == '-' || ch == '.' || ch == '_') {
      if (!out.empty() && out.back() != '_') out += '_';
    } else {
      out += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

struct Synonym {
  const char* word;
  const char* channel;
};

constexpr Synonym kSynonyms[] = {
    {"letter", "post"},        {"mail_letter", "post"},  {"postal", "post"},      {"brev", "post"},
    {"e_mail", "email"},       {"epost", "email"},       {"e_post", "email"},     {"mail", "email"},
    {"call", "phone"},         {"phone_call", "phone"},  {"telephone", "phone"},  {"tel", "phone"},
    {"telefon", "phone"},      {"mobile", "phone"},      {"meeting", "visit"},    {"in_person", "visit"},
    {"store", "visit"},        {"shop", "visit"},        {"besok", "visit"},      {"video_call", "video"},
    {"videocall", "video"},    {"im", "chat"},           {"instant_message", "chat"}, {"live_chat", "chat"},
    {"messenger", "chat"},     {"text", "sms"},          {"text_message", "sms"}, {"telefax", "fax"},
    {"self_service", "web"},   {"selfservice", "web"},   {"portal", "web"},       {"website", "web"},
    {"online", "web"},         {"web_form", "web"},      {"webform", "web"},      {"social_media", "social"},
    {"facebook", "social"},    {"instagram", "social"},  {"linkedin", "social"},  {"twitter", "social"},
};

std::uint64_t fnv1a_bytes(std::uint64_t h, std::string_view s) {
  for (unsigned char ch : s) {
    h ^= ch;
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace

const std::vector<FieldSpec>& contact_fields() {
  static const std::vector<FieldSpec> fields = [] {
    std::vector<std::string> customer = {"number"};
    customer.insert(customer.end(), aliases::customer_number().begin(), aliases::customer_number().end());
    return std::vector<FieldSpec>{
        {"key", {"contact_key", "contact_id", "external_id"}, false, false,
         "the contact's own key, when the file has one (matched on)"},
        {"customer", customer, true, false, "customer number, #id or email"},
        {"at", {"date", "contacted_at", "datetime", "time", "timestamp", "dato"}, true, false,
         "when it happened"},
        {"channel", {"medium", "kanal", "type"}, true, false, "phone, email, visit, post, chat, sms, ..."},
        {"direction", {"dir", "inbound_outbound", "retning"}, true, false, "in or out"},
        {"subject", {"title", "topic", "emne"}, false, false, "subject"},
        {"notes", {"note", "comment", "comments", "notat", "body", "text"}, false, false, "notes"},
        {"outcome", {"result", "resultat"}, false, false, "outcome"},
        {"reason", {"cause", "arsak"}, false, false, "reason (why a customer complained or left)"},
        {"follow_up_at", {"due", "follow_up", "followup", "due_at", "due_date"}, false, false,
         "when to follow up"},
        {"promise", {"promised", "commitment", "lofte"}, false, false, "what was promised"},
        {"owner", {"agent", "user", "assigned_to", "handled_by", "ansvarlig"}, false, false, "who follows up"},
        {"done_at", {"closed_at", "completed_at"}, false, false, "when the follow-up was done"},
        {"done_notes", {"closing_notes"}, false, false, "notes on closing it"},
    };
  }();
  return fields;
}

std::vector<std::string> contact_columns() {
  std::vector<std::string> out;
  for (const auto& f : contact_fields()) out.push_back(f.name);
  return out;
}

const std::vector<std::string>& builtin_channels() {
  static const std::vector<std::string> names = {"visit", "phone", "post", "email", "video",
                                                 "chat",  "sms",   "fax",  "web",   "social"};
  return names;
}

Channels::Channels(const std::vector<std::string>& extra) : names_(builtin_channels()) {
  for (const auto& e : extra) {
    std::string t = token(e);
    if (!t.empty() && std::find(names_.begin(), names_.end(), t) == names_.end()) names_.push_back(t);
  }
}

std::string Channels::canonical(std::string_view name) const {
  std::string t = token(name);
  if (t.empty()) throw Error("the channel is empty", fmt::format("channels are: {}", fmt::join(names_, ", ")));
  if (std::find(names_.begin(), names_.end(), t) != names_.end()) return t;
  std::string folded = token(text::fold(name));
  for (const auto& s : kSynonyms) {
    if (t == s.word || folded == s.word) return s.channel;
  }
  if (std::find(names_.begin(), names_.end(), folded) != names_.end()) return folded;
  throw Error(fmt::format("unknown channel '{}'", text::trim(name)),
              fmt::format("channels are: {} (more in the config: [contact] channels = [...])", fmt::join(names_, ", ")));
}

std::string parse_direction(std::string_view text) {
  std::string t = token(text);
  if (t == "in" || t == "inbound" || t == "incoming" || t == "inn" || t == "i") return "in";
  if (t == "out" || t == "outbound" || t == "outgoing" || t == "ut" || t == "o") return "out";
  if (t.empty()) throw Error("the direction is empty", "write in or out");
  throw Error(fmt::format("unknown direction '{}'", text::trim(text)), "write in or out");
}

namespace {

constexpr std::uint64_t kFnvBasis = 14695981039346656037ULL;

// A field as its presence and length, then its bytes: no two lists of fields give the same
// bytes, whatever the texts hold.
std::uint64_t hash_field(std::uint64_t h, const std::string* field) {
  std::uint64_t size = field ? field->size() : 0;
  char head[9] = {field ? '\1' : '\0'};
  for (int i = 0; i < 8; ++i) head[1 + i] = static_cast<char>((size >> (8 * i)) & 0xff);
  h = fnv1a_bytes(h, std::string_view(head, sizeof head));
  return field ? fnv1a_bytes(h, *field) : h;
}

}  // namespace

std::uint64_t content_hash(const Contact& c) {
  std::uint64_t h = kFnvBasis;
  for (const std::string* f : {&c.at, &c.channel, &c.direction}) h = hash_field(h, f);
  for (const auto* f : {&c.subject, &c.notes, &c.outcome, &c.reason, &c.follow_up_at, &c.promise, &c.owner}) {
    h = hash_field(h, f->has_value() ? &**f : nullptr);
  }
  return h;
}

}  // namespace kunde::model
