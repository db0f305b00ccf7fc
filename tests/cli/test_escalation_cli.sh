#!/bin/sh
# Three-level dispatch and the supervision figures through the command line, with
# --today stepping through March and April 2026 (Qingming: Apr 4-6 off): the ladder's
# permissions (lead unit 3->2, the overseeing level-2 leader 2->1, the principal
# leader at 1, supervisors and other leaders refused with the level and who may),
# dispatch records and the new due date they set, outcomes, 建议升级 and its
# setting, list --level, the supervision sheet, stale versions, the demo's ladder,
# and `report units` on a fixture whose figures are worked out by hand below.
qifu=$1
. "$(dirname "$0")/lib.sh"
db=$tmpdir/e.db
q() { "$qifu" --db "$db" "$@"; }
first_word() { set -- $(cat "$out"); echo "$1"; }
check() {
	if [ "$1" != "$2" ]; then
		echo "FAIL: $3: got '$1', want '$2'"
		fails=$((fails + 1))
	fi
}
# new DAY KIND: the centre registers an appeal (submitted, dispatch due the next
# working day) and prints its number
new() {
	q --today "$1" --as fd appeal new --enterprise $E1 --title "诉求$1" --kind "$2" --channel phone >"$out" 2>"$err" || fail "appeal new $1: $(cat "$err")"
	first_word
}
csv_of() { tr -d '\r' < "$out"; }

expect_rc 0 --db "$db" init
q staff add --login fd --name 王芳 --unit 区企服中心 --role frontdesk >/dev/null
q staff add --login kj --name 柯静 --unit 区科经局 --role unit_staff >/dev/null
q staff add --login tc --name 陶成 --unit 区投促局 --role unit_staff >/dev/null
q staff add --login l2a --name 付刚 --unit 区党工委 --role leader --level 2 --oversees 区科经局 >/dev/null
q staff add --login l2b --name 罗兰 --unit 区党工委 --role leader --level 2 --oversees 区投促局 >/dev/null
q staff add --login l1 --name 郑一 --unit 区党工委 --role leader --level 1 >/dev/null
q staff add --login sup --name 督办 --unit 区科经局 --role supervisor >/dev/null
E1=914403001922038216
q enterprise add --name 华勤技术股份有限公司 --uscc $E1 --area 昌东镇 --category industry >/dev/null

# ---- the fixture. Working days of March 2026: 2-6, 9-13, 16-20, 23-27, 30, 31.
# Signing is on time within dispatch_days (1) working day of the dispatch.
# A6 (区科经局): dispatched Feb 27, before the period; signed, never answered
A6=$(new 2026-02-27 general)
expect_rc 0 --db "$db" --today 2026-02-27 --as fd appeal dispatch "$A6" --unit 区科经局
expect_rc 0 --db "$db" --today 2026-03-02 --as kj appeal sign "$A6"
# A1 (区科经局): everything on time, satisfied
A1=$(new 2026-03-02 general)
expect_rc 0 --db "$db" --today 2026-03-02 --as fd appeal dispatch "$A1" --unit 区科经局
stdout_has "2026-03-05"
expect_rc 0 --db "$db" --today 2026-03-03 --as kj appeal sign "$A1"
expect_rc 0 --db "$db" --today 2026-03-05 --as kj appeal answer "$A1" --result 已办结
# the centre registered it, so the centre tells the enterprise
expect_rc 0 --db "$db" --today 2026-03-05 --as fd appeal report "$A1" --how phone --text 已告知企业办理结果
expect_rc 0 --db "$db" --today 2026-03-06 --as fd appeal callback "$A1" --satisfied
# A2 (区科经局): dispatched a day late (due Mar 3), signed late (due Mar 5),
# answered late (due Mar 9), dissatisfied
A2=$(new 2026-03-02 general)
expect_rc 0 --db "$db" --today 2026-03-04 --as fd appeal dispatch "$A2" --unit 区科经局
stdout_has "2026-03-09"
expect_rc 0 --db "$db" --today 2026-03-06 --as kj appeal sign "$A2"
expect_rc 0 --db "$db" --today 2026-03-10 --as kj appeal answer "$A2" --result 已答复
expect_rc 0 --db "$db" --today 2026-03-10 --as fd appeal report "$A2" --how visit --text 已告知企业办理结果
expect_rc 0 --db "$db" --today 2026-03-11 --as fd appeal callback "$A2" --dissatisfied --reason 未解决
# A3: 区科经局 returns it unsigned; sent on to 区投促局, which does all on time
A3=$(new 2026-03-09 simple)
expect_rc 0 --db "$db" --today 2026-03-09 --as fd appeal dispatch "$A3" --unit 区科经局
expect_rc 0 --db "$db" --today 2026-03-10 --as kj appeal return "$A3" --reason 不属于本单位职责
expect_rc 0 --db "$db" --today 2026-03-11 --as fd appeal dispatch "$A3" --unit 区投促局
stdout_has "2026-03-12"
expect_rc 0 --db "$db" --today 2026-03-11 --as tc appeal sign "$A3"
expect_rc 0 --db "$db" --today 2026-03-12 --as tc appeal answer "$A3" --result 已办理
expect_rc 0 --db "$db" --today 2026-03-12 --as fd appeal report "$A3" --how message --text 已告知企业办理结果
# A4 (区科经局): extended, then up the whole ladder; the level-2 meeting sets Mar 31
A4=$(new 2026-03-16 general)
expect_rc 0 --db "$db" --today 2026-03-16 --as fd appeal dispatch "$A4" --unit 区科经局
expect_rc 0 --db "$db" --today 2026-03-16 --as kj appeal sign "$A4"
expect_rc 0 --db "$db" --today 2026-03-17 --as kj appeal extend "$A4" --until 2026-03-27 --reason 需协调用地
expect_rc 0 --db "$db" --today 2026-03-18 --as kj appeal explain "$A4" --text 已说明

