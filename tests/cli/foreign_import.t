Importing another system's export: camelCase headers, NULL cells, a constant kind, country
names in several languages, phones as each country writes them, and orders split into a
header file and a lines file with discounts.

  $ cp "$KUNDE_TEST_DATA"/* . && export KUNDE_DB=k.db
  $ kunde init -q

Customers: customerID, companyName and contactName are read as number, name and
contact_person; NULL is an empty cell; every row is a company. Twenty countries are
written as names (Germany, España, Schweiz, Österreich, Sverige, Danmark, UK, ...); one is
no country and is kept as written.

  $ kunde customer import intl-customers.csv --null NULL --set kind=company
  intl-customers.csv: 21 inserted, 0 updated, 0 unchanged, 0 rejected; 1 customer with a country kept as written ("Atlantis"); 3 phones not normalised ("91.24.45.40", "(071) 23 67 22 20", "(9) 331-6954")
  $ kunde customer import intl-customers.csv --null NULL --set kind=company
  intl-customers.csv: 0 inserted, 0 updated, 21 unchanged, 0 rejected; 1 customer with a country kept as written ("Atlantis"); 3 phones not normalised ("91.24.45.40", "(071) 23 67 22 20", "(9) 331-6954")
  $ kunde customer list -f csv -q
  id,number,name,kind,email,phone,city,country,tags
  1,ALFKI,Alfreds Futterkiste,company,,030-0074321,Berlin,DE,
  2,BONAP,Bon app',company,,91.24.45.40,Marseille,FR,
  3,BOTTM,Bottom-Dollar Markets,company,,(604) 555-4729,Tsawassen,CA,
  4,BOLID,B\xc3\xb3lido Comidas preparadas,company,,(91) 555 22 82,Madrid,ES, (esc)
  5,FRANS,Franchi S.p.A.,company,,011-4988260,Torino,IT,
  6,PERIC,Pericles Comidas cl\xc3\xa1sicas,company,,(5) 552-3745,M\xc3\xa9xico D.F.,MX, (esc)
  7,HANAR,Hanari Carnes,company,,(21) 555-0091,Rio de Janeiro,BR,
  8,SUPRD,Supr\xc3\xaames d\xc3\xa9lices,company,,(071) 23 67 22 20,Charleroi,BE, (esc)
  9,CHOPS,Chop-suey Chinese,company,,0452-076545,Bern,CH,
  10,ERNSH,Ernst Handel,company,,7675-3425,Graz,AT,
  11,WOLZA,Wolski Zajazd,company,,(26) 642-7012,Warszawa,PL,
  12,HUNGO,Hungry Owl All-Night Grocers,company,,2967 542,Cork,IE,
  13,BERGS,Berglunds snabbk\xc3\xb6p,company,,0921-12 34 65,Lule\xc3\xa5,SE, (esc)
  14,SIMOB,Simons bistro,company,,31 12 34 56,K\xc3\xb8benhavn,DK, (esc)
  15,WILMK,Wilman Kala,company,,90-224 8858,Helsinki,FI,
  16,SANTG,Sant\xc3\xa9 Gourmet,company,,07-98 92 35,Stavern,NO, (esc)
  17,AROUT,Around the Horn,company,,(171) 555-7788,London,GB,
  18,GREAL,Great Lakes Food Market,company,,(503) 555-7555,Eugene,US,
  19,RANCH,Rancho grande,company,,(1) 123-5555,Buenos Aires,AR,
  20,LILAS,LILA-Supermercado,company,,(9) 331-6954,Barquisimeto,VE,
  21,XANAD,Xanadu Trading,company,,,Atlantis,Atlantis,
  $ kunde customer list --country Germany -q
  id  number  name                 kind     email  phone        city    country  tags
   1  ALFKI   Alfreds Futterkiste  company         030-0074321  Berlin  DE
  $ kunde customer list --country DE -q
  id  number  name                 kind     email  phone        city    country  tags
   1  ALFKI   Alfreds Futterkiste  company         030-0074321  Berlin  DE
  $ kunde customer list --country Österreich -q
  id  number  name          kind     email  phone      city  country  tags
  10  ERNSH   Ernst Handel  company         7675-3425  Graz  AT

A NULL is no value: not a postal code, not an attribute.

  $ kunde customer show xanad
  Xanadu Trading  #21  XANAD  company
  address   1 Nowhere Lane, Atlantis, Atlantis
  balance   0.00

Phones are found by the form they were written in, and by the international form.

  $ kunde customer show 030-0074321 -q | head -1
  Alfreds Futterkiste  #1  ALFKI  company
  $ kunde customer show "+49 30 0074321" -q | head -1
  Alfreds Futterkiste  #1  ALFKI  company
  $ kunde customer show "(91) 555 22 82" -q | head -1
  B\xc3\xb3lido Comidas preparadas  #4  BOLID  company (esc)
  $ kunde customer show "+34 915 552 282" -q | head -1
  B\xc3\xb3lido Comidas preparadas  #4  BOLID  company (esc)
  $ kunde customer show "0921-12 34 65" -q | head -1
  Berglunds snabbk\xc3\xb6p  #13  BERGS  company (esc)
  $ kunde customer show "+46 921 123465" -q | head -1
  Berglunds snabbk\xc3\xb6p  #13  BERGS  company (esc)
  $ kunde customer show "(604) 555-4729" -q | head -1
  Bottom-Dollar Markets  #3  BOTTM  company
  $ kunde customer show "(171) 555-7788" -q | head -1
  Around the Horn  #17  AROUT  company

Written as the customer's country writes it, but not as stored, a number without its
country code finds the customer whose number ends in its digits (a trunk 0 left off) when
it reads as that number in their country; other digits find no one.

  $ kunde customer show "91 555 22 82" -q | head -1
  B\xc3\xb3lido Comidas preparadas  #4  BOLID  company (esc)
  $ kunde customer show "0921 123 465" -q | head -1
  Berglunds snabbk\xc3\xb6p  #13  BERGS  company (esc)
  $ kunde customer show "555 22 82" -q
  kunde: error: no customer matches '555 22 82'
  hint: a phone number without its country code is read as one of AR; write it with the code (+44 20 ...) for another country
  [1]

`customer find` finds the same customers by phone, written any way, before those whose words
match. Digits that are no one's number find, as any words do, the customers whose text has
words starting with them.

  $ kunde customer find +34 915 552 282 -q
  id  number  name                       email  phone           city
   4  BOLID   B\xc3\xb3lido Comidas preparadas         (91) 555 22 82  Madrid (esc)
  $ kunde customer find 0921 123 465 -q
  id  number  name                email  phone          city
  13  BERGS   Berglunds snabbk\xc3\xb6p         0921-12 34 65  Lule\xc3\xa5 (esc)
  $ kunde customer find 4930 0074321
  id  number  name                 email  phone        city
   1  ALFKI   Alfreds Futterkiste         030-0074321  Berlin
  1 customer matches '4930 0074321'
  $ kunde customer find 555 22 82
  id  number  name                       email  phone           city
   4  BOLID   B\xc3\xb3lido Comidas preparadas         (91) 555 22 82  Madrid (esc)
  1 customer matches '555 22 82'

The contact person is searched and shown.

  $ kunde customer find "Maria Anders" -q
  id  number  name                 email  phone        city
   1  ALFKI   Alfreds Futterkiste         030-0074321  Berlin
  $ kunde customer find Berglund -q
  id  number  name                email  phone          city
  13  BERGS   Berglunds snabbk\xc3\xb6p         0921-12 34 65  Lule\xc3\xa5 (esc)

Without a column that identifies a customer the file fails once, before any row.

  $ printf 'companyName,city\nAcme,Oslo\n' > nonumber.csv
  $ kunde customer import nonumber.csv
  kunde: error: nonumber.csv:1: no column for 'number' or 'email' (the columns are: companyName, city)
  hint: name a column number or email (or external_id, customer_id, customer_number, e_mail, mail, email_address, ...), or map one with --map number=COLUMN ('--fields' lists every name)
  [1]
  $ kunde customer import --fields -q | cut -c1-40 | head -5
  field               required  aliases   
  number              one of    external_i
  name                          full_name,
  kind                          type, cust
  contact_person                contact_na

Orders in two files: nw-orders.csv has order, customer, date (with a time), freight and the
shipping country; nw-lines.csv has the lines with discounts (0, 5%, 0.15), each with its own
line id (a column of the line, not of its order, so no order attribute). By hand:
10248 ALFKI: 12 x 14.00 + 10 x 9.80 + 5 x 34.80 = 168.00 + 98.00 + 174.00 = 440.00.
10249 BONAP: 9 x 18.60 = 167.40; 40 x 42.40 = 1696.00 less 5% (84.80) = 1611.20; gross
1863.40, net 1778.60. 10250 ALFKI: 10 x 7.70 = 77.00; 35 x 42.40 = 1484.00 less 15%
(222.60) = 1261.40; 15 x 16.80 = 252.00 less 15% (37.80) = 214.20; gross 1813.00, discount
260.40, net 1552.60. 10251 BOLID: no lines yet. ALFKI's revenue and balance: 440.00 +
1552.60 = 1992.60; the four orders 3771.20. No product has a cost, so no margin is claimed.

  $ kunde order import nw-orders.csv --lines nw-lines.csv --null NULL
  nw-lines.csv: columns not read: lineID (name a field with --map FIELD=COLUMN; kunde order import --fields lists them)
  nw-orders.csv: 4 inserted, 0 updated, 0 unchanged, 0 rejected
  nw-lines.csv: 8 inserted, 0 updated, 0 unchanged, 0 rejected; 7 products created
  $ kunde order list
  order  ordered_at           customer_id  customer  name                       channel  status     lines  amount
  10248  2026-07-04 00:00:00            1  ALFKI     Alfreds Futterkiste                 completed      3   440.00
  10249  2026-07-05 00:00:00            2  BONAP     Bon app'                            completed      2  1778.60
  10250  2026-07-08 00:00:00            1  ALFKI     Alfreds Futterkiste                 completed      3  1552.60
  10251  2026-07-08 00:00:00            4  BOLID     B\xc3\xb3lido Comidas preparadas           completed      0     0.00 (esc)
  4 orders, 3771.20 not counting cancelled ones
  $ kunde order show 10250
  order         10250
  ordered_at    2026-07-08 00:00:00
  customer      ALFKI Alfreds Futterkiste
  status        completed
  gross         1813.00
  discount      260.40 (14.36%)
  amount        1552.60
  freight       65.83
  margin        unknown (no line has a cost)
  ship_country  Germany
  
  line  sku  name  category  quantity  unit_price  gross    discount  amount   unit_cost  cost
     1  41                         10        7.70    77.00              77.00
     2  51                         35       42.40  1484.00      0.15  1261.40
     3  65                         15       16.80   252.00      0.15   214.20
  $ kunde product show 51 | tail -n 4
  revenue           2872.60
  cost              0.00
  margin            unknown (no line has a cost)
  uncosted_revenue  2872.60
  $ kunde product show 51 -f json | grep margin
    "margin": null,
  $ kunde report summary --as-of 2026-07-31 --period month | grep margin
  21 customers, 2 active, 0 at risk, 0 churned
  to date      revenue 3771.20, margin unknown (no line has a cost) in 3 orders
  margin

report all says the same as report value and report top: no margin or profit, and the top
customers by revenue.

  $ kunde -q report all --as-of 2026-07-31 -f md | grep -E '^- \*\*(margin|profit|losing)|^## Top'
  - **margin:** unknown (no line has a cost)
  - **profit:** unknown (no line has a cost)
  ## Top 2 customers by revenue
  $ kunde order show 10251
  order         10251
  ordered_at    2026-07-08 00:00:00
  customer      BOLID B\xc3\xb3lido Comidas preparadas (esc)
  status        completed
  amount        0.00
  margin        0.00
  ship_country  Spain
  
  line  sku  name  category  quantity  unit_price  gross  discount  amount  unit_cost  cost
  $ kunde customer show ALFKI -q | grep -E '^(balance|revenue)'
  balance        1992.60
  revenue        1992.60 in 2 orders (avg 996.30), margin unknown (no line has a cost)
  $ kunde customer show BONAP -q | grep -E '^(balance|revenue)'
  balance        1778.60
  revenue        1778.60 in 1 order (avg 1778.60), margin unknown (no line has a cost)
  $ kunde history -q | tail -1
   2  2026-11-23 10:00:00  order import nw-orders.csv --lines nw-lines.csv --null NULL        nw-orders.csv: 4 inserted, 0 updated, 0 unchanged, 0 rejected; nw-lines.csv: 8 inserted, 0 updated, 0 unchanged, 0 rejected; 7 products created

Importing both files again changes nothing, and an export (gross, discount rate and net
per line; the order without lines as one row) imports back unchanged.

  $ kunde order import nw-orders.csv --lines nw-lines.csv --null NULL
  nw-lines.csv: columns not read: lineID (name a field with --map FIELD=COLUMN; kunde order import --fields lists them)
  nw-orders.csv: 0 inserted, 0 updated, 4 unchanged, 0 rejected
  nw-lines.csv: 0 inserted, 0 updated, 8 unchanged, 0 rejected
  $ kunde order export -q | head -4
  order,customer,ordered_at,sku,quantity,unit_price,gross,discount,unit_cost,amount,channel,status,freight,name,category,ship_country
  10248,ALFKI,2026-07-04 00:00:00,11,12,14.00,,,,168.00,,completed,32.38,,,Germany
  10248,ALFKI,2026-07-04 00:00:00,42,10,9.80,,,,98.00,,completed,32.38,,,Germany
  10248,ALFKI,2026-07-04 00:00:00,72,5,34.80,,,,174.00,,completed,32.38,,,Germany
  $ kunde order export -q -o export.csv && grep 10249 export.csv
  10249,BONAP,2026-07-05 00:00:00,14,9,18.60,,,,167.40,,completed,11.61,,,France
  10249,BONAP,2026-07-05 00:00:00,51,40,42.40,1696.00,0.05,,1611.20,,completed,11.61,,,France
  $ kunde order import export.csv
  export.csv: 0 inserted, 0 updated, 9 unchanged, 0 rejected

A lines file whose orders exist needs no customer or date; bad discounts and unknown
orders are rejected with their line numbers. The one good line (10251: 9.80 less 10%) is
the order's first; importing a file with another line for it replaces it (14.00 less 5%).

  $ kunde order import nw-lines-bad.csv
  kunde: error: nw-lines-bad.csv:2: discount: discount 1.5 is more than 1 (100%)
  kunde: error: nw-lines-bad.csv:3: discount: discount -5% is not between 0 and 100%
  kunde: error: nw-lines-bad.csv:4: no customer, and there is no order 99999
  hint: write a fraction (0.05) or a percentage (5%), or import with --discount-unit percent when the file writes percentages as plain numbers
  hint: a discount is a fraction from 0 to 1 (or 0% to 100%)
  hint: fix the rejected rows and import them again; --reject-file FILE collects them
  nw-lines-bad.csv: 1 inserted, 0 updated, 0 unchanged, 3 rejected
  [3]
  $ kunde order show 10251 -q | grep -E '^(amount|gross|discount)'
  gross         9.80
  discount      0.98 (10%)
  amount        8.82
  $ printf 'orderID,productID,unitPrice,quantity,discount\n10251,11,14.00,1,5\n' > percent.csv
  $ kunde order import percent.csv
  kunde: error: percent.csv:2: discount: discount 5 is more than 1 (100%)
  hint: write a fraction (0.05) or a percentage (5%), or import with --discount-unit percent when the file writes percentages as plain numbers
  hint: fix the rejected rows and import them again; --reject-file FILE collects them
  percent.csv: 0 inserted, 0 updated, 0 unchanged, 1 rejected
  [3]
  $ kunde order import percent.csv --discount-unit percent
  percent.csv: 0 inserted, 1 updated, 0 unchanged, 0 rejected
  $ kunde order show 10251 -q | grep -E '^(amount|gross|discount)'
  gross         14.00
  discount      0.70 (5%)
  amount        13.30

A lines file cannot be the orders file.

  $ kunde order import nw-lines.csv --lines nw-lines.csv
  kunde: error: nw-lines.csv:1: the order file has line columns (productID as sku, quantity, unitPrice, discount)
  hint: with --lines the first file holds one row per order (order, customer, date, freight, ...), and the lines file the lines
  [1]

An invoice header's Total is no line column: the summary checks it against the lines.

  $ printf 'InvoiceId,CustomerId,InvoiceDate,Total\nI-1,ALFKI,2026-08-01,13.86\nI-2,ALFKI,2026-08-02,5.00\nI-3,ALFKI,2026-08-03,1.99\n' > inv.csv
  $ printf 'InvoiceId,TrackId,UnitPrice,Quantity\nI-1,T1,0.99,14\nI-2,T1,0.99,4\nI-3,T1,0.99,1\n' > inv-lines.csv
  $ kunde order import inv.csv --lines inv-lines.csv --map sku=TrackId
  inv.csv: 3 inserted, 0 updated, 0 unchanged, 0 rejected; 2 orders whose total is not the sum of the lines (first I-2: total 5.00, lines 3.96); 1 order whose total is the sum of the lines
  inv-lines.csv: 3 inserted, 0 updated, 0 unchanged, 0 rejected; 1 product created
  $ printf 'InvoiceId,CustomerId,InvoiceDate,Total\nI-4,ALFKI,2026-08-04,n/a\n' > inv4.csv
  $ printf 'InvoiceId,TrackId,UnitPrice,Quantity\nI-4,T1,0.99,2\n' > inv4-lines.csv
  $ kunde order import inv4.csv --lines inv4-lines.csv --map sku=TrackId
  inv4.csv: 1 inserted, 0 updated, 0 unchanged, 0 rejected; 1 order whose total is no amount, not checked
  inv4-lines.csv: 1 inserted, 0 updated, 0 unchanged, 0 rejected
  $ kunde order show I-1 | grep -E '^(amount|total)'
  amount      13.86

A bad row of the orders file rejects its order, and the lines of that order say so; the
rest lands. Once the row is fixed, nothing is rejected, and no reject file is left.

  $ printf 'orderID,customerID,orderDate\n20001,ALFKI,2026-13-45\n20002,ALFKI,2026-08-01\n' > bad-orders.csv
  $ printf 'orderID,productID,unitPrice,quantity\n20001,11,14.00,1\n20002,11,14.00,2\n' > bad-lines.csv
  $ kunde order import bad-orders.csv --lines bad-lines.csv --reject-file rejects.csv
  kunde: error: bad-orders.csv:2: '2026-13-45' is not a date
  hint: write YYYY-MM-DD, or give the file's format with --date-format '%d.%m.%Y'
  hint: fix the rejected rows and import them again; --reject-file FILE collects them
  kunde: error: bad-lines.csv:2: its order 20001 was rejected (bad-orders.csv:2)
  hint: fix that row of the orders file, then import both files again
  hint: fix the rejected rows and import them again; --reject-file FILE collects them
  bad-orders.csv: 1 inserted, 0 updated, 0 unchanged, 1 rejected
  bad-lines.csv: 1 inserted, 0 updated, 0 unchanged, 1 rejected
  [3]
  $ cat rejects.csv rejects-lines.csv
  orderID,customerID,orderDate,reject_line,reject_reason
  20001,ALFKI,2026-13-45,2,'2026-13-45' is not a date
  orderID,productID,unitPrice,quantity,reject_line,reject_reason
  20001,11,14.00,1,2,its order 20001 was rejected (bad-orders.csv:2)
  $ sed -i 's/2026-13-45/2026-08-02/' bad-orders.csv
  $ kunde order import bad-orders.csv --lines bad-lines.csv --reject-file rejects.csv
  bad-orders.csv: 1 inserted, 0 updated, 1 unchanged, 0 rejected
  bad-lines.csv: 1 inserted, 0 updated, 1 unchanged, 0 rejected
  $ ls rejects*.csv 2>/dev/null | wc -l
  0

Spreadsheets write whole-number ids with a decimal zero: 17850.0 is customer 17850, in a
customer file, in an order file and on the command line.

  $ export KUNDE_DB=sheet.db && kunde init -q
  $ printf 'CustomerID,Name\n17850.0,Sheet One\n0042.00,Sheet Two\n' > sheet-customers.csv
  $ kunde customer import sheet-customers.csv
  sheet-customers.csv: 2 inserted, 0 updated, 0 unchanged, 0 rejected
  $ kunde customer import sheet-customers.csv
  sheet-customers.csv: 0 inserted, 0 updated, 2 unchanged, 0 rejected
  $ kunde customer list -f csv | cut -d, -f2,3
  2 customers
  number,name
  17850,Sheet One
  0042,Sheet Two
  $ printf 'InvoiceNo,CustomerID,InvoiceDate,StockCode,Quantity,UnitPrice\n536365,17850.0,2010-12-01 08:26:00,85123A,6,2.55\n536366,17851.0,2010-12-01 08:28:00,22633,6,1.85\n' > sheet-orders.csv
  $ kunde order import --create-missing sheet-orders.csv
  sheet-orders.csv: 2 inserted, 0 updated, 0 unchanged, 0 rejected; 1 customer created; 2 products created
  $ kunde customer show 17850.0 | head -n 1
  Sheet One  #1  17850  person
  $ kunde customer list -f csv | cut -d, -f2,3
  3 customers
  number,name
  17850,Sheet One
  0042,Sheet Two
  17851,17851

A name written in two columns, first and last, next to a company column: a row with a
company is that company, the person its contact; a row without one is the person. Two
--map for one field are refused rather than the last one winning.

  $ export KUNDE_DB=names.db && kunde init -q
  $ printf 'CustomerId,FirstName,LastName,Company,Country\n1,Luís,Gonçalves,Embraer S.A.,Brazil\n2,Leonie,Köhler,,Germany\n3,Frank,,Google Inc.,USA\n4,,Tremblay,,Canada\n' > names.csv
  $ kunde customer import names.csv
  names.csv: 4 inserted, 0 updated, 0 unchanged, 0 rejected
  $ kunde customer list -f csv -q | cut -d, -f2-4
  number,name,kind
  1,Embraer S.A.,company
  2,Leonie K\xc3\xb6hler,person (esc)
  3,Google Inc.,company
  4,Tremblay,person
  $ kunde customer show 1 | head -n 2
  Embraer S.A.  #1  1  company
  contact   Lu\xc3\xads Gon\xc3\xa7alves (esc)
  $ kunde customer show 3 | head -n 2
  Google Inc.  #3  3  company
  contact   Frank
  $ kunde customer import names.csv
  names.csv: 0 inserted, 0 updated, 4 unchanged, 0 rejected
  $ kunde customer import names.csv --map name=FirstName --map name=LastName
  kunde: error: --map name is given twice (FirstName and LastName)
  hint: a field reads one column; a name in two columns is read with first_name and last_name (kunde customer import --fields)
  [2]
  $ kunde customer import names.csv --map last_name=LastName --map surname=LastName
  kunde: error: --map last_name and --map surname name one field, last_name
  hint: a field reads one column: give it one --map
  [2]

An invoice export's InvoiceId is the order number.

  $ printf 'InvoiceId,CustomerId,InvoiceDate,TrackId,UnitPrice,Quantity\n98,2,2021-01-01 00:00:00,T-1,1.98,1\n' > invoice.csv
  $ kunde order import invoice.csv --map sku=TrackId
  invoice.csv: 1 inserted, 0 updated, 0 unchanged, 0 rejected; 1 product created
  $ kunde order list -f csv -q | cut -d, -f1-4
  order,ordered_at,customer_id,customer
  98,2021-01-01 00:00:00,2,2

Without --map sku=TrackId the lines have no product; the summary says so.

  $ printf 'InvoiceId,CustomerId,InvoiceDate,TrackId,UnitPrice,Quantity\n99,2,2021-01-02 00:00:00,T-1,1.98,1\n' > invoice2.csv
  $ kunde order import invoice2.csv
  invoice2.csv: 1 inserted, 0 updated, 0 unchanged, 0 rejected; 1 line without a product (no sku column; --map sku=COLUMN names it)

The summary names the countries kept as written, the first five by name:

  $ printf 'number,name,country\nU1,A,Atlantis\nU2,B,Lemuria\nU3,C,Avalon\nU4,D,Hyperborea\nU5,E,Thule\nU6,F,Agartha\nU7,G,Atlantis\nU8,H,Norway\n' > unknown.csv
  $ kunde customer import unknown.csv
  unknown.csv: 8 inserted, 0 updated, 0 unchanged, 0 rejected; 7 customers with a country kept as written ("Agartha", "Atlantis", "Avalon", "Hyperborea", "Lemuria" and 1 more)

Custom attributes keep the names an import gives them (snake case), and --attr and attr. in a
rule find them by the column's name as the file wrote it:

  $ printf 'number,name,SupportRepId\nA1,Anna,3\nA2,Bo,4\n' > reps.csv
  $ kunde -q customer import reps.csv
  $ kunde customer list --attr SupportRepId=3 -q -f csv
  id,number,name,kind,email,phone,city,country,tags
  13,A1,Anna,person,,,,,
  $ kunde customer list --attr supportrepid=3 -q -f csv
  id,number,name,kind,email,phone,city,country,tags
  13,A1,Anna,person,,,,,
  $ kunde customer list --where 'attr.SupportRepId = 4' -q -f csv
  id,number,name,kind,email,phone,city,country,tags
  14,A2,Bo,person,,,,,
  $ kunde customer edit A1 --attr 'Support Rep Id=5' -q
  id        13
  number    A1
  name      Anna
  kind      person
  $ kunde customer show A1 | grep -i support
  support_rep_id  5

A file of lines keeps its other columns as its orders' attributes, from each order's first
line; a column whose lines differ is named in the summary:

  $ printf 'InvoiceId,CustomerId,InvoiceDate,TrackId,TrackName,Store,UnitPrice,Quantity\n77,ALFKI,2026-09-01,T-7,Intro,Oslo,0.99,1\n77,ALFKI,2026-09-01,T-8,Outro,Oslo,0.99,1\n' > joined.csv
  $ kunde order import joined.csv --map sku=TrackId --create-missing
  joined.csv: 2 inserted, 0 updated, 0 unchanged, 0 rejected; 1 column kept from each order's first line, though its lines differ (track_name); 1 customer created; 2 products created
  $ kunde order show 77 | grep -E '^(store|track_name)'
  store       Oslo
  track_name  Intro
