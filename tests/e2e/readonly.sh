#!/bin/sh
# The full-screen program on a database this user cannot write, in a real pty
# (tests/e2e/vtscreen): once the file itself is read-only, once its directory (where
# the journal goes). It opens and browses, the title says 只读, a save names the
# database and that it is read-only, the form keeps what was typed, and the file is
# unchanged. Root ignores file modes, so root runs qifu as nobody with its own copy of
# the data files and no settings files.
# Usage: readonly.sh QIFU VTSCREEN
qifu=$(realpath "$1") vtscreen=$(realpath "$2")
# under /tmp: nobody may not reach a checkout under /root
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
fails=0
fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}
mkdir -p "$work/ro"
chmod 755 "$work"
db=$work/ro/q.db
"$qifu" --db "$db" --today 2026-12-01 demo --enterprises 60 --seed 7 >/dev/null ||
	{ echo "FAIL: qifu demo"; exit 1; }
as=""
if [ "$(id -u)" = 0 ]; then
	nobody=$(id -un 65534 2>/dev/null || echo nobody)
	sqlite3 "$db" "UPDATE staff SET role = 'admin' WHERE login = '$(id -un)'"
	"$qifu" --db "$db" --today 2026-12-01 staff add --login "$nobody" --name 无名 \
		--unit 区企服中心 --role frontdesk >/dev/null || fail "staff add $nobody"
	# its own copy of the program, the data files and the translations
	cp "$qifu" "$work/qifu"
	qifu=$work/qifu
	cp -r "$QIFU_DATA_DIR" "$work/data"
	cp -r "$QIFU_LOCALEDIR" "$work/locale"
	chmod -R a+rX "$work/data" "$work/locale" "$work/qifu"
	# vtscreen runs its program by path
	as="$(command -v env) QIFU_DATA_DIR=$work/data QIFU_LOCALEDIR=$work/locale"
	as="$as QIFU_SYSCONF_FILE=/nonexistent/qifu.ini"
	as="$as XDG_CONFIG_HOME=/nonexistent HOME=/nonexistent"
	as="$as setpriv --reuid=65534 --regid=65534 --clear-groups"
else
	sqlite3 "$db" "UPDATE staff SET role = 'frontdesk' WHERE login = '$(id -un)'"
fi
events=$(sqlite3 "$db" "SELECT count(*) FROM event")

# browse (the second row), edit its phone number, save; then leave the form
keys=$work/ro.keys
{
	echo dump
	echo Down
	echo dump
	echo E
	i=0
	while [ $i -lt 10 ]; do echo Tab; i=$((i + 1)); done
	echo C-u
	echo "text 0791-86000000"
	echo Tab
	echo Tab
	echo Enter
	echo dump
	echo Esc
	echo y
} > "$keys"
chmod 644 "$keys"

# one case: the database made unwritable by setup, undone by undo
run_case() {
	label=$1 says=$2
	before=$fails
	out=$work/$label.txt
	# shellcheck disable=SC2086
	LANGUAGE=zh_CN "$vtscreen" "$keys" "$out" -- $as "$qifu" --db "$db" --today 2026-12-01 \
		>/dev/null 2>"$work/$label.err" ||
		fail "$label: vtscreen: $(cat "$work/$label.err")"
	first=$(awk '/^--- /{n++} n==1' "$out")
	second=$(awk '/^--- /{n++} n==2' "$out")
	saved=$(awk '/^--- /{n++} n==3' "$out")
	echo "$first" | head -2 | grep -q "| 只读 |" || fail "$label: the title does not say 只读: $first"
	echo "$first" | grep -q "共 60 条" || fail "$label: the list is not shown: $first"
	echo "$second" | grep -q "2/60" || fail "$label: the cursor did not move: $second"
	echo "$saved" | grep -qF "$says" || fail "$label: the save does not say \"$says\": $saved"
	echo "$saved" | grep -q "\[0791-86000000" || fail "$label: the form lost what was typed: $saved"
	[ "$(sqlite3 "$db" "SELECT count(*) FROM enterprise WHERE phone = '0791-86000000'")" = 0 ] ||
		fail "$label: the phone number was saved"
	[ "$(sqlite3 "$db" "SELECT count(*) FROM event")" = "$events" ] ||
		fail "$label: an event was written"
	[ -e "$db-journal" ] && [ -s "$db-journal" ] && fail "$label: a journal was left behind"
	[ "$fails" = "$before" ] && echo "ok   $label"
}

if [ -n "$as" ]; then
	chmod 644 "$db"          # root's file: nobody reads it only
else
	chmod 444 "$db"
fi
run_case file-read-only "无法保存：数据库 $db 只读"
chmod 666 "$db"
chmod 555 "$work/ro"         # the directory: no journal can be made
run_case directory-read-only "$db-journal：无法在数据库旁创建日志文件"
chmod 755 "$work/ro"

[ "$fails" = 0 ] && echo "readonly passed" || echo "readonly FAILED ($fails)"
[ "$fails" = 0 ]
