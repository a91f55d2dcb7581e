Follow-ups and promises due, across month and year ends, with dates as written.

  $ export KUNDE_DB=$PWD/k.db
  $ kunde -q init
  $ kunde -q customer add --number K-1 --name Anna --phone "+47 91234567"
  id          1
  number      K-1
  name        Anna
  kind        person
  phone       +47 91234567
  created_at  2026-11-23
  $ kunde -q customer add --number K-2 --name Bo
  id          2
  number      K-2
  name        Bo
  kind        person
  created_at  2026-11-23
  $ kunde -q contact log K-1 --channel phone --direction in --subject "Call back" --follow-up "2026-11-30T23:30:00+01:00" --owner anna --at 2026-11-02
  $ kunde -q contact log K-1 --channel email --direction out --subject "Offer" --follow-up 2026-12-01 --owner Bo --at 2026-11-03
  $ kunde -q contact log K-2 --channel visit --direction in --subject "New year" --follow-up 2027-01-01 --owner anna --at 2026-11-04
  $ kunde -q contact log K-2 --channel post --direction out --subject "Late evening, west" --follow-up "2026-11-30T23:30:00-05:00" --owner bo --at 2026-11-05
  $ kunde -q contact log K-2 --channel phone --direction in --subject "Undated promise" --promise "send brochure" --at "2026-11-20 09:00"
  $ kunde -q contact log K-2 --channel phone --direction in --subject "Nothing open" --at 2026-11-21

The last day of November: both 23:30 follow-ups are due that day, whatever their offset
(no shift to UTC), the undated promise is due since the day it was made.

  $ kunde -q contact due --as-of 2026-11-30 -f csv | cut -d, -f1-4,7,11,12
  id,due,overdue_days,owner,name,subject,promise
  5,2026-11-20,10,,Bo,Undated promise,send brochure
  1,2026-11-30,0,anna,Anna,Call back,
  4,2026-11-30,0,bo,Bo,"Late evening, west"
  $ kunde -q contact due --as-of 2026-11-29 -f csv | cut -d, -f1,2
  id,due
  5,2026-11-20
  $ kunde -q contact due --as-of 2026-12-01 --overdue -f csv | cut -d, -f1-3
  id,due,overdue_days
  5,2026-11-20,11
  1,2026-11-30,1
  4,2026-11-30,1
  $ kunde -q contact due --as-of 2026-12-31 -f csv | cut -d, -f1-3
  id,due,overdue_days
  5,2026-11-20,41
  1,2026-11-30,31
  4,2026-11-30,31
  2,2026-12-01,30
  $ kunde -q contact due --as-of 2026-12-31 --overdue --owner BO -f csv | cut -d, -f1-4
  id,due,overdue_days,owner
  4,2026-11-30,31,bo
  2,2026-12-01,30,Bo
  $ kunde -q contact due --as-of 2026-12-25 --within 7d -f csv | cut -d, -f1-3
  id,due,overdue_days
  5,2026-11-20,35
  1,2026-11-30,25
  4,2026-11-30,25
  2,2026-12-01,24
  3,2027-01-01,-7
  $ kunde -q contact due --as-of 2026-11-30 --within 1d --owner anna
  id  due         overdue_days  owner  customer_id  number  name  phone         email  channel  subject    promise
   1  2026-11-30             0  anna             1  K-1     Anna  +47 91234567         phone    Call back
  $ kunde contact due --customer K-2 --as-of 2026-11-24
  id  due         overdue_days  owner  customer_id  number  name  phone  email  channel  subject          promise
   5  2026-11-20             4                   2  K-2     Bo                  phone    Undated promise  send brochure
  1 open follow-up and promise due by 2026-11-24, 1 overdue

Without --as-of, today is KUNDE_NOW (2026-11-23).

  $ kunde contact due -f csv
  id,due,overdue_days,owner,customer_id,number,name,phone,email,channel,subject,promise
  5,2026-11-20,3,,2,K-2,Bo,,,phone,Undated promise,send brochure
  1 open follow-up and promise due by 2026-11-23, 1 overdue

Closing: done keeps the contact and takes it off the list; undo reopens it.

  $ kunde contact done 1 --notes "called, all good"
  closed contact 1
  $ kunde -q contact show 1 -f json | grep -E '"(done_at|done_notes|state)"'
    "state": "done",
    "done_at": "2026-11-23 10:00:00",
    "done_notes": "called, all good"
  $ kunde -q contact due --as-of 2026-11-30 -f csv | cut -d, -f1
  id
  5
  4
  $ kunde undo
  undid entry 9 (contact done 1 --notes 'called, all good') as entry 10
  $ kunde -q contact due --as-of 2026-11-30 -f csv | cut -d, -f1
  id
  5
  1
  4
  $ kunde contact done 5 4 --at 2026-11-24
  closed 2 contacts
  $ kunde -q contact list --open -f csv | cut -d, -f1
  id
  1
  2
  3

Bad input.

  $ kunde contact done 4
  kunde: error: contact 4 was done already on 2026-11-24
  hint: 'kunde undo' reopens it if that was a mistake
  [1]
  $ kunde contact done 6
  kunde: error: contact 6 has no promise or follow-up to close
  hint: 'kunde contact due' lists what is open
  [1]
  $ kunde contact done 77
  kunde: error: no contact 77
  hint: 'kunde contact due' lists the open ones and their ids
  [1]
  $ kunde contact due --as-of 2026-13-01
  kunde: error: --as-of: '2026-13-01' is not a date
  hint: write YYYY-MM-DD, or YYYY-MM-DD HH:MM with a time
  [2]
  $ kunde contact due --within soon
  kunde: error: 'soon' is not a duration
  hint: write it like 90d, 12w, 6m or 1y
  [2]
  $ kunde contact due --within 7d --overdue
  kunde: error: --overdue and --within exclude each other
  hint: give one of them
  [2]
