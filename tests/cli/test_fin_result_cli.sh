#!/bin/sh
# The financing platform's matching results in (qifu financing import-results): the
# results file in UTF-8, UTF-8 with a BOM, GB18030 and xlsx, read by
# data/import/financing_results.tsv; matching by the enterprise's one open need, by
# the result's amount among several, and by the need's number; the institution, the
# amount and the state in the need and its history; a second import that changes
# nothing and says so; all-or-nothing and --skip-bad with each bad row named by line
# and column; an event for every change. Counts are by hand from the rows.
qifu=$1
. "$(dirname "$0")/lib.sh"
db=$tmpdir/r.db
d=$tmpdir
q() { "$qifu" --db "$db" "$@"; }
sql() { sqlite3 "$db" "$1"; }
check() {
	if [ "$1" != "$2" ]; then
		echo "FAIL: $3: got '$1', want '$2'"
		fails=$((fails + 1))
	fi
}

q init >/dev/null
q staff add --login fd --name 王芳 --unit 区企服中心 --role frontdesk >/dev/null
q staff add --login cd --name 陈东 --unit 昌东镇 --role area_officer --area 昌东镇 >/dev/null
E1=914403001922038216
E2=91440300708461136T
E3=91110000600037341L
NOBODY=91360100MA35F7K210
q enterprise add --name 华勤技术股份有限公司 --uscc $E1 --area 昌东镇 --category industry >/dev/null
q enterprise add --name 麻丘商贸有限公司 --uscc $E2 --area 麻丘镇 --category trade >/dev/null
q enterprise add --name 昌东小超市 --uscc $E3 --area 昌东镇 --category below_scale >/dev/null
# needs 1 and 2 of 华勤 (two open: the amount tells them apart), 3 of 麻丘 already
# matched, 4 of the shop
q --as fd financing add --enterprise $E1 --amount 500万 --purpose 购置设备 >/dev/null
q --as fd financing add --enterprise $E1 --amount 200万 --purpose 流动资金 >/dev/null
q --as fd financing add --enterprise $E2 --amount 1.5亿 --purpose 扩建厂房 --status matched \
	--institution 南昌银行 >/dev/null
q --as fd financing add --enterprise $E3 --amount 100万 --purpose 流动资金 >/dev/null

python3 - "$d" "$E1" "$E2" "$E3" "$NOBODY" <<'PY'
import sys, os
d, e1, e2, e3, nobody = sys.argv[1:]
head = "统一社会信用代码,企业名称,金融机构,金额（元）,状态,备注"
rows = [
    e1 + ",华勤技术股份有限公司,江西银行,5000000,已对接,",
    e1 + ",华勤技术股份有限公司,赣州银行,\"2,000,000.00\",已授信,首贷",
    e2 + ",麻丘商贸有限公司,南昌银行,150000000,已放款,",
]
text = head + "\r\n" + "\r\n".join(rows) + "\r\n"
open(os.path.join(d, "bom.csv"), "wb").write(b"\xef\xbb\xbf" + text.encode())
open(os.path.join(d, "utf8.csv"), "wb").write(text.replace("\r\n", "\n").encode())
open(os.path.join(d, "gb.csv"), "wb").write(text.encode("gb18030"))
bhead = "需求编号,统一社会信用代码,企业名称,金融机构,金额（元）,状态"
bad = [
    "," + e3 + ",昌东小超市,九江银行,,已对接",
    ",91440300708461136X,麻丘商贸有限公司,南昌银行,,已对接",
    "," + nobody + ",查无此企业,南昌银行,,已对接",
    "," + e3 + ",昌东小超市,九江银行,,审核中",
    "," + e3 + ",昌东小超市,九江银行,,已放款",
    "," + e2 + ",麻丘商贸有限公司,南昌银行,,已对接",
    "99,,,南昌银行,,已对接",
    "," + e1 + ",华勤技术股份有限公司,工商银行,,已对接",
    "abc,,,南昌银行,,已对接",
    "3," + e1 + ",华勤技术股份有限公司,南昌银行,,未通过",
]
open(os.path.join(d, "bad.csv"), "w", encoding="utf-8").write(bhead + "\n" + "\n".join(bad) + "\n")
open(os.path.join(d, "dup.csv"), "w", encoding="utf-8").write(
    bhead + "\n1,,,江西银行,,已对接\n#1,,,江西银行,,已对接\n")
