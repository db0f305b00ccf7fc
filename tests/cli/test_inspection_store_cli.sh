#!/bin/sh
# Inspection plans through the command line: the life registered -> approved (code)
# -> done -> evaluated, cancellation, refused registrations and a supervisor's
# override in the report, verifying codes at the door, first violations inside and
# outside the window, the too-often warning and the joint-inspection offer, who sees
# an evaluation, events, unit and area permissions, bad input. Today is 2026-12-01.
qifu=$1
. "$(dirname "$0")/lib.sh"
db=$tmpdir/i.db
q() { "$qifu" --db "$db" "$@"; }
sql() { sqlite3 "$db" "$1"; }
# same VALUE SQL: the query's result is VALUE
same() {
	got=$(sql "$2")
	if [ "$got" != "$1" ]; then
		echo "FAIL: $2: got '$got', want '$1'"
		fails=$((fails + 1))
	fi
}
stderr_lacks() {
	if grep -qF -- "$1" "$err"; then
		echo "FAIL: stderr has '$1': $(cat "$err")"
		fails=$((fails + 1))
	fi
}
stdout_lacks() {
	if grep -qF -- "$1" "$out"; then
		echo "FAIL: stdout has '$1': $(cat "$out")"
		fails=$((fails + 1))
	fi
}

A=914403001922038216 B=91440300708461136T C=91110000600037341L D=91360100123456788W
PLAN="--inspectors 李四,王五 --basis 《安全生产法》第六十五条 --items 消防通道、应急照明"

expect_rc 0 --db "$db" init
q staff add --login sup --name 督办甲 --unit 区科经局 --role supervisor >/dev/null
q staff add --login sup2 --name 督办乙 --unit 区投促局 --role supervisor >/dev/null
q staff add --login zx --name 中心督导 --unit 区企服中心 --role supervisor >/dev/null
q staff add --login ks --name 科员 --unit 区科经局 --role unit_staff >/dev/null
q staff add --login tc --name 投员 --unit 区投促局 --role unit_staff >/dev/null
q staff add --login yj --name 应急员 --unit 区应急局 --role unit_staff >/dev/null
q staff add --login fd --name 王芳 --unit 区企服中心 --role frontdesk >/dev/null
q staff add --login cd --name 陈东 --unit 昌东镇 --role area_officer --area 昌东镇 >/dev/null
q staff add --login mq --name 马秋 --unit 麻丘镇 --role area_officer --area 麻丘镇 >/dev/null
q enterprise add --name 华勤技术股份有限公司 --uscc $A --area 昌东镇 --category industry >/dev/null
q enterprise add --name 麻丘航空配件有限公司 --uscc $B --area 麻丘镇 --category industry >/dev/null
q enterprise add --name 昌东小超市 --uscc $C --area 昌东镇 --category below_scale >/dev/null
q enterprise add --name 艾溪湖电子有限公司 --uscc $D --area 艾溪湖管理处 --category industry >/dev/null

# ---- registration: the verdict ----
expect 0 "allowed
registered inspection 1; a supervisor or leader of 区科经局 approves it to issue its plan code" \
	--db "$db" --as ks inspect register --unit 区科经局 --enterprise $A --date 2026-12-24 --reason general $PLAN
stderr_empty
same "1|区科经局|2026-12-24|general|registered|2026-12-01|ks||" \
	"SELECT id, unit, date, reason, state, registered_on, registered_by, code, override_reason FROM inspection"
same "李四|王五" "SELECT inspectors FROM inspection WHERE id = 1"
# refused: quiet day and filing margin together, each alone; nothing stored
expect 1 "refused: quiet day, advance filing — first allowed date 2026-12-24 (Thu)" \
	--db "$db" --as ks inspect register --unit 区科经局 --enterprise $A --date 2026-12-09 --reason general $PLAN
stderr_has "a supervisor may register it anyway with --override"
expect 1 "refused: quiet day — first allowed date 2026-12-24 (Thu), or a quiet-day exempt reason" \
	--db "$db" --as ks inspect register --unit 区科经局 --enterprise $A --date 2026-12-23 --reason general $PLAN
