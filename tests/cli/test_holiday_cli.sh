#!/bin/sh
# The working calendar as data: init seeds the shipped notices into the database, a year
# without a notice lists its statutory days as provisional, check names each year's
# source, and a notice for 2027 imported with --yes replaces the provisional days (the
# Spring Festival appeal's due date moves with it, in the same transaction, and the
# event log says who and which notice). Bad notices are refused naming file:line and
# write nothing. $1 is the qifu executable.
qifu=$1
. "$(dirname "$0")/lib.sh"
db=$tmpdir/q.db
sql() { sqlite3 "$db" "$1"; }
check() {
	if [ "$1" != "$2" ]; then
		echo "FAIL: $3: got '$1', want '$2'"
		fails=$((fails + 1))
	fi
}

expect_rc 0 --db "$db" --today 2027-01-28 init
check "$(sql "SELECT group_concat(year || ':' || source, ' ') FROM holiday_notice")" "2025:2025.txt 2026:2026.txt" "init seeds the shipped notices"
check "$(sql "SELECT count(*) FROM event WHERE entity = 'holiday' AND action = 'seed'")" "2" "one seed event per year"

# a year without a notice: its statutory days, provisional
expect_rc 0 --db "$db" holiday list 2027 --format csv
stdout_has "2027-02-05,Fri,holiday,春节,provisional"
stdout_has "2027-10-03,Sun,holiday,国庆节,provisional"
expect_rc 0 --db "$db" holiday list 2026 --format json
stdout_has '"date": "2026-02-14", "weekday": "Sat", "kind": "makeup-workday", "name": "春节", "source": "notice"'
expect_rc 0 --db "$db" holiday list 2027
stdout_has "2027: provisional"
LANGUAGE=zh_CN expect_rc 0 --db "$db" holiday list 2031
stdout_has "中秋节、国庆节"
stdout_has "暂定"
expect_rc 2 --db "$db" holiday list 27
stderr_has "YEAR '27'"
expect_rc 0 --db "$db" --today 2026-12-06 check
stdout_has "holidays 2026: notice:"
stdout_has "holidays 2027: provisional"

# an appeal registered on 2027-01-28 and dispatched on 2027-02-03: the simple limit of
# 3 working days skips the provisional 02-05..02-08 (除夕 to 初三)
me=$(id -un)
expect_rc 0 --db "$db" staff add --login fd --name 前台 --unit 区企服中心 --role frontdesk
uscc=91440300708461136T
expect_rc 0 --db "$db" --as fd enterprise add --name 测试科技有限公司 --uscc $uscc --area 麻丘镇 --category trade
expect_rc 0 --db "$db" --today 2027-02-03 --as fd appeal new --enterprise "$uscc" --title 春节前诉求 --kind general --channel phone
n=$(sed -n '1s/ .*//p' "$out")
expect_rc 0 --db "$db" --today 2027-02-03 --as fd appeal dispatch "$n" --unit 区投促局
stdout_has "2027-02-10"
stderr_has "2027 has no State Council notice yet"

# the notice: 春节 02-06..02-13 with make-up Sundays 02-14 and 02-20 (a test fixture,
# shaped as the State Council publishes them)
cat >"$tmpdir/2027.txt" <<'TXT'
notice: 测试用 2027 年放假安排
holiday 2027-01-01..2027-01-03 元旦
holiday 2027-02-06..2027-02-13 春节
workday 2027-02-14 春节
workday 2027-02-20 春节
TXT
expect_rc 0 --db "$db" --today 2027-02-03 holiday import "$tmpdir/2027.txt"
stdout_has "it replaces: the provisional statutory days"
stdout_has "2027-02-05 Fri  public holiday 春节 -> working day"
stdout_has "2027-02-09 Tue  working day -> public holiday 春节"
stdout_has "$n  测试科技有限公司"
stdout_has "2027-02-10 -> 2027-02-14"
stdout_has "nothing was written"
check "$(sql "SELECT count(*) FROM holiday_notice WHERE year = 2027")" "0" "the preview writes nothing"
expect_rc 0 --db "$db" --today 2027-02-03 holiday import "$tmpdir/2027.txt" --yes
stdout_has "1 appeal's due dates recomputed"
check "$(sql "SELECT next_due FROM appeal WHERE number = '$n'")" "2027-02-14" "the due date moved: the make-up Sunday counts"
check "$(sql "SELECT actor FROM event WHERE entity = 'holiday' AND entity_id = 2027 AND action = 'import'")" "$me" "the import's event names who"
check "$(sql "SELECT reason FROM event WHERE entity = 'appeal' AND action = 'recompute'")" "holiday notice 2027 (2027.txt)" "the appeal's event names the notice"
expect 0 "workday" --db "$db" workday is 2027-02-05
stderr_empty
expect 0 "makeup-workday 春节" --db "$db" workday is 2027-02-14
expect_rc 0 --db "$db" holiday list 2027 --format csv
stdout_has "2027-02-14,Sun,makeup-workday,春节,notice"

# bad notices: refused with file:line, nothing written
printf 'holiday 2027-02-30 春节\n' >"$tmpdir/bad.txt"
expect_rc 2 --db "$db" holiday import "$tmpdir/bad.txt" --yes
stderr_has "bad.txt:1: 2027-02-30 is not a real calendar date"
printf 'holiday 2027-03-01 甲\nholiday 2028-03-01 乙\n' >"$tmpdir/bad2.txt"
expect_rc 2 --db "$db" holiday import "$tmpdir/bad2.txt" --yes
stderr_has "bad2.txt:2: 2028-03-01 lies outside 2027"
printf 'workday 2027-03-03 甲\n' >"$tmpdir/2027.txt"
expect_rc 2 --db "$db" holiday import "$tmpdir/2027.txt" --yes
stderr_has "2027.txt:1: make-up working day 2027-03-03 is not a Saturday or Sunday"
expect_rc 2 --db "$db" holiday import "$tmpdir/missing.txt"
stderr_has "missing.txt: cannot open"
check "$(sql "SELECT count(*) FROM holiday_day WHERE year = 2027")" "13" "a refused import changes nothing"
expect_rc 1 --db "$db" --as fd holiday import "$tmpdir/bad.txt"
stderr_has "only an administrator"
finish
