#!/bin/sh
# Faults and bad input through the real binary: a busy database (every command, read
# or write, and the full-screen program, exits 75 with how long it really waited and
# what to do, and writes nothing), an empty or foreign file given as --db (never
# written, a clear message; init still creates a database in an empty file), a
# journal that cannot be created (the file and the permission named), and [keys]
# lines that are empty or give one key two actions (file:line, in qifu config and in
# the program, the earlier binding kept).
qifu=$1
. "$(dirname "$0")/lib.sh"
chmod 755 "$tmpdir"
db=$tmpdir/q.db
today="--today 2026-12-01"

expect_rc 0 --db "$db" $today demo
me=$(id -un)
# the demo's first login is a supervisor: this one adds staff below
sqlite3 "$db" "UPDATE staff SET role = 'admin' WHERE login = '$me'"
uscc=$(sqlite3 "$db" "SELECT uscc FROM enterprise ORDER BY id LIMIT 1")
appeal=2026-000001

# ---- a busy database ---------------------------------------------------------------
printf '[database]\nbusy_timeout_ms = 300\n' > "$tmpdir/fast.ini"
# another session holds the lock until told to let go: EXCLUSIVE keeps readers out too
# under the rollback journal, RESERVED (IMMEDIATE) only writers under WAL
mode=EXCLUSIVE
before=$(sqlite3 "$db" "SELECT count(*) FROM event")
"$qifu" --db "$db" check | grep -q "journal mode: wal" && mode=IMMEDIATE
python3 -c "
import os, sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute('BEGIN ' + sys.argv[4])
open(sys.argv[2], 'w').close()
for _ in range(1200):
    if os.path.exists(sys.argv[3]):
        break
    time.sleep(0.05)
c.execute('ROLLBACK')
" "$db" "$tmpdir/locked" "$tmpdir/release" "$mode" &
locker=$!
while [ ! -e "$tmpdir/locked" ]; do sleep 0.05; done

busy() {
	expect_rc 75 --db "$db" --config "$tmpdir/fast.ini" $today "$@"
	stderr_has "the database is busy"
	stderr_has "busy_timeout_ms"
	stderr_has "nothing was changed"
	# the wait it reports is the one it made: at least the 0.3 s allowed
	grep -qE "Waited (0\.[3-9]|[1-9][0-9]*\.[0-9]) s \(at most 0\.3 s" "$err" ||
		fail "qifu $*: the wait reported is not the one made: $(cat "$err")"
}
# writes, whatever their own failure code would be
busy staff add --login lk --name 锁 --unit 区科经局 --role unit_staff
busy enterprise add --name 忙碌测试有限公司 --uscc 91110000600037341L --area 昌东镇 --category industry
busy appeal new --enterprise "$uscc" --title 忙 --kind simple --channel phone
busy visit add --enterprise "$uscc" --people 张三 --topics 用地
if [ "$mode" = EXCLUSIVE ]; then
	# reads, under the rollback journal
	for cmd in "staff list" "enterprise list" "appeal list" "visit list" "warning list" \
	           "financing list" "pool list" "inspect list" "remind" "check"; do
		# shellcheck disable=SC2086
		busy $cmd
	done
	busy enterprise show "$uscc"
	busy appeal show "$appeal"
	busy backup "$tmpdir/busy-copy.db"
	[ -e "$tmpdir/busy-copy.db" ] && fail "a busy backup left a file behind"
	# the full-screen program, before its screen starts
	printf 'F10\n' > "$tmpdir/quit.keys"
	busy --keys "$tmpdir/quit.keys" --dump "$tmpdir/dump.txt"
fi
touch "$tmpdir/release"
wait $locker
after=$(sqlite3 "$db" "SELECT count(*) FROM event")
[ "$before" = "$after" ] || fail "busy commands wrote events: $before -> $after"
n=$(sqlite3 "$db" "SELECT count(*) FROM staff WHERE login='lk'")
[ "$n" = 0 ] || fail "a refused write left a row"
# and once the lock is gone the same command goes through
expect_rc 0 --db "$db" --config "$tmpdir/fast.ini" staff add --login lk --name 锁 --unit 区科经局 --role unit_staff

# ---- an empty or foreign file as --db ----------------------------------------------
: > "$tmpdir/empty.db"
printf 'name,uscc\n华勤,914403001922038216\n' > "$tmpdir/list.csv"
sqlite3 "$tmpdir/other.db" "CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT);
                            CREATE TABLE orders (id INTEGER, customer INTEGER);
                            INSERT INTO customer VALUES (1, 'x');"
cp "$tmpdir/other.db" "$tmpdir/other.orig"
cp "$tmpdir/list.csv" "$tmpdir/list.orig"
for cmd in "staff list" "enterprise list" "appeal list" "check" "remind"; do
	# shellcheck disable=SC2086
	expect_rc 2 --db "$tmpdir/empty.db" $cmd
	stderr_has "empty.db: the file is empty, not a qifu database; qifu has not written to it"
	# shellcheck disable=SC2086
	expect_rc 2 --db "$tmpdir/list.csv" $cmd
	stderr_has "list.csv: not a database file (not SQLite); qifu has not written to it"
	# shellcheck disable=SC2086
	expect_rc 2 --db "$tmpdir/other.db" $cmd
	stderr_has "other.db: an SQLite database of another program (2 tables, none of qifu's)"
