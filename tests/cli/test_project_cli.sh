#!/bin/sh
# Pre-investment projects through the command line: a project added with every item
# of the data and its targets in working days, the stage ladder one stage at a time,
# items done, stuck and reopened, a stuck item turned into an appeal of the investor
# with 区项目中心 first responsible, the list most overdue first with its JSON keys,
# area scoping, permissions, bad input, and one event row per change.
qifu=$1
. "$(dirname "$0")/lib.sh"
db=$tmpdir/p.db
q() { "$qifu" --db "$db" "$@"; }
sql() { sqlite3 "$db" "$1"; }
check() {
	if [ "$2" != "$3" ]; then
		echo "FAIL: $1: got '$2', want '$3'"
		fails=$((fails + 1))
	fi
}
ev() { sql "SELECT count(*) FROM event WHERE entity='project' AND action='$1'"; }

HQ=914403001922038216   # 华勤技术, 昌东镇
expect_rc 0 --db "$db" init
q staff add --login xm --name 项目 --unit 区项目中心 --role unit_staff >/dev/null
q staff add --login cd --name 陈东 --unit 昌东镇 --role area_officer --area 昌东镇 >/dev/null
q staff add --login mq --name 马秋 --unit 麻丘镇 --role area_officer --area 麻丘镇 >/dev/null
q staff add --login ld --name 付刚 --unit 区党工委 --role leader --level 2 --oversees 区科经局 >/dev/null
q enterprise add --name 华勤技术股份有限公司 --uscc $HQ --area 昌东镇 --category industry >/dev/null

# --- add ---------------------------------------------------------------------------
expect 0 "recorded project XM2026-000001: 智能终端产业园, with 11 items" \
	--db "$db" --as xm project add --name " 智能终端产业园 " --enterprise $HQ \
	--introducer 区投促局 --investment 20亿 --site 昌东大道 --area 昌东镇 --signed 2026-09-30
expect 0 "recorded project XM2026-000002: 新材料项目, with 11 items" \
	--db "$db" project add --name 新材料项目 --investor "深圳某材料（待注册）" --area 麻丘镇 \
	--signed 2026-11-20
check "add events" "$(ev project.add)" 2
# the items' targets: working days from the signing, across National Day (10-01..07)
expect_rc 0 --db "$db" project show XM2026-000001 --format csv
check "record item" "$(sed -n 2p "$out" | tr -d "\r")" "1,record,permit,区行审中心,2026-10-20,open,red,,,"
stdout_has "7,power,hookup,昌东镇,"
# the investor named, or registered, not both nor neither
expect_rc 2 --db "$db" project add --name X --enterprise $HQ --investor Y
stderr_has "not both"
expect_rc 2 --db "$db" project add --name X
stderr_has "a project names its investor"
expect_rc 2 --db "$db" project add --name X --investor Y --area 火星
stderr_has "area '火星' is not one of"
expect_rc 2 --db "$db" project add --name X --investor Y --introducer 无此局
stderr_has "introducing unit '无此局' is not a unit"
expect_rc 2 --db "$db" project add --name X --investor Y --signed 2026-12-02
stderr_has "lies after today"
expect_rc 2 --db "$db" project add --name X --investor Y --investment 很多
stderr_has "--investment:"
expect_rc 2 --db "$db" project add --investor Y
stderr_has "--name"
expect_rc 1 --db "$db" --as ld project add --name X --investor Y
stderr_has "leaders do not record projects"
expect_rc 1 --db "$db" --as mq project add --name X --investor Y --area 昌东镇
check "refused adds write nothing" "$(ev project.add)" 2

# --- stages ------------------------------------------------------------------------
expect_rc 1 --db "$db" project move XM2026-000001 --to planning
stderr_has "is at stage signed: it moves on to filed only"
expect_rc 1 --db "$db" project move XM2026-000001 --to filed --on 2026-09-29
stderr_has "lies before the day project XM2026-000001 reached signed (2026-09-30)"
expect_rc 2 --db "$db" project move XM2026-000001 --to 竣工
stderr_has "unknown stage '竣工'"
expect_rc 1 --db "$db" project move XM2026-000099 --to filed
stderr_has "no project XM2026-000099"
expect_rc 2 --db "$db" project move XM26 --to filed
stderr_has "not a project number"
for s in filed:2026-10-09 planning:2026-10-20 permitted:2026-11-02 started:2026-11-05; do
	expect_rc 0 --db "$db" --as xm project move XM2026-000001 --to "${s%%:*}" --on "${s#*:}"
done
expect 0 "project XM2026-000001 is now at stage in production" \
	--db "$db" project move XM2026-000001 --to producing --on 2026-11-30
check "move events" "$(ev project.move)" 5
check "stage dates" "$(sql "SELECT group_concat(reached_on, ' ') FROM (SELECT reached_on FROM project_stage WHERE project_id = 1 ORDER BY reached_on)")" \
	"2026-09-30 2026-10-09 2026-10-20 2026-11-02 2026-11-05 2026-11-30"
expect_rc 1 --db "$db" project move XM2026-000001 --to producing
stderr_has "already at stage in production"

# --- items -------------------------------------------------------------------------
expect 0 "changed item 1 of project XM2026-000001" \
	--db "$db" project item XM2026-000001 1 --done --on 2026-10-09
