Importing contacts: idempotent, with rejected rows reported as FILE:LINE.

  $ export KUNDE_DB=$PWD/k.db
  $ kunde -q init
  $ kunde -q customer add --number K-1 --name Anna
  id          1
  number      K-1
  name        Anna
  kind        person
  created_at  2026-11-23
  $ kunde -q customer add --number K-2 --name Bo
  id          2
  number      K-2
  name        Bo
  kind        person
  created_at  2026-11-23
  $ cp "$KUNDE_TEST_DATA"/contacts.csv "$KUNDE_TEST_DATA"/contacts_legacy.csv .

  $ kunde contact import contacts.csv
  kunde: error: contacts.csv:5: no customer 'K-9'
  kunde: error: contacts.csv:6: unknown channel 'pigeon'
  kunde: error: contacts.csv:7: '2026-02-30' is not a date
  kunde: error: contacts.csv:8: unknown direction 'sideways'
  kunde: error: contacts.csv:9: a quoted field is not closed: its opening quote runs to the end of the file
  hint: import the customers first, or give --create-missing to create bare ones
  hint: channels are: visit, phone, post, email, video, chat, sms, fax, web, social (more in the config: [contact] channels = [...])
  hint: fix the rejected rows and import them again; --reject-file FILE collects them
  contacts.csv: 3 inserted, 0 updated, 0 unchanged, 5 rejected
  [3]

Again: nothing changes.

  $ kunde contact import contacts.csv --reject-file rejects.csv 2>/dev/null
  [3]
  $ kunde contact import contacts.csv 2>&1 | tail -1
  contacts.csv: 0 inserted, 0 updated, 3 unchanged, 5 rejected
  $ cut -d, -f1,11- rejects.csv
  customer,reject_line,reject_reason
  K-9,5,no customer 'K-9'
  K-2,6,unknown channel 'pigeon'
  K-2,7,'2026-02-30' is not a date
  K-2,8,unknown direction 'sideways'
  ,9,a quoted field is not closed: its opening quote runs to the end of the file
  $ kunde -q contact list -f csv | cut -d, -f1-2,4,6-8,11
  id,at,number,channel,direction,subject,follow_up_at
  1,2026-10-01 09:00:00,K-1,phone,in,Order question,
  2,2026-10-02,K-1,email,out,Offer,2026-10-09
  3,2026-10-03 12:00:00+02:00,K-2,web,in,Self-service return,

--strict takes nothing; --create-missing makes bare customers.

  $ kunde contact import contacts.csv --strict 2>&1 | head -1
  kunde: error: contacts.csv:5: no customer 'K-9' (5 rows rejected; nothing was imported because of --strict)
  $ kunde contact import contacts.csv --create-missing --dry-run 2>&1 | tail -1
  contacts.csv: 1 inserted, 0 updated, 3 unchanged, 4 rejected; 1 customer created (dry run: nothing changed)
  $ kunde -q customer list -f csv | cut -d, -f1-3
  id,number,name
  1,K-1,Anna
  2,K-2,Bo

A legacy file: semicolons, Norwegian headers mapped with --map, dd.mm.yyyy dates, channel
synonyms; the same row twice is two contacts (occurrence counts), and stays two.

  $ kunde contact import contacts_legacy.csv --sep ';' --date-format '%d.%m.%Y' --map at=Dato --map direction=Retning --map reason=Årsak
  contacts_legacy.csv: 4 inserted, 0 updated, 0 unchanged, 0 rejected
  $ kunde contact import contacts_legacy.csv --sep ';' --date-format '%d.%m.%Y' --map at=Dato --map direction=Retning --map reason=Årsak
  contacts_legacy.csv: 0 inserted, 0 updated, 4 unchanged, 0 rejected
  $ kunde -q contact list --since 2026-11-01 -f csv | cut -d, -f1-2,4,6-7,9-11,13
  id,at,number,channel,direction,outcome,reason,follow_up_at,owner
  4,2026-11-01,K-1,post,in,complaint,damaged,2026-11-30,anna
  5,2026-11-02,K-1,phone,out,ok,,,anna
  6,2026-11-03,K-2,sms,out,,,,
  7,2026-11-03,K-2,sms,out,,,,

Export and import round trip: the key column matches, so nothing changes; a changed
export updates (here: a follow-up closed in another system).

  $ kunde -q contact export -o all.csv
  $ head -1 all.csv
  key,customer,at,channel,direction,subject,notes,outcome,reason,follow_up_at,promise,owner,done_at,done_notes
  $ kunde contact import all.csv
  all.csv: 0 inserted, 0 updated, 7 unchanged, 0 rejected
  $ kunde -q contact export --customer K-1 --channel post | sed 's/,,$/,2026-11-29,replaced/' > closed.csv
  $ kunde contact import closed.csv
  closed.csv: 0 inserted, 1 updated, 0 unchanged, 0 rejected
  $ kunde -q contact show 4 -f json | grep -E '"(state|done_at|done_notes)"'
    "state": "done",
    "done_at": "2026-11-29",
    "done_notes": "replaced"
  $ kunde -q contact export -f json --grep reklamasjon | grep -c '"key"'
  1

Statistics after import; doctor agrees with a full recomputation.

  $ kunde sql "SELECT customer_id, contacts, inbound, outbound, complaints, open_follow_ups, preferred_channel, by_channel FROM customer_contact_stats ORDER BY customer_id" -f csv
  customer_id,contacts,inbound,outbound,complaints,open_follow_ups,preferred_channel,by_channel
  1,4,2,2,1,1,post,"{""email"":{""in"":0,""out"":1},""phone"":{""in"":1,""out"":1},""post"":{""in"":1,""out"":0}}"
  2,3,1,2,0,0,web,"{""sms"":{""in"":0,""out"":2},""web"":{""in"":1,""out"":0}}"
  $ kunde doctor
  ok: integrity, foreign keys, statistics and search indexes all check out

Bad input: a missing required column, an unknown --map field.

  $ printf 'customer,at,channel\nK-1,2026-01-01,phone\n' > nodir.csv
  $ kunde contact import nodir.csv
  kunde: error: nodir.csv:1: no column for 'direction' (the columns are: customer, at, channel)
  hint: name a column direction (or dir, inbound_outbound, retning, ...), or map one with --map direction=COLUMN ('--fields' lists every name)
  [1]
  $ kunde contact import nodir.csv --map sentiment=x
  kunde: error: --map sentiment=x: there is no field 'sentiment'
  hint: fields are: key, customer, at, channel, direction, subject, notes, outcome, reason, follow_up_at, promise, owner, done_at, done_notes
  [2]
