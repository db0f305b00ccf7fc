#!/bin/sh
# The annual assessment (年度综合考核) through the command line: a year combined only
# from four frozen quarters, the two rules of the [assessment] year_rule and the tier
# thresholds of the settings (figures worked out by hand below), the supervision
# figures of the year beside, the formats, the freeze that keeps the year as it was,
# and who may do what.
qifu=$1
with_xlsx=$2
. "$(dirname "$0")/lib.sh"
db=$tmpdir/y.db
q() { "$qifu" --db "$db" "$@"; }
q init >/dev/null
q staff add --login sup --name 督办 --unit 区科经局 --role supervisor >/dev/null
q staff add --login ld --name 领导 --unit 区党工委 --role leader --level 1 >/dev/null
q staff add --login fd --name 王芳 --unit 区企服中心 --role frontdesk >/dev/null
q staff add --login kj --name 科一 --unit 区科经局 --role unit_staff >/dev/null
q enterprise add --name 甲公司 --uscc 914403001922038216 --area 昌东镇 --category industry >/dev/null
q enterprise add --name 乙公司 --uscc 91440300708461136T --area 麻丘镇 --category industry >/dev/null
r() { q --as fd rating add --enterprise "$1" --unit "$2" --quarter "$3" --score "$4" >/dev/null || fail "rating $*"; }
A=914403001922038216 B=91440300708461136T
# 区科经局: Q1 83 and 70 (76.5), Q2 86, Q3 89, Q4 92: mean of the quarters 85.875 -> 85.9,
# all its ratings 420/5 = 84.0
r $A 区科经局 2026Q1 83; r $B 区科经局 2026Q1 70
r $A 区科经局 2026Q2 86; r $A 区科经局 2026Q3 89; r $A 区科经局 2026Q4 92
# 区投促局: Q2 90 and 100 (95.0), Q4 84: mean 89.5 (tier 2), all ratings 274/3 = 91.3 (tier 1)
r $A 区投促局 2026Q2 90; r $B 区投促局 2026Q2 100; r $A 区投促局 2026Q4 84
# one appeal dispatched to 区建管局 in the year, for the supervision figures
expect_rc 0 --db "$db" --as fd appeal new --enterprise $A --title 厂区道路积水 --kind general --channel phone
n=$(cut -d' ' -f1 "$out")
expect_rc 0 --db "$db" --as fd appeal dispatch "$n" --unit 区建管局

# a year with a quarter not frozen names it
expect_rc 0 --db "$db" --as sup quarter freeze 2026Q1
expect_rc 0 --db "$db" --as sup quarter freeze 2026Q3
expect_rc 1 --db "$db" --as sup report year 2026
stderr_has "not frozen yet: 2026Q2、2026Q4 (qifu quarter freeze)"
expect_rc 1 --db "$db" --as sup report year 2026 --freeze
stderr_has "not frozen yet: 2026Q2、2026Q4"
expect_rc 0 --db "$db" --as sup quarter freeze 2026Q2
expect_rc 0 --db "$db" --as sup quarter freeze 2026Q4

expect_rc 0 --db "$db" --as sup report year 2026 --format csv
stdout_has "unit,q1,q2,q3,q4,count,score,tier,received,signed_on_time,returned,answered_on_time,satisfied"
stdout_has "区科经局,76.5,86.0,89.0,92.0,5,85.9,2,0,,,,"
stdout_has "区投促局,,95.0,,84.0,3,89.5,2,0,,,,"
stdout_has "区建管局,,,,,0,,,1,0.0%,0.0%,,"
stdout_has "区社发局,,,,,0,,,0,,,,"
expect_rc 0 --db "$db" --as ld report year 2026
stdout_has "Annual assessment 2026"
stdout_has "the mean of the quarterly means of its four frozen quarters; tier 1 from 90, tier 2 from 80."
stdout_has "区科经局     76.5 86.0 89.0 92.0       5  85.9 tier 2"
stdout_has "Supervision figures of the appeals dispatched in 2026, as of 2026-12-01"
stdout_has "区建管局            1           0.0%        0.0%                -         -"
# the tier trend (issue 19): a row per rated unit, the sparkline from 70 (ten points
# under tier 2) to 100: 76.5 is level 1 + 0.65*... = 3 (▃), 86.0 and 89.0 level 5 (▅),
# 92.0 level 6 (▆); 区投促局 95.0 level 7 (▇), 84.0 level 4 (▄), blanks for Q1 and Q3
stdout_has "Tier per quarter of 2026; the line: each quarter's mean, from 70 to 100"
stdout_has "区科经局 tier 3 tier 2 tier 2 tier 1 ▃▅▅▆   76.5  86.0  89.0  92.0"
stdout_has "区投促局 -      tier 1 -      tier 2  ▇ ▄      -  95.0     -  84.0"
stdout_lacks "区社发局 -"
# and in ASCII where the locale is not UTF-8
LC_ALL=C expect_rc 0 --db "$db" --as ld report year 2026
stdout_has "区科经局 tier 3 tier 2 tier 2 tier 1 :==+   76.5  86.0  89.0  92.0"
# the quarterly report, Q1 to Q2 so far
expect_rc 0 --db "$db" --as ld report quarter 2026Q2
stdout_has "区科经局 tier 3 tier 2 ▃▅     76.5  86.0"
expect_rc 0 --db "$db" --as sup report year 2026 --format json
stdout_has '"unit": "区投促局", "q1": "", "q2": "95.0", "q3": "", "q4": "84.0", "count": 3, "score": "89.5", "tier": 2'
stdout_has '"unit": "区社发局", "q1": "", "q2": "", "q3": "", "q4": "", "count": 0, "score": "", "tier": null'

