// What the reports read and write: rows as of a date, aggregated by the backend, and the
// model scores a report stores per customer. Every stream counts only orders that are not
// cancelled and have lines, and dates are the date part (YYYY-MM-DD) of what was stored.
// Text handed to a callback (string_view) lives until the callback returns.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kunde::store {

// Which rows a stream reads.
struct AnalyticsQuery {
  std::string as_of;                                   // YYYY-MM-DD: rows dated on or before this day
  std::optional<std::string> since;                    // YYYY-MM-DD: rows dated on or after this day
  std::optional<std::vector<std::int64_t>> customers;  // only these customers (a segment)
  // False: the contacts stream may come in any order, for a reader that does not need
  // its order (sorting every contact is most of the stream's cost).
  bool ordered = true;
};

// One order line. Money in minor units; `amount` is the net line total.
struct LineFact {
  std::int64_t customer_id = 0, order_id = 0, line = 0;
  std::string_view day;       // of the order
  std::string_view channel;   // of the order; empty when none
  std::optional<std::int64_t> product_id;
  std::string_view category;  // of the product; empty when none
  double quantity = 0;
  std::int64_t amount = 0;
  std::optional<std::int64_t> cost;  // cost of goods of the line; none when unknown
};

// One customer's order lines of one product category, summed (net amounts, minor units).
struct CustomerCategoryAmount {
  std::int64_t customer_id = 0;
  std::string_view category;  // of the product; empty when the line has no product or it no category
  std::int64_t amount = 0;
};

// One order with the sums of its lines.
struct OrderFact {
  std::int64_t customer_id = 0, order_id = 0;
  std::string_view day;
  std::string_view channel;  // empty when none
  std::int64_t lines = 0;
  std::int64_t amount = 0;             // Σ amount
  std::int64_t cost = 0;               // Σ cost over the lines whose cost is known
  std::int64_t amount_with_cost = 0;   // Σ amount over the same lines
  std::int64_t returns = 0;            // Σ amount over negative lines (<= 0)
};

// One customer's orders of one day, summed.
struct PurchaseDay {
  std::int64_t customer_id = 0;
  std::string_view day;
  std::int64_t orders = 0, amount = 0, cost = 0, amount_with_cost = 0;
};

// One customer's orders, summed (OrderFact's sums over them).
struct CustomerTotals {
  std::int64_t customer_id = 0;
  std::string_view first_order, last_order;  // days
  std::int64_t orders = 0, purchase_days = 0, lines = 0;
  std::int64_t revenue = 0, cost = 0, revenue_with_cost = 0, returns = 0;
};

// One contact. `complaint` follows the store's DerivedRules.
struct ContactFact {
  std::int64_t customer_id = 0, contact_id = 0;
  std::string_view at;   // as stored: (at, contact_id) orders a customer's contacts
  std::string_view day;
  std::string_view channel;
  bool inbound = false;
  bool complaint = false;
  std::string_view reason, outcome;  // empty when none
};

// What a customer is, for comparing groups of customers. Custom attributes as key, value.
struct CustomerProfile {
  std::int64_t id = 0;
  std::string_view number, name, kind, country, city, created_at, preferred_channel;  // empty when none
  std::vector<std::string_view> tags;
  std::vector<std::pair<std::string_view, std::string_view>> attributes;
  std::optional<std::int64_t> wallet;  // estimated yearly spend in our category, minor units
};

// A customer's number and name, for labelling rows, and the day they were created.
struct CustomerLabel {
  std::int64_t id = 0;
  std::string_view number, name;  // number empty when none
  std::string_view created_at;    // YYYY-MM-DD; empty when not known
};

// The model scores of one customer (the customer_scores of DESIGN.md's statistics). Money in
// minor units.
struct CustomerScore {
  std::int64_t customer_id = 0;
  // From `report clv`:
  std::optional<double> p_alive, expected_purchases;
  std::optional<std::int64_t> expected_order_value, clv;
  // From `report rfm`:
  std::optional<int> rfm_r, rfm_f, rfm_m;
  std::optional<std::string> rfm_segment;
  // From `report churn`: why the customer is at risk.
  std::optional<std::string> churn_risk;
};

