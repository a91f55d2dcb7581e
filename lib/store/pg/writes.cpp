// Writes and import writes on PostgreSQL. An import's new rows get their ids here (the
// largest so far plus one, consecutive) and are recorded by key range, not row by row; the
// customers they touch are listed for the refresh at commit, and the search words of what
// they add are left for the next search. New orders, their lines, payments and contacts
// travel by COPY in batches, not one INSERT each: a round trip per row made an import of
// 600,000 lines take 70 times as long as COPY of the file; new customers and their tags go the
// same way. Whether a key is taken is answered from the keys read once at the first question
// (the write lock keeps other writers out).
#include "store/pg/writes.hpp"

#include <fmt/format.h>

#include <unordered_set>

#include "store/pg/change.hpp"
#include "store/pg/contact_repo.hpp"
#include "store/pg/customer_repo.hpp"
#include "store/pg/order_repo.hpp"
#include "store/pg/payment_repo.hpp"
#include "store/pg/product_repo.hpp"

namespace kunde::store::pg {
namespace {

class PlainWrite final : public Write {
 public:
  PlainWrite(Connection& db, const std::string& command) : change_(db, command) {}
  std::int64_t commit(std::string_view summary) override { return change_.commit(summary); }
  void rollback() override { change_.rollback(); }

 private:
  Change change_;
};

class BulkWrite final : public ImportWrite {
 public:
  BulkWrite(Connection& db, const std::string& command)
      : db_(db), change_(db, command), customers_(db), products_(db), orders_(db), payments_(db), contacts_(db) {
    change_.begin_bulk();
    db_.set_pending(&pending_);
  }
  ~BulkWrite() override { db_.set_pending(nullptr); }
  BulkWrite(const BulkWrite&) = delete;
  BulkWrite& operator=(const BulkWrite&) = delete;

  std::int64_t commit(std::string_view summary) override { return change_.commit(summary); }
  void rollback() override { change_.rollback(); }
  void expect_many(Table) override {}
  void checkpoint() override {}

  std::int64_t add_customer(const model::Customer& c) override { return insert_customer(c, false); }
  std::int64_t add_customer_if_new(const model::Customer& c) override { return insert_customer(c, true); }
  void update_customer(const model::Customer& c) override {
    customers_.update(c);
    change_.bulk_customer_number(c.id, c.number);
  }

  std::int64_t add_product(const model::Product& p) override {
    std::int64_t id = change_.next_id(NewRow::products);
    db_.exec("INSERT INTO products(id, sku, name, category, list_price, unit_cost) VALUES ($1, $2, $3, $4, $5::bigint, "
             "$6::bigint)",
             Params(id, p.sku, p.name, p.category, p.list_price, p.unit_cost));
    added(NewRow::products, id);
    return id;
  }
  void update_product(const model::Product& now, const model::Product&) override { products_.update(now); }

  // The write lock is held from the start of the import, so the numbers taken, read once,
  // stay the numbers taken but for those this import adds.
  std::int64_t add_order_if_new(const model::Order& o) override {
    if (!newly_taken(order_numbers_, "SELECT number FROM orders", o.number)) return 0;
    std::int64_t id = change_.next_id(NewRow::orders);
    std::string& out = pending_[kOrders].data;
    copy_field(out, id);
    copy_field(out, std::string_view(o.number));
    copy_field(out, o.customer_id);
    copy_field(out, std::string_view(o.ordered_at));
    copy_field(out, o.channel);
    copy_field(out, std::string_view(o.status));
    copy_field(out, o.freight);
    copy_field(out, std::string_view(order_attributes_json(o)), true);
    ++pending_[kOrders].rows;
    added(NewRow::orders, id);
    sent_when_full();
    return id;
  }
  void add_line(const model::Order& order, const model::OrderLine& l) override {
    std::string& out = pending_[kLines].data;
    copy_field(out, order.id);
    copy_field(out, l.line);
    copy_field(out, l.product_id);
    copy_field(out, l.quantity);
    copy_field(out, l.unit_price);
    copy_field(out, l.amount);
    copy_field(out, l.unit_cost);
    copy_field(out, l.cost);
    copy_field(out, l.gross);
    if (l.discount) {
      copy_field(out, *l.discount, true);
    } else {
      copy_null(out, true);
    }
    ++pending_[kLines].rows;
    change_.touch(order.customer_id, Change::kTouchOrders);
    sent_when_full();
  }
  void update_order(const model::Order& now, const model::Order& before) override {
    orders_.update(now);
    // The numbers taken follow an order given a number of its own.
    if (order_numbers_ && now.number != before.number) {
      order_numbers_->erase(before.number);
      order_numbers_->insert(now.number);
    }
  }
  void delete_order(const model::Order& order) override {
    orders_.erase(order.id);
    if (order_numbers_) order_numbers_->erase(order.number);
  }
  void put_line(const model::Order& order, const model::OrderLine& line, bool exists) override {
    if (exists) {
      orders_.update_line(order.id, line);
    } else {
      orders_.insert_line(order.id, line);
    }
  }
  std::int64_t delete_lines_after(const model::Order& order, std::int64_t keep) override {
    return orders_.delete_lines_after(order.id, keep);
  }
  std::int64_t last_line(std::int64_t order_id) override { return orders_.last_line(order_id); }

