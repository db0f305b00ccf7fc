#!/bin/sh
# init, staff, check, backup and demo through the real binary: exit codes, the
# messages people see, role rules, --as, an unknown login, a locked database.
qifu=$1
. "$(dirname "$0")/lib.sh"
db=$tmpdir/q.db
me=$(id -un)

expect_rc 0 --db "$db" init
stdout_has "$me"
expect_rc 2 --db "$db" init
stderr_has "will not overwrite"
expect_rc 2 --db "$tmpdir/none.db" staff list
stderr_has "qifu init"

expect_rc 0 --db "$db" staff add --login wf --name 王芳 --unit 区企服中心 --role frontdesk
expect_rc 0 --db "$db" staff add --login cd --name 陈东 --unit 昌东镇 --role area_officer --area 昌东镇
expect_rc 0 --db "$db" staff add --login fg --name 付刚 --unit 区党工委 --role leader --level 2 --oversees 区科经局，区投促局
expect_rc 1 --db "$db" staff add --login wf --name 又一个 --unit 区企服中心 --role frontdesk
stderr_has "already staff (王芳)"
expect_rc 2 --db "$db" staff add --login a1 --name 甲 --unit 区外星局 --role unit_staff
stderr_has "unknown unit '区外星局'"
stderr_has "区科经局"
expect_rc 2 --db "$db" staff add --login a2 --name 乙 --unit 昌东镇 --role area_officer
stderr_has "昌东镇, 麻丘镇, 艾溪湖管理处, 鲤鱼洲管理处"
expect_rc 2 --db "$db" staff add --login a3 --name 丙 --unit 区科经局 --role boss
stderr_has "unknown role 'boss'"
expect_rc 2 --db "$db" staff add --login a4 --name 丁 --unit 区党工委 --role leader --level 3
expect_rc 2 --db "$db" staff add --login a5 --name 戊 --unit 区党工委 --role leader --level 2
stderr_has "--oversees"
expect_rc 2 --db "$db" staff add --login a6 --name 己 --unit 区科经局 --role unit_staff --area 昌东镇
expect_rc 2 --db "$db" staff add --login "a b" --name 庚 --unit 区科经局 --role unit_staff

# only an admin may add staff or act as someone else
expect_rc 1 --db "$db" --as wf staff add --login zz --name 某 --unit 区科经局 --role unit_staff
stderr_has "only an administrator may add staff"
expect_rc 0 --db "$db" --as wf staff list --format csv
stdout_has "fg,付刚,区党工委,leader,,2,区投促局、区科经局"
expect_rc 2 --db "$db" --as nobody staff list
stderr_has "no such staff login"
expect_rc 0 --db "$db" staff list --format json
stdout_has '"oversees": ["区投促局", "区科经局"]'
stdout_has '"area": "昌东镇"'
expect_rc 2 --db "$db" staff list --format xml
stderr_has "table, csv, json"

# every change leaves an event row; the event log refuses UPDATE and DELETE
events=$(sqlite3 "$db" "SELECT count(*) FROM event WHERE entity='staff' AND action='add'")
[ "$events" = 4 ] || { echo "FAIL: $events staff events, want 4"; fails=$((fails + 1)); }
if sqlite3 "$db" "DELETE FROM event" 2>/dev/null; then
	echo "FAIL: the event log accepted a DELETE"; fails=$((fails + 1))
fi
if sqlite3 "$db" "UPDATE event SET actor='x'" 2>/dev/null; then
	echo "FAIL: the event log accepted an UPDATE"; fails=$((fails + 1))
fi

expect_rc 0 --db "$db" check
stdout_has "journal mode: truncate"
stdout_has "no problems found"
# how many columns ambiguous characters take: through a pipe there is no terminal to
# ask; a setting is said to be one
stdout_has "terminal:     ambiguous characters (“ … ① ─) are counted as 1 column: there was no terminal to ask (ambiguous_width = auto)"
printf '[display]\nambiguous_width = 2\n' > "$tmpdir/wide.ini"
expect_rc 0 --db "$db" --config "$tmpdir/wide.ini" check
stdout_has "terminal:     ambiguous characters (“ … ① ─) take 2 columns, as [display] ambiguous_width says"
expect_rc 0 --db "$db" backup "$tmpdir/copy.db"
expect_rc 0 --db "$tmpdir/copy.db" staff list
stdout_has 王芳
expect_rc 2 --db "$db" backup "$tmpdir/copy.db"
stderr_has "will not overwrite"
expect_rc 1 --db "$db" --as wf backup "$tmpdir/copy2.db"

