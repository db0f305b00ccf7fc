#!/bin/sh
# enterprise import and export as Excel and WPS users do them: every encoding they
# write, broken files, all-or-nothing, --dry-run, --skip-bad, duplicates in the file
# and against the database, and an export that imports again.
qifu=$1
. "$(dirname "$0")/lib.sh"
db=$tmpdir/i.db
d=$tmpdir
"$qifu" --db "$db" init >/dev/null
"$qifu" --db "$db" staff add --login kj1 --name 科一 --unit 区科经局 --role unit_staff >/dev/null

# fixtures in every encoding, made here so that the bytes are exact
python3 - "$d" <<'PY'
import sys, os
d = sys.argv[1]
head = "企业名称,统一社会信用代码,所属区域,企业类别,所属系,航空类,引进单位,地址,法定代表人,联系人,联系电话,服务专员"
rows = [
    '华勤技术股份有限公司,914403001922038216,昌东镇,规上工业,华勤系,否,,"南昌市高新区高新大道1号, A座",张三,李四,0791-88000000,kj1',
    '“老字号”餐饮管理有限公司,91440300708461136T,麻丘镇,限上批零住餐,,否,,"他说""好""",,,,',
    '航空配件公司,91110000600037341L,艾溪湖管理处,规限下,,是,,"多行\n地址",,,13800000000,',
]
text = head + "\r\n" + "\r\n".join(rows) + "\r\n"
open(os.path.join(d, "utf8bom.csv"), "wb").write(b"\xef\xbb\xbf" + text.encode())
open(os.path.join(d, "utf8.csv"), "wb").write(text.replace("\r\n", "\n").encode())
open(os.path.join(d, "utf16.csv"), "wb").write(b"\xff\xfe" + text.encode("utf-16-le"))
open(os.path.join(d, "gbk.csv"), "wb").write(text.replace("“", "").replace("”", "").encode("gbk"))
# columns in another order, with an extra column
other = "所属区域,企业类别,统一社会信用代码,企业名称,备注\n昌东镇,规上服务业,91360117914177769G,顺序不同公司,随便\n"
open(os.path.join(d, "reordered.csv"), "w", encoding="utf-8").write(other)
open(os.path.join(d, "empty.csv"), "wb").write(b"")
open(os.path.join(d, "header.csv"), "w", encoding="utf-8").write(head + "\n")
open(os.path.join(d, "missing.csv"), "w", encoding="utf-8").write("企业名称,地址\n某公司,某地\n")
open(os.path.join(d, "badquote.csv"), "w", encoding="utf-8").write(head + "\n" + '"未闭合,914403001922038216,昌东镇,规上工业\n')
open(os.path.join(d, "ragged.csv"), "w", encoding="utf-8").write(
    head + "\n" + rows[0] + "\n" + "短行,914403001922038216\n")
open(os.path.join(d, "invalid.csv"), "wb").write(
    (head + "\n").encode() + b"\xff\xfe\xfd\x80\x81,914403001922038216,\x81\x30,\xa0\n")
open(os.path.join(d, "bigfield.csv"), "w", encoding="utf-8").write(
    head + "\n" + "某公司,914403001922038216,昌东镇,规上工业,,否,,\"" + "长" * 400000 + "\",,,,\n")
open(os.path.join(d, "dupfile.csv"), "w", encoding="utf-8").write(
    head + "\n" + rows[0] + "\n" + rows[0].replace("华勤技术股份有限公司", "又一家") + "\n")
# a duplicate's first line across a refused row and a cell over two lines
gap = [rows[0], "坏类别公司,91360117914177769G,昌东镇,工业,,否,,,,,,", rows[2],
       rows[2].replace("航空配件公司", "又一家航空"), rows[0].replace("华勤技术股份有限公司", "再一家")]
