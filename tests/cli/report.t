Reports on a small generated customer base: value, rfm, cohort, top and summary, in the
terminal and as csv, json and md; --as-of computes from the rows up to that day, and the
totals equal the order totals.

  $ kunde-gen -q --customers 40 --seed 3 --products 20 --out data
  $ export KUNDE_DB=$PWD/k.db
  $ kunde -q init
  $ kunde -q customer import data/customers.csv
  $ kunde -q product import data/products.csv
  $ kunde -q order import data/orders.csv
  $ kunde -q contact import data/contacts.csv
  $ cat > config.toml <<'TOML'
  > [costs.contact]
  > phone = 4.0
  > email = 0.5
  > visit = 40.0
  > [costs.order]
  > web = 1.0
  > phone = 2.5
  > retail = 4.0
  > TOML
  $ export KUNDE_CONFIG=$PWD/config.toml
  $ field() { python3 -c 'import json, sys; d = json.load(sys.stdin); print(*(d[k] for k in sys.argv[1:]))' "$@"; }

The order totals every report must reconcile with, to date and as of an earlier day.

  $ kunde order list -f csv > /dev/null
  161 orders, 4671.58 not counting cancelled ones
  $ kunde order list --until 2025-06-30 -f csv > /dev/null
  90 orders, 2596.52 not counting cancelled ones

  $ kunde report value -n 5
  Customer value  as of 2026-11-23
  customers      40 (161 orders, 135 contacts)
  revenue        4671.58
  cost of goods  2686.60  (cost known for 100.0% of revenue)
  margin         1984.98
  returns        -29.42
  cost to serve  783.00
  profit         1201.98
  losing         8 customers (20.0%) lose 154.83 together
  whale peak     the 32 most profitable customers (80.0%) earn 112.9% of the profit
  channels without a cost, counted as free: chat, fax, post, sms, social, video, web, wholesale
  
  Whale curve
  cumulative profit     \xe2\x96\x81\xe2\x96\x83\xe2\x96\x85\xe2\x96\x85\xe2\x96\x86\xe2\x96\x86\xe2\x96\x87\xe2\x96\x87\xe2\x96\x87\xe2\x96\x87\xe2\x96\x87\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x87  min 0.0%  max 112.9% (esc)
  every customer alike  \xe2\x96\x81\xe2\x96\x81\xe2\x96\x82\xe2\x96\x82\xe2\x96\x82\xe2\x96\x82\xe2\x96\x83\xe2\x96\x83\xe2\x96\x83\xe2\x96\x83\xe2\x96\x84\xe2\x96\x84\xe2\x96\x84\xe2\x96\x85\xe2\x96\x85\xe2\x96\x85\xe2\x96\x85\xe2\x96\x86\xe2\x96\x86\xe2\x96\x86\xe2\x96\x87\xe2\x96\x87\xe2\x96\x87\xe2\x96\x87\xe2\x96\x88\xe2\x96\x88  min 0.0%  max 100.0% (esc)
  customers, most profita\xe2\x80\xa6  cumulative profit  every customer alike (esc)
  0.0%                                   0.0%                  0.0%
  10.0%                                 65.0%                 10.0%
  17.5%                                 82.1%                 17.5%
  27.5%                                 95.2%                 27.5%
  35.0%                                101.9%                 35.0%
  45.0%                                106.8%                 45.0%
  55.0%                                110.1%                 55.0%
  65.0%                                112.1%                 65.0%
  72.5%                                112.7%                 72.5%
  82.5%                                112.8%                 82.5%
  90.0%                                111.7%                 90.0%
  100.0%                               100.0%                100.0%
  
  Profit deciles (1 = the most profitable tenth)
  decile  customers  revenue  margin  cost_to_serve  profit   profit_share_pct  cumulative_pct
       1          4  2182.33  932.27         150.50   781.77              65.0            65.0
       2          4   623.76  290.80          42.00   248.80              20.7            85.7
       3          4   400.93  171.68          28.50   143.18              11.9            97.7
       4          4   484.89  203.64         119.50    84.14               7.0           104.7
       5          4   224.38   84.21          37.50    46.71               3.9           108.5
       6          4   227.06   90.49          55.50    34.99               2.9           111.4
       7          4    75.71   29.54          15.00    14.54               1.2           112.7
       8          4    98.82   46.68          44.00     2.68               0.2           112.9
       9          4    60.48   23.33          37.00   -13.67              -1.1           111.7
      10          4   293.22  112.34         253.50  -141.16             -11.7           100.0
  
  What the customers with a loss cost
  cost            customers  amount
  visit contacts          4  200.00
  phone contacts          7   44.00
  phone orders            2   22.50
  retail orders           4   16.00
  web orders              4    5.00
  email contacts          4    3.00
  
  Customers by profit
  rank  id  number   name               orders  contacts  revenue  cost    margin  returns  cost_to_serve  profit  cumulative_pct  decile  driver
     1   8  K000008  Ragnhild Fjeld         13         3   555.51  307.99  247.52     0.00          14.00  233.52            19.4       1
     2  26  K000026  Astrid S\xc3\xb8rensen        29         2   794.37  457.29  337.08     0.00         104.50  232.58            38.8       1 (esc)
     3  25  K000025  Sigrid Hansen          17         4   507.26  302.84  204.42     0.00          20.00  184.42            54.1       1
     4  15  K000015  S\xc3\xb8ren Christensen       7         3   325.19  181.94  143.25     0.00          12.00  131.25            65.0       1 (esc)
     5  11  K000011  S\xc3\xb8ren S\xc3\xb8rensen          7         5   245.22  133.54  111.68     0.00          15.50   96.18            73.0       2 (esc)
  40 customers, profit 1201.98; 8 with a loss
  $ kunde report value -n 3 -f csv
  rank,id,number,name,orders,contacts,revenue,cost,margin,returns,cost_to_serve,profit,cumulative_pct,decile,driver
  1,8,K000008,Ragnhild Fjeld,13,3,555.51,307.99,247.52,0.00,14.00,233.52,19.4,1,
  2,26,K000026,Astrid S\xc3\xb8rensen,29,2,794.37,457.29,337.08,0.00,104.50,232.58,38.8,1, (esc)
  3,25,K000025,Sigrid Hansen,17,4,507.26,302.84,204.42,0.00,20.00,184.42,54.1,1,
  40 customers, profit 1201.98; 8 with a loss
  $ kunde report value -f json | field revenue orders customers
  40 customers, profit 1201.98; 8 with a loss
  4671.58 161 40
  $ kunde report value --as-of 2025-06-30 -f json | field as_of revenue orders customers
  26 customers, profit 772.30; 2 with a loss
  2025-06-30 2596.52 90 26
  $ kunde report value -n 3 -f md
  # Customer value
  
  *as of 2026-11-23*
  
  - **customers:** 40 (161 orders, 135 contacts)
  - **revenue:** 4671.58
  - **cost of goods:** 2686.60  (cost known for 100.0% of revenue)
  - **margin:** 1984.98
  - **returns:** -29.42
  - **cost to serve:** 783.00
  - **profit:** 1201.98
  - **losing:** 8 customers (20.0%) lose 154.83 together
  - **whale peak:** the 32 most profitable customers (80.0%) earn 112.9% of the profit
  
  *channels without a cost, counted as free: chat, fax, post, sms, social, video, web, wholesale*
  
  ## Whale curve
  
  | customers, most profitable first | cumulative profit | every customer alike |
  | --- | ---: | ---: |
  | 0.0% | 0.0% | 0.0% |
  | 5.0% | 38.8% | 5.0% |
  | 7.5% | 54.1% | 7.5% |
  | 12.5% | 73.0% | 12.5% |
  | 17.5% | 82.1% | 17.5% |
  | 20.0% | 85.7% | 20.0% |
  | 25.0% | 92.4% | 25.0% |
  | 30.0% | 97.7% | 30.0% |
  | 32.5% | 99.9% | 32.5% |
  | 37.5% | 103.4% | 37.5% |
  | 42.5% | 105.9% | 42.5% |
  | 45.0% | 106.8% | 45.0% |
  | 50.0% | 108.5% | 50.0% |
  | 55.0% | 110.1% | 55.0% |
  | 57.5% | 110.8% | 57.5% |
  | 62.5% | 111.8% | 62.5% |
  | 67.5% | 112.4% | 67.5% |
  | 70.0% | 112.7% | 70.0% |
  | 75.0% | 112.8% | 75.0% |
  | 80.0% | 112.9% | 80.0% |
  | 82.5% | 112.8% | 82.5% |
  | 87.5% | 112.2% | 87.5% |
  | 92.5% | 110.3% | 92.5% |
  | 95.0% | 108.8% | 95.0% |
  | 100.0% | 100.0% | 100.0% |
  
  ## Profit deciles (1 = the most profitable tenth)
  
  | decile | customers | revenue | margin | cost\_to\_serve | profit | profit\_share\_pct | cumulative\_pct |
  | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
  | 1 | 4 | 2182.33 | 932.27 | 150.50 | 781.77 | 65.0 | 65.0 |
  | 2 | 4 | 623.76 | 290.80 | 42.00 | 248.80 | 20.7 | 85.7 |
  | 3 | 4 | 400.93 | 171.68 | 28.50 | 143.18 | 11.9 | 97.7 |
  | 4 | 4 | 484.89 | 203.64 | 119.50 | 84.14 | 7.0 | 104.7 |
  | 5 | 4 | 224.38 | 84.21 | 37.50 | 46.71 | 3.9 | 108.5 |
  | 6 | 4 | 227.06 | 90.49 | 55.50 | 34.99 | 2.9 | 111.4 |
  | 7 | 4 | 75.71 | 29.54 | 15.00 | 14.54 | 1.2 | 112.7 |
  | 8 | 4 | 98.82 | 46.68 | 44.00 | 2.68 | 0.2 | 112.9 |
  | 9 | 4 | 60.48 | 23.33 | 37.00 | -13.67 | -1.1 | 111.7 |
  | 10 | 4 | 293.22 | 112.34 | 253.50 | -141.16 | -11.7 | 100.0 |
  
  ## What the customers with a loss cost
  
  | cost | customers | amount |
  | --- | ---: | ---: |
  | visit contacts | 4 | 200.00 |
  | phone contacts | 7 | 44.00 |
  | phone orders | 2 | 22.50 |
  | retail orders | 4 | 16.00 |
  | web orders | 4 | 5.00 |
  | email contacts | 4 | 3.00 |
  
  ## Customers by profit
  
  | rank | id | number | name | orders | contacts | revenue | cost | margin | returns | cost\_to\_serve | profit | cumulative\_pct | decile | driver |
  | ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |
  | 1 | 8 | K000008 | Ragnhild Fjeld | 13 | 3 | 555.51 | 307.99 | 247.52 | 0.00 | 14.00 | 233.52 | 19.4 | 1 |  |
  | 2 | 26 | K000026 | Astrid S\xc3\xb8rensen | 29 | 2 | 794.37 | 457.29 | 337.08 | 0.00 | 104.50 | 232.58 | 38.8 | 1 |  | (esc)
  | 3 | 25 | K000025 | Sigrid Hansen | 17 | 4 | 507.26 | 302.84 | 204.42 | 0.00 | 20.00 | 184.42 | 54.1 | 1 |  |
  40 customers, profit 1201.98; 8 with a loss

  $ kunde report rfm -n 5
  RFM segments  as of 2026-11-23
  customers  40 with 161 orders, revenue 4671.58
  segments   the default table (kunde-report(1))
  stored     the scores are stored for customer show, lists and segments
  
  Segments
  segment             customers  share_pct  orders  revenue  revenue_share_pct
  Champions                   7       17.5      61  1848.55               39.6
  Loyal                       6       15.0      57  1432.02               30.7
  Potential loyalist          6       15.0      11   408.27                8.7
  New                         1        2.5       1    15.26                0.3
  Promising                   1        2.5       1    13.72                0.3
  Need attention              1        2.5       2   126.19                2.7
  About to sleep              2        5.0       2    97.09                2.1
  Cannot lose                 3        7.5      12   335.45                7.2
  At risk                     2        5.0       3   114.23                2.4
  Hibernating                 5       12.5       5   168.05                3.6
  Lost                        6       15.0       6   112.75                2.4
  
  Customers by recency and frequency score
  customers
  R score  F1  F2  F3  F4  F5
  R5        1   0   2   3   2
  R4        1   1   3   1   2
  R3        0   2   1   2   3
  R2        3   2   0   2   1
  R1        3   3   2   0   0
  
  customers with equal orders get different scores (quintiles, ties by customer id): where many share a value, those scores rank them by id alone
  
  Quintile cut points
  score  recency_days  r_customers  orders  f_customers  revenue        m_customers
      1  747-1055                8  1-1               8  9.24-16.56               8
      2  535-707                 8  1-1               8  19.98-43.38              8
      3  367-516                 8  1-2               8  45.34-81.84              8
      4  103-364                 8  3-6               8  85.43-127.54             8
      5  24-90                   8  6-29              8  152.53-794.37            8
  
  Segment table (first match wins)
  segment             r    f    m
  Champions           4-5  4-5  4-5
  Loyal               3-5  4-5  1-5
  Potential loyalist  4-5  2-3  1-5
  New                 5    1    1-5
  Promising           4    1    1-5
  Need attention      3    3    1-5
  About to sleep      3    1-2  1-5
  Cannot lose         1-2  4-5  4-5
  At risk             1-2  3-5  1-5
  Hibernating         2    1-2  1-5
  Lost                1    1-2  1-5
  
  Customers
  id  number   name             last_order  recency_days  orders  revenue  r  f  m  rfm  segment
   1  K000001  B\xc3\xa5rd \xc3\x85berg       2024-11-06           747       2    70.85  1  3  3  133  At risk (esc)
   2  K000002  Str\xc3\xb8m Handel AS  2026-08-25            90       5   101.68  5  4  4  544  Champions (esc)
   3  K000003  Kari H\xc3\xa5gensen    2025-08-27           453       4    69.59  3  4  3  343  Loyal (esc)
   4  K000004  Solveig L\xc3\xb8v\xc3\xa5s    2024-10-09           775       1    12.15  1  1  1  111  Lost (esc)
   5  K000005  Sofie Dalsgaard  2024-12-16           707       1    19.98  2  1  2  212  Hibernating
  40 customers in 11 segments; scores stored
  $ kunde report rfm -n 3 -f csv
  id,number,name,last_order,recency_days,orders,revenue,r,f,m,rfm,segment
  1,K000001,B\xc3\xa5rd \xc3\x85berg,2024-11-06,747,2,70.85,1,3,3,133,At risk (esc)
  2,K000002,Str\xc3\xb8m Handel AS,2026-08-25,90,5,101.68,5,4,4,544,Champions (esc)
  3,K000003,Kari H\xc3\xa5gensen,2025-08-27,453,4,69.59,3,4,3,343,Loyal (esc)
  40 customers in 11 segments; scores stored
  $ kunde report rfm -f json | field revenue
  40 customers in 11 segments; scores stored
  4671.58
  $ kunde report rfm --as-of 2025-06-30 --no-save -f json | field revenue
  26 customers in 11 segments
  2596.52

  $ kunde report cohort --since 2026-05-01
  Cohorts by month of first order  2026-05-01 to 2026-11-23
  cohorts   3 months, 5 customers, revenue 355.14
  
  Share of each cohort ordering k months later
  ordering
  cohort      0     1   2     3   4   5
  2026-06  100%  100%  0%  100%  0%  0%
  2026-07  100%   50%  0%    0%  0%
  2026-10  100%    0%
  
  Revenue by cohort
  cohort   revenue
  2026-06  \xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x8c 117.62 (esc)
  2026-07  \xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x8a 67.40 (esc)
  2026-10  \xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88 170.12 (esc)
  
  Retention: % of the cohort ordering in month k
  cohort   customers  revenue  m0_pct  m1_pct  m2_pct  m3_pct  m4_pct  m5_pct
  2026-06          1   117.62   100.0   100.0     0.0   100.0     0.0     0.0
  2026-07          2    67.40   100.0    50.0     0.0     0.0     0.0
  2026-10          2   170.12   100.0     0.0
  
  Revenue of the cohort in month k
  cohort   customers  revenue  m0      m1     m2    m3     m4    m5
  2026-06          1   117.62   15.21  30.43  0.00  71.98  0.00  0.00
  2026-07          2    67.40   47.31  20.09  0.00   0.00  0.00
  2026-10          2   170.12  170.12   0.00
  3 cohorts, 5 customers
  $ kunde report cohort --as-of 2024-06-30 -f csv
  cohort,customers,revenue,m0_pct,m1_pct,m2_pct,m3_pct,m4_pct,m5_pct
  2024-01,3,132.39,100.0,0.0,0.0,0.0,33.3,0.0
  2024-03,3,280.59,100.0,33.3,33.3,33.3,,
  2024-04,2,79.62,100.0,50.0,0.0,,,
  2024-06,2,26.15,100.0,,,,,
  4 cohorts, 10 customers
  $ kunde report cohort --since 2026-08-01 -f md
  # Cohorts by month of first order
  
  *2026-08-01 to 2026-11-23*
  
  - **cohorts:** 1 months, 2 customers, revenue 170.12
  
  ## Share of each cohort ordering k months later
  
  | cohort | 0 | 1 |
  | --- | ---: | ---: |
  | 2026-10 | 100% | 0% |
  
  ## Revenue by cohort
  
  | cohort | revenue |
  | --- | ---: |
  | 2026-10 | 170.12 |
  
  ## Retention: % of the cohort ordering in month k
  
  | cohort | customers | revenue | m0\_pct | m1\_pct |
  | --- | ---: | ---: | ---: | ---: |
  | 2026-10 | 2 | 170.12 | 100.0 | 0.0 |
  
  ## Revenue of the cohort in month k
  
  | cohort | customers | revenue | m0 | m1 |
  | --- | ---: | ---: | ---: | ---: |
  | 2026-10 | 2 | 170.12 | 170.12 | 0.00 |
  1 cohort, 2 customers
  $ kunde report cohort --as-of 2025-06-30 -f json | field revenue
  13 cohorts, 26 customers
  2596.52

  $ kunde report top -n 3 --by revenue
  Top 3 customers by revenue  as of 2026-11-23
  top       3 of 40 customers, revenue 1857.14 together (39.8% of all)
  
  100.0% of the top 3 have orders 10 or more, against 2.7% of the other 37 (lift 37.0)
  
  100.0% of the top 3 have country NO, against 40.5% of the other 37 (lift 2.5)
  
  66.7% of the top 3 have contact channel email, against 32.4% of the other 37 (lift 2.1)
  
  Top customers
  rank  id  number   name             revenue  margin  profit  orders  last_order  order_channel  country  category
     1  26  K000026  Astrid S\xc3\xb8rensen   794.37  337.08  232.58      29  2025-06-25  retail         NO       kj\xc3\xb8kken (esc)
     2   8  K000008  Ragnhild Fjeld    555.51  247.52  233.52      13  2026-05-24  web            NO       leker
     3  25  K000025  Sigrid Hansen     507.26  204.42  184.42      17  2026-09-23  web            NO       belysning
  
  What the top customers have in common
  attribute        value       top  top_pct  rest  rest_pct  lift
  orders           10 or more    3    100.0     1       2.7  37.00
  country          NO            3    100.0    15      40.5   2.47
  contact channel  email         2     66.7    12      32.4   2.06
  order channel    web           2     66.7    16      43.2   1.54
  kind             person        3    100.0    33      89.2   1.12
  
  Top customers against the rest
  property               share of customers
                         \xe2\x96\x88 top 3  \xe2\x96\x93 the rest (esc)
  orders 10 or more      \xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88 100.0% (esc)
                         \xe2\x96\x93 2.7% (esc)
  country NO             \xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88 100.0% (esc)
                         \xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93 40.5% (esc)
  contact channel email  \xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x8d 66.7% (esc)
                         \xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93 32.4% (esc)
  order channel web      \xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x8d 66.7% (esc)
                         \xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93 43.2% (esc)
  kind person            \xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88 100.0% (esc)
                         \xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93\xe2\x96\x93 89.2% (esc)
  top 3 of 40 customers by revenue
  $ kunde report top -n 3 --by margin -f csv
  rank,id,number,name,revenue,margin,profit,orders,last_order,order_channel,country,category
  1,26,K000026,Astrid S\xc3\xb8rensen,794.37,337.08,232.58,29,2025-06-25,retail,NO,kj\xc3\xb8kken (esc)
  2,8,K000008,Ragnhild Fjeld,555.51,247.52,233.52,13,2026-05-24,web,NO,leker
  3,25,K000025,Sigrid Hansen,507.26,204.42,184.42,17,2026-09-23,web,NO,belysning
  top 3 of 40 customers by margin
  $ kunde report top -n 3 -f ndjson
  {"rank":1,"id":8,"number":"K000008","name":"Ragnhild Fjeld","revenue":555.51,"margin":247.52,"profit":233.52,"orders":13,"last_order":"2026-05-24","order_channel":"web","country":"NO","category":"leker"}
  {"rank":2,"id":26,"number":"K000026","name":"Astrid S\xc3\xb8rensen","revenue":794.37,"margin":337.08,"profit":232.58,"orders":29,"last_order":"2025-06-25","order_channel":"retail","country":"NO","category":"kj\xc3\xb8kken"} (esc)
  {"rank":3,"id":25,"number":"K000025","name":"Sigrid Hansen","revenue":507.26,"margin":204.42,"profit":184.42,"orders":17,"last_order":"2026-09-23","order_channel":"web","country":"NO","category":"belysning"}
  top 3 of 40 customers by profit

  $ kunde report summary
  Summary  as of 2026-11-23
  customers    40 on file, 40 have ordered: 16 active, 24 churned
  at risk      1 active customer at risk, 149.58 a year at stake
  new          1 first ordered this month (1 the one before)
  this period  2026-10-24 to 2026-11-23
  to date      revenue 4671.58, margin 1984.98 in 161 orders
  
  This month against the one before
  figure              this_period  previous_period  change_pct
  revenue                   44.55           168.79       -73.6
  margin                    22.24            74.18       -70.0
  orders                        2                3       -33.3
  average order             22.28            56.26       -60.4
  customers ordering            2                2         0.0
  new customers                 1                1         0.0
  40 customers, 16 active, 1 at risk, 24 churned
  $ kunde report summary --as-of 2025-06-30 --period quarter -f json | field as_of revenue orders
  26 customers, 21 active, 0 at risk, 5 churned
  2025-06-30 2596.52 90
  $ kunde report summary -f md
  # Summary
  
  *as of 2026-11-23*
  
  - **customers:** 40 on file, 40 have ordered: 16 active, 24 churned
  - **at risk:** 1 active customer at risk, 149.58 a year at stake
  - **new:** 1 first ordered this month (1 the one before)
  - **this period:** 2026-10-24 to 2026-11-23
  - **to date:** revenue 4671.58, margin 1984.98 in 161 orders
  
  ## This month against the one before
  
  | figure | this\_period | previous\_period | change\_pct |
  | --- | ---: | ---: | ---: |
  | revenue | 44.55 | 168.79 | -73.6 |
  | margin | 22.24 | 74.18 | -70.0 |
  | orders | 2 | 3 | -33.3 |
  | average order | 22.28 | 56.26 | -60.4 |
  | customers ordering | 2 | 2 | 0.0 |
  | new customers | 1 | 1 | 0.0 |
  40 customers, 16 active, 1 at risk, 24 churned

