#!/bin/sh
# Outreach events (qifu outreach): recording one with its attending enterprises, the
# kinds from data, enterprises named by credit code or name, sign-in sheets in UTF-8,
# UTF-8 with BOM and GB18030 with every bad line named and nothing half recorded, a
# problem raised turned into an appeal with the organising unit first responsible,
# the 360 view, the supervision report's counts per unit and quarter, the JSON keys
# scripts read, and an event row with every change.
qifu=$1
. "$(dirname "$0")/lib.sh"
db=$tmpdir/or.db
q() { "$qifu" --db "$db" "$@"; }
sql() { sqlite3 "$db" "$1"; }
check() {
	if [ "$2" != "$3" ]; then
		echo "FAIL: $1: got '$2', want '$3'"
		fails=$((fails + 1))
	fi
}

HQ=914403001922038216
CS=91110000600037341L
AB=91360103001571585M
expect_rc 0 --db "$db" init
q staff add --login fd --name 王芳 --unit 区企服中心 --role frontdesk >/dev/null
q staff add --login kj --name 柯静 --unit 区科经局 --role unit_staff >/dev/null
q staff add --login tc --name 陶成 --unit 区投促局 --role unit_staff >/dev/null
q staff add --login ld --name 林东 --unit 区党工委 --role leader --level 1 >/dev/null
q enterprise add --name 华勤技术股份有限公司 --uscc $HQ --area 昌东镇 --category industry >/dev/null
q enterprise add --name 昌东小超市 --uscc $CS --area 昌东镇 --category below_scale >/dev/null
q enterprise add --name 安豪电子有限公司 --uscc $AB --area 麻丘镇 --category industry >/dev/null

# an event with its attendees, by code and by name; the kind by its Chinese name
expect_rc 0 --db "$db" --today 2026-11-20 --as kj outreach add --kind 政策宣讲会 \
	--place 管委会三楼 --topic "惠企政策宣讲" --policies "研发费用加计扣除" \
	--enterprise $HQ --enterprise 昌东小超市
stdout_has "recorded outreach event 1: 政策宣讲会 by 区科经局 on 2026-11-20, 2 enterprise(s) attending"
check "kind stored as its code" "$(sql "SELECT kind FROM outreach WHERE id = 1")" briefing
check "event row of the add" "$(sql "SELECT count(*) FROM event WHERE entity = 'outreach' AND entity_id = 1 AND action = 'outreach.add'")" 1

# bad input names what is wrong and writes nothing
expect_rc 2 --db "$db" --as kj outreach add --kind party --place x --topic y
stderr_has "unknown event kind 'party'; allowed: briefing (政策宣讲会)"
expect_rc 2 --db "$db" --as kj outreach add --kind forum --place x --topic y --date 2026-12-02
stderr_has "event date 2026-12-02 lies after today (2026-12-01)"
expect_rc 2 --db "$db" --as kj outreach add --kind forum --place x --topic y --unit 外星局
stderr_has "unknown organising unit '外星局'"
expect_rc 1 --db "$db" --as kj outreach add --kind forum --place x --topic y --enterprise 无此公司
stderr_has "no enterprise named '无此公司'"
expect_rc 1 --db "$db" --as ld outreach add --kind forum --place x --topic y
stderr_has "leaders do not record outreach events"
check "events after the refusals" "$(sql "SELECT count(*) FROM outreach")" 1

# attending by option: those recorded already are left as they were
expect_rc 0 --db "$db" --as kj outreach attend 1 --enterprise $HQ --enterprise $AB
stdout_has "1 of 2 enterprise(s) newly recorded as attending outreach event 1"
expect_rc 0 --db "$db" --as kj outreach attend 1 --enterprise $AB
stdout_has "0 of 1 enterprise(s) newly recorded"
check "no event row for no change" "$(sql "SELECT count(*) FROM event WHERE entity = 'outreach' AND action = 'outreach.attend'")" 1
expect_rc 2 --db "$db" --as kj outreach attend 9 --enterprise $AB
stderr_has "no outreach event 9"

