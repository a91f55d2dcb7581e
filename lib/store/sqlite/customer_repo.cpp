// Customer storage.
#include "store/sqlite/customer_repo.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <nlohmann/json.hpp>

#include "error.hpp"
#include "model/org_number.hpp"
#include "model/order.hpp"
#include "model/phone.hpp"
#include "store/sqlite/customer_rule_sql.hpp"
#include "store/sqlite/search.hpp"
#include "text/utf8.hpp"

namespace kunde::store::sqlite {
namespace {

constexpr const char* kColumns =
    "c.id, c.number, c.name, c.kind, c.email, c.email_key, c.phone, c.phone_e164, c.street, "
    "c.postal_code, c.city, c.country, c.org_number, c.created_at, c.preferred_channel, "
    "c.credit_limit, c.payment_terms_days, c.wallet, c.notes, c.attributes, "
    "(SELECT group_concat(tag, ';') FROM (SELECT tag FROM customer_tags t WHERE t.customer_id = c.id ORDER BY tag)), "
    "c.contact_person";

model::Customer read_customer(const Statement& st) {
  model::Customer c;
  c.id = st.get_int(0);
  c.number = st.get_opt_text(1);
  c.name = st.get_text(2);
  c.kind = st.get_text(3);
  c.email = st.get_opt_text(4);
  c.email_key = st.get_opt_text(5);
  c.phone = st.get_opt_text(6);
  c.phone_e164 = st.get_opt_text(7);
  c.street = st.get_opt_text(8);
  c.postal_code = st.get_opt_text(9);
  c.city = st.get_opt_text(10);
  c.country = st.get_opt_text(11);
  c.org_number = st.get_opt_text(12);
  c.created_at = st.get_opt_text(13);
  c.preferred_channel = st.get_opt_text(14);
  c.credit_limit = st.get_opt_int(15);
  c.payment_terms_days = st.get_opt_int(16);
  c.wallet = st.get_opt_int(17);
  c.notes = st.get_opt_text(18);
  auto attrs = st.get_text_view(19);
  if (attrs.size() > 2) {
    auto j = nlohmann::json::parse(attrs, nullptr, false);
    if (j.is_object())
      for (auto& [k, v] : j.items()) c.attributes[k] = v.is_string() ? v.get<std::string>() : v.dump();
  }
  if (!st.is_null(20)) c.tags = model::split_tags(st.get_text_view(20));
  c.contact_person = st.get_opt_text(21);
  return c;
}

std::string attributes_json(const model::Customer& c) {
  if (c.attributes.empty()) return "{}";
  nlohmann::json j(c.attributes);
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Binds the customer's text in place: every caller runs the statement before `c` changes.
Statement& bind_customer(Statement& st, const model::Customer& c) {
  return st.bind_ref(1, c.number)
      .bind_ref(2, c.name)
      .bind_ref(3, c.kind)
      .bind_ref(4, c.email)
      .bind_ref(5, c.email_key)
      .bind_ref(6, c.phone)
      .bind_ref(7, c.phone_e164)
      .bind_ref(8, c.street)
      .bind_ref(9, c.postal_code)
      .bind_ref(10, c.city)
      .bind_ref(11, c.country)
      .bind_ref(12, c.org_number)
      .bind_ref(13, c.created_at)
      .bind_ref(14, c.preferred_channel)
      .bind(15, c.credit_limit)
      .bind(16, c.payment_terms_days)
      .bind(17, c.wallet)
      .bind_ref(18, c.notes)
      .bind(19, attributes_json(c))
      .bind_ref(20, c.contact_person);
}

}  // namespace

std::string fts_query(std::string_view text) {
  std::string out;
  for (const auto& term : fts_terms(text)) out += (out.empty() ? "" : " ") + term;
  return out;
}

std::vector<std::string> fts_terms(std::string_view text) {
  std::string folded = text::fold(text);
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    out.push_back("\"" + word + "\"*");
    word.clear();
  };
  for (char ch : folded) {
    bool alnum = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || static_cast<unsigned char>(ch) >= 0x80;
    if (alnum) {
      word += ch;
    } else {
      flush();
    }
  }
  flush();
  return out;
}

std::optional<model::Customer> CustomerRepo::by_id(std::int64_t id) {
  auto& st = db_.prepare(fmt::format("SELECT {} FROM customers c WHERE c.id = ?", kColumns));
  st.bind(1, id);
  return st.first([](const Statement& row) { return read_customer(row); });
}

std::optional<std::int64_t> CustomerRepo::id_by_number(std::string_view number) {
  auto& st = db_.prepare(
      "SELECT id FROM customers WHERE number = ?1 UNION ALL "
      "SELECT customer_id FROM customer_aliases WHERE number = ?1 LIMIT 1");
  st.bind(1, number);
  return st.first([](const Statement& row) { return row.get_int(0); });
}

std::optional<std::int64_t> CustomerRepo::id_by_email(std::string_view email_key) {
  db_.need_indexes();
  auto& st = db_.prepare("SELECT id FROM customers WHERE email_key = ? ORDER BY id LIMIT 1");
  st.bind(1, email_key);
  return st.first([](const Statement& row) { return row.get_int(0); });
}

std::vector<std::int64_t> CustomerRepo::ids_by_phone(std::string_view e164) {
  db_.need_indexes();
  auto& st = db_.prepare("SELECT id FROM customers WHERE phone_e164 = ? ORDER BY id");
  st.bind(1, e164);
  std::vector<std::int64_t> out;
  while (st.step()) out.push_back(st.get_int(0));
  st.reset();
  return out;
}

std::vector<std::int64_t> CustomerRepo::ids_by_number_nocase(std::string_view number, std::size_t limit) {
  db_.need_indexes();
  auto& st = db_.prepare(
      "SELECT id FROM customers WHERE number = ?1 COLLATE NOCASE UNION "
      "SELECT customer_id FROM customer_aliases WHERE number = ?1 COLLATE NOCASE LIMIT ?2");
  st.bind(1, number).bind(2, static_cast<std::int64_t>(limit));
  std::vector<std::int64_t> out;
  while (st.step()) out.push_back(st.get_int(0));
  st.reset();
  return out;
}

std::vector<std::int64_t> CustomerRepo::ids_by_phone_text(std::string_view text, std::size_t limit) {
  db_.need_indexes();
  // The phone exactly as stored, else the same digits: numbers no parser could place.
  std::string digits;
  for (char ch : text)
    if (ch >= '0' && ch <= '9') digits += ch;
  auto& st = db_.prepare(
      "SELECT id FROM customers WHERE phone = ?1 UNION "
      "SELECT id FROM customers WHERE ?2 <> '' AND phone IS NOT NULL AND "
      "replace(replace(replace(replace(replace(replace(phone, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '/', '') "
      "IN (?2, '+' || ?2) ORDER BY 1 LIMIT ?3");
  st.bind(1, text).bind(2, digits).bind(3, static_cast<std::int64_t>(limit));
  std::vector<std::int64_t> out;
  while (st.step()) out.push_back(st.get_int(0));
  st.reset();
  return out;
}

std::vector<PhoneOwner> CustomerRepo::phones_ending_in(std::string_view digits, std::size_t limit) {
  db_.need_indexes();
  auto& st = db_.prepare(
      "SELECT id, phone_e164, coalesce(country, '') FROM customers WHERE phone_e164 IS NOT NULL AND "
      "substr(phone_e164, -length(?1)) = ?1 AND length(phone_e164) - length(?1) BETWEEN 2 AND 4 ORDER BY id LIMIT ?2");
  st.bind(1, digits).bind(2, static_cast<std::int64_t>(limit));
  std::vector<PhoneOwner> out;
  while (st.step()) out.push_back({st.get_int(0), st.get_text(1), st.get_text(2)});
  st.reset();
  return out;
}

std::string CustomerRepo::usual_country() {
  auto& st = db_.prepare(
      "SELECT country FROM (SELECT country FROM customers WHERE country IS NOT NULL LIMIT 1000) "
      "GROUP BY country ORDER BY count(*) DESC, country LIMIT 1");
  std::string country = st.step() ? st.get_text(0) : std::string();
  st.reset();
  return country;
}

namespace {
constexpr const char* kInsertCustomer =
    "INSERT INTO customers(number, name, kind, email, email_key, phone, phone_e164, street, "
    "postal_code, city, country, org_number, created_at, preferred_channel, credit_limit, "
    "payment_terms_days, wallet, notes, attributes, contact_person) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
}

std::int64_t CustomerRepo::insert(const model::Customer& c) { return insert_with(kInsertCustomer, c); }

std::int64_t CustomerRepo::insert_if_new(const model::Customer& c) {
  static constexpr std::string_view kIfNew =
      "INSERT INTO customers(number, name, kind, email, email_key, phone, phone_e164, street, "
      "postal_code, city, country, org_number, created_at, preferred_channel, credit_limit, "
      "payment_terms_days, wallet, notes, attributes, contact_person) "
      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(number) DO NOTHING";
  return insert_with(kIfNew, c);
}

std::int64_t CustomerRepo::insert_with(std::string_view sql, const model::Customer& c) {
  if (std::int64_t id = db_.take_customer_id()) {
    // Past the highest id ever given out (Database::set_customer_id_floor).
    // The same statement with the id as one more column, numbered past the others.
    std::string with_id(sql);
    std::size_t columns_end = with_id.find(") VALUES (");
    std::size_t values_end = with_id.find(')', columns_end + 10);
    with_id.insert(values_end, ", ?99");
    with_id.insert(columns_end, ", id");
    bind_customer(db_.prepare(with_id), c).bind(99, id).run();
    if (db_.changes() == 0) db_.set_customer_id_floor(id - 1);  // not inserted: the next one takes it
  } else {
    bind_customer(db_.prepare(sql), c).run();
  }
  if (db_.changes() == 0) return 0;
  std::int64_t id = db_.last_insert_rowid();
  write_tags(id, c.tags);
  return id;
}

bool CustomerRepo::has_aliases() {
  Statement st(db_, "SELECT EXISTS (SELECT 1 FROM customer_aliases)");
  return st.step() && st.get_int(0) != 0;
}

void CustomerRepo::update(const model::Customer& c) {
  auto& st = db_.prepare(
      "UPDATE customers SET number=?, name=?, kind=?, email=?, email_key=?, phone=?, phone_e164=?, "
      "street=?, postal_code=?, city=?, country=?, org_number=?, created_at=?, preferred_channel=?, "
      "credit_limit=?, payment_terms_days=?, wallet=?, notes=?, attributes=?, contact_person=? WHERE id=?");
  bind_customer(st, c);
  st.bind(21, c.id);
  st.run();
  auto& del = db_.prepare("DELETE FROM customer_tags WHERE customer_id = ?");
  del.bind(1, c.id).run();
  write_tags(c.id, c.tags);
}

void CustomerRepo::write_tags(std::int64_t id, const std::vector<std::string>& tags) {
  if (tags.empty()) return;
  auto& st = db_.prepare("INSERT OR IGNORE INTO customer_tags(customer_id, tag) VALUES (?, ?)");
  for (const auto& t : tags) st.bind(1, id).bind_ref(2, t).run();
}

bool CustomerRepo::add_tag(std::int64_t id, const std::string& tag) {
  db_.prepare("INSERT OR IGNORE INTO customer_tags(customer_id, tag) VALUES (?, ?)").bind(1, id).bind(2, tag).run();
  return db_.changes() > 0;
}

bool CustomerRepo::remove_tag(std::int64_t id, const std::string& tag) {
  db_.prepare("DELETE FROM customer_tags WHERE customer_id = ? AND tag = ?").bind(1, id).bind(2, tag).run();
  return db_.changes() > 0;
}

Dependents CustomerRepo::dependents(std::int64_t id) {
  auto& st = db_.prepare(
      "SELECT (SELECT count(*) FROM orders WHERE customer_id = ?1), "
      "(SELECT count(*) FROM payments WHERE customer_id = ?1), "
      "(SELECT count(*) FROM contacts WHERE customer_id = ?1)");
  st.bind(1, id);
  st.step();
  Dependents d{st.get_int(0), st.get_int(1), st.get_int(2)};
  st.reset();
  return d;
}

void CustomerRepo::remove(std::int64_t id) {
  db_.prepare("DELETE FROM customer_tags WHERE customer_id = ?").bind(1, id).run();
  // Dynamic segments' matches follow by cascade; their record of the customer goes too.
  db_.prepare("DELETE FROM segment_members WHERE customer_id = ?").bind(1, id).run();
  db_.prepare("DELETE FROM segment_history WHERE customer_id = ?").bind(1, id).run();
  db_.prepare("DELETE FROM customer_aliases WHERE customer_id = ?").bind(1, id).run();
  db_.prepare("DELETE FROM customers WHERE id = ?").bind(1, id).run();
}

void CustomerRepo::merge(std::int64_t into, std::int64_t from) {
  auto a = by_id(into);
  auto b = by_id(from);
  if (!a || !b) throw Error("both customers must exist to merge them", "");
  for (const char* table : {"orders", "payments", "contacts"}) {
    db_.prepare(fmt::format("UPDATE {} SET customer_id = ? WHERE customer_id = ?", table)).bind(1, into).bind(2, from).run();
  }
  db_.prepare("UPDATE customer_aliases SET customer_id = ? WHERE customer_id = ?").bind(1, into).bind(2, from).run();
  // Static segments keep their member; dynamic ones decide again at their next refresh.
  db_.prepare("INSERT OR IGNORE INTO segment_members(segment_id, customer_id) SELECT segment_id, ? FROM segment_members "
              "WHERE customer_id = ?")
      .bind(1, into)
      .bind(2, from)
      .run();
  // What the surviving record lacks, the merged one supplies.
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
    db_.prepare("INSERT OR REPLACE INTO customer_aliases(number, customer_id) VALUES (?, ?)")
        .bind(1, *b->number)
        .bind(2, into)
        .run();
  }
}

