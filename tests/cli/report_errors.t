Bad input to the reports ends with an error, a hint and a non-zero exit status.

  $ export KUNDE_DB=$PWD/k.db
  $ kunde -q init

An empty database: nothing to fit, and nothing to rank.

  $ kunde report clv
  kunde: error: too few customers to fit BG/NBD: 0 customers, 0 repeat buyers, 0 repeat purchases, calibration ending 2026-11-23 (it needs at least 10)
  hint: the model describes a customer base: give it more customers with purchases before the calibration end
  [1]
  $ kunde report value
  kunde: error: nothing to report: no orders or contacts up to 2026-11-23
  hint: import orders (kunde order import) or contacts, or give another --as-of or --since
  [1]
  $ kunde report summary
  kunde: error: nothing to report: no orders up to 2026-11-23
  hint: import orders (kunde order import), or give a later --as-of
  [1]
  $ kunde report rfm
  kunde: error: nothing to report: no orders up to 2026-11-23
  hint: import orders (kunde order import), or give a later --as-of
  [1]

  $ kunde -q customer add --number K-1 --name Anna > /dev/null
  $ printf 'order,customer,ordered_at,amount\nO-1,K-1,2026-01-10,100\nO-2,K-1,2026-02-10,50\n' > orders.csv
  $ kunde -q order import orders.csv

  $ kunde report top --by age
  kunde: error: --by: age not in {profit,revenue,margin,clv}
  hint: see 'kunde --help' or the command's --help
  [2]
  $ kunde report value --as-of 2026-13-01
  kunde: error: --as-of: '2026-13-01' is not a date
  hint: write YYYY-MM-DD, an ISO time, today, or a relative date such as -30d or +2w
  [2]
  $ kunde report cohort --since yesterday-ish
  kunde: error: --since: 'yesterday-ish' is not a date
  hint: write YYYY-MM-DD, an ISO time, today, or a relative date such as -30d or +2w
  [2]
  $ kunde report value --since 2026-03-01 --as-of 2026-02-01
  kunde: error: --since 2026-03-01 is after the as-of day 2026-02-01
  hint: give a --since on or before --as-of
  [2]
  $ kunde report clv
  kunde: error: too few customers to fit BG/NBD: 1 customer, 1 repeat buyer, 1 repeat purchase, mean T 45.3 weeks, mean recency of repeat buyers 4.4 weeks, calibration ending 2026-11-23 (it needs at least 10)
  hint: the model describes a customer base: give it more customers with purchases before the calibration end
  [1]
  $ kunde report clv --calibration-end 2026-03-01 --as-of 2026-02-01
  kunde: error: the calibration end 2026-03-01 is after the as-of day 2026-02-01
  hint: give a calibration end on or before --as-of
  [2]
  $ kunde report clv --horizon soon
  kunde: error: 'soon' is not a horizon
  hint: give a number of periods, or a length such as 52w, 12m, 1y or 90d
  [2]
  $ kunde report summary --period fortnight
  kunde: error: --period: fortnight not in {day,week,month,quarter,year}
  hint: see 'kunde --help' or the command's --help
  [2]
  $ kunde report nonsense
  kunde: error: unknown command 'nonsense'
  hint: see 'kunde report --help'
  [2]