// A customer's stored scores, with what they describe.
struct StoredScore {
  CustomerScore score;
  std::string as_of;  // the day of the last report that stored some of them
  std::optional<std::string> model;  // the purchase model of the CLV scores
};

// Which scores a save replaces.
enum class ScorePart { clv, rfm, churn };

struct ScoreSave {
  ScorePart part = ScorePart::clv;
  std::string as_of;
  std::optional<std::string> model;  // ScorePart::clv: bgnbd, mbgnbd or pareto-nbd
  // True: customers not listed lose this part of their scores (a run over every customer);
  // false: only the listed customers change (a run over a segment).
  bool replace_all = true;
  std::span<const CustomerScore> scores;  // the part's members are read, the rest ignored
};

// An offer `report next` made to a customer, kept for the screen pop.
struct StoredOffer {
  std::string item;                  // a category or a product
  std::vector<std::string> because;  // the rule's antecedent, which the customer bought
  double confidence = 0, lift = 0;
};

struct CustomerOffers {
  std::int64_t customer_id = 0;
  std::vector<StoredOffer> offers;  // best first; none removes the customer's stored offers
};

struct OfferSave {
  std::string as_of;
  std::string level;                          // category or product
  std::span<const CustomerOffers> customers;  // each listed customer's offers are replaced
  bool replace_all = false;                   // true: customers not listed lose theirs too
};

struct StoredOffers {
  std::string as_of, level;
  std::vector<StoredOffer> offers;  // best first
};

class Analytics {
 public:
  virtual ~Analytics() = default;

  // Order lines by customer, day, order and line.
  virtual void order_lines(const AnalyticsQuery& q, const std::function<void(const LineFact&)>& each) = 0;
  // The lines' amounts per customer and category, by customer (a customer's categories in
  // no particular order): what a customer's main category is worked out from, without
  // reading every line in order.
  virtual void category_amounts(const AnalyticsQuery& q, const std::function<void(const CustomerCategoryAmount&)>& each) = 0;
  // Orders by customer, day and order.
  virtual void orders(const AnalyticsQuery& q, const std::function<void(const OrderFact&)>& each) = 0;
  // Purchase days by customer and day.
  virtual void purchase_days(const AnalyticsQuery& q, const std::function<void(const PurchaseDay&)>& each) = 0;
  // Customers with orders, by id.
  virtual void customer_totals(const AnalyticsQuery& q, const std::function<void(const CustomerTotals&)>& each) = 0;
  // Contacts by customer, time and id (when the query is ordered).
  virtual void contacts(const AnalyticsQuery& q, const std::function<void(const ContactFact&)>& each) = 0;
  // Every customer (of the query's customers, when it lists some) as they are now, by id;
  // the query's days are not applied: a profile has no date.
  virtual void customer_profiles(const AnalyticsQuery& q, const std::function<void(const CustomerProfile&)>& each) = 0;
  // The same customers' numbers, names and creation days alone, by id: what a report labels
  // its rows with.
  virtual void customer_labels(const AnalyticsQuery& q, const std::function<void(const CustomerLabel&)>& each) = 0;

  // Stores one part of the scores, in a transaction of its own. Scores are derived data,
  // recomputed and never undone: history does not record them.
  virtual void save_scores(const ScoreSave& save) = 0;
  // The customer's stored scores, if any.
  virtual std::optional<StoredScore> scores(std::int64_t customer_id) = 0;

  // Replaces the stored offers of the listed customers, in a transaction of its own; like
  // the scores, derived data that history does not record.
  virtual void save_offers(const OfferSave& save) = 0;
  // The customer's stored offers, if any.
  virtual std::optional<StoredOffers> offers(std::int64_t customer_id) = 0;
};

}  // namespace kunde::store
