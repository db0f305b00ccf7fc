#!/bin/sh
# Financing needs out to the provincial financing credit platform (qifu financing
# export --for platform): the open needs only, in the map's columns and order, CSV and
# xlsx; the term and guarantee recorded and changed by add and update; a need with
# blank fields named, not written silently blank; the contact masked for those who may
# not see it and an access event for an export in full; an area officer's own area
# only; a bad map named file:line.
qifu=$1
. "$(dirname "$0")/lib.sh"
db=$tmpdir/f.db
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
q staff add --login sup --name 督办 --unit 区应急局 --role supervisor >/dev/null
q staff add --login cd --name 陈东 --unit 昌东镇 --role area_officer --area 昌东镇 >/dev/null
E1=914403001922038216
E2=91440300708461136T
E3=91110000600037341L
q enterprise add --name 华勤技术股份有限公司 --uscc $E1 --area 昌东镇 --category industry \
	--contact 张三 --phone 13800000001 >/dev/null
q enterprise add --name 麻丘商贸有限公司 --uscc $E2 --area 麻丘镇 --category trade \
	--contact 李四 --phone 13800000002 >/dev/null
q enterprise add --name 昌东小超市 --uscc $E3 --area 昌东镇 --category below_scale >/dev/null

# five needs: 1, 2 and 3 open; 4 funded and 5 closed stay at home
expect_rc 0 --db "$db" --as fd financing add --enterprise $E1 --amount 500万 --purpose 购置设备 \
	--term 3年 --guarantee " 抵押 "
expect_rc 0 --db "$db" --as fd financing add --enterprise $E2 --amount 1.5亿 --purpose 扩建厂房 \
	--status matched --institution 南昌银行
expect_rc 0 --db "$db" --as fd financing add --enterprise $E3 --amount 100万 --purpose 流动资金 \
	--term 12 --guarantee 信用
expect_rc 0 --db "$db" --as fd financing add --enterprise $E1 --amount 200万 --purpose 研发投入 \
	--term 12个月 --guarantee 保证 --status funded --institution 江西银行 --funded 200万
expect_rc 0 --db "$db" --as fd financing add --enterprise $E2 --amount 50万 --purpose 周转
expect_rc 0 --db "$db" --as fd financing update 5 --status closed
check "$(sql "SELECT group_concat(term_months || ':' || guarantee, ' ') FROM financing")" \
	"36:抵押 0: 12:信用 12:保证 0:" "term and guarantee stored"
expect_rc 2 --db "$db" --as fd financing add --enterprise $E1 --amount 1 --purpose p --term 51年
stderr_has "--term: a term of 612 months is outside 1 to 600"
expect_rc 2 --db "$db" --as fd financing add --enterprise $E1 --amount 1 --purpose p --term 一年
stderr_has "is not a term"
check "$(sql "SELECT count(*) FROM financing")" 5 "no need written by a bad term"

# in full for the front desk, CSV on stdout: the open needs, oldest first
expect_rc 0 --db "$db" --as fd financing export --for platform
check "$(cat "$out" | tr -d '\r')" "企业名称,统一社会信用代码,融资金额（元）,融资期限（月）,用途,担保方式,联系人,联系电话
华勤技术股份有限公司,914403001922038216,5000000.00,36,购置设备,抵押,张三,13800000001
麻丘商贸有限公司,91440300708461136T,150000000.00,,扩建厂房,,李四,13800000002
昌东小超市,91110000600037341L,1000000.00,12,流动资金,信用,," "export for the front desk"
stderr_has "financing need 2 of 麻丘商贸有限公司 goes out with 融资期限（月）, 担保方式 blank"
stderr_has "financing need 3 of 昌东小超市 goes out with 联系人, 联系电话 blank"
check "$(grep -c "goes out with" "$err")" 2 "two needs named"
# two rows had personal fields in full (the shop has none): one export recorded
check "$(sql "SELECT actor || ' ' || summary FROM event WHERE entity = 'access'")" \
	"fd kind=financing; rows=2; fields=contact,phone; to=-" "access event of the export"