expect 1 "refused: advance filing — first allowed date 2026-12-29 (Tue)" \
	--db "$db" --as ks --today 2026-12-20 inspect register --unit 区科经局 --enterprise $A --date 2026-12-24 --reason general $PLAN
# an exempt reason is allowed on a quiet day without filing ahead
expect_rc 0 --db "$db" --as ks inspect register --unit 区科经局 --enterprise $A --date 2026-12-02 --reason complaint $PLAN
stdout_has "registered inspection 2"
# only a supervisor overrides, and only with a written reason
expect 1 "refused: quiet day, advance filing — first allowed date 2026-12-24 (Thu)" \
	--db "$db" --as ks inspect register --unit 区科经局 --enterprise $A --date 2026-12-09 --reason general $PLAN --override 领导批示
stderr_has "only a supervisor may override a refused inspection"
expect_rc 1 --db "$db" --as sup inspect register --unit 区科经局 --enterprise $A --date 2026-12-09 --reason general $PLAN --override "　 "
stderr_has "an override needs a written reason"
same 2 "SELECT count(*) FROM inspection"
expect 0 "allowed by a supervisor's override of: quiet day, advance filing
registered inspection 3; a supervisor or leader of 区科经局 approves it to issue its plan code" \
	--db "$db" --as sup inspect register --unit 区科经局 --enterprise $A --date 2026-12-09 --reason general $PLAN --override 区领导批示：安全隐患线索
same "quiet_day,filing_margin|区领导批示：安全隐患线索|sup" \
	"SELECT refused_rules, override_reason, override_by FROM inspection WHERE id = 3"
same 1 "SELECT count(*) FROM event WHERE entity = 'inspection' AND entity_id = 3 AND action = 'override' AND reason = '区领导批示：安全隐患线索'"
# an override of an allowed date is not needed and not recorded
expect_rc 0 --db "$db" --as sup inspect register --unit 区科经局 --enterprise $C --date 2026-12-24 --reason general $PLAN --override 多余
stderr_has "no override is needed"
same "" "SELECT override_reason FROM inspection WHERE id = 4"
expect 0 "allowed" --db "$db" --as ks inspect check --date 2026-12-24 --reason general

# ---- approval issues the code ----
expect_rc 1 --db "$db" --as ks inspect approve 1
stderr_has "only a unit's head (a supervisor or leader) approves an inspection plan"
# 法码同行: the head of the inspecting unit approves, not another unit's or the centre's
expect_rc 1 --db "$db" --as sup2 inspect approve 1
stderr_has "only a head of the plan's unit approves it, or a head of the service centre when the unit has none (a head of 区科经局 approves this plan)"
expect_rc 1 --db "$db" --as zx inspect approve 1
stderr_has "(a head of 区科经局 approves this plan)"
expect 0 "approved inspection 1: plan code JC26-000001-D" --db "$db" --as sup inspect approve 1
same "approved|JC26-000001-D|2026|1|sup|2026-12-01|2" \
	"SELECT state, code, code_year, seq, approved_by, approved_on, version FROM inspection WHERE id = 1"
expect_rc 1 --db "$db" --as sup inspect approve 1
stderr_has "inspection 1 is approved: only a registered plan can be approved"
# a plan whose day has passed is not approved any more (emergencies excepted)
expect_rc 1 --db "$db" --as sup --today 2026-12-25 inspect approve 4
stderr_has "its date has passed"
# a unit without a head login (区应急局): the centre's head approves, no other unit's
expect_rc 0 --db "$db" --as yj inspect register --unit 区应急局 --enterprise $C --date 2026-12-24 --reason general $PLAN
stdout_has "registered inspection 5; a supervisor or leader of 区企服中心 approves it"
expect_rc 1 --db "$db" --as sup2 inspect approve 5
stderr_has "(a head of 区企服中心 approves this plan)"
expect 0 "approved inspection 5: plan code JC26-000002-Q" --db "$db" --as zx inspect approve 5
# without a head in the unit or the centre, nobody approves until one is added
db2=$tmpdir/nohead.db
expect_rc 0 --db "$db2" init
"$qifu" --db "$db2" staff add --login yj --name 应急员 --unit 区应急局 --role unit_staff >/dev/null
"$qifu" --db "$db2" staff add --login sup2 --name 督办乙 --unit 区投促局 --role supervisor >/dev/null
"$qifu" --db "$db2" enterprise add --name 昌东小超市 --uscc $C --area 昌东镇 --category below_scale >/dev/null
expect 0 "allowed
registered inspection 1; no one can approve it yet: neither 区应急局 nor the service centre has a supervisor or leader login" \
	--db "$db2" --as yj inspect register --unit 区应急局 --enterprise $C --date 2026-12-24 --reason general $PLAN
