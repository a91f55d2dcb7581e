// The customer rule fields in PostgreSQL's SQL. Counts and sums of statistics are 0 for a
// customer without a statistics row (no orders, no contacts), not missing; scores, dates and
// day counts are missing then.
#include "store/pg/customer_rule_sql.hpp"

#include <fmt/format.h>

#include "error.hpp"
#include "model/dates.hpp"
#include "model/order.hpp"

namespace kunde::store::pg {

const char* const kCustomerRuleFrom =
    "customers c LEFT JOIN customer_order_stats s ON s.customer_id = c.id "
    "LEFT JOIN customer_contact_stats k ON k.customer_id = c.id "
    "LEFT JOIN customer_scores m ON m.customer_id = c.id";

const char* const kSegmentMembership =
    "(SELECT sgm.customer_id AS customer_id, sg.name AS segment FROM segment_members sgm "
    "JOIN segments sg ON sg.id = sgm.segment_id UNION ALL "
    "SELECT sgx.customer_id, sg.name FROM segment_matches sgx JOIN segments sg ON sg.id = sgx.segment_id) sm";

namespace {

constexpr const char* kCustomerColumns[] = {
    "id",         "number",     "name",       "kind",          "contact_person",    "email",
    "phone",      "street",     "postal_code", "city",         "country",           "org_number",
    "created_at", "preferred_channel", "credit_limit", "payment_terms_days", "wallet", "notes"};

// `today` as an SQL date literal. It is the only value written into the SQL instead of bound:
// a field's expression is fixed text the renderer copies wherever the rule names the field,
// and this is a date kunde computed, checked here to be nothing but digits and dashes.
std::string day_literal(const std::string& today) {
  std::string day = model::parse_date(today).substr(0, 10);
  for (char ch : day) {
    if (!((ch >= '0' && ch <= '9') || ch == '-')) throw Error(fmt::format("'{}' is not a day", today));
  }
  return "DATE '" + day + "'";
}

class PgDialect final : public RuleDialect {
 public:
  explicit PgDialect(int first) : first_(first) {}
  std::string placeholder(std::size_t n, model::FieldKind kind, const Value& value) const override {
    const char* type = "text";
    switch (kind) {
      case model::FieldKind::text:
      case model::FieldKind::date: type = "text"; break;
      case model::FieldKind::boolean: type = "integer::boolean"; break;
      default: type = std::holds_alternative<double>(value) ? "double precision" : "bigint";
    }
    return fmt::format("${}::{}", first_ + static_cast<int>(n) - 1, type);
  }
  const char* no() const override { return "false"; }
  const char* yes() const override { return "true"; }
  const char* position_function() const override { return "strpos"; }

 private:
  int first_;
};

}  // namespace

RuleMapping customer_rule_mapping(const std::string& today) {
  const std::string day = day_literal(today);
  RuleMapping m;
  for (const char* column : kCustomerColumns) m.fields[column] = fmt::format("c.{}", column);

  auto days_since = [&](const char* column) { return fmt::format("({} - substr({}, 1, 10)::date)", day, column); };
  // Order and payment statistics.
  for (const char* f : {"orders", "revenue", "cost", "margin", "paid", "balance", "avg_order_value"})
    m.fields[f] = fmt::format("coalesce(s.{}, 0)", f);
  for (const char* f : {"first_order_at", "last_order_at", "oldest_unpaid_at", "top_categories"})
    m.fields[f] = fmt::format("s.{}", f);
  m.fields["recency_days"] = days_since("s.last_order_at");
  m.fields["tenure_days"] = days_since("s.first_order_at");
  m.fields["overdue"] = fmt::format(
      "(s.oldest_unpaid_at IS NOT NULL AND substr(s.oldest_unpaid_at, 1, 10)::date + "
      "coalesce(c.payment_terms_days, {})::integer < {})",
      model::kDefaultPaymentTermsDays, day);
  m.fields["over_limit"] = "(c.credit_limit IS NOT NULL AND coalesce(s.balance, 0) > c.credit_limit)";
  // Contact statistics.
  for (const char* f : {"contacts", "inbound", "outbound", "complaints", "open_promises", "open_follow_ups"})
    m.fields[f] = fmt::format("coalesce(k.{}, 0)", f);
  m.fields["last_contact_at"] = "k.last_contact_at";
  m.fields["next_follow_up_at"] = "k.next_follow_up_at";
  m.fields["days_since_contact"] = days_since("k.last_contact_at");
  m.fields["contact_channel"] = "k.preferred_channel";
  // Model scores, as the last report that computed them left them.
  for (const char* f : {"p_alive", "clv", "expected_purchases", "expected_order_value", "rfm_r", "rfm_f", "rfm_m",
                        "rfm_segment", "churn_risk"})
    m.fields[f] = fmt::format("m.{}", f);
  m.fields["scored_at"] = "m.as_of";

  m.customer_id = "c.id";
  m.segments = MembershipSource{kSegmentMembership, "sm.customer_id", "sm.segment"};
  m.attributes = {"jsonb_each_text(c.attributes) ra", "", "ra.key", "ra.value"};
  return m;
}

RuleSql customer_rule_sql(const RuleQuery& query, int first) {
  PgDialect dialect(first);
  return render_rule(query.rule, customer_rule_mapping(query.today), query.today, dialect);
}

void add_rule_params(Params& params, const RuleSql& sql) {
  for (const auto& p : sql.params) {
    if (const auto* n = std::get_if<std::int64_t>(&p)) {
      params.add(*n);
    } else if (const auto* d = std::get_if<double>(&p)) {
      params.add(*d);
    } else if (const auto* s = std::get_if<std::string>(&p)) {
      params.add(std::string_view(*s));
    } else {
      params.add_null();
    }
  }
}

}  // namespace kunde::store::pg