open(os.path.join(d, "nostate.csv"), "w", encoding="utf-8").write(
    "统一社会信用代码,金融机构\n" + e1 + ",江西银行\n")
open(os.path.join(d, "header.csv"), "w", encoding="utf-8").write(head + "\n")
PY
python3 "$(dirname "$0")/../make_xlsx.py" "$d/x" fin-results >/dev/null

# a dry run in every encoding: the same three results, nothing written
for f in bom utf8 gb; do
	expect_rc 0 --db "$db" --as fd financing import-results "$d/$f.csv" --dry-run
	stdout_has "3 needs changed, 0 already so, 0 bad; dry run, nothing written"
	stdout_has "$f.csv:3: financing need 2 of 华勤技术股份有限公司 would move from awaiting a match to matched with an institution, with 赣州银行"
done
stdout_has "GB18030"
check "$(sql "SELECT count(*) FROM financing WHERE status = 'need'")" 3 "needs after dry runs"
check "$(sql "SELECT count(*) FROM event WHERE action = 'financing.update'")" 0 "events after dry runs"

# the GB18030 file, for real: the amount tells 华勤's two needs apart
expect_rc 0 --db "$db" --as fd financing import-results "$d/gb.csv"
stdout_has "gb.csv:2: financing need 1 of 华勤技术股份有限公司: awaiting a match → matched with an institution, with 江西银行"
stdout_has "gb.csv:4: financing need 3 of 麻丘商贸有限公司: matched with an institution → financing obtained, with 南昌银行"
stdout_has "3 needs changed, 0 already so, 0 bad"
check "$(sql "SELECT status || ' ' || institution || ' ' || funded_fen FROM financing WHERE id = 1")" "matched 江西银行 0" "need 1"
check "$(sql "SELECT status || ' ' || institution FROM financing WHERE id = 2")" "matched 赣州银行" "need 2"
check "$(sql "SELECT status || ' ' || institution || ' ' || funded_fen FROM financing WHERE id = 3")" "funded 南昌银行 15000000000" "need 3 funded with the amount"
check "$(sql "SELECT count(*) FROM event WHERE action = 'financing.update'")" 3 "an event per change"
check "$(sql "SELECT note FROM financing_step WHERE financing_id = 2 ORDER BY id DESC LIMIT 1")" \
	"financing platform: 已授信, 200 ten thousand yuan; 首贷 (gb.csv:3)" "the platform's words in the history"
# the history and the 360 view show the institution, the amount and the state
expect_rc 0 --db "$db" --as fd financing history 3 --format csv
stdout_has "matched,funded,南昌银行,150000000.00,financing platform: 已放款 (gb.csv:4)"
expect_rc 0 --db "$db" --as fd enterprise show $E2 --full
stdout_has "financing obtained, with 南昌银行, 1.5 hundred million yuan funded"
stdout_has "matched with an institution → financing obtained, with 南昌银行, 1.5 hundred million yuan funded; financing platform: 已放款 (gb.csv:4)"

# the same results again, in another encoding: nothing changes, and it says so
expect_rc 0 --db "$db" --as fd financing import-results "$d/utf8.csv"
stdout_has "utf8.csv:2: financing need 1 of 华勤技术股份有限公司 already reads 已对接; nothing changes"
stdout_has "0 needs changed, 3 already so, 0 bad; nothing new: every result was imported before"
check "$(sql "SELECT count(*) FROM event WHERE action = 'financing.update'")" 3 "events after the second import"
check "$(sql "SELECT count(*) FROM financing_step")" 7 "steps after the second import"
expect_rc 0 --db "$db" --as fd financing import-results "$d/bom.csv"
stdout_has "0 needs changed, 3 already so, 0 bad; nothing new"