Reports of a segment read its members only; next suggests to a segment's members.

  $ kunde -q segment create big --where 'revenue > 150'
  $ kunde segment list -q -f csv | cut -d, -f1-3
  name,kind,members
  big,dynamic,8
  $ kunde report value --segment big -f json | field customers
  8 customers, profit 970.97; 0 with a loss
  8
  $ kunde report summary --segment big -q | head -3
  Summary  as of 2026-11-23
  customers    8 on file, 8 have ordered: 4 active, 4 churned
  at risk      1 active customer at risk, 149.58 a year at stake
  $ kunde report next --segment big -n 1 -q -f csv | head -2
  id,number,name,rank,offer,because,confidence,lift,support,expected_next
  8,K000008,Ragnhild Fjeld,1,hage,"{kaffe, tekstil}",1.000,6.400,0.00625,2026-06-28
  $ kunde report value --segment nothing
  kunde: error: there is no segment 'nothing'
  hint: 'kunde segment list' shows the segments
  [2]
  $ kunde -q segment create usa --where 'country = USA'
  $ kunde report value --segment usa
  kunde: error: nothing to report: segment usa had no members when it was last refreshed at 2026-11-23 10:00:00 (rule: country = US)
  hint: 'kunde segment refresh usa' recomputes it; 'kunde customer list --where RULE' tries a rule
  [1]
  $ kunde report changes --segment usa --window 30d; echo "exit $?"
  exit 0
  $ kunde report all --segment usa -f md -q
  kunde: error: nothing to report: segment usa had no members when it was last refreshed at 2026-11-23 10:00:00 (rule: country = US)
  hint: 'kunde segment refresh usa' recomputes it; 'kunde customer list --where RULE' tries a rule
  [1]
  $ kunde -q segment create picked
  $ kunde report churn --segment picked
  kunde: error: nothing to report: segment picked has no members
  hint: add some with 'kunde segment add picked CUSTOMER ...'
  [1]
  $ kunde -q segment drop usa
  $ kunde -q segment drop picked
  $ kunde report next
  kunde: error: report next needs --customer, --segment or --all
  hint: name the customers: --customer K-1, --segment at-risk, or --all for everyone who ordered
  [2]