expect_rc 1 --db "$db2" --as sup2 inspect approve 1
stderr_has "no one can approve inspection 1 yet: neither 区应急局 nor 区企服中心 has a supervisor or leader login"

# ---- verify: what the enterprise asks at the door ----
expect 0 "valid: JC26-000001-D
  unit: 区科经局
  date: 2026-12-24 (Thu)
  enterprises: 华勤技术股份有限公司 (914403001922038216)
  reason: 一般性检查
  state: approved" --db "$db" --as fd inspect verify JC26-000001-D
stderr_has "the plan is for 2026-12-24, not today (2026-12-01)"
expect_rc 0 --db "$db" --as fd inspect verify "jc26 000001 d"
stdout_has "valid: JC26-000001-D"
expect 1 "not valid: check character at position 13 is 'X' but 'D' is expected: a character of the code is wrong" \
	--db "$db" --as fd inspect verify JC26-000001-X
expect 1 "not valid: no plan has the code JC26-000009-8" --db "$db" --as fd inspect verify JC26-000009-8
expect_rc 1 --db "$db" --as fd inspect verify JC26-00001-D
stdout_has "not valid: a plan code has 11 letters and digits"
LANGUAGE=zh_CN expect_rc 0 --db "$db" --as fd inspect verify JC26-000001-D
stdout_has "有效：JC26-000001-D"

# ---- done: findings and outcome ----
expect_rc 1 --db "$db" --as ks inspect done 1 --findings 通道畅通 --outcome none
stderr_has "its date has not come yet"
# another unit's plan is as good as absent to its staff (issue 15: who sees which plans)
expect_rc 1 --db "$db" --as tc --today 2026-12-24 inspect done 1 --findings 通道畅通 --outcome none
stderr_has "no inspection 1"
# the area's officer sees it (an enterprise of 昌东镇) but is not the inspecting unit
expect_rc 1 --db "$db" --as cd --today 2026-12-24 inspect done 1 --findings 通道畅通 --outcome none
stderr_has "only the inspecting unit records an inspection's outcome"
expect_rc 1 --db "$db" --as ks --today 2026-12-24 inspect done 3 --findings 通道畅通 --outcome none
stderr_has "inspection 3 is registered: only an approved plan"
expect 0 "recorded inspection 1 as done: no issue" \
	--db "$db" --as ks --today 2026-12-24 inspect done 1 --findings " 消防通道畅通，应急照明完好 " --outcome none
same "done|消防通道畅通，应急照明完好|none||0" \
	"SELECT state, findings, outcome, violation_item, first_violation FROM inspection WHERE id = 1"

# ---- evaluation: by the enterprise, through the front desk, never the inspected unit ----
expect_rc 1 --db "$db" --as fd inspect evaluate 3 --enterprise $A --score 4
stderr_has "only an inspection that has been done can be evaluated"
expect_rc 1 --db "$db" --as ks inspect evaluate 1 --enterprise $A --score 5
stderr_has "only the front desk, area officers and supervisors record"
expect_rc 1 --db "$db" --as sup inspect evaluate 1 --enterprise $A --score 5
stderr_has "the inspected unit does not record its own evaluation"
expect 0 "recorded the evaluation of inspection 1 by 华勤技术股份有限公司" \
	--db "$db" --as fd inspect evaluate 1 --enterprise $A --score 4 --comment 检查规范，未影响生产
expect_rc 1 --db "$db" --as fd inspect evaluate 1 --enterprise $A --score 2
stderr_has "华勤技术股份有限公司 has already evaluated inspection 1"
same "evaluated|4|检查规范，未影响生产|fd" \
	"SELECT i.state, v.score, v.comment, v.recorded_by FROM inspection i JOIN inspection_evaluation v ON v.inspection_id = i.id WHERE i.id = 1"
