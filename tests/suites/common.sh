# Shared by the suites in tests/suites: the kunde under test, an environment without the
# user's settings, a scratch folder, and counting of checks.
#   source tests/suites/common.sh BUILD_DIR
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
kunde=$build/kunde
[ -x "$kunde" ] || { echo "${0##*/}: no kunde in $build; build it first" >&2; exit 1; }
export PATH="$build:$PATH"
unset KUNDE_DB KUNDE_CONFIG NO_COLOR COLUMNS
export XDG_CONFIG_HOME=/nonexistent XDG_DATA_HOME=/nonexistent TZ=Europe/Oslo LC_ALL=C.UTF-8
export KUNDE_NOW="2026-11-23 10:00:00"

work=$(mktemp -d)
chmod 755 "$work"  # readable by the unprivileged user the read-only cases run as
cleanup_hooks=()
cleanup() {
  local h
  for h in "${cleanup_hooks[@]}"; do eval "$h" || true; done
  rm -rf "$work"
}
trap cleanup EXIT

passed=0 failed=0 skipped=0
pass() { passed=$((passed + 1)); }
fail() {
  failed=$((failed + 1))
  echo "FAIL: $*" >&2
}
skip() {
  skipped=$((skipped + 1))
  echo "skipped: $*" >&2
}
# check NAME COMMAND...: passes when the command succeeds.
check() {
  local name=$1
  shift
  if "$@"; then pass; else fail "$name"; fi
}

# Customers with names, emails, cities and notes, $1 of them, the same every time.
make_customers() {
  awk -v n="$1" 'BEGIN {
    srand(7); print "number,name,email,phone,city,country,notes"
    split("Oslo Bergen Trondheim Stavanger Tromsø Bodø Ålesund Göteborg", city, " ")
    split("Kari Ola Åse Bjørn Nils Siri Pål Eva Per Ingrid", first, " ")
    split("Hansen Nordmann Berg Haugen Dahl Lie Strand Moen Bakke Holm", last, " ")
    for (i = 1; i <= n; i++) {
      f = first[int(rand() * 10) + 1]; l = last[int(rand() * 10) + 1]
      printf "K-%d,%s %s,%s.%s%d@example.no,+47 9%07d,%s,NO,note %d\n", i, f, l, tolower(f), tolower(l), i, i, city[int(rand() * 8) + 1], i
    }
  }'
}

# Orders of those customers, $2 of them.
make_orders() {
  awk -v n="$1" -v m="$2" 'BEGIN {
    srand(11); print "order,customer,ordered_at,sku,quantity,unit_price"
    for (i = 1; i <= m; i++) {
      printf "A-%d,K-%d,2026-%02d-%02d,SKU-%d,%d,%d.00\n", i, int(rand() * n) + 1, int(rand() * 11) + 1, int(rand() * 28) + 1, int(rand() * 20), int(rand() * 3) + 1, int(rand() * 500) + 10
    }
  }'
}

# The person to erase, in every place a person's data goes, in database $1: added,
# renamed (history keeps the name before), an order, a payment, a contact, indexed.
# Each word occurs nowhere else; leftover_bytes looks for them.
person_words=(Zqxvornplim Hovdetakrum Vrommelstad plimtak Kvistorpgata PAYREF-ZQXV ORDZQXV Bluttervoss 99887766)
add_person() {
  local db=$1
  kunde --db "$db" -q customer add --number P-1 --name "Hovdetakrum Zqxvornplim" --city Vrommelstad \
    --email zq@plimtak.example --street "Kvistorpgata 9" --phone 99887766 >/dev/null &&
    kunde --db "$db" -q customer edit P-1 --name "Zqxvornplim Zqxvornplim" >/dev/null &&
    kunde --db "$db" -q order add P-1 --amount 120 --number ORDZQXV >/dev/null &&
    kunde --db "$db" -q order pay P-1 120 --reference PAYREF-ZQXV >/dev/null &&
    kunde --db "$db" -q contact log P-1 --channel phone --direction in --notes "lives by Bluttervoss" >/dev/null &&
    kunde --db "$db" -q customer find zqxvornplim -f csv | grep -q P-1
}
# Words of the person still in database $1 or its log (also their last letters, which
# outlast the prefix compression of a search index); prints them.
leftover_bytes() {
  local db=$1 w found=1
  for w in "${person_words[@]}"; do
    if cat "$db" "$db-wal" 2>/dev/null | grep -aqiF -e "$w" -e "${w: -7}"; then
      echo "$w"
      found=0
    fi
  done
  return $found
}

finish() {
  echo "${0##*/}: $passed passed, $failed failed, $skipped skipped$([ -n "${figures:-}" ] && echo "; $figures")"
  [ "$failed" -eq 0 ]
}