# ---- the ladder's permissions, on A4 (extended, at level 3)
expect_rc 0 --db "$db" --today 2026-03-18 appeal show "$A4" --format json
stdout_has '"level": 3, "suggest_escalation": false'
stdout_has '"dispatches": []'
expect_rc 1 --db "$db" --today 2026-03-20 --as tc appeal escalate "$A4" --reason 越权
# 区投促局 takes no part in it: to its staff the appeal is not there (issue 15)
stderr_has "no appeal $A4"
expect_rc 1 --db "$db" --today 2026-03-20 --as l2a appeal escalate "$A4" --reason 直接上提
stderr_has "the appeal is at level 3 (lead unit) and you are a level-2 leader in charge of 区科经局"
expect_rc 1 --db "$db" --today 2026-03-20 --as sup appeal escalate "$A4" --reason 督办
stderr_has "Supervisors follow every level but do not move the ladder; only the lead unit (区科经局) may do that"
expect_rc 2 --db "$db" --today 2026-03-20 --as kj appeal escalate "$A4"
stderr_has "appeal escalate: --reason is required; see qifu appeal --help"
expect_rc 2 --db "$db" --today 2026-03-20 --as kj appeal escalate "$A4" --reason "　 "
expect_rc 2 --db "$db" --today 2026-03-20 --as kj appeal escalate "$A4" --text 理由
stderr_has "does not take --text"
# a stale view is refused (A4 is at version 5: new, dispatch, sign, extend, explain)
expect_rc 1 --db "$db" --today 2026-03-20 --as kj appeal escalate "$A4" --reason 协调未果 --version 4
stderr_has "changed by 柯静 (kj) at 2026-03-18"
stderr_has "you saw version 4"
expect_rc 0 --db "$db" --today 2026-03-20 --as kj appeal escalate "$A4" --reason 涉及用地指标，本单位无法解决 --version 5
stdout_has "$A4 escalated from level 3 (lead unit) to level 2 (leader in charge) (version 6)"
# level 2 belongs to the leader overseeing 区科经局, not the other one, not the unit
expect_rc 1 --db "$db" --today 2026-03-23 --as l2b appeal schedule "$A4" --mode meeting --date 2026-03-23 --decision 研究
# a leader sees the appeals of the units they oversee only
stderr_has "no appeal $A4"
expect_rc 1 --db "$db" --today 2026-03-23 --as kj appeal escalate "$A4" --reason 再提
stderr_has "Only the level-2 leader in charge of 区科经局 may do that"
expect_rc 1 --db "$db" --today 2026-03-23 --as sup appeal schedule "$A4" --mode onsite --date 2026-03-23 --decision 督办
stderr_has "Supervisors follow every level"
# the record's input is checked: mode, dates, the decision, the new due date
expect_rc 2 --db "$db" --today 2026-03-23 --as l2a appeal schedule "$A4" --mode phone --date 2026-03-23 --decision 研究
stderr_has "--mode: 'phone' is not one of meeting, onsite"
expect_rc 2 --db "$db" --today 2026-03-23 --as l2a appeal schedule "$A4" --mode meeting --date 2026-03-23
expect_rc 2 --db "$db" --today 2026-03-23 --as l2a appeal schedule "$A4" --mode meeting --date 2026-3-23 --decision 研究
expect_rc 2 --db "$db" --today 2026-03-23 --as l2a appeal schedule "$A4" --mode meeting --date 2026-03-13 --decision 研究
stderr_has "before the appeal was dispatched (2026-03-16)"
expect_rc 2 --db "$db" --today 2026-03-23 --as l2a appeal schedule "$A4" --mode meeting --date 2026-03-23 --decision 研究 --due 2026-03-28
stderr_has "2026-03-28 is not a working day"
expect_rc 2 --db "$db" --today 2026-03-23 --as l2a appeal schedule "$A4" --mode meeting --date 2026-03-23 --decision 研究 --due 2026-03-23
stderr_has "not after today"
# an outcome needs a dispatch at the level to belong to
expect_rc 1 --db "$db" --today 2026-03-23 --as l2a appeal outcome "$A4" --text 已协调
stderr_has "no dispatch at level 2 (leader in charge) awaits an outcome"
expect_rc 0 --db "$db" --today 2026-03-23 --as l2a appeal schedule "$A4" --mode onsite --date 2026-03-23 --place 企业厂区 --attendees "付刚、柯静、企业负责人" --decision 明确用地指标由区科经局协调 --due 2026-03-31
stdout_has "$A4: on-site dispatch no. 1 recorded at level 2 (leader in charge) on 2026-03-23 (version 7)"
stdout_has "handling deadline: 2026-03-31"
# the new due date is the handling timer's, fixed like an extension's
expect_rc 0 --db "$db" --today 2026-03-23 appeal show "$A4" --format json
stdout_has '"name": "handle", "start": "2026-03-16", "days": -1, "due": "2026-03-31", "done": false'
stdout_has '"next_due": "2026-03-31"'
stdout_has '"level": 2,'
stdout_has '{"id": 1, "level": 2, "mode": "onsite", "date": "2026-03-23", "place": "企业厂区", "attendees": "付刚、柯静、企业负责人", "decision": "明确用地指标由区科经局协调", "new_due": "2026-03-31", "outcome": null, "outcome_by": null, "outcome_at": null, "by": "l2a"'
stdout_has '"action": "schedule", "summary": "level=2 mode=onsite date=2026-03-23 dispatch=1; handle due 2026-03-31", "reason": "明确用地指标由区科经局协调"'
expect_rc 1 --db "$db" --today 2026-03-24 --as kj appeal outcome "$A4" --text 已协调
stderr_has "Only the level-2 leader in charge of 区科经局 may do that"
expect_rc 2 --db "$db" --today 2026-03-24 --as l2a appeal outcome "$A4"
stderr_has "appeal outcome: --text is required"
expect_rc 0 --db "$db" --today 2026-03-24 --as l2a appeal outcome "$A4" --text 用地指标需主要领导协调
stdout_has "$A4: outcome of dispatch no. 1 at level 2 (leader in charge) recorded (version 8)"
expect_rc 1 --db "$db" --today 2026-03-24 --as l2a appeal outcome "$A4" --text 再记一次
stderr_has "awaits an outcome"
expect_rc 0 --db "$db" --today 2026-03-24 --as l2a appeal escalate "$A4" --reason 需主要领导协调用地
stdout_has "escalated from level 2 (leader in charge) to level 1 (principal leader) (version 9)"
# level 1: the principal leader holds it; nobody goes higher
expect_rc 1 --db "$db" --today 2026-03-25 --as l2a appeal schedule "$A4" --mode meeting --date 2026-03-25 --decision 研究
stderr_has "Only the principal leader may do that"
expect_rc 1 --db "$db" --today 2026-03-25 --as l1 appeal escalate "$A4" --reason 再上提
stderr_has "Level 1 is the highest"
expect_rc 0 --db "$db" --today 2026-03-25 --as l1 appeal schedule "$A4" --mode meeting --date 2026-03-26 --place 管委会三楼会议室 --decision 专题会议研究用地
stdout_has "meeting dispatch no. 2 recorded at level 1 (principal leader) on 2026-03-26 (version 10)"
expect_rc 0 --db "$db" --today 2026-03-26 --as l1 appeal outcome "$A4" --text 已批准用地指标
expect_rc 0 --db "$db" --today 2026-03-26 --as sup appeal show "$A4"
stdout_has "Dispatch level            level 1 (principal leader)"
stdout_has "Dispatches:"
stdout_has "level 2  on-site dispatch"
stdout_has "已批准用地指标"
stdout_has "escalate to the next level"
# the timeline keeps every ladder move
expect_rc 0 --db "$db" --today 2026-03-26 appeal show "$A4" --format json
stdout_has '"action": "escalate", "summary": "level 3 -> 2; lead=区科经局", "reason": "涉及用地指标，本单位无法解决"'
stdout_has '"action": "escalate", "summary": "level 2 -> 1; lead=区科经局", "reason": "需主要领导协调用地"'
stdout_has '"action": "outcome", "summary": "level=1 dispatch=2", "reason": "已批准用地指标"'
stdout_has '"outcome": "用地指标需主要领导协调", "outcome_by": "l2a"'
# the table speaks the reader's language; the JSON above keeps the codes
LANGUAGE=zh_CN expect_rc 0 --db "$db" --today 2026-03-26 appeal show "$A4"
stdout_has "三级 -> 二级；牵头单位：区科经局"
stdout_has "调度级别：一级  调度记录：2"
stdout_lacks "lead="