# the score stays out of the event log
same "enterprise=1" "SELECT summary FROM event WHERE entity = 'inspection' AND action = 'evaluate'"

# ---- who sees the evaluation ----
expect_rc 0 --db "$db" --as ks inspect show 1
stdout_has "hidden from the inspected unit"
stdout_lacks "4/5"
stdout_lacks "检查规范"
expect_rc 0 --db "$db" --as sup inspect show 1
stdout_has "华勤技术股份有限公司: 4/5 检查规范，未影响生产"
stdout_has "JC26-000001-D"
expect_rc 1 --db "$db" --as tc inspect show JC26-000001-D --format json
stderr_has "no inspection JC26-000001-D"
expect_rc 0 --db "$db" --as cd inspect show JC26-000001-D --format json
stdout_has '"evaluation_visible": false'
stdout_has '"scores": [], "comments": []'
expect_rc 0 --db "$db" --as fd inspect show 1 --format json
stdout_has '"evaluation_visible": true, "scores": ["4"], "comments": ["检查规范，未影响生产"]'
stdout_has '"state": "evaluated"'
stdout_has '"enterprises": ["914403001922038216"]'
expect_rc 0 --db "$db" --as ks inspect list --state evaluated
stdout_has "hidden"
stdout_lacks "  4  "
expect_rc 0 --db "$db" --as sup inspect list --state evaluated --format csv
stdout_has "1,JC26-000001-D,evaluated,区科经局,2026-12-24,general,一般性检查"
stdout_has ",yes,4,检查规范，未影响生产"
expect_rc 0 --db "$db" --as cd inspect list --state evaluated --format json
stdout_has '"scores": []'

# ---- cancel ----
expect_rc 0 --db "$db" --as ks inspect register --unit 区科经局 --enterprise $A --date 2026-12-28 --reason general $PLAN
stdout_has "registered inspection 6"
expect 0 "approved inspection 6: plan code JC26-000003-4" --db "$db" --as sup inspect approve 6
expect_rc 1 --db "$db" --as tc inspect cancel 6 --reason 重复
stderr_has "no inspection 6"
expect_rc 1 --db "$db" --as cd inspect cancel 6 --reason 重复
stderr_has "only the plan's unit cancels an inspection"
expect_rc 2 --db "$db" --as ks inspect cancel 6
stderr_has "inspect cancel: --reason is required"
expect 0 "cancelled inspection 6" --db "$db" --as ks inspect cancel JC26-000003-4 --reason 企业停产检修
expect_rc 1 --db "$db" --as ks inspect cancel 6 --reason 再次
stderr_has "inspection 6 is cancelled: only a registered or approved plan can be cancelled"
expect 1 "not valid: JC26-000003-4: the plan was cancelled (企业停产检修)" --db "$db" --as fd inspect verify JC26-000003-4
same 1 "SELECT count(*) FROM event WHERE entity = 'inspection' AND entity_id = 6 AND action = 'cancel' AND reason = '企业停产检修'"

# ---- too often, and a joint inspection with another unit in the same week ----
expect_rc 0 --db "$db" --as ks inspect register --unit 区科经局 --enterprise $D --date 2026-12-24 --reason general $PLAN
stdout_has "registered inspection 7"
stderr_empty
expect_rc 0 --db "$db" --as ks inspect register --unit 区科经局 --enterprise $D --date 2026-12-25 --reason general $PLAN
stderr_empty
expect_rc 0 --db "$db" --as ks inspect register --unit 区科经局 --enterprise $D --date 2026-12-28 --reason general $PLAN
stderr_has "艾溪湖电子有限公司: 3 inspections within the 30 days up to 2026-12-28 (frequent_count is 3): inspected too often"
stderr_lacks "joint"
expect_rc 0 --db "$db" --as tc inspect register --unit 区投促局 --enterprise $D --date 2026-12-26 --reason general $PLAN
stdout_has "registered inspection 10"
stderr_has "艾溪湖电子有限公司 also has an inspection by 区科经局 on 2026-12-24 (inspection 7) in the same week: consider a joint inspection"
stderr_has "on 2026-12-25 (inspection 8) in the same week"
stderr_lacks "(inspection 9)"
stderr_has "艾溪湖电子有限公司: 3 inspections within the 30 days up to 2026-12-26"
# the setting decides what is too often
printf '[inspection]\nfrequent_count = 6\n' >"$tmpdir/often.ini"
expect_rc 0 --db "$db" --config "$tmpdir/often.ini" --as ks inspect register --unit 区科经局 --enterprise $D --date 2026-12-29 --reason general $PLAN
stderr_empty

