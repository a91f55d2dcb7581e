Logging contacts, listing them, the screen pop and bad input.

  $ export KUNDE_DB=$PWD/k.db
  $ kunde -q init
  $ kunde -q customer add --number K-1001 --name "Bjørn Ås" --phone "+47 912 34 567"
  id          1
  number      K-1001
  name        Bj\xc3\xb8rn \xc3\x85s (esc)
  kind        person
  phone       +47 912 34 567
  created_at  2026-11-23
  $ kunde -q customer add --number K-1002 --name "Åse Berg" --email ase@example.no
  id          2
  number      K-1002
  name        \xc3\x85se Berg (esc)
  kind        person
  email       ase@example.no
  created_at  2026-11-23

  $ kunde contact log K-1001 --channel letter --direction in --subject "Klage på levering" --notes "Pakken kom ødelagt" --outcome complaint --follow-up 2026-11-30 --promise "send ny pakke" --owner anna --at "2026-11-20 14:05"
  logged contact 1 (post in) for K-1001
  $ kunde contact log "+47 91234567" --channel Phone --direction inbound --subject "Spørsmål om faktura" --at 2026-11-21
  logged contact 2 (phone in) for K-1001
  $ kunde contact log ase@example.no --channel e-mail --direction out --subject "Tilbud vinter" --follow-up +7d --owner Bo
  logged contact 3 (email out) for K-1002
  $ kunde contact log K-1001 --channel im --direction in --subject "Chat om retur"
  logged contact 4 (chat in) for K-1001

  $ kunde contact list
  id  at                   customer_id  number  name      channel  direction  subject              outcome    reason  follow_up_at  promise        owner  done_at
   1  2026-11-20 14:05:00            1  K-1001  Bj\xc3\xb8rn \xc3\x85s  post     in         Klage p\xc3\xa5 levering    complaint          2026-11-30    send ny pakke  anna (esc)
   2  2026-11-21                     1  K-1001  Bj\xc3\xb8rn \xc3\x85s  phone    in         Sp\xc3\xb8rsm\xc3\xa5l om faktura (esc)
   3  2026-11-23 10:00:00            2  K-1002  \xc3\x85se Berg  email    out        Tilbud vinter                           2026-11-30                   Bo (esc)
   4  2026-11-23 10:00:00            1  K-1001  Bj\xc3\xb8rn \xc3\x85s  chat     in         Chat om retur (esc)
  4 contacts

Filters: channel synonyms, direction, owner (case ignored), dates, outcome, open items.

  $ kunde -q contact list --channel letter -f csv
  id,at,customer_id,number,name,channel,direction,subject,outcome,reason,follow_up_at,promise,owner,done_at
  1,2026-11-20 14:05:00,1,K-1001,Bj\xc3\xb8rn \xc3\x85s,post,in,Klage p\xc3\xa5 levering,complaint,,2026-11-30,send ny pakke,anna, (esc)
  $ kunde -q contact list --direction out --owner bo -f csv
  id,at,customer_id,number,name,channel,direction,subject,outcome,reason,follow_up_at,promise,owner,done_at
  3,2026-11-23 10:00:00,2,K-1002,\xc3\x85se Berg,email,out,Tilbud vinter,,,2026-11-30,,Bo, (esc)
  $ kunde -q contact list --since 2026-11-21 --until 2026-11-21 -f csv
  id,at,customer_id,number,name,channel,direction,subject,outcome,reason,follow_up_at,promise,owner,done_at
  2,2026-11-21,1,K-1001,Bj\xc3\xb8rn \xc3\x85s,phone,in,Sp\xc3\xb8rsm\xc3\xa5l om faktura,,,,,, (esc)
  $ kunde -q contact list --customer K-1001 --outcome Complaint -f csv
  id,at,customer_id,number,name,channel,direction,subject,outcome,reason,follow_up_at,promise,owner,done_at
  1,2026-11-20 14:05:00,1,K-1001,Bj\xc3\xb8rn \xc3\x85s,post,in,Klage p\xc3\xa5 levering,complaint,,2026-11-30,send ny pakke,anna, (esc)
  $ kunde -q contact list --open -f csv | cut -d, -f1,11
  id,follow_up_at
  1,2026-11-30
  3,2026-11-30

Full text over subject and notes ignores case and diacritics (ø is folded too).

  $ kunde -q contact list --grep odelagt -f csv | cut -d, -f1,8
  id,subject
  1,Klage p\xc3\xa5 levering (esc)
  $ kunde -q contact list --grep "SPORSMAL fak" -f csv | cut -d, -f1,8
  id,subject
  2,Sp\xc3\xb8rsm\xc3\xa5l om faktura (esc)
  $ kunde -q contact list --grep retur -n 5 -f csv | cut -d, -f1,8
  id,subject
  4,Chat om retur
  $ kunde contact list --grep zzz -f csv
  id,at,customer_id,number,name,channel,direction,subject,outcome,reason,follow_up_at,promise,owner,done_at
  0 contacts

customer find searches contact subjects and notes too.

  $ kunde -q customer find odelagt -f csv
  id,number,name,email,phone,city
  1,K-1001,Bj\xc3\xb8rn \xc3\x85s,,+47 912 34 567, (esc)
  $ kunde -q customer find tilbud -f csv
  id,number,name,email,phone,city
  2,K-1002,\xc3\x85se Berg,ase@example.no,, (esc)

