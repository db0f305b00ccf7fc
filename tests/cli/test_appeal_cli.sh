#!/bin/sh
# Appeals through the command line with --today stepping: a whole life, the
# dissatisfied loop, return and re-dispatch, extension and explanatory reply,
# withdrawal, merge; due dates and lights across the 2026 Spring Festival, Qingming
# and National Day; stale versions; refusals naming the state; saved-view counts;
# the remind digest; a holiday notice imported moves due dates; area scoping; the
# JSON of show and list; the dispatch sheet.
qifu=$1
. "$(dirname "$0")/lib.sh"
db=$tmpdir/a.db
q() { "$qifu" --db "$db" "$@"; }
# the first word of the last command's stdout: the appeal number
first_word() { set -- $(cat "$out"); echo "$1"; }
check() {
	if [ "$1" != "$2" ]; then
		echo "FAIL: $3: got '$1', want '$2'"
		fails=$((fails + 1))
	fi
}
sql() { sqlite3 "$db" "$1"; }

expect_rc 0 --db "$db" init
q staff add --login fd --name 王芳 --unit 区企服中心 --role frontdesk >/dev/null
q staff add --login kj --name 柯静 --unit 区科经局 --role unit_staff >/dev/null
q staff add --login tc --name 陶成 --unit 区投促局 --role unit_staff >/dev/null
q staff add --login jg --name 蒋刚 --unit 区建管局 --role unit_staff >/dev/null
q staff add --login cd --name 陈东 --unit 昌东镇 --role area_officer --area 昌东镇 >/dev/null
q staff add --login mq --name 马秋 --unit 麻丘镇 --role area_officer --area 麻丘镇 >/dev/null
q staff add --login sup --name 督办 --unit 区科经局 --role supervisor >/dev/null
E1=914403001922038216
E2=91440300708461136T
E3=91110000600037341L
q enterprise add --name 华勤技术股份有限公司 --uscc $E1 --area 昌东镇 --category industry >/dev/null
q enterprise add --name 麻丘商贸有限公司 --uscc $E2 --area 麻丘镇 --category trade >/dev/null
q enterprise add --name 昌东小超市 --uscc $E3 --area 昌东镇 --category below_scale >/dev/null