# A5 (区科经局): simple, signed on time, never answered (handling due Mar 24)
A5=$(new 2026-03-23 simple)
expect_rc 0 --db "$db" --today 2026-03-23 --as fd appeal dispatch "$A5" --unit 区科经局
expect_rc 0 --db "$db" --today 2026-03-24 --as kj appeal sign "$A5"
# A8 (区投促局): signed late (due Mar 26), raised to level 2 and held there by its
# own leader, answered late (due Mar 30), satisfied
A8=$(new 2026-03-25 general)
expect_rc 0 --db "$db" --today 2026-03-25 --as fd appeal dispatch "$A8" --unit 区投促局
stdout_has "2026-03-30"
expect_rc 0 --db "$db" --today 2026-03-27 --as tc appeal sign "$A8"
expect_rc 0 --db "$db" --today 2026-03-30 --as tc appeal escalate "$A8" --reason 需分管领导协调
expect_rc 1 --db "$db" --today 2026-03-31 --as l2a appeal schedule "$A8" --mode meeting --date 2026-03-31 --decision 研究
stderr_has "no appeal $A8"
expect_rc 0 --db "$db" --today 2026-03-31 --as l2b appeal schedule "$A8" --mode meeting --date 2026-03-31 --decision 协调相关单位办理
expect_rc 0 --db "$db" --today 2026-04-02 --as tc appeal answer "$A8" --result 已办结
expect_rc 0 --db "$db" --today 2026-04-02 --as fd appeal report "$A8" --how letter --text 已告知企业办理结果
expect_rc 0 --db "$db" --today 2026-04-03 --as fd appeal callback "$A8" --satisfied
# outcomes may still be written after the answer; the ladder no longer moves
expect_rc 0 --db "$db" --today 2026-04-03 --as l2b appeal outcome "$A8" --text 已协调到位
expect_rc 1 --db "$db" --today 2026-04-03 --as l2b appeal escalate "$A8" --reason 再提
stderr_has "the levels move only while it is being handled"
# A7 (区科经局): dispatched after the period; complex, due Apr 13
A7=$(new 2026-04-01 complex)
expect_rc 0 --db "$db" --today 2026-04-01 --as fd appeal dispatch "$A7" --unit 区科经局
stdout_has "2026-04-13"
# an appeal not yet dispatched has no level to move
A9=$(new 2026-04-01 simple)
expect_rc 1 --db "$db" --today 2026-04-01 --as kj appeal escalate "$A9" --reason 无
stderr_has "no appeal $A9"

