#!/bin/sh
# The enterprise records through the command line: visits with problems, financing
# needs with amounts and status moves, pool entry/exit history, relocation warnings
# and the open-warning count behind `enterprise list --warning`; event rows, area
# scoping, bad input (dates, amounts, codes) and the JSON shapes scripts rely on.
qifu=$1
. "$(dirname "$0")/lib.sh"
db=$tmpdir/r.db
q() { "$qifu" --db "$db" "$@"; }
sql() { sqlite3 "$db" "$1"; }
# check WHAT GOT WANT: a value read back from the database
check() {
	if [ "$2" != "$3" ]; then
		echo "FAIL: $1: got '$2', want '$3'"
		fails=$((fails + 1))
	fi
}
ev() { sql "SELECT count(*) FROM event WHERE entity='enterprise' AND action='$1' $2"; }

HQ=914403001922038216   # 华勤技术, 昌东镇
AV=91440300708461136T   # 航空配件, 麻丘镇
CS=91110000600037341L   # 昌东小超市, 昌东镇

expect_rc 0 --db "$db" init
q staff add --login sup --name 督办 --unit 区科经局 --role supervisor >/dev/null
q staff add --login cd --name 陈东 --unit 昌东镇 --role area_officer --area 昌东镇 >/dev/null
q staff add --login mq --name 马秋 --unit 麻丘镇 --role area_officer --area 麻丘镇 >/dev/null
q staff add --login fd --name 王芳 --unit 区企服中心 --role frontdesk >/dev/null
q staff add --login kj --name 科经 --unit 区科经局 --role unit_staff >/dev/null
q staff add --login ld --name 付刚 --unit 区党工委 --role leader --level 2 --oversees 区科经局 >/dev/null
q enterprise add --name 华勤技术股份有限公司 --uscc $HQ --area 昌东镇 --category industry >/dev/null
q enterprise add --name 航空配件公司 --uscc $AV --area 麻丘镇 --category trade --aviation >/dev/null
q enterprise add --name 昌东小超市 --uscc $CS --area 昌东镇 --category below_scale >/dev/null
hq_id=$(sql "SELECT id FROM enterprise WHERE uscc='$HQ'")

# --- visits -------------------------------------------------------------------
expect 0 "recorded visit 1 to 华勤技术股份有限公司 on 2026-11-30 by 区科经局, 2 problem(s) found" \
	--db "$db" --as kj visit add --enterprise $HQ --date 2026-11-30 --people "科经、张三" \
	--topics "政策宣讲；项目申报" --card --problem " 用电报装慢 " --problem "厂房屋顶漏水"
# the date defaults to --today, the unit to the actor's; spaces in the USCC are fine
expect 0 "recorded visit 2 to 昌东小超市 on 2026-12-01 by 昌东镇, 0 problem(s) found" \
	--db "$db" --as cd visit add --enterprise "9111 0000 6000 3734 1L" --people 陈东 --topics 走访
expect_rc 0 --db "$db" --today 2026-11-15 --as cd visit add --enterprise $HQ --unit 区新经济中心 \
	--people 陈东 --topics 升规辅导
check "visit problems" "$(sql "SELECT group_concat(seq || ':' || text || ':' || coalesce(appeal_id, 'null'), '|') FROM visit_problem WHERE visit_id = 1")" \
	"1:用电报装慢:null|2:厂房屋顶漏水:null"
check "visit.add events" "$(ev visit.add "AND entity_id=$hq_id")" 2
check "visit.add summary" "$(sql "SELECT summary FROM event WHERE action='visit.add' ORDER BY id LIMIT 1")" \
	"visit=1 date=2026-11-30 unit=区科经局 people=科经、张三 topics=政策宣讲；项目申报 card=1 problems=2; 1. 用电报装慢; 2. 厂房屋顶漏水"
check "visit actor" "$(sql "SELECT actor FROM event WHERE action='visit.add' ORDER BY id LIMIT 1")" kj