# masked for a supervisor, and nothing recorded
expect_rc 0 --db "$db" --as sup financing export --for platform
check "$(sed -n 2p "$out" | tr -d '\r')" \
	"华勤技术股份有限公司,914403001922038216,5000000.00,36,购置设备,抵押,张*,138****0001" \
	"masked for a supervisor"
check "$(sql "SELECT count(*) FROM event WHERE entity = 'access' AND actor = 'sup'")" 0 \
	"no access event for masked rows"

# an area officer: the own area only
expect_rc 0 --db "$db" --as cd financing export --for platform
check "$(tail -n +2 "$out" | cut -d, -f1 | tr '\n' ' ')" "华勤技术股份有限公司 昌东小超市 " \
	"an area officer's area"
expect_rc 1 --db "$db" --as cd financing export --for platform --area 麻丘镇
expect_rc 0 --db "$db" --as fd financing export --for platform --area 麻丘镇
check "$(tail -n +2 "$out" | cut -d, -f1 | tr '\n' ' ')" "麻丘商贸有限公司 " "--area"

# the gaps filled by update, each a step of the need's history and an event
expect 0 "updated financing need 2 of 麻丘商贸有限公司" --db "$db" --as fd financing update 2 \
	--term 18个月 --guarantee 保证
check "$(sql "SELECT summary FROM event WHERE action = 'financing.update' ORDER BY id DESC LIMIT 1")" \
	"financing=2; term: 0 -> 18 months; guarantee:  -> 保证" "update event"
check "$(sql "SELECT count(*) FROM financing_step WHERE financing_id = 2")" 2 "update step"
expect_rc 1 --db "$db" --as fd financing update 2 --term 18
stderr_has "nothing to change"
expect_rc 0 --db "$db" --as fd financing list --open --format csv
check "$(tail -n +2 "$out" | cut -d, -f1,12,13 | tr -d "\r" | tr '\n' ' ')" "1,36,抵押 2,18,保证 3,12,信用 " \
	"list carries term and guarantee"

# xlsx: the same rows, codes as text
expect 0 "$d/p.xlsx: 3 open financing needs written, 1 with blank fields" \
	--db "$db" --as fd financing export --for platform --output "$d/p.xlsx"
check "$(python3 - "$d/p.xlsx" <<'PY'
import sys, zipfile, re
z = zipfile.ZipFile(sys.argv[1])
text = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/"))
want = ["统一社会信用代码", "融资期限（月）", "914403001922038216", "91440300708461136T",
        "扩建厂房", "保证", "13800000002", "150000000.00"]
print(" ".join(w for w in want if w not in text) or "ok")
PY
)" ok "xlsx cells"
expect_rc 2 --db "$db" --as fd financing export --for platform --output "$d/p.txt"
stderr_has "must end in .csv or .xlsx"
[ -e "$d/p.txt" ] && { echo "FAIL: p.txt written"; fails=$((fails + 1)); }

# usage
expect_rc 2 --db "$db" --as fd financing export
stderr_has "--for"
expect_rc 2 --db "$db" --as fd financing export --for bank
stderr_has "unknown receiver 'bank'"

# a site's map: its order, and a bad row named file:line
cp -r "$QIFU_DATA_DIR" "$d/data"
QIFU_DATA_DIR=$d/data
export QIFU_DATA_DIR
printf 'column\tamount\t金额\ncolumn\tuscc\t代码\n' >"$d/data/export/financing_platform.tsv"
expect_rc 0 --db "$db" --as fd financing export --for platform
check "$(tr -d '\r' <"$out" | tr '\n' ' ')" \
	"金额,代码 5000000.00,914403001922038216 150000000.00,91440300708461136T 1000000.00,91110000600037341L " \
	"a site's own map"
printf 'column\tamount\t金额\ncolumn\trate\t利率\n' >"$d/data/export/financing_platform.tsv"
expect_rc 2 --db "$db" --as fd financing export --for platform
stderr_has "financing_platform.tsv:2: 'rate' is not a field"
printf 'column\tamount\t金额\n' >"$d/data/export/financing_platform.tsv"
expect_rc 2 --db "$db" --as fd financing export --for platform
stderr_has "the map has no column for uscc"

finish