# ---- 建议升级: red and at least escalate_after_days (default 1) working days over
# A5 is due Mar 24: yellow that day, 1 working day over on Mar 25, and on Apr 10
# 12 (Mar 25-27, 30, 31, Apr 1-3, 7-10; Apr 6 is Qingming)
expect_rc 0 --db "$db" --today 2026-03-24 appeal show "$A5" --format json
stdout_has '"light": "yellow", "level": 3, "suggest_escalation": false'
expect_rc 0 --db "$db" --today 2026-03-25 appeal show "$A5" --format json
stdout_has '"light": "red", "level": 3, "suggest_escalation": true'
expect_rc 0 --db "$db" --today 2026-04-10 appeal show "$A5" --format json
stdout_has '"workdays": 12}'
printf '[appeal]\nescalate_after_days = 12\n' > "$tmpdir/q12.ini"
printf '[appeal]\nescalate_after_days = 13\n' > "$tmpdir/q13.ini"
expect_rc 0 --db "$db" --config "$tmpdir/q12.ini" --today 2026-04-10 appeal show "$A5" --format json
stdout_has '"suggest_escalation": true'
expect_rc 0 --db "$db" --config "$tmpdir/q13.ini" --today 2026-04-10 appeal show "$A5" --format json
stdout_has '"suggest_escalation": false'
# level 1 is never suggested: there is nowhere higher (A4, due Mar 31, red on Apr 10)
expect_rc 0 --db "$db" --today 2026-04-10 appeal show "$A4" --format json
stdout_has '"light": "red", "level": 1, "suggest_escalation": false'

