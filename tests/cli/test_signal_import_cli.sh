#!/bin/sh
# Signals for relocation early warning in (qifu warning import): the bureaus' lists
# in UTF-8, UTF-8 with a BOM and GB18030, matching by USCC, one warning per
# enterprise and kind that a repeated signal raises, the operating status after a
# deregistration or move-out, a second import that changes nothing, all-or-nothing
# and --skip-bad, and an event for every change. Counts are by hand from the rows.
qifu=$1
. "$(dirname "$0")/lib.sh"
db=$tmpdir/s.db
d=$tmpdir
sql() { sqlite3 "$db" "$1"; }
check() {
	if [ "$1" != "$2" ]; then
		echo "FAIL: $3: got '$1', want '$2'"
		fails=$((fails + 1))
	fi
}

"$qifu" --db "$db" init >/dev/null
"$qifu" --db "$db" staff add --login fd --name 王芳 --unit 区企服中心 --role frontdesk >/dev/null
"$qifu" --db "$db" staff add --login cd --name 陈东 --unit 昌东镇 --role area_officer --area 昌东镇 >/dev/null
E1=914403001922038216
E2=91440300708461136T
E3=91110000600037341L
NOBODY=91360100MA35F7K210
"$qifu" --db "$db" enterprise add --name 华勤技术股份有限公司 --uscc $E1 --area 昌东镇 --category industry >/dev/null
"$qifu" --db "$db" enterprise add --name 麻丘商贸有限公司 --uscc $E2 --area 麻丘镇 --category trade >/dev/null
"$qifu" --db "$db" enterprise add --name 昌东小超市 --uscc $E3 --area 昌东镇 --category below_scale >/dev/null

python3 - "$d" "$NOBODY" <<'PY'
import sys, os
d, nobody = sys.argv[1], sys.argv[2]
head = "统一社会信用代码,企业名称,信号类型,日期,说明"
rows = [
    "914403001922038216,华勤技术股份有限公司,经营异常名录,2026-02-10,未按时公示年度报告",
    "91440300708461136T,麻丘商贸有限公司,注销,2026-03-01,简易注销",
    "91110000600037341L,昌东小超市,零申报,2026-01,",
    "91110000600037341L,昌东小超市,零申报,2026-02,",
    "914403001922038216,华勤技术股份有限公司,迁址,2026/3/5,住所迁至南昌县",
]
text = head + "\r\n" + "\r\n".join(rows) + "\r\n"
open(os.path.join(d, "bom.csv"), "wb").write(b"\xef\xbb\xbf" + text.encode())
open(os.path.join(d, "utf8.csv"), "wb").write(text.replace("\r\n", "\n").encode())
open(os.path.join(d, "gb.csv"), "wb").write(text.encode("gb18030"))
# a tax list of one kind, no kind column: a new month, one imported before, and a
# day that finds the warning already at the highest level
open(os.path.join(d, "zero.csv"), "w", encoding="utf-8").write(
    "纳税人识别号,纳税人名称,所属期\n"
    "91110000600037341L,昌东小超市,2026-03\n"
    "91110000600037341L,昌东小超市,2026-02\n"
    "91110000600037341L,昌东小超市,2026-03-05\n")
bad = [
    "914403001922038216,华勤技术股份有限公司,经营异常名录,2026-03-06,",
    "91440300708461136X,麻丘商贸有限公司,注销,2026-03-01,",
    nobody + ",查无此企业,注销,2026-03-01,",
    "91110000600037341L,昌东小超市,欠税,2026-03-01,",
    "91110000600037341L,昌东小超市,零申报,昨天,",
    "91110000600037341L,昌东小超市,零申报,2026-12-01,",
]
open(os.path.join(d, "bad.csv"), "w", encoding="utf-8").write(head + "\n" + "\n".join(bad) + "\n")
open(os.path.join(d, "dup.csv"), "w", encoding="utf-8").write(
    head + "\n" + rows[0] + "\n" + rows[0] + "\n")
open(os.path.join(d, "nokind.csv"), "w", encoding="utf-8").write(
    "统一社会信用代码,日期\n914403001922038216,2026-03-01\n")
open(os.path.join(d, "header.csv"), "w", encoding="utf-8").write(head + "\n")
PY
python3 "$(dirname "$0")/../make_xlsx.py" "$d/x" signals >/dev/null

