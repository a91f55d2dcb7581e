Configuration: precedence flag > environment > file > default, and named import mappings.

  $ cp "$KUNDE_TEST_DATA"/* .
  $ cat > kunde.toml <<'TOML'
  > db = "from-file.db"
  > region = "se"
  > currency = "SEK"
  > [costs.contact]
  > phone = 45.0
  > [import.legacy]
  > encoding = "cp1252"
  > sep = ";"
  > decimal_comma = true
  > date_format = "%d.%m.%Y"
  > [import.legacy.fields]
  > number = "Kundenr"
  > name = "Navn"
  > TOML
  $ kunde --config kunde.toml config show --origin
  key                          value         origin
  churn.churn_days             365           default
  churn.interval_factor        3             default
  churn.p_alive_threshold      0.5           default
  clv.discount_rate            0.1           default
  clv.horizon                  52w           default
  clv.period                   week          default
  costs.contact.phone          45            file kunde.toml
  currency                     SEK           file kunde.toml
  db                           from-file.db  file kunde.toml
  import.legacy.date_format    %d.%m.%Y      file kunde.toml
  import.legacy.decimal_comma  true          file kunde.toml
  import.legacy.encoding       cp1252        file kunde.toml
  import.legacy.fields.name    Navn          file kunde.toml
  import.legacy.fields.number  Kundenr       file kunde.toml
  import.legacy.sep            ;             file kunde.toml
  money_decimals               2             default
  region                       se            file kunde.toml
  $ KUNDE_DB=env.db kunde --config kunde.toml config show --origin -f csv | grep '^db,'
  db,env.db,env KUNDE_DB
  $ KUNDE_DB=env.db kunde --config kunde.toml --db flag.db config show --origin -f csv | grep '^db,'
  db,flag.db,flag --db
  $ kunde --no-config config show -f csv | grep -E '^(db|region),'
  db,/nonexistent/kunde/kunde.db
  region,
  $ kunde --config missing.toml config show
  kunde: error: no config file at missing.toml
  hint: give an existing file, or --no-config
  [1]
  $ printf 'region = \n' > broken.toml
  $ kunde --config broken.toml config show
  kunde: error: broken.toml:1: Error while parsing key-value pair: expected value, saw '\n'
  hint: fix the TOML syntax; see kunde-config(5)
  [1]
  $ KUNDE_CONFIG=kunde.toml kunde init
  created from-file.db
  $ KUNDE_CONFIG=kunde.toml kunde customer import --mapping legacy legacy-cp1252.csv
  legacy-cp1252.csv: 2 inserted, 0 updated, 0 unchanged, 0 rejected
  $ KUNDE_CONFIG=kunde.toml kunde customer list -f csv -q
  id,number,name,kind,email,phone,city,country,tags
  1,01001,Bj\xc3\xb8rn \xc3\x86rlig,person,bjorn@aerlig.no,,T\xc3\xb8nsberg,, (esc)
  2,01002,\xc3\x85smund \xc3\x98vre,person,,,Bod\xc3\xb8,, (esc)
  $ KUNDE_CONFIG=kunde.toml kunde customer add -q --name Sven --number S-1 --phone "070-123 45 67"
  id          3
  number      S-1
  name        Sven
  kind        person
  phone       070-123 45 67
  created_at  2026-11-23
  $ KUNDE_CONFIG=kunde.toml kunde customer show '+46 70 123 45 67' -q | head -1
  Sven  #3  S-1  person
