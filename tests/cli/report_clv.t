report clv and report churn on a generated customer base: the fitted parameters, the
per-customer values, the holdout, the stored scores, and the same as of an earlier day.

  $ kunde-gen -q --customers 1000 --seed 5 --products 20 --contacts-per-customer 1 --out data
  $ export KUNDE_DB=$PWD/k.db
  $ kunde -q init
  $ kunde -q customer import data/customers.csv
  $ kunde -q product import data/products.csv
  $ kunde -q order import data/orders.csv
  $ kunde -q contact import data/contacts.csv

  $ kunde report clv -n 5
  Customer lifetime value  as of 2026-11-23
  model          BG/NBD: r 0.2348, alpha 3.611, a 1.101, b 3.492  (log-likelihood -7020.9)
  spend          Gamma-Gamma: p 6.307, q 3.965, gamma 14.49  (483 repeat buyers)
  data           995 customers, 483 repeat buyers, 1874 repeat purchases, mean T 77.9 weeks, mean recency of repeat buyers 39.2 weeks, calibration ending 2026-11-23
  period         week
  horizon        52 weeks
  discount rate  10.0% a year
  margin         41.0% of revenue (lines with a known cost)
  order value    30.82 expected of a new customer's order
  total CLV      7197.42 over 995 customers (606 purchases expected)
  stored         the scores are stored for customer show, lists and segments
  BG/NBD keeps a customer who bought once alive (P(alive) 1) however long ago that was: 512 one-time buyers here; --model mbgnbd lets them drop out
  53 customer-days with more returned than bought are not counted as purchases
  
  Fitted parameters
  model        parameter  value     unit
  BG/NBD       r          0.234802
  BG/NBD       alpha       3.61076  weeks
  BG/NBD       a           1.10146
  BG/NBD       b             3.492
  Gamma-Gamma  p           6.30687
  Gamma-Gamma  q           3.96512
  Gamma-Gamma  gamma       14.4918  currency
  
  CLV distribution
  CLV            customers
  0.00\xe2\x80\x9310.00     \xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88 839 (esc)
  10.00\xe2\x80\x9320.00    \xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x8d 89 (esc)
  20.00\xe2\x80\x9330.00    \xe2\x96\x88\xe2\x96\x8e 18 (esc)
  30.00\xe2\x80\x9340.00    \xe2\x96\x88\xe2\x96\x8e 18 (esc)
  40.00\xe2\x80\x9350.00    \xe2\x96\x89 12 (esc)
  50.00\xe2\x80\x9360.00    \xe2\x96\x8e 4 (esc)
  60.00\xe2\x80\x9370.00    \xe2\x96\x8f 1 (esc)
  70.00\xe2\x80\x9380.00    \xe2\x96\x8f 1 (esc)
  80.00\xe2\x80\x9390.00    \xe2\x96\x8f 1 (esc)
  90.00\xe2\x80\x93100.00   \xe2\x96\x8e 4 (esc)
  100.00\xe2\x80\x93110.00  \xe2\x96\x8f 2 (esc)
  110.00\xe2\x80\x93120.00  \xe2\x96\x8f 1 (esc)
  120.00\xe2\x80\x93130.00  \xe2\x96\x8f 1 (esc)
  130.00\xe2\x80\x93140.00   0 (esc)
  140.00\xe2\x80\x93150.00  \xe2\x96\x8f 1 (esc)
  150.00\xe2\x80\x93160.00   0 (esc)
  160.00\xe2\x80\x93170.00   0 (esc)
  170.00\xe2\x80\x93180.00  \xe2\x96\x8f 1 (esc)
  180.00\xe2\x80\x93190.00  \xe2\x96\x8f 1 (esc)
  190.00\xe2\x80\x93200.00   0 (esc)
  200.00\xe2\x80\x93210.00   0 (esc)
  210.00\xe2\x80\x93220.00   0 (esc)
  220.00\xe2\x80\x93230.00  \xe2\x96\x8f 1 (esc)
  
  Customers by CLV
  id   number   name             frequency  recency  T       revenue  p_alive  expected_purchases  expected_order_value  clv
  288  K000288  Guro Hansen             26    34.00   37.71  1028.45   0.6862             14.6387                 38.44  221.10
  517  K000517  H\xc3\xa5kon Berg               8    19.57   23.57   654.51   0.7197              6.8101                 70.10  187.76 (esc)
   69  K000069  Erik S\xc3\xb6derstr\xc3\xb6m        104   118.57  123.00  1833.75   0.7027             24.8989                 17.50  170.59 (esc)
  785  K000785  B\xc3\xa5rd L\xc3\xb8v\xc3\xa5s              39    81.57   84.86   940.54   0.8951             16.1355                 23.21  146.74 (esc)
   38  K000038  \xc3\x96rjan \xc3\x85berg             13    34.00   40.57   733.37   0.6254              6.6257                 48.71  126.72 (esc)
  BG/NBD: 995 customers, CLV 7197.42; scores stored
  $ kunde report clv -n 3 -f csv
  id,number,name,frequency,recency,T,revenue,p_alive,expected_purchases,expected_order_value,clv
  288,K000288,Guro Hansen,26,34.00,37.71,1028.45,0.6862,14.6387,38.44,221.10
  517,K000517,H\xc3\xa5kon Berg,8,19.57,23.57,654.51,0.7197,6.8101,70.10,187.76 (esc)
  69,K000069,Erik S\xc3\xb6derstr\xc3\xb6m,104,118.57,123.00,1833.75,0.7027,24.8989,17.50,170.59 (esc)
  BG/NBD: 995 customers, CLV 7197.42; scores stored
  $ kunde report clv -n 2 -f ndjson
  {"id":288,"number":"K000288","name":"Guro Hansen","frequency":26,"recency":34.00,"T":37.71,"revenue":1028.45,"p_alive":0.6862,"expected_purchases":14.6387,"expected_order_value":38.44,"clv":221.10}
  {"id":517,"number":"K000517","name":"H\xc3\xa5kon Berg","frequency":8,"recency":19.57,"T":23.57,"revenue":654.51,"p_alive":0.7197,"expected_purchases":6.8101,"expected_order_value":70.10,"clv":187.76} (esc)
  BG/NBD: 995 customers, CLV 7197.42; scores stored
  $ kunde report clv --model mbgnbd --horizon 26w -n 3 -f md | awk '/^## CLV distribution/ { skip = 1 } /^## Customers/ { skip = 0 } !skip'
  MBG/NBD: 995 customers, CLV 4055.77; scores stored
  # Customer lifetime value
  
  *as of 2026-11-23*
  
  - **model:** MBG/NBD: r 0.4088, alpha 4.768, a 1.338, b 3.68  (log-likelihood -7025.1)
  - **spend:** Gamma-Gamma: p 6.307, q 3.965, gamma 14.49  (483 repeat buyers)
  - **data:** 995 customers, 483 repeat buyers, 1874 repeat purchases, mean T 77.9 weeks, mean recency of repeat buyers 39.2 weeks, calibration ending 2026-11-23
  - **period:** week
  - **horizon:** 26 weeks
  - **discount rate:** 10.0% a year
  - **margin:** 41.0% of revenue (lines with a known cost)
  - **order value:** 30.82 expected of a new customer's order
  - **total CLV:** 4055.77 over 995 customers (333 purchases expected)
  - **stored:** the scores are stored for customer show, lists and segments
  
  *53 customer-days with more returned than bought are not counted as purchases*
  
  ## Fitted parameters
  
  | model | parameter | value | unit |
  | --- | --- | ---: | --- |
  | MBG/NBD | r | 0.408849 |  |
  | MBG/NBD | alpha | 4.76774 | weeks |
  | MBG/NBD | a | 1.33788 |  |
  | MBG/NBD | b | 3.68025 |  |
  | Gamma-Gamma | p | 6.30687 |  |
  | Gamma-Gamma | q | 3.96512 |  |
  | Gamma-Gamma | gamma | 14.4918 | currency |
  
  ## Customers by CLV
  
  | id | number | name | frequency | recency | T | revenue | p\_alive | expected\_purchases | expected\_order\_value | clv |
  | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
  | 288 | K000288 | Guro Hansen | 26 | 34.00 | 37.71 | 1028.45 | 0.6644 | 8.0519 | 38.44 | 123.97 |
  | 517 | K000517 | H\xc3\xa5kon Berg | 8 | 19.57 | 23.57 | 654.51 | 0.7083 | 3.9417 | 70.10 | 110.71 | (esc)
  | 69 | K000069 | Erik S\xc3\xb6derstr\xc3\xb6m | 104 | 118.57 | 123.00 | 1833.75 | 0.6693 | 12.6080 | 17.50 | 88.26 | (esc)
  $ kunde report clv --as-of 2025-12-31 --no-save -n 3 -f csv
  id,number,name,frequency,recency,T,revenue,p_alive,expected_purchases,expected_order_value,clv
  69,K000069,Erik S\xc3\xb6derstr\xc3\xb6m,62,74.00,76.29,1090.98,0.9097,28.2433,17.36,190.27 (esc)
  989,K000989,\xc3\x85kesson & S\xc3\xb6ner AB,4,8.43,13.29,552.55,0.5962,4.2638,110.80,184.14 (esc)
  838,K000838,Ida B\xc3\xa6k,25,70.14,70.29,872.07,0.9612,13.0540,33.53,169.85 (esc)
  BG/NBD: 707 customers, CLV 6151.54

