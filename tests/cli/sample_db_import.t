The classicmodels sample database as its export writes it (tests/data/cm-*.csv, a few rows
of each table): camelCase names of its own (quantityOrdered, priceEach, buyPrice, MSRP,
productLine, addressLine1) are read as kunde's fields, and a column that is read as no
field and kept nowhere is named before the counts, never lost without a word.

  $ cp "$KUNDE_TEST_DATA"/cm-*.csv . && export KUNDE_DB=k.db
  $ kunde init -q

Customers keep every column: addressLine1 is the street, contactFirstName and
contactLastName make a company's contact person (so the customer is a company), the rest
(addressLine2, state, ...) are custom attributes, so there is nothing to name.

  $ kunde customer import cm-customers.csv
  cm-customers.csv: 3 inserted, 0 updated, 0 unchanged, 0 rejected; 1 phone not normalised ("40.32.2555")
  $ kunde customer show 114
  Koala Scale Models, Co.  #3  114  company
  contact                    Paul Fulton
  phone                      03 9520 4555  (+61395204555)
  address                    40 Collins Street, 3004 Melbourne, AU
  balance                    0.00  (limit 117300.00)
  address_line2              Level 3
  sales_rep_employee_number  1611
  state                      Victoria
  $ kunde customer list -q --attr address_line2="Level 3"
  id  number  name                     kind     email  phone         city       country  tags
   3  114     Koala Scale Models, Co.  company         03 9520 4555  Melbourne  AU
  $ kunde customer find fulton
  id  number  name                     email  phone         city
   3  114     Koala Scale Models, Co.         03 9520 4555  Melbourne
  1 customer matches 'fulton'


Products have no attributes: productLine, buyPrice and MSRP are the category, the unit cost
and the list price; productScale, productVendor, productDescription and quantityInStock are
named. --dry-run names them too.

  $ kunde product import --dry-run cm-products.csv
  cm-products.csv: columns not read: productScale, productVendor, productDescription, quantityInStock (name a field with --map FIELD=COLUMN; kunde product import --fields lists them)
  cm-products.csv: 4 inserted, 0 updated, 0 unchanged, 0 rejected (dry run: nothing changed)
  $ kunde product import cm-products.csv
  cm-products.csv: columns not read: productScale, productVendor, productDescription, quantityInStock (name a field with --map FIELD=COLUMN; kunde product import --fields lists them)
  cm-products.csv: 4 inserted, 0 updated, 0 unchanged, 0 rejected
  $ kunde product list -q
  id  sku       name                category      list_price  unit_cost
   1  S10_1678  1969 Road Chopper   Motorcycles        95.70      48.81
   2  S18_1749  1917 Touring Sedan  Vintage Cars      170.00      86.70
   3  S18_2248  1911 Town Car       Vintage Cars       60.54      33.30
   4  S24_3969  1936 Roadster       Vintage Cars       41.03      21.75
  $ kunde product list -q -n 2 -f csv
  id,sku,name,category,list_price,unit_cost
  1,S10_1678,1969 Road Chopper,Motorcycles,95.70,48.81
  2,S18_1749,1917 Touring Sedan,Vintage Cars,170.00,86.70

The lines file keeps no columns of its own: orderLineNumber is named, quantityOrdered and
priceEach are read. The order file's other columns (requiredDate, comments, ...) are the
orders' attributes. By hand:
10100 (103): 30 x 136.00 + 50 x 55.09 + 49 x 35.29 = 4080.00 + 2754.50 + 1729.21 = 8563.71
10101 (112): 25 x 81.35 + 26 x 58.12 = 2033.75 + 1511.12 = 3544.87
10102 (114): 39 x 151.00 = 5889.00
All three: 17997.58 (read as quantity 1 at the list price it would be 271.57 + 156.24 +
170.00 = 597.81). The cost is the products' buyPrice: 10100 costs 30 x 86.70 + 50 x 33.30
+ 49 x 21.75 = 2601.00 + 1665.00 + 1065.75 = 5331.75, a margin of 3231.96; 10101 costs
25 x 48.81 + 26 x 33.30 = 1220.25 + 865.80 = 2086.05, 10102 39 x 86.70 = 3381.30: all
three 10799.10, a margin of 17997.58 - 10799.10 = 7198.48.

  $ kunde order import --dry-run cm-orders.csv --lines cm-orderdetails.csv
  cm-orderdetails.csv: columns not read: orderLineNumber (name a field with --map FIELD=COLUMN; kunde order import --fields lists them)
  cm-orders.csv: 3 inserted, 0 updated, 0 unchanged, 0 rejected (dry run: nothing changed)
  cm-orderdetails.csv: 6 inserted, 0 updated, 0 unchanged, 0 rejected (dry run: nothing changed)
  $ kunde order import cm-orders.csv --lines cm-orderdetails.csv
  cm-orderdetails.csv: columns not read: orderLineNumber (name a field with --map FIELD=COLUMN; kunde order import --fields lists them)
  cm-orders.csv: 3 inserted, 0 updated, 0 unchanged, 0 rejected
  cm-orderdetails.csv: 6 inserted, 0 updated, 0 unchanged, 0 rejected
  $ kunde order list
  order  ordered_at  customer_id  customer  name                     channel  status   lines  amount
  10100  2003-01-06            1  103       Maison des jouets                 shipped      3  8563.71
  10101  2003-01-09            2  112       Beacon Toy Outlets                shipped      2  3544.87
  10102  2003-01-10            3  114       Koala Scale Models, Co.           shipped      1  5889.00
  3 orders, 17997.58 not counting cancelled ones
  $ kunde order show 10100
  order          10100
  ordered_at     2003-01-06
  customer       103 Maison des jouets
  status         shipped
  amount         8563.71
  margin         3231.96
  required_date  2003-01-13
  shipped_date   2003-01-10
  
  line  sku       name                category      quantity  unit_price  gross    discount  amount   unit_cost  cost
     1  S18_1749  1917 Touring Sedan  Vintage Cars        30      136.00  4080.00            4080.00      86.70  2601.00
     2  S18_2248  1911 Town Car       Vintage Cars        50       55.09  2754.50            2754.50      33.30  1665.00
     3  S24_3969  1936 Roadster       Vintage Cars        49       35.29  1729.21            1729.21      21.75  1065.75

