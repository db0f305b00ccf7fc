# No export holds the database while it writes (issue 14): the journal is a rollback
# journal (Debian 12's SQLite), where a reader that keeps its SHARED lock makes every
# other session's write fail. Each export below is started with its output going into
# a pipe that nobody reads yet, so qifu blocks writing in the middle of the export;
# while it is blocked, another session's writes must commit (the sqlite3 shell with a
# 200 ms wait for the lock, and a qifu command). Then the pipe is drained and the
# export must be whole: every row the list had before, once (README, "Exports while
# others work"). Linux only: the blocked writer is seen in /proc/PID/wchan.
qifu=$1
. "$(dirname "$0")/lib.sh"
db=$tmpdir/l.db
if ! command -v sqlite3 >/dev/null || ! [ -r /proc/self/wchan ]; then
	echo "SKIP: needs the sqlite3 shell and /proc/PID/wchan"
	exit 77
fi
"$qifu" --db "$db" demo --enterprises 3000 --appeals 3000 --role admin >/dev/null 2>&1 ||
	{ echo "FAIL: demo"; exit 1; }
q() { "$qifu" --db "$db" --today 2026-03-09 "$@"; }

# 1500 work orders of the 12345 hotline, for appeal export --for 12345
python3 - "$tmpdir/orders.csv" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("工单编号,来电时间,来电人,联系电话,诉求内容,企业名称,统一社会信用代码,诉求类型,办理时限\n")
    for i in range(1500):
        f.write("L%05d,2026-03-06 09:30:00,张三,13800000001,厂区门口路灯不亮，晚上下班不安全（%d）,某某不存在公司%d,,求助,2026-03-13\n" % (i, i, i))
PY
q --as lina appeal import "$tmpdir/orders.csv" >/dev/null 2>"$err" || fail "import: $(cat "$err")"
# 1500 open financing needs without term or guarantee: each one warned about on stderr
sqlite3 "$db" "INSERT INTO financing (enterprise_id, amount_fen, purpose, created_by,
  created_at, updated_at) SELECT id, 5000000, '流动资金', 'test', '2026-03-01 09:00:00',
  '2026-03-01 09:00:00' FROM enterprise ORDER BY id LIMIT 1500;" || fail "financing rows"

writes=0
# writing PID: PID sleeps writing into a pipe (pipe_write, anon_pipe_write)
writing() {
	case $(cat /proc/$1/wchan 2>/dev/null) in
	*pipe_write) return 0 ;;
	*) return 1 ;;
	esac
}
# blocked NAME STREAM ARGS...: qifu ARGS with STREAM (stdout or stderr) into a pipe
# that is read only after another session has written; what came through is in
# $tmpdir/NAME, the exit code in $rc
blocked() {
	name=$1 stream=$2
	shift 2
	fifo=$tmpdir/$name.fifo
	mkfifo "$fifo"
	(exec <"$fifo"; while [ ! -e "$tmpdir/$name.go" ]; do sleep 0.05; done; cat >"$tmpdir/$name") &
	reader=$!
	if [ "$stream" = stdout ]; then
		"$qifu" --db "$db" --today 2026-03-09 "$@" >"$fifo" 2>"$tmpdir/$name.err" &
	else
		"$qifu" --db "$db" --today 2026-03-09 "$@" 2>"$fifo" >"$tmpdir/$name.out" &
	fi
	pid=$!
	tries=0
	while ! writing $pid; do
		tries=$((tries + 1))
		if [ $tries -gt 1200 ] || ! kill -0 $pid 2>/dev/null; then
			fail "$name: qifu never blocked writing its $stream"
			break
		fi
		sleep 0.05
	done
	writes=$((writes + 1))
	sqlite3 "$db" ".timeout 200" "BEGIN IMMEDIATE;
	  UPDATE staff SET phone = '1397910$writes' WHERE login = 'lina'; COMMIT;" \
		>/dev/null 2>"$err" || fail "$name: a write while the export waits: $(cat "$err")"
	q staff add --login w$name --name 写入 --unit 区企服中心 --role frontdesk \
		>/dev/null 2>"$err" || fail "$name: qifu staff add while the export waits: $(cat "$err")"
	writing $pid ||
		fail "$name: the export was not waiting any more when the writes were done"
	touch "$tmpdir/$name.go"
	wait $pid
	rc=$?
	wait $reader
	[ "$rc" = 0 ] || fail "$name: exit $rc: $(cat "$tmpdir/$name.err" 2>/dev/null)"
}

# same NAME: the list drained from the pipe is the one read before, row for row
same() {
	if ! cmp -s "$tmpdir/$1.before" "$tmpdir/$1"; then
		fail "$1: the export differs from the list before it"
		diff "$tmpdir/$1.before" "$tmpdir/$1" | head -5
	fi
}

# the register: the reader of enterprise list and export
q enterprise list --format csv >"$tmpdir/ent.before"
blocked ent stdout enterprise list --format csv
same ent
[ "$(wc -l <"$tmpdir/ent")" = 3001 ] || fail "ent: $(wc -l <"$tmpdir/ent") lines, want 3001"

# the appeals by deadline, and by state
q appeal list --sort due --format csv >"$tmpdir/due.before"
blocked due stdout appeal list --sort due --format csv
same due
q appeal list --sort state --desc --format csv >"$tmpdir/state.before"
blocked state stdout appeal list --sort state --desc --format csv
same state

# the hotline's orders back to it
q appeal export --for 12345 >"$tmpdir/orders.before"
blocked orders stdout appeal export --for 12345
same orders
[ "$(wc -l <"$tmpdir/orders")" = 1501 ] || fail "orders: $(wc -l <"$tmpdir/orders") lines"

# a workbook: the platform's financing export, blocked on its warnings
blocked fin stderr --as root financing export --for platform --output "$tmpdir/fin.xlsx"
[ -s "$tmpdir/fin.xlsx" ] || fail "fin: no workbook"
[ "$(grep -c '^qifu: ' "$tmpdir/fin")" = 1500 ] ||
	fail "fin: $(grep -c '^qifu: ' "$tmpdir/fin") warnings, want 1500"
grep -q '1500' "$tmpdir/fin.out" || fail "fin: $(cat "$tmpdir/fin.out")"

[ "$fails" = 0 ] || exit 1
