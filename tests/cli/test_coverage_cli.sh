#!/bin/sh
# Coverage (全面覆盖、职责到人): four enterprises, counted by hand on 2026-12-07 with
# [coverage] visit_days 90 (the default):
#   华勤 (昌东镇, 区科经局)  commissioner kj, card delivered 11-01, visited 11-20: covered
#   昌东小超市 (昌东镇)      no commissioner, no card, never visited: all three gaps
#   麻丘甲 (麻丘镇)          commissioner, card handed on its visit of 08-01 (128 days
#                           back): the visit gap only
#   麻丘乙 (麻丘镇)          commissioner, card delivered, visited 09-08 (90 days back,
#                           still inside): covered; with visit_days 60 a visit gap
# Per area: 昌东镇 2 enterprises, 1 with gaps (1 no commissioner, 1 no card, 1 no
# visit); 麻丘镇 2, 1 with gaps (0, 0, 1). An area officer sees their area only.
qifu=$1
. "$(dirname "$0")/lib.sh"
db=$tmpdir/coverage.db
q() { "$qifu" --db "$db" --today 2026-12-07 "$@"; }
check() {
	if [ "$2" != "$3" ]; then
		echo "FAIL: $1: got '$2', want '$3'"
		fails=$((fails + 1))
	fi
}

HQ=914403001922038216
CS=91110000600037341L
MA=91360100MA3000010C
MB=91360100MA30000299
expect_rc 0 --db "$db" init
q staff add --login kj --name 柯静 --unit 区科经局 --role unit_staff >/dev/null
q staff add --login cd --name 陈东 --unit 昌东镇 --role area_officer --area 昌东镇 >/dev/null
q staff add --login mq --name 马秋 --unit 麻丘镇 --role area_officer --area 麻丘镇 >/dev/null
q enterprise add --name 华勤技术股份有限公司 --uscc $HQ --area 昌东镇 --category industry \
	--commissioner kj >/dev/null
q enterprise add --name 昌东小超市 --uscc $CS --area 昌东镇 --category below_scale >/dev/null
q enterprise add --name 麻丘甲公司 --uscc $MA --area 麻丘镇 --category industry \
	--commissioner kj >/dev/null
q enterprise add --name 麻丘乙公司 --uscc $MB --area 麻丘镇 --category industry \
	--commissioner kj >/dev/null
q card deliver $HQ --date 2026-11-01 --by 柯静 >/dev/null
q visit add --enterprise $HQ --date 2026-11-20 --people 柯静 --topics 走访 >/dev/null
q visit add --enterprise $MA --date 2026-08-01 --people 柯静 --topics 走访 --card >/dev/null
q card deliver $MB --date 2026-10-01 --by 柯静 >/dev/null
q visit add --enterprise $MB --date 2026-09-08 --people 柯静 --topics 走访 >/dev/null

# the list: the two with gaps, by area then name, gaps as codes (a list: 、 in CSV)
expect_rc 0 --db "$db" --today 2026-12-07 coverage --format csv
check "csv" "$(tr -d '\r' <"$out")" "enterprise,uscc,area,lead_unit,commissioner,card_on,visited_on,gaps
昌东小超市,$CS,昌东镇,昌东镇,,,,commissioner、card、visit
麻丘甲公司,$MA,麻丘镇,区科经局,kj,2026-08-01,2026-08-01,visit"

# the counts per area and per unit, and the list in JSON
expect_rc 0 --db "$db" --today 2026-12-07 coverage --format json
python3 - "$out" <<'PY' || fails=$((fails + 1))
import json, sys
d = json.load(open(sys.argv[1]))
areas = {a["area"]: (a["enterprises"], a["with_gaps"], a["no_commissioner"], a["no_card"],
                     a["no_visit"]) for a in d["areas"]}
units = {u["unit"]: (u["enterprises"], u["with_gaps"]) for u in d["units"]}
want = {"昌东镇": (2, 1, 1, 1, 1), "麻丘镇": (2, 1, 0, 0, 1)}
ok = d["visit_days"] == 90 and areas == want
ok = ok and units == {"区科经局": (3, 1), "昌东镇": (1, 1)}
ok = ok and [e["enterprise"] for e in d["enterprises"]] == ["昌东小超市", "麻丘甲公司"]
ok = ok and d["enterprises"][0]["gaps"] == ["commissioner", "card", "visit"]
if not ok:
    print("FAIL: json", d)
    sys.exit(1)
PY

# the table: counts, then the list in words
expect_rc 0 --db "$db" --today 2026-12-07 coverage
stdout_has "no commissioner, no card, no visit in 90 days"
stdout_has "麻丘甲公司"
stdout_lacks "华勤技术股份有限公司"
stdout_lacks "麻丘乙公司"

# one gap; an area; a unit
expect_rc 0 --db "$db" --today 2026-12-07 coverage --gap card --format csv
check "--gap card" "$(tail -n +2 "$out" | cut -d, -f1)" "昌东小超市"
expect_rc 0 --db "$db" --today 2026-12-07 coverage --gap visit --format csv
check "--gap visit" "$(tail -n +2 "$out" | cut -d, -f1 | tr '\n' ' ')" "昌东小超市 麻丘甲公司 "
expect_rc 0 --db "$db" --today 2026-12-07 coverage --area 麻丘镇 --format csv
check "--area" "$(tail -n +2 "$out" | cut -d, -f1)" "麻丘甲公司"
expect_rc 0 --db "$db" --today 2026-12-07 coverage --unit 区科经局 --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if [a["enterprises"] for a in d["areas"]] == [1, 2] else 1)' "$out" \
	|| { echo "FAIL: --unit counts"; fails=$((fails + 1)); }

# a visit 90 days back still covers; with visit_days 60 it no longer does
printf '[coverage]\nvisit_days = 60\n' >"$tmpdir/sixty.ini"
expect_rc 0 --db "$db" --today 2026-12-07 --config "$tmpdir/sixty.ini" coverage --gap visit --format csv
check "visit_days 60" "$(tail -n +2 "$out" | cut -d, -f1 | tr '\n' ' ')" "昌东小超市 麻丘甲公司 麻丘乙公司 "
expect_rc 0 --db "$db" --config "$tmpdir/sixty.ini" config
stdout_has "visit_days"
printf '[coverage]\nvisit_days = 0\n' >"$tmpdir/zero.ini"
# a value out of range is named and the default kept
expect_rc 0 --db "$db" --today 2026-12-07 --config "$tmpdir/zero.ini" coverage --gap visit --format csv
stderr_has "coverage:visit_days: 0 is out of range 1..730"
check "visit_days 0: the default" "$(tail -n +2 "$out" | cut -d, -f1 | tr '\n' ' ')" "昌东小超市 麻丘甲公司 "

# an area officer sees their area only
expect_rc 0 --db "$db" --today 2026-12-07 --as cd coverage --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if [a["area"] for a in d["areas"]] == ["昌东镇"] and len(d["enterprises"]) == 1 else 1)' "$out" \
	|| { echo "FAIL: the area officer's sight"; fails=$((fails + 1)); }

# bad input
expect_rc 2 --db "$db" coverage --gap phone
stderr_has "--gap: 'phone' is not one of commissioner, card, visit"
expect_rc 2 --db "$db" coverage --area 区科经局
stderr_has "--area: '区科经局' is not one of the grid areas"
expect_rc 2 --db "$db" coverage --unit 无此单位
stderr_has "--unit: unknown unit '无此单位'"
expect_rc 2 --db "$db" coverage --format xml
stderr_has "--format: 'xml' is not one of table, csv, json"
finish
