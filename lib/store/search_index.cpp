// The full-text index over customers. Text is folded before indexing (and queries are folded
// the same way), because FTS5's remove_diacritics does not handle ø, æ, ß, đ or ł.
#include "store/derived.hpp"

namespace kunde::store {

void refresh_search(Database& db) {
  db.exec("DELETE FROM customer_search WHERE rowid IN (SELECT customer_id FROM temp.refresh_batch)");
  db.exec(R"sql(
INSERT INTO customer_search(rowid, name, email, phone, city, notes, contacts)
SELECT c.id, kunde_fold(c.name), kunde_fold(c.email),
       trim(coalesce(c.phone_e164, '') || ' ' || coalesce(c.phone, '')),
       kunde_fold(c.city), kunde_fold(c.notes),
       (SELECT kunde_fold(group_concat(coalesce(k.subject, '') || ' ' || coalesce(k.notes, ''), ' '))
          FROM contacts k WHERE k.customer_id = c.id)
FROM temp.refresh_batch t
CROSS JOIN customers c ON c.id = t.customer_id  -- the batch drives the join
)sql");
}

}  // namespace kunde::store