# ---- a whole life across the Spring Festival (off Feb 15-23, Feb 14 a working Saturday)
expect_rc 0 --db "$db" --today 2026-02-12 --as kj appeal new --enterprise $E1 --title 厂区门口道路积水 --kind general --channel visit --description "雨后积水，车辆无法进出"
n1=$(first_word)
check "$n1" 2026-000001 "first word of appeal new"
stdout_lacks "2026-02-13"
expect_rc 0 --db "$db" --today 2026-02-12 appeal show "$n1" --format json
stdout_has '"state": "registered"'
# a unit's registration starts no timer: the centre's day runs from the submit
stdout_has '"timers": []'
stdout_has '"first_unit": "区科经局"'
stdout_has '"lead_unit": null'
check "$(sql "SELECT open_appeals FROM enterprise WHERE uscc='$E1'")" 1 "open appeals after registration"
# submitting restarts the dispatch limit: the next working day is the make-up Saturday
expect_rc 0 --db "$db" --today 2026-02-13 --as kj appeal submit "$n1"
stdout_has "2026-02-14"
# general: 3 working days after Feb 14 skip the whole festival
expect_rc 0 --db "$db" --today 2026-02-14 --as fd appeal dispatch "$n1" --unit 区投促局
stdout_has "now dispatched (version 3)"
expect_rc 0 --db "$db" --today 2026-02-14 appeal show "$n1" --format json
stdout_has '"name": "handle", "start": "2026-02-14", "days": 3, "due": "2026-02-26", "done": false, "done_at": null, "light": "green", "workdays": 3'
stdout_has '"name": "dispatch", "start": "2026-02-13", "days": 1, "due": "2026-02-14", "done": true'
# lights: still green in the holiday, yellow the day before and on the due day, red after
expect_rc 0 --db "$db" --today 2026-02-20 appeal show "$n1" --format json
stdout_has '"light": "green", "workdays": 3'
expect_rc 0 --db "$db" --today 2026-02-25 appeal show "$n1" --format json
stdout_has '"light": "yellow", "workdays": 1'
expect_rc 0 --db "$db" --today 2026-02-26 appeal show "$n1" --format json
stdout_has '"light": "yellow", "workdays": 0'
expect_rc 0 --db "$db" --today 2026-02-26 appeal show "$n1"
stdout_has "due today"
# Feb 27, the make-up Saturday Feb 28 and Mar 2 are three working days late
expect_rc 0 --db "$db" --today 2026-03-02 appeal show "$n1" --format json
stdout_has '"light": "red", "workdays": 3'
expect_rc 0 --db "$db" --today 2026-02-24 --as tc appeal sign "$n1"
expect_rc 0 --db "$db" --today 2026-02-25 --as tc appeal answer "$n1" --result 已疏通排水管道
# the answer starts the first unit's working day to tell the enterprise
stdout_has "report deadline: 2026-02-26"
# no callback before the enterprise is told; the lead unit does not tell it
expect_rc 1 --db "$db" --today 2026-02-26 --as fd appeal callback "$n1" --satisfied
stderr_has "the appeal is answered"
stderr_has "No one may do that in this state."
expect_rc 1 --db "$db" --today 2026-02-26 --as tc appeal report "$n1" --how phone --text 已告知
stderr_has "first-responsible unit (区科经局)"
# the report needs how and what was said, named before the appeal is read
expect_rc 2 --db "$db" --today 2026-02-26 --as kj appeal report "$n1" --text 已告知
stderr_has "appeal report: --how is required; see qifu appeal --help"
expect_rc 2 --db "$db" --today 2026-02-26 --as kj appeal report "$n1" --how fax --text 已告知
stderr_has "--how: 'fax' is not one of phone, visit, message, letter"
expect_rc 2 --db "$db" --today 2026-02-26 --as kj appeal report "$n1" --how phone --text 已告知 --on 2026-02-27
stderr_has "(2026-02-27) is after today (2026-02-26)"
expect_rc 2 --db "$db" --today 2026-02-26 --as kj appeal report "$n1" --how phone --text 已告知 --on 2026-02-24
stderr_has "(2026-02-24) is before the answer (2026-02-25)"
expect_rc 0 --db "$db" --today 2026-02-26 appeal list --view callback --format csv
stdout_lacks "$n1"
# told by phone yesterday, typed in today: by whom defaults to the one typing
expect_rc 0 --db "$db" --today 2026-02-26 --as kj appeal report "$n1" --how phone --on 2026-02-25 --text "已电话告知企业负责人：积水已排除"
stdout_has "now reported to the enterprise (version 6)"
expect_rc 0 --db "$db" --today 2026-02-26 appeal show "$n1" --format json
stdout_has '"state": "reported"'
stdout_has '"reported_on": "2026-02-25", "report_how": "phone", "report_by": "柯静", "report_text": "已电话告知企业负责人：积水已排除"'
stdout_has '"name": "report", "start": "2026-02-25", "days": 1, "due": "2026-02-26", "done": true, "done_at": "2026-02-25"'
expect_rc 0 --db "$db" --today 2026-02-26 appeal show "$n1"
stdout_has "2026-02-25 by phone, told by 柯静: 已电话告知企业负责人：积水已排除"
stdout_has "answered -> reported to the enterprise; told on: 2026-02-25; how: by phone; told by: 柯静; report deadline stopped"
expect_rc 0 --db "$db" --today 2026-02-26 appeal list --view callback --format csv
stdout_has "$n1"
expect_rc 0 --db "$db" --today 2026-02-26 --as fd appeal callback "$n1" --satisfied
expect_rc 0 --db "$db" --today 2026-02-26 --as kj appeal close "$n1"
stdout_has "now closed (version 8)"
expect_rc 0 --db "$db" --today 2026-02-26 appeal show "$n1" --format json
stdout_has '"state": "closed"'
stdout_has '"result": "已疏通排水管道"'
stdout_has '"callback": "satisfied"'
stdout_has '"light": "", "workdays": 0}'
for a in register submit dispatch sign answer report callback_satisfied close; do
	stdout_has "\"action\": \"$a\""
done
stdout_has '"at": "2026-02-24 '
stdout_has '"by": "tc", "by_name": "陶成", "action": "sign"'
check "$(sql "SELECT open_appeals FROM enterprise WHERE uscc='$E1'")" 0 "open appeals after closing"