# a dry run in every encoding: the same five signals, nothing written
for f in bom utf8 gb; do
	expect_rc 0 --db "$db" --today 2026-03-09 --as fd warning import "$d/$f.csv" --dry-run
	stdout_has "4 opened, 1 raised, 0 noted at the highest level, 2 statuses changed, 0 imported before, 0 bad; dry run, nothing written"
	stdout_has "$f.csv:3: a 注销 warning would open for 麻丘商贸有限公司 (high level); status now deregistered"
done
stdout_has "GB18030"
check "$(sql "SELECT count(*) FROM warning")" 0 "warnings after dry runs"
check "$(sql "SELECT count(*) FROM event WHERE action LIKE 'warning.%' OR action='status'")" 0 "events after dry runs"

# the GB18030 list, for real
expect_rc 0 --db "$db" --today 2026-03-09 --as fd warning import "$d/gb.csv"
stdout_has "gb.csv:2: warning 1 opened for 华勤技术股份有限公司: 经营异常 (medium level)"
stdout_has "gb.csv:3: warning 2 opened for 麻丘商贸有限公司: 注销 (high level); status now deregistered"
stdout_has "gb.csv:4: warning 3 opened for 昌东小超市: 零申报 (low level)"
stdout_has "gb.csv:5: warning 3 of 昌东小超市 (零申报) raised to medium level"
stdout_has "gb.csv:6: warning 4 opened for 华勤技术股份有限公司: 迁址 (high level); status now moved out"
stdout_has "4 opened, 1 raised, 0 noted at the highest level, 2 statuses changed, 0 imported before, 0 bad"
check "$(sql "SELECT count(*) FROM warning")" 4 "one warning per enterprise and kind"
check "$(sql "SELECT count(*) FROM warning_signal")" 5 "every signal kept"
check "$(sql "SELECT source || ' ' || level || ' ' || signal_kind FROM warning WHERE id = 3")" "tax 2 zero_declaration" "the raised warning"
check "$(sql "SELECT signal FROM warning WHERE id = 1")" "经营异常 2026-02-10: 未按时公示年度报告" "the signal text"
check "$(sql "SELECT count(*) FROM event WHERE action='warning.add'")" 4 "an event per opening"
check "$(sql "SELECT count(*) FROM event WHERE action='warning.signal'")" 1 "an event per raise"
check "$(sql "SELECT count(*) FROM event WHERE action='status'")" 2 "an event per status"
check "$(sql "SELECT status FROM enterprise WHERE uscc='$E2'")" deregistered "deregistered"
check "$(sql "SELECT status FROM enterprise WHERE uscc='$E1'")" moved_out "moved out"
check "$(sql "SELECT status FROM enterprise WHERE uscc='$E3'")" operating "zero declarations leave the status"
expect_rc 0 --db "$db" --today 2026-03-09 --as fd enterprise show $E2 --format json
stdout_has '"status": "deregistered"'
expect_rc 0 --db "$db" --today 2026-03-09 --as fd warning list --open --format json
stdout_has '"id": 3, "enterprise": "昌东小超市", "uscc": "91110000600037341L", "area": "昌东镇", "source": "tax", "level": "medium"'

# gone from the zone, yet listed while the warning is open: the lead unit sees it
expect_rc 0 --db "$db" --today 2026-03-09 --as fd enterprise list --format csv
stdout_has "麻丘商贸有限公司,91440300708461136T,trade,麻丘镇"
stdout_has ",deregistered,"
expect_rc 0 --db "$db" --today 2026-03-09 --as fd enterprise list --warning --format csv
stdout_has "麻丘商贸有限公司,91440300708461136T"

# the same list again, in another encoding: nothing changes, and it says so
expect_rc 0 --db "$db" --today 2026-03-09 --as fd warning import "$d/utf8.csv"
stdout_has "utf8.csv:2: 经营异常 of 华勤技术股份有限公司 was imported before; nothing changes"
stdout_has "0 opened, 0 raised, 0 noted at the highest level, 0 statuses changed, 5 imported before, 0 bad; no new signals"
check "$(sql "SELECT count(*) FROM warning_signal")" 5 "signals after the second import"
check "$(sql "SELECT count(*) FROM event WHERE action LIKE 'warning.%' OR action='status'")" 7 "events after the second import"