The screen pop lists the orders; one without a channel leaves no blanks at the end of
its line.

  $ kunde customer show 103 | grep -A1 'last orders'
  last orders
    2003-01-06  10100             8563.71    shipped
  $ kunde customer show 114 | grep -n ' $'
  [1]

Importing the same files again changes nothing, and says the same of the columns.

  $ kunde order import cm-orders.csv --lines cm-orderdetails.csv
  cm-orderdetails.csv: columns not read: orderLineNumber (name a field with --map FIELD=COLUMN; kunde order import --fields lists them)
  cm-orders.csv: 0 inserted, 0 updated, 3 unchanged, 0 rejected
  cm-orderdetails.csv: 0 inserted, 0 updated, 6 unchanged, 0 rejected
  $ kunde -q report summary | grep 'to date'
  to date      revenue 17997.58, margin 7198.48 in 3 orders

A lines file without the column has nothing to name. One whose quantity column has a name
no alias knows (qtyShipped) has it named: read without it, every line would be quantity 1
(the dry run's 6 updated). With --map quantity=qtyShipped the column is read, the lines
stay as they are and nothing is named.

  $ cut -d, -f1-4 cm-orderdetails.csv > lines4.csv
  $ kunde order import cm-orders.csv --lines lines4.csv
  cm-orders.csv: 0 inserted, 0 updated, 3 unchanged, 0 rejected
  lines4.csv: 0 inserted, 0 updated, 6 unchanged, 0 rejected
  $ sed 's/quantityOrdered/qtyShipped/' lines4.csv > shipped.csv
  $ kunde order import cm-orders.csv --lines shipped.csv --dry-run
  shipped.csv: columns not read: qtyShipped (name a field with --map FIELD=COLUMN; kunde order import --fields lists them)
  cm-orders.csv: 0 inserted, 0 updated, 3 unchanged, 0 rejected (dry run: nothing changed)
  shipped.csv: 0 inserted, 6 updated, 0 unchanged, 0 rejected (dry run: nothing changed)
  $ kunde order import cm-orders.csv --lines shipped.csv --map quantity=qtyShipped
  cm-orders.csv: 0 inserted, 0 updated, 3 unchanged, 0 rejected
  shipped.csv: 0 inserted, 0 updated, 6 unchanged, 0 rejected

The same lines joined to their orders by hand, but without the order number: a row without
one is keyed by its content, and one whose key finds nothing matches a line stored in a
numbered order (same customer, day, product and quantity) instead of selling it twice.
Each stored line matches one row: a second row of 30 S18_1749 for 103 that day is new
(30 x 136.00 = 4080.00 more), and so is 10101's line at another quantity (24 x 81.35 =
1952.40). Revenue: 17997.58 + 4080.00 + 1952.40 = 24029.98; margin 7198.48 + (4080.00 -
30 x 86.70) + (1952.40 - 24 x 48.81) = 7198.48 + 1479.00 + 780.96 = 9458.44.

  $ cat > joined.csv <<'CSV'
  > customerNumber,orderDate,productCode,quantityOrdered,priceEach
  > 103,2003-01-06,S18_1749,30,136.00
  > 103,2003-01-06,S18_1749,30,136.00
  > 103,2003-01-06,S24_3969,49.0,35.29
  > 112,2003-01-09,S10_1678,24,81.35
  > 114,2003-01-10,S18_1749,39,151
  > CSV
  $ kunde order import joined.csv
  joined.csv: 2 inserted, 0 updated, 3 unchanged, 0 rejected; 3 without an order number matched a stored line (same customer, day, product and quantity)
  $ kunde order import joined.csv
  joined.csv: 0 inserted, 0 updated, 5 unchanged, 0 rejected; 3 without an order number matched a stored line (same customer, day, product and quantity)
  $ kunde -q report summary | grep 'to date'
  to date      revenue 24029.98, margin 9458.44 in 5 orders
  $ kunde -q undo