# ---- the dissatisfied loop across Mid-Autumn and National Day
expect_rc 0 --db "$db" --today 2026-09-28 --as jg appeal new --enterprise $E2 --title 用电报装进度 --kind simple --channel phone
n2=$(first_word)
check "$n2" 2026-000002 "second number"
expect_rc 0 --db "$db" --today 2026-09-28 --as jg appeal submit "$n2"
# a simple appeal shared with related units gets the complex limit: 7 working days
# after Sep 30 are Oct 8, 9, 10 (a working Saturday), 12, 13, 14, 15
expect_rc 0 --db "$db" --today 2026-09-30 --as fd appeal dispatch "$n2" --unit 区科经局 --related 区投促局，区建管局
expect_rc 0 --db "$db" --today 2026-09-30 appeal show "$n2" --format json
stdout_has '"name": "handle", "start": "2026-09-30", "days": 7, "due": "2026-10-15"'
stdout_has '"related": ["区建管局", "区投促局"]'
expect_rc 0 --db "$db" --today 2026-10-08 --as kj appeal sign "$n2"
expect_rc 0 --db "$db" --today 2026-10-09 --as kj appeal answer "$n2" --result 已协调供电公司
expect_rc 0 --db "$db" --today 2026-10-09 --as jg appeal report "$n2" --how visit --by 蒋刚、王工 --text 已上门告知办理结果
expect_rc 0 --db "$db" --today 2026-10-09 appeal show "$n2" --format json
stdout_has '"reported_on": "2026-10-09", "report_how": "visit", "report_by": "蒋刚、王工"'
# the related unit makes no move of its own
expect_rc 1 --db "$db" --today 2026-10-09 --as tc appeal callback "$n2" --satisfied
stderr_has "reported to the enterprise"
expect_rc 2 --db "$db" --today 2026-10-09 --as fd appeal callback "$n2" --dissatisfied
stderr_has "appeal callback: --reason is required; see qifu appeal --help"
expect_rc 2 --db "$db" --today 2026-10-09 --as fd appeal callback "$n2" --reason x
expect_rc 0 --db "$db" --today 2026-10-09 --as fd appeal callback "$n2" --dissatisfied --reason 仍未通电
# feedback is due the next working day: the make-up Saturday
stdout_has "2026-10-10"
expect_rc 0 --db "$db" --today 2026-10-11 appeal show "$n2" --format json
stdout_has '"name": "feedback", "start": "2026-10-09", "days": 1, "due": "2026-10-10", "done": false, "done_at": null, "light": "red", "workdays": 1'
stdout_has '"callback_reason": "仍未通电"'
expect_rc 0 --db "$db" --today 2026-10-11 appeal show "$n2"
stdout_has "1 working day overdue"
expect_rc 1 --db "$db" --today 2026-10-12 --as kj appeal feedback "$n2" --text 已反馈
stderr_has "callback dissatisfied"
expect_rc 0 --db "$db" --today 2026-10-12 --as fd appeal feedback "$n2" --text 已反馈至首问单位和牵头单位
expect_rc 0 --db "$db" --today 2026-10-12 --as kj appeal clarify "$n2" --text 已向企业当面解释
expect_rc 0 --db "$db" --today 2026-10-13 --as kj appeal request-close "$n2"
# only the first-responsible unit closes after a close request
expect_rc 1 --db "$db" --today 2026-10-13 --as fd appeal close "$n2"
stderr_has "close requested"
stderr_has "first-responsible unit (区建管局)"
expect_rc 0 --db "$db" --today 2026-10-13 --as jg appeal close "$n2"
expect_rc 0 --db "$db" --today 2026-10-13 appeal show "$n2" --format json
for a in callback_dissatisfied feedback clarify request_close close; do
	stdout_has "\"action\": \"$a\""
done
stdout_has '"reason": "仍未通电"'

# ---- return and re-dispatch; reasons are required
expect_rc 0 --db "$db" --today 2026-03-02 --as fd appeal new --enterprise $E1 --title 申请人才公寓 --kind complex --channel hotline
n3=$(first_word)
# the centre registering lands straight at dispatch
stdout_has "submitted to the centre"
expect_rc 0 --db "$db" --today 2026-03-02 --as fd appeal dispatch "$n3" --unit 区投促局
expect_rc 2 --db "$db" --today 2026-03-03 --as tc appeal return "$n3"
expect_rc 2 --db "$db" --today 2026-03-03 --as tc appeal return "$n3" --reason "　 "
stderr_has "reason for the return"
expect_rc 0 --db "$db" --today 2026-03-03 --as tc appeal return "$n3" --reason 不属于本单位职责
expect_rc 0 --db "$db" --today 2026-03-03 appeal show "$n3" --format json
stdout_has '"state": "submitted"'
stdout_has '"lead_unit": null'
stdout_has '"name": "dispatch", "start": "2026-03-03", "days": 1, "due": "2026-03-04", "done": false'
stdout_has '"name": "handle", "start": "2026-03-02", "days": 7, "due": "2026-03-11", "done": true'
stdout_has '"action": "return", "summary": "dispatched -> submitted; dispatch due 2026-03-04; handle stopped", "reason": "不属于本单位职责"'
expect_rc 2 --db "$db" --today 2026-03-04 --as fd appeal dispatch "$n3" --unit 外星局
stderr_has "unknown unit '外星局'"
expect_rc 2 --db "$db" --today 2026-03-04 --as fd appeal dispatch "$n3" --unit 区科经局 --related 区科经局
stderr_has "both the lead unit and a related unit"
expect_rc 0 --db "$db" --today 2026-03-04 --as fd appeal dispatch "$n3" --unit 区科经局
expect_rc 0 --db "$db" --today 2026-03-04 appeal show "$n3" --format json
stdout_has '"name": "handle", "start": "2026-03-04", "days": 7, "due": "2026-03-13", "done": false'
stdout_has '"lead_unit": "区科经局"'
expect_rc 2 --db "$db" appeal sign 2026-12
stderr_has "not an appeal number"
expect_rc 1 --db "$db" appeal sign 2026-999999
stderr_has "no appeal 2026-999999"
expect_rc 2 --db "$db" appeal sign "$n3" --reason x
stderr_has "does not take --reason"