open(os.path.join(d, "dupgap.csv"), "w", encoding="utf-8").write(head + "\n" + "\n".join(gap) + "\n")
mixed = [rows[0], "坏类别公司,91360117914177769G,昌东镇,工业,,否,,,,,,", "坏代码公司,914403001922038217,昌东镇,规上工业,,否,,,,,,"]
open(os.path.join(d, "mixed.csv"), "w", encoding="utf-8").write(head + "\n" + "\n".join(mixed) + "\n")
PY

for f in utf8bom utf8 utf16 gbk; do
	expect_rc 0 --db "$db" enterprise import "$d/$f.csv" --dry-run
	stdout_has "3 rows, 3 good, 0 bad"
done
expect_rc 0 --db "$db" enterprise import "$d/utf16.csv" --dry-run
stdout_has "UTF-16LE"
expect_rc 0 --db "$db" enterprise import "$d/gbk.csv" --dry-run
stdout_has "GB18030"
n=$(sqlite3 "$db" "SELECT count(*) FROM enterprise")
[ "$n" = 0 ] || { echo "FAIL: --dry-run wrote $n rows"; fails=$((fails + 1)); }

expect_rc 0 --db "$db" enterprise import "$d/gbk.csv"
stdout_has "imported 3 enterprises"
expect_rc 0 --db "$db" enterprise show 914403001922038216 --format json
stdout_has '"address": "南昌市高新区高新大道1号, A座"'
stdout_has '"commissioner": "kj1"'
stdout_has '"group": "华勤系"'
# people read the commissioner's name, scripts the login (the Enterprises pane's cell)
expect_rc 0 --db "$db" enterprise show 914403001922038216
stdout_has "Commissioner          科一"
expect_rc 0 --db "$db" enterprise list --search hqjs
stdout_has "科一"
expect_rc 0 --db "$db" enterprise list --search hqjs --format csv
stdout_has ",kj1"
expect_rc 0 --db "$db" enterprise show 91110000600037341L --format json
stdout_has '"aviation": true'
stdout_has '"lead_unit": "航管委"'
n=$(sqlite3 "$db" "SELECT count(*) FROM event WHERE entity='enterprise' AND action='add'")
[ "$n" = 3 ] || { echo "FAIL: $n add events, want 3"; fails=$((fails + 1)); }

# the same file again: every row duplicates the database; nothing changes
expect_rc 2 --db "$db" enterprise import "$d/utf8.csv"
stderr_has "utf8.csv:2: column 统一社会信用代码: USCC 914403001922038216 is already registered to 华勤技术股份有限公司"
stderr_has "nothing imported"

expect_rc 0 --db "$db" enterprise import "$d/reordered.csv"
stderr_has "备注"
expect_rc 2 --db "$db" enterprise import "$d/empty.csv"
stderr_has "empty"
expect_rc 2 --db "$db" enterprise import "$d/header.csv"
stderr_has "only a header row"
expect_rc 2 --db "$db" enterprise import "$d/missing.csv"
stderr_has "统一社会信用代码"
stderr_has "所属区域"
expect_rc 2 --db "$db" enterprise import "$d/badquote.csv"
stderr_has "line 2"
expect_rc 2 --db "$db" enterprise import "$d/ragged.csv" --dry-run
stderr_has "ragged.csv:3"
stderr_has "has 2 fields but the header has 12"
expect_rc 2 --db "$db" enterprise import "$d/invalid.csv"
stderr_has "invalid.csv"
expect_rc 2 --db "$db" enterprise import "$d/bigfield.csv" --dry-run
stderr_has "field 8: field longer than 1048576 bytes"
expect_rc 2 --db "$db" enterprise import "$d/dupfile.csv" --dry-run
stderr_has "also on line 2 of this file"