# a locked database: the write waits busy_timeout_ms, then says so and changes nothing
printf '[database]\nbusy_timeout_ms = 300\n' > "$tmpdir/fast.ini"
python3 -c "
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute('BEGIN IMMEDIATE')
open(sys.argv[2], 'w').close()
time.sleep(3)
" "$db" "$tmpdir/locked" &
locker=$!
while [ ! -e "$tmpdir/locked" ]; do sleep 0.05; done
expect_rc 75 --db "$db" --config "$tmpdir/fast.ini" staff add --login lk --name 锁 --unit 区科经局 --role unit_staff
stderr_has "the database is busy"
wait $locker
n=$(sqlite3 "$db" "SELECT count(*) FROM staff WHERE login='lk'")
[ "$n" = 0 ] || { echo "FAIL: a refused write left a row"; fails=$((fails + 1)); }

# a bad settings line is reported with file:line and the rest still applies
printf '[database]\nbusy_timeout_ms = 010\nno_such_key = 1\n[display]\nambiguous_width = 3\n' > "$tmpdir/bad.ini"
expect_rc 0 --db "$db" --config "$tmpdir/bad.ini" staff list
stderr_has "bad.ini:3"
stderr_has "bad.ini:5"
expect_rc 2 --db "$db" --config "$tmpdir/none.ini" staff list
stderr_has "none.ini"

# a login that is not staff is told how to be added, never shown a guest view
sqlite3 "$db" "DELETE FROM staff WHERE login='$me'"
expect_rc 1 --db "$db" staff list
stderr_has "qifu staff add --login $me"

# a database newer than the program is refused
cp "$tmpdir/copy.db" "$tmpdir/new.db"
sqlite3 "$tmpdir/new.db" "PRAGMA user_version = 999"
expect_rc 2 --db "$tmpdir/new.db" staff list
stderr_has "newer than this qifu"
# a file that is not a database
echo "not a database" > "$tmpdir/junk.db"
expect_rc 2 --db "$tmpdir/junk.db" staff list
stderr_has "junk.db: not a database file"

# the demo is deterministic and passes its own check
expect_rc 0 demo --db "$tmpdir/d1.db" --enterprises 120 --seed 5
expect_rc 0 demo --db "$tmpdir/d2.db" --enterprises 120 --seed 5
a=$(sqlite3 "$tmpdir/d1.db" "SELECT group_concat(name||uscc||lead_unit, ';') FROM enterprise")
b=$(sqlite3 "$tmpdir/d2.db" "SELECT group_concat(name||uscc||lead_unit, ';') FROM enterprise")
[ "$a" = "$b" ] || { echo "FAIL: demo with one seed differs"; fails=$((fails + 1)); }
expect_rc 0 --db "$tmpdir/d1.db" check
n=$(sqlite3 "$tmpdir/d1.db" "SELECT count(DISTINCT category) || count(DISTINCT area) FROM enterprise")
[ "$n" = 64 ] || { echo "FAIL: demo covers $n (categories, areas), want 6 and 4"; fails=$((fails + 1)); }
for code in $(sqlite3 "$tmpdir/d1.db" "SELECT uscc FROM enterprise LIMIT 40"); do
	"$qifu" uscc check "$code" >/dev/null 2>&1 || { echo "FAIL: demo USCC $code invalid"; fails=$((fails + 1)); }
done
expect_rc 2 demo --db "$tmpdir/d1.db"
stderr_has "will not overwrite"

