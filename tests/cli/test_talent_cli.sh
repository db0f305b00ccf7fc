#!/bin/sh
# Talent services (qifu talent): a school–enterprise programme, service requests with
# their responsible unit (the lead 区组织部 by default, a cooperating unit of the data,
# no other), the one move rule, a request turned into an appeal with its unit first
# responsible, the lists scripts read, the 360 view, and an event row for every change.
qifu=$1
. "$(dirname "$0")/lib.sh"
db=$tmpdir/tl.db
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
q staff add --login zz --name 周正 --unit 区组织部 --role unit_staff >/dev/null
q staff add --login tc --name 陶成 --unit 区投促局 --role unit_staff >/dev/null
q staff add --login ld --name 林东 --unit 区党工委 --role leader --level 1 >/dev/null
q staff add --login mq --name 马秋 --unit 麻丘镇 --role area_officer --area 麻丘镇 >/dev/null
q enterprise add --name 华勤技术股份有限公司 --uscc $HQ --area 昌东镇 --category industry >/dev/null
q enterprise add --name 昌东小超市 --uscc $CS --area 昌东镇 --category below_scale >/dev/null

# a programme with a school
expect_rc 0 --db "$db" --as zz talent add --enterprise $HQ --programme 订单班 \
	--school 南昌职业大学 --name 电子装配订单班 --places 40 --start 2026-09-01 --end 2027-06-30
stdout_has "recorded talent programme 1 of 华勤技术股份有限公司: order class (订单班) 电子装配订单班 with 南昌职业大学, 40 places"
expect_rc 2 --db "$db" --as zz talent add --enterprise $HQ --programme order \
	--school 南昌职业大学 --name 订单班 --places 40 --start 2026-09-01 --end 2026-08-01
stderr_has "the programme ends (2026-08-01) before it starts (2026-09-01)"
expect_rc 2 --db "$db" --as zz talent add --enterprise $HQ --programme evening \
	--school 南昌职业大学 --name 订单班 --places 40 --start 2026-09-01
stderr_has "--programme: 'evening' is not one of order, named, factory_school"
expect_rc 2 --db "$db" --as zz talent add --enterprise $HQ --programme order --places 0
stderr_has "--places: '0' is not a whole number from 1 to 10000"
expect_rc 0 --db "$db" talent programmes --format json
stdout_has '{"id": 1, "enterprise": "华勤技术股份有限公司", "kind": "order", "school": "南昌职业大学", "programme": "电子装配订单班", "places": 40, "start": "2026-09-01", "end": "2027-06-30"}'

# a programme changed: the options given replace those fields, an event row says which
expect_rc 0 --db "$db" --as zz talent programme-edit 1 --places 45 --end ''
stdout_has "talent programme 1 of 华勤技术股份有限公司 changed: order class (订单班) 电子装配订单班 with 南昌职业大学, 45 places"
check "edit event" "$(sql "SELECT summary FROM event WHERE action = 'talent.programme.edit'")" \
	"programme=1 places=40→45 end=2027-06-30→"
expect_rc 2 --db "$db" --as zz talent programme-edit 1 --places 45
stderr_has "nothing to change: talent programme 1 already reads so"
expect_rc 2 --db "$db" --as zz talent programme-edit 1 --places 4.5
stderr_has "--places: '4.5' is not a whole number from 1 to 10000"
expect_rc 2 --db "$db" --as zz talent programme-edit 1 --start 2028-01-01 --end 2027-12-31
stderr_has "the programme ends (2027-12-31) before it starts (2028-01-01)"
# outside an area officer's area it is not there
expect_rc 1 --db "$db" --as mq talent programme-edit 1 --places 50
stderr_has "no talent programme 1"
expect_rc 0 --db "$db" --as mq talent programmes --format json
stdout_lacks "华勤"
expect_rc 0 --db "$db" --as zz talent programme-edit 1 --programme named --end 2027-06-30
expect_rc 0 --db "$db" talent programmes --format json
stdout_has '{"id": 1, "enterprise": "华勤技术股份有限公司", "kind": "named", "school": "南昌职业大学", "programme": "电子装配订单班", "places": 45, "start": "2026-09-01", "end": "2027-06-30"}'

# requests: the lead by default, a cooperating unit, never another
expect_rc 0 --db "$db" --as zz talent add --enterprise $HQ --request 人才住房 --person 张伟 \
	--detail "博士，申请人才公寓"
