#!/bin/sh
# The whistle (企业吹哨、专员报到): logged to the commissioner the register names with
# the deadline [whistle] report_days working days on, listed not-reported-first; the
# report-in by the commissioner or a colleague, refused to others and twice; late and
# overdue states; the appeal made in one action with the commissioner's unit first
# responsible; the lead unit told in qifu remind; the counts per commissioner in the
# supervision report; every change an event row.
qifu=$1
. "$(dirname "$0")/lib.sh"
db=$tmpdir/wh.db
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
expect_rc 0 --db "$db" init
q staff add --login kj --name 柯静 --unit 区科经局 --role unit_staff >/dev/null
q staff add --login kj2 --name 孔杰 --unit 区科经局 --role unit_staff >/dev/null
q staff add --login tc --name 陶成 --unit 区投促局 --role unit_staff >/dev/null
q staff add --login cd --name 陈东 --unit 昌东镇 --role area_officer --area 昌东镇 >/dev/null
q staff add --login mq --name 马秋 --unit 麻丘镇 --role area_officer --area 麻丘镇 >/dev/null
q enterprise add --name 华勤技术股份有限公司 --uscc $HQ --area 昌东镇 --category industry \
	--commissioner kj >/dev/null
q enterprise add --name 昌东小超市 --uscc $CS --area 昌东镇 --category below_scale >/dev/null

# logged on Friday 2026-11-27: one working day is Monday the 30th
expect_rc 0 --db "$db" --today 2026-11-27 --as cd whistle add --enterprise $HQ --via phone \
	--caller " 张经理 " --text "用电报装慢，请协调供电所"
stdout_has "logged whistle 1 of 华勤技术股份有限公司 to its commissioner 柯静; report in by 2026-11-30"
check "event of the whistle" "$(sql "SELECT entity || ' ' || entity_id || ' ' || action FROM event ORDER BY id DESC LIMIT 1")" "enterprise 1 whistle.add"
check "kept as the register knew it" "$(sql "SELECT s.login || ' ' || w.unit || ' ' || w.lead_unit || ' ' || w.caller FROM whistle w JOIN staff s ON s.id = w.commissioner_id")" "kj 区科经局 区科经局 张经理"
# a longer limit from the settings
printf '[whistle]\nreport_days = 3\n' >"$tmpdir/three.ini"
expect_rc 0 --db "$db" --config "$tmpdir/three.ini" --today 2026-12-01 --as kj whistle add \
	--enterprise $HQ --via message --caller 王 --text 厂房漏水
stdout_has "report in by 2026-12-04"
printf '[whistle]\nreport_days = 0\n' >"$tmpdir/zero.ini"
# a value out of range is named and the default kept
expect_rc 0 --db "$db" --config "$tmpdir/zero.ini" config
stderr_has "whistle:report_days: 0 is out of range 1..30"
expect_rc 0 --db "$db" config
stdout_has "report_days"

# no commissioner, a day ahead, a bad via, nothing typed: refused, nothing written
expect_rc 1 --db "$db" --today 2026-12-01 whistle add --enterprise $CS --via phone --caller 李 --text x
stderr_has "昌东小超市 has no service commissioner"
expect_rc 2 --db "$db" --today 2026-12-01 whistle add --enterprise $HQ --via phone --caller 李 \
	--text x --date 2026-12-02
stderr_has "lies after today"
expect_rc 2 --db "$db" whistle add --enterprise $HQ --via email --caller 李 --text x
stderr_has "--via: 'email' is not one of phone, visit, message"
expect_rc 2 --db "$db" whistle add --enterprise $HQ --via phone --caller " " --text x
stderr_has "who called must not be empty"
expect_rc 2 --db "$db" whistle add --enterprise $HQ --via phone
stderr_has "--caller"
# an area officer of another area does not see the enterprise
expect_rc 1 --db "$db" --as mq whistle add --enterprise $HQ --via phone --caller 李 --text x
check "whistles after the refusals" "$(sql "SELECT count(*) FROM whistle")" 2

# the list: not reported in first, the earliest deadline first; the state as of today
expect_rc 0 --db "$db" --today 2026-12-01 whistle list --format csv
check "csv" "$(cut -d, -f1,12,13 "$out")" "id,due,state
1,2026-11-30,overdue
2,2026-12-04,waiting"
expect_rc 0 --db "$db" --today 2026-12-01 whistle list --overdue --format json
stdout_has '"id": 1,'
stdout_lacks '"id": 2,'
stdout_has '"commissioner": "kj"'
expect_rc 0 --db "$db" --today 2026-12-01 whistle list
stdout_has "1 working day overdue"
expect_rc 0 --db "$db" --today 2026-12-01 --as mq whistle list --format csv
check "another area sees none" "$(wc -l <"$out")" 1

