// Contacts: logging them (one customer, or many as one entry), closing what was promised,
// and the rules of their state: a contact with a promise or follow-up is open until done.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "crm/session.hpp"
#include "model/contact.hpp"
#include "store/contacts.hpp"

namespace kunde::crm {

using store::ContactFilter;
using store::ContactRow;
using store::ContactSummary;
using store::DueFilter;
using store::DueItem;

// "open" (a promise or follow-up not yet done), "done", or "none".
std::string contact_state(const model::Contact& c);

// Logs `contact` for each customer; the id of the last one. One history entry.
struct Logged {
  std::int64_t last_id = 0, count = 0;
  std::string summary;  // what history and the command say
};
Logged log_contacts(Session& s, model::Contact contact, const std::vector<std::int64_t>& customer_ids);

// Closes the follow-ups and promises of the contacts; refuses ones done already or with
// nothing to close. One history entry.
std::string close_contacts(Session& s, const std::vector<std::int64_t>& ids, const std::string& at,
                           const std::optional<std::string>& notes);

std::optional<ContactRow> contact_by_id(Session& s, std::int64_t id);
void list_contacts(Session& s, const ContactFilter& f, const std::function<void(const ContactRow&)>& each);
void due_contacts(Session& s, const DueFilter& f, const std::function<void(const DueItem&)>& each);
ContactSummary contact_summary(Session& s, std::int64_t customer_id);

}  // namespace kunde::crm