expect 0 '[
  {"id": 1, "date": "2026-11-30", "enterprise": "华勤技术股份有限公司", "uscc": "914403001922038216", "unit": "区科经局", "people": "科经、张三", "topics": "政策宣讲；项目申报", "card_handed": true, "problems": 2}
]' --db "$db" visit list --enterprise $HQ --from 2026-11-20 --format json
expect 0 "[]" --db "$db" visit list --unit 区投促局 --format json
expect_rc 0 --db "$db" visit list --format csv
stdout_has "id,date,enterprise,uscc,unit,people,topics,card_handed,problems"
check "visit list order (newest first)" "$(sed -n '2p;3p;4p' "$out" | cut -d, -f1 | tr '\n' ' ')" "2 1 3 "
expect_rc 0 --db "$db" visit list --from 2026-11-01 --to 2026-11-30 --format csv
check "visit date range" "$(tail -n +2 "$out" | cut -d, -f1 | tr '\n' ' ')" "1 3 "
expect_rc 0 --db "$db" visit show 1 --format json
stdout_has '"area": "昌东镇", "unit": "区科经局"'
stdout_has '"problems": [{"seq": 1, "text": "用电报装慢", "appeal_id": null}, {"seq": 2, "text": "厂房屋顶漏水", "appeal_id": null}]}'
expect_rc 0 --db "$db" visit show 1
stdout_has "用电报装慢"
expect_rc 0 --db "$db" visit show 1 --format csv
check "visit show csv rows" "$(wc -l <"$out" | tr -d ' ')" 3

# bad input: impossible and future dates, unknown unit, missing fields, bad ids
expect_rc 2 --db "$db" visit add --enterprise $HQ --date 2026-02-30 --people a --topics b
stderr_has "--date: '2026-02-30' is not a real date"
expect_rc 2 --db "$db" visit add --enterprise $HQ --date 2026-12-02 --people a --topics b
stderr_has "lies after today (2026-12-01)"
expect_rc 2 --db "$db" visit add --enterprise $HQ --people a --topics b --unit 外星局
stderr_has "unknown visiting unit '外星局'"
expect_rc 2 --db "$db" visit add --enterprise $HQ --people "  " --topics b
stderr_has "visitors must not be empty"
expect_rc 2 --db "$db" visit add --enterprise $HQ --people a --topics b --problem "　"
stderr_has "(problem 1)"
expect_rc 2 --db "$db" visit add --enterprise $HQ --people a
expect_rc 2 --db "$db" visit list --from 2026-13-01
stderr_has "--from"
expect_rc 2 --db "$db" visit list --from 2026-12-01 --to 2026-11-01
stderr_has "lies after --to"
expect_rc 2 --db "$db" visit show abc
expect_rc 1 --db "$db" visit show 99
stderr_has "no visit 99"
expect_rc 1 --db "$db" visit add --enterprise 91360117914177769G --people a --topics b
stderr_has "no enterprise"
check "no visit written by refusals" "$(sql "SELECT count(*) FROM visit")" 3

# --- financing ----------------------------------------------------------------
expect 0 "recorded financing need 1 of 华勤技术股份有限公司: 5000000.00 yuan for 购置设备, status need" \
	--db "$db" financing add --enterprise $HQ --amount 500万 --purpose " 购置设备 "
expect_rc 0 --db "$db" financing add --enterprise $HQ --amount "1.5亿元" --purpose 扩建厂房 \
	--status matched --institution 南昌银行
expect_rc 0 --db "$db" financing add --enterprise $AV --amount 5,000,000 --purpose 流动资金
check "amounts in fen" "$(sql "SELECT group_concat(amount_fen, ' ') FROM financing")" \
	"500000000 15000000000 500000000"
check "financing.add events" "$(ev financing.add)" 3
expect_rc 2 --db "$db" financing add --enterprise $HQ --amount 5x --purpose p
stderr_has "--amount: '5x' is not an amount of yuan"
expect_rc 2 --db "$db" financing add --enterprise $HQ --amount 3456.789 --purpose p
stderr_has "finer than one fen"
expect_rc 2 --db "$db" financing add --enterprise $HQ --amount 0 --purpose p
stderr_has "not more than zero"
expect_rc 2 --db "$db" financing add --enterprise $HQ --amount 2万亿 --purpose p
expect_rc 2 --db "$db" financing add --enterprise $HQ --amount 100 --purpose p --status paid
stderr_has "need, matching, matched, funded, closed"
expect_rc 1 --db "$db" financing add --enterprise $HQ --amount 100 --purpose p --status funded
stderr_has "--institution"
expect_rc 1 --db "$db" financing add --enterprise $HQ --amount 100 --purpose p --status closed
stderr_has "cannot have status closed"
check "no financing written by refusals" "$(sql "SELECT count(*) FROM financing")" 3