# ---- units and areas ----
expect_rc 1 --db "$db" --as tc inspect register --unit 区科经局 --enterprise $A --date 2026-12-24 --reason general $PLAN
stderr_has "staff register inspections only for their own unit"
expect_rc 1 --db "$db" --as fd inspect register --unit 区企服中心 --enterprise $A --date 2026-12-24 --reason general $PLAN
stderr_has "only unit staff, area officers and supervisors register inspections"
expect_rc 1 --db "$db" --as cd inspect register --unit 昌东镇 --enterprise $B --date 2026-12-24 --reason general $PLAN
stderr_has "area officers see and change only enterprises of their own area"
expect_rc 1 --db "$db" --as cd inspect register --unit 昌东镇 --enterprise "$C,$B" --date 2026-12-24 --reason general $PLAN
expect_rc 0 --db "$db" --as cd inspect register --unit 昌东镇 --enterprise "$C，$A" --date 2026-12-24 --reason general $PLAN
stdout_has "registered inspection 12"
same 2 "SELECT count(*) FROM inspection_enterprise WHERE inspection_id = 12"
expect_rc 1 --db "$db" --as ks inspect approve 12
expect_rc 1 --db "$db" --as mq inspect refuse --unit 区投促局 --enterprise $A --date 2026-11-20 --people 赵六
stderr_has "area officers see and change only enterprises of their own area"

# ---- entries refused for want of a registration ----
expect 0 "recorded refused entry 1: 高新市场监管局 at 华勤技术股份有限公司 on 2026-11-20" \
	--db "$db" --as fd inspect refuse --unit 高新市场监管局 --enterprise $A --date 2026-11-20 --people 赵六、钱七 --note 未出示执法计划码
same "高新市场监管局|1|2026-11-20|赵六、钱七|未出示执法计划码|fd" \
	"SELECT unit, enterprise_id, date, people, note, recorded_by FROM inspection_refusal"
same 1 "SELECT count(*) FROM event WHERE entity = 'inspection_refusal' AND entity_id = 1 AND action = 'refuse' AND reason = '未出示执法计划码'"
expect_rc 0 --db "$db" --as cd inspect refuse --unit 区科经局 --enterprise $A --date 2026-12-01 --people 孙八
expect_rc 2 --db "$db" --as fd inspect refuse --unit 高新市场监管局 --enterprise $A --date 2026-12-05 --people 赵六
stderr_has "--date: 2026-12-05 is after today"
expect_rc 2 --db "$db" --as fd inspect refuse --unit 市场局 --enterprise $A --date 2026-11-20 --people 赵六
stderr_has "--unit: unknown unit '市场局'"
expect_rc 2 --db "$db" --as fd inspect refuse --unit 高新市场监管局 --enterprise $A --date 2026-11-20 --people "  "
stderr_has "--people: must not be empty"

# ---- the report: overrides and refusals per unit ----
expect_rc 0 --db "$db" --as sup report inspections --format json
stdout_has '{"unit": "区科经局", "plans": 8, "cancelled": 1, "overrides": 1, "override_list": ["2026-12-09 inspection 3 (quiet day, advance filing): 区领导批示：安全隐患线索 (sup)"], "refusals": 1, "refusal_list": ["2026-12-01 华勤技术股份有限公司: 孙八"]}'
stdout_has '{"unit": "高新市场监管局", "plans": 0, "cancelled": 0, "overrides": 0, "override_list": [], "refusals": 1, "refusal_list": ["2026-11-20 华勤技术股份有限公司: 赵六、钱七 (未出示执法计划码)"]}'
expect_rc 0 --db "$db" --as sup report inspections --from 2026-12-10 --to 2026-12-31
stdout_lacks "区领导批示"
stdout_lacks "高新市场监管局"
expect_rc 0 --db "$db" --as sup report inspections
stdout_has "区领导批示：安全隐患线索"
expect_rc 1 --db "$db" --as ks report inspections
stderr_has "only supervisors, leaders and administrators read the inspection report"
expect_rc 2 --db "$db" --as sup report inspections --from 2026-12-31 --to 2026-12-01
stderr_has "--from 2026-12-31 is after --to 2026-12-01"

