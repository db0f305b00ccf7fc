#!/bin/sh
# The enterprise register through the command line: routing on add and edit, the
# USCC rules and the supervisor overrides, duplicate codes, unknown values named
# with the allowed ones, search (Chinese, pinyin, USCC prefix), area scoping, JSON.
qifu=$1
. "$(dirname "$0")/lib.sh"
db=$tmpdir/e.db
q() { "$qifu" --db "$db" "$@"; }

expect_rc 0 --db "$db" init
q staff add --login sup --name 督办 --unit 区科经局 --role supervisor >/dev/null
q staff add --login cd --name 陈东 --unit 昌东镇 --role area_officer --area 昌东镇 >/dev/null
q staff add --login mq --name 马秋 --unit 麻丘镇 --role area_officer --area 麻丘镇 >/dev/null
q staff add --login fd --name 王芳 --unit 区企服中心 --role frontdesk >/dev/null

# routing of every category on add
expect_rc 0 --db "$db" enterprise add --name 华勤技术股份有限公司 --uscc 914403001922038216 --area 昌东镇 --category industry
stdout_has "区科经局"
expect_rc 0 --db "$db" enterprise add --name 昌东小超市 --uscc "9111 0000 6000 3734-1L" --area 昌东镇 --category 规限下
stdout_has "lead unit 昌东镇"
expect_rc 0 --db "$db" enterprise add --name 航空配件公司 --uscc 91440300708461136T --area 麻丘镇 --category trade --aviation --group 华勤系
stdout_has "航管委"
expect_rc 0 --db "$db" enterprise show 914403001922038216 --format json
stdout_has '"lead_unit": "区科经局", "cooperating_units": ["区投促局"]'
stdout_has '"category": "industry"'
stdout_has '"aviation": false'

# a change of category re-routes; an edit writes an event with the change
expect_rc 0 --db "$db" enterprise edit 914403001922038216 --category trade
stdout_has "区投促局"
expect_rc 0 --db "$db" enterprise edit 914403001922038216 --group 龙旗系
expect_rc 0 --db "$db" enterprise show 914403001922038216 --format json
stdout_has '"group": "龙旗系"'
stdout_has '"lead_unit": "区投促局", "cooperating_units": []'
n=$(sqlite3 "$db" "SELECT count(*) FROM event WHERE entity='enterprise' AND action='edit' AND summary LIKE '%category: industry -> trade%'")
[ "$n" = 1 ] || { echo "FAIL: no event for the category change"; fails=$((fails + 1)); }

# lead-unit override: supervisors only, with a reason, recorded
expect_rc 2 --db "$db" --as sup enterprise edit 91110000600037341L --lead-unit 区社发局
stderr_has "--reason"
expect_rc 1 --db "$db" --as fd enterprise edit 91110000600037341L --lead-unit 区社发局 --reason 特殊
stderr_has "only a supervisor"
expect_rc 0 --db "$db" --as sup enterprise edit 91110000600037341L --lead-unit 区社发局 --reason 区领导批示
n=$(sqlite3 "$db" "SELECT count(*) FROM event WHERE action='override_lead' AND reason='区领导批示'")
[ "$n" = 1 ] || { echo "FAIL: no override event"; fails=$((fails + 1)); }
# the override survives a later edit that would re-route
expect_rc 0 --db "$db" --as sup enterprise edit 91110000600037341L --category industry
expect_rc 0 --db "$db" enterprise show 91110000600037341L --format json
stdout_has '"lead_unit": "区社发局"'

# USCC: wrong check refused naming the position; supervisor may accept with a reason
expect_rc 1 --db "$db" enterprise add --name 早期试点公司 --uscc 914403001922038217 --area 麻丘镇 --category services
stderr_has "position 18"
expect_rc 1 --db "$db" --as fd enterprise add --name 早期试点公司 --uscc 914403001922038217 --area 麻丘镇 --category services --accept-uscc 早期试点代码
stderr_has "only a supervisor"
expect_rc 0 --db "$db" --as sup enterprise add --name 早期试点公司 --uscc 914403001922038217 --area 麻丘镇 --category services --accept-uscc 早期试点代码
n=$(sqlite3 "$db" "SELECT uscc_override FROM enterprise WHERE uscc='914403001922038217'")
[ "$n" = 早期试点代码 ] || { echo "FAIL: override reason not kept: $n"; fails=$((fails + 1)); }
# a malformed code cannot be accepted at all
expect_rc 2 --db "$db" --as sup enterprise add --name 坏代码 --uscc 9144030019220382 --area 麻丘镇 --category services --accept-uscc x
stderr_has "18"
# duplicate USCC names the firm that has it
expect_rc 1 --db "$db" enterprise add --name 另一家 --uscc 914403001922038216 --area 麻丘镇 --category services
stderr_has "华勤技术股份有限公司"

# unknown values are refused naming the allowed ones
expect_rc 2 --db "$db" enterprise add --name X --uscc 91440300708461136T --area 青山湖 --category industry
stderr_has "昌东镇, 麻丘镇"
expect_rc 2 --db "$db" enterprise add --name X --uscc 91440300708461136T --area 昌东镇 --category 工业
stderr_has "industry, trade"
expect_rc 2 --db "$db" enterprise add --name X --uscc 91440300708461136T --area 昌东镇 --category industry --group 华为系
stderr_has "龙旗系"
expect_rc 2 --db "$db" enterprise add --name X --uscc 91440300708461136T --area 昌东镇 --category industry --introduced-by 外星局
stderr_has "区投促局"
expect_rc 2 --db "$db" enterprise add --name X --uscc 91440300708461136T --area 昌东镇 --category industry --phone 请打电话
stderr_has "not a telephone number"
expect_rc 2 --db "$db" enterprise add --name "   " --uscc 91440300708461136T --area 昌东镇 --category industry
stderr_has "required"

