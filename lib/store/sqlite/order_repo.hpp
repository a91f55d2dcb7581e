// Orders and their lines in a SQLite store.
#pragma once

#include "store/orders.hpp"
#include "store/sqlite/database.hpp"

namespace kunde::store::sqlite {

class OrderRepo final : public Orders {
 public:
  explicit OrderRepo(Database& db) : db_(db) {}

  std::optional<model::Order> by_number(std::string_view number) override;
  std::optional<model::Order> by_id(std::int64_t id) override;
  std::int64_t insert(const model::Order& o) override;
  // Inserts the order unless one with its number exists; its id, or 0 when it existed.
  std::int64_t insert_if_new(const model::Order& o);
  void update(const model::Order& o) override;
  std::optional<model::OrderLine> line(std::int64_t order_id, std::int64_t line) override;
  void insert_line(std::int64_t order_id, const model::OrderLine& l) override;
  void update_line(std::int64_t order_id, const model::OrderLine& l);
  std::int64_t last_line(std::int64_t order_id);
  // Deletes lines numbered above `keep`; returns how many went.
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
  // The customers with order lines of any of these products (one pass over the lines).
  std::vector<std::int64_t> buyers(const std::vector<std::int64_t>& product_ids);

 private:
  Database& db_;
};

}  // namespace kunde::store::sqlite