# ---- 首违不罚: the second violation of an item is a first one only outside the window ----
# outside: the earlier violation (2024-03-25) lies more than 2 years before 2026-12-24
expect_rc 0 --db "$db" --as ks --today 2024-03-01 inspect register --unit 区科经局 --enterprise $B --date 2024-03-25 --reason general $PLAN
stdout_has "registered inspection 13"
expect 0 "approved inspection 13: plan code JC24-000001-0" --db "$db" --as sup --today 2024-03-01 inspect approve 13
expect 0 "recorded inspection 13 as done: penalty
first violation of '消防设施' by 麻丘航空配件有限公司 within 2 years: a minor first violation is not penalised, consider the outcome first_violation" \
	--db "$db" --as ks --today 2024-03-25 inspect done 13 --findings 灭火器过期 --outcome penalty --item 消防设施
expect_rc 0 --db "$db" --as ks inspect register --unit 区科经局 --enterprise $B --date 2026-12-24 --reason general $PLAN
stdout_has "registered inspection 14"
expect_rc 0 --db "$db" --as sup inspect approve 14
expect 0 "recorded inspection 14 as done: first violation, not penalised
first violation of '消防设施' by 麻丘航空配件有限公司 within 2 years: not penalised" \
	--db "$db" --as ks --today 2026-12-24 inspect done 14 --findings 灭火器过期 --outcome first_violation --item 消防设施
same "1|1" "SELECT first_violation, (SELECT count(*) FROM inspection_violation WHERE inspection_id = 14) FROM inspection WHERE id = 14"
# inside: the earlier violation (2025-06-24) lies within 2 years of 2026-12-24
expect_rc 0 --db "$db" --as ks --today 2025-06-02 inspect register --unit 区科经局 --enterprise $C --date 2025-06-24 --reason general $PLAN
stdout_has "registered inspection 15"
expect 0 "approved inspection 15: plan code JC25-000001-N" --db "$db" --as sup --today 2025-06-02 inspect approve 15
expect_rc 0 --db "$db" --as ks --today 2025-06-24 inspect done 15 --findings 缺少安全警示标识 --outcome penalty --item 安全标识
expect_rc 0 --db "$db" --as ks inspect register --unit 区科经局 --enterprise $C --date 2026-12-24 --reason general $PLAN
stdout_has "registered inspection 16"
expect_rc 0 --db "$db" --as sup inspect approve 16
expect_rc 1 --db "$db" --as ks --today 2026-12-24 inspect done 16 --findings 缺少安全警示标识 --outcome first_violation --item 安全标识
stderr_has "not a first violation: 昌东小超市 violated '安全标识' on 2025-06-24 (inspection 15), within 2 years"
same "approved|0" "SELECT state, (SELECT count(*) FROM inspection_violation WHERE inspection_id = 16) FROM inspection WHERE id = 16"
expect 0 "recorded inspection 16 as done: penalty
repeated violation: 昌东小超市 violated '安全标识' on 2025-06-24 (inspection 15)" \
	--db "$db" --as ks --today 2026-12-24 inspect done 16 --findings 缺少安全警示标识 --outcome penalty --item 安全标识
