// Derived data on PostgreSQL, refreshed inside the caller's transaction for the customers
// (or contacts) listed: order and payment statistics and contact statistics, computed here
// with the store's DerivedRules as on SQLite, and the search words of customers and contacts.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/pg/connection.hpp"

namespace kunde::store::pg {

// Statistics of the listed customers (sorted, unique): replaced, or removed when nothing is
// left in them.
void refresh_order_stats(Connection& db, const std::vector<std::int64_t>& customers);
void refresh_contact_stats(Connection& db, const std::vector<std::int64_t>& customers);
// Paid amount and balance of customers whose orders did not change; returns those left
// owing something, whose order statistics need the full recomputation.
std::vector<std::int64_t> refresh_paid(Connection& db, const std::vector<std::int64_t>& customers);

enum class SearchTable { customers, contacts };

// Search words of the listed keys (customers or contacts), now.
void refresh_search(Connection& db, SearchTable table, const std::vector<std::int64_t>& keys);
// Leaves them for the next search, as ranges of keys.
void defer_keys(Connection& db, SearchTable table, const std::vector<std::int64_t>& keys);
void defer_search(Connection& db, SearchTable table, std::int64_t lo, std::int64_t hi);
// Makes the words left pending, in the caller's transaction.
void apply_pending_search(Connection& db);
// Makes them, if any, in a write of their own (or the caller's): every search calls it first.
void update_search_index(Connection& db);

// The words of texts as the index keeps them: folded (text::fold, or text::fold_for_search
// for the texts whose bit is set in `joined`), split where SQLite's unicode61 tokenizer
// splits, as a tsvector literal.
std::string search_words(const std::vector<std::string_view>& texts, std::uint32_t joined = 0);
// The query for one word a person typed: its tokens as a phrase, the last a prefix. Empty
// when it has no letters or digits.
std::string search_term(std::string_view word);
// The words of a query, folded, split as fts5 terms are (sqlite/customer_repo.cpp).
std::vector<std::string> query_terms(std::string_view text);

}  // namespace kunde::store::pg
