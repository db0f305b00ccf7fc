#!/bin/sh
# 12345 work orders in (qifu appeal import): every encoding the hotline's export
# comes in and an xlsx, matching by USCC, by exact name and held, a second import
# that registers nothing new, all-or-nothing and --skip-bad, duplicates in the file,
# the held list and a held order assigned, and channel and external_no in the JSON.
qifu=$1
. "$(dirname "$0")/lib.sh"
db=$tmpdir/o.db
d=$tmpdir
q() { "$qifu" --db "$db" --today 2026-03-09 --as fd "$@"; }
sql() { sqlite3 "$db" "$1"; }
check() {
	if [ "$1" != "$2" ]; then
		echo "FAIL: $3: got '$1', want '$2'"
		fails=$((fails + 1))
	fi
}

"$qifu" --db "$db" init >/dev/null
"$qifu" --db "$db" staff add --login fd --name 王芳 --unit 区企服中心 --role frontdesk >/dev/null
"$qifu" --db "$db" staff add --login kj --name 柯静 --unit 区科经局 --role unit_staff >/dev/null
"$qifu" --db "$db" staff add --login cd --name 陈东 --unit 昌东镇 --role area_officer --area 昌东镇 >/dev/null
E1=914403001922038216
E2=91440300708461136T
E3=91110000600037341L
"$qifu" --db "$db" enterprise add --name 华勤技术股份有限公司 --uscc $E1 --area 昌东镇 --category industry >/dev/null
"$qifu" --db "$db" enterprise add --name 麻丘商贸有限公司 --uscc $E2 --area 麻丘镇 --category trade >/dev/null
"$qifu" --db "$db" enterprise add --name 昌东小超市 --uscc $E3 --area 昌东镇 --category below_scale >/dev/null

python3 - "$d" <<'PY'
import sys, os
d = sys.argv[1]
head = "工单编号,来电时间,来电人,联系电话,诉求内容,企业名称,统一社会信用代码,诉求类型,办理时限"
rows = [
    "A001,2026-03-06 09:30:00,张三,13800000001,厂区门口路灯不亮，晚上下班不安全,华勤技术股份有限公司,914403001922038216,求助,2026-03-13",
    "A002,2026/3/6 10:05,李四,13800000002,咨询稳岗补贴如何申报,麻丘商贸有限公司,,咨询,2026-03-10",
    "A003,2026-03-06 11:00,王五,,反映企业噪音扰民,查无此名公司,,投诉,",
    "A004,2026-03-07 08:15,,,\"多行\n诉求内容\",91110000600037341L,,建议,",
    "A005,2026-03-07 09:00,赵六,,营业执照代码对不上,,91440300708461136X,举报,",
]
text = head + "\r\n" + "\r\n".join(rows) + "\r\n"
open(os.path.join(d, "bom.csv"), "wb").write(b"\xef\xbb\xbf" + text.encode())
open(os.path.join(d, "utf8.csv"), "wb").write(text.replace("\r\n", "\n").encode())
open(os.path.join(d, "gb.csv"), "wb").write(text.encode("gb18030"))
# a bad row among good ones: no content; and a date that is none
bad = [rows[0].replace("A001", "B001"), "B002,2026-03-06,某人,,,华勤技术股份有限公司,,咨询,",
       "B003,昨天,某人,,有内容,华勤技术股份有限公司,,咨询,",
       rows[1].replace("A002", "B004")]
open(os.path.join(d, "bad.csv"), "w", encoding="utf-8").write(head + "\n" + "\n".join(bad) + "\n")
dup = [rows[0].replace("A001", "C001"), rows[1].replace("A002", "C001")]
open(os.path.join(d, "dup.csv"), "w", encoding="utf-8").write(head + "\n" + "\n".join(dup) + "\n")
open(os.path.join(d, "missing.csv"), "w", encoding="utf-8").write("工单编号,来电时间\nD001,2026-03-06\n")
open(os.path.join(d, "header.csv"), "w", encoding="utf-8").write(head + "\n")
# a type the map does not list falls to its '*' row
open(os.path.join(d, "other.csv"), "w", encoding="utf-8").write(
    head + ",备注\n" + "E001,,,,问问政策,华勤技术股份有限公司,,其他,,随便\n")
