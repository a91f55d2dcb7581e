Real legacy files: the CDNOW order-level file (no order column, no sku) and Online Retail
(invoice lines, C-invoices with negative quantities, CustomerID like 17850.0, empty
customers). Every line is accounted for; a second import changes nothing.

  $ test -d "$KUNDE_SHARED_DATA" || exit 80
  $ export KUNDE_DB=k.db
  $ kunde init -q
  $ kunde order import --create-missing "$KUNDE_SHARED_DATA/cdnow/cdnow_orders.csv" 2>&1 | sed 's|.*/||'
  cdnow_orders.csv: 69659 inserted, 0 updated, 0 unchanged, 0 rejected; 23570 customers created; 80 lines with zero amount
  $ kunde order import --create-missing "$KUNDE_SHARED_DATA/cdnow/cdnow_orders.csv" 2>&1 | sed 's|.*/||'
  cdnow_orders.csv: 0 inserted, 0 updated, 69659 unchanged, 0 rejected; 80 lines with zero amount
  $ kunde sql -f csv "SELECT count(*), sum(revenue) FROM customer_order_stats WHERE orders > 0"
  count(*),sum(revenue)
  23570,250031563
  $ export KUNDE_DB=retail.db
  $ kunde init -q
  $ R="$KUNDE_SHARED_DATA/retail/online_retail_dec2010.csv"
  $ kunde order import "$R" 2>&1 | tail -1 | sed 's|.*/||'
  online_retail_dec2010.csv: 0 inserted, 0 updated, 0 unchanged, 42481 rejected
  $ kunde order import --mapping "$KUNDE_TEST_DATA/retail-mapping.toml" --create-missing --skip-anonymous --strip-zero-fraction "$R" 2>&1 | sed 's|.*/||'
  online_retail_dec2010.csv: 26850 inserted, 0 updated, 0 unchanged, 15631 skipped, 0 rejected; 948 customers created; 3 lines with zero amount; 15631 of the skipped lines had no customer; 2422 products created; 690 return lines
  $ kunde order import --mapping "$KUNDE_TEST_DATA/retail-mapping.toml" --create-missing --skip-anonymous --strip-zero-fraction "$R" 2>&1 | sed 's|.*/||'
  online_retail_dec2010.csv: 0 inserted, 0 updated, 26850 unchanged, 15631 skipped, 0 rejected; 3 lines with zero amount; 15631 of the skipped lines had no customer; 690 return lines
  $ kunde order list --customer 17850 --since 2010-12-01 -q | head -3
  order   ordered_at           customer_id  customer  name   channel  status     lines  amount
  536365  2010-12-01 08:26:00            1  17850     17850           completed      7  139.12
  536366  2010-12-01 08:28:00            1  17850     17850           completed      2   22.20
  $ kunde order list --status cancelled -q | wc -l
  1
  $ kunde doctor
  ok: integrity, foreign keys, statistics and search indexes all check out
