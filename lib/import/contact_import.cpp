// Contact import.
#include "import/contact_import.hpp"

#include <fmt/format.h>

#include <absl/container/flat_hash_map.h>

#include <unordered_map>

#include "error.hpp"
#include "model/contact.hpp"
#include "model/dates.hpp"
#include "store/contact_repo.hpp"
#include "store/customer_repo.hpp"
#include "text/utf8.hpp"

namespace kunde::import {
namespace {

using namespace model;

std::optional<std::string> opt(std::string_view v) {
  if (v.empty()) return std::nullopt;
  return std::string(v);
}

// A row's fields other than the customer, read ahead (Importer::prepare).
struct ContactValues : Prepared {
  Contact contact;
};

class ContactImporter : public Importer {
 public:
  ContactImporter(store::Database& db, const ImportOptions& o, const std::vector<std::string>& channels)
      : Importer(contact_fields(), o), customers_(db), contacts_(db), channels_(channels) {
    defer_indexes(store::NewRow::contacts);
  }

 protected:
  std::unique_ptr<Prepared> prepare(const Row& row) const override {
    auto out = std::make_unique<ContactValues>();
    read_values(row, out->contact);
    return out;
  }

  Outcome process(const Row& row) override {
    std::int64_t customer_id = 0;
    const std::string& ident = customer(row.get(kContactCustomer), customer_id);
    Contact c;
    if (auto* ready = dynamic_cast<ContactValues*>(prepared())) {
      c = std::move(ready->contact);
    } else {
      read_values(row, c);
    }
    c.customer_id = customer_id;

    unsigned fields = 0;
    if (auto key = row.get(kContactKey); !key.empty()) {
      c.key = std::string(key);
      for (std::size_t f = kContactCustomer; f < kContactFieldCount; ++f)
        if (row.has(f)) fields |= 1u << f;
    } else {
      std::string base = content_key(c, ident, 1);
      // Counted by a hash of the key, so a large file costs a few bytes per distinct row.
      std::uint32_t n = ++occurrences_[std::hash<std::string>{}(base)];
      c.key = n == 1 ? base : fmt::format("{}-{}", base, n);
      // The content is the key; only closing a follow-up can change such a contact.
      for (std::size_t f : {kContactDoneAt, kContactDoneNotes})
        if (row.has(f)) fields |= 1u << f;
    }
    constexpr unsigned kTouched = store::Change::kTouchContacts;
    if (insert_new(store::NewRow::contacts, [&] { return contacts_.insert(c); })) {
      contact_added(c);
      return Outcome::inserted;
    }
    if (!fields) return Outcome::unchanged;
    // A file with its own keys may move a contact to another customer.
    auto before = contacts_.by_key(c.key);
    if (contacts_.update_by_key(c, fields)) {
      touch(c.customer_id, kTouched);
      if (before) {
        touch(before->second, kTouched);
        touch_contact(before->first);
      }
      return Outcome::updated;
    }
    return Outcome::unchanged;
  }

 private:
  // Everything but the customer.
  void read_values(const Row& row, Contact& c) const {
    std::string_view at = row.get(kContactAt);
    if (at.empty()) throw Error("the date is empty", "every contact needs the date (and time) it happened");
    c.at = parse_date(at, options().date_format);
    c.channel = channels_.canonical(row.get(kContactChannel));
    c.direction = parse_direction(row.get(kContactDirection));
    c.subject = opt(row.get(kContactSubject));
    c.notes = opt(row.get(kContactNotes));
    c.outcome = opt(row.get(kContactOutcome));
    c.reason = opt(row.get(kContactReason));
    if (auto v = row.get(kContactFollowUpAt); !v.empty()) c.follow_up_at = parse_date(v, options().date_format);
    c.promise = opt(row.get(kContactPromise));
    c.owner = opt(row.get(kContactOwner));
    if (auto v = row.get(kContactDoneAt); !v.empty()) c.done_at = parse_date(v, options().date_format);
    c.done_notes = opt(row.get(kContactDoneNotes));
  }

  // The customer's id, and the text that identifies them in the content key (valid until
  // the next call).
  const std::string& customer(std::string_view ref, std::int64_t& id) {
    if (ref.empty()) throw Error("the customer is empty", "every contact needs a customer number");
    // A customer's contacts usually come together.
    if (last_ && ref == last_->first) {
      id = last_->second.first;
      return last_->second.second;
    }
    std::string key(ref);
    if (auto it = cache_.find(key); it != cache_.end()) {
      last_ = &*it;
      id = it->second.first;
      return it->second.second;
    }
    std::optional<std::int64_t> found = customers_.id_by_number(ref);
    std::string ident = key;
    if (!found && ref.size() > 1 && ref[0] == '#') {
      try {
        std::size_t used = 0;
        long long v = std::stoll(key.substr(1), &used);
        if (used + 1 == key.size() && customers_.by_id(v)) found = v;
      } catch (...) {
      }
    }
    if (!found && key.find('@') != std::string::npos) {
      restore_indexes();
      found = customers_.id_by_email(text::to_lower_ascii(key));
      if (found) ident = fmt::format("#{}", *found);
    }
    if (!found) {
      if (!options().create_missing || key[0] == '#' || key.find('@') != std::string::npos) {
        throw Error(fmt::format("no customer '{}'", key),
                    "import the customers first, or use --create-missing to create bare ones");
      }
      Customer bare;
      bare.number = key;
      found = insert_customer(customers_, bare);
      ++counts().notes["customers created"];
    }
    id = *found;
    // A cache of recent lookups, not a copy of the customer table.
    if (cache_.size() >= 20000) cache_.clear();
    last_ = &*cache_.emplace(key, std::make_pair(id, ident)).first;
    return last_->second.second;
  }

  store::CustomerRepo customers_;
  store::ContactRepo contacts_;
  Channels channels_;
  std::unordered_map<std::string, std::pair<std::int64_t, std::string>> cache_;
  const std::pair<const std::string, std::pair<std::int64_t, std::string>>* last_ = nullptr;  // into cache_
  absl::flat_hash_map<std::uint64_t, std::uint32_t> occurrences_;
};

}  // namespace

ImportCounts import_contacts(store::Database& db, const std::string& path, const ImportOptions& options,
                             const std::vector<std::string>& channels) {
  ContactImporter importer(db, options, channels);
  return importer.run(path);
}

}  // namespace kunde::import
