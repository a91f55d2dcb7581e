// The report streams on PostgreSQL. The server does the aggregation: orders are summed per
// order, purchase days and customer totals grouped from those sums, so only the rows a report
// reads cross the network. A segment's customers are one array parameter.
#include "store/pg/analytics_repo.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <unordered_map>

#include "error.hpp"
#include "model/dates.hpp"
#include "store/derived_rules.hpp"
#include "store/offer_reasons.hpp"

namespace kunde::store::pg {
namespace {

std::string checked_date(const std::string& text, const char* what) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    throw Error(fmt::format("internal error: {} '{}' is not a date YYYY-MM-DD", what, text), "");
  }
  return text;
}

// The conditions of a query on a table with a time column `at` and a customer column, as $1
// (the day after as_of), $2 (the first day, or NULL) and $3 (the customers, or NULL).
std::string scope(const AnalyticsQuery& q, std::string_view at, std::string_view customer, Params& params) {
  params.add(model::add_days(checked_date(q.as_of, "as-of day"), 1));
  if (q.since) {
    params.add(checked_date(*q.since, "first day"));
  } else {
    params.add_null();
  }
  if (q.customers) {
    params.add(int_array(*q.customers));
  } else {
    params.add_null();
  }
  return fmt::format("{0} < $1::text AND ($2::text IS NULL OR {0} >= $2::text) AND "
                     "($3::bigint[] IS NULL OR {1} = ANY ($3::bigint[]))",
                     at, customer);
}

// The condition on customers `c` of a query that reads them without dates, as $1 (the
// customers, or NULL).
constexpr const char* kCustomersOf = "($1::bigint[] IS NULL OR c.id = ANY ($1::bigint[]))";
Params customers_of(const AnalyticsQuery& q) {
  Params params;
  if (q.customers) {
    params.add(int_array(*q.customers));
  } else {
    params.add_null();
  }
  return params;
}

// Orders that count, summed per order. Columns: customer, order, ordered_at, day, channel,
// lines, amount, cost, amount with cost, returns.
std::string order_sums(const AnalyticsQuery& q, Params& params) {
  return fmt::format(
      "SELECT o.customer_id, o.id, o.ordered_at, substr(o.ordered_at, 1, 10) AS day, coalesce(o.channel, '') AS channel, "
      "count(*) AS lines, sum(l.amount) AS amount, coalesce(sum(l.cost), 0) AS cost, "
      "coalesce(sum(l.amount) FILTER (WHERE l.cost IS NOT NULL), 0) AS amount_with_cost, "
      "coalesce(sum(least(l.amount, 0)), 0) AS returns "
      "FROM orders o JOIN order_lines l ON l.order_id = o.id "
      "WHERE o.status <> 'cancelled' AND {} GROUP BY o.id",
      scope(q, "o.ordered_at", "o.customer_id", params));
}

}  // namespace

void AnalyticsRepo::order_lines(const AnalyticsQuery& q, const std::function<void(const LineFact&)>& each) {
  Params params;
  std::string where = scope(q, "o.ordered_at", "o.customer_id", params);
  LineFact f;
  db_.stream(fmt::format("SELECT o.customer_id, o.id, l.line, substr(o.ordered_at, 1, 10), coalesce(o.channel, ''), "
                         "l.product_id, coalesce(p.category, ''), l.quantity, l.amount, l.cost "
                         "FROM orders o JOIN order_lines l ON l.order_id = o.id "
                         "LEFT JOIN products p ON p.id = l.product_id "
                         "WHERE o.status <> 'cancelled' AND {} ORDER BY o.customer_id, o.ordered_at, o.id, l.line",
                         where),
             params, [&](const Row& r) {
               f.customer_id = r.int64(0);
               f.order_id = r.int64(1);
               f.line = r.int64(2);
               f.day = r.text_view(3);
               f.channel = r.text_view(4);
               f.product_id = r.opt_int(5);
               f.category = r.text_view(6);
               f.quantity = r.number(7);
               f.amount = r.int64(8);
               f.cost = r.opt_int(9);
               each(f);
             });
}