void CustomerRepo::erase(std::int64_t id) {
  db_.prepare("DELETE FROM order_lines WHERE order_id IN (SELECT id FROM orders WHERE customer_id = ?)").bind(1, id).run();
  for (const char* table : {"orders", "payments", "contacts"}) {
    db_.prepare(fmt::format("DELETE FROM {} WHERE customer_id = ?", table)).bind(1, id).run();
  }
  remove(id);
}

std::vector<std::string> CustomerRepo::aliases(std::int64_t id) {
  std::vector<std::string> out;
  auto& st = db_.prepare("SELECT number FROM customer_aliases WHERE customer_id = ? ORDER BY number");
  st.bind(1, id);
  while (st.step()) out.push_back(st.get_text(0));
  st.reset();
  return out;
}

CustomerStats CustomerRepo::stats(std::int64_t id) {
  CustomerStats s;
  auto& st = db_.prepare(
      "SELECT first_order_at, last_order_at, orders, revenue, cost, margin, paid, balance, top_categories, "
      "avg_order_value, oldest_unpaid_at, uncosted_revenue FROM customer_order_stats WHERE customer_id = ?");
  st.bind(1, id);
  if (st.step()) {
    s.first_order_at = st.get_opt_text(0);
    s.last_order_at = st.get_opt_text(1);
    s.orders = st.get_int(2);
    s.revenue = st.get_int(3);
    s.cost = st.get_int(4);
    s.margin = st.get_int(5);
    s.paid = st.get_int(6);
    s.balance = st.get_int(7);
    s.top_categories = st.get_opt_text(8);
    s.avg_order_value = st.is_null(9) ? 0 : st.get_int(9);
    s.oldest_unpaid_at = st.get_opt_text(10);
    s.uncosted_revenue = st.get_int(11);
  }
  st.reset();
  return s;
}

