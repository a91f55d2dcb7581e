// Materialised order and payment statistics per customer.
#include "store/derived.hpp"

namespace kunde::store {

void refresh_order_stats(Database& db) {
  db.exec("DELETE FROM customer_order_stats WHERE customer_id IN (SELECT customer_id FROM temp.touched)");
  db.exec(R"sql(
INSERT INTO customer_order_stats(customer_id, first_order_at, last_order_at, orders, revenue,
                                 cost, margin, invoiced, paid, balance)
SELECT c.id, o.first_at, o.last_at, coalesce(o.n, 0), coalesce(o.revenue, 0), coalesce(o.cost, 0),
       coalesce(o.revenue, 0) - coalesce(o.cost, 0), coalesce(o.revenue, 0), coalesce(p.paid, 0),
       coalesce(o.revenue, 0) - coalesce(p.paid, 0)
FROM temp.touched t
JOIN customers c ON c.id = t.customer_id
LEFT JOIN (
  SELECT o.customer_id, min(o.ordered_at) AS first_at, max(o.ordered_at) AS last_at,
         count(DISTINCT o.id) AS n, sum(l.amount) AS revenue, sum(coalesce(l.cost, 0)) AS cost
  FROM orders o JOIN order_lines l ON l.order_id = o.id
  WHERE o.status <> 'cancelled' AND o.customer_id IN (SELECT customer_id FROM temp.touched)
  GROUP BY o.customer_id
) o ON o.customer_id = c.id
LEFT JOIN (
  SELECT customer_id, sum(amount) AS paid FROM payments
  WHERE customer_id IN (SELECT customer_id FROM temp.touched) GROUP BY customer_id
) p ON p.customer_id = c.id
)sql");
}

}  // namespace kunde::store