# ---- list --level, with the level and the suggestion as columns
expect_rc 0 --db "$db" --today 2026-04-10 appeal list --level 1 --format csv
check "$(cut -d, -f1 "$out" | tr -d '\r' | tr '\n' ' ')" "number $A4 " "level 1"
expect_rc 0 --db "$db" --today 2026-04-10 appeal list --level 2 --format csv
check "$(cut -d, -f1,12,13 "$out" | tr -d '\r' | tr '\n' ' ')" "number,level,suggest_escalation $A8,2,no " "level 2"
# A3 came back to level 3 on its new dispatch; A9 was never dispatched
expect_rc 0 --db "$db" --today 2026-04-10 appeal list --level 3 --format csv
check "$(cut -d, -f1,13 "$out" | tr -d '\r' | tr '\n' ' ')" "number,suggest_escalation $A6,yes $A1,no $A2,no $A3,no $A5,yes $A7,no " "level 3 with the suggestion"
expect_rc 0 --db "$db" --today 2026-04-10 appeal list --level 3 --overdue --sort due --format json
stdout_has "{\"number\": \"$A6\""
stdout_has '"level": 3, "suggest_escalation": true, "channel": '
expect_rc 0 --db "$db" --today 2026-04-10 appeal list --state registered,submitted --format json
stdout_has '"level": null, "suggest_escalation": false, "channel": '
expect_rc 2 --db "$db" appeal list --level 4
stderr_has "--level: '4' is not a dispatch level"
expect_rc 2 --db "$db" appeal list --level x
LANGUAGE=zh_CN expect_rc 0 --db "$db" --today 2026-04-10 appeal list --level 3
stdout_has "建议升级"
stdout_has "三级"

# ---- the supervision sheet (督办单): overdue appeals only, for supervisors
expect_rc 0 --db "$db" --today 2026-04-10 --as sup appeal supervise-sheet "$A5"
stdout_has "Enterprise appeal supervision sheet"
stdout_has "No. $A5"
stdout_has "Supervised unit   区科经局"
stdout_has "Overdue deadline  handling deadline"
stdout_has "Due               2026-03-24"
stdout_has "Overdue by        12 working days overdue"
stdout_has "Dispatch level    level 3 (lead unit)"
stdout_has "Escalation advice suggest escalation"
stdout_has "Issued by         区科经局 督办"
expect_rc 0 --db "$db" --today 2026-04-10 --as sup appeal supervise-sheet "$A4"
stdout_has "Dispatches held   on-site dispatch 2026-03-23 (level 2): 明确用地指标由"
stdout_has "outcome: 用地指标需主要领导协调"
stdout_has "meeting dispatch 2026-03-26 (level 1)"
expect_rc 1 --db "$db" --today 2026-04-10 --as sup appeal supervise-sheet "$A7"
stderr_has "$A7 is not overdue (due soon 1 working day left)"
expect_rc 1 --db "$db" --today 2026-04-10 --as sup appeal supervise-sheet "$A1"
stderr_has "none of its deadlines is running"
expect_rc 1 --db "$db" --today 2026-04-10 --as kj appeal supervise-sheet "$A5"
stderr_has "reports are for supervisors"
expect_rc 2 --db "$db" --today 2026-04-10 --as sup appeal supervise-sheet "$A5" --format pdf
expect_rc 0 --db "$db" --today 2026-04-10 --as sup appeal supervise-sheet "$A5" --output "$tmpdir/s.txt"
has "$tmpdir/s.txt" "12 working days overdue"
if "$qifu" --db "$db" --today 2026-04-10 --as sup appeal supervise-sheet "$A5" --format xlsx --output "$tmpdir/s.xlsx" >"$out" 2>"$err"; then
	[ -s "$tmpdir/s.xlsx" ] || fail "no xlsx supervision sheet written"
