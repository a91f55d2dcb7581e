Customers: add, list, show by any key, find, edit, tag, rm.

  $ cp "$KUNDE_TEST_DATA"/* . && export KUNDE_DB=k.db
  $ kunde customer list
  kunde: error: no database at k.db
  hint: run 'kunde init' to create one, or give --db PATH
  [1]
  $ kunde init
  created k.db
  $ kunde init
  kunde: error: a database already exists at k.db
  hint: kunde init never overwrites; remove it first or choose another --db
  [1]
  $ kunde -q customer import customers.csv
  $ kunde customer list
  id  number  name             kind     email                   phone             city      country  tags
   1  K-001   Bj\xc3\xb8rn \xc3\x85berg      person   Bjorn.Aberg@Example.no  +47 912 34 567    Oslo      NO       b2c;vip (esc)
   2  K-002   \xc3\x85se \xc3\x98deg\xc3\xa5rd      person   ase@example.no          22334455          Bergen    NO       b2c (esc)
   3  K-003   G\xc3\xb6teborg R\xc3\xb6r AB  company  info@gbgror.se          +46 31 123 45 67  G\xc3\xb6teborg  SE       b2b (esc)
   4  K-004   N\xc3\xa6ss & S\xc3\xb8nn AS   company  post@naess.no           0047-55 66 77 88  Troms\xc3\xb8    NO       b2b;vip (esc)
  4 customers
  $ kunde customer list --country NO --tag vip -f csv
  id,number,name,kind,email,phone,city,country,tags
  1,K-001,Bj\xc3\xb8rn \xc3\x85berg,person,Bjorn.Aberg@Example.no,+47 912 34 567,Oslo,NO,b2c;vip (esc)
  4,K-004,N\xc3\xa6ss & S\xc3\xb8nn AS,company,post@naess.no,0047-55 66 77 88,Troms\xc3\xb8,NO,b2b;vip (esc)
  2 customers
  $ kunde customer list --country sverige -q -f csv
  id,number,name,kind,email,phone,city,country,tags
  3,K-003,G\xc3\xb6teborg R\xc3\xb6r AB,company,info@gbgror.se,+46 31 123 45 67,G\xc3\xb6teborg,SE,b2b (esc)
  $ kunde customer list --city goteborg -f ndjson
  {"id":3,"number":"K-003","name":"G\xc3\xb6teborg R\xc3\xb6r AB","kind":"company","email":"info@gbgror.se","phone":"+46 31 123 45 67","city":"G\xc3\xb6teborg","country":"SE","tags":"b2b"} (esc)
  1 customer
  $ kunde customer list --sort -name --limit 2 -q
  id  number  name             kind     email           phone             city      country  tags
   4  K-004   N\xc3\xa6ss & S\xc3\xb8nn AS   company  post@naess.no   0047-55 66 77 88  Troms\xc3\xb8    NO       b2b;vip (esc)
   3  K-003   G\xc3\xb6teborg R\xc3\xb6r AB  company  info@gbgror.se  +46 31 123 45 67  G\xc3\xb6teborg  SE       b2b (esc)
  $ kunde customer show '+47 912 34 567'
  Bj\xc3\xb8rn \xc3\x85berg  #1  K-001  person (esc)
  tags      b2c;vip
  phone     +47 912 34 567  (+4791234567)
  email     Bjorn.Aberg@Example.no
  address   Storgata 1, 0155 Oslo, NO
  since     2024-03-01
  balance   0.00  (limit 5000.00, 30 days)
  wallet    0.0% of 12000.00  (0.00 in the last twelve months)
  channel   phone
  notes     Prefers calls after 16
  $ kunde customer show 0047-91234567 -f json
  {
    "id": 1,
    "number": "K-001",
    "name": "Bj\xc3\xb8rn \xc3\x85berg", (esc)
    "kind": "person",
    "contact_person": null,
    "email": "Bjorn.Aberg@Example.no",
    "phone": "+47 912 34 567",
    "street": "Storgata 1",
    "postal_code": "0155",
    "city": "Oslo",
    "country": "NO",
    "org_number": null,
    "created_at": "2024-03-01",
    "preferred_channel": "phone",
    "credit_limit": 5000.00,
    "payment_terms_days": 30,
    "wallet": 12000.00,
    "tags": [
      "b2c",
      "vip"
    ],
    "notes": "Prefers calls after 16",
    "phone_e164": "+4791234567",
    "attributes": {},
    "merged_numbers": [],
    "statistics": {
      "orders": 0,
      "first_order_at": null,
      "last_order_at": null,
      "revenue": 0.00,
      "margin": 0.00,
      "uncosted_revenue": 0.00,
      "paid": 0.00,
      "balance": 0.00,
      "avg_order_value": 0.00,
      "oldest_unpaid_at": null,
      "top_categories": null,
      "favourite_categories": [],
      "contacts": 0,
      "last_contact_at": null,
      "preferred_channel": null,
      "open_promises": 0,
      "scores": null,
      "share_of_wallet": {
        "wallet": 12000.00,
        "revenue_12_months": 0.00,
        "share": 0.0
      },
      "next_offers": null
    },
    "account": {
      "invoiced": 0.00,
      "paid": 0.00,
      "balance": 0.00,
      "overdue": 0.00,
      "oldest_unpaid_at": null,
      "payment_terms_days": 30,
      "credit_limit": 5000.00,
      "over_limit": false
    },
    "recent_orders": [],
    "contacts": {
      "contacts": 0,
      "inbound": 0,
      "outbound": 0,
      "last_contact_at": null,
      "preferred_channel": null,
      "complaints": 0,
      "open_promises": 0,
      "open_follow_ups": 0,
      "next_follow_up_at": null,
      "by_channel": {},
      "cost_to_serve": null,
      "cost_to_serve_configured": false,
      "open": [],
      "recent": []
    }
  }
  $ kunde customer show 91234567 -q | head -1
  Bj\xc3\xb8rn \xc3\x85berg  #1  K-001  person (esc)
  $ kunde customer show '+47 55 66 77 88' -q | head -1
  N\xc3\xa6ss & S\xc3\xb8nn AS  #4  K-004  company (esc)
  $ kunde customer show ASE@EXAMPLE.NO -q | head -1
  \xc3\x85se \xc3\x98deg\xc3\xa5rd  #2  K-002  person (esc)
  $ kunde customer show '#3' -q | head -1
  G\xc3\xb6teborg R\xc3\xb6r AB  #3  K-003  company (esc)
  $ kunde customer show nobody
  kunde: error: no customer matches 'nobody'
  hint: give a customer number, #id, email or phone; 'kunde customer find TEXT' searches names
  [1]
  $ kunde customer show '020 7946 0018'
  kunde: error: no customer matches '020 7946 0018'
  hint: a phone number without its country code is read as one of NO; write it with the code (+44 20 ...) for another country
  [1]
  $ kunde customer find bjorn
  id  number  name         email                   phone           city
   1  K-001   Bj\xc3\xb8rn \xc3\x85berg  Bjorn.Aberg@Example.no  +47 912 34 567  Oslo (esc)
  1 customer matches 'bjorn'
  $ kunde customer find naess
  id  number  name            email          phone             city
   4  K-004   N\xc3\xa6ss & S\xc3\xb8nn AS  post@naess.no  0047-55 66 77 88  Troms\xc3\xb8 (esc)
  1 customer matches 'naess'
  $ kunde customer find goteborg
  id  number  name             email           phone             city
   3  K-003   G\xc3\xb6teborg R\xc3\xb6r AB  info@gbgror.se  +46 31 123 45 67  G\xc3\xb6teborg (esc)
  1 customer matches 'goteborg'
  $ kunde customer find ase bergen -f csv
  id,number,name,email,phone,city
  2,K-002,\xc3\x85se \xc3\x98deg\xc3\xa5rd,ase@example.no,22334455,Bergen (esc)
  1 customer matches 'ase bergen'
  $ kunde customer find '!!!'
  kunde: error: give some letters or digits to search for
  hint: e.g. kunde customer find bjorn oslo
  [2]
  $ kunde customer add --name "Pål Østby" --number K-005 --email pal@example.no --phone "917 00 000" --country NO --tag new --attr source=fair
  id          5
  number      K-005
  name        P\xc3\xa5l \xc3\x98stby (esc)
  kind        person
  email       pal@example.no
  phone       917 00 000
  country     NO
  created_at  2026-11-23
  tags        new
  added customer #5 (K-005)
  $ kunde customer add --name "Dup" --number K-005
  kunde: error: customer number K-005 belongs to customer #5
  hint: choose another number, or 'kunde customer merge' the two
  [1]
  $ kunde customer add --name "Bad Org" --org-number 923609017 --country NO
  kunde: error: '923609017' is not a valid Norwegian organisation number: the check digit is wrong
  hint: check the number against the national register, or leave org_number empty
  [1]
  $ kunde customer add --name "Bad Mail" --email not-an-address
  kunde: error: 'not-an-address' is not an email address
  hint: write it like name@example.com
  [1]
  $ kunde customer add --number K-006
  kunde: error: a customer needs a name
  hint: give --name
  [2]
  $ kunde customer edit K-005 --city Drammen --set credit_limit=1500 --unset email
  id            5
  number        K-005
  name          P\xc3\xa5l \xc3\x98stby (esc)
  kind          person
  phone         917 00 000
  city          Drammen
  country       NO
  created_at    2026-11-23
  credit_limit  1500.00
  tags          new
  updated customer #5
  $ kunde customer edit K-005 --set colour=blue
  kunde: error: there is no customer field 'colour'
  hint: fields are: number, name, kind, contact_person, email, phone, street, postal_code, city, country, org_number, created_at, preferred_channel, credit_limit, payment_terms_days, wallet, tags, notes
  [2]
  $ kunde customer tag K-005 vip gold
  2 tags added on 1 customer
  $ kunde customer list --tag gold -f csv
  id,number,name,kind,email,phone,city,country,tags
  5,K-005,P\xc3\xa5l \xc3\x98stby,person,,917 00 000,Drammen,NO,gold;new;vip (esc)
  1 customer
  $ kunde customer list --tag vip -f csv -q | kunde customer untag --from - vip
  3 tags removed on 3 customers
  $ kunde customer list --tag vip -q
  id  number  name  kind  email  phone  city  country  tags
  $ kunde customer list --attr source=fair -f tsv -q
  id\tnumber\tname\tkind\temail\tphone\tcity\tcountry\ttags (esc)
  5\tK-005\tP\xc3\xa5l \xc3\x98stby\tperson\t\t917 00 000\tDrammen\tNO\tgold;new (esc)
  $ kunde customer rm K-005
  removed customer #5 ('kunde undo' brings it back)
  $ kunde customer show K-005
  kunde: error: no customer matches 'K-005'
  hint: give a customer number, #id, email or phone; 'kunde customer find TEXT' searches names
  [1]
  $ kunde undo -q
  $ kunde customer show K-005 -q | head -1
  P\xc3\xa5l \xc3\x98stby  #5  K-005  person (esc)

A name written with an apostrophe is found with it, without it, and by its parts; digits
that read as a phone number find its customer however they are written.

  $ kunde customer add --name "O'Reilly & D’Angelo" --number K-006 -q
  id          6
  number      K-006
  name        O'Reilly & D\xe2\x80\x99Angelo (esc)
  kind        person
  created_at  2026-11-23
  $ kunde customer find oreilly -q
  id  number  name                 email  phone  city
   6  K-006   O'Reilly & D\xe2\x80\x99Angelo (esc)
  $ kunde customer find "o'reilly" dangelo -q
  id  number  name                 email  phone  city
   6  K-006   O'Reilly & D\xe2\x80\x99Angelo (esc)
  $ kunde customer find reilly angelo -q
  id  number  name                 email  phone  city
   6  K-006   O'Reilly & D\xe2\x80\x99Angelo (esc)
  $ kunde customer find 91234567 -q
  id  number  name         email                   phone           city
   1  K-001   Bj\xc3\xb8rn \xc3\x85berg  Bjorn.Aberg@Example.no  +47 912 34 567  Oslo (esc)
  $ kunde customer find oreilly -n -1
  kunde: error: --limit must be 0 or more
  hint: give how many customers to show at most
  [2]
