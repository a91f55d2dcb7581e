// Contact services.
#include "crm/contacts.hpp"

#include <fmt/format.h>

#include "crm/customers.hpp"
#include "error.hpp"
#include "store/store.hpp"

namespace kunde::crm {

std::string contact_state(const model::Contact& c) {
  if (c.done_at) return "done";
  if (c.follow_up_at || c.promise) return "open";
  return "none";
}

Logged log_contacts(Session& s, model::Contact c, const std::vector<std::int64_t>& ids) {
  auto write = s.store().begin_write(s.command());
  auto& contacts = s.store().contacts();
  Logged out;
  // Without a key: the same content logged again (same customer, time and text) is a new
  // contact, and an import of the same contact matches the first one by its content.
  for (auto id : ids) {
    c.customer_id = id;
    out.last_id = contacts.insert(c);
    ++out.count;
  }
  out.summary = ids.size() == 1
                    ? fmt::format("logged contact {} ({} {}) for {}", out.last_id, c.channel, c.direction,
                                  customer_ident(s, ids.front()))
                    : fmt::format("logged {} contact{} ({} {})", ids.size(), ids.size() == 1 ? "" : "s", c.channel,
                                  c.direction);
  write->commit(out.summary);
  return out;
}

std::string close_contacts(Session& s, const std::vector<std::int64_t>& ids, const std::string& at,
                           const std::optional<std::string>& notes) {
  auto write = s.store().begin_write(s.command());
  auto& contacts = s.store().contacts();
  for (auto id : ids) {
    auto r = contacts.by_id(id);
    if (!r) throw Error(fmt::format("no contact {}", id), "'kunde contact due' lists the open ones and their ids");
    const auto& k = r->contact;
    std::string state = contact_state(k);
    if (state == "done") {
      throw Error(fmt::format("contact {} was done already on {}", id, *k.done_at),
                  "'kunde undo' reopens it if that was a mistake");
    }
    if (state != "open") {
      throw Error(fmt::format("contact {} has no promise or follow-up to close", id), "'kunde contact due' lists what is open");
    }
    contacts.mark_done(id, at, notes);
  }
  std::string summary =
      ids.size() == 1 ? fmt::format("closed contact {}", ids.front()) : fmt::format("closed {} contacts", ids.size());
  write->commit(summary);
  return summary;
}

std::optional<ContactRow> contact_by_id(Session& s, std::int64_t id) { return s.store().contacts().by_id(id); }

void list_contacts(Session& s, const ContactFilter& f, const std::function<void(const ContactRow&)>& each) {
  s.store().contacts().list(f, each);
}

void due_contacts(Session& s, const DueFilter& f, const std::function<void(const DueItem&)>& each) {
  s.store().contacts().due(f, each);
}

ContactSummary contact_summary(Session& s, std::int64_t customer_id) { return s.store().contacts().summary(customer_id); }

}  // namespace kunde::crm
