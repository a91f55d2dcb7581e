// The report streams on SQLite. Orders come with their line sums from order_facts, read in
// its key order (customer, ordered_at, id), so nothing is sorted and no line is read;
// purchase days and customer totals fold those rows as they come, which costs less than
// having SQLite group by an expression (a sort of every line). A segment's customers go
// into a temporary table the statements join.
#include "store/sqlite/analytics_repo.hpp"

#include <fmt/format.h>

#include <absl/container/flat_hash_map.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <utility>
#include <vector>

#include "error.hpp"
#include "model/dates.hpp"
#include "store/derived_rules.hpp"
#include "store/offer_reasons.hpp"
#include "store/sqlite/order_facts.hpp"

namespace kunde::store::sqlite {
namespace {

// The WHERE conditions of a query on a table with a date column and a customer column,
// and the values they bind (from 1).
struct Scope {
  std::string where;
  std::string before;  // the day after as_of
  std::optional<std::string> since;

  void bind(Statement& st) const {
    st.bind(1, before);
    if (since) st.bind(2, *since);
  }
};

std::string checked_date(const std::string& text, const char* what) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    throw Error(fmt::format("internal error: {} '{}' is not a date YYYY-MM-DD", what, text), "");
  }
  return text;
}

// " AND <customer> IN (the query's customers)", or nothing when it lists none.
std::string customer_filter(Database& db, const AnalyticsQuery& q, std::string_view customer) {
  if (!q.customers) return {};
  db.exec("CREATE TEMP TABLE IF NOT EXISTS analytics_customers (id INTEGER PRIMARY KEY)");
  db.exec("DELETE FROM temp.analytics_customers");
  auto& add = db.prepare("INSERT OR IGNORE INTO temp.analytics_customers(id) VALUES (?)");
  for (std::int64_t id : *q.customers) add.bind(1, id).run();
  return fmt::format(" AND {} IN (SELECT id FROM temp.analytics_customers)", customer);
}

Scope scope(Database& db, const AnalyticsQuery& q, std::string_view at, std::string_view customer) {
  Scope s;
  s.before = model::add_days(checked_date(q.as_of, "as-of day"), 1);
  s.where = fmt::format("{} < ?1", at);
  if (q.since) {
    s.since = checked_date(*q.since, "first day");
    s.where += fmt::format(" AND {} >= ?2", at);
  }
  s.where += customer_filter(db, q, customer);
  return s;
}

// The streams read whole tables: mapping the file spares copying every page into the cache.
void map_file(Database& db) { db.exec("PRAGMA mmap_size=1073741824"); }

std::string_view day_of(std::string_view at) { return at.substr(0, std::min<std::size_t>(at.size(), 10)); }

// Orders that count, summed per order, by customer, time and id. Columns: customer, order,
// ordered_at, channel, lines, amount, cost, amount with cost, returns.
void each_order(Database& db, const AnalyticsQuery& q, const std::function<void(const OrderFact&)>& each) {
  const bool facts = update_order_facts(db);
  map_file(db);
  if (!facts) db.need_indexes();
  Scope s = scope(db, q, facts ? "ordered_at" : "o.ordered_at", facts ? "customer_id" : "o.customer_id");
  // Without order_facts (pending rows it may not write now), the lines are summed here.
  Statement st(db, facts ? fmt::format("SELECT customer_id, order_id, ordered_at, coalesce(channel, ''), lines, amount, "
                                       "cost, amount_with_cost, returns FROM order_facts WHERE {} "
                                       "ORDER BY customer_id, ordered_at, order_id",
                                       s.where)
                         : fmt::format("SELECT o.customer_id, o.id, o.ordered_at, coalesce(o.channel, ''), count(*), "
                                       "sum(l.amount), coalesce(sum(l.cost), 0), "
                                       "coalesce(sum(CASE WHEN l.cost IS NOT NULL THEN l.amount END), 0), "
                                       "coalesce(sum(min(l.amount, 0)), 0) "
                                       "FROM orders o INDEXED BY orders_customer CROSS JOIN order_lines l "
                                       "ON l.order_id = o.id WHERE o.status <> 'cancelled' AND {} "
                                       "GROUP BY o.customer_id, o.ordered_at, o.id "
                                       "ORDER BY o.customer_id, o.ordered_at, o.id",
                                       s.where));
  s.bind(st);
  OrderFact f;
  while (st.step()) {
    f.customer_id = st.get_int(0);
    f.order_id = st.get_int(1);
    f.day = day_of(st.get_text_view(2));
    f.channel = st.get_text_view(3);
    f.lines = st.get_int(4);
    f.amount = st.get_int(5);
    f.cost = st.get_int(6);
    f.amount_with_cost = st.get_int(7);
    f.returns = st.get_int(8);
    each(f);
  }
}

}  // namespace

