Every report in every output format, on a generated customer base: each one renders, and
the structured formats parse. Only failures print.

  $ kunde-gen -q --customers 300 --seed 11 --products 30 --contacts-per-customer 2 --out data
  $ export KUNDE_DB=$PWD/k.db
  $ kunde -q init
  $ kunde -q customer import data/customers.csv
  $ kunde -q product import data/products.csv
  $ kunde -q order import data/orders.csv
  $ kunde -q contact import data/contacts.csv
  $ for r in summary value clv rfm churn cohort top affinity products "next --all" channels changes wallet all; do
  >   for f in table csv tsv json ndjson md html; do
  >     kunde -q report $r --as-of 2026-10-31 -f $f > out 2> err || { echo "report $r -f $f: exit $?"; head -n 2 err; }
  >     case $f in
  >       json) python3 -c 'import json, sys; json.load(open("out"))' 2>/dev/null || echo "report $r -f json: not JSON" ;;
  >       ndjson) python3 -c 'import json, sys; [json.loads(l) for l in open("out") if l.strip()]' 2>/dev/null || echo "report $r -f ndjson: not NDJSON" ;;
  >     esac
  >   done
  > done
