#!/bin/sh
# A database on a full disk (a small tmpfs, filled up): a write says the disk holding
# the database is full, names the file, and leaves nothing half-written (the file
# passes integrity_check, no event, no row, the audit chain verifies); reads go on;
# the full-screen program opens, browses and says the same on a save, keeping the form.
# Once space is freed the same write goes through. Mounting needs root: skipped (77)
# only when the tmpfs cannot be mounted.
qifu=$1
. "$(dirname "$0")/lib.sh"
today="--today 2026-12-01"
mnt=$tmpdir/full
mkdir "$mnt"
if [ "$(id -u)" != 0 ] || ! mount -t tmpfs -o size=4m qifu-full "$mnt" 2>/dev/null; then
	echo "SKIP: cannot mount a small tmpfs (needs root)"
	exit 77
fi
trap 'umount "$mnt" 2>/dev/null; rm -rf "$out" "$err" "$tmpdir"' EXIT
expect_rc 0 --db "$tmpdir/src.db" $today demo --enterprises 60 --seed 7
db=$mnt/q.db
cp "$tmpdir/src.db" "$db"
cp "$tmpdir/src.db.anchor" "$db.anchor"
uscc=$(sqlite3 "$db" "SELECT uscc FROM enterprise ORDER BY id LIMIT 1")
events=$(sqlite3 "$db" "SELECT count(*) FROM event")
# fill what is left, then a little room for nothing
dd if=/dev/zero of="$mnt/fill" bs=4096 2>/dev/null
[ "$(df --output=avail "$mnt" | tail -1)" -le 4 ] || fail "the tmpfs is not full"

write_refused() {
	rc=$?
	[ "$rc" != 0 ] || fail "$1: a write on a full disk succeeded"
	stderr_has "cannot save: the disk holding the database $db is full; nothing was changed"
}
"$qifu" --db "$db" $today enterprise add --name 满盘测试有限公司 --uscc 91110000600037341L \
	--area 昌东镇 --category industry >"$out" 2>"$err"
write_refused "enterprise add"
"$qifu" --db "$db" $today appeal new --enterprise "$uscc" --title 磁盘已满 --kind simple \
	--channel phone >"$out" 2>"$err"
write_refused "appeal new"
# reads go on (lists without personal data: a list of the register in full must record
# that access, which a full disk refuses)
expect_rc 0 --db "$db" $today appeal list --format csv
stdout_has "number,enterprise"
expect_rc 0 --db "$db" $today staff list --format csv
stdout_has "$(id -un)"
# the full-screen program: browses; a save says the disk is full, the form kept
# (the demo's login is a supervisor: the phone number is the twelfth field, the lead
# unit and its reason come before [保存])
{
	printf 'dump\nDown\nE\n'
	i=0
	while [ $i -lt 11 ]; do echo Tab; i=$((i + 1)); done
	printf 'C-u\ntext 0791-86000000\nTab\nTab\nTab\nTab\nEnter\ndump\nEsc\ny\nF10\n'
} > "$tmpdir/save.keys"
LANGUAGE=zh_CN "$qifu" --db "$db" $today --keys "$tmpdir/save.keys" --dump "$tmpdir/save.txt" \
	>"$out" 2>"$err" || fail "the full-screen program on a full disk: $(cat "$err")"
awk '/^--- /{n++} n==1' "$tmpdir/save.txt" | grep -q "共 60 条" ||
	fail "the list is not shown: $(cat "$tmpdir/save.txt")"
second=$(awk '/^--- /{n++} n==2' "$tmpdir/save.txt")
echo "$second" | grep -qF "无法保存：数据库 $db 所在的磁盘已满" ||
	fail "a save does not say the disk is full: $second"
echo "$second" | grep -qF "[0791-86000000" || fail "the form lost what was typed: $second"

# nothing half-written
[ "$(sqlite3 "$db" "PRAGMA integrity_check")" = ok ] || fail "integrity_check after the full disk"
[ "$(sqlite3 "$db" "SELECT count(*) FROM event")" = "$events" ] || fail "an event was written"
[ "$(sqlite3 "$db" "SELECT count(*) FROM enterprise WHERE name = '满盘测试有限公司' OR phone = '0791-86000000'")" = 0 ] ||
	fail "a row was written"
[ "$(sqlite3 "$db" "SELECT count(*) FROM appeal")" = 0 ] || fail "an appeal was written"
expect_rc 0 --db "$db" audit verify

# space again: the same write goes through
rm -f "$mnt/fill"
expect_rc 0 --db "$db" $today enterprise add --name 满盘测试有限公司 --uscc 91110000600037341L \
	--area 昌东镇 --category industry
expect_rc 0 --db "$db" audit verify
finish
