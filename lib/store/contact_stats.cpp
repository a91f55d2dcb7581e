// Materialised contact statistics per customer.
#include "store/derived.hpp"

namespace kunde::store {

void refresh_contact_stats(Database& db) {
  db.exec("DELETE FROM customer_contact_stats WHERE customer_id IN (SELECT customer_id FROM temp.touched)");
  db.exec(R"sql(
INSERT INTO customer_contact_stats(customer_id, contacts, inbound, outbound, last_contact_at)
SELECT k.customer_id, count(*), sum(k.direction = 'in'), sum(k.direction = 'out'), max(k.at)
FROM contacts k
WHERE k.customer_id IN (SELECT customer_id FROM temp.touched)
GROUP BY k.customer_id
)sql");
}

}  // namespace kunde::store