# the first line of a duplicate counts the refused row and the cell over two lines
"$qifu" --db "$tmpdir/g.db" init >/dev/null
expect_rc 2 --db "$tmpdir/g.db" enterprise import "$d/dupgap.csv" --dry-run
stderr_has "dupgap.csv:6: column 统一社会信用代码: USCC 91110000600037341L is also on line 4 of this file"
stderr_has "dupgap.csv:8: column 统一社会信用代码: USCC 914403001922038216 is also on line 2 of this file"
expect_rc 0 --db "$tmpdir/g.db" enterprise import "$d/dupgap.csv" --skip-bad "$d/gap-rej.csv"
stdout_has "imported 2 enterprises"
stdout_has "3 rejected rows"
# the search index's per-row trigger is set aside during an import and back after
# it, also after a dry run and a refused file; the index holds the imported rows
for f in dupgap.csv mixed.csv; do
	"$qifu" --db "$tmpdir/g.db" enterprise import "$d/$f" --dry-run >/dev/null 2>&1
	"$qifu" --db "$tmpdir/g.db" enterprise import "$d/$f" >/dev/null 2>&1
	n=$(sqlite3 "$tmpdir/g.db" "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = 'enterprise_fts_ai'")
	[ "$n" = 1 ] || fail "the search index's insert trigger is gone after importing $f"
done
sqlite3 "$tmpdir/g.db" "INSERT INTO enterprise_fts(enterprise_fts) VALUES('integrity-check')" ||
	fail "the search index does not match the register after an import"
expect_rc 0 --db "$tmpdir/g.db" enterprise list --search 航空配件 --format csv
stdout_has "91110000600037341L"
# the larger buffer the import indexes with leaves no setting behind
n=$(sqlite3 "$tmpdir/g.db" "SELECT count(*) FROM enterprise_fts_config WHERE k = 'hashsize'")
[ "$n" = 0 ] || fail "the import left its buffer size in the search index's settings"

# all or nothing, then --skip-bad: good rows in, bad rows out with their reasons
"$qifu" --db "$tmpdir/m.db" init >/dev/null
expect_rc 2 --db "$tmpdir/m.db" enterprise import "$d/mixed.csv"
stderr_has "mixed.csv:3: column 企业类别"
stderr_has "mixed.csv:4: column 统一社会信用代码"
n=$(sqlite3 "$tmpdir/m.db" "SELECT count(*) FROM enterprise")
[ "$n" = 0 ] || { echo "FAIL: a bad file imported $n rows"; fails=$((fails + 1)); }
"$qifu" --db "$tmpdir/m.db" staff add --login kj1 --name 科一 --unit 区科经局 --role unit_staff >/dev/null
expect_rc 0 --db "$tmpdir/m.db" enterprise import "$d/mixed.csv" --skip-bad "$d/rejects.csv"
stdout_has "imported 1 enterprise"
stdout_has "2 rejected rows written"
head -c 3 "$d/rejects.csv" | od -An -tx1 | grep -q "ef bb bf" || { echo "FAIL: rejects file has no BOM"; fails=$((fails + 1)); }
grep -q "错误原因" "$d/rejects.csv" || { echo "FAIL: rejects file has no reason column"; fails=$((fails + 1)); }
grep -q "坏类别公司.*unknown category" "$d/rejects.csv" || { echo "FAIL: rejects lack the bad category row"; fails=$((fails + 1)); }