An order file whose date column has a name kunde does not know (placedOn) fails once,
before anything lands, naming its columns: no row could give a new order its date. A file
of changes to stored orders needs no date (the status here).

  $ sed 's/orderDate/placedOn/' cm-orders.csv > placed.csv
  $ KUNDE_DB=fresh.db kunde init -q && KUNDE_DB=fresh.db kunde customer import -q cm-customers.csv
  $ KUNDE_DB=fresh.db kunde order import placed.csv --lines cm-orderdetails.csv
  kunde: error: placed.csv:1: no column for 'ordered_at' (order 10100 is new, and a new order needs its date) (the columns are: orderNumber, placedOn, requiredDate, shippedDate, status, comments, customerNumber)
  hint: name a column ordered_at (or date, order_date, invoice_date, ...), or map one with --map ordered_at=COLUMN ('--fields' lists every name)
  [1]
  $ KUNDE_DB=fresh.db kunde order list -q
  order  ordered_at  customer_id  customer  name  channel  status  lines  amount
  $ printf 'order,status\n10100,cancelled\n' > cancel.csv
  $ kunde order import cancel.csv --dry-run
  cancel.csv: 0 inserted, 1 updated, 0 unchanged, 0 rejected (dry run: nothing changed)

The other way round: lines imported first without their order numbers (each row one
order) and then with them. The first line of a numbered order takes over the order stored
without a number that holds it (it gets the number); each further line moves out of the
order holding it, which goes. Four orders become 10100 with three lines (8563.71) and
10102 (5889.00).

  $ cat > numbered.csv <<'CSV'
  > customerNumber,orderNumber,orderDate,productCode,quantityOrdered,priceEach
  > 103,10100,2003-01-06,S18_1749,30,136.00
  > 103,10100,2003-01-06,S18_2248,50,55.09
  > 103,10100,2003-01-06,S24_3969,49,35.29
  > 114,10102,2003-01-10,S18_1749,39,151.00
  > CSV
  $ cut -d, -f1,3- numbered.csv > unnumbered.csv
  $ export KUNDE_DB=fresh.db
  $ kunde product import -q cm-products.csv
  cm-products.csv: columns not read: productScale, productVendor, productDescription, quantityInStock (name a field with --map FIELD=COLUMN; kunde product import --fields lists them)
  $ kunde order import unnumbered.csv
  unnumbered.csv: 4 inserted, 0 updated, 0 unchanged, 0 rejected
  $ kunde order import numbered.csv
  numbered.csv: 0 inserted, 4 updated, 0 unchanged, 0 rejected; 4 with an order number took over a stored order without one (same customer, day, product and quantity)
  $ kunde order list -q
  order  ordered_at  customer_id  customer  name                     channel  status     lines  amount
  10100  2003-01-06            1  103       Maison des jouets                 completed      3  8563.71
  10102  2003-01-10            3  114       Koala Scale Models, Co.           completed      1  5889.00
  $ kunde order import numbered.csv
  numbered.csv: 0 inserted, 0 updated, 4 unchanged, 0 rejected
  $ kunde order import unnumbered.csv
  unnumbered.csv: 0 inserted, 0 updated, 4 unchanged, 0 rejected; 4 without an order number matched a stored line (same customer, day, product and quantity)
  $ kunde -q undo && kunde order list -q -f csv | cut -d, -f1,2
  order,ordered_at
  ~457abfdad75c8e7b.1,2003-01-06
  ~434e9bde98b509a4.1,2003-01-06
  ~3ea595c3a891b586.1,2003-01-06
  ~db3b7ee0c3c0b504.1,2003-01-10
  $ export KUNDE_DB=k.db

Payments: checkNumber is read as the payment's reference. --null and --set name no column.

  $ kunde order payments import cm-payments.csv --dry-run --null NULL
  cm-payments.csv: 2 inserted, 0 updated, 0 unchanged, 0 rejected (dry run: nothing changed)
  $ cut -d, -f1,3,4 cm-payments.csv > cm-payments-noref.csv
  $ kunde order payments import cm-payments-noref.csv
  cm-payments-noref.csv: 2 inserted, 0 updated, 0 unchanged, 0 rejected