# The demo's appeals are written by the bulk path (held records, indexes built at
# the end, no journal while building, foreign keys checked once): what it leaves must
# be what the one-move-at-a-time path would, so every row agrees with the event log
# and the schema is the one init makes.
ap="$tmpdir/ap.db"
expect_rc 0 --today 2026-06-01 demo --db "$ap" --enterprises 40 --appeals 500 --seed 3
stdout_has "and 500 appeals"
left=$(ls "$tmpdir" | grep -c -e '\.build-' -e 'ap\.db-journal')
[ "$left" = 0 ] || { echo "FAIL: the demo left its build files: $(ls "$tmpdir")"; fails=$((fails + 1)); }
[ -f "$ap.anchor" ] || { echo "FAIL: the demo's anchor was not moved beside it"; fails=$((fails + 1)); }
expect_rc 0 --db "$ap" audit verify
expect_rc 0 --db "$ap" check
expect_rc 0 --db "$tmpdir/fresh.db" init
schema="SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
[ "$(sqlite3 "$ap" "$schema")" = "$(sqlite3 "$tmpdir/fresh.db" "$schema")" ] ||
	{ echo "FAIL: the demo's schema (indexes) differs from init's"; fails=$((fails + 1)); }
bad=$(sqlite3 "$ap" "PRAGMA foreign_key_check" | wc -l)
[ "$bad" = 0 ] || { echo "FAIL: $bad rows point to missing ones"; fails=$((fails + 1)); }
for check in \
	"a version unlike its events|SELECT count(*) FROM appeal a WHERE a.version <>
	 (SELECT count(*) FROM event e WHERE e.entity = 'appeal' AND e.entity_id = a.id)" \
	"a due date unlike its running timers|SELECT count(*) FROM appeal a WHERE a.next_due IS NOT
	 (SELECT min(due) FROM appeal_timer t WHERE t.appeal_id = a.id AND t.done IS NULL)" \
	"an open count unlike the appeals|SELECT count(*) FROM enterprise en WHERE open_appeals <>
	 (SELECT count(*) FROM appeal a WHERE a.enterprise_id = en.id
	  AND a.state NOT IN ('closed', 'withdrawn', 'merged'))" \
	"a number sequence behind its appeals|SELECT count(*) FROM appeal_seq s
	 WHERE last <> (SELECT max(seq) FROM appeal a WHERE a.year = s.year)" \
	"a state unlike its last move's|SELECT count(*) FROM appeal a JOIN event e ON e.id =
	 (SELECT max(id) FROM event x WHERE x.entity = 'appeal' AND x.entity_id = a.id
	  AND x.action NOT IN ('register', 'schedule', 'outcome', 'escalate'))
	 WHERE e.summary NOT LIKE '% -> ' || a.state AND e.summary NOT LIKE '% -> ' || a.state || ';%'" \
	"an assignment without its dispatch|SELECT count(*) FROM appeal a WHERE
	 (SELECT count(*) FROM appeal_assignment s WHERE s.appeal_id = a.id) <>
	 (SELECT count(*) FROM event e WHERE e.entity = 'appeal' AND e.entity_id = a.id
	  AND e.action = 'dispatch')"; do
	n=$(sqlite3 "$ap" "${check#*|}")
	[ "$n" = 0 ] || { echo "FAIL: demo: $n with ${check%%|*}"; fails=$((fails + 1)); }
done
n=$(sqlite3 "$ap" "SELECT count(DISTINCT state) FROM appeal")
[ "$n" -ge 8 ] || { echo "FAIL: the demo's appeals reach only $n states"; fails=$((fails + 1)); }
# and the same seed gives the same appeals
expect_rc 0 --today 2026-06-01 demo --db "$tmpdir/ap2.db" --enterprises 40 --appeals 500 --seed 3
expect_rc 0 --today 2026-06-01 --db "$ap" appeal list --format csv
cp "$out" "$tmpdir/ap.csv"
expect_rc 0 --today 2026-06-01 --db "$tmpdir/ap2.db" appeal list --format csv
cmp -s "$out" "$tmpdir/ap.csv" || { echo "FAIL: one seed, two demos' appeals differ"; fails=$((fails + 1)); }

finish
