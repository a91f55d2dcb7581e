Segments: dynamic ones by a rule, refreshed with who entered and who left; static ones by
hand; pipelines into other commands; and mistakes pointed out.

  $ cp "$KUNDE_TEST_DATA"/* . && export KUNDE_DB=$PWD/k.db
  $ kunde -q init
  $ kunde -q customer import customers.csv
  $ kunde -q customer import customers-orders.csv
  $ kunde -q product import products.csv
  $ kunde -q order import orders.csv
  $ kunde customer list -q -f csv
  id,number,name,kind,email,phone,city,country,tags
  1,K-001,Bj\xc3\xb8rn \xc3\x85berg,person,Bjorn.Aberg@Example.no,+47 912 34 567,Oslo,NO,b2c;vip (esc)
  2,K-002,\xc3\x85se \xc3\x98deg\xc3\xa5rd,person,ase@example.no,22334455,Bergen,NO,b2c (esc)
  3,K-003,G\xc3\xb6teborg R\xc3\xb6r AB,company,info@gbgror.se,+46 31 123 45 67,G\xc3\xb6teborg,SE,b2b (esc)
  4,K-004,N\xc3\xa6ss & S\xc3\xb8nn AS,company,post@naess.no,0047-55 66 77 88,Troms\xc3\xb8,NO,b2b;vip (esc)
  5,K-1,Kari Nordmann,person,,,,,
  6,K-2,Ola Hansen,person,,,,,
  $ kunde -q sql "SELECT c.number, s.orders, s.revenue, s.last_order_at FROM customers c LEFT JOIN customer_order_stats s ON s.customer_id = c.id" -f csv
  number,orders,revenue,last_order_at
  K-001,,,
  K-002,,,
  K-003,,,
  K-004,,,
  K-1,2,45000,2026-11-20
  K-2,1,10000,2026-10-15

A dynamic segment: its rule is stored normalised, its members computed at once.

  $ kunde segment create norway --where "COUNTRY = no   and not tag:b2b"
  created dynamic segment norway with 2 members
  $ kunde segment create buyers --where 'revenue > 0 and last_order_at >= -90d'
  created dynamic segment buyers with 2 members
  $ kunde segment create buyers-or-vip --where 'segment:buyers or tag:vip'
  created dynamic segment buyers-or-vip with 4 members
  $ kunde segment list
  name           kind     members  refreshed_at         created_at           rule
  buyers         dynamic        2  2026-11-23 10:00:00  2026-11-23 10:00:00  revenue > 0 and last_order_at >= -90d
  buyers-or-vip  dynamic        4  2026-11-23 10:00:00  2026-11-23 10:00:00  segment:buyers or tag:vip
  norway         dynamic        2  2026-11-23 10:00:00  2026-11-23 10:00:00  country = NO and not tag:b2b
  3 segments

A country is named by its code or by its name, as --country takes it.

  $ kunde customer list --where 'country in (Norway, Sverige)' -f csv -q
  id,number,name,kind,email,phone,city,country,tags
  1,K-001,Bj\xc3\xb8rn \xc3\x85berg,person,Bjorn.Aberg@Example.no,+47 912 34 567,Oslo,NO,b2c;vip (esc)
  2,K-002,\xc3\x85se \xc3\x98deg\xc3\xa5rd,person,ase@example.no,22334455,Bergen,NO,b2c (esc)
  3,K-003,G\xc3\xb6teborg R\xc3\xb6r AB,company,info@gbgror.se,+46 31 123 45 67,G\xc3\xb6teborg,SE,b2b (esc)
  4,K-004,N\xc3\xa6ss & S\xc3\xb8nn AS,company,post@naess.no,0047-55 66 77 88,Troms\xc3\xb8,NO,b2b;vip (esc)
  $ kunde customer list --where 'country = norge' -f csv -q
  id,number,name,kind,email,phone,city,country,tags
  1,K-001,Bj\xc3\xb8rn \xc3\x85berg,person,Bjorn.Aberg@Example.no,+47 912 34 567,Oslo,NO,b2c;vip (esc)
  2,K-002,\xc3\x85se \xc3\x98deg\xc3\xa5rd,person,ase@example.no,22334455,Bergen,NO,b2c (esc)
  4,K-004,N\xc3\xa6ss & S\xc3\xb8nn AS,company,post@naess.no,0047-55 66 77 88,Troms\xc3\xb8,NO,b2b;vip (esc)
  $ kunde segment show buyers
  name          buyers
  kind          dynamic
  rule          revenue > 0 and last_order_at >= -90d
  members       2
  created_at    2026-11-23 10:00:00
  refreshed_at  2026-11-23 10:00:00
  used_by       buyers-or-vip
  $ kunde segment members norway -f csv
  id,number,name,kind,contact_person,email,phone,street,postal_code,city,country,org_number,created_at,preferred_channel,credit_limit,payment_terms_days,wallet,tags,notes
  1,K-001,Bj\xc3\xb8rn \xc3\x85berg,person,,Bjorn.Aberg@Example.no,+47 912 34 567,Storgata 1,0155,Oslo,NO,,2024-03-01,phone,5000.00,30,12000.00,b2c;vip,Prefers calls after 16 (esc)
  2,K-002,\xc3\x85se \xc3\x98deg\xc3\xa5rd,person,,ase@example.no,22334455,Bryggen 2,5003,Bergen,NO,,2024-05-12,email,,14,,b2c, (esc)
  2 members of segment norway as of 2026-11-23 10:00:00
  $ kunde segment members buyers -f json
  [
    {"id":5,"number":"K-1","name":"Kari Nordmann","kind":"person","contact_person":null,"email":null,"phone":null,"street":null,"postal_code":null,"city":null,"country":null,"org_number":null,"created_at":null,"preferred_channel":null,"credit_limit":200.00,"payment_terms_days":14,"wallet":null,"tags":null,"notes":null},
    {"id":6,"number":"K-2","name":"Ola Hansen","kind":"person","contact_person":null,"email":null,"phone":null,"street":null,"postal_code":null,"city":null,"country":null,"org_number":null,"created_at":null,"preferred_channel":null,"credit_limit":null,"payment_terms_days":null,"wallet":null,"tags":null,"notes":null}
  ]
  2 members of segment buyers as of 2026-11-23 10:00:00
  $ kunde segment members buyers --sort -name -n 1 -q
  id  number  name        kind    contact_person  email  phone  street  postal_code  city  country  org_number  created_at  preferred_channel  credit_limit  payment_terms_days  wallet  tags  notes
   6  K-2     Ola Hansen  person

Time passes: a refresh records who left; refreshing again changes nothing.

  $ KUNDE_NOW="2027-01-20 09:00:00" kunde segment refresh
  segment        members  entered  left
  buyers               1        0     1
  buyers-or-vip        3        0     1
  norway               2        0     0
  refreshed 3 segments
  $ KUNDE_NOW="2027-01-21 09:00:00" kunde segment refresh buyers -f csv
  segment,members,entered,left
  buyers,1,0,0
  refreshed 1 segment
  $ kunde segment history buyers
  at                   change   customer_id  number  name           cause    refresh
  2026-11-23 10:00:00  entered            5  K-1     Kari Nordmann  create         2
  2026-11-23 10:00:00  entered            6  K-2     Ola Hansen     create         2
  2027-01-20 09:00:00  left               6  K-2     Ola Hansen     refresh        4
  2 entered, 1 left segment buyers
  $ kunde segment history buyers --since 2027-01-01 --left -f csv
  at,change,customer_id,number,name,cause,refresh
  2027-01-20 09:00:00,left,6,K-2,Ola Hansen,refresh,4
  0 entered, 1 left segment buyers since 2027-01-01
  $ kunde segment history buyers --entered -q -f csv | cut -d, -f2,4
  change,number
  entered,K-1
  entered,K-2

A new rule keeps the history:

  $ KUNDE_NOW="2027-01-22 09:00:00" kunde segment create buyers --replace --where 'orders >= 1'
  new rule for segment buyers: 2 members, 1 entered, 0 left
  $ kunde segment history buyers --since 2027-01-22 -f csv
  at,change,customer_id,number,name,cause,refresh
  2027-01-22 09:00:00,entered,6,K-2,Ola Hansen,rule,8
  1 entered, 0 left segment buyers since 2027-01-22

Static segments by hand, from files and from other segments.

  $ kunde segment create call-list
  created static segment call-list
  $ kunde segment add call-list K-001 ase@example.no
  2 customers added to segment call-list (2 members)
  $ kunde segment members buyers -f csv | kunde segment add call-list --from -
  2 members of segment buyers as of 2027-01-22 09:00:00
  2 customers added to segment call-list (4 members)
  $ printf 'number\nK-003\nK-999\n' | kunde segment add call-list --from -
  kunde: error: <stdin>:3: no customer 'K-999'
  1 customer added to segment call-list (5 members)
  [3]
  $ kunde segment remove call-list K-003
  1 customer removed from segment call-list (4 members)
  $ kunde segment add vip-buyers --segment buyers --create
  2 customers added to segment vip-buyers (2 members)
  $ kunde segment members call-list -q -f csv | cut -d, -f1-3
  id,number,name
  1,K-001,Bj\xc3\xb8rn \xc3\x85berg (esc)
  2,K-002,\xc3\x85se \xc3\x98deg\xc3\xa5rd (esc)
  5,K-1,Kari Nordmann
  6,K-2,Ola Hansen
  $ kunde segment history call-list -f csv
  at,change,customer_id,number,name,cause,refresh
  2026-11-23 10:00:00,entered,1,K-001,Bj\xc3\xb8rn \xc3\x85berg,add,9 (esc)
  2026-11-23 10:00:00,entered,2,K-002,\xc3\x85se \xc3\x98deg\xc3\xa5rd,add,9 (esc)
  2026-11-23 10:00:00,entered,5,K-1,Kari Nordmann,add,10
  2026-11-23 10:00:00,entered,6,K-2,Ola Hansen,add,10
  2026-11-23 10:00:00,entered,3,K-003,G\xc3\xb6teborg R\xc3\xb6r AB,add,11 (esc)
  2026-11-23 10:00:00,left,3,K-003,G\xc3\xb6teborg R\xc3\xb6r AB,remove,12 (esc)
  5 entered, 1 left segment call-list

Segments feed every command that acts on customers.

  $ kunde segment members call-list -f csv | kunde contact log --from - --channel email --direction out --subject "We miss you"
  4 members of segment call-list
  logged 4 contacts (email out)
  $ kunde contact log --segment norway --channel sms --direction out --subject Reminder
  logged 2 contacts (sms out)
  $ kunde customer tag --segment call-list winback
  4 tags added on 4 customers
  $ kunde customer untag --segment call-list --from customers.csv winback
  2 tags removed on 2 customers
  $ kunde customer list --segment norway -q -f csv
  id,number,name,kind,email,phone,city,country,tags
  1,K-001,Bj\xc3\xb8rn \xc3\x85berg,person,Bjorn.Aberg@Example.no,+47 912 34 567,Oslo,NO,b2c;vip (esc)
  2,K-002,\xc3\x85se \xc3\x98deg\xc3\xa5rd,person,ase@example.no,22334455,Bergen,NO,b2c (esc)
  $ kunde customer export --segment call-list -q -f csv | cut -d, -f1-3
  number,name,kind
  K-001,Bj\xc3\xb8rn \xc3\x85berg,person (esc)
  K-002,\xc3\x85se \xc3\x98deg\xc3\xa5rd,person (esc)
  K-1,Kari Nordmann,person
  K-2,Ola Hansen,person
  $ kunde customer list --where 'city ~ tromso or name ~ "rør"' -q -f csv
  id,number,name,kind,email,phone,city,country,tags
  3,K-003,G\xc3\xb6teborg R\xc3\xb6r AB,company,info@gbgror.se,+46 31 123 45 67,G\xc3\xb6teborg,SE,b2b (esc)
  4,K-004,N\xc3\xa6ss & S\xc3\xb8nn AS,company,post@naess.no,0047-55 66 77 88,Troms\xc3\xb8,NO,b2b;vip (esc)
  $ kunde customer list --where 'segment:call-list and not segment:norway' --tag winback -q -f csv
  id,number,name,kind,email,phone,city,country,tags
  5,K-1,Kari Nordmann,person,,,,,winback
  6,K-2,Ola Hansen,person,,,,,winback

Writes are history entries that undo reverts; refreshes are not.

  $ kunde history -f csv | cut -d, -f1,3,4
  id,command,summary
  1,-q customer import customers.csv,"4 inserted
  2,-q customer import customers-orders.csv,"2 inserted
  3,-q product import products.csv,"2 inserted
  4,-q order import orders.csv,"5 inserted
  5,segment create norway --where 'COUNTRY = no   and not tag:b2b',created dynamic segment norway with 2 members
  6,segment create buyers --where 'revenue > 0 and last_order_at >= -90d',created dynamic segment buyers with 2 members
  7,segment create buyers-or-vip --where 'segment:buyers or tag:vip',created dynamic segment buyers-or-vip with 4 members
  8,segment create buyers --replace --where 'orders >= 1',"new rule for segment buyers: 2 members
  9,segment create call-list,created static segment call-list
  10,segment add call-list K-001 ase@example.no,2 customers added to segment call-list (2 members)
  11,segment add call-list --from -,2 customers added to segment call-list (4 members)
  12,segment add call-list --from -,1 customer added to segment call-list (5 members)
  13,segment remove call-list K-003,1 customer removed from segment call-list (4 members)
  14,segment add vip-buyers --segment buyers --create,2 customers added to segment vip-buyers (2 members)
  15,contact log --from - --channel email --direction out --subject 'We miss you',logged 4 contacts (email out)
  16,contact log --segment norway --channel sms --direction out --subject Reminder,logged 2 contacts (sms out)
  17,customer tag --segment call-list winback,4 tags added on 4 customers
  18,customer untag --segment call-list --from customers.csv winback,2 tags removed on 2 customers
  $ kunde undo
  undid entry 18 (customer untag --segment call-list --from customers.csv winback) as entry 19
  $ kunde customer list --tag winback -q -f csv | cut -d, -f1-2
  id,number
  1,K-001
  2,K-002
  5,K-1
  6,K-2

Rules are values, never SQL.

  $ kunde segment create odd --where "name = ''' OR 1=1; DROP TABLE customers; --' or notes ~ '--'"
  created dynamic segment odd with 0 members
  $ kunde -q sql "SELECT count(*) FROM customers" -f csv
  count(*)
  6

Mistakes: a misspelt field or segment with the nearest name and a caret, a syntax error, an
unknown segment, a dynamic segment given members, a segment others use.

  $ kunde segment create at-risk --where 'p_alve < 0.5 and clv > 2000'
  kunde: error: rule:1:1: unknown field 'p_alve'
    p_alve < 0.5 and clv > 2000
    ^--- here
  hint: did you mean 'p_alive'?
  [2]
  $ kunde customer list --where "country = NO and
  >   revnue > 100"
  kunde: error: rule:2:3: unknown field 'revnue'
      revnue > 100
      ^--- here
  hint: did you mean 'revenue'?
  [2]
  $ kunde segment create x --where 'country in (NO SE)'
  kunde: error: rule:1:16: expected ',' or ')' in the list, found 'SE'
    country in (NO SE)
                   ^--- here
  hint: separate the values with commas, and put text with spaces in quotes: 'NO SE'
  [2]
  $ kunde segment create x --where 'segment:norwey'
  kunde: error: rule:1:1: unknown segment 'norwey'
    segment:norwey
    ^--- here
  hint: did you mean 'norway'?
  [2]
  $ kunde segment create x --where 'created_at > 30d'
  kunde: error: rule:1:14: '30d' is not a date
    created_at > 30d
                 ^--- here
  hint: write -30d for 30d ago, +30d for 30d from today
  [2]
  $ kunde segment create buyers --where 'tag:vip'
  kunde: error: segment 'buyers' exists already
  hint: choose another name, or give it a new rule with --replace --where RULE
  [2]
  $ kunde segment create x --where 'segment:x'
  kunde: error: rule:1:1: segment 'x' cannot refer to itself
    segment:x
    ^--- here
  hint: a rule may name other segments only
  [2]
  $ kunde segment create 'bad name'
  kunde: error: 'bad name' cannot be the name of a segment
  hint: use up to 64 letters, digits, '-', '_' and '.', starting with a letter or digit: at-risk, vip_2026
  [2]
  $ kunde segment members norwey
  kunde: error: there is no segment 'norwey'
  hint: did you mean 'norway'?
  [2]
  $ kunde segment add norway K-001
  kunde: error: 'norway' is a dynamic segment: its rule decides who is in it
  hint: add them to a static segment, or change the rule with --replace --where
  [2]
  $ kunde segment refresh call-list
  kunde: error: 'call-list' is a static segment: there is nothing to refresh
  hint: its members change with 'kunde segment add' and 'kunde segment remove'
  [2]
  $ kunde segment drop buyers
  kunde: error: segment 'buyers' is used by the rule of segment 'buyers-or-vip'
  hint: drop it first, or give it a rule without segment:buyers (--replace --where)
  [1]
  $ kunde segment drop buyers-or-vip
  dropped segment buyers-or-vip (3 members; 'kunde undo' brings it back, its members at the next refresh)
  $ kunde segment drop buyers
  dropped segment buyers (2 members; 'kunde undo' brings it back, its members at the next refresh)
  $ kunde undo
  undid entry 22 (segment drop buyers) as entry 23
  $ kunde segment list -q
  name        kind     members  refreshed_at         created_at           rule
  buyers      dynamic        0                       2026-11-23 10:00:00  orders >= 1
  call-list   static         4  2026-11-23 10:00:00  2026-11-23 10:00:00
  norway      dynamic        2  2027-01-20 09:00:00  2026-11-23 10:00:00  country = NO and not tag:b2b
  odd         dynamic        0  2026-11-23 10:00:00  2026-11-23 10:00:00  name = ''' OR 1=1; DROP TABLE customers; --' or notes ~ --
  vip-buyers  static         2  2026-11-23 10:00:00  2026-11-23 10:00:00
  $ kunde segment history nothing --since yesterday
  kunde: error: there is no segment 'nothing'
  hint: 'kunde segment list' shows the segments
  [2]

The fields a rule may use.

  $ kunde segment fields -f csv 2>note.txt | head -5; cat note.txt
  field,kind,description
  id,integer,the customer's id (#id)
  number,text,customer number
  name,text,name of the person or company
  kind,text,person or company
  53 fields, and tags, segments and custom attributes
  $ kunde segment fields -q | grep -E '^(p_alive|recency_days|overdue|attr.KEY) '
  recency_days          day-count  days since the last order
  overdue               boolean    an invoice is unpaid past the payment terms (30 days without terms)
  p_alive               number     probability the customer is still active (0 to 1)
  attr.KEY              text       the custom attribute KEY (a column of an import)