void AnalyticsRepo::category_amounts(const AnalyticsQuery& q, const std::function<void(const CustomerCategoryAmount&)>& each) {
  Params params;
  std::string where = scope(q, "o.ordered_at", "o.customer_id", params);
  CustomerCategoryAmount a;
  db_.stream(fmt::format("SELECT o.customer_id, coalesce(p.category, ''), sum(l.amount) "
                         "FROM orders o JOIN order_lines l ON l.order_id = o.id "
                         "LEFT JOIN products p ON p.id = l.product_id "
                         "WHERE o.status <> 'cancelled' AND {} GROUP BY 1, 2 ORDER BY 1",
                         where),
             params, [&](const Row& r) {
               a.customer_id = r.int64(0);
               a.category = r.text_view(1);
               a.amount = r.int64(2);
               each(a);
             });
}

void AnalyticsRepo::orders(const AnalyticsQuery& q, const std::function<void(const OrderFact&)>& each) {
  Params params;
  std::string sums = order_sums(q, params);
  OrderFact f;
  db_.stream(fmt::format("SELECT customer_id, id, day, channel, lines, amount, cost, amount_with_cost, returns "
                         "FROM ({}) s ORDER BY customer_id, ordered_at, id",
                         sums),
             params, [&](const Row& r) {
               f.customer_id = r.int64(0);
               f.order_id = r.int64(1);
               f.day = r.text_view(2);
               f.channel = r.text_view(3);
               f.lines = r.int64(4);
               f.amount = r.int64(5);
               f.cost = r.int64(6);
               f.amount_with_cost = r.int64(7);
               f.returns = r.int64(8);
               each(f);
             });
}

void AnalyticsRepo::purchase_days(const AnalyticsQuery& q, const std::function<void(const PurchaseDay&)>& each) {
  Params params;
  std::string sums = order_sums(q, params);
  PurchaseDay d;
  db_.stream(fmt::format("SELECT customer_id, day, count(*), sum(amount), sum(cost), sum(amount_with_cost) "
                         "FROM ({}) s GROUP BY customer_id, day ORDER BY customer_id, day",
                         sums),
             params, [&](const Row& r) {
               d.customer_id = r.int64(0);
               d.day = r.text_view(1);
               d.orders = r.int64(2);
               d.amount = r.int64(3);
               d.cost = r.int64(4);
               d.amount_with_cost = r.int64(5);
               each(d);
             });
}

void AnalyticsRepo::customer_totals(const AnalyticsQuery& q, const std::function<void(const CustomerTotals&)>& each) {
  Params params;
  std::string sums = order_sums(q, params);
  CustomerTotals t;
  db_.stream(fmt::format("SELECT customer_id, min(day), max(day), count(*), count(DISTINCT day), sum(lines), "
                         "sum(amount), sum(cost), sum(amount_with_cost), sum(returns) "
                         "FROM ({}) s GROUP BY customer_id ORDER BY customer_id",
                         sums),
             params, [&](const Row& r) {
               t.customer_id = r.int64(0);
               t.first_order = r.text_view(1);
               t.last_order = r.text_view(2);
               t.orders = r.int64(3);
               t.purchase_days = r.int64(4);
               t.lines = r.int64(5);
               t.revenue = r.int64(6);
               t.cost = r.int64(7);
               t.revenue_with_cost = r.int64(8);
               t.returns = r.int64(9);
               each(t);
             });
}

void AnalyticsRepo::contacts(const AnalyticsQuery& q, const std::function<void(const ContactFact&)>& each) {
  Params params;
  std::string where = scope(q, "k.at", "k.customer_id", params);
  const DerivedRules& rules = db_.rules();
  ContactFact f;
  db_.stream(fmt::format("SELECT k.customer_id, k.id, k.at, k.channel, k.direction, "
                         "coalesce(k.subject, ''), coalesce(k.outcome, ''), coalesce(k.reason, '') "
                         "FROM contacts k WHERE {}{}",
                         where, q.ordered ? " ORDER BY k.customer_id, k.at, k.id" : ""),
             params, [&](const Row& r) {
               f.customer_id = r.int64(0);
               f.contact_id = r.int64(1);
               f.at = r.text_view(2);
               f.day = f.at.substr(0, std::min<std::size_t>(f.at.size(), 10));
               f.channel = r.text_view(3);
               f.inbound = r.text_view(4) == "in";
               f.outcome = r.text_view(6);
               f.reason = r.text_view(7);
               f.complaint = rules.is_complaint(r.text_view(5), f.outcome, f.reason);
               each(f);
             });
}

