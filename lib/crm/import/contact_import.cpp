// Contact import.
#include "crm/import/contact_import.hpp"

#include <fmt/format.h>

#include <deque>
#include <unordered_map>

#include "error.hpp"
#include "memory_budget.hpp"
#include "crm/import/contact_matcher.hpp"
#include "model/contact.hpp"
#include "model/dates.hpp"
#include "text/utf8.hpp"

namespace kunde::crm::import {
namespace {

using namespace model;

std::optional<std::string> opt(std::string_view v) {
  if (v.empty()) return std::nullopt;
  return std::string(v);
}

// A row's fields other than the customer, read ahead (Importer::prepare).
struct ContactValues : Prepared {
  Contact contact;
  std::uint64_t hash = 0;  // content_hash()
};

class ContactImporter : public Importer {
 public:
  ContactImporter(Session& session, store::ImportWrite& write, const ImportOptions& o,
                  const std::vector<std::string>& channels)
      : Importer(contact_fields(), o, session, write),
        contacts_(store().contacts()),
        channels_(channels),
        matcher_(write.next_contact_id(), matcher_store()) {
    write.expect_many(store::Table::contacts);
  }

 protected:
  std::unique_ptr<Prepared> prepare(const Row& row) const override {
    auto out = std::make_unique<ContactValues>();
    read_values(row, out->contact);
    out->hash = content_hash(out->contact);
    return out;
  }

  Outcome process(const Row& row) override {
    std::int64_t customer_id = customer_of(row.get(kContactCustomer));
    // The contact read ahead stays where it is until batch_done(): freed by the thread that
    // made it, it costs no lock.
    Contact read;
    Contact* ready = &read;
    std::uint64_t hash = 0;
    if (auto* values = dynamic_cast<ContactValues*>(prepared())) {
      ready = &values->contact;
      hash = values->hash;
    } else {
      read_values(row, read);
    }
    Contact& c = *ready;
    c.customer_id = customer_id;
    std::string_view key = row.get(kContactKey);
    if (!key.empty()) {
      c.key = std::string(key);
      return process_keyed(row, c);
    }
    // Known by its content: only closing a follow-up can change such a contact.
    if (!hash) hash = content_hash(c);
    std::int64_t stored = matcher_.match(customer_id, hash);
    if (!stored) {
      pending_.push_back(ready == &read ? &owned_.emplace_back(std::move(read)) : ready);
      if (pending_.size() == kPendingRows) flush();
      return Outcome::inserted;
    }
    unsigned fields = 0;
    for (std::size_t f : {kContactDoneAt, kContactDoneNotes})
      if (row.has(f)) fields |= 1u << f;
    if (!fields || !write().update_contact_by_id(stored, c, fields)) return Outcome::unchanged;
    return Outcome::updated;
  }

  void batch_done() override { flush(); }
  void finish() override { flush(); }

 private:
  Outcome process_keyed(const Row& row, const Contact& c) {
    flush();
    if (write().add_contact_if_new(c)) return Outcome::inserted;
    unsigned fields = 0;
    for (std::size_t f = kContactCustomer; f < kContactFieldCount; ++f)
      if (row.has(f)) fields |= 1u << f;
    return write().update_contact_by_key(c, fields) ? Outcome::updated : Outcome::unchanged;
  }

  // Inserts the new contacts without a key held back so far, several to a statement.
  void flush() {
    if (pending_.empty()) return;
    write().add_contacts(pending_);
    pending_.clear();
    owned_.clear();
  }

  ContactMatcher::Store matcher_store() {
    return {
        // Without a statistics row the customer had no contacts before the import (the rows
        // this import writes are for customers the matcher asked about before). It is read by
        // its primary key, while the contact indexes may be deferred.
        [this](std::int64_t customer_id) { return write().had_contacts(customer_id); },
        [this](std::int64_t customer_id, const std::function<void(std::int64_t, std::uint64_t)>& each) {
          contacts_.keyless(customer_id, [&](const Contact& k) { each(k.id, content_hash(k)); });
        },
    };
  }

  // Everything but the customer.
  void read_values(const Row& row, Contact& c) const {
    std::string_view at = row.get(kContactAt);
    if (at.empty()) throw Error("the date is empty", "every contact needs the date (and time) it happened");
    c.at = parse_file_date(at, options().date_format);
    c.channel = channels_.canonical(row.get(kContactChannel));
    c.direction = parse_direction(row.get(kContactDirection));
    c.subject = opt(row.get(kContactSubject));
    c.notes = opt(row.get(kContactNotes));
    c.outcome = opt(row.get(kContactOutcome));
    c.reason = opt(row.get(kContactReason));
    if (auto v = row.get(kContactFollowUpAt); !v.empty()) c.follow_up_at = parse_file_date(v, options().date_format);
    c.promise = opt(row.get(kContactPromise));
    c.owner = opt(row.get(kContactOwner));
    if (auto v = row.get(kContactDoneAt); !v.empty()) c.done_at = parse_file_date(v, options().date_format);
    c.done_notes = opt(row.get(kContactDoneNotes));
  }

  // The customer's id. A customer's contacts usually come together; the resolver remembers
  // the last one, this a few thousand more for files in another order.
  std::int64_t customer_of(std::string_view ref) {
    if (last_ && ref == last_->first) return last_->second;
    std::string key(ref);
    if (auto it = cache_.find(key); it != cache_.end()) {
      last_ = &*it;
      return it->second;
    }
    std::int64_t found = customer(ref);
    // A cache of recent lookups, not a copy of the customer table.
    if (cache_.size() >= budget::kRememberedReferences) cache_.clear();
    last_ = &*cache_.emplace(key, found).first;
    return found;
  }

  static constexpr std::size_t kPendingRows = 32;
  store::Contacts& contacts_;
  Channels channels_;
  ContactMatcher matcher_;
  // New contacts without a key, not yet inserted: in what prepare() made, or in owned_
  // (rows nothing was read ahead for).
  std::vector<const Contact*> pending_;
  std::deque<Contact> owned_;
  std::unordered_map<std::string, std::int64_t> cache_;
  const std::pair<const std::string, std::int64_t>* last_ = nullptr;  // into cache_
};

}  // namespace

ImportCounts import_contacts(Session& session, store::ImportWrite& write, const std::string& path,
                             const ImportOptions& options, const std::vector<std::string>& channels) {
  ContactImporter importer(session, write, options, channels);
  return importer.run(path);
}

}  // namespace kunde::crm::import