PY
python3 "$(dirname "$0")/../make_xlsx.py" "$d/x" hotline >/dev/null

# a dry run in every encoding: the same five orders, nothing written
for f in bom utf8 gb; do
	expect_rc 0 --db "$db" --today 2026-03-09 --as fd appeal import "$d/$f.csv" --dry-run
	stdout_has "3 new, 2 held for matching, 0 already registered, 0 bad; dry run, nothing written"
	stdout_has "work order A002 would be registered for $E2 (matched by name)"
done
stdout_has "GB18030"
check "$(sql "SELECT count(*) FROM work_order")" 0 "work orders after dry runs"
check "$(sql "SELECT count(*) FROM appeal")" 0 "appeals after dry runs"

# the GB18030 export, for real: matched by USCC, by name, a code in the name column
expect_rc 0 --db "$db" --today 2026-03-09 --as fd appeal import "$d/gb.csv"
stdout_has "work order A001 registered as appeal 2026-000001 for $E1 (matched by USCC)"
stdout_has "work order A002 registered as appeal 2026-000002 for $E2 (matched by name)"
stdout_has "work order A003 held for matching: no enterprise in the register has the name"
stdout_has "work order A004 registered as appeal 2026-000003 for $E3 (matched by USCC)"
stdout_has "work order A005 held for matching: the USCC given is not a valid code"
stdout_has "3 new, 2 held for matching, 0 already registered, 0 bad"
check "$(sql "SELECT count(*) FROM work_order")" 5 "work orders kept"
check "$(sql "SELECT count(*) FROM work_order WHERE appeal_id IS NULL")" 2 "held orders"
# the normal intake: the appeal's register event, its timers, the channel's number
check "$(sql "SELECT count(*) FROM event WHERE entity='appeal' AND action='register'")" 3 "register events"
check "$(sql "SELECT count(*) FROM event WHERE entity='work_order'")" 5 "work-order events"
check "$(sql "SELECT kind FROM appeal WHERE external_no='A002'")" simple "咨询 is simple by the map"
check "$(sql "SELECT kind FROM appeal WHERE external_no='A001'")" general "求助 is general by the map"
expect_rc 0 --db "$db" --today 2026-03-09 --as fd appeal show 2026-000001 --format json
stdout_has '"channel": "hotline"'
stdout_has '"external_no": "A001"'
stdout_has '"caller_name": "张三"'
stdout_has '"title": "厂区门口路灯不亮，晚上下班不安全"'
# registered by the centre's front desk: straight to dispatch, its day running
stdout_has '"state": "submitted"'
stdout_has '"name": "dispatch", "start": "2026-03-09"'
expect_rc 0 --db "$db" --today 2026-03-09 --as fd appeal show 2026-000003 --format json
stdout_has '"description": "多行\n诉求内容"'
stdout_has '"title": "多行 诉求内容"'
expect_rc 0 --db "$db" --today 2026-03-09 --as fd appeal list --format json
stdout_has '"channel": "hotline", "external_no": "A004"'
expect_rc 0 --db "$db" --today 2026-03-09 --as fd appeal show 2026-000002
stdout_has "A002"

# the same export again, in another encoding: nothing new, and it says so
expect_rc 0 --db "$db" --today 2026-03-09 --as fd appeal import "$d/utf8.csv"
stdout_has "0 new, 0 held for matching, 5 already registered, 0 bad; nothing new"
check "$(sql "SELECT count(*) FROM appeal")" 3 "appeals after the second import"
check "$(sql "SELECT count(*) FROM work_order")" 5 "work orders after the second import"

