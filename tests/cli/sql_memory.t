kunde sql's memory limit. On SQLite the query runs inside kunde, which stops it at 256 MB;
on PostgreSQL the server runs it and bounds its memory itself (work_mem, the server's
limits), so this transcript is SQLite's alone.

  $ [ "$KUNDE_TEST_BACKEND" = postgresql ] && exit 80
  [1]
  $ export KUNDE_DB=k.db
  $ kunde init -q
  $ kunde sql "SELECT length(randomblob(1000000000))"
  kunde: error: the query needs more than 256 MB of memory (the limit for kunde sql)
  hint: narrow the query, or add LIMIT
  [1]

A string doubled until it outgrows the limit, in SQL any backend reads, stops as well.

  $ kunde sql "WITH RECURSIVE r(n, s) AS (SELECT 0, 'x' UNION ALL SELECT n + 1, s || s FROM r WHERE n < 29) SELECT max(length(s)) AS longest FROM r"
  kunde: error: the query needs more than 256 MB of memory (the limit for kunde sql)
  hint: narrow the query, or add LIMIT
  [1]