# an export imports into another database: a commissioner whose login is not there
# is a warning per row (the field left empty, listed on stderr and in the rejects
# file), not a refused row
"$qifu" --db "$tmpdir/demo.db" demo --enterprises 40 --seed 3 >/dev/null
expect_rc 0 --db "$tmpdir/demo.db" enterprise export "$d/demo.csv"
nc=$(sqlite3 "$tmpdir/demo.db" "SELECT count(*) FROM enterprise WHERE commissioner_id IS NOT NULL")
[ "$nc" -gt 10 ] || fail "the demo has only $nc enterprises with a commissioner"
"$qifu" --db "$tmpdir/fresh.db" init >/dev/null
expect_rc 0 --db "$tmpdir/fresh.db" enterprise import "$d/demo.csv" --dry-run
stdout_has "40 rows, 40 good, 0 bad, $nc with a field left empty"
stderr_has "demo.csv:2: warning: column 服务专员: no staff login '"
n=$(grep -c "warning: column 服务专员: no staff login '.*' in this database; the field is left empty" "$err")
[ "$n" = "$nc" ] || fail "$n warnings on stderr, want $nc"
expect_rc 0 --db "$tmpdir/fresh.db" enterprise import "$d/demo.csv" --skip-bad "$d/demo-rej.csv"
stdout_has "imported 40 enterprises, $nc with a field left empty, 0 rejected rows"
n=$(grep -c "warning: 服务专员: no staff login" "$d/demo-rej.csv")
[ "$n" = "$nc" ] || fail "$n warnings in the rejects file, want $nc"
n=$(sqlite3 "$tmpdir/fresh.db" "SELECT count(*) FROM enterprise WHERE commissioner_id IS NULL")
[ "$n" = 40 ] || fail "$n enterprises without a commissioner, want 40"
# where the login exists the commissioner is kept
login=$(sqlite3 "$tmpdir/demo.db" "SELECT s.login FROM enterprise e JOIN staff s ON s.id = e.commissioner_id ORDER BY e.id LIMIT 1")
"$qifu" --db "$tmpdir/fresh2.db" init >/dev/null
"$qifu" --db "$tmpdir/fresh2.db" staff add --login "$login" --name 专员 --unit 区科经局 --role unit_staff >/dev/null
expect_rc 0 --db "$tmpdir/fresh2.db" enterprise import "$d/demo.csv"
kept=$(sqlite3 "$tmpdir/demo.db" "SELECT count(*) FROM enterprise e JOIN staff s ON s.id = e.commissioner_id WHERE s.login = '$login'")
stdout_has "imported 40 enterprises, $((nc - kept)) with a field left empty"
n=$(sqlite3 "$tmpdir/fresh2.db" "SELECT count(*) FROM enterprise e JOIN staff s ON s.id = e.commissioner_id WHERE s.login = '$login'")
[ "$n" = "$kept" ] || fail "$n enterprises kept their commissioner $login, want $kept"

# a GB18030 register larger than the reader's chunk of 64 KiB converts a chunk at a
# time: every row in, the same as the UTF-8 export it came from; a byte that is no
# GB18030 far into it is named by line and byte offset and nothing is imported
"$qifu" --db "$tmpdir/big.db" demo --enterprises 1000 --seed 5 >/dev/null
expect_rc 0 --db "$tmpdir/big.db" enterprise export "$d/big.csv"
python3 - "$d" <<'PY'
import sys, os
d = sys.argv[1]
text = open(os.path.join(d, "big.csv"), "rb").read()[3:].decode()
gb = text.encode("gb18030")
assert len(gb) > 2 * 65536, len(gb)
open(os.path.join(d, "big-gb.csv"), "wb").write(gb)
lines = gb.split(b"\r\n")
# the comma after the first cell of line 901 (a byte that starts no character is
# named where its character starts)
off = len(b"\r\n".join(lines[:900])) + 2 + lines[900].index(b",")
bad = gb[:off] + b"\xff" + gb[off + 1:]
open(os.path.join(d, "big-gb-bad.csv"), "wb").write(bad)
open(os.path.join(d, "big-gb-bad.where"), "w").write("line 901, byte offset %d" % off)
PY
"$qifu" --db "$tmpdir/big-gb.db" init >/dev/null
expect_rc 0 --db "$tmpdir/big-gb.db" enterprise import "$d/big-gb.csv" --skip-bad "$d/big-rej.csv"
stdout_has "(GB18030): imported 1000 enterprises"
a=$(sqlite3 "$tmpdir/big.db" "SELECT name, uscc, address, area FROM enterprise ORDER BY uscc" | md5sum)
b=$(sqlite3 "$tmpdir/big-gb.db" "SELECT name, uscc, address, area FROM enterprise ORDER BY uscc" | md5sum)
[ "$a" = "$b" ] || fail "the GB18030 register differs from the UTF-8 one it came from"
sqlite3 "$tmpdir/big-gb.db" "INSERT INTO enterprise_fts(enterprise_fts) VALUES('integrity-check')" ||
	fail "the search index does not match the register after a GB18030 import"
