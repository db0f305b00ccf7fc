#!/bin/sh
# staff work phone and staff edit (issues 15, 18): the phone is checked and written one
# way, shown by staff list in every format; edit changes name, unit, role and phone,
# only for an administrator, one event per field changed in the same transaction, and
# never demotes the last active administrator.
qifu=$1
. "$(dirname "$0")/lib.sh"
db=$tmpdir/q.db
me=$(id -un)
events() {
	python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM event WHERE entity = ? AND action = ?", ("staff", sys.argv[2])).fetchone()[0])' "$db" "$1"
}

expect_rc 0 --db "$db" init
# the phone as typed is kept in its one spelling
expect_rc 0 --db "$db" staff add --login kj --name 柯静 --unit 区科经局 --role unit_staff \
	--phone "138 1234 5678"
stdout_has "added kj (柯静, 区科经局"
expect_rc 0 --db "$db" staff add --login fd --name 王芳 --unit 区企服中心 --role frontdesk \
	--phone "(0791) 8888 1234 转 801"
# a phone that is neither a mobile nor a landline with its area code: refused, nothing added
expect_rc 2 --db "$db" staff add --login x1 --name 甲 --unit 区科经局 --role unit_staff \
	--phone 88881234
stderr_has "staff add: --phone: work phone '88881234' needs its area code"
expect_rc 2 --db "$db" staff add --login x1 --name 甲 --unit 区科经局 --role unit_staff \
	--phone 1381234567
stderr_has "a mobile has 11 digits"
expect_rc 2 --db "$db" staff add --login x1 --name 甲 --unit 区科经局 --role unit_staf
stderr_has "staff add: --role: unknown role 'unit_staf'"
expect_rc 0 --db "$db" staff list --format csv
stdout_lacks "x1,"
stdout_has "login,name,unit,role,area,level,oversees,disabled_on,phone"
stdout_has "kj,柯静,区科经局,unit_staff,,,,,13812345678"
stdout_has "fd,王芳,区企服中心,frontdesk,,,,,0791-88881234-801"
expect_rc 0 --db "$db" staff list --format json
stdout_has '"phone": "13812345678"'
expect_rc 0 --db "$db" staff list
stdout_has "Work phone"
stdout_has "0791-88881234-801"

# edit: only an administrator, only a known login, the login itself never renamed
expect_rc 1 --db "$db" --as kj staff edit fd --name 王芳芳
stderr_has "only an administrator may change a login's name, unit, role or work phone"
expect_rc 1 --db "$db" staff edit nobody --name 甲
stderr_has "no staff login 'nobody'"
expect_rc 2 --db "$db" staff edit kj --login kj2
stderr_has "a login is never renamed"
expect_rc 2 --db "$db" staff edit
expect_rc 2 --db "$db" staff edit kj --phone 0791-08881234
stderr_has "staff edit: --phone: work phone '0791-08881234'"
expect_rc 2 --db "$db" staff edit kj --unit 不存在局
stderr_has "staff edit: --unit: unknown unit '不存在局'"
expect_rc 2 --db "$db" staff edit kj --role area_officer
stderr_has "staff edit: --area: an area officer needs an area"
[ "$(events edit)" = 0 ] || fail "a refused edit wrote events"

# three fields changed: three events, one transaction; the list shows the new values
expect_rc 0 --db "$db" staff edit kj --name 柯敬 --unit 区投促局 --phone 0791-88886666
stdout_has "login kj changed: 柯敬, 区投促局, unit staff, work phone 0791-88886666"
[ "$(events edit)" = 3 ] || fail "$(events edit) edit events (want 3)"
expect_rc 0 --db "$db" staff list --format csv
stdout_has "kj,柯敬,区投促局,unit_staff,,,,,0791-88886666"
# nothing changed: no event
expect_rc 0 --db "$db" staff edit kj --name 柯敬
stdout_has "nothing changed"
[ "$(events edit)" = 3 ] || fail "an edit that changed nothing wrote an event"
# a role with its own field: area officer with its area, then back (the area goes)
expect_rc 0 --db "$db" staff edit kj --role area_officer --area 麻丘镇
expect_rc 0 --db "$db" staff list --format csv
stdout_has "kj,柯敬,区投促局,area_officer,麻丘镇,"
expect_rc 0 --db "$db" staff edit kj --role unit_staff
expect_rc 0 --db "$db" staff list --format csv
stdout_has "kj,柯敬,区投促局,unit_staff,,,,,0791-88886666"
# the phone cleared
expect_rc 0 --db "$db" staff edit kj --phone ""
stdout_has "work phone none"

# the last active administrator is never demoted; with a second one, it may be
expect_rc 1 --db "$db" staff edit "$me" --role unit_staff
stderr_has "is the last active administrator"
expect_rc 0 --db "$db" staff add --login ad2 --name 管二 --unit 区企服中心 --role admin
expect_rc 0 --db "$db" staff disable ad2
# a disabled administrator does not count
expect_rc 1 --db "$db" staff edit "$me" --role supervisor
stderr_has "is the last active administrator"
expect_rc 0 --db "$db" staff enable ad2
# with ad2 active, ad2 may be demoted (the acting one remains), and then not the acting one
expect_rc 0 --db "$db" staff edit ad2 --role supervisor
stdout_has "login ad2 changed: 管二, 区企服中心, supervisor"
expect_rc 1 --db "$db" staff edit "$me" --role leader --level 1
stderr_has "login $me: it is the last active administrator"
# name, unit, phone; role and area twice; the phone cleared; ad2's role
[ "$(events edit)" = 9 ] || fail "$(events edit) edit events (want 9)"

# every change is in the chained log, which still verifies
expect_rc 0 --db "$db" audit verify
finish
