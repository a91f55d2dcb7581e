Orders: import grouped lines, idempotent re-import, bad rows with line numbers, list
filters, show, cancel, undo, and statistics equal to a from-scratch recomputation.

  $ cp "$KUNDE_TEST_DATA"/* . && export KUNDE_DB=k.db
  $ kunde init -q
  $ kunde customer import -q customers-orders.csv
  $ kunde product import products.csv
  products.csv: 2 inserted, 0 updated, 0 unchanged, 0 rejected
  $ kunde order import orders.csv
  orders.csv: 5 inserted, 0 updated, 0 unchanged, 0 rejected; 1 product created; 1 return line
  $ kunde order import orders.csv
  orders.csv: 0 inserted, 0 updated, 5 unchanged, 0 rejected; 1 return line
  $ kunde order list
  order  ordered_at  customer_id  customer  name           channel  status     lines  amount
  A-1    2026-09-01            1  K-1       Kari Nordmann  web      completed      3  150.00
  A-2    2026-10-15            2  K-2       Ola Hansen     phone    completed      1  100.00
  A-3    2026-11-20            1  K-1       Kari Nordmann  retail   completed      1  300.00
  3 orders, 550.00 not counting cancelled ones
  $ kunde order list --customer K-1 --since 2026-10-01
  order  ordered_at  customer_id  customer  name           channel  status     lines  amount
  A-3    2026-11-20            1  K-1       Kari Nordmann  retail   completed      1  300.00
  1 order, 300.00 not counting cancelled ones
  $ kunde order list --sku TEA -f csv
  order,ordered_at,customer_id,customer,name,channel,status,lines,amount
  A-1,2026-09-01,1,K-1,Kari Nordmann,web,completed,3,150.00
  1 order, 150.00 not counting cancelled ones
  $ kunde order list --category kitchen --channel phone -q
  order  ordered_at  customer_id  customer  name        channel  status     lines  amount
  A-2    2026-10-15            2  K-2       Ola Hansen  phone    completed      1  100.00
  $ kunde order show A-1
  order       A-1
  ordered_at  2026-09-01
  customer    K-1 Kari Nordmann
  channel     web
  status      completed
  amount      150.00
  margin      90.00
  
  line  sku  name       category  quantity  unit_price  gross    discount  amount   unit_cost  cost
     1  MUG  Blue mug   kitchen          2      100.00   200.00             200.00      40.00   80.00
     2  TEA  Green tea  food             1       50.00    50.00              50.00      20.00   20.00
     3  MUG  Blue mug   kitchen         -1      100.00  -100.00            -100.00      40.00  -40.00
  $ kunde product list
  id  sku  name       category  list_price  unit_cost
   1  MUG  Blue mug   kitchen       100.00      40.00
   3  POT                           300.00
   2  TEA  Green tea  food           50.00      20.00
  3 products

Skus of digits only come first, in numeric order:

  $ printf 'sku,name\n10,Ten\n9,Nine\n100,Hundred\n007,Seven\n' > numbered.csv
  $ kunde -q product import numbered.csv
  $ kunde product list -f csv
  id,sku,name,category,list_price,unit_cost
  7,007,Seven,,,
  5,9,Nine,,,
  4,10,Ten,,,
  6,100,Hundred,,,
  1,MUG,Blue mug,kitchen,100.00,40.00
  3,POT,,,300.00,
  2,TEA,Green tea,food,50.00,20.00
  7 products
  $ kunde order import orders-bad.csv
  kunde: error: orders-bad.csv:3: no customer 'K-9'
  kunde: error: orders-bad.csv:4: '2026-13-01' is not a date
  kunde: error: orders-bad.csv:5: quantity: 'x' is not a number
  kunde: error: orders-bad.csv:6: unit_price: 'abc' is not a number
  kunde: error: orders-bad.csv:7: expected 6 fields as in the header, found 3
  hint: import the customers first, or give --create-missing to create bare ones
  hint: write YYYY-MM-DD, or give the file's format with --date-format '%d.%m.%Y'
  hint: fix the rejected rows and import them again; --reject-file FILE collects them
  orders-bad.csv: 1 inserted, 0 updated, 0 unchanged, 5 rejected
  [3]
  $ kunde order import --strict orders-bad.csv
  kunde: error: orders-bad.csv:3: no customer 'K-9' (5 rows rejected; nothing was imported because of --strict)
  hint: fix the rows and import again, or leave out --strict to import the good rows
  [1]
  $ kunde order import --create-missing --reject-file rej.csv orders-bad.csv
  kunde: error: orders-bad.csv:4: '2026-13-01' is not a date
  kunde: error: orders-bad.csv:5: quantity: 'x' is not a number
  kunde: error: orders-bad.csv:6: unit_price: 'abc' is not a number
  kunde: error: orders-bad.csv:7: expected 6 fields as in the header, found 3
  hint: write YYYY-MM-DD, or give the file's format with --date-format '%d.%m.%Y'
  hint: write it like 1234.50, or use --decimal-comma for 1234,50
  hint: fix the rejected rows and import them again; --reject-file FILE collects them
  orders-bad.csv: 1 inserted, 0 updated, 1 unchanged, 4 rejected; 1 customer created
  [3]
  $ cat rej.csv
  order,customer,ordered_at,sku,quantity,unit_price,reject_line,reject_reason
  B-3,K-1,2026-13-01,MUG,1,100.00,4,'2026-13-01' is not a date
  B-4,K-1,2026-11-02,MUG,x,100.00,5,quantity: 'x' is not a number
  B-5,K-1,2026-11-02,MUG,1,abc,6,unit_price: 'abc' is not a number
  B-6,K-1,2026-11-02,,,,7,"expected 6 fields as in the header, found 3"

Statistics against a recomputation from the base tables, after every kind of change. The
pot has no cost: its 300.00 count in revenue but not in margin.

  $ cat > check.sql <<'SQL'
  > SELECT count(*) FROM customers c LEFT JOIN customer_order_stats s ON s.customer_id = c.id
  > LEFT JOIN (SELECT o.customer_id, sum(l.amount) AS revenue, sum(coalesce(l.cost, 0)) AS cost,
  >                   sum(CASE WHEN l.cost IS NULL THEN l.amount ELSE 0 END) AS uncosted
  >            FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.status <> 'cancelled'
  >            GROUP BY o.customer_id) r ON r.customer_id = c.id
  > LEFT JOIN (SELECT customer_id, sum(amount) AS paid FROM payments GROUP BY customer_id) p ON p.customer_id = c.id
  > WHERE s.revenue IS DISTINCT FROM coalesce(r.revenue, 0)
  >    OR s.margin IS DISTINCT FROM coalesce(r.revenue, 0) - coalesce(r.uncosted, 0) - coalesce(r.cost, 0)
  >    OR s.balance IS DISTINCT FROM coalesce(r.revenue, 0) - coalesce(p.paid, 0)
  > SQL
  $ check() { kunde sql -f csv "$(cat check.sql)" | tail -1; kunde doctor -q; }
  $ check
  0
  $ kunde sql -f csv "SELECT c.number, s.orders, s.revenue, s.cost, s.margin, s.balance, s.top_categories FROM customer_order_stats s JOIN customers c ON c.id = s.customer_id ORDER BY c.id"
  number,orders,revenue,cost,margin,balance,top_categories
  K-1,3,55000,10000,15000,55000,kitchen;food
  K-2,1,10000,4000,6000,10000,kitchen
  K-9,1,10000,4000,6000,10000,kitchen
  $ kunde order cancel A-3
  cancelled order A-3 (was completed; 'kunde undo' restores it)
  $ kunde order cancel A-3
  order A-3 is cancelled already
  $ check
  0
  $ kunde order list --status cancelled -q
  order  ordered_at  customer_id  customer  name           channel  status     lines  amount
  A-3    2026-11-20            1  K-1       Kari Nordmann  retail   cancelled      1  300.00
  $ kunde order import orders.csv
  orders.csv: 0 inserted, 0 updated, 5 unchanged, 0 rejected; 1 return line
  $ kunde undo -q
  $ kunde order list --status cancelled -q
  order  ordered_at  customer_id  customer  name  channel  status  lines  amount
  $ check
  0
  $ kunde undo -q
  $ check
  0
  $ kunde order cancel NOPE
  kunde: error: no order 'NOPE'
  hint: 'kunde order list' shows order numbers
  [1]
  $ kunde order list --since 2026-13-01
  kunde: error: --since: '2026-13-01' is not a date
  hint: write YYYY-MM-DD, an ISO time, today, or a relative date such as -30d or +2w
  [2]

The lines of an order may be spread over the file; a line that names another customer than
the order's first line is rejected, in a new import and in a re-import alike.

  $ cat > split.csv <<'CSV'
  > order,customer,ordered_at,sku,quantity,unit_price
  > C-1,K-1,2026-11-01,MUG,1,100.00
  > C-2,K-2,2026-11-01,MUG,1,100.00
  > C-1,K-2,2026-11-01,TEA,1,50.00
  > C-1,K-1,2026-11-01,TEA,2,50.00
  > C-2,K-2,2026-11-01,TEA,3,50.00
  > CSV
  $ kunde order import split.csv
  kunde: error: split.csv:4: order C-1 is for another customer earlier in this import
  hint: lines of one order must name the same customer
  hint: fix the rejected rows and import them again; --reject-file FILE collects them
  split.csv: 4 inserted, 0 updated, 0 unchanged, 1 rejected
  [3]
  $ kunde order show C-1 | tail -3
  line  sku  name       category  quantity  unit_price  gross   discount  amount  unit_cost  cost
     1  MUG  Blue mug   kitchen          1      100.00  100.00            100.00      40.00  40.00
     2  TEA  Green tea  food             2       50.00  100.00            100.00      20.00  40.00
  $ kunde order import split.csv
  kunde: error: split.csv:4: order C-1 is for another customer on line 2
  hint: lines of one order must name the same customer
  hint: fix the rejected rows and import them again; --reject-file FILE collects them
  split.csv: 0 inserted, 0 updated, 4 unchanged, 1 rejected
  [3]
  $ check
  0

Quantities are numbers in JSON, whole ones without a fraction, as CSV writes them.

  $ kunde order show C-1 -f json | grep '"quantity"'
        "quantity": 1,
        "quantity": 2,
  $ kunde order export -f ndjson -q | grep '"order":"C-1"' | grep -o '"quantity":[^,]*'
  "quantity":1
  "quantity":2
  $ kunde product show MUG -f json | grep '"quantity"'
    "quantity": 5,
  $ printf 'order,customer,ordered_at,sku,quantity,unit_price\nQ-1,K-1,2026-01-05,TEA,1.5,4\n' > half.csv
  $ kunde order import -q half.csv
  $ kunde customer show K-1 -f json | grep -o '"quantity": [-0-9.]*' | sort -u
  "quantity": -1
  "quantity": 1
  "quantity": 1.5
  "quantity": 2