void AnalyticsRepo::order_lines(const AnalyticsQuery& q, const std::function<void(const LineFact&)>& each) {
  db_.need_indexes();
  map_file(db_);
  Scope s = scope(db_, q, "o.ordered_at", "o.customer_id");
  Statement st(db_, fmt::format("SELECT o.customer_id, o.id, l.line, o.ordered_at, coalesce(o.channel, ''), l.product_id, "
                                "coalesce(p.category, ''), l.quantity, l.amount, l.cost "
                                "FROM orders o INDEXED BY orders_customer CROSS JOIN order_lines l ON l.order_id = o.id "
                                "LEFT JOIN products p ON p.id = l.product_id "
                                "WHERE o.status <> 'cancelled' AND {} ORDER BY o.customer_id, o.ordered_at, o.id, l.line",
                                s.where));
  s.bind(st);
  LineFact f;
  while (st.step()) {
    f.customer_id = st.get_int(0);
    f.order_id = st.get_int(1);
    f.line = st.get_int(2);
    f.day = day_of(st.get_text_view(3));
    f.channel = st.get_text_view(4);
    f.product_id = st.get_opt_int(5);
    f.category = st.get_text_view(6);
    f.quantity = st.get_double(7);
    f.amount = st.get_int(8);
    f.cost = st.get_opt_int(9);
    each(f);
  }
}

void AnalyticsRepo::category_amounts(const AnalyticsQuery& q, const std::function<void(const CustomerCategoryAmount&)>& each) {
  db_.need_indexes();
  map_file(db_);
  // The categories by product, then each customer's lines summed here: in SQL, GROUP BY
  // sorts every line, and joining the products costs a lookup per line (0.35 s against
  // 0.11 s for 600,000 lines).
  std::vector<std::string> names{""};
  absl::flat_hash_map<std::int64_t, std::uint32_t> category_of;
  {
    absl::flat_hash_map<std::string, std::uint32_t> index{{"", 0}};
    Statement st(db_, "SELECT id, category FROM products WHERE category IS NOT NULL AND category <> ''");
    while (st.step()) {
      auto [it, added] = index.try_emplace(st.get_text(1), static_cast<std::uint32_t>(names.size()));
      if (added) names.push_back(it->first);
      category_of.emplace(st.get_int(0), it->second);
    }
  }
  Scope s = scope(db_, q, "o.ordered_at", "o.customer_id");
  // By the customer index, so that the lines come customer by customer.
  Statement st(db_, fmt::format("SELECT o.customer_id, l.product_id, l.amount "
                                "FROM orders o INDEXED BY orders_customer CROSS JOIN order_lines l ON l.order_id = o.id "
                                "WHERE o.status <> 'cancelled' AND {}",
                                s.where));
  s.bind(st);
  CustomerCategoryAmount a;
  std::vector<std::pair<std::uint32_t, std::int64_t>> sums;  // the current customer's, by category
  auto flush = [&] {
    for (const auto& [category, amount] : sums) {
      a.category = names[category];
      a.amount = amount;
      each(a);
    }
    sums.clear();
  };
  while (st.step()) {
    std::int64_t customer_id = st.get_int(0);
    if (customer_id != a.customer_id) {
      flush();
      a.customer_id = customer_id;
    }
    std::uint32_t category = 0;
    if (auto product = st.get_opt_int(1)) {
      if (auto it = category_of.find(*product); it != category_of.end()) category = it->second;
    }
    auto it = std::find_if(sums.begin(), sums.end(), [&](const auto& c) { return c.first == category; });
    if (it == sums.end()) {
      sums.emplace_back(category, st.get_int(2));
    } else {
      it->second += st.get_int(2);
    }
  }
  flush();
}