  std::int64_t add_payment_if_new(const model::Payment& p) override {
    if (!newly_taken(payment_references_, "SELECT reference FROM payments", p.reference)) return 0;
    std::int64_t id = change_.next_id(NewRow::payments);
    std::string& out = pending_[kPayments].data;
    copy_field(out, id);
    copy_field(out, std::string_view(p.reference));
    copy_field(out, p.customer_id);
    copy_field(out, std::string_view(p.paid_at));
    copy_field(out, p.amount, true);
    ++pending_[kPayments].rows;
    added(NewRow::payments, id);
    sent_when_full();
    change_.touch(p.customer_id, Change::kTouchPayments);
    return id;
  }
  void update_payment(const model::Payment& now, const model::Payment& before) override {
    payments_.update(now);
    // The references taken follow a payment given a reference of its own.
    if (payment_references_ && now.reference != before.reference) {
      payment_references_->erase(before.reference);
      payment_references_->insert(now.reference);
    }
  }

  std::int64_t add_contact_if_new(const model::Contact& c) override { return insert_contact(c, true); }
  std::int64_t add_contacts(std::span<const model::Contact* const> contacts) override {
    std::int64_t first = 0;
    for (const auto* c : contacts) {
      std::int64_t id = insert_contact(*c, false);
      if (!first) first = id;
    }
    return first;
  }
  std::int64_t next_contact_id() override { return change_.next_id(NewRow::contacts); }
  bool had_contacts(std::int64_t customer_id) override {
    if (!with_contacts_) {
      with_contacts_.emplace();
      db_.stream("SELECT customer_id FROM customer_contact_stats", {},
                 [&](const Row& r) { with_contacts_->insert(r.int64(0)); });
    }
    return with_contacts_->count(customer_id) > 0;
  }
  bool update_contact_by_key(const model::Contact& c, unsigned fields) override {
    return contacts_.update_by_key(c, fields);
  }
  bool update_contact_by_id(std::int64_t id, const model::Contact& c, unsigned fields) override {
    return contacts_.update_by_id(id, c, fields);
  }

 private:
  // Rows waiting for COPY go once they fill a few megabytes, so memory stays bounded.
  void sent_when_full() {
    constexpr std::size_t kBatchBytes = 4 << 20;
    std::size_t bytes = 0;
    for (const auto& p : pending_) bytes += p.data.size();
    if (bytes >= kBatchBytes) db_.flush();
  }

  // Whether `key` was free, taking it: the table's keys are read at the first question
  // (pending rows are sent first, as the query names their table).
  bool newly_taken(std::optional<std::unordered_set<std::string>>& keys, std::string_view query, const std::string& key) {
    if (!keys) {
      keys.emplace();
      db_.stream(query, {}, [&](const Row& r) { keys->insert(r.text(0)); });
    }
    return keys->insert(key).second;
  }

  void added(NewRow table, std::int64_t id) {
    change_.used_id(table, id);
    change_.inserted(table, id);
  }

  // One customer by INSERT: what a unique constraint refuses fails as in any other write.
  std::int64_t insert_customer_row(const model::Customer& c) {
    std::int64_t id = change_.next_id(NewRow::customers);
    Params p(id);
    Params fields = customer_params(c);
    for (const char* v : fields.pointers()) p.add(v ? std::optional<std::string>(v) : std::nullopt);
    db_.exec(fmt::format("INSERT INTO customers(id, {}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, "
                         "$14, $15, $16::bigint, $17::bigint, $18::bigint, $19, $20::jsonb, $21)",
                         kCustomerInsertColumns),
             p);
    added(NewRow::customers, id);
    change_.bulk_customer_number(id, c.number);
    for (const auto& t : c.tags) {
      db_.exec("INSERT INTO customer_tags(customer_id, tag) VALUES ($1, $2) ON CONFLICT DO NOTHING", Params(id, t));
    }
    return id;
  }

