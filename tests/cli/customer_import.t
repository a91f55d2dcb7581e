Importing customers: idempotent upserts, rejects with line numbers, strict, dry run,
legacy encodings with a mapping file, JSON input, export round trip.

  $ cp "$KUNDE_TEST_DATA"/* . && export KUNDE_DB=k.db
  $ kunde init -q
  $ kunde customer import customers.csv
  customers.csv: 4 inserted, 0 updated, 0 unchanged, 0 rejected
  $ kunde customer import customers.csv
  customers.csv: 0 inserted, 0 updated, 4 unchanged, 0 rejected
  $ kunde customer import --dry-run bad-rows.csv
  kunde: error: bad-rows.csv:3: credit_limit: 'lots' is not a number
  kunde: error: bad-rows.csv:4: '2024-02-30' is not a date
  kunde: error: bad-rows.csv:5: expected 5 fields as in the header, found 6
  kunde: error: bad-rows.csv:6: the name is empty
  hint: write it like 1234.50, or use --decimal-comma for 1234,50
  hint: write YYYY-MM-DD, or give the file's format with --date-format '%d.%m.%Y'
  hint: fix the rejected rows and import them again; --reject-file FILE collects them
  bad-rows.csv: 2 inserted, 0 updated, 0 unchanged, 4 rejected (dry run: nothing changed)
  [3]
  $ kunde customer list -q | wc -l
  5
  $ kunde customer import --strict bad-rows.csv
  kunde: error: bad-rows.csv:3: credit_limit: 'lots' is not a number (4 rows rejected; nothing was imported because of --strict)
  hint: fix the rows and import again, or leave out --strict to import the good rows
  [1]
  $ kunde customer import --reject-file rejects.csv bad-rows.csv
  kunde: error: bad-rows.csv:3: credit_limit: 'lots' is not a number
  kunde: error: bad-rows.csv:4: '2024-02-30' is not a date
  kunde: error: bad-rows.csv:5: expected 5 fields as in the header, found 6
  kunde: error: bad-rows.csv:6: the name is empty
  hint: write it like 1234.50, or use --decimal-comma for 1234,50
  hint: write YYYY-MM-DD, or give the file's format with --date-format '%d.%m.%Y'
  hint: fix the rejected rows and import them again; --reject-file FILE collects them
  bad-rows.csv: 2 inserted, 0 updated, 0 unchanged, 4 rejected
  [3]
  $ cat rejects.csv
  number,name,email,credit_limit,created_at,reject_line,reject_reason
  B-2,Bad Amount,bad@example.no,lots,2024-01-01,3,credit_limit: 'lots' is not a number
  B-3,Bad Date,date@example.no,100,2024-02-30,4,'2024-02-30' is not a date
  B-4,Too,Many,Fields,Here,5,"expected 5 fields as in the header, found 6",Extra
  B-5,,noname@example.no,,,6,the name is empty
  $ kunde customer import bad-quoting.csv
  kunde: error: bad-quoting.csv:2: malformed quoting: a quote inside a field that is not enclosed in quotes, or text after a closing quote
  hint: fix the rejected rows and import them again; --reject-file FILE collects them
  bad-quoting.csv: 1 inserted, 0 updated, 0 unchanged, 1 rejected
  [3]
  $ kunde customer import not-utf8.csv
  kunde: error: not-utf8.csv:2: field 'name' is not valid UTF-8 (byte 4)
  hint: give the file's encoding, e.g. --encoding cp1252 (also for "Latin-1")
  [1]
  $ kunde customer import missing.csv
  kunde: error: cannot read missing.csv: No such file or directory
  hint: check the file name; use - to read standard input
  [1]
  $ kunde customer import --mapping legacy-mapping.toml legacy-cp1252.csv
  legacy-cp1252.csv: 2 inserted, 0 updated, 0 unchanged, 0 rejected
  $ kunde customer show 01001 -q
  Bj\xc3\xb8rn \xc3\x86rlig  #8  01001  person (esc)
  email     bjorn@aerlig.no
  address   T\xc3\xb8nsberg (esc)
  since     2023-02-01
  balance   0.00  (limit 1234.50)
  $ kunde customer show 01002 -f json -q | grep -E '"(name|city|credit_limit|created_at)"'
    "name": "\xc3\x85smund \xc3\x98vre", (esc)
    "city": "Bod\xc3\xb8", (esc)
    "created_at": "2024-02-28",
    "credit_limit": 750.00,
      "credit_limit": 750.00,
  $ kunde customer import --map nummer=Kundenr legacy-cp1252.csv
  kunde: error: --map nummer=Kundenr: there is no field 'nummer'
  hint: fields are: number, name, kind, contact_person, email, phone, street, postal_code, city, country, org_number, created_at, preferred_channel, credit_limit, payment_terms_days, wallet, tags, notes, first_name, last_name, contact_first_name, contact_last_name
  [2]
  $ kunde customer import --map number=Nope customers.csv
  kunde: error: customers.csv:1: there is no column 'Nope' (mapped to number)
  hint: the columns are: number, name, kind, email, phone, street, postal_code, city, country, org_number, created_at, preferred_channel, credit_limit, payment_terms_days, wallet, tags, notes
  [2]
  $ kunde customer import --mapping nosuch customers.csv
  kunde: error: there is no mapping 'nosuch'
  hint: define [import.nosuch] in the config file, or give a .toml file
  [2]
  $ kunde customer import --encoding klingon customers.csv
  kunde: error: unknown encoding 'klingon'
  hint: use cp1252, latin1, utf-16, iso-8859-15, cp850, or a name from 'iconv -l'
  [2]

Changing one row updates only that customer; an empty cell clears the field.

  $ sed 's/Prefers calls after 16//' customers.csv > changed.csv
  $ kunde customer import changed.csv
  changed.csv: 0 inserted, 1 updated, 3 unchanged, 0 rejected
  $ kunde customer show K-001 -f json -q | grep '"notes"'
    "notes": null,

JSON and NDJSON, also from standard input; header aliases are matched case-insensitively.

  $ printf '[{"Customer Number": "J-1", "Full Name": "Jo Json", "E-Mail": "jo@example.no", "tags": ["a", "b"], "loyalty": 3}]' > c.json
  $ kunde customer import c.json
  c.json: 1 inserted, 0 updated, 0 unchanged, 0 rejected
  $ kunde customer show J-1 -f json -q | grep -A3 -E '"(tags|attributes)"'
    "tags": [
      "a",
      "b"
    ],
  --
    "attributes": {
      "loyalty": "3"
    },
    "merged_numbers": [],
  $ printf '{"number":"J-2","name":"Nd Json"}\n{"number":"J-3","name":"Nd Two"}\n' | kunde customer import -
  <stdin>: 2 inserted, 0 updated, 0 unchanged, 0 rejected
  $ printf '{"number":"J-4","name":"Bad" \n' > broken.json
  $ kunde customer import broken.json
  kunde: error: broken.json:2: invalid JSON: syntax error while parsing object - unexpected end of input; expected '}'
  hint: the file must hold an array of objects, or one object per line with -f ndjson
  [1]

Export, then import into a new database: the export is identical.

  $ kunde customer export -o first.csv
  exported 12 customers
  $ kunde --db other.db init -q
  $ kunde --db other.db customer import -q first.csv
  $ kunde --db other.db customer export -q > second.csv
  $ cmp first.csv second.csv && echo identical
  identical
  $ head -2 first.csv
  number,name,kind,contact_person,email,phone,street,postal_code,city,country,org_number,created_at,preferred_channel,credit_limit,payment_terms_days,wallet,tags,notes,loyalty
  K-001,Bj\xc3\xb8rn \xc3\x85berg,person,,Bjorn.Aberg@Example.no,+47 912 34 567,Storgata 1,0155,Oslo,NO,,2024-03-01,phone,5000.00,30,12000.00,b2c;vip,, (esc)
  $ kunde customer export --safe-csv -f csv -q --tag nosuch
  number,name,kind,contact_person,email,phone,street,postal_code,city,country,org_number,created_at,preferred_channel,credit_limit,payment_terms_days,wallet,tags,notes,loyalty
  $ kunde customer add -q --name '=HYPERLINK("x")' --number X-1 > /dev/null
  $ kunde customer export --safe-csv -q | grep X-1
  X-1,"'=HYPERLINK(""x"")",person,,,,,,,,,2026-11-23,,,,,,,

History: one entry per import; undo restores the database as it was.

  $ kunde history
  id  at                   command                                                          summary                                         state
   1  2026-11-23 10:00:00  customer import customers.csv                                    4 inserted, 0 updated, 0 unchanged, 0 rejected
   2  2026-11-23 10:00:00  customer import --reject-file rejects.csv bad-rows.csv           2 inserted, 0 updated, 0 unchanged, 4 rejected
   3  2026-11-23 10:00:00  customer import bad-quoting.csv                                  1 inserted, 0 updated, 0 unchanged, 1 rejected
   4  2026-11-23 10:00:00  customer import --mapping legacy-mapping.toml legacy-cp1252.csv  2 inserted, 0 updated, 0 unchanged, 0 rejected
   5  2026-11-23 10:00:00  customer import changed.csv                                      0 inserted, 1 updated, 3 unchanged, 0 rejected
   6  2026-11-23 10:00:00  customer import c.json                                           1 inserted, 0 updated, 0 unchanged, 0 rejected
   7  2026-11-23 10:00:00  customer import -                                                2 inserted, 0 updated, 0 unchanged, 0 rejected
   8  2026-11-23 10:00:00  customer add -q --name '=HYPERLINK("x")' --number X-1            1 customer added
  $ kunde customer export -q > before.csv
  $ kunde customer import -q customers.csv
  $ kunde undo
  undid entry 9 (customer import -q customers.csv) as entry 10
  $ kunde customer export -q > after.csv
  $ cmp before.csv after.csv && echo same
  same
