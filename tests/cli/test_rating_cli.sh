#!/bin/sh
# Quarterly ratings (DOMAIN §5) through the command line: recording, refusals, the
# per-unit report with its tiers (figures worked out by hand below), CSV import,
# freezing a quarter, and who may do what.
qifu=$1
. "$(dirname "$0")/lib.sh"
db=$tmpdir/r.db
q() { "$qifu" --db "$db" "$@"; }
q init >/dev/null
q staff add --login sup --name 督办 --unit 区科经局 --role supervisor >/dev/null
q staff add --login fd --name 王芳 --unit 区企服中心 --role frontdesk >/dev/null
q staff add --login kj --name 科一 --unit 区科经局 --role unit_staff >/dev/null
q enterprise add --name 甲公司 --uscc 914403001922038216 --area 昌东镇 --category industry >/dev/null
q enterprise add --name 乙公司 --uscc 91440300708461136T --area 麻丘镇 --category industry >/dev/null
q enterprise add --name 丙公司 --uscc 91110000600037341L --area 麻丘镇 --category trade >/dev/null
q enterprise add --name 丁公司 --uscc 91360100234567894C --area 麻丘镇 --category construction >/dev/null

# 区科经局: 95 and 84 -> mean 89.5, tier 2; 区投促局: 90 -> tier 1; 区建管局: 79 -> tier 3
expect_rc 0 --db "$db" --as fd rating add --enterprise 914403001922038216 --unit 区科经局 --quarter 2026Q4 --score 95 --comment 响应及时
expect_rc 0 --db "$db" --as fd rating add --enterprise 91440300708461136T --unit 区科经局 --quarter 2026q4 --score 84
expect_rc 0 --db "$db" --as fd rating add --enterprise 91440300708461136T --unit 区投促局 --quarter 2026Q4 --score 90
expect_rc 0 --db "$db" --as fd rating add --enterprise 91360100234567894C --unit 区建管局 --quarter 2026Q4 --score 79
expect_rc 1 --db "$db" --as fd rating add --enterprise 914403001922038216 --unit 区科经局 --quarter 2026Q4 --score 60
stderr_has "already rated 区科经局 for 2026Q4 (score 95)"
expect_rc 1 --db "$db" --as kj rating add --enterprise 914403001922038216 --unit 区投促局 --quarter 2026Q4 --score 60
stderr_has "record ratings"
expect_rc 2 --db "$db" rating add --enterprise 914403001922038216 --unit 区科经局 --quarter 2026Q5 --score 60
expect_rc 2 --db "$db" rating add --enterprise 914403001922038216 --unit 区科经局 --quarter 2026Q3 --score 101
expect_rc 2 --db "$db" rating add --enterprise 914403001922038216 --unit 区科经局 --quarter 2026Q3 --score 九十
expect_rc 2 --db "$db" rating add --enterprise 914403001922038216 --unit 外星局 --quarter 2026Q3 --score 90
expect_rc 1 --db "$db" rating add --enterprise 91360117914177769G --unit 区科经局 --quarter 2026Q3 --score 90
stderr_has "no enterprise"
expect_rc 1 --db "$db" rating add --enterprise 914403001922038216 --unit 区科经局 --quarter 2027Q1 --score 90
stderr_has "2027-01-01"