expect 0 "updated financing need 1 of 华勤技术股份有限公司" --db "$db" financing update 1 --status matching
expect_rc 1 --db "$db" financing update 1 --status matching
stderr_has "already has status matching"
expect_rc 1 --db "$db" financing update 1 --status funded
stderr_has "--institution"
expect_rc 1 --db "$db" financing update 1 --status funded --institution " 工商银行 "
stderr_has "give the amount funded"
expect_rc 2 --db "$db" financing update 1 --status funded --institution 工商银行 --funded 5x
stderr_has "--funded: '5x' is not an amount of yuan"
expect_rc 0 --db "$db" financing update 1 --status funded --institution " 工商银行 " --funded 450万 \
	--note " 首笔放款 "
expect_rc 1 --db "$db" financing update 1 --status need
stderr_has "cannot move from funded to need; allowed: closed"
expect_rc 1 --db "$db" financing update 2 --institution ""
expect_rc 1 --db "$db" financing update 99 --status closed
stderr_has "no financing need 99"
expect_rc 2 --db "$db" financing update 1
check "financing.update summary" "$(sql "SELECT summary FROM event WHERE action='financing.update' ORDER BY id DESC LIMIT 1")" \
	"financing=1; status: matching -> funded; institution:  -> 工商银行; funded: 0.00 -> 4500000.00 yuan; note: 首笔放款"
expect_rc 0 --db "$db" financing list --enterprise $HQ --format json
stdout_has '{"id": 1, "enterprise": "华勤技术股份有限公司", "uscc": "914403001922038216", "amount_yuan": "5000000.00", "purpose": "购置设备", "status": "funded", "institution": "工商银行", "created_by": '
stdout_has '"amount_yuan": "150000000.00", "purpose": "扩建厂房", "status": "matched"'
expect_rc 0 --db "$db" financing list --status funded --format csv
check "financing list --status" "$(tail -n +2 "$out" | cut -d, -f1 | tr '\n' ' ')" "1 "
expect_rc 0 --db "$db" financing list
stdout_has "500 ten thousand yuan"
stdout_has "1.5 hundred million yuan"
stdout_has "450 ten thousand yuan"
# the coordination list: open needs only, oldest first, by area and status
expect_rc 0 --db "$db" financing list --open --format csv
check "financing list --open" "$(tail -n +2 "$out" | cut -d, -f1 | tr '\n' ' ')" "2 3 "
expect_rc 0 --db "$db" financing list --open --area 麻丘镇 --format csv
check "financing list --open --area" "$(tail -n +2 "$out" | cut -d, -f1 | tr '\n' ' ')" "3 "
expect_rc 0 --db "$db" financing list --open --status matched --format csv
check "financing list --open --status" "$(tail -n +2 "$out" | cut -d, -f1 | tr '\n' ' ')" "2 "
expect_rc 2 --db "$db" financing list --open --status closed
stderr_has "not closed"
# an amount funded goes with funded only; a funded need closed keeps its amount
expect_rc 1 --db "$db" financing update 3 --status matching --funded 100
stderr_has "goes with status funded, not matching"
expect_rc 1 --db "$db" financing update 2 --funded 100
stderr_has "goes with status funded, not matched"
expect_rc 0 --db "$db" financing update 1 --status closed --note 企业已还款
check "closed keeps the amount funded" "$(sql "SELECT status, funded_fen FROM financing WHERE id = 1")" \
	"closed|450000000"
# the history: one step per change, each written with its event row
expect_rc 0 --db "$db" financing history 1 --format csv
check "financing history" "$(tail -n +2 "$out" | tr -d '\r' | cut -d, -f1,4,5,6,7,8 | tr '\n' ' ')" \
	"1,,need,,, 2,need,matching,,, 3,matching,funded,工商银行,4500000.00,首笔放款 4,funded,closed,工商银行,4500000.00,企业已还款 "
expect_rc 0 --db "$db" financing history 1 --format json
stdout_has '"from": "matching", "status": "funded", "institution": "工商银行", "funded_yuan": "4500000.00", "note": "首笔放款"'
LANGUAGE=zh_CN expect_rc 0 --db "$db" financing history 1
stdout_has "对接中"
check "a step for each financing event" "$(sql "SELECT count(*) FROM financing_step")" \
	"$(sql "SELECT count(*) FROM event WHERE action LIKE 'financing.%'")"
expect_rc 1 --db "$db" financing history 99
stderr_has "no financing need 99"
expect_rc 2 --db "$db" financing history