# ---- extension and the explanatory reply across Qingming (Apr 4-6)
expect_rc 0 --db "$db" --today 2026-04-01 --as fd appeal new --enterprise $E1 --title 施工许可证办理进度 --kind general --channel online
n4=$(first_word)
expect_rc 0 --db "$db" --today 2026-04-01 --as fd appeal dispatch "$n4" --unit 区建管局
stdout_has "2026-04-07"
expect_rc 0 --db "$db" --today 2026-04-02 --as jg appeal sign "$n4"
expect_rc 2 --db "$db" --today 2026-04-03 --as jg appeal extend "$n4" --until 2026-04-18 --reason 需现场踏勘
stderr_has "not a working day"
expect_rc 2 --db "$db" --today 2026-04-03 --as jg appeal extend "$n4" --until 2026-04-07 --reason 需现场踏勘
stderr_has "not after the current one"
expect_rc 2 --db "$db" --today 2026-04-03 --as jg appeal extend "$n4" --until 2026-4-20 --reason 需现场踏勘
expect_rc 0 --db "$db" --today 2026-04-03 --as jg appeal extend "$n4" --until 2026-04-20 --reason 需现场踏勘
expect_rc 0 --db "$db" --today 2026-04-03 appeal show "$n4" --format json
stdout_has '"state": "extended"'
stdout_has '"name": "handle", "start": "2026-04-01", "days": -1, "due": "2026-04-20", "done": false'
# the explanatory reply counts from the dispatch, not from the extension
stdout_has '"name": "explain", "start": "2026-04-01", "days": 3, "due": "2026-04-07", "done": false'
stdout_has '"extended_until": "2026-04-20", "extension_reason": "需现场踏勘"'
expect_rc 0 --db "$db" --today 2026-04-07 --as jg appeal explain "$n4" --text 已向企业说明延期原因
expect_rc 0 --db "$db" --today 2026-04-07 appeal show "$n4" --format json
stdout_has '"name": "explain", "start": "2026-04-01", "days": 3, "due": "2026-04-07", "done": true, "done_at": "2026-04-07"'
expect_rc 1 --db "$db" --today 2026-04-08 --as tc appeal extend "$n4" --until 2026-04-30 --reason 代为延期
# 区投促局 takes no part in it: to its staff the appeal is not there (issue 15)
stderr_has "no appeal $n4"
expect_rc 1 --db "$db" --today 2026-04-08 --as jg appeal sign "$n4"
stderr_has "No one may do that in this state"
expect_rc 0 --db "$db" --today 2026-04-17 --as jg appeal answer "$n4" --result 许可证已核发
# the centre registered it: its front desk tells the enterprise, and then waits for the
# callback with no timer running
expect_rc 0 --db "$db" --today 2026-04-20 --as fd appeal report "$n4" --how letter --text 已函告企业许可证核发结果

# ---- withdrawal; then every move is refused, naming the state
expect_rc 0 --db "$db" --today 2026-05-06 --as kj appeal new --enterprise $E1 --title 员工子女入学 --kind simple --channel meeting
n5=$(first_word)
expect_rc 2 --db "$db" --today 2026-05-06 --as kj appeal withdraw "$n5"
expect_rc 0 --db "$db" --today 2026-05-06 --as kj appeal withdraw "$n5" --reason 企业已自行解决
expect_rc 1 --db "$db" --today 2026-05-07 --as kj appeal submit "$n5"
stderr_has "the appeal is withdrawn and you are unit staff (区科经局)"
stderr_has "nothing you may do"
check "$(sql "SELECT open_appeals FROM enterprise WHERE uscc='$E1'")" 2 "open appeals after the withdrawal"