void AnalyticsRepo::orders(const AnalyticsQuery& q, const std::function<void(const OrderFact&)>& each) {
  each_order(db_, q, each);
}

void AnalyticsRepo::purchase_days(const AnalyticsQuery& q, const std::function<void(const PurchaseDay&)>& each) {
  PurchaseDay d;
  std::string day;  // the OrderFact's text lives only until the next row
  bool open = false;
  each_order(db_, q, [&](const OrderFact& o) {
    if (open && (o.customer_id != d.customer_id || o.day != day)) {
      d.day = day;
      each(d);
      open = false;
    }
    if (!open) {
      d = PurchaseDay{};
      d.customer_id = o.customer_id;
      day.assign(o.day);
      open = true;
    }
    ++d.orders;
    d.amount += o.amount;
    d.cost += o.cost;
    d.amount_with_cost += o.amount_with_cost;
  });
  if (open) {
    d.day = day;
    each(d);
  }
}

void AnalyticsRepo::customer_totals(const AnalyticsQuery& q, const std::function<void(const CustomerTotals&)>& each) {
  CustomerTotals t;
  std::string first, last;
  bool open = false;
  auto flush = [&] {
    t.first_order = first;
    t.last_order = last;
    each(t);
  };
  each_order(db_, q, [&](const OrderFact& o) {
    if (open && o.customer_id != t.customer_id) {
      flush();
      open = false;
    }
    if (!open) {
      t = CustomerTotals{};
      t.customer_id = o.customer_id;
      first.assign(o.day);
      last.clear();
      open = true;
    }
    if (o.day != last) {
      ++t.purchase_days;
      last.assign(o.day);
    }
    ++t.orders;
    t.lines += o.lines;
    t.revenue += o.amount;
    t.cost += o.cost;
    t.revenue_with_cost += o.amount_with_cost;
    t.returns += o.returns;
  });
  if (open) flush();
}

void AnalyticsRepo::contacts(const AnalyticsQuery& q, const std::function<void(const ContactFact&)>& each) {
  db_.need_indexes();
  map_file(db_);
  Scope s = scope(db_, q, "k.at", "k.customer_id");
  // Contacts are stored in the order they were logged, so walking every customer's contacts
  // by the customer index reads the table out of order, page after page again: reading it
  // once and sorting is six times faster. A segment's few customers still use the index.
  Statement st(db_, fmt::format("SELECT k.customer_id, k.id, k.at, k.channel, k.direction, coalesce(k.subject, ''), "
                                "coalesce(k.outcome, ''), coalesce(k.reason, '') "
                                "FROM contacts k {} WHERE {}{}",
                                q.customers ? "INDEXED BY contacts_customer" : "NOT INDEXED", s.where,
                                q.ordered ? " ORDER BY k.customer_id, k.at, k.id" : ""));
  s.bind(st);
  const DerivedRules& rules = db_.rules();
  ContactFact f;
  while (st.step()) {
    f.customer_id = st.get_int(0);
    f.contact_id = st.get_int(1);
    f.at = st.get_text_view(2);
    f.day = day_of(f.at);
    f.channel = st.get_text_view(3);
    f.inbound = st.get_text_view(4) == "in";
    f.outcome = st.get_text_view(6);
    f.reason = st.get_text_view(7);
    f.complaint = rules.is_complaint(st.get_text_view(5), f.outcome, f.reason);
    each(f);
  }
}

void AnalyticsRepo::customer_labels(const AnalyticsQuery& q, const std::function<void(const CustomerLabel&)>& each) {
  std::string where = "1" + customer_filter(db_, q, "c.id");
  Statement st(db_, fmt::format("SELECT c.id, coalesce(c.number, ''), c.name, coalesce(c.created_at, '') FROM customers c "
                                "WHERE {} ORDER BY c.id",
                                where));
  CustomerLabel l;
  while (st.step()) {
    l.id = st.get_int(0);
    l.number = st.get_text_view(1);
    l.name = st.get_text_view(2);
    l.created_at = day_of(st.get_text_view(3));
    each(l);
  }
}