# --- pools --------------------------------------------------------------------
expect 0 "华勤技术股份有限公司 entered 科技型企业培育库 on 2026-01-05" \
	--db "$db" pool enter --enterprise $HQ --pool tech --date 2026-01-05 --reason 高新技术企业培育
expect_rc 1 --db "$db" pool enter --enterprise $HQ --pool tech
stderr_has "already in 科技型企业培育库 since 2026-01-05"
expect_rc 1 --db "$db" pool leave --enterprise $HQ --pool upscale --reason 不符合
stderr_has "not in 五上企业培育库"
expect_rc 2 --db "$db" pool leave --enterprise $HQ --pool tech
stderr_has "--reason"
expect_rc 1 --db "$db" pool leave --enterprise $HQ --pool tech --reason x --date 2026-01-04
stderr_has "before the day it entered"
expect_rc 2 --db "$db" pool enter --enterprise $AV --pool 培育库
stderr_has "allowed: tech (科技型企业培育库), upscale (五上企业培育库)"
expect_rc 2 --db "$db" pool enter --enterprise $AV --pool tech --date 2026-04-31
stderr_has "--date: '2026-04-31'"
expect_rc 1 --db "$db" pool enter --enterprise $AV --pool tech --date 2026-12-24
stderr_has "lies after today"
expect_rc 0 --db "$db" pool enter --enterprise $CS --pool 五上企业培育库 --reason 营收接近限额
expect_rc 0 --db "$db" pool enter --enterprise $AV --pool tech
expect_rc 0 --db "$db" enterprise list --pool tech --format csv
check "enterprise list --pool tech" "$(tail -n +2 "$out" | cut -d, -f1 | sort | tr '\n' ' ')" "华勤技术股份有限公司 航空配件公司 "
expect_rc 0 --db "$db" enterprise list --pool upscale --format csv
check "enterprise list --pool upscale" "$(tail -n +2 "$out" | cut -d, -f1 | tr '\n' ' ')" "昌东小超市 "
expect_rc 2 --db "$db" enterprise list --pool 培育库
stderr_has "--pool: unknown pool '培育库'"
expect_rc 0 --db "$db" pool leave --enterprise $HQ --pool tech --date 2026-06-30 --reason 已认定为高新技术企业
expect_rc 1 --db "$db" pool enter --enterprise $HQ --pool tech --date 2026-06-29
stderr_has "before the day it last left"
expect_rc 0 --db "$db" pool enter --enterprise $HQ --pool tech --date 2026-09-01
expect_rc 0 --db "$db" enterprise list --pool tech --format csv
stdout_has 华勤技术股份有限公司
expect 0 '[
  {"pool": "tech", "pool_name": "科技型企业培育库", "entered_on": "2026-01-05", "left_on": "2026-06-30", "reason_in": "高新技术企业培育", "reason_out": "已认定为高新技术企业", "entered_by": "'"$(id -un)"'", "left_by": "'"$(id -un)"'"},
  {"pool": "tech", "pool_name": "科技型企业培育库", "entered_on": "2026-09-01", "left_on": "", "reason_in": "", "reason_out": "", "entered_by": "'"$(id -un)"'", "left_by": ""}
]' --db "$db" pool history --enterprise $HQ --format json
expect 0 '[
  {"pool": "upscale", "pool_name": "五上企业培育库", "enterprise": "昌东小超市", "uscc": "91110000600037341L", "area": "昌东镇", "entered_on": "2026-12-01", "reason": "营收接近限额"}
]' --db "$db" pool list --pool upscale --format json
expect_rc 0 --db "$db" pool list --format csv
check "pool list rows" "$(tail -n +2 "$out" | wc -l | tr -d ' ')" 3
check "pool events" "$(ev pool.enter):$(ev pool.leave)" "4:1"
check "pool.leave reason" "$(sql "SELECT reason FROM event WHERE action='pool.leave'")" 已认定为高新技术企业
check "one open period per pool" "$(sql "SELECT count(*) FROM pool_entry WHERE left_on IS NULL")" 3

# --- warnings -----------------------------------------------------------------
expect 0 "opened warning 1 on 2026-11-20 for 华勤技术股份有限公司 (tax, high)" \
	--db "$db" warning add --enterprise $HQ --source tax --level 高 --signal 连续三个月零申报 --date 2026-11-20