The same payments with their check numbers: each row takes over the payment stored without a
reference (same customer, day and amount), so nothing is paid twice and importing either file
again changes nothing. Each stored payment matches one row: three equal rows against one
stored payment add two, and importing them again adds nothing.

  $ kunde order payments import cm-payments.csv
  cm-payments.csv: 0 inserted, 2 updated, 0 unchanged, 0 rejected; 2 with a reference took over a stored payment without one (same customer, day and amount)
  $ kunde order payments import cm-payments.csv
  cm-payments.csv: 0 inserted, 0 updated, 2 unchanged, 0 rejected
  $ kunde order payments import cm-payments-noref.csv
  cm-payments-noref.csv: 0 inserted, 0 updated, 2 unchanged, 0 rejected; 2 without a reference matched a stored payment (same customer, day and amount)
  $ printf 'customer,paid_at,amount\n103,2004-10-19,6066.78\n103,2004-10-19,6066.78\n103,2004-10-19,6066.78\n' > same.csv
  $ kunde order payments import same.csv
  same.csv: 2 inserted, 0 updated, 1 unchanged, 0 rejected; 1 without a reference matched a stored payment (same customer, day and amount)
  $ kunde order payments import same.csv
  same.csv: 0 inserted, 0 updated, 3 unchanged, 0 rejected; 1 without a reference matched a stored payment (same customer, day and amount)
  $ kunde order payments --customer 103 -q -f csv
  reference,paid_at,customer_id,customer,name,amount
  CH100001,2004-10-19,1,103,Maison des jouets,6066.78
  ~239dbcbc4709a38d.2,2004-10-19,1,103,Maison des jouets,6066.78
  ~239dbcbc4709a38d.3,2004-10-19,1,103,Maison des jouets,6066.78

The other way round: a bank's file with references, after the rows without them. A row
whose reference no payment has takes over a payment stored without one (same customer,
day and amount), so the two stored under content keys get the bank's references and the
third row is new: 103 has paid 4 x 6066.78 = 24267.12.

  $ printf 'customer,paid_at,amount,reference\n103,2004-10-19,6066.78,B-1\n103,2004-10-19,6066.78,B-2\n103,2004-10-19,6066.78,B-3\n' > bank.csv
  $ kunde order payments import bank.csv
  bank.csv: 1 inserted, 2 updated, 0 unchanged, 0 rejected; 2 with a reference took over a stored payment without one (same customer, day and amount)
  $ kunde order payments import bank.csv
  bank.csv: 0 inserted, 0 updated, 3 unchanged, 0 rejected
  $ kunde order payments --customer 103 -q -f csv
  reference,paid_at,customer_id,customer,name,amount
  CH100001,2004-10-19,1,103,Maison des jouets,6066.78
  B-1,2004-10-19,1,103,Maison des jouets,6066.78
  B-2,2004-10-19,1,103,Maison des jouets,6066.78
  B-3,2004-10-19,1,103,Maison des jouets,6066.78
  $ kunde order payments import same.csv
  same.csv: 0 inserted, 0 updated, 3 unchanged, 0 rejected; 3 without a reference matched a stored payment (same customer, day and amount)

Contacts have no attributes either.

  $ printf 'customer,at,channel,direction,subject,mood\n103,2026-01-05 10:00,phone,in,Order,calm\n' > contacts.csv
  $ kunde contact import contacts.csv --set owner=anna
  contacts.csv: columns not read: mood (name a field with --map FIELD=COLUMN; kunde contact import --fields lists them)
  contacts.csv: 1 inserted, 0 updated, 0 unchanged, 0 rejected

The fields and the names read as each.

  $ kunde order import --fields -q -f csv | grep -E '^(quantity|unit_price|unit_cost|category),'
  quantity,,"qty, quantity_ordered, ordered_quantity, antall",quantity (default 1; negative for returns)
  unit_price,,"unitprice, price, price_each, each_price, sale_price, sales_price, pris",price per unit before discount (default the list price)
  unit_cost,,"cost, cost_price, purchase_price, buy_price, kostpris, innpris",cost per unit (default the product's)
  category,,"product_category, product_line, category_name, group, kategori","product category, for products the import creates"
  $ kunde product import --fields -q -f csv | grep -E '^(category|list_price|unit_cost),'
  category,,"product_category, product_line, category_name, group, kategori",product category
  list_price,,"unit_price, msrp, retail_price, price, price_each, each_price, sale_price, sales_price, pris",price per unit when a line gives none
  unit_cost,,"cost, cost_price, purchase_price, buy_price, kostpris, innpris",cost per unit when a line gives none
  $ kunde customer import --fields -q -f csv | grep '^street,'
  street,,"address, street_address, address1, address_line1, adresse, gateadresse",street address
