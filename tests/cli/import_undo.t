Undo of imports: an import records its new rows by key; undoing it deletes them with their
children, refuses while a later import uses them, and a redo puts them back.

  $ cp "$KUNDE_TEST_DATA"/* . && export KUNDE_DB=k.db
  $ kunde init -q
  $ kunde customer import -q customers-orders.csv
  $ kunde order import -q orders.csv
  $ kunde sql -f csv "SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM order_lines) AS lines"
  customers,orders,lines
  2,3,5
  $ kunde undo 1
  kunde: error: cannot undo entry 1 (customer import -q customers-orders.csv): entry 2 (order import -q orders.csv) refers to rows it created
  hint: undo entry 2 first, or leave entry 1 as it is
  [1]
  $ kunde undo 2
  undid entry 2 (order import -q orders.csv) as entry 3
  $ kunde sql -f csv "SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM order_lines) AS lines, (SELECT count(*) FROM products) AS products"
  orders,lines,products
  0,0,0
  $ kunde undo 1
  undid entry 1 (customer import -q customers-orders.csv) as entry 4
  $ kunde sql -f csv "SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM customer_search) AS search, (SELECT count(*) FROM customer_order_stats) AS stats"
  customers,search,stats
  0,0,0
  $ kunde undo 4
  undid entry 4 (undo 1) as entry 5
  $ kunde customer list -q -f csv | wc -l
  3
  $ kunde doctor
  ok: integrity, foreign keys, statistics and search indexes all check out
  $ kunde history -f tsv -q | cut -f 1,3,4,5
  id\tcommand\tsummary\tstate (esc)
  1\tcustomer import -q customers-orders.csv\t2 inserted, 0 updated, 0 unchanged, 0 rejected\t (esc)
  2\torder import -q orders.csv\t5 inserted, 0 updated, 0 unchanged, 0 rejected; 3 products created; 1 return line\tundone by 3 (esc)
  3\tundo 2\tundid entry 2\tundid 2 (esc)
  4\tundo 1\tundid entry 1\tundone by 5 (esc)
  5\tundo 4\tundid entry 4\tundid 4 (esc)

An import leaves its rows' search entries pending; the next search makes them first.

  $ kunde customer import -q customers.csv
  $ kunde contact import -q contacts.csv 2>/dev/null  # some rows are bad on purpose
  [3]
  $ kunde sql -f csv "SELECT tbl, count(*) AS ranges FROM search_pending GROUP BY tbl"
  tbl,ranges
  contacts,1
  customers,2
  $ kunde doctor
  ok: integrity, foreign keys, statistics and search indexes all check out
  $ kunde customer find -q bjorn
  id  number  name         email                   phone           city
   3  K-001   Bj\xc3\xb8rn \xc3\x85berg  Bjorn.Aberg@Example.no  +47 912 34 567  Oslo (esc)
  $ kunde sql -f csv "SELECT (SELECT count(*) FROM search_pending) AS pending, (SELECT count(*) FROM customer_search) AS customers, (SELECT count(*) FROM contact_search) AS contacts"
  pending,customers,contacts
  0,6,3
  $ kunde contact list -q --grep winter -f csv | cut -d, -f1,8
  id,subject
  2,Offer
