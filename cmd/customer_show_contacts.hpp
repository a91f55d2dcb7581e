// The contact part of the screen pop (kunde customer show): contact statistics, cost to
// serve, open promises and follow-ups, and the last contacts.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <ostream>

#include "context.hpp"
#include "store/contact_repo.hpp"

namespace kunde::cmd {

// {"summary": {...}, "cost_to_serve": ..., "open": [...], "recent": [...]} for -f json.
// `summary` is ContactRepo::summary of the customer, which the caller shows too.
nlohmann::ordered_json customer_contacts_json(Context& ctx, std::int64_t customer_id,
                                              const store::ContactSummary& summary, std::int64_t recent_contacts);

// Labelled lines for the table view, aligned with the rest of customer show.
void print_customer_contacts(Context& ctx, std::ostream& out, bool color, std::int64_t customer_id,
                             const store::ContactSummary& summary, std::int64_t recent_contacts);

}  // namespace kunde::cmd
