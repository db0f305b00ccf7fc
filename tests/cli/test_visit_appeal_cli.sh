#!/bin/sh
# A visit's problem turned into an appeal (appeal new --from-visit): the visit's
# enterprise and the problem as title, channel visit, the visiting unit first
# responsible even when the centre's front desk registers it, the link written in the
# same transaction and shown by visit show, a second conversion refused naming the
# appeal, other units refused, and bad visit or problem numbers as bad input.
qifu=$1
. "$(dirname "$0")/lib.sh"
db=$tmpdir/va.db
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
q staff add --login fd --name 王芳 --unit 区企服中心 --role frontdesk >/dev/null
q staff add --login kj --name 柯静 --unit 区科经局 --role unit_staff >/dev/null
q staff add --login tc --name 陶成 --unit 区投促局 --role unit_staff >/dev/null
q staff add --login mq --name 马秋 --unit 麻丘镇 --role area_officer --area 麻丘镇 >/dev/null
q enterprise add --name 华勤技术股份有限公司 --uscc $HQ --area 昌东镇 --category industry >/dev/null
q enterprise add --name 昌东小超市 --uscc $CS --area 昌东镇 --category below_scale >/dev/null
q --today 2026-11-30 --as kj visit add --enterprise $HQ --people 柯静 --topics 走访 \
	--problem " 用电报装慢 " --problem "厂房屋顶漏水" >/dev/null
q --today 2026-11-30 --as kj visit add --enterprise $CS --people 柯静 --topics 走访 >/dev/null

# the visiting unit's own staff: registered at 区科经局, channel visit
expect_rc 0 --db "$db" --today 2026-12-01 --as kj appeal new --from-visit 1 --problem 1 --kind simple
stdout_has "2026-000001 registered for 华勤技术股份有限公司 from problem 1 of visit 1, now registered at 区科经局"
# the centre's day of dispatch runs once the unit submits it, not before
stdout_lacks "2026-12-02"
expect_rc 0 --db "$db" --today 2026-12-01 appeal show 2026-000001 --format json
stdout_has '"timers": []'
stdout_has '"title": "用电报装慢"'
stdout_has '"kind": "simple"'
stdout_has '"channel": "visit"'
stdout_has '"first_unit": "区科经局"'
stdout_has '"state": "registered"'
check "link of problem 1" "$(sql "SELECT a.number FROM visit_problem p JOIN appeal a ON a.id = p.appeal_id WHERE p.visit_id = 1 AND p.seq = 1")" 2026-000001
check "problem 2 still open" "$(sql "SELECT coalesce(appeal_id, 'null') FROM visit_problem WHERE visit_id = 1 AND seq = 2")" null

# a second conversion is refused, naming the appeal, and writes nothing
expect_rc 1 --db "$db" --today 2026-12-01 --as kj appeal new --from-visit 1 --problem 1
stderr_has "problem 1 of visit 1 already became appeal 2026-000001"
expect_rc 1 --db "$db" --today 2026-12-01 --as fd appeal new --from-visit 1 --problem 1
check "appeals after the refusal" "$(sql "SELECT count(*) FROM appeal")" 1

# another unit may not register for the visiting unit; nothing written
expect_rc 1 --db "$db" --today 2026-12-01 --as tc appeal new --from-visit 1 --problem 2
stderr_has "区科经局"
check "problem 2 after the refusal" "$(sql "SELECT coalesce(appeal_id, 'null') FROM visit_problem WHERE visit_id = 1 AND seq = 2")" null

# the centre's front desk may: the first unit is still the visiting unit, and the
# appeal waits there rather than going straight to dispatch; the kind defaults
expect_rc 0 --db "$db" --today 2026-12-01 --as fd appeal new --from-visit 1 --problem 2 --channel visit
stdout_has "2026-000002 registered for 华勤技术股份有限公司 from problem 2 of visit 1, now registered at 区科经局"
stdout_lacks "2026-12-02"
expect_rc 0 --db "$db" --today 2026-12-01 appeal show 2026-000002 --format json
stdout_has '"timers": []'
stdout_has '"first_unit": "区科经局"'
stdout_has '"kind": "general"'
check "link of problem 2" "$(sql "SELECT a.number FROM visit_problem p JOIN appeal a ON a.id = p.appeal_id WHERE p.visit_id = 1 AND p.seq = 2")" 2026-000002

# visit show names each problem's appeal
expect_rc 0 --db "$db" visit show 1
stdout_has "用电报装慢 (appeal 2026-000001)"
stdout_has "厂房屋顶漏水 (appeal 2026-000002)"
expect_rc 0 --db "$db" visit show 1 --format json
stdout_has '"appeal_number": "2026-000001"'

# bad visit and problem numbers are bad input
expect_rc 2 --db "$db" --as kj appeal new --from-visit 99 --problem 1
stderr_has "no visit 99"
expect_rc 2 --db "$db" --as kj appeal new --from-visit 1 --problem 3
stderr_has "visit 1 has problems 1 to 2, not 3"
expect_rc 2 --db "$db" --as kj appeal new --from-visit 2 --problem 1
stderr_has "visit 2 recorded no problems"
expect_rc 2 --db "$db" --as kj appeal new --from-visit abc --problem 1
expect_rc 2 --db "$db" --as kj appeal new --from-visit 1 --problem 0
expect_rc 2 --db "$db" --as kj appeal new --from-visit 1
expect_rc 2 --db "$db" --as kj appeal new --from-visit 1 --problem 1 --title 别的标题
expect_rc 2 --db "$db" --as kj appeal new --from-visit 1 --problem 1 --channel phone
# an area officer does not see visits outside their area
expect_rc 2 --db "$db" --as mq appeal new --from-visit 1 --problem 1
stderr_has "no visit 1"
check "appeals at the end" "$(sql "SELECT count(*) FROM appeal")" 2

finish