else
	stderr_has "xlsx"
fi
# the dispatch sheet still prints through the same code
expect_rc 0 --db "$db" --today 2026-04-10 appeal sheet "$A5"
stdout_has "Enterprise appeal dispatch sheet"
stdout_has "Lead or host unit 区科经局"

# ---- the figures for March, as of Apr 10, worked out by hand:
# 区科经局 received A1 A2 A3 A4 A5 (A6 came before, A7 after, A3's second dispatch is
# 区投促局's):
#   dispatched on time  A1 A3 A4 A5 (A2 on Mar 4, due Mar 3)          4/5 = 80.0%
#   signed on time      A1 (Mar 3) A4 (Mar 16) A5 (Mar 24); A2 late,
#                       A3 returned unsigned                          3/5 = 60.0%
#   returned            A3                                            1/5 = 20.0%
#   answered on time    A1 of A1, A2                                  1/2 = 50.0%
#   extended            A4                                            1
#   overdue now         A4 (Mar 31), A5 (Mar 24), A6 (Mar 4)          3
#   satisfied           A1 of A1, A2 called back                      1/2 = 50.0%
#   to level 2, 1       A4, A4                                        1, 1
# 区投促局 received A3 (second dispatch) and A8:
#   dispatched on time  A3 (Mar 11, due Mar 11 after the return), A8  2/2 = 100.0%
#   signed on time      A3 (Mar 11); A8 signed Mar 27, due Mar 26     1/2 = 50.0%
#   returned            none                                          0/2 = 0.0%
#   answered on time    A3 (Mar 12); A8 Apr 2, due Mar 30             1/2 = 50.0%
#   extended, overdue   0, 0
#   satisfied           A8 of A8                                      1/1 = 100.0%
#   to level 2, 1       A8, none                                      1, 0
expect_rc 0 --db "$db" --today 2026-04-10 --as sup report units --from 2026-03-01 --to 2026-03-31 --format csv
cat > "$tmpdir/want.csv" <<'EOF'
unit,received,dispatched_on_time,signed_on_time,returned,answered_on_time,extended,overdue_now,satisfied,escalated_level2,escalated_level1
区科经局,5,80.0%,60.0%,20.0%,50.0%,1,3,50.0%,1,1
区投促局,2,100.0%,50.0%,0.0%,50.0%,0,0,100.0%,1,0
EOF
csv_of > "$tmpdir/got.csv"
diff -u "$tmpdir/want.csv" "$tmpdir/got.csv" >/dev/null || { fail "report units --format csv differs"; diff -u "$tmpdir/want.csv" "$tmpdir/got.csv"; }
# Mar 2-4 holds only A1 and A2 of 区科经局: A2 was dispatched, signed and answered
# late, and both were called back, A1 satisfied; overdue now counts all the same
expect_rc 0 --db "$db" --today 2026-04-10 --as sup report units --from 2026-03-02 --to 2026-03-04 --format csv
cat > "$tmpdir/want.csv" <<'EOF'
unit,received,dispatched_on_time,signed_on_time,returned,answered_on_time,extended,overdue_now,satisfied,escalated_level2,escalated_level1
区科经局,2,50.0%,50.0%,0.0%,50.0%,0,3,50.0%,0,0
EOF
csv_of > "$tmpdir/got.csv"
diff -u "$tmpdir/want.csv" "$tmpdir/got.csv" >/dev/null || { fail "report units for Mar 2-4 differs"; diff -u "$tmpdir/want.csv" "$tmpdir/got.csv"; }
# April holds only A7, dispatched on time and not yet signed; nothing is answered
# or called back, and a rate with no base is an empty cell
expect_rc 0 --db "$db" --today 2026-04-10 --as sup report units --from 2026-04-01 --to 2026-04-30 --format csv
cat > "$tmpdir/want.csv" <<'EOF'
unit,received,dispatched_on_time,signed_on_time,returned,answered_on_time,extended,overdue_now,satisfied,escalated_level2,escalated_level1
区科经局,1,100.0%,0.0%,0.0%,,0,3,,0,0
EOF
csv_of > "$tmpdir/got.csv"
diff -u "$tmpdir/want.csv" "$tmpdir/got.csv" >/dev/null || { fail "report units for April differs"; diff -u "$tmpdir/want.csv" "$tmpdir/got.csv"; }
# the table with its total and the bar charts of the rates
expect_rc 0 --db "$db" --today 2026-04-10 --as sup report units --from 2026-03-01 --to 2026-03-31
stdout_has "Supervision figures of the appeals dispatched from 2026-03-01 to 2026-03-31, as of 2026-04-10"
stdout_has "Total            7"
stdout_has "on-time dispatch rate"
stdout_has "区科经局 ####"
stdout_has " 80.0%"
# the charts of March, weeks from Monday Feb 23 (issue 19): 区科经局 got A1 A2 in the
# week of Mar 2, A3 in that of Mar 9, A4 of Mar 16, A5 of Mar 23; 区投促局 A3 (Mar 11)
# and A8 (Mar 25). The busiest week (2) is a full block, 1 is level 5 of 8 (▅).
# Answered on time per month of dispatch: 区科经局 A1 of A1 A2, 区投促局 A3 of A3 A8
stdout_has "Appeals received per week, 6 weeks from Monday 2026-02-23"
stdout_has "区科经局  █▅▅▅       5  2 (week of 03-02)"
stdout_has "区投促局   ▅ ▅       2  1 (week of 03-09)"
stdout_has "Answered on time per month of dispatch"
stdout_has "区科经局 ██████████            50.0%"
# in a locale that is not UTF-8 the same charts in ASCII
LC_ALL=C expect_rc 0 --db "$db" --today 2026-04-10 --as sup report units --from 2026-03-01 --to 2026-03-31
stdout_has "区科经局  #===       5  2 (week of 03-02)"
stdout_has "区科经局 ##########            50.0%"
LANGUAGE=zh_CN expect_rc 0 --db "$db" --today 2026-04-10 --as sup report units --from 2026-03-01 --to 2026-03-31
stdout_has "合计"
expect_rc 1 --db "$db" --today 2026-04-10 --as kj report units --from 2026-03-01 --to 2026-03-31
expect_rc 2 --db "$db" --as sup report units --from 2026-03-31 --to 2026-03-01
stderr_has "is after --to"
expect_rc 2 --db "$db" --as sup report units --from 2026-03-01
expect_rc 2 --db "$db" --as sup report units --from 2026-03-01 --to 2026-03-31 --format json
expect_rc 2 --db "$db" --as sup report units --from 2026-03-01 --to 2026-03-31 --output x.xlsx
# a year's 53 weeks do not fit in 72 columns beside the figures: a cell is two weeks;
# of twelve months five fit, in a window that ends with the last month with an answer
# (March) unless it would start before January
expect_rc 0 --db "$db" --today 2026-04-10 --as sup report units --from 2026-01-01 --to 2026-12-31
stdout_has "Appeals received per week, 53 weeks from Monday 2025-12-29"
stdout_has "(a cell is 2 weeks)"
stdout_has "(5 months of 12; the workbook has every month)"
stdout_has "Unit     2026-01      2026-02      2026-03      2026-04      2026-05"
if "$qifu" --db "$db" --today 2026-04-10 --as sup report units --from 2026-03-01 --to 2026-03-31 --format xlsx --output "$tmpdir/u.xlsx" >"$out" 2>"$err"; then
	[ -s "$tmpdir/u.xlsx" ] || fail "no xlsx report written"
	stdout_has "$tmpdir/u.xlsx"
	# the native charts: a column chart of the weekly counts (a series per unit, the
	# weeks' Mondays as categories) and a line chart of the monthly rates, on sheets
	# holding the figures; then the whistles and outreach sheets (issue 18)
	python3 - "$tmpdir/u.xlsx" <<'PY' || fail "the workbook's charts or data sheets are wrong"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