# the report-in: another unit and the area officer may not; a colleague may
expect_rc 1 --db "$db" --today 2026-12-01 --as tc whistle report 1 --text 已处理
stderr_has "only the commissioner, a colleague of their unit, or a supervisor"
expect_rc 1 --db "$db" --today 2026-12-01 --as cd whistle report 1 --text 已处理
expect_rc 2 --db "$db" --today 2026-12-01 --as kj whistle report 1 --text 已处理 --date 2026-11-26
stderr_has "lies before the whistle"
expect_rc 2 --db "$db" --today 2026-12-01 --as kj whistle report 1 --text "  "
stderr_has "what was done must not be empty"
expect_rc 0 --db "$db" --today 2026-12-01 --as kj2 whistle report 1 --text 已上门协调供电所
stdout_has "whistle 1: reported in late"
check "event of the report-in" "$(sql "SELECT action || ' ' || actor FROM event ORDER BY id DESC LIMIT 1")" "whistle.report kj2"
expect_rc 1 --db "$db" --today 2026-12-01 --as kj whistle report 1 --text 又处理
stderr_has "the commissioner already reported in on whistle 1 on 2026-12-01"
expect_rc 1 --db "$db" --today 2026-12-01 --as kj whistle report 9 --text x
stderr_has "no whistle 9"
expect_rc 0 --db "$db" --today 2026-12-01 --as kj whistle report 2 --text 已电话回复
stdout_has "whistle 2: reported in"
stdout_lacks "late"

# what cannot be solved on the spot: an appeal in one action, the commissioner's unit
# first responsible, its channel the whistle's, the caller the whistle's
expect_rc 0 --db "$db" --today 2026-12-01 --as kj whistle appeal 2 --kind simple
stdout_has "2026-000001 registered for 华勤技术股份有限公司 from whistle 2, now registered at 区科经局"
expect_rc 0 --db "$db" --today 2026-12-01 appeal show 2026-000001 --format json
stdout_has '"title": "厂房漏水"'
stdout_has '"channel": "online"'
stdout_has '"first_unit": "区科经局"'
check "link and its event" "$(sql "SELECT w.id FROM whistle w JOIN appeal a ON a.id = w.appeal_id WHERE a.number = '2026-000001'") $(sql "SELECT count(*) FROM event WHERE action = 'whistle.appeal'")" "2 1"
expect_rc 1 --db "$db" --today 2026-12-01 --as kj whistle appeal 2
stderr_has "whistle 2 already became appeal 2026-000001"
# another unit may not register for the commissioner's unit; nothing written
expect_rc 1 --db "$db" --today 2026-12-01 --as tc whistle appeal 1
check "appeals after the refusals" "$(sql "SELECT count(*) FROM appeal")" 1
expect_rc 0 --db "$db" --today 2026-12-01 whistle show 2 --format json
stdout_has '"appeal": "2026-000001"'
stdout_has '"state": "reported"'

# overdue and not reported in: told to the commissioner's unit and the lead unit
q enterprise edit $HQ --commissioner tc >/dev/null
expect_rc 0 --db "$db" --today 2026-12-01 --as cd whistle add --enterprise $HQ --via visit \
	--caller 王总 --text 消防验收预约慢 --date 2026-11-26
stdout_has "to its commissioner 陶成; report in by 2026-11-27"
expect_rc 0 --db "$db" --today 2026-12-01 remind
stdout_has "区科经局 (2026-12-01): 1 whistle not reported in on time"
stdout_has "区投促局 (2026-12-01): 1 whistle not reported in on time"
stdout_has "commissioner 陶成 (区投促局): 消防验收预约慢"
expect_rc 0 --db "$db" --today 2026-12-01 remind --unit 区科经局
stdout_lacks "区投促局 (2026-12-01)"
stdout_has "whistle 3"

# the enterprise's 360 view: each whistle, where it stands, its appeal, the report-in
expect_rc 0 --db "$db" --today 2026-12-01 enterprise show $HQ --full
stdout_has "[Whistles]"
stdout_has "2026-11-26 in person, 王总: 消防验收预约慢; commissioner 陶成 (区投促局): 2 working days overdue"
stdout_has "2026-12-01 by message, 王: 厂房漏水; commissioner 柯静 (区科经局): reported in (appeal 2026-000001)"
stdout_has "    - reported in 2026-12-01: 已电话回复"
stdout_has "2026-11-27 by phone, 张经理: 用电报装慢，请协调供电所; commissioner 柯静 (区科经局): reported in late"
expect_rc 0 --db "$db" --today 2026-12-01 enterprise show $HQ --full --format json
check "whistles in the 360 view's JSON" "$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(" ".join("%s:%s:%s:%d" % (w["id"], w["state"], w["appeal"], len(w.get("history", [])))
               for w in d["whistles"]))' "$out")" "3:overdue::0 2:reported:2026-000001:1 1:late::1"

# the counts per commissioner in the supervision report
expect_rc 0 --db "$db" --today 2026-12-01 report units --from 2026-11-01 --to 2026-12-31
stdout_has "Whistles per commissioner, called from 2026-11-01 to 2026-12-31"
check "kj's row" "$(grep '^柯静' "$out" | tr -s ' ')" "柯静 区科经局 2 1 1 0 1"
check "tc's row" "$(grep '^陶成' "$out" | tr -s ' ')" "陶成 区投促局 1 0 0 1 0"
expect_rc 0 --db "$db" --today 2026-12-01 report units --from 2025-01-01 --to 2025-12-31
stdout_has "No enterprise blew the whistle in the period."

finish
