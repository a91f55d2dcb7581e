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
  Affinity of categories by order  as of 2026-06-30
  baskets   5 orders with 3 categories
  rules     2 rules at support 0.4, confidence 0.6, at most 4 items
  
  Rules
  rank  antecedent  consequent  baskets  support  confidence  lift
     1  {music}     books             3  0.60000       1.000  1.250
     2  {books}     music             3  0.60000       0.750  1.250
  
  Strongest rules by lift
                       lift
  1. {music} => books  \xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88 1.25 (esc)
  2. {books} => music  \xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88 1.25 (esc)
  2 rules over 5 baskets
  $ kunde report affinity --as-of 2026-06-30 --by customer --min-support 0.5 --min-confidence 1 -n 3 -f csv
  rank,antecedent,consequent,baskets,support,confidence,lift
  1,{games},music,2,0.66667,1.000,1.500
  2,{music},games,2,0.66667,1.000,1.500
  3,"{books, games}",music,2,0.66667,1.000,1.500
  7 rules over 3 baskets
  $ kunde report affinity --as-of 2026-06-30 --level product --min-support 0.4 -f ndjson
  0 rules over 5 baskets
  $ kunde report affinity --as-of 2026-06-30 --level product --min-support 0.4 | grep '^no rule'
  0 rules over 5 baskets
  no rule: a rule's products must be bought together in 2 of the 5 orders (support 0.4) with confidence 0.5; lower --min-support or --min-confidence, or use --level category, to find more
  $ kunde report products --as-of 2026-06-30 --customer K1
  Category penetration  as of 2026-06-30
  customers  3 customers with 5 orders
  customer   K1 K1: bought 3 of 3 categories
  
  What K1 bought and did not
  category  bought  orders  revenue  first       last        interval_days  penetration_pct
  games     true         1    30.00  2026-03-10  2026-03-10                            66.7
  books     true         2    22.00  2026-01-10  2026-03-10           59.0            100.0
  music     true         2    10.00  2026-01-10  2026-03-10           59.0             66.7
  
  Penetration
  category  customers  customers_pct  orders  orders_pct  revenue
  books             3          100.0       4        80.0    42.00
  music             2           66.7       3        60.0    18.00
  games             2           66.7       2        40.0    60.00
  
  Share of customers buying each category
         share of customers
  books  \xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88 100.0% (esc)
  music  \xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88 66.7% (esc)
  games  \xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88 66.7% (esc)
  3 categories over 3 customers
  $ kunde report products --as-of 2026-06-30 --level product -n 2 -f csv
  product,customers,customers_pct,orders,orders_pct,revenue
  B1,3,100.0,3,60.0,30.00
  G1,2,66.7,2,40.0,60.00
  5 products over 3 customers
  $ kunde report next --as-of 2026-06-30 --customer K3 --customer K1 --min-support 0.2 --min-confidence 0.5
  Next offers  as of 2026-06-30
  rules     6 rules over 5 orders (categories, support 0.2, confidence 0.5)
  stored    the offers are stored for customer show
  
  K1 K1: next purchase expected 2026-05-08 (every 59 days, last 2026-03-10), overdue
  
  Suggestions
  id  number  name  rank  offer  because  confidence  lift   support  expected_next
   3  K3      K3       1  music  {books}       0.750  1.250  0.60000
   1  K1      K1                                                      2026-05-08
  suggestions for 2 customers from 6 rules
  $ kunde report channels --as-of 2026-06-30
  Channels  as of 2026-06-30
  customers      3 customers with 5 orders and 0 contacts
  multi-channel  2 customers (66.7%) use two channels or more
  moved          2 of 2 repeat customers last ordered by another channel than first
  channel costs are not configured ([costs.contact] and [costs.order] in kunde-config(5))
  
  Channel mix
  channel  orders  orders_pct  revenue  contacts  contacts_pct  inbound  customers  order_cost  contact_cost  cost
  web           3        60.0    43.00         0           0.0        0          3
  phone         1        20.0    30.00         0           0.0        0          1
  shop          1        20.0    47.00         0           0.0        0          1
  
  Channel mix of orders and contacts
  channel  share
         \xe2\x96\x88 orders  \xe2\x96\x93 contacts (esc)
  web    \xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88 60.0% (esc)
          0.0%
  phone  \xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88 20.0% (esc)
          0.0%
  shop   \xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88 20.0% (esc)
          0.0%
  
  Preferred channel (most used)
  channel  customers  customers_pct
  phone            1           33.3
  shop             1           33.3
  web              1           33.3
  
  Orders by channel and quarter
  quarter  web  phone  shop
  2026-Q1    2      0     1
  2026-Q2    1      1     0
  
  Orders by channel per quarter
           orders
           \xe2\x96\x88 web  \xe2\x96\x93 phone  \xe2\x96\x92 shop (esc)
  2026-Q1  \xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x92\xe2\x96\x92\xe2\x96\x92\xe2\x96\x92\xe2\x96\x92\xe2\x96\x92\xe2\x96\x92\xe2\x96\x92\xe2\x96\x92\xe2\x96\x92\xe2\x96\x92\xe2\x96\x92\xe2\x96\x92\xe2\x96\x92\xe2\x96\x92\xe2\x96\x92\xe2\x96\x92\xe2\x96\x92\xe2\x96\x92\xe2\x96\x92 3 (esc)
  2026-Q2  \xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93 2 (esc)
  
  First order channel to last
  from  to     customers
  web   phone          1
  web   shop           1
  3 channels over 3 customers
  $ kunde report changes --as-of 2026-06-30 --window 30d
  $ kunde report changes --as-of 2026-06-30 --window 60d -f ndjson
  $ kunde report all --as-of 2026-06-30 -o report.html
  report of 3 customers
  $ grep -c '<svg' report.html
  4
  $ grep -c '<script' report.html
  0
  [1]

