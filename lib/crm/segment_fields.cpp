// The customer rule fields. Day counts (recency_days, tenure_days, days_since_contact) count
// from the day the rule is evaluated on, so a stored rule keeps its meaning as time passes.
#include "crm/segment_fields.hpp"

#include "model/country.hpp"

namespace kunde::crm {

const RuleCatalogue& customer_rule_fields() {
  using K = model::FieldKind;
  static const RuleCatalogue catalogue{
      // The customer.
      {"id", K::integer, "the customer's id (#id)"},
      {"number", K::text, "customer number"},
      {"name", K::text, "name of the person or company"},
      {"kind", K::text, "person or company"},
      {"contact_person", K::text, "contact person of a company"},
      {"email", K::text, "email address"},
      {"phone", K::text, "phone number as given"},
      {"street", K::text, "street address"},
      {"postal_code", K::text, "postal code"},
      {"city", K::text, "city"},
      {"country", K::text, "country as an ISO 3166 code, such as NO (a name is read as its code)",
       model::stored_country},
      {"org_number", K::text, "organisation number"},
      {"created_at", K::date, "when the customer was added"},
      {"preferred_channel", K::text, "the channel the customer prefers, as recorded on the customer"},
      {"credit_limit", K::money, "credit limit"},
      {"payment_terms_days", K::day_count, "days the customer has to pay an invoice"},
      {"wallet", K::money, "estimated yearly spend in our category"},
      {"notes", K::text, "free-text notes"},
      // Orders and payments.
      {"orders", K::integer, "orders not cancelled"},
      {"revenue", K::money, "revenue of those orders, net of discounts and returns"},
      {"cost", K::money, "cost of goods of those orders"},
      {"margin", K::money, "revenue less cost of goods"},
      {"paid", K::money, "payments received"},
      {"balance", K::money, "invoiced less paid: what the customer owes"},
      {"avg_order_value", K::money, "revenue per order"},
      {"first_order_at", K::date, "date of the first order"},
      {"last_order_at", K::date, "date of the last order"},
      {"recency_days", K::day_count, "days since the last order"},
      {"tenure_days", K::day_count, "days since the first order"},
      {"top_categories", K::text, "the categories bought most (up to three, a;b;c)"},
      {"oldest_unpaid_at", K::date, "date of the oldest invoice not fully paid"},
      {"overdue", K::boolean, "an invoice is unpaid past the payment terms (30 days without terms)"},
      {"over_limit", K::boolean, "the balance exceeds the credit limit"},
      // Contacts.
      {"contacts", K::integer, "contacts logged, on every channel"},
      {"inbound", K::integer, "contacts the customer started"},
      {"outbound", K::integer, "contacts we started"},
      {"complaints", K::integer, "contacts that were complaints"},
      {"open_promises", K::integer, "promises made to the customer and not yet kept"},
      {"open_follow_ups", K::integer, "follow-ups not yet done"},
      {"last_contact_at", K::date, "date of the last contact"},
      {"next_follow_up_at", K::date, "date of the next follow-up due"},
      {"days_since_contact", K::day_count, "days since the last contact"},
      {"contact_channel", K::text, "the channel of most inbound contacts"},
      // Model scores, as the last `kunde report clv` and `report rfm` left them.
      {"p_alive", K::number, "probability the customer is still active (0 to 1)"},
      {"clv", K::money, "customer lifetime value: expected margin over the horizon, discounted"},
      {"expected_purchases", K::number, "purchases expected over the horizon"},
      {"expected_order_value", K::money, "expected value of an order"},
      {"rfm_r", K::integer, "RFM recency score, 1 to 5 (5: bought most recently)"},
      {"rfm_f", K::integer, "RFM frequency score, 1 to 5"},
      {"rfm_m", K::integer, "RFM monetary score, 1 to 5"},
      {"rfm_segment", K::text, "RFM segment, such as Champions or At risk"},
      {"churn_risk", K::text, "why the customer is at risk of leaving; missing when not at risk"},
      {"scored_at", K::date, "the day the scores describe"},
  };
  return catalogue;
}

}  // namespace kunde::crm
