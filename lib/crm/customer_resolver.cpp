// Resolving customer references (customer_resolver.hpp has the rule).
#include "crm/customer_resolver.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "crm/session.hpp"
#include "error.hpp"
#include "model/phone.hpp"
#include "store/store.hpp"
#include "text/utf8.hpp"

namespace kunde::crm {
namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

bool looks_like_phone(std::string_view s) {
  int digits = 0;
  for (char ch : s) {
    if (ch >= '0' && ch <= '9') {
      ++digits;
    } else if (!std::strchr(" +-()./", ch)) {
      return false;
    }
  }
  return digits >= 5;
}

// A national number of another country than the usual one ("03 3584 0555" typed for a
// customer in Japan): each customer whose phone ends in its digits, a trunk 0 left off, is
// one when the text read in their country is their number. Six digits at least, so that a
// short fragment finds nobody by chance.
std::vector<std::int64_t> by_national_number(store::Customers& customers, std::string_view ref) {
  std::string digits;
  for (char ch : ref)
    if (ch >= '0' && ch <= '9') digits += ch;
  const std::size_t start = digits.find_first_not_of('0');
  if (start == std::string::npos || digits.size() - start < 6) return {};
  std::vector<std::int64_t> out;
  for (const auto& owner : customers.phones_ending_in(std::string_view(digits).substr(start), 50)) {
    const std::string region = model::is_phone_region(owner.country) ? owner.country : model::phone_region_of(owner.e164);
    if (!region.empty() && model::to_e164(ref, region) == owner.e164) out.push_back(owner.id);
  }
  return out;
}

std::optional<std::int64_t> id_of(std::string_view digits) {
  if (!all_digits(digits) || digits.size() > 18) return std::nullopt;
  return std::stoll(std::string(digits));
}

}  // namespace

CustomerResolver::CustomerResolver(Session& session) : session_(session) {}

std::vector<std::int64_t> CustomerResolver::resolve(std::string_view raw, RefSource source) {
  std::string_view ref = text::trim(raw);
  std::vector<std::int64_t> out;
  if (ref.empty()) return out;
  auto& customers = session_.store().customers();
  if (ref.size() > 1 && ref[0] == '#') {
    if (auto id = id_of(ref.substr(1)); id && customers.by_id(*id)) out.push_back(*id);
    return out;
  }
  if (auto id = customers.id_by_number(ref)) return {*id};
  if (auto whole = model::customer_number_text(ref); whole != ref) {
    if (auto id = customers.id_by_number(whole)) return {*id};
  }
  if (ref.find('@') != std::string_view::npos) {
    if (auto id = customers.id_by_email(text::to_lower_ascii(ref))) out.push_back(*id);
    return out;
  }
  // In a file a bare number is a customer number: only a phone written internationally
  // (+47 ..., 0047 ...) is looked up as one there.
  if (out = by_phone(ref, source); !out.empty()) return out;
  if (source == RefSource::file) return out;
  // Ignoring case only when that leaves no doubt, and only for what a person typed: a file
  // from a system whose numbers differ by case names its customers exactly (and a search
  // through every customer for each unknown reference would make large imports crawl).
  if (auto ids = customers.ids_by_number_nocase(ref, 2); ids.size() == 1) return ids;
  if (ref.size() < 12) {
    if (auto id = id_of(ref); id && customers.by_id(*id)) out.push_back(*id);
  }
  return out;
}

std::vector<std::int64_t> CustomerResolver::by_phone(std::string_view raw, RefSource source) {
  std::string_view ref = text::trim(raw);
  const bool international = !ref.empty() && (ref[0] == '+' || ref.substr(0, 2) == "00");
  if (!looks_like_phone(ref) || (source == RefSource::file && !international)) return {};
  auto& customers = session_.store().customers();
  // A number with its country code needs no region (00, the international prefix of most
  // of the world, reads as +), so the usual one is worked out (a look at the customers'
  // countries) only for a national number.
  auto e164 = international ? model::to_e164(ref[0] == '+' ? std::string(ref) : "+" + std::string(ref.substr(2)), "")
                            : model::to_e164(ref, session_.region());
  std::vector<std::int64_t> out;
  if (e164) out = customers.ids_by_phone(*e164);
  // A number no parser could place, as stored or by its digits: a search through every
  // customer, so only for what a person typed.
  if (out.empty() && source == RefSource::typed) out = customers.ids_by_phone_text(ref, 10);
  if (out.empty() && source == RefSource::typed && !international) out = by_national_number(customers, ref);
  return out;
}

std::int64_t CustomerResolver::resolve_one(std::string_view ref, RefSource source) {
  auto ids = resolve(ref, source);
  if (ids.empty()) {
    std::string_view t = text::trim(ref);
    if (looks_like_phone(t) && t[0] != '+' && t.substr(0, 2) != "00") {
      throw Error(fmt::format("no customer matches '{}'", t),
                  fmt::format("a phone number without its country code is read as one of {}; write it with the "
                              "code (+44 20 ...) for another country",
                              session_.region()));
    }
    throw Error(fmt::format("no customer matches '{}'", t),
                "give a customer number, #id, email or phone; 'kunde customer find TEXT' searches names");
  }
  if (ids.size() > 1) {
    std::vector<std::string> shown;
    for (auto id : ids) shown.push_back(fmt::format("#{}", id));
    throw Error(fmt::format("'{}' matches {} customers: {}", text::trim(ref), ids.size(), fmt::join(shown, ", ")),
                "give the customer number or #id of the one you mean");
  }
  return ids.front();
}

std::int64_t CustomerResolver::find_or_create(std::string_view raw, bool create_missing, const Create& create,
                                              bool& created) {
  created = false;
  std::string_view ref = text::trim(raw);
  if (ref.empty()) throw Error("the customer is empty", "every row needs a customer number, #id or email");
  if (last_id_ && ref == last_ref_) return last_id_;
  auto ids = resolve(ref, RefSource::file);
  std::int64_t id = 0;
  if (ids.size() > 1) {
    throw Error(fmt::format("'{}' matches {} customers", ref, ids.size()), "name the customer by number or #id");
  }
  if (!ids.empty()) {
    id = ids.front();
  } else {
    if (!create_missing || ref[0] == '#') {
      throw Error(fmt::format("no customer '{}'", ref),
                  "import the customers first, or give --create-missing to create bare ones");
    }
    // A bare customer is known by what the file calls it until an import names it.
    model::Customer bare;
    bare.name = std::string(ref);
    if (ref.find('@') != std::string_view::npos) {
      bare.email = std::string(ref);
    } else {
      bare.number = std::string(model::customer_number_text(ref));
      bare.name = *bare.number;
    }
    model::normalise(bare, model::ParseContext{});
    id = create(bare);
    created = true;
  }
  last_ref_.assign(ref);
  last_id_ = id;
  return id;
}

}  // namespace kunde::crm