void AnalyticsRepo::customer_labels(const AnalyticsQuery& q, const std::function<void(const CustomerLabel&)>& each) {
  CustomerLabel l;
  db_.stream(fmt::format("SELECT c.id, coalesce(c.number, ''), c.name, substr(coalesce(c.created_at, ''), 1, 10) "
                         "FROM customers c WHERE {} ORDER BY c.id",
                         kCustomersOf),
             customers_of(q), [&](const Row& r) {
               l.id = r.int64(0);
               l.number = r.text_view(1);
               l.name = r.text_view(2);
               l.created_at = r.text_view(3);
               each(l);
             });
}

void AnalyticsRepo::customer_profiles(const AnalyticsQuery& q,
                                      const std::function<void(const CustomerProfile&)>& each) {
  CustomerProfile p;
  std::vector<std::string> attribute_text;
  db_.stream(
      fmt::format("SELECT c.id, coalesce(c.number, ''), c.name, c.kind, coalesce(c.country, ''), coalesce(c.city, ''), "
                  "substr(coalesce(c.created_at, ''), 1, 10), coalesce(c.preferred_channel, ''), c.attributes::text, "
                  "(SELECT string_agg(t.tag, E'\\x1f' ORDER BY t.tag) FROM customer_tags t WHERE t.customer_id = c.id), "
                  "c.wallet FROM customers c WHERE {} ORDER BY c.id",
                  kCustomersOf),
      customers_of(q), [&](const Row& r) {
        p.id = r.int64(0);
        p.number = r.text_view(1);
        p.name = r.text_view(2);
        p.kind = r.text_view(3);
        p.country = r.text_view(4);
        p.city = r.text_view(5);
        p.created_at = r.text_view(6);
        p.preferred_channel = r.text_view(7);
        p.wallet = r.opt_int(10);
        p.attributes.clear();
        attribute_text.clear();
        std::string_view json = r.text_view(8);
        if (json != "{}" && !json.empty()) {
          auto j = nlohmann::json::parse(json, nullptr, false);
          if (j.is_object()) {
            for (auto& [k, v] : j.items()) {
              attribute_text.push_back(k);
              attribute_text.push_back(v.is_string() ? v.get<std::string>() : v.dump());
            }
          }
          for (std::size_t i = 0; i + 1 < attribute_text.size(); i += 2) {
            p.attributes.emplace_back(attribute_text[i], attribute_text[i + 1]);
          }
        }
        p.tags.clear();
        std::string_view tags = r.is_null(9) ? std::string_view() : r.text_view(9);
        while (!tags.empty()) {
          auto cut = tags.find('\x1f');
          p.tags.push_back(tags.substr(0, cut));
          tags = cut == std::string_view::npos ? std::string_view() : tags.substr(cut + 1);
        }
        each(p);
      });
}

namespace {

void copy_real(std::string& out, const std::optional<double>& v) {
  if (v) {
    copy_field(out, *v);
  } else {
    copy_null(out);
  }
}

std::optional<std::int64_t> wide(const std::optional<int>& v) {
  return v ? std::optional<std::int64_t>(*v) : std::nullopt;
}

}  // namespace

