// The contact part of the screen pop (kunde customer show): contact statistics, cost to
// serve, open promises and follow-ups, and the last contacts.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "context.hpp"
#include "crm/screen_pop.hpp"

namespace kunde::cmd {

// {"contacts": ..., "cost_to_serve": ..., "open": [...], "recent": [...]} for -f json.
nlohmann::ordered_json customer_contacts_json(Context& ctx, const crm::ScreenPop& pop);
// Labelled lines for the table view, aligned with the rest of customer show.
// `width`: the label column, as wide as the rest of the screen pop's.
void print_customer_contacts(Context& ctx, std::ostream& out, bool color, const crm::ScreenPop& pop,
                             std::size_t width = 10);

}  // namespace kunde::cmd
