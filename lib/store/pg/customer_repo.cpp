// Customer storage.
#include "store/pg/customer_repo.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "error.hpp"
#include "model/order.hpp"
#include "store/pg/change.hpp"
#include "store/pg/customer_rule_sql.hpp"
#include "store/pg/derived.hpp"

namespace kunde::store::pg {

const char* const kCustomerColumns =
    "c.id, c.number, c.name, c.kind, c.email, c.email_key, c.phone, c.phone_e164, c.street, "
    "c.postal_code, c.city, c.country, c.org_number, c.created_at, c.preferred_channel, "
    "c.credit_limit, c.payment_terms_days, c.wallet, c.notes, c.attributes::text, "
    "(SELECT string_agg(t.tag, ';' ORDER BY t.tag) FROM customer_tags t WHERE t.customer_id = c.id), "
    "c.contact_person";

model::Customer read_customer(const Row& r) {
  model::Customer c;
  c.id = r.int64(0);
  c.number = r.opt_text(1);
  c.name = r.text(2);
  c.kind = r.text(3);
  c.email = r.opt_text(4);
  c.email_key = r.opt_text(5);
  c.phone = r.opt_text(6);
  c.phone_e164 = r.opt_text(7);
  c.street = r.opt_text(8);
  c.postal_code = r.opt_text(9);
  c.city = r.opt_text(10);
  c.country = r.opt_text(11);
  c.org_number = r.opt_text(12);
  c.created_at = r.opt_text(13);
  c.preferred_channel = r.opt_text(14);
  c.credit_limit = r.opt_int(15);
  c.payment_terms_days = r.opt_int(16);
  c.wallet = r.opt_int(17);
  c.notes = r.opt_text(18);
  auto attrs = r.text_view(19);
  if (attrs.size() > 2) {
    auto j = nlohmann::json::parse(attrs, nullptr, false);
    if (j.is_object())
      for (auto& [k, v] : j.items()) c.attributes[k] = v.is_string() ? v.get<std::string>() : v.dump();
  }
  if (!r.is_null(20)) c.tags = model::split_tags(r.text_view(20));
  c.contact_person = r.opt_text(21);
  return c;
}

std::string attributes_json(const model::Customer& c) {
  if (c.attributes.empty()) return "{}";
  nlohmann::json j(c.attributes);
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Params customer_params(const model::Customer& c) {
  Params p;
  p.add(c.number).add(c.name).add(c.kind).add(c.email).add(c.email_key).add(c.phone).add(c.phone_e164);
  p.add(c.street).add(c.postal_code).add(c.city).add(c.country).add(c.org_number).add(c.created_at);
  p.add(c.preferred_channel).add(c.credit_limit).add(c.payment_terms_days).add(c.wallet).add(c.notes);
  p.add(attributes_json(c)).add(c.contact_person);
  return p;
}

namespace {

constexpr const char* kInsertValues =
    "{id}, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::bigint, $16::bigint, $17::bigint, $18, "
    "$19::jsonb, $20";

std::vector<std::int64_t> ids_of(const Result& r) {
  std::vector<std::int64_t> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(r.row(i).int64(0));
  return out;
}

}  // namespace

std::optional<model::Customer> CustomerRepo::by_id(std::int64_t id) {
  Result r = db_.exec(fmt::format("SELECT {} FROM customers c WHERE c.id = $1", kCustomerColumns), Params(id));
  if (r.rows() == 0) return std::nullopt;
  return read_customer(r.row(0));
}

std::optional<std::int64_t> CustomerRepo::id_by_number(std::string_view number) {
  if (Change* change = db_.change()) {
    if (auto known = change->bulk_customer_by_number(number)) return *known;
  }
  Result r = db_.exec(
      "(SELECT id FROM customers WHERE number = $1) UNION ALL "
      "(SELECT customer_id FROM customer_aliases WHERE number = $1) LIMIT 1",
      Params(number));
  if (r.rows() == 0) return std::nullopt;
  return r.row(0).int64(0);
}

std::optional<std::int64_t> CustomerRepo::id_by_email(std::string_view email_key) {
  Result r = db_.exec("SELECT id FROM customers WHERE email_key = $1 ORDER BY id LIMIT 1", Params(email_key));
  if (r.rows() == 0) return std::nullopt;
  return r.row(0).int64(0);
}

std::vector<std::int64_t> CustomerRepo::ids_by_phone(std::string_view e164) {
  return ids_of(db_.exec("SELECT id FROM customers WHERE phone_e164 = $1 ORDER BY id", Params(e164)));
}

std::vector<std::int64_t> CustomerRepo::ids_by_number_nocase(std::string_view number, std::size_t limit) {
  // NOCASE on SQLite folds ASCII letters only; so does lower() under COLLATE "C".
  return ids_of(db_.exec(
      "SELECT id FROM (SELECT id FROM customers WHERE lower(number) = lower($1) UNION "
      "SELECT customer_id FROM customer_aliases WHERE lower(number) = lower($1)) u ORDER BY id LIMIT $2",
      Params(number, static_cast<std::int64_t>(limit))));
}

std::vector<std::int64_t> CustomerRepo::ids_by_phone_text(std::string_view text, std::size_t limit) {
  std::string digits;
  for (char ch : text)
    if (ch >= '0' && ch <= '9') digits += ch;
  return ids_of(db_.exec(
      "SELECT id FROM customers WHERE phone = $1 UNION "
      "SELECT id FROM customers WHERE $2 <> '' AND phone IS NOT NULL AND "
      "replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '/', '') "
      "IN ($2, '+' || $2) ORDER BY 1 LIMIT $3",
      Params(text, digits, static_cast<std::int64_t>(limit))));
}

std::vector<PhoneOwner> CustomerRepo::phones_ending_in(std::string_view digits, std::size_t limit) {
  Result r = db_.exec(
      "SELECT id, phone_e164, coalesce(country, '') FROM customers WHERE phone_e164 IS NOT NULL AND "
      "right(phone_e164, length($1)) = $1 AND length(phone_e164) - length($1) BETWEEN 2 AND 4 ORDER BY id LIMIT $2",
      Params(digits, static_cast<std::int64_t>(limit)));
  std::vector<PhoneOwner> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back({r.row(i).int64(0), r.row(i).text(1), r.row(i).text(2)});
  return out;
}

std::string CustomerRepo::usual_country() {
  Result r = db_.exec(
      "SELECT country FROM (SELECT country FROM customers WHERE country IS NOT NULL LIMIT 1000) s "
      "GROUP BY country ORDER BY count(*) DESC, country LIMIT 1");
  return r.rows() ? r.row(0).text(0) : std::string();
}

bool CustomerRepo::has_aliases() { return db_.scalar("SELECT count(*) FROM (SELECT 1 FROM customer_aliases LIMIT 1) a") > 0; }

std::int64_t CustomerRepo::insert(const model::Customer& c) {
  auto out = db_.write().insert(tables::customers, std::string("id, ") + kCustomerInsertColumns, kInsertValues, customer_params(c));
  write_tags(out.id, c.tags);
  return out.id;
}

void CustomerRepo::write_tags(std::int64_t id, const std::vector<std::string>& tags) {
  for (const auto& t : tags) {
    db_.write().insert(tables::customer_tags, "customer_id, tag", "$1, $2", Params(id, t), "ON CONFLICT DO NOTHING");
  }
}

void CustomerRepo::update(const model::Customer& c) {
  Params p = customer_params(c);
  p.add(c.id);
  db_.write().update(tables::customers,
                     "number = $1, name = $2, kind = $3, email = $4, email_key = $5, phone = $6, phone_e164 = $7, "
                     "street = $8, postal_code = $9, city = $10, country = $11, org_number = $12, created_at = $13, "
                     "preferred_channel = $14, credit_limit = $15::bigint, payment_terms_days = $16::bigint, "
                     "wallet = $17::bigint, notes = $18, attributes = $19::jsonb, contact_person = $20",
                     "id = $21", p);
  // Only the tags that differ change, so history records no more than that.
  db_.write().remove(tables::customer_tags, "customer_id = $1 AND NOT (tag = ANY ($2::text[]))",
                     Params(c.id, text_array(c.tags)));
  write_tags(c.id, c.tags);
}

bool CustomerRepo::add_tag(std::int64_t id, const std::string& tag) {
  return db_.write()
             .insert(tables::customer_tags, "customer_id, tag", "$1, $2", Params(id, tag), "ON CONFLICT DO NOTHING")
             .changed > 0;
}

bool CustomerRepo::remove_tag(std::int64_t id, const std::string& tag) {
  return db_.write().remove(tables::customer_tags, "customer_id = $1 AND tag = $2", Params(id, tag)).changed > 0;
}

Dependents CustomerRepo::dependents(std::int64_t id) {
  Result r = db_.exec(
      "SELECT (SELECT count(*) FROM orders WHERE customer_id = $1), "
      "(SELECT count(*) FROM payments WHERE customer_id = $1), "
      "(SELECT count(*) FROM contacts WHERE customer_id = $1)",
      Params(id));
  auto row = r.row(0);
  return Dependents{row.int64(0), row.int64(1), row.int64(2)};
}

void CustomerRepo::remove(std::int64_t id) {
  auto& w = db_.write();
  w.remove(tables::customer_tags, "customer_id = $1", Params(id));
  // Dynamic segments' matches follow by cascade; their record of the customer goes too.
  w.remove(tables::segment_members, "customer_id = $1", Params(id));
  db_.exec("DELETE FROM segment_history WHERE customer_id = $1", Params(id));
  w.remove(tables::customer_aliases, "customer_id = $1", Params(id));
  w.remove(tables::customers, "id = $1", Params(id));
}

void CustomerRepo::merge(std::int64_t into, std::int64_t from) {
  auto a = by_id(into);
  auto b = by_id(from);
  if (!a || !b) throw Error("both customers must exist to merge them", "");
  auto& w = db_.write();
  w.update(tables::orders, "customer_id = $1", "customer_id = $2", Params(into, from));
  w.update(tables::payments, "customer_id = $1", "customer_id = $2", Params(into, from));
  w.update(tables::contacts, "customer_id = $1", "customer_id = $2", Params(into, from));
  w.update(tables::customer_aliases, "customer_id = $1", "customer_id = $2", Params(into, from));
  // Static segments keep their member; dynamic ones decide again at their next refresh.
  w.insert_select(tables::segment_members,
                  "SELECT segment_id, $1::bigint FROM segment_members WHERE customer_id = $2 ON CONFLICT DO NOTHING",
                  Params(into, from));
  auto fill = [](std::optional<std::string>& dst, const std::optional<std::string>& src) {
    if (!dst && src) dst = src;
  };
  fill(a->email, b->email), fill(a->email_key, b->email_key), fill(a->phone, b->phone);
  fill(a->phone_e164, b->phone_e164), fill(a->street, b->street), fill(a->postal_code, b->postal_code);
  fill(a->city, b->city), fill(a->country, b->country), fill(a->org_number, b->org_number);
  fill(a->preferred_channel, b->preferred_channel), fill(a->notes, b->notes);
  fill(a->contact_person, b->contact_person);
  if (!a->created_at || (b->created_at && *b->created_at < *a->created_at)) a->created_at = b->created_at;
  if (!a->credit_limit) a->credit_limit = b->credit_limit;
  if (!a->payment_terms_days) a->payment_terms_days = b->payment_terms_days;
  if (!a->wallet) a->wallet = b->wallet;
  if (a->name.empty()) a->name = b->name;
  for (const auto& [k, v] : b->attributes) a->attributes.emplace(k, v);
  for (const auto& t : b->tags) a->tags.push_back(t);
  std::sort(a->tags.begin(), a->tags.end());
  a->tags.erase(std::unique(a->tags.begin(), a->tags.end()), a->tags.end());
  remove(from);
  update(*a);
  if (b->number) {
    w.remove(tables::customer_aliases, "number = $1", Params(*b->number));
    w.insert(tables::customer_aliases, "number, customer_id", "$1, $2", Params(*b->number, into));
  }
}

void CustomerRepo::erase(std::int64_t id) {
  auto& w = db_.write();
  w.remove(tables::order_lines, "order_id IN (SELECT id FROM orders WHERE customer_id = $1)", Params(id));
  w.remove(tables::orders, "customer_id = $1", Params(id));
  w.remove(tables::payments, "customer_id = $1", Params(id));
  w.remove(tables::contacts, "customer_id = $1", Params(id));
  remove(id);
}

std::vector<std::string> CustomerRepo::aliases(std::int64_t id) {
  Result r = db_.exec("SELECT number FROM customer_aliases WHERE customer_id = $1 ORDER BY number", Params(id));
  std::vector<std::string> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(r.row(i).text(0));
  return out;
}

CustomerStats CustomerRepo::stats(std::int64_t id) {
  CustomerStats s;
  Result r = db_.exec(
      "SELECT first_order_at, last_order_at, orders, revenue, cost, margin, paid, balance, top_categories, "
      "avg_order_value, oldest_unpaid_at, uncosted_revenue FROM customer_order_stats WHERE customer_id = $1",
      Params(id));
  if (r.rows()) {
    auto row = r.row(0);
    s.first_order_at = row.opt_text(0);
    s.last_order_at = row.opt_text(1);
    s.orders = row.int64(2);
    s.revenue = row.int64(3);
    s.cost = row.int64(4);
    s.margin = row.int64(5);
    s.paid = row.int64(6);
    s.balance = row.int64(7);
    s.top_categories = row.opt_text(8);
    s.avg_order_value = row.int64(9);
    s.oldest_unpaid_at = row.opt_text(10);
    s.uncosted_revenue = row.int64(11);
  }
  return s;
}

std::int64_t CustomerRepo::count() { return db_.scalar("SELECT count(*) FROM customers"); }

std::vector<std::string> CustomerRepo::attribute_keys() {
  Result r = db_.exec(
      "SELECT DISTINCT k COLLATE \"C\" FROM customers c, jsonb_object_keys(c.attributes) k "
      "WHERE c.attributes <> '{}'::jsonb ORDER BY 1");
  std::vector<std::string> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(r.row(i).text(0));
  return out;
}

void CustomerRepo::list(const CustomerFilter& f, const std::function<void(const model::Customer&)>& each) {
  if (f.search) update_search_index(db_);  // words an import left pending
  std::string sql = fmt::format("SELECT {} FROM {}", kCustomerColumns, kCustomerRuleFrom);
  std::vector<std::string> where;
  Params params;
  auto param = [&](const std::string& v, const char* type = "text") {
    params.add(v);
    return fmt::format("${}::{}", params.size(), type);
  };
  for (const auto& t : f.tags) {
    where.push_back(fmt::format("EXISTS (SELECT 1 FROM customer_tags t WHERE t.customer_id = c.id AND t.tag = {})", param(t)));
  }
  if (f.country) where.push_back(fmt::format("lower(c.country) = lower({})", param(*f.country)));
  if (f.city) where.push_back(fmt::format("kunde_fold(c.city) = kunde_fold({})", param(*f.city)));
  if (f.kind) where.push_back(fmt::format("c.kind = {}", param(*f.kind)));
  if (f.created_since) where.push_back(fmt::format("c.created_at >= {}", param(*f.created_since)));
  if (f.created_until) where.push_back(fmt::format("substr(c.created_at, 1, 10) <= {}", param(*f.created_until)));
  for (const auto& [k, v] : f.attributes) {
    where.push_back(fmt::format("c.attributes ->> {} = {}", param(k), param(v)));
  }
  if (f.search) {
    // Every word, each in the customer's own text or in one of their contacts.
    auto terms = query_terms(*f.search);
    if (terms.empty()) where.push_back("false");
    for (const auto& term : terms) {
      std::string q = search_term(term);
      if (q.empty()) {
        where.push_back("false");
        continue;
      }
      std::string p = param(q, "tsquery");
      where.push_back(fmt::format(
          "(c.id IN (SELECT customer_id FROM customer_search WHERE words @@ {0}) OR "
          "c.id IN (SELECT k.customer_id FROM contact_search s JOIN contacts k ON k.id = s.contact_id "
          "WHERE s.words @@ {0}))",
          p));
    }
  }
  if (f.ids) {
    std::vector<std::int64_t> ids(f.ids->begin(), f.ids->end());
    where.push_back(fmt::format("c.id = ANY ({})", param(int_array(ids), "bigint[]")));
  }
  if (f.over_limit) where.push_back("c.credit_limit IS NOT NULL AND coalesce(s.balance, 0) > c.credit_limit");
  if (f.overdue_as_of) {
    where.push_back(fmt::format(
        "s.oldest_unpaid_at IS NOT NULL AND substr(s.oldest_unpaid_at, 1, 10)::date + "
        "coalesce(c.payment_terms_days, {})::integer < {}",
        model::kDefaultPaymentTermsDays, param(*f.overdue_as_of, "date")));
  }
  if (f.segment) {
    where.push_back(fmt::format("c.id IN (SELECT sm.customer_id FROM {} WHERE sm.segment = {})", kSegmentMembership,
                                param(*f.segment)));
  }
  // Last: its placeholders are numbered after the ones above.
  if (f.rule) {
    RuleSql rule = customer_rule_sql(RuleQuery{*f.rule, f.rule_today}, params.size() + 1);
    where.push_back("(" + rule.where + ")");
    add_rule_params(params, rule);
  }
  if (!where.empty()) sql += " WHERE " + fmt::format("{}", fmt::join(where, " AND "));
  static const std::pair<const char*, const char*> kSorts[] = {
      {"id", "c.id"}, {"number", "c.number"}, {"name", "kunde_fold(c.name)"}, {"city", "kunde_fold(c.city)"},
      {"country", "c.country"}, {"created_at", "c.created_at"}, {"email", "c.email_key"},
      {"revenue", "coalesce(s.revenue, 0)"}, {"margin", "coalesce(s.margin, 0)"},
      {"balance", "coalesce(s.balance, 0)"}, {"orders", "coalesce(s.orders, 0)"},
      {"last_order", "s.last_order_at"}};
  const char* order = nullptr;
  for (const auto& [name, expr] : kSorts)
    if (f.sort == name) order = expr;
  if (!order) {
    throw UsageError(fmt::format("cannot sort by '{}'", f.sort),
                     fmt::format("sort by {} or {}",
                                 fmt::join(customer_sort_keys().begin(), customer_sort_keys().end() - 1, ", "),
                                 customer_sort_keys().back()));
  }
  // NULLs first when ascending, as SQLite sorts them.
  sql += fmt::format(" ORDER BY {0} {1} NULLS {2}, c.id", order, f.descending ? "DESC" : "ASC",
                     f.descending ? "LAST" : "FIRST");
  if (f.limit) sql += fmt::format(" LIMIT {}", *f.limit);
  db_.stream(sql, params, [&](const Row& r) { each(read_customer(r)); });
}

}  // namespace kunde::store::pg
