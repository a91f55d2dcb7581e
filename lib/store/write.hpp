// One write command = one transaction = one history entry. A Write is opened by
// Store::begin_write; the repositories' writes made while it is open belong to it, and the
// backend refreshes the derived data (statistics, search entries) of every customer they
// touched before it commits.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "model/contact.hpp"
#include "model/customer.hpp"
#include "model/order.hpp"

namespace kunde::store {

class Write {
 public:
  virtual ~Write() = default;
  // Refreshes derived data, stores the history entry and commits. Returns the new entry's
  // id, or 0 when nothing changed (no entry is written then).
  virtual std::int64_t commit(std::string_view summary) = 0;
  // Rolls everything back: what --dry-run does after the work. Also what happens to a Write
  // destroyed without commit().
  virtual void rollback() = 0;
};

// The tables an import adds rows to.
enum class Table { customers, products, orders, payments, contacts };

// The write of an import: rows are added and changed through these calls, so the backend
// can record them cheaply (new rows by key, not copied into the history), keep statistics
// as rows come, and build indexes once at the end. Reads go through the store's
// repositories as usual and see the rows written so far.
class ImportWrite : public Write {
 public:
  // The import may add about as many rows to `table` as it holds, or more: the backend may
  // then build its secondary indexes once at the end instead of row by row.
  virtual void expect_many(Table table) = 0;
  // For long imports: keeps the memory the history record takes bounded. Cheap to call often.
  virtual void checkpoint() = 0;

  // Customers. add_customer_if_new returns 0 when a customer has the number (which `c`
  // must have; numbers living on as aliases are not checked).
  virtual std::int64_t add_customer(const model::Customer& c) = 0;
  virtual std::int64_t add_customer_if_new(const model::Customer& c) = 0;
  virtual void update_customer(const model::Customer& c) = 0;

  virtual std::int64_t add_product(const model::Product& p) = 0;
  // A new category changes the favourite categories of everyone who bought the product.
  virtual void update_product(const model::Product& now, const model::Product& before) = 0;

  // Orders: 0 when an order has the number.
  virtual std::int64_t add_order_if_new(const model::Order& o) = 0;
  // A line of an order this import added (`order` as it was added, with its id).
  virtual void add_line(const model::Order& order, const model::OrderLine& line) = 0;
  // Changes to orders that existed before the import.
  virtual void update_order(const model::Order& now, const model::Order& before) = 0;
  virtual void put_line(const model::Order& order, const model::OrderLine& line, bool exists) = 0;
  // Deletes the order's lines numbered above `keep`; how many went.
  virtual std::int64_t delete_lines_after(const model::Order& order, std::int64_t keep) = 0;
  // Deletes an order that existed before the import, with its lines (one whose line the
  // import moved into another order).
  virtual void delete_order(const model::Order& order) = 0;
  // The highest line number of the order (0 without lines).
  virtual std::int64_t last_line(std::int64_t order_id) = 0;

  // Payments: 0 when a payment has the reference.
  virtual std::int64_t add_payment_if_new(const model::Payment& p) = 0;
  virtual void update_payment(const model::Payment& now, const model::Payment& before) = 0;

  // Contacts. add_contact_if_new: one with a key; 0 when a contact has the key.
  virtual std::int64_t add_contact_if_new(const model::Contact& c) = 0;
  // Contacts without a key (nothing they can clash with), in one go; they get consecutive
  // ids, and the first is returned.
  virtual std::int64_t add_contacts(std::span<const model::Contact* const> contacts) = 0;
  // The id the next new contact gets.
  virtual std::int64_t next_contact_id() = 0;
  // Whether the customer had contacts before the import (false is certain; true may be
  // a customer with none).
  virtual bool had_contacts(std::int64_t customer_id) = 0;
  // Sets the fields whose bit is set in `fields` (1 << model::ContactField) on the contact
  // with `c`'s key (by_key) or with `id`, when any differs; true when something changed.
  virtual bool update_contact_by_key(const model::Contact& c, unsigned fields) = 0;
  virtual bool update_contact_by_id(std::int64_t id, const model::Contact& c, unsigned fields) = 0;
};

}  // namespace kunde::store