stdout_has "recorded talent service request 1 of 华勤技术股份有限公司: 人才住房 for 张伟, at 区组织部"
expect_rc 0 --db "$db" --as zz talent add --enterprise $CS --request schooling --person 李娜 \
	--unit 区投促局
expect_rc 2 --db "$db" --as zz talent add --enterprise $CS --request schooling --person 李娜 \
	--unit 区应急局
stderr_has "区应急局 is not a unit responsible for talent services"
expect_rc 2 --db "$db" --as zz talent add --enterprise $CS --request visa --person 李娜
stderr_has "unknown talent service 'visa'"
expect_rc 2 --db "$db" --as zz talent add --enterprise $CS --request housing --programme order
stderr_has "give either --programme or --request"
expect_rc 1 --db "$db" --as ld talent add --enterprise $CS --request housing --person 李娜
stderr_has "leaders do not record talent services"
# an area officer of another area sees no enterprise to add to
expect_rc 1 --db "$db" --as mq talent add --enterprise $CS --request housing --person 李娜
check "requests after the refusals" "$(sql "SELECT count(*) FROM talent_request")" 2

# the move rule
expect_rc 0 --db "$db" --as zz talent move 1 --to handling
stdout_has "talent service request 1 is now being handled"
expect_rc 1 --db "$db" --as zz talent move 1 --to received
stderr_has "a request goes back to received no more once it is handled"
expect_rc 2 --db "$db" --as zz talent move 2 --to declined
stderr_has "say why the request is declined (--note)"
expect_rc 0 --db "$db" --as zz talent move 2 --to declined --note "已在市区入学"
expect_rc 1 --db "$db" --as zz talent move 2 --to done
stderr_has "the request is declined: it moves no more"
expect_rc 2 --db "$db" --as zz talent move 9 --to done
stderr_has "no talent service request 9"
expect_rc 2 --db "$db" --as zz talent move 1 --to finished
stderr_has "--to: 'finished' is not one of handling, done, declined"

# a request becomes an appeal in one action, its unit first responsible
expect_rc 1 --db "$db" --as tc talent appeal 1
check "no appeal for another unit" "$(sql "SELECT count(*) FROM appeal")" 0
expect_rc 0 --db "$db" --as zz talent appeal 1 --kind complex
stdout_has "2026-000001 registered for 华勤技术股份有限公司 from talent service request 1, now registered at 区组织部"
expect_rc 0 --db "$db" appeal show 2026-000001 --format json
stdout_has '"title": "人才住房：张伟"'
stdout_has '"channel": "online"'
stdout_has '"first_unit": "区组织部"'
stdout_has '"kind": "complex"'
expect_rc 1 --db "$db" --as zz talent appeal 1
stderr_has "talent service request 1 already became appeal 2026-000001"

# the lists and the record, for people and for scripts
expect_rc 0 --db "$db" talent list --format json
stdout_has '{"id": 2, "enterprise": "昌东小超市", "kind": "schooling", "state": "declined", "uscc": "91110000600037341L", "person": "李娜", "unit": "区投促局", "appeal": ""}'
stdout_has '{"id": 1, "enterprise": "华勤技术股份有限公司", "kind": "housing", "state": "handling", "uscc": "914403001922038216", "person": "张伟", "unit": "区组织部", "appeal": "2026-000001"}'
expect_rc 0 --db "$db" talent list --state handling --format csv
check "handling rows" "$(grep -c handling "$out")" 1
expect_rc 0 --db "$db" talent list --unit 区投促局
stdout_has "昌东小超市"
stdout_lacks "华勤"
expect_rc 0 --db "$db" talent show 2
stdout_has "已在市区入学"
stdout_has "declined"

# the 360 view
expect_rc 0 --db "$db" enterprise show $HQ --full
stdout_has "[Talent services]"
stdout_has "named class (冠名班) 电子装配订单班 with 南昌职业大学: 45 places from 2026-09-01 to 2027-06-30"
stdout_has "人才住房 for 张伟, 区组织部: being handled (appeal 2026-000001)"

# an event row with every change, in the enterprise's history
check "talent events" "$(sql "SELECT group_concat(action, ' ') FROM (SELECT action FROM event WHERE action LIKE 'talent.%' ORDER BY id)")" \
	"talent.programme talent.programme.edit talent.programme.edit talent.request talent.request talent.move talent.move"
expect_rc 0 --db "$db" audit verify

finish
