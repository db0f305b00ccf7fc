#!/bin/sh
# 督办要求 and 问责 through the command line: a request from an overdue appeal (to its
# lead unit), from a dissatisfied one and from a unit's figures, each refused when
# the appeal is not what the source says; the outcome, once; accountability after an
# unresolved request only, by a body of the setting; who may; the lists in every
# format; one event per record; and the annual report listing them per unit.
qifu=$1
. "$(dirname "$0")/lib.sh"
db=$tmpdir/s.db
q() { "$qifu" --db "$db" "$@"; }
q init >/dev/null
q staff add --login sup --name 督办 --unit 区科经局 --role supervisor >/dev/null
q staff add --login ld --name 领导 --unit 区党工委 --role leader --level 1 >/dev/null
q staff add --login fd --name 王芳 --unit 区企服中心 --role frontdesk >/dev/null
q staff add --login kj --name 科一 --unit 区科经局 --role unit_staff >/dev/null
q enterprise add --name 甲公司 --uscc 914403001922038216 --area 昌东镇 --category industry >/dev/null
A=914403001922038216
# 2026-000001: dispatched to 区建管局 on 11-02, general: due 11-05, red on 12-01
expect_rc 0 --db "$db" --today 2026-11-02 --as fd appeal new --enterprise $A --title 厂区道路积水 --kind general --channel phone
expect_rc 0 --db "$db" --today 2026-11-02 --as fd appeal dispatch 2026-000001 --unit 区建管局
# 2026-000002: answered in time, told, called back dissatisfied on 12-01 (feedback due 12-02)
expect_rc 0 --db "$db" --today 2026-11-25 --as fd appeal new --enterprise $A --title 用电报装 --kind general --channel phone
expect_rc 0 --db "$db" --today 2026-11-25 --as fd appeal dispatch 2026-000002 --unit 区科经局
expect_rc 0 --db "$db" --today 2026-11-26 --as kj appeal sign 2026-000002
expect_rc 0 --db "$db" --today 2026-11-27 --as kj appeal answer 2026-000002 --result 已协调
expect_rc 0 --db "$db" --today 2026-11-27 --as fd appeal report 2026-000002 --how phone --by 王芳 --text 已告知
expect_rc 0 --db "$db" --as fd appeal callback 2026-000002 --dissatisfied --reason 仍未通电

# requests: the appeal's lead unit by default
expect_rc 0 --db "$db" --as sup supervise add --from overdue --appeal 2026-000001 --what 三日内办结并书面说明 --due 2026-12-04
stdout_has "supervision request 1 filed"
expect_rc 1 --db "$db" --as sup supervise add --from dissatisfied --appeal 2026-000001 --what 重新办理 --due 2026-12-04
stderr_has "The enterprise was not dissatisfied with the appeal at its callback."
expect_rc 1 --db "$db" --as sup supervise add --from overdue --appeal 2026-000002 --what 重新办理 --due 2026-12-04
stderr_has "The appeal is not overdue"
expect_rc 0 --db "$db" --as ld supervise add --from dissatisfied --appeal 2026-000002 --what 重新办理并反馈 --due 2026-12-10
stdout_has "supervision request 2 filed"
expect_rc 0 --db "$db" --as sup supervise add --from figures --unit 区社发局 --what 按时签收率偏低，限期整改 --due 2026-12-31
expect_rc 1 --db "$db" --as sup supervise add --from figures --what 限期整改 --due 2026-12-31
stderr_has "Unknown unit"
expect_rc 1 --db "$db" --as sup supervise add --from figures --unit 区社发局 --appeal 2026-000001 --what x --due 2026-12-31
stderr_has "names no appeal"
expect_rc 1 --db "$db" --as sup supervise add --from overdue --appeal 2026-000099 --what x --due 2026-12-31
stderr_has "2026-000099"
expect_rc 1 --db "$db" --as sup supervise add --from figures --unit 区社发局 --what x --due 2026-11-30
stderr_has "The due day 2026-11-30 is before today (2026-12-01)."
expect_rc 2 --db "$db" --as sup supervise add --from somewhere --unit 区社发局 --what x --due 2026-12-31
stderr_has "not one of overdue, dissatisfied, figures"
expect_rc 2 --db "$db" --as sup supervise add --from figures --unit 区社发局 --due 2026-12-31
stderr_has "--what"
for who in fd kj; do
	expect_rc 1 --db "$db" --as $who supervise add --from figures --unit 区社发局 --what x --due 2026-12-31
	stderr_has "supervision requests and accountability are for supervisors and leaders"
	expect_rc 1 --db "$db" --as $who supervise list
	expect_rc 1 --db "$db" --as $who accountability list
done

# outcomes, once
expect_rc 1 --db "$db" --as sup accountability add --request 1 --by 区纪检监察工委 --person 张三 --measure 诫勉谈话
stderr_has "Supervision request 1 is open: accountability follows an unresolved request."
expect_rc 0 --db "$db" --as sup supervise outcome 1 --outcome unresolved --note 逾期仍未办结
stdout_has "supervision request 1: unresolved"
expect_rc 1 --db "$db" --as sup supervise outcome 1 --outcome resolved
stderr_has "Supervision request 1 already has its outcome (unresolved)."
expect_rc 0 --db "$db" --as ld supervise outcome 2 --outcome resolved
expect_rc 2 --db "$db" --as sup supervise outcome 3 --outcome open
expect_rc 1 --db "$db" --as sup supervise outcome 9 --outcome resolved
stderr_has "no supervision request 9"

