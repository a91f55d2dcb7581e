// Payment storage.
#include "store/pg/payment_repo.hpp"

#include <fmt/format.h>

#include "store/pg/change.hpp"

namespace kunde::store::pg {
namespace {
constexpr const char* kColumns = "id, reference, customer_id, paid_at, amount";
constexpr const char* kValues = "{id}, $1, $2, $3, $4";
}  // namespace

std::optional<model::Payment> PaymentRepo::by_reference(std::string_view reference) {
  Result r = db_.exec("SELECT id, reference, customer_id, paid_at, amount FROM payments WHERE reference = $1",
                      Params(reference));
  if (r.rows() == 0) return std::nullopt;
  auto row = r.row(0);
  return model::Payment{row.int64(0), row.text(1), row.int64(2), row.text(3), row.int64(4)};
}

std::int64_t PaymentRepo::insert(const model::Payment& p) {
  return db_.write().insert(tables::payments, kColumns, kValues, Params(p.reference, p.customer_id, p.paid_at, p.amount)).id;
}

std::int64_t PaymentRepo::insert_if_new(const model::Payment& p) {
  return db_.write()
      .insert(tables::payments, kColumns, kValues, Params(p.reference, p.customer_id, p.paid_at, p.amount),
              "ON CONFLICT (reference) DO NOTHING")
      .id;
}

void PaymentRepo::update(const model::Payment& p) {
  db_.write().update(tables::payments, "customer_id = $1, paid_at = $2, amount = $3, reference = $4", "id = $5",
                     Params(p.customer_id, p.paid_at, p.amount, p.reference, p.id));
}

std::int64_t PaymentRepo::paid(std::int64_t customer_id) {
  return db_.scalar("SELECT coalesce(sum(amount), 0) FROM payments WHERE customer_id = $1", Params(customer_id));
}

void PaymentRepo::list(const PaymentFilter& f, const std::function<void(const PaymentView&)>& each) {
  std::string sql =
      "SELECT p.id, p.reference, p.customer_id, p.paid_at, p.amount, c.number, c.name "
      "FROM payments p JOIN customers c ON c.id = p.customer_id "
      "WHERE ($1::bigint IS NULL OR p.customer_id = $1::bigint) AND ($2::text IS NULL OR p.paid_at >= $2::text) "
      "AND ($3::text IS NULL OR substr(p.paid_at, 1, 10) <= $3::text) AND (NOT $4::boolean OR left(p.reference, 1) = '~') "
      "ORDER BY p.paid_at, p.id";
  if (f.limit) sql += fmt::format(" LIMIT {}", *f.limit);
  db_.stream(sql, Params(f.customer_id, f.since, f.until, f.keyless_only), [&](const Row& r) {
    PaymentView v{{r.int64(0), r.text(1), r.int64(2), r.text(3), r.int64(4)}, r.opt_text(5), r.text(6)};
    each(v);
  });
}

}  // namespace kunde::store::pg