# an enterprise rates only the units that serve it: lead, cooperating, or the unit
# that handled its appeals that quarter (丙公司, trade: 区投促局 with 区科经局, 区党政办)
expect_rc 1 --db "$db" --as fd rating add --enterprise 91110000600037341L --unit 区社发局 --quarter 2026Q4 --score 70
stderr_has "区社发局 does not serve 丙公司"
stderr_has "the enterprise rates 区投促局、区科经局、区党政办."
expect_rc 1 --db "$db" --as fd rating add --enterprise 914403001922038216 --unit 区建管局 --quarter 2026Q4 --score 70
stderr_has "handled none of its appeals in 2026Q4"
expect_rc 0 --db "$db" --as fd appeal new --enterprise 914403001922038216 --title 厂区道路积水 --kind general --channel phone
n=$(cut -d' ' -f1 "$out")
expect_rc 0 --db "$db" --as fd appeal dispatch "$n" --unit 区建管局
# the appeal was registered in 2026Q4: 区建管局 did not serve 甲公司 in 2026Q3
expect_rc 1 --db "$db" --as fd rating add --enterprise 914403001922038216 --unit 区建管局 --quarter 2026Q3 --score 70
stderr_has "in 2026Q3; the enterprise rates 区科经局、区投促局."
expect_rc 0 --db "$db" --as fd rating add --enterprise 914403001922038216 --unit 区建管局 --quarter 2026Q4 --score 70

expect_rc 0 --db "$db" --as sup report quarter 2026Q4 --format csv
stdout_has "区科经局,2,89.5,2,"
stdout_has "区投促局,1,90.0,1,"
stdout_has "区建管局,2,74.5,3,"
stdout_has "区社发局,0,,,"
expect_rc 0 --db "$db" --as sup report quarter 2026Q4
stdout_has "区科经局            2  89.5     2  ##################.."
expect_rc 0 --db "$db" --as sup report quarter 2026Q4 --format json
stdout_has '"unit": "区投促局", "count": 1, "mean": "90.0", "tier": 1'
expect_rc 1 --db "$db" --as kj report quarter 2026Q4
expect_rc 2 --db "$db" report quarter 2026-4
expect_rc 2 --db "$db" report units-of-nothing

# import: all or nothing
printf '统一社会信用代码,单位,季度,得分,意见\n91110000600037341L,区科经局,2026Q4,88,好\n91110000600037341L,区投促局,2026Q4,77,\n' > "$tmpdir/ok.csv"
printf '统一社会信用代码,单位,季度,得分\n91110000600037341L,区党政办,2026Q4,88\n91110000600037341L,区组织部,2026Q4,200\n' > "$tmpdir/bad.csv"
expect_rc 2 --db "$db" --as fd rating import "$tmpdir/bad.csv"
stderr_has "bad.csv:3: column 得分"
printf '统一社会信用代码,单位,季度,得分\n91110000600037341L,区建管局,2026Q4,88\n' > "$tmpdir/far.csv"
expect_rc 2 --db "$db" --as fd rating import "$tmpdir/far.csv"
stderr_has "far.csv:2: 区建管局 does not serve 丙公司"
n=$(sqlite3 "$db" "SELECT count(*) FROM rating WHERE unit='区党政办'")
[ "$n" = 0 ] || fail "a bad rating file imported rows"
expect_rc 0 --db "$db" --as fd rating import "$tmpdir/ok.csv" --dry-run
stdout_has "2 ratings checked"
expect_rc 0 --db "$db" --as fd rating import "$tmpdir/ok.csv"
stdout_has "imported 2 ratings"
expect_rc 0 --db "$db" --as sup rating list --quarter 2026Q4 --unit 区科经局 --format csv
stdout_has "丙公司,91110000600037341L,区科经局,88,好,fd,"

# freezing: supervisors only, once, then nothing changes
expect_rc 1 --db "$db" --as fd quarter freeze 2026Q4
expect_rc 0 --db "$db" --as sup quarter freeze 2026Q4
expect_rc 1 --db "$db" --as sup quarter freeze 2026Q4
expect_rc 1 --db "$db" --as fd rating add --enterprise 91110000600037341L --unit 区党政办 --quarter 2026Q4 --score 90
stderr_has "frozen"
if sqlite3 "$db" "DELETE FROM rating" 2>/dev/null; then fail "the database let a frozen quarter change"; fi
expect_rc 0 --db "$db" --as sup report quarter 2026Q4
stdout_has "(frozen)"
n=$(sqlite3 "$db" "SELECT count(*) FROM event WHERE action IN ('rating.add', 'freeze')")
[ "$n" = 8 ] || fail "$n rating events, want 8"

finish