The screen pop shows the offers the last `report next` stored; --all suggests to everyone who
ordered, and --no-save leaves what is stored alone:

  $ kunde customer show K3 | grep offer
  offer     music (because books)  (as of 2026-06-30)
  $ kunde report next --as-of 2026-06-30 --all --min-support 0.2 --min-confidence 0.5 -f csv
  id,number,name,rank,offer,because,confidence,lift,support,expected_next
  1,K1,K1,,,,,,,2026-05-08
  2,K2,K2,,,,,,,2026-05-30
  3,K3,K3,1,music,{books},0.750,1.250,0.60000,
  suggestions for 3 customers from 6 rules
  $ kunde report next --as-of 2026-07-31 --customer K3 --min-support 0.9 --no-save -f csv
  id,number,name,rank,offer,because,confidence,lift,support,expected_next
  3,K3,K3,,,,,,,
  suggestions for 1 customer from 0 rules
  $ kunde customer show K3 -f json | grep -A 9 '"next_offers"'
      "next_offers": {
        "as_of": "2026-06-30",
        "level": "category",
        "offers": [
          {
            "item": "music",
            "because": [
              "books"
            ],
            "confidence": 0.75,

Share of wallet: revenue of the twelve months up to --as-of against each customer's wallet:

  $ cat > wallets.csv <<'CSV'
  > number,name,wallet
  > K1,K1,200.00
  > K2,K2,40.00
  > CSV
  $ kunde customer import -q wallets.csv
  $ kunde report wallet --as-of 2026-06-30
  Share of wallet  2025-07-01 to 2026-06-30
  customers        2 of 3 customers have a wallet
  wallet           240.00
  revenue          110.00 in the twelve months 2025-07-01 to 2026-06-30
  share of wallet  45.8%
  room             138.00 more if every customer spent their whole wallet with us
  
  Customers by share of wallet
  share        customers  wallet  revenue
  under 25%            0    0.00     0.00
  25-50%               1  200.00    62.00
  50-75%               0    0.00     0.00
  75% or more          1   40.00    48.00
  
  Customers by share of wallet
  share of wallet  customers
  under 25%     0
  25-50%       \xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88 1 (esc)
  50-75%        0
  75% or more  \xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88 1 (esc)
  
  Customers by room left in their wallet
  id  number  name  wallet  revenue  share_pct  room
   1  K1      K1    200.00    62.00       31.0  138.00
   2  K2      K2     40.00    48.00      120.0    0.00
  2 customers with a wallet; share 45.8%
  $ kunde report wallet --as-of 2026-06-30 -f csv
  id,number,name,wallet,revenue,share_pct,room
  1,K1,K1,200.00,62.00,31.0,138.00
  2,K2,K2,40.00,48.00,120.0,0.00
  2 customers with a wallet; share 45.8%
  $ kunde customer show K2 | grep wallet
  wallet    120.0% of 40.00  (48.00 in the last twelve months)

No line of these orders has a cost: their margin is unknown, never their revenue:

  $ kunde report summary --as-of 2026-06-30 | grep 'to date'
  3 customers, 3 active, 0 at risk, 0 churned
  to date      revenue 120.00, margin unknown (no line has a cost) in 5 orders
  $ kunde report value --as-of 2026-06-30 | grep -E '^(cost of goods|margin|profit) |^Revenue deciles|^Customers by'
  3 customers, profit unknown (no line has a cost)
  cost of goods  0.00  (cost known for 0.0% of revenue)
  margin         unknown (no line has a cost)
  profit         unknown (no line has a cost)
  Revenue deciles (1 = the tenth with the most revenue)
  Customers by revenue

A named report set from the config builds the pack with its parts and title:

  $ cat > sets.toml <<'TOML'
  > [report_sets.monthly]
  > title = "Monthly pack"
  > reports = ["wallet", "channels"]
  > [report_sets.typo]
  > reports = ["value", "whale"]
  > TOML
  $ kunde --config sets.toml report all --as-of 2026-06-30 --set monthly -f md
  # Monthly pack
  
  *as of 2026-06-30*
  
  - **customers:** 3
  - **orders:** 5
  - **revenue:** 120.00
  
  ## Share of wallet
  
  - **customers:** 2 of 3 customers have a wallet
  - **share:** 45.8%: 110.00 of 240.00 over the last twelve months
  - **room:** 138.00
  
  ### Customers by share of wallet
  
  | share of wallet | customers |
  | --- | ---: |
  | under 25% | 0 |
  | 25-50% | 1 |
  | 50-75% | 0 |
  | 75% or more | 1 |
  
  ## Channels
  
  - **orders:** 5
  - **contacts:** 0
  - **multi-channel:** 2 of 3 customers use two channels or more
  
  ### Channel mix
  
  | channel | orders | contacts | revenue |
  | --- | ---: | ---: | ---: |
  | web | 3 | 0 | 43.00 |
  | phone | 1 | 0 | 30.00 |
  | shop | 1 | 0 | 47.00 |
  
  ### Channel mix of orders and contacts
  
  | channel | orders | contacts |
  | --- | ---: | ---: |
  | web | 60.0% | 0.0% |
  | phone | 20.0% | 0.0% |
  | shop | 20.0% | 0.0% |
  report of 3 customers
  $ kunde --config sets.toml report all --set weekly
  kunde: error: no report set 'weekly' in the config
  hint: the config has: monthly, typo
  [2]
  $ kunde --config sets.toml report all --set typo
  kunde: error: sets.toml: [report_sets.typo] reports: no report part 'whale'
  hint: the parts are: value, rfm, cohort, clv, channels, top, affinity, wallet
  [1]
  $ kunde report all --set monthly
  kunde: error: no report set 'monthly' in the config
  hint: define one as a [report_sets.NAME] table; see kunde-config(5)
  [2]

Bad input:

  $ kunde report affinity --min-support 2
  kunde: error: --min-support 2 is outside 0..1
  hint: give a fraction of the baskets, such as 0.01
  [2]
  $ kunde report affinity --max-len 1
  kunde: error: --max-len 1 is outside 2..10
  hint: a rule has 2 items or more, such as --max-len 3
  [2]
  $ kunde report affinity --level sku
  kunde: error: --level: sku not in {category,product}
  hint: see 'kunde --help' or the command's --help
  [2]
  $ kunde report products --customer K9
  kunde: error: no customer matches 'K9'
  hint: give a customer number, #id, email or phone; 'kunde customer find TEXT' searches names
  [1]
  $ kunde report next
  kunde: error: report next needs --customer, --segment or --all
  hint: name the customers: --customer K-1, --segment at-risk, or --all for everyone who ordered
  [2]
  $ kunde report next --customer K1 -n 0
  kunde: error: -n must be at least 1
  hint: give how many suggestions, such as -n 5
  [2]
  $ kunde report changes --window soon
  kunde: error: 'soon' is not a window
  hint: give days, weeks or months, such as 90d, 12w or 3m
  [2]
  $ kunde report all --top 0
  kunde: error: --top must be at least 1
  hint: give the number of top customers, such as --top 10
  [2]

Rentals, subscriptions: every order holds one item. No rule can come of that, and the
reports say why instead of showing nothing.

  $ export KUNDE_DB=single.db
  $ kunde init -q
  $ printf 'order,customer,ordered_at,sku,unit_price,category\nR1,K1,2026-01-10,F1,2.99,Comedy\nR2,K1,2026-01-12,F2,2.99,Drama\nR3,K2,2026-01-12,F1,2.99,Comedy\n' > rentals.csv
  $ kunde order import -q --create-missing rentals.csv
  $ kunde report affinity --as-of 2026-02-01 -q | head -4
  Affinity of categories by order  as of 2026-02-01
  baskets   3 orders with 2 categories
  rules     0 rules at support 0.01, confidence 0.5, at most 4 items
  every order holds one category, and a rule needs two: --by customer pairs what each customer bought
  $ kunde report next --customer K1 --no-save --as-of 2026-02-01 -q | head -4
  Next offers  as of 2026-02-01
  rules     0 rules over 3 orders (categories, support 0.005, confidence 0.1)
  stored    not stored (--no-save)
  every order holds one category, and a rule needs two: nothing is bought together to suggest from (report affinity --by customer shows what customers buy over time)

At the level of products, the reports name the products of the SKUs they show.

  $ export KUNDE_DB=k.db
  $ printf 'sku,name,category\nB1,Blue Book,books\nG1,Go Game,games\n' > names.csv
  $ kunde product import -q names.csv
  $ kunde report affinity --as-of 2026-06-30 --level product --by customer --min-support 0.6 -q
  Affinity of products by customer  as of 2026-06-30
  baskets   3 customers with 5 products
  rules     2 rules at support 0.6, confidence 0.5, at most 4 items
  
  Rules
  rank  antecedent  consequent  baskets  support  confidence  lift
     1  {G1}        B1                2  0.66667       1.000  1.000
     2  {B1}        G1                2  0.66667       0.667  1.000
  
  Strongest rules by lift
                 lift
  1. {G1} => B1  \xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88 1 (esc)
  2. {B1} => G1  \xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88 1 (esc)
  
  Products
  sku  name       category
  G1   Go Game    games
  B1   Blue Book  books
  $ kunde report products --as-of 2026-06-30 --level product -n 2 -f md -q | sed -n '/^## Products/,$p'
  ## Products
  
  | sku | name | category |
  | --- | --- | --- |
  | B1 | Blue Book | books |
  | G1 | Go Game | games |
  $ kunde report affinity --as-of 2026-06-30 --level product --by customer --min-support 0.6 -f json | python3 -c 'import json, sys; print(json.load(sys.stdin)["products"])'
  2 rules over 3 baskets
  [{'sku': 'G1', 'name': 'Go Game', 'category': 'games'}, {'sku': 'B1', 'name': 'Blue Book', 'category': 'books'}]