std::int64_t CustomerRepo::count() {
  auto& st = db_.prepare("SELECT count(*) FROM customers");
  st.step();
  auto n = st.get_int(0);
  st.reset();
  return n;
}

std::vector<std::string> CustomerRepo::attribute_keys() {
  std::vector<std::string> out;
  auto& st = db_.prepare(
      "SELECT DISTINCT j.key FROM customers c, json_each(c.attributes) j "
      "WHERE c.attributes <> '{}' ORDER BY j.key");
  while (st.step()) out.push_back(st.get_text(0));
  st.reset();
  return out;
}

void CustomerRepo::list(const CustomerFilter& f, const std::function<void(const model::Customer&)>& each) {
  db_.need_indexes();
  if (f.search) update_search_index(db_);  // entries a bulk write left pending
  std::string sql = fmt::format("SELECT {} FROM {}", kColumns, kCustomerRuleFrom);
  std::vector<std::string> where;
  std::vector<std::string> params;
  auto param = [&](std::string v) {
    params.push_back(std::move(v));
    return fmt::format("?{}", params.size());
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
    where.push_back(fmt::format("json_extract(c.attributes, '$.' || json_quote({})) = {}", param(k), param(v)));
  }
  if (f.search) {
    // Every word, each in the customer's own text or in one of their contacts.
    auto terms = fts_terms(*f.search);
    if (terms.empty()) where.push_back("0");
    for (const auto& term : terms) {
      std::string p = param(term);
      where.push_back(fmt::format(
          "(c.id IN (SELECT rowid FROM customer_search WHERE customer_search MATCH {0}) OR "
          "c.id IN (SELECT k.customer_id FROM contact_search s JOIN contacts k ON k.id = s.rowid "
          "WHERE contact_search MATCH {0}))", p));
    }
  }
  if (f.ids) {
    std::string list;
    for (auto id : *f.ids) list += (list.empty() ? "" : ",") + std::to_string(id);
    where.push_back(fmt::format("c.id IN ({})", list.empty() ? "NULL" : list));
  }
  if (f.over_limit) where.push_back("c.credit_limit IS NOT NULL AND coalesce(s.balance, 0) > c.credit_limit");
  if (f.overdue_as_of) {
    // The oldest invoice not covered by payments and credit notes is past its terms
    // (the statistics keep its date; lib/crm/accounts.cpp computes the amount).
    where.push_back(fmt::format(
        "s.oldest_unpaid_at IS NOT NULL AND date(substr(s.oldest_unpaid_at, 1, 10), '+' || "
        "coalesce(c.payment_terms_days, {}) || ' days') < {}",
        model::kDefaultPaymentTermsDays, param(*f.overdue_as_of)));
  }
  if (f.segment) {
    where.push_back(fmt::format("c.id IN (SELECT sm.customer_id FROM {} WHERE sm.segment = {})", kSegmentMembership,
                                param(*f.segment)));
  }
  // Last: its placeholders are numbered after the ones above.
  std::optional<RuleSql> rule;
  if (f.rule) {
    rule = customer_rule_sql(db_, RuleQuery{*f.rule, f.rule_today});
    where.push_back("(" + rule->where + ")");
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
  sql += fmt::format(" ORDER BY {} {}, c.id", order, f.descending ? "DESC" : "ASC");
  if (f.limit) sql += fmt::format(" LIMIT {}", *f.limit);
  Statement st(db_, sql);
  for (std::size_t i = 0; i < params.size(); ++i) st.bind(static_cast<int>(i + 1), params[i]);
  if (rule) bind_rule_params(st, *rule, static_cast<int>(params.size()) + 1);
  while (st.step()) each(read_customer(st));
}

}  // namespace kunde::store::sqlite
