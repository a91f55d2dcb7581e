Hostile input and broken environments: output that cannot be written, text that is not
UTF-8, JSON that is not records, files that are not kunde's, runaway queries, pipes,
formulas, and erasure (tests/suites/hostile has the cases that need a full disk, a reader
holding old pages or another user).

  $ cp "$KUNDE_TEST_DATA"/customers.csv . && export KUNDE_DB=k.db
  $ kunde init -q
  $ kunde customer import -q customers.csv

Output that cannot be written is an error, never lost silently; a closed pipe is no error.

  $ kunde customer list -f csv > /dev/full
  kunde: error: cannot write standard output: No space left on device
  hint: free some space and run the command again
  [1]
  $ kunde customer export > /dev/full
  kunde: error: cannot write standard output: No space left on device
  hint: free some space and run the command again
  [1]
  $ kunde customer export-one K-001 > /dev/full
  kunde: error: cannot write standard output: No space left on device
  hint: free some space and run the command again
  [1]
  $ for i in $(seq 6000); do echo "X-$i,Name $i"; done | sed '1i number,name' > many.csv
  $ kunde customer import -q many.csv
  $ (ulimit -f 40; kunde customer export -o limited.csv; echo "exit $?"; ls limited.csv 2>&1 | sed 's/.*cannot access.*/no file/')
  kunde: error: cannot write limited.csv: File too large
  hint: the file grew past the size limit (ulimit -f); write elsewhere
  exit 1
  no file
  $ set -o pipefail; kunde -q customer list -f csv | head -1; echo "exit $?"; set +o pipefail
  id,number,name,kind,email,phone,city,country,tags
  exit 0

One gate for all text: options, CSV, JSON and standard input.

  $ kunde customer add --name $'Bad\xff\xfe'
  kunde: error: --name is not valid UTF-8 (byte 4)
  hint: give text in UTF-8; check the encoding of the terminal or script
  [2]
  $ kunde customer add --number N-0 --name Ok --notes $'a\xc3'
  kunde: error: --notes is not valid UTF-8 (byte 2)
  hint: give text in UTF-8; check the encoding of the terminal or script
  [2]
  $ printf 'number,name\nN-1,Ann\000a\nN-2,Per\n' > nul.csv
  $ kunde customer import nul.csv
  kunde: error: nul.csv:2: field 'name' holds a NUL byte (byte 4)
  hint: fix the rejected rows and import them again; --reject-file FILE collects them
  nul.csv: 1 inserted, 0 updated, 0 unchanged, 1 rejected
  [3]
  $ printf 'number,name\nN-3,Bad\377\n' > bad.csv
  $ kunde customer import bad.csv
  kunde: error: bad.csv:2: field 'name' is not valid UTF-8 (byte 4)
  hint: give the file's encoding, e.g. --encoding cp1252 (also for "Latin-1")
  [1]
  $ printf 'number\nK-\3771\n' | kunde customer tag --from - x
  kunde: error: <stdin>:2: field 'number' is not valid UTF-8 (byte 3)
  hint: give the file's encoding, e.g. --encoding cp1252 (also for "Latin-1")
  [1]
  $ echo '[[{"number":"X","name":"X"}]]' > nested.json
  $ kunde customer import nested.json
  kunde: error: nested.json:1: expected an object for each record
  hint: write the records as [{"name": ...}, ...]
  [1]
  $ echo '{"number":"D-1","name":"First","name":"Second"}' > dup.json
  $ kunde customer import dup.json
  kunde: error: dup.json:1: key 'name' appears twice
  hint: fix the rejected rows and import them again; --reject-file FILE collects them
  dup.json: 0 inserted, 0 updated, 0 unchanged, 1 rejected
  [3]
  $ kunde sql "SELECT number FROM customers WHERE number LIKE 'N-%' OR number LIKE 'D-%'" -f csv
  number
  N-2

kunde never changes a file it refuses.

  $ sqlite3 foreign.db "CREATE TABLE notes(t TEXT); PRAGMA user_version = 3;"
  $ md5sum < foreign.db > before.md5
  $ kunde --db foreign.db customer list
  kunde: error: foreign.db is not a kunde database
  hint: it is an SQLite database of another program, and kunde leaves it as it is; give the path of a database made by 'kunde init'
  [1]
  $ md5sum < foreign.db | cmp - before.md5 && sqlite3 foreign.db 'PRAGMA journal_mode' && ls foreign.db*
  delete
  foreign.db
  $ : > zero.db
  $ kunde --db zero.db customer add --name X
  kunde: error: zero.db is empty, not a kunde database
  hint: give the path of a database made by 'kunde init' (kunde leaves this file as it is)
  [1]
  $ stat -c %s zero.db
  0

kunde sql runs exactly one statement, within a time and a memory limit.

  $ kunde sql "SELECT 1; DELETE FROM customers"
  kunde: error: kunde sql runs one statement, and the query holds more
  hint: run the statements one at a time
  [2]
  $ kunde sql "SELECT count(*) AS n FROM customers; -- all of them" -f csv
  n
  6005
  $ kunde sql --timeout 0.2 "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"
  kunde: error: the query ran longer than 200 ms (the time limit)
  hint: give --timeout SECONDS for more time (0 for none), or narrow the query
  [1]

--safe-csv on every command that writes CSV, with look-alike formula starts; an import
takes off the quote it adds.

  $ kunde customer add -q --number F-1 --name '=HYPERLINK("http://x","y")' > /dev/null
  $ kunde customer add -q --number F-2 --name '＝1+1' --phone '+47 912 34 999' > /dev/null
  $ kunde customer list --safe-csv -f csv -q | grep F-
  6006,F-1,"'=HYPERLINK(""http://x"",""y"")",person,,,,,
  6007,F-2,'\xef\xbc\x9d1+1,person,,'+47 912 34 999,,, (esc)
  $ kunde sql "SELECT id, name FROM customers WHERE number = 'F-2'" -f tsv --safe-csv
  id\tname (esc)
  6007\t'\xef\xbc\x9d1+1 (esc)
  $ kunde customer export --safe-csv -q -o safe.csv
  $ kunde --db again.db init -q && kunde --db again.db customer import -q safe.csv
  $ kunde --db again.db customer export -q | cmp - <(kunde customer export -q) && echo same
  same

Erasure: the id is never given again, and export-one holds the history on the person.

  $ kunde customer edit F-2 --city Bergen -q > /dev/null
  $ kunde customer export-one F-2 | python3 -c 'import json, sys; h = json.load(sys.stdin)["history"]; print([e["command"] for e in h]); print(h[1]["changes"][0]["after"])'
  ["customer add -q --number F-2 --name \xef\xbc\x9d1+1 --phone '+47 912 34 999'", 'customer edit F-2 --city Bergen -q'] (esc)
  {'city': 'Bergen'}
  $ kunde customer forget F-2 --yes
  erased customer #6007 and every trace of them, history and search index included
  $ kunde history -n 3 -f csv
  id,at,command,summary,state
  5,2026-11-23 10:00:00,customer add,scrubbed by an erasure,cannot be undone
  6,2026-11-23 10:00:00,customer edit,scrubbed by an erasure,cannot be undone
  7,2026-11-23 10:00:00,customer forget #6007,1 customer erased,cannot be undone
  $ kunde customer add --name 'Next One' -q > /dev/null && kunde sql "SELECT max(id) FROM customers" -f csv
  max(id)
  6008
  $ kunde doctor
  ok: integrity, foreign keys, statistics and search indexes all check out