expect_rc 0 --db "$db" warning add --enterprise $HQ --source market --level low --signal 注册地址异常
expect_rc 0 --db "$db" warning add --enterprise $AV --source visit --level medium --signal 走访发现拟迁往外省
check "open_warnings after adds" "$(sql "SELECT group_concat(open_warnings, ' ') FROM enterprise ORDER BY id")" "2 1 0"
expect_rc 0 --db "$db" enterprise list --warning --format csv
check "enterprise list --warning" "$(tail -n +2 "$out" | cut -d, -f1 | sort | tr '\n' ' ')" "华勤技术股份有限公司 航空配件公司 "
expect_rc 2 --db "$db" warning add --enterprise $HQ --source irs --level low --signal x
stderr_has "allowed: tax, market, visit, other"
expect_rc 2 --db "$db" warning add --enterprise $HQ --source tax --level 1 --signal x
stderr_has "low, medium, high"
expect_rc 2 --db "$db" warning add --enterprise $HQ --source tax --level low --signal x --date 2026-11-31
stderr_has "--date: '2026-11-31'"
expect_rc 1 --db "$db" warning add --enterprise $HQ --source tax --level low --signal x --date 2027-01-01
stderr_has "lies after today"

expect 0 "recorded the response to warning 1 of 华勤技术股份有限公司" \
	--db "$db" warning respond 1 --text 已约谈企业负责人 --date 2026-11-21
expect_rc 1 --db "$db" warning respond 1 --text 太早 --date 2026-11-19
stderr_has "lies before warning 1 was opened (2026-11-20)"
expect_rc 2 --db "$db" warning respond 1
expect_rc 0 --db "$db" warning close 1 --text 企业承诺留驻
expect_rc 1 --db "$db" warning close 1
stderr_has "warning 1 was closed on 2026-12-01"
expect_rc 1 --db "$db" warning respond 1 --text 再次回访
expect_rc 0 --db "$db" warning close 3
check "open_warnings after closes" "$(sql "SELECT group_concat(open_warnings, ' ') FROM enterprise ORDER BY id")" "1 0 0"
expect_rc 0 --db "$db" enterprise list --warning --format csv
check "enterprise list --warning after closes" "$(tail -n +2 "$out" | cut -d, -f1 | tr '\n' ' ')" "华勤技术股份有限公司 "
check "warning events" "$(ev warning.add):$(ev warning.respond):$(ev warning.close)" "3:1:2"
check "warning.close reason" "$(sql "SELECT reason FROM event WHERE action='warning.close' ORDER BY id LIMIT 1")" 企业承诺留驻
expect 0 '[
  {"id": 2, "enterprise": "华勤技术股份有限公司", "uscc": "914403001922038216", "area": "昌东镇", "source": "market", "level": "low", "signal": "注册地址异常", "opened_on": "2026-12-01", "closed_on": "", "open": true, "response": ""}
]' --db "$db" warning list --open --format json
expect_rc 0 --db "$db" warning list --enterprise $HQ --format csv
check "warning list order (open first)" "$(tail -n +2 "$out" | cut -d, -f1 | tr '\n' ' ')" "2 1 "
expect_rc 0 --db "$db" warning show 1 --format json
stdout_has '"source": "tax", "level": "high", "signal": "连续三个月零申报", "opened_on": "2026-11-20", "closed_on": "2026-12-01", "open": false, "response": "企业承诺留驻"'
stdout_has '"responses": [{"date": "2026-11-21", "text": "已约谈企业负责人", "by": "'"$(id -un)"'", "closing": false}, {"date": "2026-12-01", "text": "企业承诺留驻", "by": "'"$(id -un)"'", "closing": true}]}'
expect_rc 1 --db "$db" warning show 42
stderr_has "no warning 42"