  // `if_new`: a customer whose number is taken is not added (0). Otherwise a taken number is
  // left to an INSERT, whose unique constraint says what is wrong as for any other write.
  // Which numbers are taken is the change's cache of them, which follows every customer the
  // import adds or renumbers (bulk_customer_number).
  std::int64_t insert_customer(const model::Customer& c, bool if_new) {
    if (c.number && change_.bulk_number_taken(*c.number)) {
      if (if_new) return 0;
      return insert_customer_row(c);
    }
    std::int64_t id = change_.next_id(NewRow::customers);
    std::string& out = pending_[kCustomers].data;
    copy_field(out, id);
    Params fields = customer_params(c);
    auto values = fields.pointers();
    for (std::size_t i = 0; i < values.size(); ++i) {
      bool last = i + 1 == values.size();
      if (values[i]) {
        copy_field(out, std::string_view(values[i]), last);
      } else {
        copy_null(out, last);
      }
    }
    ++pending_[kCustomers].rows;
    added(NewRow::customers, id);
    change_.bulk_customer_number(id, c.number);
    std::unordered_set<std::string_view> tags;
    for (const auto& t : c.tags) {
      if (!tags.insert(t).second) continue;
      copy_field(pending_[kTags].data, id);
      copy_field(pending_[kTags].data, std::string_view(t), true);
      ++pending_[kTags].rows;
    }
    sent_when_full();
    return id;
  }

  // `keyed`: a contact whose key another has is not added (0); otherwise every contact must
  // be added (their ids are consecutive), and a taken key is an error, as the unique index
  // would make it.
  std::int64_t insert_contact(const model::Contact& c, bool keyed) {
    if (c.key && !newly_taken(contact_keys_, "SELECT key FROM contacts WHERE key IS NOT NULL", *c.key)) {
      if (keyed) return 0;
      throw StoreError(fmt::format("two contacts with the key {}", *c.key), "give each contact its own key");
    }
    std::int64_t id = change_.next_id(NewRow::contacts);
    std::string& out = pending_[kContacts].data;
    copy_field(out, id);
    copy_field(out, c.key);
    copy_field(out, c.customer_id);
    copy_field(out, std::string_view(c.at));
    copy_field(out, std::string_view(c.channel));
    copy_field(out, std::string_view(c.direction));
    for (const auto* f : {&c.subject, &c.notes, &c.outcome, &c.reason, &c.follow_up_at, &c.promise, &c.owner, &c.done_at}) {
      copy_field(out, *f);
    }
    copy_field(out, c.done_notes, true);
    ++pending_[kContacts].rows;
    added(NewRow::contacts, id);
    sent_when_full();
    change_.touch(c.customer_id, Change::kTouchContacts);
    return id;
  }

  static constexpr std::size_t kOrders = 0, kLines = 1, kPayments = 2, kContacts = 3, kCustomers = 4, kTags = 5;
  Connection& db_;
  std::vector<PendingRows> pending_{
      {"orders", "(id, number, customer_id, ordered_at, channel, status, freight, attributes)", 1, {}, 0},
      {"order_lines", "(order_id, line, product_id, quantity, unit_price, amount, unit_cost, cost, gross, discount)", 2,
       {}, 0},
      {"payments", "(id, reference, customer_id, paid_at, amount)", 3, {}, 0},
      {"contacts", std::string("(id, ") + kContactInsertColumns + ")", 4, {}, 0},
      {"customers", std::string("(id, ") + kCustomerInsertColumns + ")", 0, {}, 0},
      {"customer_tags", "(customer_id, tag)", 1, {}, 0}};
  std::optional<std::unordered_set<std::string>> order_numbers_, payment_references_, contact_keys_;
  std::optional<std::unordered_set<std::int64_t>> with_contacts_;
  Change change_;
  CustomerRepo customers_;
  ProductRepo products_;
  OrderRepo orders_;
  PaymentRepo payments_;
  ContactRepo contacts_;
};

}  // namespace

std::unique_ptr<Write> make_write(Connection& db, const std::string& command) {
  return std::make_unique<PlainWrite>(db, command);
}

std::unique_ptr<ImportWrite> make_import_write(Connection& db, const std::string& command) {
  return std::make_unique<BulkWrite>(db, command);
}

}  // namespace kunde::store::pg