c1 = z.read("xl/charts/chart1.xml").decode()
assert "<c:barChart>" in c1 and '<c:barDir val="col"/>' in c1, "chart1 is no column chart"
refs = re.findall(r"<c:f>([^<]*)</c:f>", c1)
assert refs == ["'Received per week'!$A$3", "'Received per week'!$B$2:$G$2",
                "'Received per week'!$B$3:$G$3", "'Received per week'!$A$4",
                "'Received per week'!$B$2:$G$2", "'Received per week'!$B$4:$G$4"], refs
c2 = z.read("xl/charts/chart2.xml").decode()
assert "<c:lineChart>" in c2, "chart2 is no line chart"
refs = re.findall(r"<c:f>([^<]*)</c:f>", c2)
assert refs == ["'On time per month'!$A$3", "'On time per month'!$B$2",
                "'On time per month'!$B$3", "'On time per month'!$A$4",
                "'On time per month'!$B$2", "'On time per month'!$B$4"], refs
wb = z.read("xl/workbook.xml").decode()
sheets = re.findall(r'<sheet name="([^"]*)"', wb)
assert sheets == ["Sheet1", "Received per week", "On time per month", "Whistles",
                  "Outreach"], sheets

def cells(part):
    """the sheet's cells as {ref: text or number}"""
    x = z.read(part).decode()
    out = {}
    for ref, body in re.findall(r'<c r="([A-Z]+[0-9]+)"[^>]*>(.*?)</c>', x):
        t = re.search(r"<t[^>]*>([^<]*)</t>", body)
        v = re.search(r"<v>([^<]*)</v>", body)
        out[ref] = t.group(1) if t else v.group(1) if v else ""
    return out

