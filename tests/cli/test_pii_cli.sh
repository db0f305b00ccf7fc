#!/bin/sh
# Personal data (issue 15, PIPL): an enterprise's legal representative, contact and
# phone are masked for roles that do not need them in every output (show in table,
# CSV and JSON, --full, list, export), shown in full to the front desk and the centre,
# the lead unit's staff and the area's officer; every view and export in full is an
# access event in the hash chain, and `qifu audit access` counts them per login.
qifu=$1
. "$(dirname "$0")/lib.sh"
db=$tmpdir/p.db
q() { "$qifu" --db "$db" "$@"; }

expect_rc 0 --db "$db" demo --enterprises 8 --appeals 4 --role admin
# an enterprise of 麻丘镇 whose lead unit is not the area, and its personal fields
row=$(sqlite3 -separator '|' "$db" "SELECT uscc, lead_unit, legal_rep, contact, phone FROM enterprise WHERE area = '麻丘镇' ORDER BY id LIMIT 1")
uscc=${row%%|*}; rest=${row#*|}
lead=${rest%%|*}; rest=${rest#*|}
legal=${rest%%|*}; rest=${rest#*|}
contact=${rest%%|*}; phone=${rest#*|}
[ -n "$phone" ] && [ -n "$legal" ] || fail "demo enterprise without personal fields: $row"
masked_phone=$(printf '%s' "$phone" | sed 's/^\(...\).*\(....\)$/\1****\2/')
q staff add --login lead1 --name 牵头 --unit "$lead" --role unit_staff >/dev/null
q staff add --login other1 --name 他人 --unit 区应急局 --role unit_staff >/dev/null
q staff add --login sup1 --name 督办 --unit 区应急局 --role supervisor >/dev/null
q staff add --login mq1 --name 马丘 --unit 麻丘镇 --role area_officer --area 麻丘镇 >/dev/null
q staff add --login cd1 --name 陈东 --unit 昌东镇 --role area_officer --area 昌东镇 >/dev/null
q staff add --login fd1 --name 前台 --unit 区企服中心 --role frontdesk >/dev/null
views() { sqlite3 "$db" "SELECT count(*) FROM event WHERE entity = 'access' AND actor = '$1' AND action = '$2'"; }

# masked for another unit's staff and a supervisor, in every format; nothing recorded
for who in other1 sup1; do
	expect_rc 0 --db "$db" --as $who enterprise show "$uscc"
	stdout_has "$masked_phone"
	stdout_lacks "$phone"
	stdout_lacks "$legal"
	expect_rc 0 --db "$db" --as $who enterprise show "$uscc" --format json
	stdout_has "\"phone\": \"$masked_phone\""
	expect_rc 0 --db "$db" --as $who enterprise show "$uscc" --format csv --full
	stdout_has "enterprise,,,phone,$masked_phone"
	stdout_lacks "$phone"
	expect_rc 0 --db "$db" --as $who enterprise list --format csv
	stdout_lacks "$phone"
	[ "$(views $who view)$(views $who export)" = 00 ] || fail "$who: an access recorded for masked data"
done
# the other area's officer does not see the enterprise at all
expect_rc 1 --db "$db" --as cd1 enterprise show "$uscc"

# in full for the lead unit's staff, the area's officer and the front desk: one view
# event per show (a command is a session), an export event with its rows
for who in lead1 mq1 fd1; do
	expect_rc 0 --db "$db" --as $who enterprise show "$uscc"
	stdout_has "$phone"
	stdout_has "$legal"
	expect_rc 0 --db "$db" --as $who enterprise show "$uscc" --full --format json
	stdout_has "\"phone\": \"$phone\""
	[ "$(views $who view)" = 2 ] || fail "$who: $(views $who view) view events, want 2"
done
s=$(sqlite3 "$db" "SELECT summary FROM event WHERE entity = 'access' AND actor = 'mq1' LIMIT 1")
[ "$s" = "kind=enterprise; fields=legal_rep,contact,phone" ] || fail "view summary '$s'"

# exports: the area officer's rows in full are recorded with their count; the
# supervisor's masked file records nothing
in_area=$(sqlite3 "$db" "SELECT count(*) FROM enterprise WHERE area = '麻丘镇' AND status = 'operating'")
expect_rc 0 --db "$db" --as mq1 enterprise export "$tmpdir/mq.csv"
has "$tmpdir/mq.csv" "$phone"
s=$(sqlite3 "$db" "SELECT summary FROM event WHERE entity = 'access' AND actor = 'mq1' AND action = 'export'")
[ "$s" = "kind=enterprise; rows=$in_area; fields=legal_rep,contact,phone; to=$tmpdir/mq.csv" ] ||
	fail "export summary '$s'"
expect_rc 0 --db "$db" --as sup1 enterprise export "$tmpdir/sup.csv"
has "$tmpdir/sup.csv" "$masked_phone"
grep -qF -- "$phone" "$tmpdir/sup.csv" && fail "the supervisor's export holds the phone in full"
[ "$(views sup1 export)" = 0 ] || fail "a masked export was recorded"
# the lead unit's staff export: only the rows of its lead unit go out in full
led=$(sqlite3 "$db" "SELECT count(*) FROM enterprise WHERE lead_unit = '$lead' AND status = 'operating'")
expect_rc 0 --db "$db" --as lead1 enterprise list --format csv
s=$(sqlite3 "$db" "SELECT summary FROM event WHERE entity = 'access' AND actor = 'lead1' AND action = 'export'")
[ "$s" = "kind=enterprise; rows=$led; fields=legal_rep,contact,phone; to=-" ] ||
	fail "list summary '$s'"

# an appeal's caller: in full for the front desk (recorded), masked for a supervisor
num=$(sqlite3 "$db" "SELECT number FROM appeal WHERE caller_phone <> '' ORDER BY id LIMIT 1")
cphone=$(sqlite3 "$db" "SELECT caller_phone FROM appeal WHERE number = '$num'")
expect_rc 0 --db "$db" --as fd1 appeal show "$num" --format json
stdout_has "\"caller_phone\": \"$cphone\""
s=$(sqlite3 "$db" "SELECT summary FROM event WHERE entity = 'access' AND actor = 'fd1' AND action = 'view' ORDER BY id DESC LIMIT 1")
[ "$s" = "kind=appeal; fields=caller_name,caller_phone" ] || fail "appeal view summary '$s'"
expect_rc 0 --db "$db" --as sup1 appeal show "$num" --format json
stdout_lacks "$cphone"

# the summary per login: administrators and supervisors only
expect_rc 1 --db "$db" --as mq1 audit access
stderr_has "only an administrator or a supervisor"
expect_rc 0 --db "$db" --as sup1 audit access --format csv
stdout_has "login,views,exports,subjects,rows,last"
stdout_has "fd1,3,0,2,0,"
stdout_has "lead1,2,1,1,$led,"
stdout_has "mq1,2,1,1,$in_area,"
stdout_lacks "sup1,"
stdout_lacks "other1,"
expect_rc 0 --db "$db" audit access --login mq1 --format json
stdout_has "\"login\": \"mq1\", \"views\": 2, \"exports\": 1, \"subjects\": 1, \"rows\": $in_area"
stdout_lacks "fd1"
expect_rc 0 --db "$db" audit access
stdout_has "Login"
stdout_has "mq1"
# the events carry the database clock's day: a range before it holds none
expect_rc 0 --db "$db" audit access --to 2000-01-01
stdout_has "No personal data was seen or exported in full."
expect_rc 2 --db "$db" audit access --from 2026-12-02 --to 2026-12-01
stderr_has "--from 2026-12-02 is after --to 2026-12-01"

# the accesses are in the hash chain
expect_rc 0 --db "$db" audit verify
stdout_has "event log intact"
finish
