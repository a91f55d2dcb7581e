// Right-of-access export: every table that refers to the customer, column by column, so
// nothing held is left out when the schema grows.
#include "store/sqlite/personal_data.hpp"

#include "clock.hpp"
#include "store/sqlite/history.hpp"

namespace kunde::store::sqlite {
namespace {

using json = nlohmann::ordered_json;

json rows(Database& db, const std::string& sql, std::int64_t id) {
  json out = json::array();
  Statement st(db, sql);
  st.bind(1, id);
  while (st.step()) {
    json row = json::object();
    for (int i = 0; i < st.column_count(); ++i) {
      Value v = st.get_value(i);
      if (auto p = std::get_if<std::int64_t>(&v)) row[st.column_name(i)] = *p;
      else if (auto d = std::get_if<double>(&v)) row[st.column_name(i)] = *d;
      else if (auto s = std::get_if<std::string>(&v)) row[st.column_name(i)] = *s;
      else row[st.column_name(i)] = nullptr;
    }
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace

json personal_data(Database& db, std::int64_t id) {
  json doc = json::object();
  doc["exported_at"] = now_local();
  auto customer = rows(db, "SELECT * FROM customers WHERE id = ?", id);
  doc["customer"] = customer.empty() ? json() : customer[0];
  if (doc["customer"].is_object() && doc["customer"].contains("attributes")) {
    doc["customer"]["attributes"] = json::parse(doc["customer"]["attributes"].get<std::string>(), nullptr, false);
  }
  json tags = json::array();
  for (auto& r : rows(db, "SELECT tag FROM customer_tags WHERE customer_id = ? ORDER BY tag", id)) tags.push_back(r["tag"]);
  doc["tags"] = tags;
  json aliases = json::array();
  for (auto& r : rows(db, "SELECT number FROM customer_aliases WHERE customer_id = ? ORDER BY number", id)) aliases.push_back(r["number"]);
  doc["merged_numbers"] = aliases;
  json orders = rows(db, "SELECT * FROM orders WHERE customer_id = ? ORDER BY ordered_at, id", id);
  for (auto& o : orders) {
    if (o.contains("attributes") && o["attributes"].is_string()) {
      o["attributes"] = json::parse(o["attributes"].get<std::string>(), nullptr, false);
    }
    o["lines"] = rows(db, "SELECT l.line, p.sku, p.name AS product, l.quantity, l.unit_price, l.gross, l.discount, l.amount, "
                          "l.unit_cost, l.cost "
                          "FROM order_lines l LEFT JOIN products p ON p.id = l.product_id WHERE l.order_id = ? ORDER BY l.line",
                      o["id"].get<std::int64_t>());
  }
  doc["orders"] = orders;
  doc["payments"] = rows(db, "SELECT * FROM payments WHERE customer_id = ? ORDER BY paid_at, id", id);
  doc["contacts"] = rows(db, "SELECT * FROM contacts WHERE customer_id = ? ORDER BY at, id", id);
  auto order_stats = rows(db, "SELECT * FROM customer_order_stats WHERE customer_id = ?", id);
  auto contact_stats = rows(db, "SELECT * FROM customer_contact_stats WHERE customer_id = ?", id);
  doc["order_statistics"] = order_stats.empty() ? json() : order_stats[0];
  doc["contact_statistics"] = contact_stats.empty() ? json() : contact_stats[0];
  doc["segments"] = rows(db,
                         "SELECT g.name AS segment, g.kind FROM segments g WHERE g.id IN (SELECT segment_id FROM "
                         "segment_members WHERE customer_id = ?1 UNION SELECT segment_id FROM segment_matches "
                         "WHERE customer_id = ?1) ORDER BY g.name",
                         id);
  doc["segment_history"] = rows(db,
                                "SELECT r.at, g.name AS segment, CASE h.entered WHEN 1 THEN 'entered' ELSE 'left' END "
                                "AS change FROM segment_history h JOIN segment_refreshes r ON r.id = h.refresh_id "
                                "JOIN segments g ON g.id = r.segment_id WHERE h.customer_id = ? ORDER BY r.id",
                                id);
  doc["history"] = history_of_customer(db, id);
  doc["money_note"] = "amounts are in minor units (cents, øre)";
  return doc;
}

}  // namespace kunde::store::sqlite
