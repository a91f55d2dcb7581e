// The full-text indexes: customer_search (rowid = customer id) and contact_search (rowid =
// contact id). Text is folded before indexing (and queries are folded the same way), because
// FTS5's remove_diacritics does not handle ø, æ, ß, đ or ł.
#include "store/derived.hpp"

namespace kunde::store {

void refresh_search(Database& db) {
  db.exec("DELETE FROM customer_search WHERE rowid IN (SELECT customer_id FROM temp.refresh_batch)");
  db.exec(R"sql(
INSERT INTO customer_search(rowid, name, email, phone, city, notes)
SELECT c.id, kunde_fold(c.name), kunde_fold(c.email),
       trim(coalesce(c.phone_e164, '') || ' ' || coalesce(c.phone, '')),
       kunde_fold(c.city), kunde_fold(c.notes)
FROM temp.refresh_batch t
CROSS JOIN customers c ON c.id = t.customer_id  -- the batch drives the join
)sql");
}

void refresh_contact_search(Database& db) {
  db.exec("DELETE FROM contact_search WHERE rowid IN (SELECT contact_id FROM temp.contact_batch)");
  db.exec(R"sql(
INSERT INTO contact_search(rowid, subject, notes)
SELECT k.id, kunde_fold(k.subject), kunde_fold(k.notes)
FROM temp.contact_batch t
CROSS JOIN contacts k ON k.id = t.contact_id
)sql");
}

}  // namespace kunde::store
