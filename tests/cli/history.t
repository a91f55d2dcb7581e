History and undo: each write is one entry; undo refuses when a later change is in the way.

  $ cp "$KUNDE_TEST_DATA"/* . && export KUNDE_DB=k.db
  $ kunde init -q
  $ kunde undo
  kunde: error: there is nothing to undo
  hint: 'kunde history' lists what was done
  [1]
  $ kunde customer add -q --name Anna --number A-1 > /dev/null
  $ kunde customer add -q --name Berit --number B-1 > /dev/null
  $ kunde customer edit -q A-1 --city Oslo > /dev/null
  $ kunde customer edit -q A-1 --city Bergen > /dev/null
  $ kunde history
  id  at                   command                                    summary             state
   1  2026-11-23 10:00:00  customer add -q --name Anna --number A-1   1 customer added
   2  2026-11-23 10:00:00  customer add -q --name Berit --number B-1  1 customer added
   3  2026-11-23 10:00:00  customer edit -q A-1 --city Oslo           1 customer updated
   4  2026-11-23 10:00:00  customer edit -q A-1 --city Bergen         1 customer updated
  $ kunde undo 3
  kunde: error: cannot undo entry 3 (customer edit -q A-1 --city Oslo): entry 4 (customer edit -q A-1 --city Bergen) changed customer 1 later
  hint: undo entry 4 first, or leave entry 3 as it is
  [1]
  $ kunde undo 9
  kunde: error: there is no history entry 9
  hint: 'kunde history' lists them
  [1]
  $ kunde undo 4
  undid entry 4 (customer edit -q A-1 --city Bergen) as entry 5
  $ kunde customer show A-1 -f csv -q | cut -d, -f1-9
  id,number,name,kind,contact_person,email,phone,street,postal_code
  1,A-1,Anna,person,,,,,
  $ kunde undo 3
  undid entry 3 (customer edit -q A-1 --city Oslo) as entry 6
  $ kunde customer show A-1 -f csv -q | cut -d, -f1-9
  id,number,name,kind,contact_person,email,phone,street,postal_code
  1,A-1,Anna,person,,,,,
  $ kunde undo 6
  undid entry 6 (undo 3) as entry 7
  $ kunde customer show A-1 -f csv -q | cut -d, -f1-9
  id,number,name,kind,contact_person,email,phone,street,postal_code
  1,A-1,Anna,person,,,,,
  $ kunde undo 5
  undid entry 5 (undo 4) as entry 8
  $ kunde history -f tsv
  id\tat\tcommand\tsummary\tstate (esc)
  1\t2026-11-23 10:00:00\tcustomer add -q --name Anna --number A-1\t1 customer added\t (esc)
  2\t2026-11-23 10:00:00\tcustomer add -q --name Berit --number B-1\t1 customer added\t (esc)
  3\t2026-11-23 10:00:00\tcustomer edit -q A-1 --city Oslo\t1 customer updated\t (esc)
  4\t2026-11-23 10:00:00\tcustomer edit -q A-1 --city Bergen\t1 customer updated\t (esc)
  5\t2026-11-23 10:00:00\tundo 4\tundid entry 4\tundone by 8 (esc)
  6\t2026-11-23 10:00:00\tundo 3\tundid entry 3\tundone by 7 (esc)
  7\t2026-11-23 10:00:00\tundo 6\tundid entry 6\tundid 6 (esc)
  8\t2026-11-23 10:00:00\tundo 5\tundid entry 5\tundid 5 (esc)
  $ kunde undo
  undid entry 4 (customer edit -q A-1 --city Bergen) as entry 9
  $ kunde history -n 2 -f csv
  id,at,command,summary,state
  8,2026-11-23 10:00:00,undo 5,undid entry 5,undid 5
  9,2026-11-23 10:00:00,undo,undid entry 4,undid 4
  $ kunde undo abc
  kunde: error: Could not convert: ID = abc
  hint: see 'kunde --help' or the command's --help
  [2]

Merging moves everything and keeps the old number findable; forget erases a person everywhere.

  $ kunde customer add -q --name "Bjørn Åberg" --number M-1 --email bjorn@example.no --city Oslo > /dev/null
  $ kunde customer add -q --name "Bjorn Aberg" --number M-2 --phone "+47 912 34 567" --city oslo --tag old > /dev/null
  $ kunde customer add -q --name "Other" --number M-3 --email BJORN@example.no > /dev/null
  $ kunde customer dupes
  id  number  name         other_id  other_number  other_name   score  reasons
   3  M-1     Bj\xc3\xb8rn \xc3\x85berg         5  M-3           Other           90  email (esc)
   3  M-1     Bj\xc3\xb8rn \xc3\x85berg         4  M-2           Bjorn Aberg     60  name+city (esc)
  2 likely duplicate pairs
  $ kunde customer merge M-1 M-2
  merged #4 into #3 (0 orders, 0 payments, 0 contacts moved)
  $ kunde customer show M-2 -q
  Bj\xc3\xb8rn \xc3\x85berg  #3  M-1  person (esc)
  tags      old
  phone     +47 912 34 567  (+4791234567)
  email     bjorn@example.no
  address   Oslo
  since     2026-11-23
  merged    M-2
  balance   0.00

An import that names the merged-away number updates the customer it was merged into.

  $ printf 'number,name,city\nM-2,Bjørn Åberg,Bergen\nM-9,Nina Berg,Oslo\n' > merged.csv
  $ kunde customer import merged.csv
  merged.csv: 1 inserted, 1 updated, 0 unchanged, 0 rejected
  $ kunde customer list --city Bergen -f csv
  id,number,name,kind,email,phone,city,country,tags
  3,M-1,Bj\xc3\xb8rn \xc3\x85berg,person,bjorn@example.no,+47 912 34 567,Bergen,,old (esc)
  1 customer

  $ kunde customer merge M-1 M-1
  kunde: error: a customer cannot be merged into itself
  hint: give two different customers
  [2]
  $ kunde customer export-one M-3 | grep -E '"(name|email|number)"'
      "number": "M-3",
      "name": "Other",
      "email": "BJORN@example.no",
              "number": "M-3",
              "name": "Other",
              "email": "BJORN@example.no",
  $ kunde customer forget M-3
  kunde: error: forgetting customer #5 erases them everywhere, history included, and cannot be undone
  hint: add --yes to confirm; 'kunde customer export-one' first keeps a copy for the person
  [2]
  $ kunde customer forget M-3 --yes
  erased customer #5 and every trace of them, history and search index included
  $ kunde customer show M-3
  kunde: error: no customer matches 'M-3'
  hint: give a customer number, #id, email or phone; 'kunde customer find TEXT' searches names
  [1]
  $ kunde history -f csv -q | grep -c 'M-3'
  0
  [1]
  $ kunde sql "SELECT count(*) AS n FROM customers WHERE email_key = 'bjorn@example.no'" -f csv
  n
  1
