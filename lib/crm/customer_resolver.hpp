// The one rule for finding the customer a reference names, used by every command that names
// a customer, by --from lists and by every import:
//   #12              the customer with id 12
//   a number         the customer with that number, or the customer it was merged into
//                    (17850.0, as spreadsheets write whole numbers, is 17850 when no
//                    customer has 17850.0 itself);
//                    typed, ignoring case when only one customer's number matches that way
//   an email         the customer with that email, case ignored
//   a phone number   any way of writing it (+47 912 34 567, 0047-91234567, 91234567, ...):
//                    by its E.164 form, else as stored, else by the same digits, else
//                    (typed, without its country code) as a national number of the
//                    country of a customer whose number ends in its digits; in a file
//                    (where a bare number is a customer number) only written with its
//                    country code, and by its E.164 form
//   12               (typed on the command line only) the customer with id 12, when no
//                    customer has that number
// A reference that matches several customers is ambiguous; the caller says so.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/customer.hpp"

namespace kunde::crm {

class Session;

// Where a reference comes from: typed by a person, or read from a file (where a bare
// number is a customer number, never an id).
enum class RefSource { typed, file };

class CustomerResolver {
 public:
  explicit CustomerResolver(Session& session);

  // Every customer the reference matches, best first.
  std::vector<std::int64_t> resolve(std::string_view ref, RefSource source = RefSource::typed);
  // The customers whose phone the reference is, by the phone rule above; none when it does
  // not look like a phone number.
  std::vector<std::int64_t> by_phone(std::string_view ref, RefSource source = RefSource::typed);
  // Exactly one customer; throws kunde::Error for none or several.
  std::int64_t resolve_one(std::string_view ref, RefSource source = RefSource::typed);

  // For imports and lists: the customer a file row names; an unknown one is created as a
  // bare customer when `create_missing` (known by the reference until an import names it:
  // number and name, or email and name) and `created` is set to true. Throws kunde::Error
  // (which rejects the row) otherwise. Remembers recent answers: rows of one customer
  // usually come together.
  using Create = std::function<std::int64_t(const model::Customer&)>;
  std::int64_t find_or_create(std::string_view ref, bool create_missing, const Create& create, bool& created);

 private:
  Session& session_;
  std::string last_ref_;
  std::int64_t last_id_ = 0;
};

}  // namespace kunde::crm