# all or nothing: each bad row named by line and column, nothing of the file written
expect_rc 2 --db "$db" --as fd financing import-results "$d/bad.csv"
stderr_has "bad.csv:3: column 统一社会信用代码: '91440300708461136X' is no valid unified social credit code"
stderr_has "bad.csv:4: column 统一社会信用代码: no enterprise with the code $NOBODY (查无此企业) is registered"
stderr_has "bad.csv:5: column 状态: '审核中' is not a state of the platform; allowed: 对接中"
stderr_has "bad.csv:6: column 金额（元）: 已放款 says how much money arrived, and no amount is given"
stderr_has "bad.csv:7: column 统一社会信用代码: 麻丘商贸有限公司 has no open financing need"
stderr_has "bad.csv:8: column 需求编号: no financing need 99"
stderr_has "bad.csv:9: column 统一社会信用代码: 华勤技术股份有限公司 has several open financing needs: give the need's number or the amount"
stderr_has "bad.csv:10: column 需求编号: 'abc' is not the number of a financing need"
stderr_has "bad.csv:11: column 统一社会信用代码: financing need 3 is of 麻丘商贸有限公司 ($E2), not of the code $E1"
stderr_has "9 bad rows; nothing imported"
check "$(sql "SELECT status FROM financing WHERE id = 4")" need "all or nothing"
# --skip-bad: the good row in, the bad ones in the rejects file
expect_rc 0 --db "$db" --as fd financing import-results "$d/bad.csv" --skip-bad "$d/rej.csv"
stdout_has "bad.csv:2: financing need 4 of 昌东小超市: awaiting a match → matched with an institution, with 九江银行"
stdout_has "1 needs changed, 0 already so, 9 bad; the bad rows are in"
grep -q "审核中" "$d/rej.csv" || { echo "FAIL: rejects lack the unknown state"; fails=$((fails + 1)); }
check "$(sql "SELECT status || ' ' || institution FROM financing WHERE id = 4")" "matched 九江银行" "the good row"
# a move the need's status does not allow is a bad row naming the state
printf '需求编号,金融机构,状态\n3,南昌银行,已对接\n' >"$d/back.csv"
expect_rc 2 --db "$db" --as fd financing import-results "$d/back.csv"
stderr_has "back.csv:2: column 状态: financing need 3 cannot move from funded to matched"
# the same need twice in one file
expect_rc 2 --db "$db" --as fd financing import-results "$d/dup.csv"
stderr_has "dup.csv:3: a result for financing need 1 is also on line 2 of this file"
expect_rc 2 --db "$db" --as fd financing import-results "$d/header.csv"
stderr_has "only a header row, no results"
expect_rc 2 --db "$db" --as fd financing import-results "$d/nostate.csv"
stderr_has "missing required columns: 状态"
# an area officer changes only the needs of the area
expect_rc 2 --db "$db" --as cd financing import-results "$d/utf8.csv" --dry-run
stdout_has "0 needs changed, 2 already so, 1 bad"

# xlsx: a title row above the header, the amount a number cell; the shop's loan
# arrives, and 华勤's third need, named by the platform's need number, is declined
q --as fd financing add --enterprise $E1 --amount 300万 --purpose 技术改造 >/dev/null
expect_rc 0 --db "$db" --as fd financing import-results "$d/x/fin_results.xlsx"
stdout_has "fin_results.xlsx:3: financing need 4 of 昌东小超市: matched with an institution → financing obtained, with 九江银行, 100 ten thousand yuan"
stdout_has "fin_results.xlsx:4: financing need 5 of 华勤技术股份有限公司: awaiting a match → need closed, with 建设银行"
stdout_has "(sheet '对接结果'): 2 needs changed, 0 already so, 0 bad"
check "$(sql "SELECT status || ' ' || funded_fen FROM financing WHERE id = 4")" "funded 100000000" "an amount cell"
check "$(sql "SELECT status FROM financing WHERE id = 5")" closed "declined by number"
expect_rc 0 --db "$db" --as fd financing import-results "$d/x/fin_results.xlsx"
stdout_has "0 needs changed, 2 already so, 0 bad; nothing new"

finish