# the rule and the thresholds are settings
printf '[assessment]\nyear_rule = weighted\n' > "$tmpdir/weighted.ini"
expect_rc 0 --db "$db" --config "$tmpdir/weighted.ini" --as sup report year 2026 --format csv
stdout_has "区科经局,76.5,86.0,89.0,92.0,5,84.0,2,"
stdout_has "区投促局,,95.0,,84.0,3,91.3,1,"
printf '[assessment]\ntier1_min = 85\ntier2_min = 70\n' > "$tmpdir/tiers.ini"
expect_rc 0 --db "$db" --config "$tmpdir/tiers.ini" --as sup report year 2026 --format csv
stdout_has "区科经局,76.5,86.0,89.0,92.0,5,85.9,1,"
printf '[assessment]\nyear_rule = median\n' > "$tmpdir/bad.ini"
# a word that is no rule is a warning, and the default stands
expect_rc 0 --db "$db" --config "$tmpdir/bad.ini" --as sup report year 2026 --format csv
stderr_has '"median" is not one of: mean, weighted'
stdout_has "区投促局,,95.0,,84.0,3,89.5,2,"

# the workbook for 区组织部
if [ "$with_xlsx" = xlsx ]; then
	expect_rc 0 --db "$db" --as sup report year 2026 --format xlsx --output "$tmpdir/year.xlsx"
	stdout_has "wrote the annual assessment to $tmpdir/year.xlsx"
	python3 - "$tmpdir/year.xlsx" <<'PY' || fail "the workbook lacks the year's rows"
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
text = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
for want in ("Annual assessment 2026", "区科经局", "85.9", "tier 2", "Signed on time"):
    assert want in text, want
# the tier trend: a sheet of the rated units' quarterly means with a line chart
import re
c = z.read("xl/charts/chart1.xml").decode()
assert "<c:lineChart>" in c, "no line chart"
refs = re.findall(r"<c:f>([^<]*)</c:f>", c)
assert refs[:3] == ["'Tier trend'!$A$3", "'Tier trend'!$B$2:$E$2", "'Tier trend'!$B$3:$E$3"], refs
assert len(refs) == 6, refs  # 区科经局 and 区投促局
s2 = z.read("xl/worksheets/sheet2.xml").decode()
for want in ("区科经局", "<v>76.5</v>", "<v>92</v>", "tier 3", "区投促局", "<v>95</v>"):
    assert want in s2, want
PY
fi

# who may, and bad input
expect_rc 1 --db "$db" --as kj report year 2026
stderr_has "reports are for supervisors"
expect_rc 2 --db "$db" --as sup report year 26
stderr_has "'26' is not a year like 2026"
expect_rc 2 --db "$db" --as sup report year 2026 --format xml
expect_rc 2 --db "$db" --as sup report year 2026 --format csv --output "$tmpdir/x.csv"
stderr_has "--output is for --format xlsx"
expect_rc 2 --db "$db" --as sup report year 2026 --freeze --format csv
expect_rc 2 --db "$db" --as sup report year
stderr_has "the year (like 2026)"

# the freeze: supervisors, once; afterwards the year reads as it was frozen, whatever
# the settings say now, and the database refuses to change it
expect_rc 1 --db "$db" --as fd report year 2026 --freeze
stderr_has "only a supervisor may freeze a year's assessment"
expect_rc 1 --db "$db" --as ld report year 2026 --freeze
expect_rc 0 --db "$db" --as sup report year 2026 --freeze
stdout_has "year 2026 frozen: its scores and tiers can no longer change"
expect_rc 1 --db "$db" --as sup report year 2026 --freeze
stderr_has "The year 2026 is already frozen."
expect_rc 0 --db "$db" --config "$tmpdir/weighted.ini" --as sup report year 2026
stdout_has "Annual assessment 2026 (frozen 2026-12-01 by sup)"
stdout_has "the mean of the quarterly means"
stdout_has "区科经局     76.5 86.0 89.0 92.0       5  85.9 tier 2"
stdout_has "as of 2026-12-01"
# an appeal dispatched after the freeze does not move the frozen figures
expect_rc 0 --db "$db" --as fd appeal new --enterprise $B --title 用电增容 --kind general --channel phone
n=$(cut -d' ' -f1 "$out")
expect_rc 0 --db "$db" --as fd appeal dispatch "$n" --unit 区建管局
expect_rc 0 --db "$db" --as sup report year 2026 --format csv
stdout_has "区建管局,,,,,0,,,1,"
stdout_has "区投促局,,95.0,,84.0,3,89.5,2,"
if sqlite3 "$db" "DELETE FROM year_result" 2>/dev/null; then fail "the database let a frozen year change"; fi
if sqlite3 "$db" "UPDATE year_freeze SET rule = 'weighted'" 2>/dev/null; then fail "the database let a frozen year's rule change"; fi
n=$(sqlite3 "$db" "SELECT count(*) FROM event WHERE entity = 'year' AND entity_id = 2026 AND action = 'freeze'")
[ "$n" = 1 ] || fail "$n year freeze events, want 1"

finish