# all or nothing: two bad rows, nothing of the file is written
expect_rc 2 --db "$db" --today 2026-03-09 --as fd appeal import "$d/bad.csv"
stderr_has "bad.csv:3: column 诉求内容: the appeal's content is empty"
stderr_has "bad.csv:4: column 来电时间: '昨天' is not a date and time (2026-03-05 09:30)"
stderr_has "2 bad rows; nothing imported"
stdout_lacks "registered as appeal"
check "$(sql "SELECT count(*) FROM work_order WHERE external_no LIKE 'B%'")" 0 "all or nothing"
check "$(sql "SELECT count(*) FROM appeal")" 3 "no appeal from a refused file"
# --skip-bad: the good rows in, the bad ones in the rejects file
expect_rc 0 --db "$db" --today 2026-03-09 --as fd appeal import "$d/bad.csv" --skip-bad "$d/rej.csv"
stdout_has "2 new, 0 held for matching, 0 already registered, 2 bad; the bad rows are in"
grep -q "B002" "$d/rej.csv" || { echo "FAIL: rejects lack B002"; fails=$((fails + 1)); }
grep -q "B001" "$d/rej.csv" && { echo "FAIL: rejects hold the good B001"; fails=$((fails + 1)); }
# a number twice in one file is a bad row naming the first line
expect_rc 2 --db "$db" --today 2026-03-09 --as fd appeal import "$d/dup.csv"
stderr_has "dup.csv:3: column 工单编号: work order C001 is also on line 2 of this file"
# the file as a whole
expect_rc 2 --db "$db" --today 2026-03-09 --as fd appeal import "$d/missing.csv"
stderr_has "missing required columns: 诉求内容、企业名称 or 统一社会信用代码"
expect_rc 2 --db "$db" --today 2026-03-09 --as fd appeal import "$d/header.csv"
stderr_has "only a header row, no work orders"
expect_rc 2 --db "$db" --today 2026-03-09 --as fd appeal import "$d/utf8.csv" --map nosuch
stderr_has "import/nosuch.tsv"
expect_rc 2 --db "$db" --today 2026-03-09 --as fd appeal import "$d/utf8.csv" --map ../units
stderr_has "is not the name of a column map"
# an unlisted type takes the map's '*' kind; an unknown column is named and skipped
expect_rc 0 --db "$db" --today 2026-03-09 --as fd appeal import "$d/other.csv"
stderr_has "columns not in the column map are ignored: 备注"
check "$(sql "SELECT kind FROM appeal WHERE external_no='E001'")" general "the '*' kind"

# xlsx: a title row, a date-time cell, a phone stored as a number
expect_rc 0 --db "$db" --today 2026-03-09 --as fd appeal import "$d/x/hotline.xlsx"
stdout_has "(sheet '工单'): 2 new, 1 held for matching"
check "$(sql "SELECT received_at || ' ' || caller_phone || ' ' || due FROM work_order WHERE external_no='X001'")" \
	"2026-03-10 10:30:00 13800000001 2026-03-17" "xlsx cells"

