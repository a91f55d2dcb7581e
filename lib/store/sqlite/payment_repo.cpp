// Payment storage.
#include "store/sqlite/payment_repo.hpp"

#include <fmt/format.h>

namespace kunde::store::sqlite {

std::optional<model::Payment> PaymentRepo::by_reference(std::string_view reference) {
  auto& st = db_.prepare("SELECT id, reference, customer_id, paid_at, amount FROM payments WHERE reference = ?");
  st.bind(1, reference);
  return st.first([](const Statement& row) { return model::Payment{row.get_int(0), row.get_text(1), row.get_int(2), row.get_text(3), row.get_int(4)}; });
}

namespace {

constexpr const char* kInsert = "INSERT INTO payments(reference, customer_id, paid_at, amount) VALUES (?, ?, ?, ?)";

void run_insert(Database& db, std::string_view sql, const model::Payment& p) {
  db.prepare(sql).bind_ref(1, p.reference).bind(2, p.customer_id).bind_ref(3, p.paid_at).bind(4, p.amount).run();
}

}  // namespace

std::int64_t PaymentRepo::insert(const model::Payment& p) {
  run_insert(db_, kInsert, p);
  return db_.last_insert_rowid();
}

std::int64_t PaymentRepo::insert_if_new(const model::Payment& p) {
  static const std::string sql = std::string(kInsert) + " ON CONFLICT(reference) DO NOTHING";
  run_insert(db_, sql, p);
  return db_.changes() > 0 ? db_.last_insert_rowid() : 0;
}

void PaymentRepo::update(const model::Payment& p) {
  db_.prepare("UPDATE payments SET customer_id = ?, paid_at = ?, amount = ?, reference = ? WHERE id = ?")
      .bind(1, p.customer_id)
      .bind(2, p.paid_at)
      .bind(3, p.amount)
      .bind(4, p.reference)
      .bind(5, p.id)
      .run();
}

std::int64_t PaymentRepo::paid(std::int64_t customer_id) {
  db_.need_indexes();
  auto& st = db_.prepare("SELECT coalesce(sum(amount), 0) FROM payments WHERE customer_id = ?");
  st.bind(1, customer_id);
  std::int64_t paid = st.step() ? st.get_int(0) : 0;
  st.reset();
  return paid;
}

void PaymentRepo::list(const PaymentFilter& f, const std::function<void(const PaymentView&)>& each) {
  db_.need_indexes();
  std::string sql =
      "SELECT p.id, p.reference, p.customer_id, p.paid_at, p.amount, c.number, c.name "
      "FROM payments p JOIN customers c ON c.id = p.customer_id "
      "WHERE (?1 IS NULL OR p.customer_id = ?1) AND (?2 IS NULL OR p.paid_at >= ?2) "
      "AND (?3 IS NULL OR substr(p.paid_at, 1, 10) <= ?3) AND (?4 = 0 OR substr(p.reference, 1, 1) = '~') "
      "ORDER BY p.paid_at, p.id";
  if (f.limit) sql += fmt::format(" LIMIT {}", *f.limit);
  Statement st(db_, sql);
  st.bind(1, f.customer_id).bind(2, f.since).bind(3, f.until).bind(4, f.keyless_only ? 1 : 0);
  while (st.step()) {
    PaymentView v{{st.get_int(0), st.get_text(1), st.get_int(2), st.get_text(3), st.get_int(4)},
                  st.get_opt_text(5), st.get_text(6)};
    each(v);
  }
}

}  // namespace kunde::store::sqlite