# a second event for the sheets
expect_rc 0 --db "$db" --today 2026-10-09 --as fd outreach add --kind forum --place 企服中心 \
	--topic 营商环境座谈会
# a sign-in sheet with a title row, a bad line and a line naming nobody: each named,
# nothing recorded
printf '营商环境座谈会签到表\r\n序号,企业名称,统一社会信用代码,参会人\r\n1,华勤技术股份有限公司,,张三\r\n2,无此公司,,李四\r\n3,,12345,王五\r\n4,,,赵六\r\n' >"$tmpdir/bad.csv"
expect_rc 2 --db "$db" --as fd outreach attend 2 --sheet "$tmpdir/bad.csv"
stderr_has "bad.csv: line 4: no enterprise named '无此公司'"
stderr_has "bad.csv: line 5: credit code '12345' is not 18 characters long"
stderr_has "bad.csv: line 6: neither a credit code nor an enterprise name"
stderr_has "3 lines of 4 name no enterprise; nothing was recorded"
check "nothing recorded from the bad sheet" "$(sql "SELECT count(*) FROM outreach_attendee WHERE outreach_id = 2")" 0
# UTF-8 with BOM; the code wins over the name; a second signature is one attendance
printf '\357\273\277企业名称,统一社会信用代码\n华勤,%s\n昌东小超市,\n昌东小超市,\n' "$HQ" >"$tmpdir/bom.csv"
expect_rc 0 --db "$db" --as fd outreach attend 2 --sheet "$tmpdir/bom.csv" --dry-run
stdout_has "(UTF-8 (BOM)): 3 lines name 2 enterprise(s); nothing was recorded (--dry-run)"
check "the dry run recorded nothing" "$(sql "SELECT count(*) FROM outreach_attendee WHERE outreach_id = 2")" 0
expect_rc 0 --db "$db" --as fd outreach attend 2 --sheet "$tmpdir/bom.csv"
stdout_has "2 newly recorded as attending outreach event 2"
# GB18030, as Excel saves it on a Chinese Windows
printf '单位名称,联系人\n安豪电子有限公司,孙七\n' | iconv -f UTF-8 -t GB18030 >"$tmpdir/gb.csv"
expect_rc 0 --db "$db" --as fd outreach attend 2 --sheet "$tmpdir/gb.csv"
stdout_has "(GB18030): 1 lines name 1 enterprise(s); 1 newly recorded"
check "attendees of event 2" "$(sql "SELECT count(*) FROM outreach_attendee WHERE outreach_id = 2")" 3
printf '序号,参会人\n1,张三\n' >"$tmpdir/nohead.csv"
expect_rc 2 --db "$db" --as fd outreach attend 2 --sheet "$tmpdir/nohead.csv"
stderr_has "no header row naming a column 统一社会信用代码"

# a problem raised, then an appeal in one action: the organising unit first
# responsible, channel meeting, the link in the same transaction
expect_rc 0 --db "$db" --as kj outreach problem 1 --enterprise $HQ --text " 研发费用归集口径不清 "
stdout_has "recorded problem 1 of outreach event 1"
expect_rc 0 --db "$db" --as kj outreach problem 1 --enterprise $CS --text "门前道路积水"
expect_rc 2 --db "$db" --as kj outreach problem 1 --enterprise $CS --text "  "
stderr_has "problem raised must not be empty"
expect_rc 0 --db "$db" --as kj outreach appeal 1 1 --kind simple
stdout_has "2026-000001 registered for 华勤技术股份有限公司 from problem 1 of outreach event 1, now registered at 区科经局"
expect_rc 0 --db "$db" appeal show 2026-000001 --format json
stdout_has '"title": "研发费用归集口径不清"'
stdout_has '"channel": "meeting"'
stdout_has '"first_unit": "区科经局"'
stdout_has '"kind": "simple"'
check "link of problem 1" "$(sql "SELECT a.number FROM outreach_problem p JOIN appeal a ON a.id = p.appeal_id WHERE p.outreach_id = 1 AND p.seq = 1")" 2026-000001
expect_rc 1 --db "$db" --as kj outreach appeal 1 1
stderr_has "problem 1 of outreach event 1 already became appeal 2026-000001"
# another unit may not register for the organising unit
expect_rc 1 --db "$db" --as tc outreach appeal 1 2
check "problem 2 after the refusal" "$(sql "SELECT coalesce(appeal_id, 'null') FROM outreach_problem WHERE outreach_id = 1 AND seq = 2")" null
expect_rc 2 --db "$db" --as kj outreach appeal 1 3
stderr_has "outreach event 1 has problems 1 to 2, not 3"
expect_rc 2 --db "$db" --as kj outreach appeal 2 1
stderr_has "outreach event 2 recorded no problems"
check "appeals at the end" "$(sql "SELECT count(*) FROM appeal")" 1