Over a short horizon few purchases are expected: the total keeps two digits rather than
rounding to a whole purchase.

  $ kunde report clv --horizon 0.1 --no-save -n 1 | grep 'total CLV'
  BG/NBD: 995 customers, CLV 19.04
  total CLV      19.04 over 995 customers (1.5 purchases expected)

The holdout: the model fitted up to the end of April, its forecast against the orders after.

  $ kunde report clv --calibration-end 2026-04-30 -n 3 > holdout.txt
  BG/NBD: 821 customers, CLV 7027.57
  $ sed -n '1,/^$/p' holdout.txt
  Customer lifetime value  calibration to 2026-04-30, holdout to 2026-10-31
  model          BG/NBD: r 0.2349, alpha 3.527, a 1.165, b 4.05  (log-likelihood -5110.8)
  spend          Gamma-Gamma: p 7.39, q 3.989, gamma 12.15  (373 repeat buyers)
  data           821 customers, 373 repeat buyers, 1378 repeat purchases, mean T 61.4 weeks, mean recency of repeat buyers 33.3 weeks, calibration ending 2026-04-30
  period         week
  horizon        52 weeks
  discount rate  10.0% a year
  margin         40.9% of revenue (lines with a known cost)
  order value    30.04 expected of a new customer's order
  total CLV      7027.57 over 821 customers (611 purchases expected)
  stored         not stored: a holdout run scores the calibration period
  BG/NBD keeps a customer who bought once alive (P(alive) 1) however long ago that was: 448 one-time buyers here; --model mbgnbd lets them drop out
  53 customer-days with more returned than bought are not counted as purchases
  174 customers first bought after the calibration end and are not scored
  
  $ grep -A 3 '^Holdout' holdout.txt
  Holdout 2026-05-01 to 2026-10-31 (26.3 weeks)
  \xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80 (esc)
  repeat purchases  390 actual, 353.2 predicted (-9.4%)
  per customer      mean absolute error 0.4688, RMSE 1.0183
  $ grep -A 10 '^Mean repeat purchases' holdout.txt
  Mean repeat purchases in the holdout by calibration frequency
  frequency  customers  actual  predicted
  0                448   0.170      0.187
  1                146   0.295      0.293
  2                 76   0.697      0.461
  3                 46   0.652      0.607
  4                 29   0.931      0.838
  5                 17   1.471      1.288
  6                 12   1.000      0.983
  7+                47   2.638      2.250
  

  $ kunde report churn -n 5
  Churn  as of 2026-11-23
  customers  995 with orders: 504 active, 491 churned (49.3%)
  at risk    102 (89 by P(alive), 58 by their interval), 6365.69 a year at stake
  rules      churned after 365 days without an order; at risk when P(alive) < 0.5 or, with 3 or more purchase days, 3 x the median interval has passed
  model      P(alive) from BG/NBD fitted in weeks
  stored     each customer's churn risk is stored for lists and segments
  
  Churned against retained customers
  dimension       value             churned  churned_pct  retained  retained_pct  churn_rate_pct  lift
  reason          none recorded         179         36.5       199          39.5            47.4  0.92
  reason          resolved              108         22.0        94          18.7            53.5  1.18
  reason          offer sent             26          5.3        20           4.0            56.5  1.33
  reason          order placed           15          3.1        26           5.2            36.6  0.59
  reason          satisfied              17          3.5        22           4.4            43.6  0.79
  reason          sent                   19          3.9        20           4.0            48.7  0.98
  reason          no answer              16          3.3        22           4.4            42.1  0.75
  reason          promised to pay        22          4.5        16           3.2            57.9  1.41
  reason          accepted               20          4.1        17           3.4            54.1  1.21
  reason          offer promised         14          2.9        18           3.6            43.8  0.80
  reason          (other)                55         11.2        50           9.9            52.4  1.13
  last complaint  none                  431         87.8       464          92.1            48.2  0.95
  last complaint  price                  13          2.6        10           2.0            56.5  1.33
  last complaint  competitor             15          3.1         5           1.0            75.0  3.08
  last complaint  moved                  11          2.2         6           1.2            64.7  1.88
  last complaint  quality                10          2.0         7           1.4            58.8  1.47
  last complaint  service                 6          1.2         8           1.6            42.9  0.77
  last complaint  delivery                5          1.0         4           0.8            55.6  1.28
  channel         web                   197         40.1       189          37.5            51.0  1.07
  channel         retail                161         32.8       178          35.3            47.5  0.93
  channel         phone                 105         21.4       107          21.2            49.5  1.01
  channel         wholesale              28          5.7        30           6.0            48.3  0.96
  category        tekstil                88         17.9        76          15.1            53.7  1.19
  category        elektronikk            71         14.5        47           9.3            60.2  1.55
  category        verkt\xc3\xb8y                60         12.2        58          11.5            50.8  1.06 (esc)
  category        kj\xc3\xb8kken                41          8.4        67          13.3            38.0  0.63 (esc)
  category        sport                  42          8.6        48           9.5            46.7  0.90
  category        pleie                  38          7.7        39           7.7            49.4  1.00
  category        belysning              29          5.9        34           6.7            46.0  0.88
  category        kaffe                  28          5.7        32           6.3            46.7  0.90
  category        leker                  31          6.3        23           4.6            57.4  1.38
  category        hage                   17          3.5        34           6.7            33.3  0.51
  category        (other)                46          9.4        46           9.1            50.0  1.03
  tenure          one purchase day      298         60.7       206          40.9            59.1  1.48
  tenure          3 to 12 months         80         16.3       103          20.4            43.7  0.80
  tenure          under 3 months         89         18.1        68          13.5            56.7  1.34
  tenure          1 to 2 years           24          4.9        85          16.9            22.0  0.29
  tenure          2 years or more         0          0.0        42           8.3             0.0  0.00
  
  Churn and retention by month
  month    first       last        active_at_start  new  returned  churned  churn_rate_pct  retention_pct
  2025-12  2025-12-01  2025-12-31              461   30         2       26             5.6           94.4
  2026-01  2026-01-01  2026-01-31              467   27         4       29             6.2           93.8
  2026-02  2026-02-01  2026-02-28              469   28         3       24             5.1           94.9
  2026-03  2026-03-01  2026-03-31              476   30         4       27             5.7           94.3
  2026-04  2026-04-01  2026-04-30              483   29         1       28             5.8           94.2
  2026-05  2026-05-01  2026-05-31              485   25         5       32             6.6           93.4
  2026-06  2026-06-01  2026-06-30              483   32         5       26             5.4           94.6
  2026-07  2026-07-01  2026-07-31              494   35         7       27             5.5           94.5
  2026-08  2026-08-01  2026-08-31              509   24         3       26             5.1           94.9
  2026-09  2026-09-01  2026-09-30              510   29         2       23             4.5           95.5
  2026-10  2026-10-01  2026-10-31              518   29         3       27             5.2           94.8
  2026-11  2026-11-01  2026-11-23              523    0         0       19             3.6           96.4
  
  Churn rate by month
  churn rate  \xe2\x96\x86\xe2\x96\x87\xe2\x96\x85\xe2\x96\x86\xe2\x96\x86\xe2\x96\x88\xe2\x96\x85\xe2\x96\x85\xe2\x96\x84\xe2\x96\x83\xe2\x96\x85\xe2\x96\x81  min 3.6%  max 6.6% (esc)
  month    churn rate
  2025-12        5.6%
  2026-01        6.2%
  2026-02        5.1%
  2026-03        5.7%
  2026-04        5.8%
  2026-05        6.6%
  2026-06        5.4%
  2026-07        5.5%
  2026-08        5.1%
  2026-09        4.5%
  2026-10        5.2%
  2026-11        3.6%
  
  Customers at risk by value at stake
  id   number   name                orders  first_order  last_order  days_since  median_interval_days  p_alive  revenue  margin  value_at_stake  reason
  512  K000512  Mari Hansen              4  2025-11-17   2026-06-16         160                  55.0   0.4835   859.18  435.07          426.88  P(alive) 0.48 below 0.5
  288  K000288  Guro Hansen             29  2026-03-04   2026-10-28          26                   8.0   0.6862  1012.34  388.27          388.27  26 days since the last order, over 3 x the median interval of 8 days
   69  K000069  Erik S\xc3\xb6derstr\xc3\xb6m        108  2024-07-15   2026-10-23          31                   6.0   0.7027  1833.75  833.69          353.01  31 days since the last order, over 3 x the median interval of 6 days (esc)
   38  K000038  \xc3\x96rjan \xc3\x85berg             16  2026-02-12   2026-10-08          46                  12.0   0.6254   733.37  324.48          324.48  46 days since the last order, over 3 x the median interval of 12 days (esc)
  989  K000989  \xc3\x85kesson & S\xc3\xb6ner AB       5  2025-09-29   2025-11-27         361                  12.5   0.0051   552.55  239.60          207.73  P(alive) 0.01 below 0.5; 361 days since the last order, over 3 x the median interval of 12.5 days (esc)
  102 customers at risk, 491 churned of 995
  $ kunde report churn -n 3 --months 3 -f csv
  id,number,name,orders,first_order,last_order,days_since,median_interval_days,p_alive,revenue,margin,value_at_stake,reason
  512,K000512,Mari Hansen,4,2025-11-17,2026-06-16,160,55.0,0.4835,859.18,435.07,426.88,P(alive) 0.48 below 0.5
  288,K000288,Guro Hansen,29,2026-03-04,2026-10-28,26,8.0,0.6862,1012.34,388.27,388.27,"26 days since the last order, over 3 x the median interval of 8 days"
  69,K000069,Erik S\xc3\xb6derstr\xc3\xb6m,108,2024-07-15,2026-10-23,31,6.0,0.7027,1833.75,833.69,353.01,"31 days since the last order, over 3 x the median interval of 6 days" (esc)
  102 customers at risk, 491 churned of 995
  $ kunde report churn --as-of 2025-12-31 --months 2 -n 2 --no-save -f md
  # Churn
  
  *as of 2025-12-31*
  
  - **customers:** 707 with orders: 467 active, 240 churned (33.9%)
  - **at risk:** 93 (88 by P(alive), 59 by their interval), 4551.84 a year at stake
  - **rules:** churned after 365 days without an order; at risk when P(alive) \< 0.5 or, with 3 or more purchase days, 3 x the median interval has passed
  - **model:** P(alive) from BG/NBD fitted in weeks
  - **stored:** not stored (--no-save)
  
  ## Churned against retained customers
  
  | dimension | value | churned | churned\_pct | retained | retained\_pct | churn\_rate\_pct | lift |
  | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |
  | reason | none recorded | 115 | 47.9 | 271 | 58.0 | 29.8 | 0.83 |
  | reason | resolved | 43 | 17.9 | 59 | 12.6 | 42.2 | 1.42 |
  | reason | offer sent | 10 | 4.2 | 14 | 3.0 | 41.7 | 1.39 |
  | reason | satisfied | 9 | 3.8 | 15 | 3.2 | 37.5 | 1.17 |
  | reason | promised to pay | 7 | 2.9 | 16 | 3.4 | 30.4 | 0.85 |
  | reason | accepted | 11 | 4.6 | 9 | 1.9 | 55.0 | 2.38 |
  | reason | offer promised | 9 | 3.8 | 10 | 2.1 | 47.4 | 1.75 |
  | reason | no answer | 7 | 2.9 | 11 | 2.4 | 38.9 | 1.24 |
  | reason | sent | 2 | 0.8 | 16 | 3.4 | 11.1 | 0.24 |
  | reason | order placed | 6 | 2.5 | 10 | 2.1 | 37.5 | 1.17 |
  | reason | (other) | 21 | 8.8 | 36 | 7.7 | 36.8 | 1.14 |
  | last complaint | none | 217 | 90.4 | 427 | 91.4 | 33.7 | 0.99 |
  | last complaint | competitor | 6 | 2.5 | 9 | 1.9 | 40.0 | 1.30 |
  | last complaint | price | 5 | 2.1 | 8 | 1.7 | 38.5 | 1.22 |
  | last complaint | moved | 4 | 1.7 | 7 | 1.5 | 36.4 | 1.11 |
  | last complaint | quality | 6 | 2.5 | 4 | 0.9 | 60.0 | 2.92 |
  | last complaint | service | 2 | 0.8 | 6 | 1.3 | 25.0 | 0.65 |
  | last complaint | delivery | 0 | 0.0 | 6 | 1.3 | 0.0 | 0.00 |
  | channel | web | 110 | 45.8 | 163 | 34.9 | 40.3 | 1.31 |
  | channel | retail | 76 | 31.7 | 162 | 34.7 | 31.9 | 0.91 |
  | channel | phone | 44 | 18.3 | 108 | 23.1 | 28.9 | 0.79 |
  | channel | wholesale | 10 | 4.2 | 34 | 7.3 | 22.7 | 0.57 |
  | category | tekstil | 36 | 15.0 | 90 | 19.3 | 28.6 | 0.78 |
  | category | elektronikk | 34 | 14.2 | 54 | 11.6 | 38.6 | 1.23 |
  | category | verkt\xc3\xb8y | 32 | 13.3 | 53 | 11.3 | 37.6 | 1.17 | (esc)
  | category | kj\xc3\xb8kken | 17 | 7.1 | 48 | 10.3 | 26.2 | 0.69 | (esc)
  | category | pleie | 20 | 8.3 | 44 | 9.4 | 31.3 | 0.88 |
  | category | sport | 21 | 8.8 | 39 | 8.4 | 35.0 | 1.05 |
  | category | belysning | 10 | 4.2 | 35 | 7.5 | 22.2 | 0.56 |
  | category | kaffe | 18 | 7.5 | 22 | 4.7 | 45.0 | 1.59 |
  | category | leker | 21 | 8.8 | 19 | 4.1 | 52.5 | 2.15 |
  | category | b\xc3\xb8ker | 12 | 5.0 | 22 | 4.7 | 35.3 | 1.06 | (esc)
  | category | (other) | 19 | 7.9 | 41 | 8.8 | 31.7 | 0.90 |
  | tenure | one purchase day | 163 | 67.9 | 217 | 46.5 | 42.9 | 1.46 |
  | tenure | 3 to 12 months | 34 | 14.2 | 105 | 22.5 | 24.5 | 0.63 |
  | tenure | under 3 months | 43 | 17.9 | 73 | 15.6 | 37.1 | 1.15 |
  | tenure | 1 to 2 years | 0 | 0.0 | 72 | 15.4 | 0.0 | 0.00 |
  
  ## Churn and retention by month
  
  | month | first | last | active\_at\_start | new | returned | churned | churn\_rate\_pct | retention\_pct |
  | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |
  | 2025-11 | 2025-11-01 | 2025-11-30 | 464 | 31 | 2 | 36 | 7.8 | 92.2 |
  | 2025-12 | 2025-12-01 | 2025-12-31 | 461 | 30 | 2 | 26 | 5.6 | 94.4 |
  
  ## Churn rate by month
  
  | month | churn rate |
  | --- | ---: |
  | 2025-11 | 7.8% |
  | 2025-12 | 5.6% |
  
  ## Customers at risk by value at stake
  
  | id | number | name | orders | first\_order | last\_order | days\_since | median\_interval\_days | p\_alive | revenue | margin | value\_at\_stake | reason |
  | ---: | --- | --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |
  | 678 | K000678 | Mette Pedersen | 21 | 2024-04-28 | 2025-03-07 | 299 | 15.0 | 0.0001 | 1492.50 | 617.23 | 367.52 | P(alive) 0.00 below 0.5; 299 days since the last order, over 3 x the median interval of 15 days |
  | 338 | K000338 | Erik Ekstr\xc3\xb6m | 29 | 2024-11-04 | 2025-11-10 | 51 | 12.0 | 0.5319 | 716.01 | 267.76 | 231.05 | 51 days since the last order, over 3 x the median interval of 12 days | (esc)
  93 customers at risk, 240 churned of 707

