#!/bin/sh
# The workday and uscc commands as scripts see them: stdout, stderr and exit codes of
# the real binary. $1 is the qifu executable; meson sets QIFU_DATA_DIR and LANG.
qifu=$1
. "$(dirname "$0")/lib.sh"

expect 0 2026-02-14 workday add 2026-02-13 1
stderr_empty
expect 0 2026-02-24 workday add 2026-02-14 1
expect 0 2026-02-24 workday add 2026-02-15 1
expect 0 2026-10-09 workday add 2026-09-22 7
expect 0 2026-09-20 workday add 2026-09-19 1
expect 0 2026-02-13 workday add 2026-02-13 0
# 2027 has no notice: its statutory days count, provisional (元旦 2027-01-01)
expect 0 2027-01-05 workday add 2026-12-31 2
stderr_has "2027 has no State Council notice yet"
stderr_has "暂定"
expect 0 2027-01-05 workday add 2026-12-30 3
expect 0 2027-02-09 workday add 2027-02-04 1

expect 0 2 workday between 2026-02-13 2026-02-24
stderr_empty
expect 0 -2 workday between 2026-02-24 2026-02-13
expect 0 0 workday between 2026-02-15 2026-02-23
expect 0 248 workday between 2025-12-31 2026-12-31
stderr_empty
expect 0 254 workday between 2026-12-31 2027-12-31
stderr_has "2027 has no State Council notice yet"
expect 0 -496 workday between 2026-12-31 2024-12-31
stderr_has "2024 has no holiday notice and no statutory table: only weekends"
expect 0 1005 workday between 2026-12-31 2030-12-31
stderr_has "2027-2030 have no State Council notice yet"
expect 0 783 workday between 2040-12-31 2043-12-31
stderr_has "2040 has no State Council notice yet"
stderr_has "2041-2043 have no holiday notices and no statutory table"

expect 0 workday workday is 2026-03-09
stderr_empty
expect 0 weekend workday is 2026-03-07
expect 0 "holiday 春节" workday is 2026-02-16
expect 0 "makeup-workday 春节" workday is 2026-02-14
expect 0 "makeup-workday 国庆节" workday is 2026-09-20
expect 0 "holiday 国庆节、中秋节" workday is 2025-10-08
expect 0 "holiday 元旦 provisional" workday is 2027-01-01
stderr_has "2027 has no State Council notice yet"
expect 0 "holiday 春节 provisional" workday is 2027-02-05
expect 0 "holiday 中秋节、国庆节 provisional" workday is 2031-10-01
expect 0 weekend workday is 2027-01-02
expect 0 workday workday is 2041-01-01
stderr_has "2041 has no holiday notice"

expect 2 "" workday is 2026-02-30
stderr_has "DATE '2026-02-30'"
expect 2 "" workday add 2026-02-30 1
stderr_has "DATE '2026-02-30'"
expect 2 "" workday between 2026-01-01 2026-13-01
stderr_has "TO '2026-13-01'"
expect 2 "" workday add 2026-02-13 x
stderr_has "N 'x'"
expect 2 "" workday add 2026-02-13 1.5
stderr_has "N '1.5'"
expect 2 "" workday add 2026-02-13 -1
stderr_has "N '-1'"
expect 2 "" workday add 2026-02-13
stderr_has "workday add needs a date and a number of working days; see qifu workday --help"
expect 2 "" workday
expect 2 "" workday sometimes 2026-02-13
"$qifu" workday --help >"$out" 2>"$err"
rc=$?
if [ "$rc" != 0 ] || ! grep -q "qifu workday between" "$out"; then
	echo "FAIL: workday --help: exit $rc"
	fails=$((fails + 1))
fi

# a broken holiday directory stops the command with file:line
bad=$(mktemp -d)
printf 'holiday 2026-02-30 春节\n' >"$bad/2026.txt"
mkdir "$bad/holidays"
mv "$bad/2026.txt" "$bad/holidays/"
QIFU_DATA_DIR=$bad "$qifu" workday is 2026-02-14 >"$out" 2>"$err"
rc=$?
[ "$rc" = 2 ] || { echo "FAIL: broken holiday file: exit $rc"; fails=$((fails + 1)); }
stderr_has "2026.txt:1: 2026-02-30 is not a real calendar date"
rm -r "$bad"

expect 0 valid uscc check 91440300708461136T
stderr_empty
expect 0 valid uscc check 914403001922038216
expect 0 valid uscc check "9111 0000 6000 3734 1l"
expect 0 valid uscc check "９１４４０３００７０８４６１１３６Ｔ"
expect 1 invalid uscc check 914403001922038217
stderr_has "position 18: check character is 7, expected 6"
expect 1 invalid uscc check 914403001922038229
stderr_has "position 17: organisation code check character is 2, expected 1"
expect 1 invalid uscc check 9144030070846113
stderr_has "18 characters"
expect 2 "" uscc check
expect 2 "" uscc

finish