# accountability: after an unresolved request, by a body of the setting
expect_rc 0 --db "$db" --as sup accountability add --request 1 --by 区纪检监察工委 --person 张三（区建管局副局长） --measure 诫勉谈话
stdout_has "accountability 1 recorded on supervision request 1"
expect_rc 0 --db "$db" --as ld accountability add --request 1 --by 区党政办 --person 李四 --measure 通报批评
expect_rc 1 --db "$db" --as sup accountability add --request 2 --by 区党政办 --person 李四 --measure 约谈
stderr_has "Supervision request 2 is resolved"
expect_rc 1 --db "$db" --as sup accountability add --request 1 --by 区科经局 --person 李四 --measure 约谈
stderr_has "区科经局 does not hold to account; the bodies that do are: 区党政办、区纪检监察工委."
printf '[assessment]\naccountability_bodies = 区党工委\n' > "$tmpdir/bodies.ini"
expect_rc 1 --db "$db" --config "$tmpdir/bodies.ini" --as sup accountability add --request 1 --by 区党政办 --person 李四 --measure 约谈
stderr_has "the bodies that do are: 区党工委."
expect_rc 1 --db "$db" --as sup accountability add --request 1 --by 区党政办 --person ' ' --measure 约谈
stderr_has "The person held to account is missing."
expect_rc 1 --db "$db" --as fd accountability add --request 1 --by 区党政办 --person 李四 --measure 约谈

# the lists
expect_rc 0 --db "$db" --as sup supervise list --format csv
stdout_has "id,unit,source,appeal,what,due,outcome,outcome_note,accountability,filed_by,filed_at"
stdout_has "1,区建管局,overdue,2026-000001,三日内办结并书面说明,2026-12-04,unresolved,逾期仍未办结,2,sup,2026-12-01 "
stdout_has "2,区科经局,dissatisfied,2026-000002,重新办理并反馈,2026-12-10,resolved,,0,ld,2026-12-01 "
stdout_has "3,区社发局,figures,,按时签收率偏低，限期整改,2026-12-31,open,,0,sup,2026-12-01 "
expect_rc 0 --db "$db" --as ld supervise list --unit 区社发局
stdout_has "the unit's figures"
stdout_lacks "区建管局"
expect_rc 0 --db "$db" --as sup supervise list --year 2025 --format json
[ "$(cat "$out")" = "[]" ] || fail "requests of 2026 listed for 2025: $(cat "$out")"
expect_rc 0 --db "$db" --as sup accountability list --format json
stdout_has '"request": 1, "unit": "区建管局", "body": "区纪检监察工委", "person": "张三（区建管局副局长）", "measure": "诫勉谈话", "recorded_by": "sup"'
stdout_has '"body": "区党政办", "person": "李四", "measure": "通报批评", "recorded_by": "ld"'
expect_rc 0 --db "$db" --as sup accountability list --unit 区科经局 --format csv
[ "$(wc -l < "$out")" -eq 1 ] || fail "accountability of 区建管局 listed for 区科经局"

# one event per record, in the same transaction as the record
n=$(sqlite3 "$db" "SELECT count(*) FROM event WHERE entity = 'supervise'")
[ "$n" = 5 ] || fail "$n supervise events, want 5 (3 requests, 2 outcomes)"
n=$(sqlite3 "$db" "SELECT count(*) FROM event WHERE entity = 'accountability'")
[ "$n" = 2 ] || fail "$n accountability events, want 2"
expect_rc 0 --db "$db" audit verify

# the annual report lists them per unit, with their counts beside
for Q in 1 2 3 4; do q --as sup quarter freeze 2026Q$Q >/dev/null; done
expect_rc 0 --db "$db" --as sup report year 2026 --format csv
stdout_has "unit,q1,q2,q3,q4,count,score,tier,received,signed_on_time,returned,answered_on_time,satisfied,supervised,accountability"
stdout_has "区建管局,,,,,0,,,1,0.0%,0.0%,,,1,2"
stdout_has "区社发局,,,,,0,,,0,,,,,1,0"
expect_rc 0 --db "$db" --as sup report year 2026
stdout_has "Supervision requests (督办) and accountability (问责) of 2026"
stdout_has "  No. 1, 2026-12-01, from overdue appeal 2026-000001, due 2026-12-04: unresolved (逾期仍未办结)"
stdout_has "    三日内办结并书面说明"
stdout_has "    accountability by 区纪检监察工委: 张三（区建管局副局长）, 诫勉谈话 (2026-12-01)"
stdout_has "  No. 3, 2026-12-01, from the unit's figures, due 2026-12-31: open"
# a frozen year keeps its counts
expect_rc 0 --db "$db" --as sup report year 2026 --freeze
expect_rc 0 --db "$db" --as sup supervise add --from figures --unit 区社发局 --what 再次督办 --due 2026-12-31
expect_rc 0 --db "$db" --as sup report year 2026 --format csv
stdout_has "区社发局,,,,,0,,,0,,,,,1,0"
expect_rc 1 --db "$db" --as sup report year 2025
stderr_has "not frozen yet: 2025Q1"
finish
