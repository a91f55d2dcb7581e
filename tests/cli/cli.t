The command line itself: usage errors exit 2, output formats, -o, backup, doctor, sql.

  $ kunde --version
  kunde 0.1.0
  $ kunde
  kunde: error: 'kunde' needs a command: init, customer, product, order, contact, segment, report, history, undo, backup, db, doctor, sql, config
  hint: see 'kunde --help'
  [2]
  $ kunde nosuch
  kunde: error: unknown command 'nosuch'
  hint: see 'kunde --help'
  [2]
  $ kunde nosuch --help
  kunde: error: unknown command 'nosuch'
  hint: see 'kunde --help'
  [2]
  $ kunde customer nosuch --help
  kunde: error: unknown command 'nosuch'
  hint: see 'kunde customer --help'
  [2]
  $ kunde customer list --bogus
  kunde: error: The following argument was not expected: --bogus
  hint: see 'kunde --help' or the command's --help
  [2]
  $ kunde -f yaml customer list
  kunde: error: --format: yaml not in {table,csv,tsv,json,ndjson,jsonl,md,markdown,html}
  hint: see 'kunde --help' or the command's --help
  [2]
  $ kunde --color sometimes customer list
  kunde: error: --color: sometimes not in {auto,always,never}
  hint: see 'kunde --help' or the command's --help
  [2]
  $ cp "$KUNDE_TEST_DATA"/* . && export KUNDE_DB=k.db
  $ kunde init -q
  $ kunde customer import -q customers.csv
  $ kunde customer list -f json --limit 1 -q
  [
    {"id":1,"number":"K-001","name":"Bj\xc3\xb8rn \xc3\x85berg","kind":"person","email":"Bjorn.Aberg@Example.no","phone":"+47 912 34 567","city":"Oslo","country":"NO","tags":"b2c;vip"} (esc)
  ]
  $ kunde customer list -f md --limit 2 -q
  | id | number | name | kind | email | phone | city | country | tags |
  | ---: | --- | --- | --- | --- | --- | --- | --- | --- |
  | 1 | K-001 | Bj\xc3\xb8rn \xc3\x85berg | person | Bjorn.Aberg@Example.no | +47 912 34 567 | Oslo | NO | b2c;vip | (esc)
  | 2 | K-002 | \xc3\x85se \xc3\x98deg\xc3\xa5rd | person | ase@example.no | 22334455 | Bergen | NO | b2c | (esc)
  $ kunde customer list -o out.tsv --limit 2 -q && cat out.tsv
  id\tnumber\tname\tkind\temail\tphone\tcity\tcountry\ttags (esc)
  1\tK-001\tBj\xc3\xb8rn \xc3\x85berg\tperson\tBjorn.Aberg@Example.no\t+47 912 34 567\tOslo\tNO\tb2c;vip (esc)
  2\tK-002\t\xc3\x85se \xc3\x98deg\xc3\xa5rd\tperson\tase@example.no\t22334455\tBergen\tNO\tb2c (esc)
  $ kunde customer list -o out.html --limit 1 -q && grep -c '<table' out.html
  1

-o writes a regular file whole or not at all (a temporary file renamed over it); a device or
a FIFO is written in place, so /dev/null stays a device, and a link stays a link:

  $ kunde customer list -o /dev/null -q && test -c /dev/null && echo still a device
  still a device
  $ ln -s out.tsv linked.tsv && kunde customer list -o linked.tsv --limit 1 -q && test -L linked.tsv && wc -l < out.tsv
  2
  $ kunde customer list --sort bogus
  kunde: error: cannot sort by 'bogus'
  hint: sort by id, number, name, city, country, created_at, email, revenue, margin, balance, orders or last_order
  [2]
  $ kunde backup -q copy.db
  $ kunde backup -q copy.db
  kunde: error: copy.db exists already
  hint: backup never overwrites; choose a new file name
  [1]
  $ kunde --db copy.db customer list -f csv -q | wc -l
  5
  $ kunde doctor
  ok: integrity, foreign keys, statistics and search indexes all check out
  $ kunde sql "SELECT number, name FROM customers WHERE country = 'SE'" -f csv
  number,name
  K-003,G\xc3\xb6teborg R\xc3\xb6r AB (esc)
  $ kunde sql "DELETE FROM customers"
  kunde: error: kunde sql runs only statements that read
  hint: change data with kunde's commands, so history can undo it
  [2]
  $ kunde sql "SELEC 1"
  kunde: error: the query is not valid SQL: *syntax error* (glob)
  hint: check the statement; kunde(1) lists the tables
  [1]
  $ echo "not a database" > junk.db
  $ kunde --db junk.db customer list
  kunde: error: junk.db is not a kunde database
  hint: give the path of a database made by 'kunde init'
  [1]
  $ kunde customer list --color always --limit 1 -q | head -1 | od -c | head -1
  0000000 033   [   1   m   i   d 033   [   0   m         033   [   1   m
