// The orders part of the screen pop (kunde customer show): money owed, overdue, credit,
// the last orders with their lines, favourite categories.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "context.hpp"
#include "crm/screen_pop.hpp"

namespace kunde::cmd {

// The materialised top categories ("a;b;c", best first) as a list, order kept.
std::vector<std::string> favourite_categories(const std::string& stored);
// One warning line under the balance when money is overdue or the credit limit is passed.
void print_account_alerts(Context& ctx, std::ostream& out, bool color, const crm::ScreenPop& pop,
                          std::size_t width = 10);
// The last orders with their lines.
void print_recent_orders(Context& ctx, std::ostream& out, bool color, const crm::ScreenPop& pop);
// The same as JSON: "account" and "recent_orders".
void add_orders_json(Context& ctx, nlohmann::ordered_json& doc, const crm::ScreenPop& pop);

}  // namespace kunde::cmd
