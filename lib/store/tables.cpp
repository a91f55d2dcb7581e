// The store's tables, backend-neutral.
#include "store/tables.hpp"

#include <utility>

namespace kunde::store {

namespace {

TableSpec table(std::string name, std::vector<std::string> columns, std::vector<std::string> keys, bool copied = true,
                std::vector<std::string> json = {}) {
  return TableSpec{std::move(name), std::move(columns), std::move(keys), copied, std::move(json)};
}

}  // namespace

const std::vector<TableSpec>& store_tables() {
  static const std::vector<TableSpec> tables = {
      table("meta", {"key", "value"}, {"key"}),
      table("customers",
       {"id", "number", "name", "kind", "email", "email_key", "phone", "phone_e164", "street", "postal_code", "city",
        "country", "org_number", "created_at", "preferred_channel", "credit_limit", "payment_terms_days", "wallet",
        "notes", "attributes", "contact_person"},
       {"id"},
       true,
       {"attributes"}),
      table("customer_tags", {"customer_id", "tag"}, {"customer_id", "tag"}),
      table("customer_aliases", {"number", "customer_id"}, {"number"}),
      table("products", {"id", "sku", "name", "category", "list_price", "unit_cost"}, {"id"}),
      table("orders", {"id", "number", "customer_id", "ordered_at", "channel", "status", "freight", "attributes"}, {"id"},
       true, {"attributes"}),
      table("order_lines",
       {"order_id", "line", "product_id", "quantity", "unit_price", "amount", "unit_cost", "cost", "gross", "discount"},
       {"order_id", "line"}),
      table("payments", {"id", "reference", "customer_id", "paid_at", "amount"}, {"id"}),
      table("contacts",
       {"id", "key", "customer_id", "at", "channel", "direction", "subject", "notes", "outcome", "reason",
        "follow_up_at", "promise", "owner", "done_at", "done_notes"},
       {"id"}),
      table("customer_scores",
       {"customer_id", "as_of", "model", "p_alive", "expected_purchases", "expected_order_value", "clv", "rfm_r",
        "rfm_f", "rfm_m", "rfm_segment", "churn_risk"},
       {"customer_id"}),
      table("customer_offers", {"customer_id", "rank", "as_of", "level", "item", "because", "confidence", "lift"},
       {"customer_id", "rank"}, true, {"because"}),
      table("segments", {"id", "name", "kind", "rule", "created_at"}, {"id"}),
      table("segment_members", {"segment_id", "customer_id"}, {"segment_id", "customer_id"}),
      // Derived from the rules, but only a refresh recomputes them: a copy keeps them.
      table("segment_matches", {"segment_id", "customer_id"}, {"segment_id", "customer_id"}),
      table("segment_refreshes", {"id", "segment_id", "at", "cause", "members", "entered", "exited"}, {"id"}),
      table("segment_history", {"refresh_id", "customer_id", "entered"}, {"refresh_id", "customer_id"}),
      table("history", {"id", "at", "command", "summary", "undoes", "undone_by"}, {"id"}),
      table("customer_order_stats",
       {"customer_id", "first_order_at", "last_order_at", "orders", "revenue", "cost", "margin", "invoiced", "paid",
        "balance", "avg_order_value", "oldest_unpaid_at", "top_categories", "uncosted_revenue"},
       {"customer_id"},
       false),
      table("customer_contact_stats",
       {"customer_id", "contacts", "inbound", "outbound", "last_contact_at", "complaints", "open_promises",
        "open_follow_ups", "next_follow_up_at", "preferred_channel", "by_channel"},
       {"customer_id"},
       false),
  };
  return tables;
}

}  // namespace kunde::store