expect_rc 0 --db "$db" project item XM2026-000001 2 --done --on 2026-11-25
expect_rc 1 --db "$db" project item XM2026-000001 3 --stuck
stderr_has "a stuck item says what blocks it"
expect_rc 2 --db "$db" project item XM2026-000001 3 --stuck --open
expect_rc 2 --db "$db" project item XM2026-000001 3 --on 2026-10-01
stderr_has "goes with --done"
expect_rc 1 --db "$db" project item XM2026-000001 30 --done
stderr_has "has no item 30"
expect_rc 2 --db "$db" project item XM2026-000001 3 --unit 无此局
stderr_has "unit '无此局' is not a unit"
expect 0 "added item 12 (供气) to project XM2026-000001" \
	--db "$db" project item XM2026-000001 --add gas --target 2026-12-31
expect_rc 2 --db "$db" project item XM2026-000001 --add 挖矿
stderr_has "unknown item kind '挖矿'"
check "item events" "$(ev project.item) $(ev project.item.add)" "2 1"

# a stuck item becomes an appeal of the investor in one action
expect_rc 1 --db "$db" project item XM2026-000001 4 --appeal
stderr_has "only a stuck item becomes an appeal"
expect_rc 0 --db "$db" --as xm project item XM2026-000001 4 --stuck --note 土地指标未下达 --appeal
stdout_has "became appeal 2026-000001 (first responsible: 区项目中心)"
check "appeal" "$(sql "SELECT first_unit || ' ' || state || ' ' || kind FROM appeal WHERE number = '2026-000001'")" \
	"区项目中心 registered general"
check "appeal's enterprise" "$(sql "SELECT e.uscc FROM appeal a JOIN enterprise e ON e.id = a.enterprise_id")" "$HQ"
check "link event" "$(ev project.item.appeal)" 1
expect_rc 1 --db "$db" project item XM2026-000001 4 --appeal
stderr_has "already became appeal 2026-000001"
# the investor not yet registered has no appeal
expect_rc 0 --db "$db" project item XM2026-000002 4 --stuck --note 资金未到位
expect_rc 2 --db "$db" project item XM2026-000002 4 --appeal
stderr_has "is not in the register yet"
check "no appeal made" "$(sql "SELECT count(*) FROM appeal")" 1

# --- show and list -----------------------------------------------------------------
expect_rc 0 --db "$db" project show XM2026-000001
stdout_has "Signing to construction start  36 days (22 working days)"
stdout_has "Items done on time             2 of 12 done, 1 of them on time"
stdout_has "Appeals                        2026-000001"
expect_rc 0 --db "$db" project show XM2026-000001 --format json
stdout_has '"stages": {"signed": "2026-09-30", "filed": "2026-10-09"'
stdout_has '{"item": 4, "kind": "land", "group": "factor", "unit": "区项目中心", "target": "2026-12-29", "state": "stuck", "light": "green", "done_on": "", "appeal": "2026-000001", "note": "土地指标未下达"}'
expect_rc 0 --db "$db" project list --format json
stdout_has '"number": "XM2026-000001", "name": "智能终端产业园", "investor": "华勤技术股份有限公司", "stage": "producing", "light": "yellow", "items": 12, "items_done": 2, "items_stuck": 1, "items_on_time": 1'
stdout_has '"days_to_start": "36", "workdays_to_start": "22", "days_to_produce": "61", "workdays_to_produce": "39"'
# most urgent first: project 1's funds and energy are due today, 2's items later
check "order" "$(grep -o '"number": "XM[0-9-]*"' "$out" | tr '\n' ' ')" \
	'"number": "XM2026-000001" "number": "XM2026-000002" '
expect_rc 0 --db "$db" project list --format csv --stage signed
check "csv by stage" "$(cut -d, -f1,4,5 "$out" | tr '\n' ' ')" "number,stage,light XM2026-000002,signed,green "
expect_rc 0 --db "$db" project list --light green --format csv
check "by light" "$(tail -n +2 "$out" | cut -d, -f1)" "XM2026-000002"
expect_rc 2 --db "$db" project list --light blue
# an area officer sees the projects of the area only
expect_rc 0 --db "$db" --as mq project list --format csv
check "scoped" "$(tail -n +2 "$out" | cut -d, -f1)" "XM2026-000002"
expect_rc 1 --db "$db" --as mq project show XM2026-000001
stderr_has "no project XM2026-000001"

# --- edit ----------------------------------------------------------------------------
expect 0 "updated project XM2026-000002" --db "$db" project edit XM2026-000002 --investment 3.5亿
expect_rc 1 --db "$db" project edit XM2026-000002 --investment 3.5亿
stderr_has "already reads so"
expect_rc 2 --db "$db" project edit XM2026-000002
stderr_has "say what changes"
check "edit events" "$(ev project.edit)" 1

# --- the ledger ------------------------------------------------------------------------
expect 0 "wrote 2 projects to $tmpdir/l.xlsx" --db "$db" project ledger "$tmpdir/l.xlsx"
# the sheet: the title, the list's headers, a row per project most urgent first
check "ledger" "$(python3 - "$tmpdir/l.xlsx" <<'PY'
import re, sys, zipfile
x = zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet1.xml').decode()
rows = re.findall(r'<row[^>]*>(.*?)</row>', x)
def texts(r):
    return [t for t in re.findall(r'<(?:t|v)[^>]*>([^<]*)</(?:t|v)>', r)]
print(len(rows), texts(rows[1])[:4], texts(rows[2])[:5], texts(rows[3])[0])
PY
)" "4 ['Project', 'Project name', 'Investor', 'Stage'] ['XM2026-000001', '智能终端产业园', '华勤技术股份有限公司', 'in production', 'due soon'] XM2026-000002"
expect 0 "wrote 1 project to $tmpdir/y.xlsx" --db "$db" project ledger "$tmpdir/y.xlsx" --light green
expect_rc 2 --db "$db" project ledger "$tmpdir/l.xlsx" --format csv
# the chain still proves itself
expect_rc 0 --db "$db" audit verify
finish