# the held orders, and one assigned: it registers the appeal as the import would have
expect_rc 0 --db "$db" --today 2026-03-09 --as fd appeal import --held --format json
stdout_has '"external_no": "A003"'
stdout_has '"held": "name_unknown"'
stdout_has '"held": "uscc_invalid"'
stdout_has '"external_no": "X003"'
expect_rc 0 --db "$db" --today 2026-03-09 --as fd appeal import --held
stdout_has "no enterprise in the register has the name"
h3=$(sql "SELECT id FROM work_order WHERE external_no='A003'")
expect_rc 0 --db "$db" --today 2026-03-09 --as fd appeal match "$h3" $E3
stdout_has "registered as appeal 2026-0000"
n=$(sql "SELECT a.number FROM work_order w JOIN appeal a ON a.id = w.appeal_id WHERE w.external_no='A003'")
expect_rc 0 --db "$db" --today 2026-03-09 --as fd appeal show "$n" --format json
stdout_has '"external_no": "A003"'
stdout_has "\"enterprise\": \"$E3\""
stdout_has '"caller_name": "王五"'
check "$(sql "SELECT count(*) FROM event WHERE entity='work_order' AND action='match'")" 1 "match event"
expect_rc 0 --db "$db" --today 2026-03-09 --as fd appeal import --held --format csv
stdout_lacks "A003"
# once assigned it is no longer held; an unknown order or enterprise is named
expect_rc 1 --db "$db" --today 2026-03-09 --as fd appeal match "$h3" $E1
stderr_has "this work order is no longer held: it became appeal $n"
expect_rc 2 --db "$db" --today 2026-03-09 --as fd appeal match 999 $E1
stderr_has "no work order 999"
h5=$(sql "SELECT id FROM work_order WHERE external_no='A005'")
expect_rc 2 --db "$db" --today 2026-03-09 --as fd appeal match "$h5" 91440300708461136X
stderr_has "no enterprise with USCC 91440300708461136X"
# an area officer assigns to an enterprise of their own area only
expect_rc 1 --db "$db" --today 2026-03-09 --as cd appeal match "$h5" $E2
check "$(sql "SELECT count(*) FROM work_order WHERE appeal_id IS NULL AND external_no='A005'")" 1 \
	"a refused assignment keeps the order held"

# the results back to the hotline in its own columns: an answered appeal with its
# callback, a held order with none
q appeal dispatch 2026-000001 --unit 区科经局 >/dev/null
"$qifu" --db "$db" --today 2026-03-09 --as kj appeal sign 2026-000001 >/dev/null
"$qifu" --db "$db" --today 2026-03-10 --as kj appeal answer 2026-000001 --result "已修复路灯" >/dev/null
"$qifu" --db "$db" --today 2026-03-10 --as fd appeal report 2026-000001 --how phone --text 已告知 >/dev/null
"$qifu" --db "$db" --today 2026-03-11 --as fd appeal callback 2026-000001 --dissatisfied --reason "修得太慢" >/dev/null
expect_rc 0 --db "$db" --today 2026-03-11 --as fd appeal export --for 12345 --to 2026-03-06
check "$(head -1 "$out" | tr -d '\r')" "工单编号,来电时间,来电人,联系电话,诉求内容,企业名称,统一社会信用代码,诉求类型,办理时限,办理结果,办结时间,回访结果" "export header"
check "$(grep '^A001' "$out" | tr -d '\r' | sed 's/,2026-03-10 [0-9:]*,/,2026-03-10,/')" \
	"A001,2026-03-06 09:30:00,张三,13800000001,厂区门口路灯不亮，晚上下班不安全,华勤技术股份有限公司,914403001922038216,求助,2026-03-13,已修复路灯,2026-03-10,不满意：修得太慢" "an answered order"
check "$(grep '^A002' "$out" | tr -d '\r' | cut -d, -f10-)" ",," "an open order has no result yet"
stdout_lacks "A004"  # received on 03-07, after --to
expect_rc 0 --db "$db" --today 2026-03-11 --as fd appeal export --for 12345 --from 2026-03-07 --output "$d/back.xlsx"
stdout_has "back.xlsx: 6 work orders written"
# A004, A005, E001 (no call time: the day imported) and the three of the xlsx; the
# export reads again as the same orders: nothing new
expect_rc 0 --db "$db" --today 2026-03-11 --as fd appeal import "$d/back.xlsx" --dry-run
stdout_has "0 new, 0 held for matching, 6 already registered, 0 bad"
expect_rc 2 --db "$db" appeal export --for 12345 --output "$d/back.txt"
stderr_has "must end in .csv or .xlsx"
expect_rc 2 --db "$db" appeal export --for 12345 --from 2026-03-09 --to 2026-03-01
stderr_has "--to lies before --from"
expect_rc 2 --db "$db" appeal export
stderr_has "usage: qifu appeal export --for NAME"

finish