# --- area scoping and roles ---------------------------------------------------
expect_rc 1 --db "$db" --as mq visit add --enterprise $HQ --people 马秋 --topics 越界
stderr_has "own area"
expect_rc 1 --db "$db" --as mq financing add --enterprise $HQ --amount 100 --purpose x
stderr_has "own area"
expect_rc 1 --db "$db" --as mq financing update 1 --status need
stderr_has "own area"
expect_rc 1 --db "$db" --as mq pool enter --enterprise $HQ --pool upscale
stderr_has "own area"
expect_rc 1 --db "$db" --as mq warning add --enterprise $HQ --source visit --level low --signal x
stderr_has "own area"
expect_rc 1 --db "$db" --as mq warning close 2
stderr_has "own area"
expect_rc 1 --db "$db" --as mq visit show 1
expect_rc 1 --db "$db" --as mq warning show 1
expect_rc 1 --db "$db" --as mq pool history --enterprise $HQ
expect_rc 1 --db "$db" --as mq visit list --enterprise $HQ
# lists of an area officer hold only their area
expect_rc 0 --db "$db" --as mq visit list --format csv
check "area officer's visits" "$(tail -n +2 "$out" | wc -l | tr -d ' ')" 0
expect_rc 0 --db "$db" --as mq financing list --format csv
check "area officer's financing" "$(tail -n +2 "$out" | cut -d, -f2 | tr '\n' ' ')" "航空配件公司 "
expect_rc 0 --db "$db" --as mq pool list --format csv
check "area officer's pools" "$(tail -n +2 "$out" | cut -d, -f3 | tr '\n' ' ')" "航空配件公司 "
expect_rc 0 --db "$db" --as mq warning list --format csv
check "area officer's warnings" "$(tail -n +2 "$out" | cut -d, -f1 | tr '\n' ' ')" "3 "
expect_rc 0 --db "$db" --as cd warning list --format csv
check "other area officer's warnings" "$(tail -n +2 "$out" | cut -d, -f1 | tr '\n' ' ')" "2 1 "
expect_rc 0 --db "$db" --as mq warning add --enterprise $AV --source other --level low --signal 厂房退租
# roles: leaders record nothing, the front desk does not move pools
expect_rc 1 --db "$db" --as ld visit add --enterprise $HQ --people a --topics b
stderr_has "leaders do not log visits"
expect_rc 1 --db "$db" --as ld warning add --enterprise $HQ --source tax --level low --signal x
expect_rc 1 --db "$db" --as fd pool enter --enterprise $AV --pool upscale
stderr_has "cultivation pools"
expect_rc 0 --db "$db" --as ld warning list --format csv

# --- help and usage -----------------------------------------------------------
for cmd in visit financing pool warning; do
	expect_rc 0 --db "$db" $cmd --help
	stdout_has "JSON keys"
	expect_rc 2 --db "$db" $cmd
	expect_rc 2 --db "$db" $cmd frobnicate
	stderr_has "unknown subcommand 'frobnicate'"
done
expect_rc 2 --db "$db" visit list --format xml
stderr_has "--format: 'xml' is not one of table, csv, json"

# --- enterprise show --full: what the 360 view shows, in three formats --------
expect_rc 0 --db "$db" enterprise show $HQ --full
stdout_has "[Financing needs]"
stdout_has "- No. 1 "
stdout_has "    - "
stdout_has "financing obtained → need closed, with 工商银行, 450 ten thousand yuan funded; 企业已还款"
stdout_has "[Cultivation pools]"
stdout_has "[Relocation warnings]"
stdout_has "[Inspection plans]"
stdout_has "[Appeals]"
expect_rc 0 --db "$db" enterprise show $HQ --full --format json
check "show --full json" "$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(" ".join(k for k in d), d["enterprise"]["uscc"],
      [f["history"][-1]["status"] for f in d["financing"] if f["id"] == "1"][0],
      len(d["visits"]) > 0)' "$out")" \
	"enterprise visits outreach talent whistles financing pools warnings inspections refusals appeals $HQ closed True"
expect_rc 0 --db "$db" enterprise show $HQ --full --format csv
check "show --full csv header" "$(head -n 1 "$out" | tr -d '\r')" "section,item,step,field,value"
check "show --full csv entry" "$(grep '^enterprise,,,uscc,' "$out" | tr -d '\r')" "enterprise,,,uscc,$HQ"
check "show --full csv need 1's last step" \
	"$(grep '^financing,' "$out" | tr -d '\r' | awk -F, '$4 == "note" && $5 == "企业已还款"' | wc -l)" 1
expect_rc 1 --db "$db" --as mq enterprise show $HQ --full
LANGUAGE=zh_CN expect_rc 0 --db "$db" enterprise show $HQ --full
stdout_has "[融资需求]"
stdout_has "已获融资 改为 已关闭"

# --- Chinese messages ---------------------------------------------------------
LANGUAGE=zh_CN expect_rc 1 --db "$db" pool enter --enterprise $HQ --pool tech
stderr_has "已在科技型企业培育库中"
LANGUAGE=zh_CN expect_rc 0 --db "$db" financing list --enterprise $HQ
stdout_has "1.5亿元"
stdout_has "已关闭"

check "database still consistent" "$(sqlite3 "$db" 'PRAGMA foreign_key_check; PRAGMA integrity_check')" ok
finish