void AnalyticsRepo::save_scores(const ScoreSave& save) {
  const char* columns = nullptr;
  const char* upsert = nullptr;
  switch (save.part) {
    case ScorePart::clv:
      columns = "p_alive = NULL, expected_purchases = NULL, expected_order_value = NULL, clv = NULL, model = NULL";
      upsert =
          "INSERT INTO customer_scores(customer_id, as_of, model, p_alive, expected_purchases, expected_order_value, clv) "
          "SELECT DISTINCT ON (n.customer_id) n.customer_id, $1, $2, n.p_alive, n.expected_purchases, "
          "n.expected_order_value, n.clv FROM kunde_new_scores n JOIN customers c ON c.id = n.customer_id "
          "ON CONFLICT (customer_id) DO UPDATE SET as_of = excluded.as_of, model = excluded.model, "
          "p_alive = excluded.p_alive, expected_purchases = excluded.expected_purchases, "
          "expected_order_value = excluded.expected_order_value, clv = excluded.clv";
      break;
    case ScorePart::rfm:
      columns = "rfm_r = NULL, rfm_f = NULL, rfm_m = NULL, rfm_segment = NULL";
      upsert =
          "INSERT INTO customer_scores(customer_id, as_of, rfm_r, rfm_f, rfm_m, rfm_segment) "
          "SELECT DISTINCT ON (n.customer_id) n.customer_id, $1, n.rfm_r, n.rfm_f, n.rfm_m, n.rfm_segment "
          "FROM kunde_new_scores n JOIN customers c ON c.id = n.customer_id "
          "ON CONFLICT (customer_id) DO UPDATE SET as_of = excluded.as_of, rfm_r = excluded.rfm_r, "
          "rfm_f = excluded.rfm_f, rfm_m = excluded.rfm_m, rfm_segment = excluded.rfm_segment";
      break;
    case ScorePart::churn:
      columns = "churn_risk = NULL";
      upsert =
          "INSERT INTO customer_scores(customer_id, as_of, churn_risk) "
          "SELECT DISTINCT ON (n.customer_id) n.customer_id, $1, n.churn_risk "
          "FROM kunde_new_scores n JOIN customers c ON c.id = n.customer_id "
          "ON CONFLICT (customer_id) DO UPDATE SET as_of = excluded.as_of, churn_risk = excluded.churn_risk";
      break;
  }
  checked_date(save.as_of, "as-of day");
  Transaction tx(db_, Transaction::Kind::write);
  if (save.replace_all) db_.run(fmt::format("UPDATE customer_scores SET {}", columns));
  // The scores reach the server with COPY, then go in with one statement. Customers that no
  // longer exist are skipped: a score belongs to a customer row.
  db_.run(
      "CREATE TEMP TABLE IF NOT EXISTS kunde_new_scores (customer_id bigint, p_alive double precision, "
      "expected_purchases double precision, expected_order_value bigint, clv bigint, rfm_r bigint, rfm_f bigint, "
      "rfm_m bigint, rfm_segment text, churn_risk text) ON COMMIT DELETE ROWS");
  std::string data;
  for (const CustomerScore& s : save.scores) {
    copy_field(data, s.customer_id);
    copy_real(data, s.p_alive);
    copy_real(data, s.expected_purchases);
    copy_field(data, s.expected_order_value);
    copy_field(data, s.clv);
    copy_field(data, wide(s.rfm_r));
    copy_field(data, wide(s.rfm_f));
    copy_field(data, wide(s.rfm_m));
    copy_field(data, s.rfm_segment);
    copy_field(data, s.churn_risk, true);
  }
  if (!data.empty()) {
    db_.copy_in("COPY kunde_new_scores(customer_id, p_alive, expected_purchases, expected_order_value, clv, rfm_r, "
                "rfm_f, rfm_m, rfm_segment, churn_risk) FROM STDIN",
                data);
    Params params(save.as_of);
    if (save.part == ScorePart::clv) params.add(save.model);
    db_.exec(upsert, params);
    db_.run("DELETE FROM kunde_new_scores");
  }
  db_.run("DELETE FROM customer_scores WHERE p_alive IS NULL AND expected_purchases IS NULL AND "
          "expected_order_value IS NULL AND clv IS NULL AND rfm_r IS NULL AND rfm_f IS NULL AND rfm_m IS NULL AND "
          "rfm_segment IS NULL AND churn_risk IS NULL");
  tx.commit();
}

