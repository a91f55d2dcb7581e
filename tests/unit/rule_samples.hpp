// A realistic rule field catalogue (customer columns, order and contact statistics, model
// scores) and the SQL mapping that goes with it over the real schema, for the rule tests and
// the rule fuzz target.
#pragma once

#include "crm/rule_catalogue.hpp"
#include "store/sqlite/rule_sql.hpp"

namespace kunde::test {

inline const crm::RuleCatalogue& sample_rule_catalogue() {
  using K = model::FieldKind;
  static const crm::RuleCatalogue catalogue{
      {"number", K::text, "customer number"},
      {"name", K::text, "name of the person or company"},
      {"kind", K::text, "person or company"},
      {"contact_person", K::text, "contact person of a company"},
      {"email", K::text, "email address"},
      {"phone", K::text, "phone number as given"},
      {"street", K::text, "street address"},
      {"postal_code", K::text, "postal code"},
      {"city", K::text, "city"},
      {"country", K::text, "ISO 3166 country code"},
      {"org_number", K::text, "organisation number"},
      {"created_at", K::date, "when the customer was added"},
      {"preferred_channel", K::text, "channel the customer prefers"},
      {"credit_limit", K::money, "credit limit"},
      {"payment_terms_days", K::day_count, "days to pay an invoice"},
      {"wallet", K::money, "estimated yearly spend in our category"},
      {"notes", K::text, "free-text notes"},
      {"first_order_at", K::date, "date of the first order"},
      {"last_order_at", K::date, "date of the last order"},
      {"orders", K::integer, "orders not cancelled"},
      {"revenue", K::money, "revenue, net of discounts"},
      {"margin", K::money, "revenue less cost of goods"},
      {"balance", K::money, "invoiced less paid"},
      {"avg_order_value", K::money, "average order value"},
      {"recency_days", K::day_count, "days since the last order"},
      {"contacts", K::integer, "contacts logged"},
      {"complaints", K::integer, "contacts that were complaints"},
      {"last_contact_at", K::date, "date of the last contact"},
      {"overdue", K::boolean, "an invoice is unpaid past its terms"},
      {"p_alive", K::number, "probability the customer is still active (BG/NBD)"},
      {"clv", K::money, "customer lifetime value"},
      {"rfm_segment", K::text, "RFM segment such as Champions or At risk"},
  };
  return catalogue;
}

// The sample fields over customers c, customer_order_stats s, customer_contact_stats k and a
// scores table m (p_alive, clv, rfm_segment), with segment members in sample_segment_members.
inline store::sqlite::RuleSqlMapping sample_rule_mapping() {
  store::sqlite::RuleSqlMapping m;
  for (const char* column : {"number", "name", "kind", "contact_person", "email", "phone", "street", "postal_code",
                             "city", "country", "org_number", "created_at", "preferred_channel", "credit_limit",
                             "payment_terms_days", "wallet", "notes"})
    m.fields[column] = std::string("c.") + column;
  for (const char* column : {"first_order_at", "last_order_at"}) m.fields[column] = std::string("s.") + column;
  for (const char* column : {"orders", "revenue", "margin", "balance", "avg_order_value"})
    m.fields[column] = std::string("coalesce(s.") + column + ", 0)";
  m.fields["recency_days"] = "CAST(julianday('2026-06-15') - julianday(substr(s.last_order_at, 1, 10)) AS INTEGER)";
  m.fields["contacts"] = "coalesce(k.contacts, 0)";
  m.fields["complaints"] = "coalesce(k.complaints, 0)";
  m.fields["last_contact_at"] = "k.last_contact_at";
  m.fields["overdue"] = "(s.oldest_unpaid_at IS NOT NULL AND date(substr(s.oldest_unpaid_at, 1, 10), '+' || "
                        "coalesce(c.payment_terms_days, 30) || ' days') < '2026-06-15')";
  m.fields["p_alive"] = "m.p_alive";
  m.fields["clv"] = "m.clv";
  m.fields["rfm_segment"] = "m.rfm_segment";
  m.segments = store::sqlite::MembershipSource{"sample_segment_members sm", "sm.customer_id", "sm.segment"};
  return m;
}

// The FROM clause the sample mapping reads; sample_segment_members and sample_scores are made by
// create_sample_rule_tables.
constexpr const char* kSampleRuleFrom =
    "customers c LEFT JOIN customer_order_stats s ON s.customer_id = c.id "
    "LEFT JOIN customer_contact_stats k ON k.customer_id = c.id "
    "LEFT JOIN sample_scores m ON m.customer_id = c.id";

constexpr const char* kSampleRuleTables =
    "CREATE TABLE IF NOT EXISTS sample_scores (customer_id INTEGER PRIMARY KEY, p_alive REAL, clv INTEGER, "
    "rfm_segment TEXT) STRICT;"
    "CREATE TABLE IF NOT EXISTS sample_segment_members (segment TEXT NOT NULL, customer_id INTEGER NOT NULL, "
    "PRIMARY KEY (segment, customer_id)) STRICT;";

}  // namespace kunde::test
