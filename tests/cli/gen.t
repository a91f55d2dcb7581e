kunde-gen writes the same files for the same seed, other files for another seed, and its
customers import into kunde with nothing rejected.

  $ kunde-gen --customers 300 --seed 7 --out a
  kunde-gen: 300 customers (4 near-duplicates), 500 products, 862 orders with 2549 lines, 815 payments, 943 contacts in a
  $ kunde-gen -q --customers 300 --seed 7 --out b
  $ kunde-gen -q --customers 300 --seed 8 --out c
  $ ls a
  contacts.csv
  customers.csv
  orders.csv
  payments.csv
  products.csv
  truth.json
  truth_customers.csv
  $ digest() { cat "$1"/*.csv "$1"/truth.json | sha256sum | cut -c1-64; }
  $ [ "$(digest a)" = "$(digest b)" ] && echo same
  same
  $ [ "$(digest a)" != "$(digest c)" ] && echo different
  different

The headers are DESIGN.md's canonical columns.

  $ for f in customers products orders payments contacts; do head -1 a/$f.csv; done
  number,name,kind,email,phone,street,postal_code,city,country,org_number,created_at,preferred_channel,credit_limit,payment_terms_days,wallet,tags,notes
  sku,name,category,list_price,unit_cost
  order,customer,ordered_at,sku,quantity,unit_price,unit_cost,channel,status
  customer,paid_at,amount,reference
  customer,at,channel,direction,subject,notes,outcome,reason,follow_up_at,owner
  $ grep -o '"bgnbd": {[^}]*}' a/truth.json
  "bgnbd": {"r": 0.25, "alpha": 4, "a": 0.8, "b": 2.5, "unit": "week"}
  $ grep -o '"gamma_gamma": {[^}]*}' a/truth.json
  "gamma_gamma": {"p": 6, "q": 4, "gamma": 15, "unit": "currency"}

Every organisation number passes kunde's checksums and every row lands; the second import
changes nothing.

  $ export KUNDE_DB=$PWD/k.db
  $ kunde init
  created .*/k\.db (re)
  $ kunde customer import a/customers.csv
  a/customers.csv: 300 inserted, 0 updated, 0 unchanged, 0 rejected
  $ kunde customer import a/customers.csv
  a/customers.csv: 0 inserted, 0 updated, 300 unchanged, 0 rejected
  $ kunde customer import c/customers.csv --dry-run 2>&1 | grep -o '0 rejected'
  0 rejected

Customers of thirty countries, the country written as a code or a name in some language and
each phone in one of every form kunde reads: every country is recognised, every number
normalised.

  $ kunde-gen -q --customers 300 --seed 7 --countries world --phone-forms all --out w
  $ grep -o '"phones": {[^}]*}' w/truth.json
  "phones": {"written": 284, "not_numbers": 0}
  $ KUNDE_DB=w.db kunde -q init && KUNDE_DB=w.db kunde customer import w/customers.csv
  w/customers.csv: 300 inserted, 0 updated, 0 unchanged, 0 rejected
  $ KUNDE_DB=w.db kunde sql "SELECT count(DISTINCT country) AS countries, count(*) FILTER (WHERE length(country) = 2) AS as_codes, count(phone) AS phones, count(phone_e164) AS normalised FROM customers" -f csv
  countries,as_codes,phones,normalised
  30,300,284,284

Near-duplicates are there for `customer dupes` to find.

  $ kunde -q customer dupes -f csv | tail -n +2 | wc -l | awk '$1 > 0 {print "found"}'
  found

Bad input.

  $ kunde-gen --customers 10
  --out is required
  Run with --help for more information.
  [2]
  $ kunde-gen --customers ten --out d
  Could not convert: --customers = ten
  Run with --help for more information.
  [2]
  $ kunde-gen --customers 10 --out d --start 2024-13-01
  kunde-gen: error: '2024-13-01' is not a date (write YYYY-MM-DD)
  [1]
  $ kunde-gen --customers 10 --out d --start 2026-01-01 --end 2025-01-01
  kunde-gen: error: --end must be after --start
  [1]