# the list and show, for people and for scripts
expect_rc 0 --db "$db" outreach list --format json
stdout_has '{"id": 2, "kind": "forum", "date": "2026-10-09", "unit": "区企服中心", "topic": "营商环境座谈会", "attendees": 3, "place": "企服中心", "problems": 0}'
stdout_has '{"id": 1, "kind": "briefing", "date": "2026-11-20", "unit": "区科经局", "topic": "惠企政策宣讲", "attendees": 3, "place": "管委会三楼", "problems": 2}'
expect_rc 0 --db "$db" outreach list --kind forum --format csv
check "forum rows" "$(grep -c forum "$out")" 1
expect_rc 0 --db "$db" outreach list --enterprise $AB --format json
stdout_has '"id": 2'
stdout_has '"id": 1'
expect_rc 0 --db "$db" outreach show 1
stdout_has "政策宣讲会"
stdout_has "华勤技术股份有限公司: 研发费用归集口径不清 (appeal 2026-000001)"
expect_rc 0 --db "$db" outreach show 1 --format json
stdout_has '"appeal_number": "2026-000001"'
stdout_has '"appeal_number": null'

# the attending enterprise's 360 view
expect_rc 0 --db "$db" enterprise show $HQ --full
stdout_has "[Outreach events attended]"
stdout_has "2026-11-20 政策宣讲会 by 区科经局 at 管委会三楼: 惠企政策宣讲"
stdout_has "problem 1: 研发费用归集口径不清 (appeal 2026-000001)"
expect_rc 0 --db "$db" enterprise show $AB --full --format csv
stdout_has "outreach,1,,kind,briefing"

# the supervision report: per organising unit and quarter
expect_rc 0 --db "$db" report units --from 2026-07-01 --to 2026-12-31
stdout_has "Outreach events held from 2026-07-01 to 2026-12-31, per organising unit and quarter"
stdout_has "区科经局         2026Q4         1        3        2        1"
stdout_has "区企服中心       2026Q4         1        3        0        0"
expect_rc 0 --db "$db" report units --from 2026-01-01 --to 2026-03-31
stdout_has "No outreach event was held in the period."

# every change wrote its event row, and the chain holds
check "event rows of outreach" "$(sql "SELECT group_concat(action, ' ') FROM (SELECT action FROM event WHERE entity = 'outreach' ORDER BY id)")" \
	"outreach.add outreach.attend outreach.add outreach.attend outreach.attend outreach.problem outreach.problem"

# an xlsx workbook's first sheet (tests/make_xlsx.py signin: a title row, a seat number
# as a number): all or nothing on the command line, as a CSV
python3 "$(dirname "$0")/../make_xlsx.py" "$tmpdir/x" signin >/dev/null
expect_rc 0 --db "$db" --today 2026-10-09 --as fd outreach add --kind forum --place 企服中心 \
	--topic 签到表导入
expect_rc 2 --db "$db" --as fd outreach attend 3 --sheet "$tmpdir/x/signin.xlsx"
stderr_has "signin.xlsx: line 5: no enterprise named '查无此公司'"
stderr_has "signin.xlsx (sheet '签到'): 1 line of 3 names no enterprise; nothing was recorded"
check "nothing recorded from the workbook" "$(sql "SELECT count(*) FROM outreach_attendee WHERE outreach_id = 3")" 0
expect_rc 0 --db "$db" audit verify

finish
