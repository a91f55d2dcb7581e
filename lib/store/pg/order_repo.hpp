// Orders and their lines in a PostgreSQL store.
#pragma once

#include "store/orders.hpp"
#include "store/pg/connection.hpp"

namespace kunde::store::pg {

class OrderReadAhead;

class OrderRepo final : public Orders {
 public:
  explicit OrderRepo(Connection& db) : db_(db) {}

  std::optional<model::Order> by_number(std::string_view number) override;
  std::optional<model::Order> by_id(std::int64_t id) override;
  std::int64_t insert(const model::Order& o) override;
  // Inserts unless an order has the number: the new id, or 0.
  std::int64_t insert_if_new(const model::Order& o);
  void update(const model::Order& o) override;
  std::optional<model::OrderLine> line(std::int64_t order_id, std::int64_t line) override;
  void insert_line(std::int64_t order_id, const model::OrderLine& l) override;
  void update_line(std::int64_t order_id, const model::OrderLine& l);
  std::int64_t last_line(std::int64_t order_id);
  std::int64_t delete_lines_after(std::int64_t order_id, std::int64_t keep);
  // Deletes the order and its lines.
  void erase(std::int64_t order_id);
  std::vector<LineView> lines(std::int64_t order_id) override;
  void set_status(std::int64_t order_id, const std::string& status) override;

  void list(const OrderFilter& f, const std::function<void(const OrderSummary&)>& each) override;
  void export_lines(const OrderFilter& f,
                    const std::function<void(const OrderSummary&, const LineView&)>& each) override;
  std::vector<std::string> attribute_keys() override;
  std::vector<Invoice> invoices(std::int64_t customer_id) override;
  std::map<std::string, std::int64_t> orders_by_channel(std::int64_t customer_id) override;
  void balance_customers(bool all, const std::function<void(std::int64_t, const std::optional<std::string>&,
                                                            const std::string&)>& each) override;
  std::string next_number() override;

 private:
  OrderReadAhead* read_ahead();
  void changed(std::int64_t order_id);
  Connection& db_;
};

// The order's columns, kOrderColumnCount of them, as read_order reads them (alias o).
constexpr const char* kOrderColumns =
    "o.id, o.number, o.customer_id, o.ordered_at, o.channel, o.status, o.freight, o.attributes::text";
constexpr int kOrderColumnCount = 8;
// The line's columns, kLineColumnCount of them, as read_line reads them (alias l).
constexpr const char* kLineColumns =
    "l.line, l.product_id, l.quantity, l.unit_price, l.amount, l.unit_cost, l.cost, l.gross, l.discount";
constexpr int kLineColumnCount = 9;

model::Order read_order(const Row& r, int c = 0);
model::OrderLine read_line(const Row& r, int c);
// The order's attributes as stored: a JSON object.
std::string order_attributes_json(const model::Order& o);

}  // namespace kunde::store::pg