# a thousand events written in one transaction chain one to the next
expect_rc 0 --db "$tmpdir/big-gb.db" audit verify
n=$(sqlite3 "$tmpdir/big-gb.db" "SELECT count(*) FROM event WHERE entity = 'enterprise' AND action = 'add'")
[ "$n" = 1000 ] || fail "$n events for the imported enterprises, want 1000"
"$qifu" --db "$tmpdir/big-gb2.db" init >/dev/null
expect_rc 2 --db "$tmpdir/big-gb2.db" enterprise import "$d/big-gb-bad.csv"
stderr_has "nor GB18030 (invalid byte at $(cat "$d/big-gb-bad.where"))"
n=$(sqlite3 "$tmpdir/big-gb2.db" "SELECT count(*) FROM enterprise")
[ "$n" = 0 ] || fail "$n enterprises imported from a damaged file, want 0"

# export: CSV (BOM, CRLF) and xlsx; the CSV imports again
expect_rc 0 --db "$db" enterprise export "$d/out.csv"
stdout_has "exported 4 enterprises"
head -c 3 "$d/out.csv" | od -An -tx1 | grep -q "ef bb bf" || { echo "FAIL: export has no BOM"; fails=$((fails + 1)); }
grep -q "$(printf '\r')$" "$d/out.csv" || { echo "FAIL: export lines do not end in CRLF"; fails=$((fails + 1)); }
"$qifu" --db "$tmpdir/r.db" init >/dev/null
"$qifu" --db "$tmpdir/r.db" staff add --login kj1 --name 科一 --unit 区科经局 --role unit_staff >/dev/null
expect_rc 0 --db "$tmpdir/r.db" enterprise import "$d/out.csv"
stdout_has "imported 4 enterprises"
a=$(sqlite3 "$db" "SELECT group_concat(name||uscc||area||category||address||lead_unit, ';') FROM (SELECT * FROM enterprise ORDER BY uscc)")
b=$(sqlite3 "$tmpdir/r.db" "SELECT group_concat(name||uscc||area||category||address||lead_unit, ';') FROM (SELECT * FROM enterprise ORDER BY uscc)")
[ "$a" = "$b" ] || { echo "FAIL: export then import changed the register"; fails=$((fails + 1)); }
expect_rc 0 --db "$db" enterprise export "$d/out.xlsx" --area 昌东镇
stdout_has "exported 2 enterprises"
head -c 2 "$d/out.xlsx" | grep -q PK || { echo "FAIL: xlsx is not a zip"; fails=$((fails + 1)); }
expect_rc 2 --db "$db" enterprise export "$d/out.txt"
stderr_has ".csv or .xlsx"

# the xlsx export imports again (its title row above the header is skipped), codes
# and phones digit for digit
expect_rc 0 --db "$db" enterprise export "$d/all.xlsx"
"$qifu" --db "$tmpdir/rx.db" init >/dev/null
"$qifu" --db "$tmpdir/rx.db" staff add --login kj1 --name 科一 --unit 区科经局 --role unit_staff >/dev/null
expect_rc 0 --db "$tmpdir/rx.db" enterprise import "$d/all.xlsx"
stdout_has "all.xlsx (sheet '"
stdout_has "imported 4 enterprises"
a=$(sqlite3 "$db" "SELECT group_concat(name||uscc||area||category||address||phone||lead_unit||coalesce(commissioner_id, 0), ';') FROM (SELECT * FROM enterprise ORDER BY uscc)")
b=$(sqlite3 "$tmpdir/rx.db" "SELECT group_concat(name||uscc||area||category||address||phone||lead_unit||coalesce(commissioner_id, 0), ';') FROM (SELECT * FROM enterprise ORDER BY uscc)")
[ "$a" = "$b" ] || fail "xlsx export then import changed the register: $a / $b"