w = cells("xl/worksheets/sheet2.xml")
assert [w[c + "2"] for c in "BCDEFG"] == ["2026-02-23", "2026-03-02", "2026-03-09",
                                          "2026-03-16", "2026-03-23", "2026-03-30"], w
assert w["A3"] == "区科经局" and [w[c + "3"] for c in "BCDEFG"] == list("021110"), w
assert w["A4"] == "区投促局" and [w[c + "4"] for c in "BCDEFG"] == list("001010"), w
m = cells("xl/worksheets/sheet3.xml")
assert m["B2"] == "2026-03" and m["B3"] == "50" and m["B4"] == "50", m
PY
else
	stderr_has "xlsx"
fi

# ---- every ladder move is an event; the database passes its check
check "$(sqlite3 "$db" "SELECT count(*) FROM event WHERE entity='appeal' AND action IN ('escalate','schedule','outcome')")" 9 "ladder events: A4 two escalations, two dispatches, two outcomes; A8 one of each"
check "$(sqlite3 "$db" "SELECT count(*) FROM appeal_assignment")" 9 "one assignment per dispatch"
expect_rc 0 --db "$db" check

# ---- the demo takes some appeals up the ladder, the same way every time
expect_rc 0 --today 2026-12-01 demo --db "$tmpdir/d1.db" --enterprises 40 --appeals 300 --seed 3
stdout_has "appeals were escalated to level 2 or 1"
expect_rc 0 --today 2026-12-01 demo --db "$tmpdir/d2.db" --enterprises 40 --appeals 300 --seed 3
a=$(sqlite3 "$tmpdir/d1.db" "SELECT number, level, version FROM appeal ORDER BY id; SELECT appeal_id, level, mode, date, decision, outcome FROM appeal_dispatch ORDER BY id")
b=$(sqlite3 "$tmpdir/d2.db" "SELECT number, level, version FROM appeal ORDER BY id; SELECT appeal_id, level, mode, date, decision, outcome FROM appeal_dispatch ORDER BY id")
[ "$a" = "$b" ] || fail "the demo's ladder differs between runs with one seed"
for lv in 1 2; do
	n=$(sqlite3 "$tmpdir/d1.db" "SELECT count(*) FROM appeal WHERE level = $lv")
	[ "$n" -gt 0 ] || fail "the demo has no appeal at level $lv"
	n=$(sqlite3 "$tmpdir/d1.db" "SELECT count(*) FROM appeal_dispatch WHERE level = $lv")
	[ "$n" -gt 0 ] || fail "the demo has no dispatch record at level $lv"
done
expect_rc 0 --db "$tmpdir/d1.db" check

finish