One contact in full.

  $ kunde contact show 1
  id            1
  at            2026-11-20 14:05:00
  customer_id   1
  number        K-1001
  name          Bj\xc3\xb8rn \xc3\x85s (esc)
  channel       post
  direction     in
  subject       Klage p\xc3\xa5 levering (esc)
  notes         Pakken kom \xc3\xb8delagt (esc)
  outcome       complaint
  follow_up_at  2026-11-30
  promise       send ny pakke
  owner         anna
  state         open

The screen pop: statistics, preferred channel (most inbound; ties go to the latest), open
items and the last contacts; cost to serve when configured.

  $ kunde customer show K-1001
  Bj\xc3\xb8rn \xc3\x85s  #1  K-1001  person (esc)
  phone     +47 912 34 567  (+4791234567)
  since     2026-11-23
  balance   0.00
  contacts  3 (3 in, 0 out), last 2026-11-23 10:00:00
  channel   chat
  complaint 1 recorded
  cost      cost to serve not configured: set [costs.contact] in the config
  open      2026-11-30  promised: send ny pakke  [1]  anna
  recent    2026-11-23 10:00:00  chat in  Chat om retur
            2026-11-21  phone in  Sp\xc3\xb8rsm\xc3\xa5l om faktura (esc)
            2026-11-20 14:05:00  post in  Klage p\xc3\xa5 levering (complaint) (esc)
  $ cat > costs.toml <<'TOML'
  > [costs.contact]
  > phone = 45.0
  > post = 12.5
  > TOML
  $ kunde --config costs.toml customer show K-1001 | grep cost
  cost      57.50 to serve by contacts (phone 1 \xc3\x97 45.00, post 1 \xc3\x97 12.50; no cost set for chat) (esc)
  $ json() { python3 -c "import json,sys; d=json.load(sys.stdin)['contacts']; print(json.dumps($1, ensure_ascii=False))"; }
  $ kunde --config costs.toml customer show K-1001 -f json | json '{k: v for k, v in d.items() if k not in ("open", "recent")}'
  {"contacts": 3, "inbound": 3, "outbound": 0, "last_contact_at": "2026-11-23 10:00:00", "preferred_channel": "chat", "complaints": 1, "open_promises": 1, "open_follow_ups": 1, "next_follow_up_at": "2026-11-30", "by_channel": {"chat": {"in": 1, "out": 0}, "phone": {"in": 1, "out": 0}, "post": {"in": 1, "out": 0}}, "cost_to_serve": 57.5, "cost_to_serve_configured": true}
  $ kunde customer show K-1001 -f json | json '[d["cost_to_serve"], d["cost_to_serve_configured"], [o["id"] for o in d["open"]], [r["id"] for r in d["recent"]]]'
  [null, false, [1], [4, 2, 1]]
  $ kunde customer show K-1001 --contacts 1 | grep -A 2 recent
  recent    2026-11-23 10:00:00  chat in  Chat om retur
  $ kunde customer show K-1001 --contacts 0 -f json | json '[r["id"] for r in d["recent"]]'
  []
  $ kunde customer show K-1001 --contacts -1
  kunde: error: --contacts: Value -1 not in range 0 to 10000
  hint: see 'kunde --help' or the command's --help
  [2]

Channels can be added in the config.

  $ kunde contact log K-1002 --channel whatsapp --direction in
  kunde: error: --channel: unknown channel 'whatsapp'
  hint: channels are: visit, phone, post, email, video, chat, sms, fax, web, social (more in the config: [contact] channels = [...])
  [2]
  $ printf '[contact]\nchannels = ["whatsapp", "Teams"]\n' > chan.toml
  $ kunde --config chan.toml contact log K-1002 --channel WhatsApp --direction in --subject hei
  logged contact 5 (whatsapp in) for K-1002

Bad input.

  $ kunde contact log K-9999 --channel phone --direction in
  kunde: error: no customer matches 'K-9999'
  hint: give a customer number, #id, email or phone; 'kunde customer find TEXT' searches names
  [1]
  $ kunde contact log K-1001 --channel phone --direction sideways
  kunde: error: --direction: unknown direction 'sideways'
  hint: write in or out
  [2]
  $ kunde contact log K-1001 --channel phone --direction in --at 2026-02-30
  kunde: error: --at: '2026-02-30' is not a date
  hint: write YYYY-MM-DD, or YYYY-MM-DD HH:MM with a time
  [2]
  $ kunde contact log K-1001 --channel phone --direction in --follow-up soon
  kunde: error: --follow-up: 'soon' is not a date
  hint: write YYYY-MM-DD, or YYYY-MM-DD HH:MM with a time
  [2]
  $ kunde contact log K-1001 --direction in
  kunde: error: --channel is required
  hint: see 'kunde --help' or the command's --help
  [2]
  $ kunde contact log --channel phone --direction in
  kunde: error: give one customer, or --from FILE or --segment NAME for many
  hint: kunde contact log K-1001 --channel phone --direction in
  [2]
  $ kunde contact show 99
  kunde: error: no contact 99
  hint: 'kunde contact list' shows the contacts and their ids
  [1]
  $ kunde contact show abc
  kunde: error: 'abc' is not a contact id
  hint: contact ids are numbers; 'kunde contact list' shows them
  [2]
  $ kunde contact list --channel pigeon
  kunde: error: --channel: unknown channel 'pigeon'
  hint: channels are: visit, phone, post, email, video, chat, sms, fax, web, social (more in the config: [contact] channels = [...])
  [2]
  $ kunde contact list --since yesterdayish
  kunde: error: --since: 'yesterdayish' is not a date
  hint: write YYYY-MM-DD, or YYYY-MM-DD HH:MM with a time
  [2]
  $ kunde history -f csv | tail -n +2 | wc -l
  7