Month by month, those active at the start of a month are those of the month before, plus its
new and returned customers, less its churned:

  $ kunde -q report churn --no-save -f json | python3 -c 'import json, sys
  > m = json.load(sys.stdin)["months"]
  > print(all(b["active_at_start"] == a["active_at_start"] + a["new"] + a["returned"] - a["churned"] for a, b in zip(m, m[1:])), len(m))'
  True 12

The scores are stored with the customers.

  $ kunde -q report rfm -f csv > /dev/null
  $ kunde customer show K000288 | grep -E '^(value|RFM|at risk)'
  value     CLV 123.97, P(alive) 0.66  (mbgnbd as of 2026-11-23)
  RFM       Champions (555)
  at risk   26 days since the last order, over 3 x the median interval of 8 days

The generator draws the customers from BG/NBD r=0.25, alpha=4, a=0.8, b=2.5 and Gamma-Gamma
p=6, q=4, gamma=15: the fit as of its last day recovers them within the sampling error of
1000 customers.

  $ kunde report clv --as-of 2026-10-31 --no-save -f json > fit.json
  BG/NBD: 995 customers, CLV 9007.54
  $ python3 -c 'import json
  > truth = {"r": 0.25, "alpha": 4, "a": 0.8, "b": 2.5, "p": 6, "q": 4, "gamma": 15}
  > for row in json.load(open("fit.json"))["parameters"]:
  >     t = truth[row["parameter"]]
  >     print(row["model"], row["parameter"], "ok" if abs(float(row["value"]) / t - 1) < 0.35 else row["value"])'
  BG/NBD r ok
  BG/NBD alpha ok
  BG/NBD a ok
  BG/NBD b ok
  Gamma-Gamma p ok
  Gamma-Gamma q ok
  Gamma-Gamma gamma ok
  $ python3 -c 'import json; j = json.load(open("fit.json")); print(j["fit_evaluations"] > 0, 0 < j["fit_seconds"] < 30)'
  True True