# one kind for the whole list: a repeated signal raises, the highest level notes
expect_rc 0 --db "$db" --today 2026-03-09 --as fd warning import "$d/zero.csv" --kind 零申报
stdout_has "zero.csv:2: warning 3 of 昌东小超市 (零申报) raised to high level"
stdout_has "zero.csv:3: 零申报 of 昌东小超市 was imported before; nothing changes"
stdout_has "zero.csv:4: warning 3 of 昌东小超市 (零申报) is already at high level; signal noted"
stdout_has "0 opened, 1 raised, 1 noted at the highest level, 0 statuses changed, 1 imported before, 0 bad"
check "$(sql "SELECT level FROM warning WHERE id = 3")" 3 "raised to high"
check "$(sql "SELECT count(*) FROM event WHERE action='warning.signal'")" 3 "raise and note are events"
expect_rc 2 --db "$db" --today 2026-03-09 --as fd warning import "$d/zero.csv" --kind 欠税
stderr_has "--kind: '欠税' is not a kind of signal"
expect_rc 2 --db "$db" --today 2026-03-09 --as fd warning import "$d/nokind.csv"
stderr_has "missing required columns: 信号类型"

# all or nothing: five bad rows name file:line, nothing of the file is written
expect_rc 2 --db "$db" --today 2026-03-09 --as fd warning import "$d/bad.csv"
stderr_has "bad.csv:3: column 统一社会信用代码: '91440300708461136X' is no valid unified social credit code"
stderr_has "bad.csv:4: column 统一社会信用代码: no enterprise with the code $NOBODY (查无此企业) is registered"
stderr_has "bad.csv:5: column 信号类型: '欠税' is not a kind of signal"
stderr_has "bad.csv:6: column 日期: '昨天' is not a date"
stderr_has "bad.csv:7: column 日期: the signal's date 2026-12-01 lies after today"
stderr_has "5 bad rows; nothing imported"
check "$(sql "SELECT level FROM warning WHERE id = 1")" 2 "all or nothing"
# --skip-bad: the good row in, the bad ones in the rejects file
expect_rc 0 --db "$db" --today 2026-03-09 --as fd warning import "$d/bad.csv" --skip-bad "$d/rej.csv"
stdout_has "bad.csv:2: warning 1 of 华勤技术股份有限公司 (经营异常) raised to high level"
stdout_has "0 opened, 1 raised, 0 noted at the highest level, 0 statuses changed, 0 imported before, 5 bad; the bad rows are in"
grep -q "欠税" "$d/rej.csv" || { echo "FAIL: rejects lack the unknown kind"; fails=$((fails + 1)); }
# the same signal twice in one file
expect_rc 2 --db "$db" --today 2026-03-09 --as fd warning import "$d/dup.csv"
stderr_has "dup.csv:3: the same signal is also on line 2 of this file"
expect_rc 2 --db "$db" --today 2026-03-09 --as fd warning import "$d/header.csv"
stderr_has "only a header row, no signals"
# an area officer warns only about the enterprises of the area
expect_rc 2 --db "$db" --today 2026-03-09 --as cd warning import "$d/utf8.csv" --dry-run
stdout_has "4 imported before, 1 bad"

# xlsx: a title row above the header, the day as a date cell; a move-out of a
# deregistered enterprise opens its warning but leaves the status
expect_rc 0 --db "$db" --today 2026-03-09 --as fd warning import "$d/x/signals.xlsx"
stdout_has "signals.xlsx:3: warning 5 opened for 昌东小超市: 经营异常 (medium level)"
stdout_has "signals.xlsx:4: warning 6 opened for 麻丘商贸有限公司: 迁址 (high level)"
stdout_lacks "status now"
stdout_has "(sheet '信号'): 2 opened, 0 raised, 0 noted at the highest level, 0 statuses changed, 0 imported before, 0 bad"
check "$(sql "SELECT signal_on FROM warning_signal WHERE warning_id = 5")" 2026-02-25 "a date cell"
check "$(sql "SELECT status FROM enterprise WHERE uscc='$E2'")" deregistered "deregistered stays"

# once its warnings are closed, a deregistered enterprise leaves the default list
expect_rc 0 --db "$db" --today 2026-03-09 --as fd warning close 2 --text 企业已注销
expect_rc 0 --db "$db" --today 2026-03-09 --as fd warning close 6 --text 企业已注销
expect_rc 0 --db "$db" --today 2026-03-09 --as fd enterprise list --format csv
stdout_lacks "麻丘商贸有限公司"
expect_rc 0 --db "$db" --today 2026-03-09 --as fd enterprise list --all --format csv
stdout_has "麻丘商贸有限公司"

finish