# ---- merge; a similar title is flagged at registration
expect_rc 0 --db "$db" --today 2026-06-01 --as cd appeal new --enterprise $E3 --title 厂区周边路灯不亮 --kind simple --channel visit
n6=$(first_word)
expect_rc 0 --db "$db" --today 2026-06-03 --as cd appeal new --enterprise $E3 --title 厂区周边路灯不亮，夜间出行不便 --kind simple --channel phone
n7=$(first_word)
stderr_has "similar"
stderr_has "$n6"
expect_rc 2 --db "$db" --today 2026-06-03 --as cd appeal merge "$n7" --into "$n7"
stderr_has "into itself"
expect_rc 1 --db "$db" --today 2026-06-03 --as cd appeal merge "$n7" --into "$n1"
stderr_has "closed"
expect_rc 0 --db "$db" --today 2026-06-03 --as cd appeal merge "$n7" --into "$n6"
expect_rc 0 --db "$db" --today 2026-06-03 appeal show "$n6" --format json
stdout_has "\"merged_from\": [\"$n7\"]"
expect_rc 0 --db "$db" --today 2026-06-03 appeal show "$n7" --format json
stdout_has '"state": "merged"'
stdout_has "\"merged_into\": \"$n6\""
stdout_has '"timers": [
  {"name": "dispatch", "start": "2026-06-03", "days": 1, "due": "2026-06-04", "done": true, "done_at": "2026-06-03"'

# ---- a move made from a stale view is refused, naming who moved it on and when
expect_rc 0 --db "$db" --today 2026-06-03 --as cd appeal submit "$n6" --version 1
expect_rc 1 --db "$db" --today 2026-06-03 --as cd appeal withdraw "$n6" --reason 重复 --version 1
stderr_has "changed by 陈东 (cd) at 2026-06-03"
stderr_has "you saw version 1"
stderr_has "reload"
expect_rc 0 --db "$db" appeal show "$n6" --format json
stdout_has '"state": "submitted", "kind": "simple"'
stdout_has '"version": 2,'
expect_rc 2 --db "$db" --as cd appeal submit "$n6" --version x

# ---- area officers see and register only their own area's appeals
expect_rc 0 --db "$db" --as cd appeal list --format csv
stdout_has "$n6"
stdout_has "$n1"
if grep -q "$n2" "$out"; then echo "FAIL: area officer sees another area's appeal"; fails=$((fails + 1)); fi
expect_rc 1 --db "$db" --as cd appeal show "$n2"
stderr_has "own area"
expect_rc 1 --db "$db" --as cd appeal new --enterprise $E2 --title 越界 --kind simple --channel visit
expect_rc 0 --db "$db" --as mq appeal show "$n2"

# ---- lists and filters; list JSON is an array of rows with number
expect_rc 0 --db "$db" appeal list --format json
stdout_has "\"number\": \"$n1\""
stdout_has "\"number\": \"$n7\""
expect_rc 0 --db "$db" appeal list --state closed --format csv
check "$(cut -d, -f1 "$out" | tr '\n' ' ')" "number $n1 $n2 " "closed appeals"
expect_rc 0 --db "$db" appeal list --state merged,withdrawn --format csv
check "$(cut -d, -f1 "$out" | tr '\n' ' ')" "number $n5 $n7 " "merged and withdrawn"
expect_rc 0 --db "$db" appeal list --unit 区建管局 --format csv
check "$(cut -d, -f1 "$out" | tr '\n' ' ')" "number $n2 $n4 " "appeals of 区建管局 as first, lead or related unit"
expect_rc 0 --db "$db" appeal list --unit 区投促局 --format csv
check "$(cut -d, -f1 "$out" | tr '\n' ' ')" "number $n1 $n2 " "related unit counts too"
expect_rc 0 --db "$db" appeal list --enterprise "9111 0000 6000 3734-1l" --format csv
check "$(cut -d, -f1 "$out" | tr '\n' ' ')" "number $n6 $n7 " "one enterprise's appeals, its code as typed"
expect_rc 1 --db "$db" appeal list --enterprise 91360117914177769G
stderr_has "no enterprise"
expect_rc 1 --db "$db" --as cd appeal list --enterprise $E2
stderr_has "own area"
expect_rc 0 --db "$db" appeal list --search 昌东 --format csv
check "$(cut -d, -f1 "$out" | tr '\n' ' ')" "number $n6 $n7 " "enterprise search in Chinese"
expect_rc 0 --db "$db" appeal list --search hqjs --format csv
check "$(cut -d, -f1 "$out" | tr '\n' ' ')" "number $n1 $n3 $n4 $n5 " "enterprise search in pinyin"
expect_rc 0 --db "$db" appeal list --search "$n4" --format csv
check "$(cut -d, -f1 "$out" | tr '\n' ' ')" "number $n4 " "search by number"
expect_rc 2 --db "$db" appeal list --state open
expect_rc 2 --db "$db" appeal list --light blue
expect_rc 2 --db "$db" appeal list --view 红灯
expect_rc 2 --db "$db" appeal list --unit 外星局
# on 2026-06-05: n3 (handle due 03-13) and n6 (dispatch due 06-04) are overdue,
# n4 is reported to the enterprise and runs no timer
expect_rc 0 --db "$db" --today 2026-06-05 appeal list --overdue --sort due --format csv
check "$(cut -d, -f1,8,9 "$out" | tr '\n' ' ')" "number,next_due,light $n3,2026-03-13,red $n6,2026-06-04,red " "overdue, most overdue first"
expect_rc 0 --db "$db" --today 2026-06-04 appeal list --light yellow --format csv
check "$(cut -d, -f1,8,9,10 "$out" | tr '\n' ' ')" "number,next_due,light,due_text $n6,2026-06-04,yellow,due today " "yellow on the due day"
expect_rc 0 --db "$db" --today 2026-06-04 appeal list --light red,yellow --sort due --format csv
check "$(cut -d, -f1,9 "$out" | tr '\n' ' ')" "number,light $n3,red $n6,yellow " "red and yellow as one range"
expect_rc 0 --db "$db" --today 2026-06-04 appeal list --light red,green --format csv
check "$(cut -d, -f1,9 "$out" | tr '\n' ' ')" "number,light $n3,red " "red or green"
expect_rc 0 --db "$db" --today 2026-06-03 appeal list --light green --format csv
check "$(cut -d, -f1 "$out" | tr '\n' ' ')" "number " "green: nothing has more than a working day left"
# dates are data: asked as of Mar 5, n6 (due Jun 2) is far off too
expect_rc 0 --db "$db" --today 2026-03-05 appeal list --light green --format csv
check "$(cut -d, -f1 "$out" | tr '\n' ' ')" "number $n3 $n6 " "green on 2026-03-05"
expect_rc 0 --db "$db" --today 2026-06-05 appeal list --sort due --format csv
check "$(cut -d, -f1 "$out" | tr '\n' ' ')" "number $n3 $n6 $n1 $n2 $n4 $n5 $n7 " "due order, appeals without a deadline last"
expect_rc 0 --db "$db" --today 2026-06-05 appeal list --sort due --desc --format csv
check "$(cut -d, -f1 "$out" | tr '\n' ' ')" "number $n7 $n5 $n4 $n2 $n1 $n6 $n3 " "due order reversed"

# ---- saved views, counted as of 2026-06-05 by 区科经局 (kj): n1, n2 closed; n3
# dispatched to 区科经局 and never signed (due Mar 13); n4 reported; n5 withdrawn;
# n6 submitted (dispatch due Jun 4); n7 merged
expect_rc 0 --db "$db" --today 2026-06-05 --as kj appeal views --format csv
# unit staff count only the appeals their unit takes part in (issue 15)
check "$(tr -d '\r' < "$out" | tr '\n' ' ')" "view,label,count to_dispatch,to dispatch,0 to_sign,to sign for,1 in_progress,in progress,0 due_today,due today,0 yellow,yellow light,0 red,red light,1 callback,awaiting callback,0 dissatisfied,dissatisfied,0 closed,closed,2 mine,my unit,4 " "saved-view counts"
expect_rc 0 --db "$db" --today 2026-06-05 --as kj appeal list --view mine --format csv
check "$(cut -d, -f1 "$out" | tr '\n' ' ')" "number $n1 $n2 $n3 $n5 " "本单位: first, lead or related unit"
expect_rc 0 --db "$db" --today 2026-06-05 --as kj appeal list --view in_progress --state closed --format csv
check "$(cut -d, -f1 "$out" | tr '\n' ' ')" "number " "a view within a contradicting --state is empty"
expect_rc 0 --db "$db" --today 2026-06-04 --as cd appeal views --format json
stdout_has '{"view": "due_today", "label": "due today", "count": 1}'
stdout_has '{"view": "to_dispatch", "label": "to dispatch", "count": 1}'
stdout_has '{"view": "closed", "label": "closed", "count": 1}'

# ---- the remind digest: per unit the appeal waits for
expect_rc 0 --db "$db" --today 2026-06-05 remind
stdout_has "区科经局 (2026-06-05): 1 overdue, 0 due soon"
stdout_has "区企服中心 (2026-06-05): 1 overdue, 0 due soon"
stdout_has "$n3  57 working days overdue"
stderr_empty
expect_rc 0 --db "$db" --today 2026-06-05 remind --unit 区企服中心
stdout_has "$n6"
if grep -q "$n3" "$out"; then echo "FAIL: remind --unit shows another unit's appeal"; fails=$((fails + 1)); fi
expect 0 "2026-06-05: nothing due for 区投促局: none of its appeals is overdue or due within 1 working day" --db "$db" --today 2026-06-05 remind --unit 区投促局
expect_rc 2 --db "$db" remind --unit 外星局

# ---- a year without a notice counts its statutory days, provisional, with a warning:
# 7 working days from 2026-12-31 skip 2027-01-01 (元旦)
expect_rc 0 --db "$db" --today 2026-12-30 --as fd appeal new --enterprise $E2 --title 年末诉求 --kind complex --channel letter
stderr_empty
stdout_has "2026-12-31"
n8=$(first_word)
expect_rc 0 --db "$db" --today 2026-12-31 --as fd appeal dispatch "$n8" --unit 区投促局
stderr_has "2027 has no State Council notice yet"
stderr_has "暂定"
stdout_has "2027-01-12"

# ---- a notice imported: the preview lists the appeal whose due date moves, nothing is
# written without --yes, and with it the due date moves in the same transaction
hol=$tmpdir/holidays
mkdir "$hol"
cp "$(dirname "$0")/../../data/holidays/2026.txt" "$hol/"
expect_rc 0 --db "$db" --today 2026-06-22 --as fd appeal new --enterprise $E2 --title 天然气管道接入 --kind general --channel visit
n9=$(first_word)
expect_rc 0 --db "$db" --today 2026-06-22 --as fd appeal dispatch "$n9" --unit 区投促局
stdout_has "2026-06-25"
printf 'holiday 2026-06-23 测试调休\n' >> "$hol/2026.txt"
expect_rc 1 --db "$db" --today 2026-06-22 --as fd holiday import "$hol/2026.txt"
stderr_has "only an administrator may import a holiday notice"
expect_rc 0 --db "$db" --today 2026-06-22 holiday import "$hol/2026.txt"
stdout_has "1 day changes:"
stdout_has "2026-06-23 Tue  working day -> public holiday 测试调休"
stdout_has "$n9  "
stdout_has "2026-06-25 -> 2026-06-26"
stdout_has "nothing was written"
check "$(sql "SELECT due FROM appeal_timer WHERE appeal_id = (SELECT id FROM appeal WHERE number='$n9') AND timer='handle'")" "2026-06-25" "the preview writes nothing"
expect_rc 0 --db "$db" --today 2026-06-22 holiday import "$hol/2026.txt" --yes
stdout_has "imported the notice for 2026: 1 day changed, 1 appeal's due dates recomputed"
expect_rc 0 --db "$db" --today 2026-06-22 appeal show "$n9" --format json
stdout_has '"name": "handle", "start": "2026-06-22", "days": 3, "due": "2026-06-26", "done": false'
stdout_has '"action": "recompute", "summary": "handle due 2026-06-25 -> 2026-06-26", "reason": "holiday notice 2026 (2026.txt)"'
stdout_has '"version": 3,'
check "$(sql "SELECT count(*) FROM event WHERE entity = 'holiday' AND entity_id = 2026 AND action = 'import'")" "1" "the import's event row"
expect 0 "holiday 测试调休" --db "$db" workday is 2026-06-23
# nothing more to change the second time; the extension's fixed date never moves
expect_rc 0 --db "$db" --as sup appeal recompute
stdout_has "0 appeals changed"
check "$(sql "SELECT due, done FROM appeal_timer WHERE appeal_id = (SELECT id FROM appeal WHERE number='$n4') AND timer='handle'")" "2026-04-20|2026-04-17" "stopped timers are left alone"

# ---- who called: what was typed, else the enterprise's contact (her phone only
# when the caller is she)
E4=91360117914177769G
q enterprise add --name 青山湖测试有限公司 --uscc $E4 --area 麻丘镇 --category trade --contact 李娜 --phone 13800000001 >/dev/null
expect_rc 0 --db "$db" --today 2026-06-05 --as fd appeal new --enterprise $E4 --title 咨询用电报装 --kind simple --channel phone
nc1=$(first_word)
expect_rc 0 --db "$db" --today 2026-06-05 appeal show "$nc1" --format json
stdout_has '"caller_name": "李娜", "caller_phone": "13800000001", "caller_role": ""'
# the caller's name and phone in full for the front desk, masked for those who do
# not call back, in JSON and on the table alike (issue 15)
expect_rc 0 --db "$db" --today 2026-06-05 --as fd appeal show "$nc1" --format json
stdout_has '"caller_name": "李娜", "caller_phone": "13800000001"'
expect_rc 0 --db "$db" --today 2026-06-05 --as sup appeal show "$nc1" --format json
stdout_has '"caller_name": "李*", "caller_phone": "138****0001"'
stdout_lacks 13800000001
expect_rc 0 --db "$db" --today 2026-06-05 --as sup appeal show "$nc1"
stdout_has "李*  138****0001"
expect_rc 0 --db "$db" --today 2026-06-05 --as fd appeal new --enterprise $E4 --title 咨询用电报装二 --kind simple --channel phone --caller 王强 --caller-role 行政主管
nc2=$(first_word)
expect_rc 0 --db "$db" --today 2026-06-05 appeal show "$nc2" --format json
stdout_has '"caller_name": "王强", "caller_phone": "", "caller_role": "行政主管"'
LANGUAGE=zh_CN expect_rc 0 --db "$db" --today 2026-06-05 appeal show "$nc2"
stdout_has "来电人         王强（行政主管）"

# ---- show's table and CSV, the dispatch sheet
expect_rc 0 --db "$db" --today 2026-06-05 appeal show "$n2"
stdout_has "First-responsible unit    区建管局"
stdout_has "Timeline:"
stdout_has "callback: dissatisfied"
expect_rc 0 --db "$db" --today 2026-06-05 appeal show "$n3" --format csv
# the columns of the Appeals pane's list, in its order (app/appeal_list.c)
stdout_has "number,enterprise,enterprise_name,title,kind,unit,state,next_due,light,due_text,version"
stdout_has "$n3,$E1,华勤技术股份有限公司,申请人才公寓,complex,区科经局,dispatched,2026-03-13,red,57 working days overdue,4"
expect_rc 0 --db "$db" --today 2026-06-05 appeal sheet "$n3" --format txt
stdout_has "No. $n3"
stdout_has "Lead or host unit 区科经局"
stdout_has "Handling deadline 2026-03-13 (7 working days)"
expect_rc 1 --db "$db" appeal sheet "$n5" --format txt
stderr_has "not been dispatched"
expect_rc 2 --db "$db" appeal sheet "$n3" --format pdf
if "$qifu" --db "$db" appeal sheet "$n3" --format xlsx --output "$tmpdir/s.xlsx" >"$out" 2>"$err"; then
	[ -s "$tmpdir/s.xlsx" ] || { echo "FAIL: no xlsx sheet written"; fails=$((fails + 1)); }
	stdout_has "$tmpdir/s.xlsx"
else
	stderr_has "xlsx"
fi

# ---- the event log holds every move for ever
# n1 8, n2 11, n3 4, n4 7, n5 2, n6 2, n7 2, n8 2, n9 3 (with the recompute), nc1 1, nc2 1
check "$(sql "SELECT count(*) FROM event WHERE entity='appeal'")" 43 "events written"
check "$(sql "SELECT count(*) FROM appeal WHERE next_due IS NOT NULL AND state IN ('closed','withdrawn','merged','reported')")" 0 "no deadline on appeals that wait for no one's deadline"
expect_rc 0 --db "$db" check

# ---- a repeat appeal (重复诉求): a closed one with a similar title is named too, within
# similar_closed_days of its closing (n2, 用电报装进度 of E2, closed 2026-10-13)
expect_rc 0 --db "$db" --today 2026-11-20 --as jg appeal new --enterprise $E2 --title 用电报装进度仍未完成 --kind simple --channel phone
stderr_has "$n2"
stderr_has "closed ones from the last 90 days"
n10=$(first_word)
cat > "$tmpdir/only-open.ini" <<'INI'
[appeal]
similar_closed_days = 0
INI
expect_rc 0 --db "$db" --config "$tmpdir/only-open.ini" --today 2026-11-20 --as jg appeal new --enterprise $E2 --title 用电报装进度再次反映 --kind simple --channel phone
stderr_has "$n10"
if grep -qF -- "$n2" "$err"; then
	echo "FAIL: with similar_closed_days = 0 the closed $n2 was named"
	fails=$((fails + 1))
fi

# who sees which appeal (issue 15): 区投促局's staff see n2, where it is a related
# unit, and not n4 (the centre's, led by 区建管局); the centre and supervisors see both
expect_rc 0 --db "$db" --as tc appeal list --format csv
stdout_has "$n2"
stdout_lacks "$n4"
expect_rc 1 --db "$db" --as tc appeal show "$n4"
stderr_has "no appeal $n4"
expect_rc 0 --db "$db" --as tc appeal show "$n2"
for who in fd sup; do
	expect_rc 0 --db "$db" --as $who appeal list --format csv
	stdout_has "$n2"
	stdout_has "$n4"
done

finish
