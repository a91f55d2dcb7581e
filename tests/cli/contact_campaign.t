A campaign: the same contact logged for 10,000 customers from --from - is one history entry,
and undo removes all of it.

  $ export KUNDE_DB=$PWD/k.db
  $ kunde -q init
  $ { echo number,name; for i in $(seq 1 10000); do echo "K-$i,Customer $i"; done; } > customers.csv
  $ kunde customer import customers.csv
  customers.csv: 10000 inserted, 0 updated, 0 unchanged, 0 rejected
  $ kunde -q customer list -f csv | kunde contact log --from - --channel email --direction out --subject "Winter offer" --owner marketing
  logged 10000 contacts (email out)
  $ kunde history -f csv | tail -1
  2,2026-11-23 10:00:00,contact log --from - --channel email --direction out --subject 'Winter offer' --owner marketing,logged 10000 contacts (email out),
  $ kunde -q sql "SELECT count(*), count(DISTINCT customer_id), count(key) FROM contacts" -f csv
  count(*),count(DISTINCT customer_id),count(key)
  10000,10000,0
  $ kunde -q sql "SELECT sum(contacts), sum(outbound) FROM customer_contact_stats" -f csv
  sum(contacts),sum(outbound)
  10000,10000
  $ kunde -q customer find winter -n 3 -f csv
  id,number,name,email,phone,city
  1,K-1,Customer 1,,,
  2,K-2,Customer 2,,,
  3,K-3,Customer 3,,,

  $ kunde undo
  undid entry 2 (contact log --from - --channel email --direction out --subject 'Winter offer' --owner marketing) as entry 3
  $ kunde -q sql "SELECT (SELECT count(*) FROM contacts), (SELECT count(*) FROM customer_contact_stats)" -f csv
  (SELECT count(*) FROM contacts),(SELECT count(*) FROM customer_contact_stats)
  0,0
  $ kunde customer find winter
  id  number  name  email  phone  city
  0 customers match 'winter'

A list of contacts pipes into --from too: customer_id is the customer, not the contact id.
Unknown customers are reported with FILE:LINE, the rest is logged, exit code 3.

  $ kunde -q contact log K-7 --channel phone --direction in --subject "Wants a call" --follow-up 2026-11-20 --owner anna
  $ kunde -q contact due -f csv | kunde contact log --from - --channel phone --direction out --subject "Called back"
  logged contact 2 (phone out) for K-7
  $ kunde -q contact list --customer K-7 -f csv | cut -d, -f1,3,8
  id,customer_id,subject
  1,7,Wants a call
  2,7,Called back
  $ printf 'number\nK-1\nK-99999\nK-2\n' | kunde contact log --from - --channel sms --direction out --subject Reminder
  kunde: error: <stdin>:3: no customer 'K-99999'
  logged 2 contacts (sms out)
  [3]
  $ printf 'name\nx\n' | kunde contact log --from - --channel sms --direction out
  kunde: error: <stdin>:1: no id or number column
  hint: give a file with an id or number column, e.g. from 'kunde customer list -f csv'
  [1]