void AnalyticsRepo::customer_profiles(const AnalyticsQuery& q,
                                      const std::function<void(const CustomerProfile&)>& each) {
  std::string where = "1" + customer_filter(db_, q, "c.id");
  Statement st(db_, fmt::format("SELECT c.id, coalesce(c.number, ''), c.name, c.kind, coalesce(c.country, ''), "
                                "coalesce(c.city, ''), coalesce(c.created_at, ''), coalesce(c.preferred_channel, ''), "
                                "c.attributes, (SELECT group_concat(t.tag, char(31)) FROM customer_tags t "
                                "WHERE t.customer_id = c.id), c.wallet FROM customers c WHERE {} ORDER BY c.id",
                                where));
  CustomerProfile p;
  std::vector<std::string> attribute_text;
  while (st.step()) {
    p.id = st.get_int(0);
    p.number = st.get_text_view(1);
    p.name = st.get_text_view(2);
    p.kind = st.get_text_view(3);
    p.country = st.get_text_view(4);
    p.city = st.get_text_view(5);
    p.created_at = day_of(st.get_text_view(6));
    p.preferred_channel = st.get_text_view(7);
    p.wallet = st.get_opt_int(10);
    p.attributes.clear();
    attribute_text.clear();
    std::string_view json = st.get_text_view(8);
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
    std::string_view tags = st.get_text_view(9);
    while (!tags.empty()) {
      auto cut = tags.find('\x1f');
      p.tags.push_back(tags.substr(0, cut));
      tags = cut == std::string_view::npos ? std::string_view() : tags.substr(cut + 1);
    }
    each(p);
  }
}

void AnalyticsRepo::save_scores(const ScoreSave& save) {
  const char* columns = nullptr;
  switch (save.part) {
    case ScorePart::clv:
      columns = "p_alive = NULL, expected_purchases = NULL, expected_order_value = NULL, clv = NULL, model = NULL";
      break;
    case ScorePart::rfm:
      columns = "rfm_r = NULL, rfm_f = NULL, rfm_m = NULL, rfm_segment = NULL";
      break;
    case ScorePart::churn:
      columns = "churn_risk = NULL";
      break;
  }
  checked_date(save.as_of, "as-of day");
  Transaction tx(db_, Transaction::Kind::write);
  if (save.replace_all) db_.exec(fmt::format("UPDATE customer_scores SET {}", columns));
  // Customers that no longer exist are skipped: a score belongs to a customer row.
  const char* upsert = nullptr;
  switch (save.part) {
    case ScorePart::clv:
      upsert =
          "INSERT INTO customer_scores(customer_id, as_of, model, p_alive, expected_purchases, expected_order_value, clv) "
          "SELECT id, ?2, ?3, ?4, ?5, ?6, ?7 FROM customers WHERE id = ?1 ON CONFLICT (customer_id) DO UPDATE SET "
          "as_of = excluded.as_of, model = excluded.model, p_alive = excluded.p_alive, "
          "expected_purchases = excluded.expected_purchases, expected_order_value = excluded.expected_order_value, "
          "clv = excluded.clv";
      break;
    case ScorePart::rfm:
      upsert =
          "INSERT INTO customer_scores(customer_id, as_of, rfm_r, rfm_f, rfm_m, rfm_segment) "
          "SELECT id, ?2, ?3, ?4, ?5, ?6 FROM customers WHERE id = ?1 ON CONFLICT (customer_id) DO UPDATE SET "
          "as_of = excluded.as_of, rfm_r = excluded.rfm_r, rfm_f = excluded.rfm_f, rfm_m = excluded.rfm_m, "
          "rfm_segment = excluded.rfm_segment";
      break;
    case ScorePart::churn:
      upsert =
          "INSERT INTO customer_scores(customer_id, as_of, churn_risk) SELECT id, ?2, ?3 FROM customers WHERE id = ?1 "
          "ON CONFLICT (customer_id) DO UPDATE SET as_of = excluded.as_of, churn_risk = excluded.churn_risk";
      break;
  }
  auto& st = db_.prepare(upsert);
  auto opt_int = [](const std::optional<int>& v) {
    return v ? std::optional<std::int64_t>(*v) : std::optional<std::int64_t>();
  };
  for (const CustomerScore& s : save.scores) {
    st.bind(1, s.customer_id).bind(2, save.as_of);
    switch (save.part) {
      case ScorePart::clv:
        st.bind(3, save.model).bind(4, s.p_alive).bind(5, s.expected_purchases).bind(6, s.expected_order_value).bind(7, s.clv);
        break;
      case ScorePart::rfm:
        st.bind(3, opt_int(s.rfm_r)).bind(4, opt_int(s.rfm_f)).bind(5, opt_int(s.rfm_m)).bind(6, s.rfm_segment);
        break;
      case ScorePart::churn:
        st.bind(3, s.churn_risk);
        break;
    }
    st.run();
  }
  db_.exec("DELETE FROM customer_scores WHERE p_alive IS NULL AND expected_purchases IS NULL AND "
           "expected_order_value IS NULL AND clv IS NULL AND rfm_r IS NULL AND rfm_f IS NULL AND rfm_m IS NULL AND "
           "rfm_segment IS NULL AND churn_risk IS NULL");
  tx.commit();
}

