Moving a database whole: kunde db copy writes everything into a new SQLite file or an empty
PostgreSQL database, and kunde doctor --compare tells whether two databases hold the same.
(Run on PostgreSQL, k.db is a server database and the copy a file: the way back.)

  $ cp "$KUNDE_TEST_DATA"/customers.csv . && export KUNDE_DB=k.db
  $ kunde init -q
  $ kunde customer import -q customers.csv
  $ kunde contact log K-001 --channel phone --direction in --subject "Ringte om faktura" -q
  $ kunde segment create oslo --where "city = oslo" -q
  $ kunde db copy --to copy.db
  table              rows
  meta                  0
  customers             4
  customer_tags         6
  customer_aliases      0
  products              0
  orders                0
  order_lines           0
  payments              0
  contacts              1
  customer_scores       0
  customer_offers       0
  segments              1
  segment_members       0
  segment_matches       1
  segment_refreshes     1
  segment_history       1
  history               3
  copied k.db to copy.db: 18 rows in 17 tables

The copy holds the same rows; the content hashes say so table by table.

  $ kunde doctor --compare copy.db -f csv | cut -d, -f1,2,3,6
  same: k.db and copy.db hold the same rows in all 19 tables
  table,rows,other_rows,same
  meta,2,2,yes
  customers,4,4,yes
  customer_tags,6,6,yes
  customer_aliases,0,0,yes
  products,0,0,yes
  orders,0,0,yes
  order_lines,0,0,yes
  payments,0,0,yes
  contacts,1,1,yes
  customer_scores,0,0,yes
  customer_offers,0,0,yes
  segments,1,1,yes
  segment_members,0,0,yes
  segment_matches,1,1,yes
  segment_refreshes,1,1,yes
  segment_history,1,1,yes
  history,3,3,yes
  customer_order_stats,0,0,yes
  customer_contact_stats,1,1,yes
  $ kunde --db copy.db customer show K-001 | head -3
  Bj\xc3\xb8rn \xc3\x85berg  #1  K-001  person (esc)
  tags      b2c;vip
  phone     +47 912 34 567  (+4791234567)
  $ kunde --db copy.db customer find faktura -f csv | cut -d, -f1,2
  1 customer matches 'faktura'
  id,number
  1,K-001

A change on one side shows as the tables that differ, and exit status 1.

  $ kunde --db copy.db customer edit K-002 --city Stavanger -q > /dev/null
  $ kunde doctor --compare copy.db -f csv -q | grep ',no$' | cut -d, -f1,2,3,6
  customers,4,4,no
  history,3,4,no
  $ kunde doctor --compare copy.db > /dev/null
  2 tables of 19 differ between k.db and copy.db
  [1]

The copy's own changes undo there; what was copied has no undo record.

  $ kunde --db copy.db undo
  undid entry 4 (--db copy.db customer edit K-002 --city Stavanger -q) as entry 5
  $ kunde --db copy.db undo 1
  kunde: error: entry 1 (customer import -q customers.csv) cannot be undone
  hint: erasures, entries scrubbed by an erasure and entries copied from another database (kunde db copy) keep no record of their rows
  [1]

A copy never overwrites, and the commands say what they need.

  $ kunde db copy --to copy.db
  kunde: error: copy.db exists already
  hint: a copy never overwrites; choose a new file name
  [1]
  $ kunde db copy
  kunde: error: --to is required
  hint: see 'kunde --help' or the command's --help
  [2]
  $ kunde db
  kunde: error: 'kunde db' needs a command: copy
  hint: see 'kunde db --help'
  [2]
  $ kunde doctor --fix --compare copy.db
  kunde: error: --fix excludes --compare
  hint: see 'kunde --help' or the command's --help
  [2]
  $ kunde doctor --compare missing.db
  kunde: error: no database at missing.db
  hint: run 'kunde init' to create one, or give --db PATH
  [1]

A server URL's password is never shown: not by config show, not in history.

  $ kunde --db 'postgresql://ann:s3cret@db.example/kunde' config show | grep '^db '
  db                       postgresql://ann@db.example/kunde
  $ kunde --db copy.db customer edit K-001 --notes 'postgresql://ann:s3cret@db.example/kunde' -q > /dev/null
  $ kunde --db copy.db history -n 1 -f csv | cut -d, -f3
  command
  --db copy.db customer edit K-001 --notes postgresql://ann@db.example/kunde -q