done
expect_rc 2 --db "$tmpdir/other.db" staff add --login x --name 甲 --unit 区科经局 --role unit_staff
expect_rc 2 --db "$tmpdir/other.db" --keys "$tmpdir/quit.keys" --dump "$tmpdir/dump.txt"
stderr_has "none of qifu's"
[ -s "$tmpdir/empty.db" ] && fail "a read command wrote into an empty file"
cmp -s "$tmpdir/other.db" "$tmpdir/other.orig" || fail "another program's database was changed"
cmp -s "$tmpdir/list.csv" "$tmpdir/list.orig" || fail "a CSV given as --db was changed"
for f in empty.db other.db list.csv; do
	[ -e "$tmpdir/$f-journal" ] && fail "a journal was made beside $f"
done
expect_rc 2 --db "$tmpdir/other.db" init
stderr_has "will not overwrite"
cmp -s "$tmpdir/other.db" "$tmpdir/other.orig" || fail "init changed another program's database"
# the commands that create a database may use an empty file
expect_rc 0 --db "$tmpdir/empty.db" init
expect_rc 0 --db "$tmpdir/empty.db" staff list
stdout_has "$me"

# ---- a journal that cannot be created ----------------------------------------------
# the database file is writable, its directory is not: SQLite cannot create the
# journal beside it. Root writes anywhere, so root runs it as nobody.
ro=$tmpdir/ro
mkdir "$ro"
cp "$db" "$ro/q.db"
as=""
if [ "$(id -u)" = 0 ]; then
	nobody=$(id -un 65534 2>/dev/null || echo nobody)
	expect_rc 0 --db "$ro/q.db" staff add --login "$nobody" --name 无名 --unit 区科经局 --role admin
	# nobody may not read the checkout (a clone under /root is not world-readable):
	# its own copy of the data files, and no settings files at all
	cp -r "$QIFU_DATA_DIR" "$tmpdir/data"
	chmod -R a+rX "$tmpdir/data"
	as="env QIFU_DATA_DIR=$tmpdir/data QIFU_SYSCONF_FILE=/nonexistent/qifu.ini"
	as="$as XDG_CONFIG_HOME=/nonexistent HOME=/nonexistent"
	as="$as setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
chmod 666 "$ro/q.db"
chmod 555 "$ro"
$as "$qifu" --db "$ro/q.db" $today staff add --login j1 --name 甲 --unit 区科经局 \
	--role unit_staff >"$out" 2>"$err"
rc=$?
[ "$rc" = 0 ] && fail "a write without a journal succeeded"
stderr_has "$ro/q.db-journal: cannot create the journal beside the database"
stderr_has "needs write permission on the directory $ro"
$as "$qifu" --db "$ro/q.db" staff list >"$out" 2>"$err" || fail "reading needs no journal: $(cat "$err")"
chmod 755 "$ro"

# ---- [keys]: an empty binding, one key for two actions ----------------------------
printf '[keys]\nsearch = F3, x\nfilter = x\nundo =\nhelp = F1, ?\n' > "$tmpdir/keys.ini"
expect_rc 0 --config "$tmpdir/keys.ini" config
stderr_has "keys.ini:3: filter: key x is already bound to search on line 2; one key, one action: this line is left out"
stderr_has "keys.ini:4: undo: no key given; this line is left out and the action keeps its keys"
stdout_has "keys.search = F3, x"
printf 'dump\nx\ndump\nEsc\nF10\n' > "$tmpdir/search.keys"
expect_rc 0 --db "$db" --config "$tmpdir/keys.ini" $today --keys "$tmpdir/search.keys" \
	--dump "$tmpdir/keys-dump.txt"
stderr_has "keys.ini:3: filter: key x is already bound to search on line 2"
stderr_has "keys.ini:4: undo: no key given"
# the first screen says so too, and x still searches (the prompt opens)
awk '/^--- /{n++} n==1' "$tmpdir/keys-dump.txt" | grep -q "keys.ini:3: filter" ||
	fail "the first screen does not name keys.ini:3: $(cat "$tmpdir/keys-dump.txt")"
awk '/^--- /{n++} n==2' "$tmpdir/keys-dump.txt" | grep -q "^Search" ||
	fail "x does not search: $(cat "$tmpdir/keys-dump.txt")"
LANGUAGE=zh_CN "$qifu" --config "$tmpdir/keys.ini" config >"$out" 2>"$err"
stderr_has "keys.ini:4: undo：没有给出按键；此行被忽略，该操作保留原有按键"
stderr_has "keys.ini:3: filter：按键 x 已在第 2 行绑定给 search"

finish
