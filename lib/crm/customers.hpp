// Customers: adding, changing, tagging, merging, removing and erasing them, and finding them.
// Each write is one history entry.
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "crm/session.hpp"
#include "model/customer.hpp"
#include "store/customers.hpp"
#include "store/maintenance.hpp"

namespace kunde::crm {

using store::CustomerFilter;
using store::CustomerStats;
using store::Dependents;
using store::DuplicatePair;

std::optional<model::Customer> customer_by_id(Session& s, std::int64_t id);
std::vector<std::string> customer_aliases(Session& s, std::int64_t id);
CustomerStats customer_stats(Session& s, std::int64_t id);
void list_customers(Session& s, const CustomerFilter& filter, const std::function<void(const model::Customer&)>& each);
// `customer find`: the customers whose phone the text is, written any way (the phone rule of
// CustomerResolver), then those with words starting with each of the text's words (case and
// accents ignored); each customer once, at most `limit` of them.
void find_customers(Session& s, std::string_view text, std::optional<std::int64_t> limit,
                    const std::function<void(const model::Customer&)>& each);
// The custom attribute names in use, sorted.
std::vector<std::string> attribute_keys(Session& s);
// The custom attribute a user's name for it means (--attr, attr.NAME in rules): a stored name
// equal to it; else the name as an import would keep it (snake case) when that is stored;
// else a stored name that differs from it only in case, spaces, '_', '-' and '.' (an import
// keeps SupportRepId as support_rep_id); else the name as an import would keep it.
std::string attribute_key(Session& s, std::string_view given);
// Whether a search text has anything to search for (letters or digits).
bool searchable(std::string_view text);

// Adds the customer (its number must be free); its id.
std::int64_t add_customer(Session& s, const model::Customer& c);
// Applies `change` to the customer the reference names; false when nothing changed.
struct Edited {
  std::int64_t id = 0;
  bool changed = false;
};
Edited edit_customer(Session& s, std::string_view ref, const std::function<void(model::Customer&)>& change);
// Removes the customer; refuses while orders, payments or contacts refer to them unless `force`.
std::int64_t remove_customer(Session& s, std::string_view ref, bool force);

struct Tagged {
  std::int64_t changed = 0, customers = 0;
};
Tagged tag_customers(Session& s, const std::vector<std::int64_t>& ids, const std::vector<std::string>& tags, bool add);

struct Merged {
  std::int64_t kept = 0, gone = 0;
  Dependents moved;
};
Merged merge_customers(Session& s, std::string_view keep, std::string_view merge);

// Erases the customer everywhere, history included (the right to erasure).
store::Erasure forget_customer(Session& s, std::int64_t id);
// Everything held on the customer (the right of access).
nlohmann::ordered_json personal_data(Session& s, std::int64_t id);
std::vector<DuplicatePair> duplicates(Session& s, int min_score);

// The customer's number, or "#id" without one: how messages name them.
std::string customer_ident(Session& s, std::int64_t id);

}  // namespace kunde::crm
