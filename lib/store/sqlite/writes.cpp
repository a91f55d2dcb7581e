// Writes and import writes on SQLite.
#include "store/sqlite/writes.hpp"

#include "store/sqlite/change.hpp"
#include "store/sqlite/contact_repo.hpp"
#include "store/sqlite/customer_repo.hpp"
#include "store/sqlite/derived.hpp"
#include "store/sqlite/order_repo.hpp"
#include "store/sqlite/payment_repo.hpp"
#include "store/sqlite/product_repo.hpp"

namespace kunde::store::sqlite {
namespace {

class PlainWrite final : public Write {
 public:
  PlainWrite(Database& db, const std::string& command) : change_(db, command) {}
  std::int64_t commit(std::string_view summary) override { return change_.commit(summary); }
  void rollback() override { change_.rollback(); }

 private:
  Change change_;
};

NewRow new_row(Table t) {
  switch (t) {
    case Table::customers: return NewRow::customers;
    case Table::products: return NewRow::products;
    case Table::orders: return NewRow::orders;
    case Table::payments: return NewRow::payments;
    case Table::contacts: return NewRow::contacts;
  }
  return NewRow::customers;
}

class BulkWrite final : public ImportWrite {
 public:
  // Importers look up or create every customer, product and order a row refers to, so
  // SQLite's per-row foreign key checks are off (Change::References::writer).
  BulkWrite(Database& db, const std::string& command)
      : change_(db, command, true, Change::References::writer),
        customers_(db),
        products_(db),
        orders_(db),
        payments_(db),
        contacts_(db),
        had_contacts_(db, Statistics::contacts),
        order_stats_(db),
        contact_stats_(db),
        paid_(db, [this](std::int64_t id) { change_.touch(id, Change::kTouchOrders); }) {
    change_.begin_bulk();
  }

  std::int64_t commit(std::string_view summary) override {
    order_stats_.finish();
    contact_stats_.finish();
    paid_.finish();
    // A new category changes the favourite categories of everyone who bought the product.
    for (std::int64_t customer : orders_.buyers(recategorised_)) change_.touch(customer, Change::kTouchOrders);
    return change_.commit(summary);
  }
  void rollback() override {
    order_stats_.clear();
    contact_stats_.clear();
    paid_.clear();
    had_contacts_.forget();
    change_.rollback();
  }
  void expect_many(Table table) override { change_.defer_indexes(new_row(table)); }
  void checkpoint() override { change_.checkpoint(); }

  std::int64_t add_customer(const model::Customer& c) override {
    return change_.insert_new(NewRow::customers, [&] { return customers_.insert(c); });
  }
  std::int64_t add_customer_if_new(const model::Customer& c) override {
    return change_.insert_new(NewRow::customers, [&] { return customers_.insert_if_new(c); });
  }
  void update_customer(const model::Customer& c) override {
    customers_.update(c);
    change_.touch(c.id, Change::kTouchSearch);  // statistics do not depend on the customer row
  }

  std::int64_t add_product(const model::Product& p) override {
    return change_.insert_new(NewRow::products, [&] { return products_.insert(p); });
  }
  void update_product(const model::Product& now, const model::Product& before) override {
    products_.update(now);
    if (now.category != before.category) recategorised_.push_back(now.id);
  }

  std::int64_t add_order_if_new(const model::Order& o) override {
    return change_.insert_new(NewRow::orders, [&] { return orders_.insert_if_new(o); });
  }
  void add_line(const model::Order& order, const model::OrderLine& line) override {
    change_.insert_into_new([&] { orders_.insert_line(order.id, line); });
    NewOrderLine added{order.customer_id, order.id, order.ordered_at, order.status != "cancelled",
                       order.freight.value_or(0), line.amount, line.cost, line.product_id};
    if (!order_stats_.add(added)) change_.touch(order.customer_id, Change::kTouchOrders);
  }
  void update_order(const model::Order& now, const model::Order& before) override {
    orders_.update(now);
    change_.touch(before.customer_id, Change::kTouchOrders);
    change_.touch(now.customer_id, Change::kTouchOrders);
  }
  void put_line(const model::Order& order, const model::OrderLine& line, bool exists) override {
    if (exists) {
      orders_.update_line(order.id, line);
    } else {
      orders_.insert_line(order.id, line);
    }
    change_.touch(order.customer_id, Change::kTouchOrders);
  }
  std::int64_t delete_lines_after(const model::Order& order, std::int64_t keep) override {
    std::int64_t n = orders_.delete_lines_after(order.id, keep);
    if (n) change_.touch(order.customer_id, Change::kTouchOrders);
    return n;
  }
  void delete_order(const model::Order& order) override {
    orders_.erase(order.id);
    change_.touch(order.customer_id, Change::kTouchOrders);
  }
  std::int64_t last_line(std::int64_t order_id) override { return orders_.last_line(order_id); }

  std::int64_t add_payment_if_new(const model::Payment& p) override {
    std::int64_t id = change_.insert_new(NewRow::payments, [&] { return payments_.insert_if_new(p); });
    if (id) paid_.add(p.customer_id, p.amount);
    return id;
  }
  void update_payment(const model::Payment& now, const model::Payment& before) override {
    payments_.update(now);
    change_.touch(before.customer_id, Change::kTouchPayments);
    change_.touch(now.customer_id, Change::kTouchPayments);
  }

  std::int64_t add_contact_if_new(const model::Contact& c) override {
    std::int64_t id = change_.insert_new(NewRow::contacts, [&] { return contacts_.insert(c); });
    if (id) contact_added(c);
    return id;
  }
  std::int64_t add_contacts(std::span<const model::Contact* const> contacts) override {
    if (contacts.empty()) return 0;
    std::int64_t first =
        change_.insert_new(NewRow::contacts, [&] { return contacts_.insert_keyless(contacts); }, contacts.size());
    for (const auto* c : contacts) contact_added(*c);
    return first;
  }
  std::int64_t next_contact_id() override { return contacts_.next_id(); }
  bool had_contacts(std::int64_t customer_id) override { return had_contacts_.has(customer_id); }
  bool update_contact_by_key(const model::Contact& c, unsigned fields) override {
    // A file with its own keys may move a contact to another customer.
    auto before = contacts_.by_key(*c.key);
    if (!contacts_.update_by_key(c, fields)) return false;
    change_.touch(c.customer_id, Change::kTouchContacts);
    if (before) {
      change_.touch(before->second, Change::kTouchContacts);
      change_.touch_contact(before->first);
    }
    return true;
  }
  bool update_contact_by_id(std::int64_t id, const model::Contact& c, unsigned fields) override {
    if (!contacts_.update_by_id(id, c, fields)) return false;
    change_.touch(c.customer_id, Change::kTouchContacts);
    return true;
  }

 private:
  void contact_added(const model::Contact& c) {
    if (!contact_stats_.add(c)) change_.touch(c.customer_id, Change::kTouchContacts);
  }

  Change change_;
  CustomerRepo customers_;
  ProductRepo products_;
  OrderRepo orders_;
  PaymentRepo payments_;
  ContactRepo contacts_;
  StatisticsRows had_contacts_;
  OrderStatsStream order_stats_;
  ContactStatsStream contact_stats_;
  PaidStream paid_;
  std::vector<std::int64_t> recategorised_;
};

}  // namespace

std::unique_ptr<Write> make_write(Database& db, const std::string& command) {
  return std::make_unique<PlainWrite>(db, command);
}

std::unique_ptr<ImportWrite> make_import_write(Database& db, const std::string& command) {
  return std::make_unique<BulkWrite>(db, command);
}

}  // namespace kunde::store::sqlite