std::optional<StoredScore> AnalyticsRepo::scores(std::int64_t customer_id) {
  auto& st = db_.prepare(
      "SELECT as_of, model, p_alive, expected_purchases, expected_order_value, clv, rfm_r, rfm_f, rfm_m, rfm_segment, "
      "churn_risk FROM customer_scores WHERE customer_id = ?");
  st.bind(1, customer_id);
  return st.first([&](Statement& r) {
    StoredScore s;
    s.score.customer_id = customer_id;
    s.as_of = r.get_opt_text(0).value_or("");
    s.model = r.get_opt_text(1);
    auto real = [&](int col) { return r.is_null(col) ? std::optional<double>() : std::optional<double>(r.get_double(col)); };
    auto small = [&](int col) {
      return r.is_null(col) ? std::optional<int>() : std::optional<int>(static_cast<int>(r.get_int(col)));
    };
    s.score.p_alive = real(2);
    s.score.expected_purchases = real(3);
    s.score.expected_order_value = r.get_opt_int(4);
    s.score.clv = r.get_opt_int(5);
    s.score.rfm_r = small(6);
    s.score.rfm_f = small(7);
    s.score.rfm_m = small(8);
    s.score.rfm_segment = r.get_opt_text(9);
    s.score.churn_risk = r.get_opt_text(10);
    return s;
  });
}

void AnalyticsRepo::save_offers(const OfferSave& save) {
  checked_date(save.as_of, "as-of day");
  Transaction tx(db_, Transaction::Kind::write);
  auto& drop = db_.prepare("DELETE FROM customer_offers WHERE customer_id = ?");
  auto& exists = db_.prepare("SELECT 1 FROM customers WHERE id = ?");
  // One row at a time from VALUES: an INSERT from a SELECT may write many rows, so SQLite
  // journals every page it touches for the statement, which was half of `report next --all`.
  auto& insert = db_.prepare(
      "INSERT INTO customer_offers(customer_id, rank, as_of, level, item, because, confidence, lift) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  if (save.replace_all) db_.exec("DELETE FROM customer_offers");
  for (const CustomerOffers& c : save.customers) {
    if (!save.replace_all) drop.bind(1, c.customer_id).run();
    // Customers that no longer exist are skipped: an offer belongs to a customer row.
    if (!exists.bind(1, c.customer_id).first([](Statement&) { return true; })) continue;
    std::int64_t rank = 0;
    for (const StoredOffer& o : c.offers) {
      insert.bind(1, c.customer_id).bind(2, ++rank).bind(3, save.as_of).bind(4, save.level).bind(5, o.item);
      insert.bind(6, reasons_json(o.because)).bind(7, o.confidence).bind(8, o.lift).run();
    }
  }
  tx.commit();
}

std::optional<StoredOffers> AnalyticsRepo::offers(std::int64_t customer_id) {
  auto& st = db_.prepare(
      "SELECT as_of, level, item, because, confidence, lift FROM customer_offers WHERE customer_id = ? ORDER BY rank");
  st.bind(1, customer_id);
  std::optional<StoredOffers> out;
  while (st.step()) {
    if (!out) out = StoredOffers{st.get_text(0), st.get_text(1), {}};
    StoredOffer o;
    o.item = st.get_text(2);
    o.because = reasons_from_json(st.get_text_view(3));
    o.confidence = st.get_double(4);
    o.lift = st.get_double(5);
    out->offers.push_back(std::move(o));
  }
  return out;
}

}  // namespace kunde::store::sqlite
