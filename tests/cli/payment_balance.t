Payments, balances, overdue and credit limits, and the screen pop.

  $ cp "$KUNDE_TEST_DATA"/* . && export KUNDE_DB=k.db
  $ kunde init -q
  $ kunde customer import -q customers-orders.csv
  $ kunde product import -q products.csv
  $ kunde order import -q orders.csv
  $ kunde order pay K-1 100 --at 2026-10-01 --reference BANK-1
  recorded payment BANK-1 of 100.00 from customer #1; balance now 350.00
  $ kunde order pay K-1 100 --reference BANK-1
  kunde: error: a payment with reference BANK-1 exists already
  hint: each payment's reference is unique; 'kunde order payments' lists them
  [1]
  $ kunde order pay K-1 lots
  kunde: error: amount 'lots': 'lots' is not a number
  hint: e.g. kunde order pay K-1001 1250.00
  [2]
  $ kunde order payments import payments.csv
  kunde: error: payments.csv:5: no customer 'K-9'
  kunde: error: payments.csv:6: 'yesterday-ish' is not a date
  hint: import the customers first, or give --create-missing to create bare ones
  hint: write YYYY-MM-DD, or give the file's format with --date-format '%d.%m.%Y'
  hint: fix the rejected rows and import them again; --reject-file FILE collects them
  payments.csv: 2 inserted, 0 updated, 1 unchanged, 2 rejected
  [3]
  $ kunde order payments import payments.csv
  kunde: error: payments.csv:5: no customer 'K-9'
  kunde: error: payments.csv:6: 'yesterday-ish' is not a date
  hint: import the customers first, or give --create-missing to create bare ones
  hint: write YYYY-MM-DD, or give the file's format with --date-format '%d.%m.%Y'
  hint: fix the rejected rows and import them again; --reject-file FILE collects them
  payments.csv: 0 inserted, 0 updated, 3 unchanged, 2 rejected
  [3]
  $ kunde order payments
  reference            paid_at     customer_id  customer  name           amount
  BANK-1               2026-10-01            1  K-1       Kari Nordmann  100.00
  BANK-2               2026-10-20            2  K-2       Ola Hansen     100.00
  ~82c5340074360fb3.1  2026-11-01            1  K-1       Kari Nordmann   50.00
  3 payments, 250.00 in all
  $ kunde order add K-2 --amount 80 --at 2026-09-01 --channel Phone
  O-4
  added order O-4 (1 line, 80.00)
  $ kunde order add K-2 --line NOPE:1
  kunde: error: no product 'NOPE'
  hint: add it first with 'kunde product add SKU'
  [1]
  $ kunde order balances
  id  number  name           invoiced  paid    balance  overdue  oldest_unpaid_at  terms_days  credit_limit  over_limit
   1  K-1     Kari Nordmann    450.00  150.00   300.00     0.00  2026-11-20                14        200.00  true
   2  K-2     Ola Hansen       180.00  100.00    80.00    80.00  2026-10-15                30                false
  2 customers, balance 380.00, overdue 80.00
  $ kunde order balances --overdue -f csv -q
  id,number,name,invoiced,paid,balance,overdue,oldest_unpaid_at,terms_days,credit_limit,over_limit
  2,K-2,Ola Hansen,180.00,100.00,80.00,80.00,2026-10-15,30,,false
  $ kunde customer list --overdue -q
  id  number  name        kind    email  phone  city  country  tags
   2  K-2     Ola Hansen  person
  $ kunde customer list --over-limit -q
  id  number  name           kind    email  phone  city  country  tags
   1  K-1     Kari Nordmann  person
  $ kunde customer show K-1
  Kari Nordmann  #1  K-1  person
  balance   300.00  (limit 200.00, 14 days)
  !         OVER LIMIT by 100.00
  revenue   450.00 in 2 orders (avg 225.00), margin 90.00 on 150.00 (300.00 without a cost)
  orders    first 2026-09-01, last 2026-11-20
  buys      kitchen, food
  
  last orders
    2026-11-20  A-3                300.00  retail
            1 \xc3\x97 POT                                      300.00 (esc)
    2026-09-01  A-1                150.00  web
            2 \xc3\x97 Blue mug                                 200.00  kitchen (esc)
            1 \xc3\x97 Green tea                                 50.00  food (esc)
           -1 \xc3\x97 Blue mug                                -100.00  kitchen (esc)
  $ kunde customer show K-1 -f json --orders 1 | grep -A9 '"account"'
    "account": {
      "invoiced": 450.00,
      "paid": 150.00,
      "balance": 300.00,
      "overdue": 0.00,
      "oldest_unpaid_at": "2026-11-20",
      "payment_terms_days": 14,
      "credit_limit": 200.00,
      "over_limit": true
    },
  $ kunde undo -q
  $ kunde order payments -q --customer K-1
  reference            paid_at     customer_id  customer  name           amount
  BANK-1               2026-10-01            1  K-1       Kari Nordmann  100.00
  ~82c5340074360fb3.1  2026-11-01            1  K-1       Kari Nordmann   50.00
  $ kunde doctor
  ok: integrity, foreign keys, statistics and search indexes all check out

One order, one day: counts read in the singular.

  $ kunde customer add -q --number K-9 --name Solo --payment-terms-days 1 > /dev/null
  $ kunde order add -q K-9 --amount 10 --at 2026-11-01 > /dev/null
  $ kunde customer show K-9 --orders 0 | grep -E 'balance|OVERDUE|revenue'
  balance   10.00  (1 day)
  !         OVERDUE 10.00 (oldest unpaid 2026-11-01, terms 1 day)
  revenue   10.00 in 1 order (avg 10.00), margin unknown (no line has a cost)
