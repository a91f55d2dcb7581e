Purchase patterns, channels and behaviour changes: affinity, products, next, channels,
changes (quiet when nothing changed, NDJSON for cron), the report pack, and bad input.

  $ export KUNDE_DB=k.db
  $ kunde init -q
  $ cat > orders.csv <<'CSV'
  > order,customer,ordered_at,sku,quantity,unit_price,category,channel
  > O1,K1,2026-01-10,B1,1,10.00,books,web
  > O1,K1,2026-01-10,M1,1,5.00,music,web
  > O2,K1,2026-03-10,B2,1,12.00,books,shop
  > O2,K1,2026-03-10,M1,1,5.00,music,shop
  > O2,K1,2026-03-10,G1,1,30.00,games,shop
  > O3,K2,2026-02-01,B1,1,10.00,books,web
  > O3,K2,2026-02-01,M2,2,4.00,music,web
  > O4,K2,2026-04-01,G1,1,30.00,games,phone
  > O5,K3,2026-05-01,B1,1,10.00,books,web
  > CSV
  $ kunde order import -q --create-missing orders.csv
  $ kunde report affinity --as-of 2026-06-30 --min-support 0.4 --min-confidence 0.6
  $ kunde report affinity --as-of 2026-06-30 --by customer --min-support 0.5 --min-confidence 1 -n 3 -f csv
  $ kunde report affinity --as-of 2026-06-30 --level product --min-support 0.4 -f ndjson
  $ kunde report products --as-of 2026-06-30 --customer K1
  $ kunde report products --as-of 2026-06-30 --level product -n 2 -f csv
  $ kunde report next --as-of 2026-06-30 --customer K3 --customer K1 --min-support 0.2 --min-confidence 0.5
  $ kunde report channels --as-of 2026-06-30
  $ kunde report changes --as-of 2026-06-30 --window 30d
  $ kunde report changes --as-of 2026-06-30 --window 60d -f ndjson
  $ kunde report all --as-of 2026-06-30 -o report.html
  $ grep -c '<svg' report.html
  $ grep -c '<script' report.html
  [1]

Bad input:

  $ kunde report affinity --min-support 2
  $ kunde report affinity --max-len 1
  $ kunde report affinity --level sku
  $ kunde report products --customer K9
  $ kunde report next
  $ kunde report next --customer K1 -n 0
  $ kunde report changes --window soon
  $ kunde report all --top 0