same 0 "SELECT first_violation FROM inspection WHERE id = 16"
# a longer window (setting) makes the first case a repeat too
printf '[inspection]\nfirst_violation_years = 3\n' >"$tmpdir/years.ini"
expect_rc 0 --db "$db" --as ks inspect register --unit 区科经局 --enterprise $B --date 2026-12-28 --reason general $PLAN
expect_rc 0 --db "$db" --as sup inspect approve 17
expect_rc 1 --db "$db" --config "$tmpdir/years.ini" --as ks --today 2026-12-28 inspect done 17 --findings 灭火器过期 --outcome first_violation --item 消防设施
stderr_has "on 2026-12-24 (inspection 14), within 3 years"
# a plan over several enterprises names the violating one
expect_rc 1 --db "$db" --as sup inspect approve 12
expect_rc 0 --db "$db" --as zx inspect approve 12
expect_rc 2 --db "$db" --as cd --today 2026-12-24 inspect done 12 --findings 占道经营 --outcome penalty --item 门前三包
stderr_has "--enterprise: inspection 12 covers 2 enterprises"
expect_rc 2 --db "$db" --as cd --today 2026-12-24 inspect done 12 --findings 占道经营 --outcome penalty --item 门前三包 --enterprise $D
stderr_has "--enterprise: inspection 12 does not cover 艾溪湖电子有限公司"
expect_rc 0 --db "$db" --as cd --today 2026-12-24 inspect done 12 --findings 占道经营 --outcome penalty --item 门前三包 --enterprise $C
same "3|门前三包" "SELECT violation_enterprise_id, violation_item FROM inspection WHERE id = 12"

# ---- every write is in the event log ----
same "17" "SELECT count(*) FROM event WHERE entity = 'inspection' AND action = 'register'"
same "9" "SELECT count(*) FROM event WHERE entity = 'inspection' AND action = 'approve'"
same "6" "SELECT count(*) FROM event WHERE entity = 'inspection' AND action = 'done'"
same "1" "SELECT count(*) FROM event WHERE entity = 'inspection' AND action = 'evaluate'"
same "1" "SELECT count(*) FROM event WHERE entity = 'inspection' AND action = 'override'"
same "2" "SELECT count(*) FROM event WHERE entity = 'inspection_refusal'"
same "outcome=penalty enterprise=3 item=安全标识 first_violation=0" \
	"SELECT summary FROM event WHERE entity = 'inspection' AND entity_id = 16 AND action = 'done'"

# ---- list filters ----
expect_rc 0 --db "$db" --as sup inspect list --unit 区投促局 --format csv
stdout_has "10,,registered,区投促局,2026-12-26"
[ "$(wc -l <"$out")" = 2 ] || { echo "FAIL: list --unit 区投促局: $(cat "$out")"; fails=$((fails + 1)); }
expect_rc 0 --db "$db" --as ks inspect list --enterprise $B --from 2026-01-01 --format json
stdout_has '"id": 14'
stdout_has '"id": 17'
stdout_lacks '"id": 13'
expect_rc 0 --db "$db" --as ks inspect list --state cancelled
stdout_has "JC26-000003-4"
expect_rc 0 --db "$db" --as ks inspect list --from 2026-12-25 --to 2026-12-25
stdout_has "2026-12-25"
stdout_lacks "2026-12-24"

# ---- the calendar counts the plans of each day (cancelled ones not) ----
expect_rc 0 --db "$db" calendar 2026-12
stdout_has " 21*        22*        23*        24     #7  25     #1  26     #1  27"
stdout_has " 28     #2  29     #1  30         31"
stdout_has "#N inspections that day"
stderr_empty
expect_rc 0 --db "$db" calendar 2026-11
stdout_lacks "#"
# without a database the calendar still works and creates nothing
expect_rc 0 --db "$tmpdir/none.db" calendar 2026-12
stdout_lacks "#"
[ -e "$tmpdir/none.db" ] && { echo "FAIL: calendar created a database"; fails=$((fails + 1)); }