std::optional<StoredScore> AnalyticsRepo::scores(std::int64_t customer_id) {
  Result r = db_.exec(
      "SELECT as_of, model, p_alive, expected_purchases, expected_order_value, clv, rfm_r, rfm_f, rfm_m, rfm_segment, "
      "churn_risk FROM customer_scores WHERE customer_id = $1",
      Params(customer_id));
  if (r.rows() == 0) return std::nullopt;
  auto row = r.row(0);
  StoredScore s;
  s.score.customer_id = customer_id;
  s.as_of = row.opt_text(0).value_or("");
  s.model = row.opt_text(1);
  auto real = [&](int col) { return row.is_null(col) ? std::optional<double>() : std::optional<double>(row.number(col)); };
  auto small = [&](int col) {
    return row.is_null(col) ? std::optional<int>() : std::optional<int>(static_cast<int>(row.int64(col)));
  };
  s.score.p_alive = real(2);
  s.score.expected_purchases = real(3);
  s.score.expected_order_value = row.opt_int(4);
  s.score.clv = row.opt_int(5);
  s.score.rfm_r = small(6);
  s.score.rfm_f = small(7);
  s.score.rfm_m = small(8);
  s.score.rfm_segment = row.opt_text(9);
  s.score.churn_risk = row.opt_text(10);
  return s;
}

void AnalyticsRepo::save_offers(const OfferSave& save) {
  checked_date(save.as_of, "as-of day");
  Transaction tx(db_, Transaction::Kind::write);
  if (save.replace_all) {
    db_.run("DELETE FROM customer_offers");
  } else {
    std::vector<std::int64_t> listed;
    listed.reserve(save.customers.size());
    for (const CustomerOffers& c : save.customers) listed.push_back(c.customer_id);
    if (!listed.empty()) {
      db_.exec("DELETE FROM customer_offers WHERE customer_id = ANY ($1::bigint[])", Params(int_array(listed)));
    }
  }
  // The offers reach the server with COPY, then go in with one statement. Customers that no
  // longer exist are skipped: an offer belongs to a customer row.
  db_.run(
      "CREATE TEMP TABLE IF NOT EXISTS kunde_new_offers (customer_id bigint, rank bigint, item text, because text, "
      "confidence double precision, lift double precision) ON COMMIT DELETE ROWS");
  // A customer listed twice keeps the offers listed last, as rows replaced in turn would.
  std::unordered_map<std::int64_t, std::size_t> last;
  for (std::size_t i = 0; i < save.customers.size(); ++i) last[save.customers[i].customer_id] = i;
  std::string data;
  for (std::size_t i = 0; i < save.customers.size(); ++i) {
    const CustomerOffers& c = save.customers[i];
    if (last[c.customer_id] != i) continue;
    std::int64_t rank = 0;
    for (const StoredOffer& o : c.offers) {
      copy_field(data, c.customer_id);
      copy_field(data, ++rank);
      copy_field(data, std::string_view(o.item));
      copy_field(data, std::string_view(reasons_json(o.because)));
      copy_field(data, o.confidence);
      copy_field(data, o.lift, true);
    }
  }
  if (!data.empty()) {
    db_.copy_in("COPY kunde_new_offers(customer_id, rank, item, because, confidence, lift) FROM STDIN", data);
    db_.exec(
        "INSERT INTO customer_offers(customer_id, rank, as_of, level, item, because, confidence, lift) "
        "SELECT n.customer_id, n.rank, $1, $2, n.item, n.because::jsonb, n.confidence, n.lift "
        "FROM kunde_new_offers n JOIN customers c ON c.id = n.customer_id",
        Params(save.as_of, save.level));
    db_.run("DELETE FROM kunde_new_offers");
  }
  tx.commit();
}

std::optional<StoredOffers> AnalyticsRepo::offers(std::int64_t customer_id) {
  Result r = db_.exec(
      "SELECT as_of, level, item, because::text, confidence, lift FROM customer_offers WHERE customer_id = $1 "
      "ORDER BY rank",
      Params(customer_id));
  if (r.rows() == 0) return std::nullopt;
  StoredOffers out{r.row(0).text(0), r.row(0).text(1), {}};
  for (int i = 0; i < r.rows(); ++i) {
    auto row = r.row(i);
    StoredOffer o;
    o.item = row.text(2);
    o.because = reasons_from_json(row.text_view(3));
    o.confidence = row.number(4);
    o.lift = row.number(5);
    out.offers.push_back(std::move(o));
  }
  return out;
}

}  // namespace kunde::store::pg