# search: Chinese substring (one character too), pinyin initials and full, USCC prefix
expect_rc 0 --db "$db" enterprise list --search hqjs --format csv
stdout_has 华勤技术股份有限公司
expect_rc 0 --db "$db" enterprise list --search huaqin --format csv
stdout_has 华勤技术股份有限公司
expect_rc 0 --db "$db" enterprise list --search ＨＱＪＳ --format csv
stdout_has 华勤技术股份有限公司
expect_rc 0 --db "$db" enterprise list --search 勤 --format csv
stdout_has 华勤技术股份有限公司
expect_rc 0 --db "$db" enterprise list --search 9144030019 --format json
stdout_has 914403001922038216
stdout_has 914403001922038217
expect 0 "[]" --db "$db" enterprise list --search 不存在的公司 --format json

# area scoping: an area officer sees and changes only their own area
expect_rc 0 --db "$db" --as cd enterprise list --format csv
stdout_has 昌东小超市
if grep -q 航空配件公司 "$out"; then echo "FAIL: area officer sees another area"; fails=$((fails + 1)); fi
expect_rc 1 --db "$db" --as cd enterprise show 91440300708461136T
stderr_has "own area"
expect_rc 1 --db "$db" --as cd enterprise edit 91440300708461136T --phone 0791-88888888
expect_rc 0 --db "$db" --as mq enterprise edit 91440300708461136T --phone 0791-88888888
expect_rc 1 --db "$db" --as mq enterprise edit 91440300708461136T --area 昌东镇
expect_rc 1 --db "$db" --as cd enterprise add --name 越界 --uscc 91360117914177769G --area 麻丘镇 --category industry

# list filters combine
expect_rc 0 --db "$db" enterprise list --area 昌东镇 --category industry --format csv
stdout_has 昌东小超市
expect_rc 2 --db "$db" enterprise list --unit 外星局
expect_rc 1 --db "$db" enterprise show 91360117914177769G
stderr_has "no enterprise"

# the operating status: a moved-out enterprise leaves the default list (and its
# export), --all brings it back; the change is an event with the reason and the day
expect_rc 2 --db "$db" --today 2026-12-01 enterprise status 91110000600037341L --to closed --reason x
stderr_has "not one of operating"
expect_rc 2 --db "$db" --today 2026-12-01 enterprise status 91110000600037341L --to moved_out
stderr_has "--reason is required"
expect_rc 2 --db "$db" --today 2026-12-01 enterprise status 91110000600037341L --to moved_out --reason 迁往外省 --since 2026-12-02
stderr_has "up to today"
expect_rc 0 --db "$db" --today 2026-12-01 enterprise status 91110000600037341L --to moved_out --reason 迁往外省 --since 2026-11-30
stdout_has "昌东小超市 is now moved out"
expect_rc 1 --db "$db" --today 2026-12-01 enterprise status 91110000600037341L --to moved_out --reason 再次
stderr_has "already moved out"
expect_rc 0 --db "$db" enterprise list --format csv
if grep -qF 昌东小超市 "$out"; then
	echo "FAIL: a moved-out enterprise is still in the default list"
	fails=$((fails + 1))
fi
expect_rc 0 --db "$db" enterprise list --all --format csv
stdout_has "昌东小超市"
stdout_has ",moved_out"
LANGUAGE=zh_CN expect_rc 0 --db "$db" enterprise show 91110000600037341L
stdout_has "迁出"
n=$(sqlite3 "$db" "SELECT summary || '|' || reason FROM event WHERE entity = 'enterprise' AND action = 'status'")
[ "$n" = "status: operating -> moved_out; since=2026-11-30|迁往外省" ] || fail "the status change's event: $n"
expect_rc 0 --db "$db" --today 2026-12-01 enterprise status 91110000600037341L --to deregistered --reason 已注销
expect_rc 1 --db "$db" --today 2026-12-01 enterprise status 91110000600037341L --to operating --reason 误报
stderr_has "deregistered"

# the plan's three classes: 其他 by the marks (aviation, group, introduced), else the
# category's class from data/categories.tsv (华勤 is in 龙旗系 by now, 昌东小超市 industry)
expect_rc 0 --db "$db" enterprise add --name 麻丘小店 --uscc 91360117914177769G --area 麻丘镇 --category below_scale
expect_rc 0 --db "$db" enterprise list --all --class other --format csv
stdout_has "航空配件公司"
stdout_has "华勤技术股份有限公司"
stdout_has ",other"
expect_rc 0 --db "$db" enterprise list --all --class below_scale --format csv
stdout_has "麻丘小店"
stdout_has ",below_scale"
expect_rc 0 --db "$db" enterprise list --all --class above_scale --format csv
stdout_has "昌东小超市"
if grep -qF -e 航空配件公司 -e 华勤 -e 麻丘小店 "$out"; then
	echo "FAIL: --class above_scale lists another class"
	fails=$((fails + 1))
fi
expect_rc 2 --db "$db" enterprise list --class five_up
stderr_has "not one of above_scale"

finish
