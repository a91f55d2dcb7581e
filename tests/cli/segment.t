Segments: dynamic ones by a rule, refreshed with who entered and who left; static ones by
hand; pipelines into other commands; and mistakes pointed out.

  $ cp "$KUNDE_TEST_DATA"/* . && export KUNDE_DB=$PWD/k.db
  $ kunde -q init
  $ kunde -q customer import customers.csv
  $ kunde -q customer import customers-orders.csv
  $ kunde -q product import products.csv
  $ kunde -q order import orders.csv
  $ kunde customer list -q -f csv
  $ kunde -q sql "SELECT c.number, s.orders, s.revenue, s.last_order_at FROM customers c LEFT JOIN customer_order_stats s ON s.customer_id = c.id" -f csv

A dynamic segment: its rule is stored normalised, its members computed at once.

  $ kunde segment create norway --where "COUNTRY = no   and not tag:b2b"
  $ kunde segment create buyers --where 'revenue > 0 and last_order_at >= -90d'
  $ kunde segment create buyers-or-vip --where 'segment:buyers or tag:vip'
  $ kunde segment list
  $ kunde segment show buyers
  $ kunde segment members norway -f csv
  $ kunde segment members buyers -f json
  $ kunde segment members buyers --sort -name -n 1 -q

Time passes: a refresh records who left; refreshing again changes nothing.

  $ KUNDE_NOW="2027-01-20 09:00:00" kunde segment refresh
  $ KUNDE_NOW="2027-01-21 09:00:00" kunde segment refresh buyers -f csv
  $ kunde segment history buyers
  $ kunde segment history buyers --since 2027-01-01 --left -f csv
  $ kunde segment history buyers --entered -q -f csv | cut -d, -f2,4

A new rule keeps the history:

  $ KUNDE_NOW="2027-01-22 09:00:00" kunde segment create buyers --replace --where 'orders >= 1'
  $ kunde segment history buyers --since 2027-01-22 -f csv

Static segments by hand, from files and from other segments.

  $ kunde segment create call-list
  $ kunde segment add call-list K-001 ase@example.no
  $ kunde segment members buyers -f csv | kunde segment add call-list --from -
  $ printf 'number\nK-003\nK-999\n' | kunde segment add call-list --from -
  $ kunde segment remove call-list K-003
  $ kunde segment add vip-buyers --segment buyers --create
  $ kunde segment members call-list -q -f csv | cut -d, -f1-3
  $ kunde segment history call-list -f csv

Segments feed every command that acts on customers.

  $ kunde segment members call-list -f csv | kunde contact log --from - --channel email --direction out --subject "We miss you"
  $ kunde contact log --segment norway --channel sms --direction out --subject Reminder
  $ kunde customer tag --segment call-list winback
  $ kunde customer untag --segment call-list --from customers.csv winback
  $ kunde customer list --segment norway -q -f csv
  $ kunde customer export --segment call-list -q -f csv | cut -d, -f1-3
  $ kunde customer list --where 'city ~ tromso or name ~ "rør"' -q -f csv
  $ kunde customer list --where 'segment:call-list and not segment:norway' --tag winback -q -f csv

Writes are history entries that undo reverts; refreshes are not.

  $ kunde history -f csv | cut -d, -f1,3,4
  $ kunde undo
  $ kunde customer list --tag winback -q -f csv | cut -d, -f1-2

Rules are values, never SQL.

  $ kunde segment create odd --where "name = ''' OR 1=1; DROP TABLE customers; --' or notes ~ '--'"
  $ kunde -q sql "SELECT count(*) FROM customers" -f csv

Mistakes: a misspelt field or segment with the nearest name and a caret, a syntax error, an
unknown segment, a dynamic segment given members, a segment others use.

  $ kunde segment create at-risk --where 'p_alve < 0.5 and clv > 2000'
  $ kunde customer list --where "country = NO and
  >   revnue > 100"
  $ kunde segment create x --where 'country in (NO SE)'
  $ kunde segment create x --where 'segment:norwey'
  $ kunde segment create x --where 'created_at > 30d'
  $ kunde segment create buyers --where 'tag:vip'
  $ kunde segment create x --where 'segment:x'
  $ kunde segment create 'bad name'
  $ kunde segment members norwey
  $ kunde segment add norway K-001
  $ kunde segment refresh call-list
  $ kunde segment drop buyers
  $ kunde segment drop buyers-or-vip
  $ kunde segment drop buyers
  $ kunde undo
  $ kunde segment list -q
  $ kunde segment history nothing --since yesterday

The fields a rule may use.

  $ kunde segment fields -f csv | head -5
  $ kunde segment fields -q | grep -E '^(p_alive|recency_days|overdue|attr.KEY) '
