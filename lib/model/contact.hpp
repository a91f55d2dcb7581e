// A contact with a customer on any channel, inbound or outbound, with what was promised and
// when to follow up; the channel vocabulary and the content hash that makes imports idempotent.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/field_spec.hpp"

namespace kunde::model {

struct Contact {
  std::int64_t id = 0;
  // The natural key a file gave it; without one the contact is known by its customer and
  // content (content_hash).
  std::optional<std::string> key;
  std::int64_t customer_id = 0;
  std::string at;         // ISO date or date-time as written
  std::string channel;    // canonical channel name
  std::string direction;  // "in" or "out"
  std::optional<std::string> subject, notes, outcome, reason, follow_up_at, promise, owner, done_at, done_notes;

  bool operator==(const Contact&) const = default;
};

// Canonical contact fields in export order, with their import aliases.
enum ContactField : std::size_t {
  kContactKey, kContactCustomer, kContactAt, kContactChannel, kContactDirection, kContactSubject,
  kContactNotes, kContactOutcome, kContactReason, kContactFollowUpAt, kContactPromise, kContactOwner,
  kContactDoneAt, kContactDoneNotes, kContactFieldCount
};
const std::vector<FieldSpec>& contact_fields();
std::vector<std::string> contact_columns();

// The channels contacts may use: the built-in ones plus those named in the config
// ([contact] channels = [...]). Common synonyms map to the built-in names (letter -> post).
class Channels {
 public:
  explicit Channels(const std::vector<std::string>& extra = {});
  // The canonical name for what was written; throws kunde::Error listing the channels.
  std::string canonical(std::string_view name) const;
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::vector<std::string> names_;
};

const std::vector<std::string>& builtin_channels();

// "in"/"out" from in, inbound, incoming, out, outbound, outgoing (any case); throws kunde::Error.
std::string parse_direction(std::string_view text);

// A hash of what happened (time, channel, direction and the texts; not the customer, and not
// whether it is done). A contact without a key is matched by its customer, this hash and its
// occurrence number among the customer's contacts with the same content, so importing a file
// again changes nothing.
std::uint64_t content_hash(const Contact& c);

}  // namespace kunde::model
