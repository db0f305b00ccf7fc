#!/bin/sh
# Who sees which inspection plans (issue 15, DOMAIN §6), the same in every command:
# unit staff their unit's, leaders those of the units they oversee, area officers those
# on enterprises of their area, supervisors everyone's. `inspect list`, `inspect show`
# (a plan not seen is as good as absent), the 360 view and the report.
qifu=$1
. "$(dirname "$0")/lib.sh"
db=$tmpdir/i.db
q() { "$qifu" --db "$db" "$@"; }
sql() { sqlite3 "$db" "$1"; }

expect_rc 0 --db "$db" demo --enterprises 30 --appeals 4 --role admin
q staff add --login yj --name 应急 --unit 区应急局 --role unit_staff >/dev/null
q staff add --login kj --name 科经 --unit 区科经局 --role unit_staff >/dev/null
q staff add --login mq --name 麻丘 --unit 麻丘镇 --role area_officer --area 麻丘镇 >/dev/null
q staff add --login sup --name 督办 --unit 区科经局 --role supervisor >/dev/null
q staff add --login ld --name 分管 --unit 区党工委 --role leader --level 2 --oversees 区建管局 >/dev/null

all=$(sql "SELECT count(*) FROM inspection")
yj=$(sql "SELECT count(*) FROM inspection WHERE unit = '区应急局'")
jg=$(sql "SELECT count(*) FROM inspection WHERE unit = '区建管局'")
mq=$(sql "SELECT count(DISTINCT ie.inspection_id) FROM inspection_enterprise ie JOIN enterprise e ON e.id = ie.enterprise_id WHERE e.area = '麻丘镇'")
[ "$yj" -gt 0 ] && [ "$jg" -gt 0 ] && [ "$mq" -gt 0 ] && [ "$yj" -lt "$all" ] ||
	fail "the demo's plans do not tell the roles apart: $all $yj $jg $mq"
# rows of inspect list --format csv, less the header
rows() { expect_rc 0 --db "$db" --as "$1" inspect list --format csv; echo $(($(wc -l <"$out") - 1)); }
[ "$(rows sup)" = "$all" ] || fail "the supervisor sees $(rows sup) plans, want $all"
[ "$(rows yj)" = "$yj" ] || fail "区应急局's staff see $(rows yj) plans, want $yj"
[ "$(rows kj)" = 0 ] || fail "区科经局's staff see $(rows kj) plans, want none"
[ "$(rows mq)" = "$mq" ] || fail "麻丘镇's officer sees $(rows mq) plans, want $mq"
[ "$(rows ld)" = "$jg" ] || fail "the leader over 区建管局 sees $(rows ld) plans, want $jg"
expect_rc 0 --db "$db" --as yj inspect list --format csv
stdout_lacks "区建管局"
stdout_lacks "高新市场监管局"

# one plan of another unit: absent for 区应急局's staff, there for the supervisor
other=$(sql "SELECT id FROM inspection WHERE unit <> '区应急局' ORDER BY id LIMIT 1")
mine=$(sql "SELECT id FROM inspection WHERE unit = '区应急局' ORDER BY id LIMIT 1")
expect_rc 1 --db "$db" --as yj inspect show "$other"
stderr_has "no inspection $other"
expect_rc 0 --db "$db" --as yj inspect show "$mine"
expect_rc 0 --db "$db" --as sup inspect show "$other"
# nor can it be moved by naming it
expect_rc 1 --db "$db" --as yj inspect cancel "$other" --reason 重复
stderr_has "no inspection $other"

# the 360 view of an enterprise lists only the plans the member sees
ent=$(sql "SELECT e.uscc FROM enterprise e JOIN inspection_enterprise ie ON ie.enterprise_id = e.id JOIN inspection i ON i.id = ie.inspection_id WHERE i.unit <> '区应急局' ORDER BY e.id LIMIT 1")
their=$(sql "SELECT i.unit FROM enterprise e JOIN inspection_enterprise ie ON ie.enterprise_id = e.id JOIN inspection i ON i.id = ie.inspection_id WHERE e.uscc = '$ent' AND i.unit <> '区应急局' LIMIT 1")
expect_rc 0 --db "$db" --as sup enterprise show "$ent" --full --format csv
stdout_has "inspections,1,,unit,$their"
expect_rc 0 --db "$db" --as yj enterprise show "$ent" --full --format csv
stdout_lacks "inspections,1,,unit,$their"

# the report: the leader reads the rows of the units they oversee
expect_rc 0 --db "$db" --as ld report inspections --format csv
stdout_has "区建管局"
stdout_lacks "区应急局"
expect_rc 0 --db "$db" --as sup report inspections --format csv
stdout_has "区建管局"
stdout_has "区应急局"
finish