# xlsx as offices send it (tests/make_xlsx.py): a title row, a phone stored as the
# number 1.38E10, a login this database lacks; a code stored as a number that lost
# its digits; the register on a second sheet; files that are no workbook
python3 "$(dirname "$0")/../make_xlsx.py" "$d/x" register damaged >/dev/null
"$qifu" --db "$tmpdir/x.db" init >/dev/null
"$qifu" --db "$tmpdir/x.db" staff add --login kj1 --name 科一 --unit 区科经局 --role unit_staff >/dev/null
expect_rc 0 --db "$tmpdir/x.db" enterprise import "$d/x/register.xlsx" --dry-run
stdout_has "register.xlsx (sheet '企业'): 3 rows, 3 good, 0 bad, 1 with a field left empty"
stderr_has "register.xlsx: columns not in the template are ignored: 成立日期"
stderr_has "register.xlsx:5: warning: column 服务专员: no staff login 'nobody'"
expect_rc 0 --db "$tmpdir/x.db" enterprise import "$d/x/register.xlsx"
stdout_has "imported 3 enterprises, 1 with a field left empty"
expect_rc 0 --db "$tmpdir/x.db" enterprise show 914403001922038216 --format json
stdout_has '"phone": "13800000000"'
stdout_has '"commissioner": "kj1"'
expect_rc 0 --db "$tmpdir/x.db" enterprise show 91360117914177769G --format json
stdout_has '"phone": "13907910001"'

"$qifu" --db "$tmpdir/xb.db" init >/dev/null
expect_rc 2 --db "$tmpdir/xb.db" enterprise import "$d/x/register-bad.xlsx"
stderr_has "register-bad.xlsx:5: column 统一社会信用代码: the cell holds the number 914403007084611000, too long"
stderr_has "register-bad.xlsx:6: column 企业类别"
stderr_has "nothing imported"
expect_rc 0 --db "$tmpdir/xb.db" enterprise import "$d/x/register-bad.xlsx" --skip-bad "$d/xrej.csv"
stdout_has "imported 1 enterprise, 1 with a field left empty, 2 rejected rows written"
grep -q "数字代码公司,914403007084611000,.*,5,\"统一社会信用代码: the cell holds" "$d/xrej.csv" ||
	fail "the rejects file lacks the row whose code lost its digits: $(cat "$d/xrej.csv")"

expect_rc 2 --db "$tmpdir/x.db" enterprise import "$d/x/register-second.xlsx" --dry-run
stderr_has "register-second.xlsx, sheet '说明', row 1: missing required columns"
"$qifu" --db "$tmpdir/x2.db" init >/dev/null
expect_rc 0 --db "$tmpdir/x2.db" enterprise import "$d/x/register-second.xlsx" --sheet 企业 --dry-run
stdout_has "3 rows, 3 good, 0 bad"
expect_rc 2 --db "$tmpdir/x2.db" enterprise import "$d/x/register-second.xlsx" --sheet 企
stderr_has "register-second.xlsx: no sheet named '企'; the sheets are: 说明, 企业"
expect_rc 2 --db "$tmpdir/x2.db" enterprise import "$d/utf8.csv" --sheet 企业
stderr_has "--sheet names a sheet of an xlsx workbook"
for f in notzip:"not a zip archive" ole:"an .xls workbook" malformed:"malformed XML at line 2" \
	truncated:"a damaged zip archive" huge:"larger than 200 MB unpacked" nosheets:"no sheets" \
	crc:"CRC error"; do
	expect_rc 2 --db "$tmpdir/x2.db" enterprise import "$d/x/${f%%:*}.xlsx"
	stderr_has "${f%%:*}.xlsx: "
	stderr_has "${f#*:}"
done
# a renamed workbook is still read as one, a CSV named .xlsx is not
cp "$d/x/register.xlsx" "$d/x/renamed.csv"
expect_rc 0 --db "$tmpdir/x2.db" enterprise import "$d/x/renamed.csv" --dry-run
stdout_has "(sheet '企业'): 3 rows"

finish
