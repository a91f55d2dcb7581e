// Materialised contact statistics per customer, recomputed set-based for the customers in
// temp.refresh_batch. Definitions (kunde-contact(1) documents them):
//   complaints        contacts whose outcome, reason or subject contains "complain" (any case)
//   open_promises     contacts with a promise and no done_at
//   open_follow_ups   contacts with a follow_up_at and no done_at
//   preferred_channel the channel of most inbound contacts; ties go to the channel used
//                     inbound most recently, then to the name
//   by_channel        {"channel": {"in": N, "out": N}, ...} by channel name
#include "store/derived.hpp"

namespace kunde::store {

void refresh_contact_stats(Database& db) {
  db.exec("DELETE FROM customer_contact_stats WHERE customer_id IN (SELECT customer_id FROM temp.refresh_batch)");
  db.exec(R"sql(
INSERT INTO customer_contact_stats(customer_id, contacts, inbound, outbound, last_contact_at, complaints,
                                   open_promises, open_follow_ups, next_follow_up_at, preferred_channel,
                                   by_channel)
SELECT customer_id, sum(n), sum(n_in), sum(n_out), max(last_at), sum(complaints), sum(promises),
       sum(follow_ups), min(next_follow_up), max(CASE WHEN rank = 1 AND n_in > 0 THEN channel END),
       json_group_object(channel, json_object('in', n_in, 'out', n_out))
FROM (
  SELECT g.*, row_number() OVER (PARTITION BY customer_id ORDER BY n_in DESC, last_in DESC, channel) AS rank
  FROM (
    SELECT customer_id, channel, count(*) AS n, sum(direction = 'in') AS n_in,
           sum(direction = 'out') AS n_out, max(at) AS last_at,
           max(CASE WHEN direction = 'in' THEN at END) AS last_in,
           sum(coalesce(outcome, '') || ' ' || coalesce(reason, '') || ' ' || coalesce(subject, '')
               LIKE '%complain%') AS complaints,
           sum(done_at IS NULL AND promise IS NOT NULL) AS promises,
           sum(done_at IS NULL AND follow_up_at IS NOT NULL) AS follow_ups,
           min(CASE WHEN done_at IS NULL THEN follow_up_at END) AS next_follow_up
    FROM contacts
    WHERE customer_id IN (SELECT customer_id FROM temp.refresh_batch)
    GROUP BY customer_id, channel
  ) g
  ORDER BY customer_id, channel
)
GROUP BY customer_id
)sql");
}

}  // namespace kunde::store
