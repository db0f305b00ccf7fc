#!/bin/sh
# staff disable|enable (issue 15): only an administrator, never one's own login, a
# disabled login cannot use qifu (nor be acted as), its name stays in the list and
# the history, and each change is an event the chained log still verifies.
qifu=$1
. "$(dirname "$0")/lib.sh"
db=$tmpdir/q.db
me=$(id -un)

expect_rc 0 --db "$db" init
expect_rc 0 --db "$db" staff add --login kj --name 柯静 --unit 区科经局 --role unit_staff
expect_rc 0 --db "$db" staff add --login ad2 --name 管二 --unit 区企服中心 --role admin

# only an administrator
expect_rc 1 --db "$db" --as kj staff disable ad2
stderr_has "only an administrator may disable or enable a login"
# never one's own login, nor an unknown one
expect_rc 1 --db "$db" staff disable "$me"
stderr_has "your own login"
expect_rc 1 --db "$db" staff disable nobody
stderr_has "no staff login 'nobody'"
expect_rc 2 --db "$db" staff disable
expect_rc 2 --db "$db" staff disable kj ad2

expect_rc 0 --db "$db" staff disable kj
stdout_has "login kj (柯静) disabled"
expect_rc 1 --db "$db" staff disable kj
stderr_has "login kj: it is already disabled"
# the disabled login keeps its row and name, with the day it was disabled
expect_rc 0 --db "$db" staff list --format csv
stdout_has "kj,柯静,区科经局,unit_staff,,,,20"
# it can no longer use qifu, and nobody can act as it
expect_rc 1 --db "$db" --as kj staff list
stderr_has "--as kj: this login was disabled on 20"
# nor can the other administrator once disabled; enabled again, they can
expect_rc 0 --db "$db" staff disable ad2
expect_rc 1 --db "$db" --as ad2 staff list
expect_rc 0 --db "$db" staff enable ad2
stdout_has "login ad2 (管二) enabled"
expect_rc 1 --db "$db" staff enable ad2
stderr_has "login ad2: it is not disabled"
expect_rc 0 --db "$db" --as ad2 staff enable kj
expect_rc 0 --db "$db" --as kj staff list --format csv
stdout_has "kj,柯静,区科经局,unit_staff,,,,"
stdout_lacks "kj,柯静,区科经局,unit_staff,,,,20"

# four changes so far, four events, and the chain verifies
expect_rc 0 --db "$db" audit verify
# the administrator's own login disabled by another: refused with the login named,
# --as included (a disabled login cannot use qifu at all)
expect_rc 0 --db "$db" --as ad2 staff disable "$me"
expect_rc 1 --db "$db" staff list
stderr_has "login '$me'"
stderr_has "was disabled on"
stderr_has "qifu staff enable $me"
expect_rc 1 --db "$db" --as ad2 staff list
stderr_has "login '$me'"
n=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM event WHERE entity = ? AND action IN (?, ?)", ("staff", "disable", "enable")).fetchone()[0])' "$db")
[ "$n" = 5 ] || fail "$n disable/enable events (want 5)"

finish