# ---- bad input: exit 2 naming the option ----
reg() { "$qifu" --db "$db" --as ks inspect register "$@" >"$out" 2>"$err"; rc=$?; }
bad() {
	want=$1
	shift
	reg "$@"
	if [ "$rc" != 2 ] || ! grep -qF -- "$want" "$err"; then
		echo "FAIL: register $*: exit $rc (want 2), stderr lacks '$want': $(cat "$err")"
		fails=$((fails + 1))
	fi
}
bad "--date: '2026-02-30' is not a real date" --unit 区科经局 --enterprise $A --date 2026-02-30 --reason general $PLAN
bad "--reason: unknown inspection reason 'routine'" --unit 区科经局 --enterprise $A --date 2026-12-24 --reason routine $PLAN
grep -qF "general          一般性检查" "$err" || { echo "FAIL: reasons not listed"; fails=$((fails + 1)); }
bad "--unit: unknown unit '外星局'" --unit 外星局 --enterprise $A --date 2026-12-24 --reason general $PLAN
bad "--enterprise: no enterprise with USCC 91360100234567894C" --unit 区科经局 --enterprise 91360100234567894C --date 2026-12-24 --reason general $PLAN
bad "--enterprise: name at least one enterprise" --unit 区科经局 --enterprise "，" --date 2026-12-24 --reason general $PLAN
bad "--registered-on: 2026-12-02 is after today" --unit 区科经局 --enterprise $A --date 2026-12-24 --reason general --registered-on 2026-12-02 $PLAN
bad "--registered-on: '12/01' is not a real date" --unit 区科经局 --enterprise $A --date 2026-12-24 --reason general --registered-on 12/01 $PLAN
bad "inspect register: --inspectors, --basis, --items are required; see qifu inspect --help" --unit 区科经局 --enterprise $A --date 2026-12-24 --reason general
bad "--inspectors: name the inspectors" --unit 区科经局 --enterprise $A --date 2026-12-24 --reason general --inspectors " , " --basis x --items y
bad "--basis: must not be empty" --unit 区科经局 --enterprise $A --date 2026-12-24 --reason general --inspectors a --basis "　" --items y
bad "inspect register does not take --colour; see qifu inspect --help" --unit 区科经局 --colour red
same 17 "SELECT count(*) FROM inspection"
expect_rc 2 --db "$db" --as ks inspect done 16 --findings x --outcome fine
stderr_has "--outcome: 'fine' is not one of none, advice, first_violation, penalty"
expect_rc 2 --db "$db" --as ks inspect done 16 --findings x --outcome advice --item 消防设施
stderr_has "--item: only a violation"
expect_rc 2 --db "$db" --as ks inspect done 17 --findings x --outcome penalty
stderr_has "--item: a violation names the violated item"
expect_rc 2 --db "$db" --as ks inspect done 17 --outcome none
stderr_has "inspect done: --findings is required"
expect_rc 2 --db "$db" --as fd inspect evaluate 16 --enterprise $C --score 6
stderr_has "--score: '6' is not a score from 1 to 5"
expect_rc 2 --db "$db" --as fd inspect evaluate 16 --enterprise $C --score 4.5
stderr_has "--score: '4.5'"
expect_rc 2 --db "$db" --as fd inspect evaluate 16 --enterprise $A --score 4
stderr_has "--enterprise: inspection 16 does not cover 华勤技术股份有限公司"
expect_rc 2 --db "$db" --as ks inspect list --state open
stderr_has "--state: 'open' is not one of"
expect_rc 2 --db "$db" --as ks inspect list --from 2026-13-01
stderr_has "--from: '2026-13-01'"
expect_rc 2 --db "$db" --as ks inspect show 1 --format xml
stderr_has "--format: 'xml' is not one of table, csv, json"
expect_rc 2 --db "$db" --as ks inspect show JC26-0000O1-D
stderr_has "is neither an inspection number nor a plan code"
expect_rc 1 --db "$db" --as ks inspect show 99
stderr_has "no inspection 99"
expect_rc 2 --db "$db" --as ks inspect approve
stderr_has "inspect approve needs the inspection number"
expect_rc 2 --db "$db" --as ks inspect verify
stderr_has "inspect verify needs the plan code"
expect_rc 2 --db "$db" --as ks report nonsense
stderr_has "report: unknown subcommand 'nonsense'"
"$qifu" --db "$db" inspect register --help >"$out" 2>"$err" || { echo "FAIL: register --help"; fails=$((fails + 1)); }
stdout_has "--override REASON"
"$qifu" --db "$db" inspect --help >"$out" 2>"$err"
stdout_has "verify"
stdout_has "register"

finish
