#!/bin/sh
# The event log proves itself (issue 15): copies of one database are tampered with
# the way someone with the file and the sqlite3 shell could (drop the triggers that
# forbid edits, then edit a row, remove a middle row, remove the newest rows, remove
# the anchor), and `qifu audit verify` (and `qifu check`) names the first event that
# no longer fits in each; the untouched copy verifies. Also: a commit whose anchor
# line cannot be written says so. (The migration that chains an older log:
# tests/unit/test_audit.c.)
qifu=$1
. "$(dirname "$0")/lib.sh"
db=$tmpdir/q.db
me=$(id -un)

expect_rc 0 --db "$db" demo --enterprises 12 --appeals 6 --role admin
[ -f "$db.anchor" ] || fail "demo wrote no anchor"
# 0660 at most: nothing for others, no execution
mode=$(stat -c %a "$db.anchor")
[ $((0$mode & 0117)) -eq 0 ] || fail "anchor mode $mode"
n=$(sqlite3 "$db" "SELECT max(id) FROM event")
[ "$n" -gt 20 ] || fail "too few events to tamper with: $n"
mid=$((n / 2))
at_mid=$(sqlite3 "$db" "SELECT at FROM event WHERE id = $mid")
next=$((mid + 1))
at_next=$(sqlite3 "$db" "SELECT at FROM event WHERE id = $next")
blank=$(sqlite3 "$db" "SELECT count(*) FROM event WHERE length(hash) != 64")
[ "$blank" = 0 ] || fail "$blank events without a hash"

expect_rc 0 --db "$db" audit verify
stdout_has "event log intact: $n events, chained and anchored"
expect_rc 0 --db "$db" check
stdout_has "event log:    event log intact: $n events"

# copy NAME: a copy of the database and its anchor
copy() {
	cp "$db" "$tmpdir/$1.db"
	cp "$db.anchor" "$tmpdir/$1.db.anchor"
	echo "$tmpdir/$1.db"
}

# an edited row: the triggers that forbid it dropped first
c=$(copy edited)
sqlite3 "$c" "DROP TRIGGER event_no_update; UPDATE event SET summary = summary || ' ' WHERE id = $mid"
expect_rc 1 --db "$c" audit verify
stdout_has "table event, event $mid ($at_mid, "
stdout_has "no longer matches its hash"
expect_rc 1 --db "$c" check
stdout_has "event log:    the event log was tampered with: table event, event $mid ("
stdout_has "1 problem found"
# the same edit with the row's own hash recomputed still breaks the next link
c=$(copy edited2)
sqlite3 "$c" "DROP TRIGGER event_no_update; UPDATE event SET actor = 'someone' WHERE id = $mid"
expect_rc 1 --db "$c" audit verify
stdout_has "event $mid ("

# a middle row removed
c=$(copy middle)
sqlite3 "$c" "DROP TRIGGER event_no_delete; DELETE FROM event WHERE id = $mid"
expect_rc 1 --db "$c" audit verify
stdout_has "event $mid was removed; the first event that no longer fits is table event, event $next ($at_next, "

# the newest rows removed: the chain that is left is whole, the anchor knows better
c=$(copy newest)
sqlite3 "$c" "DROP TRIGGER event_no_delete; DELETE FROM event WHERE id > $((n - 3))"
expect_rc 1 --db "$c" audit verify
stdout_has "table event, events $((n - 2)) to $n were removed: $c.anchor line "
stdout_has "the log ends at event $((n - 3))"
# ... and the newest one alone, then a new event written over its number
c=$(copy newest1)
sqlite3 "$c" "DROP TRIGGER event_no_delete; DELETE FROM event WHERE id = $n"
expect_rc 1 --db "$c" audit verify
stdout_has "table event, event $n ("
stdout_has "was removed: $c.anchor line "
expect_rc 0 --db "$c" staff add --login zz --name 某某 --unit 区科经局 --role unit_staff
expect_rc 1 --db "$c" audit verify
stdout_has "table event, event $n ("
stdout_has "has another hash than $c.anchor line "
stdout_has "the log was rewritten"

# the anchor removed, or edited
c=$(copy noanchor)
rm "$c.anchor"
expect_rc 1 --db "$c" audit verify
stdout_has "$c.anchor is missing, so removing the newest events (up to event $n) would not show"
c=$(copy badanchor)
echo "garbage" >>"$c.anchor"
expect_rc 1 --db "$c" audit verify
stdout_has "$c.anchor line $(wc -l <"$c.anchor") is not 'EVENT HASH TIME'"

# the words are the user's language
c=$(copy zh)
sqlite3 "$c" "DROP TRIGGER event_no_delete; DELETE FROM event WHERE id = $mid"
LANGUAGE=zh_CN expect_rc 1 --db "$c" audit verify
stdout_has "事件日志被篡改：第 $mid 号事件已被删除"

# a commit whose anchor line cannot be written stands, and says so
c=$(copy unwritable)
rm "$c.anchor"
mkdir "$c.anchor"
expect_rc 0 --db "$c" staff add --login yy --name 某乙 --unit 区科经局 --role unit_staff
stderr_has "the change is saved, but event $((n + 1)) could not be recorded in the event log's anchor"
[ "$(sqlite3 "$c" "SELECT login FROM staff WHERE login = 'yy'")" = yy ] || fail "the staff row was not kept"
expect_rc 2 --db "$c" audit verify
stderr_has "cannot read the event log's anchor"

# a backup carries its own anchor and verifies by itself; a stale anchor where the
# backup would go is not appended to
expect_rc 0 --db "$db" backup "$tmpdir/b.db"
[ "$(cut -d' ' -f1 "$tmpdir/b.db.anchor")" = "$n" ] || fail "backup anchor: $(cat "$tmpdir/b.db.anchor")"
expect_rc 0 --db "$tmpdir/b.db" audit verify
stdout_has "event log intact: $n events"
touch "$tmpdir/c.db.anchor"
expect_rc 2 --db "$db" backup "$tmpdir/c.db"
stderr_has "c.db.anchor: already exists"
[ ! -e "$tmpdir/c.db" ] || fail "a backup was written beside a stale anchor"

# the untouched database still verifies
expect_rc 0 --db "$db" audit verify
stdout_has "event log intact: $n events"
finish
