#!/bin/sh
# qifu inspect check and qifu calendar as scripts and officials see them: exact stdout,
# stderr and exit codes of the real binary. $1 is the qifu executable; meson sets
# QIFU_DATA_DIR, QIFU_LOCALEDIR, QIFU_TODAY=2026-12-01 and LANG=C.UTF-8.
qifu=$1
. "$(dirname "$0")/lib.sh"

check() {
	"$qifu" inspect check "$@"
}

# ---- inspect check: the verdict ----
expect 0 allowed inspect check --date 2026-03-24 --reason general --registered-on 2026-03-02
stderr_empty
expect 1 "refused: quiet day — first allowed date 2026-03-24 (Tue), or a quiet-day exempt reason" \
	inspect check --date 2026-03-23 --reason general --registered-on 2026-03-02
stderr_empty
expect 1 "refused: quiet day, advance filing — first allowed date 2026-03-24 (Tue)" \
	inspect check --date 2026-03-05 --reason general --registered-on 2026-03-02
expect 0 allowed inspect check --date 2026-03-05 --reason safety --registered-on 2026-03-02
expect 0 allowed inspect check --date 2026-03-16 --reason food_drug --registered-on 2026-03-02
# the 7th working day after Thursday 2026-09-24 falls after National Day: 2026-10-12
expect 0 allowed inspect check --date 2026-10-12 --reason food_drug --registered-on 2026-09-24
expect 1 "refused: advance filing — first allowed date 2026-10-12 (Mon)" \
	inspect check --date 2026-10-11 --reason food_drug --registered-on 2026-09-24
expect 1 "refused: advance filing — first allowed date 2026-10-24 (Sat)" \
	inspect check --date 2026-09-28 --reason general --registered-on 2026-09-24
# and across the Spring Festival: Tuesday 2026-02-10 + 7 working days = 2026-02-26
expect 0 allowed inspect check --date 2026-02-26 --reason general --registered-on 2026-02-10
expect 1 "refused: advance filing — first allowed date 2026-02-26 (Thu)" \
	inspect check --date 2026-02-25 --reason general --registered-on 2026-02-10
# emergencies may be registered up to 10 natural days after the fact, nothing else may
expect 0 allowed inspect check --date 2026-03-10 --reason emergency --registered-on 2026-03-20
expect 1 "refused: emergency registration deadline — first allowed date 2026-03-10 (Tue)" \
	inspect check --date 2026-03-09 --reason emergency --registered-on 2026-03-20
expect 1 "refused: registration before inspection — first allowed date 2026-03-20 (Fri)" \
	inspect check --date 2026-03-19 --reason complaint --registered-on 2026-03-20
# registration defaults to today (QIFU_TODAY, or --today)
expect 0 allowed inspect check --date 2026-12-24 --reason general
expect 1 "refused: quiet day, advance filing — first allowed date 2026-12-24 (Thu)" \
	inspect check --date 2026-12-09 --reason general
expect 1 "refused: quiet day — first allowed date 2026-03-24 (Tue), or a quiet-day exempt reason" \
	--today 2026-03-02 inspect check --date 2026-03-16 --reason general
expect 0 allowed inspect check --date=2026-12-24 --reason=general

# --explain: one line per rule that concerns the reason
expect_file 1 inspect check --date 2026-03-05 --reason general --registered-on 2026-03-02 --explain <<'TXT'
refused: quiet day, advance filing — first allowed date 2026-03-24 (Tue)
  registration before inspection: passed (registered on 2026-03-02)
  quiet day: refused (days 1-23 of every month)
  advance filing: refused (on or after 2026-03-11, working day 7 after the registration on 2026-03-02)
TXT
expect_file 0 inspect check --date 2026-03-12 --reason emergency --registered-on 2026-03-20 --explain <<'TXT'
allowed
  emergency registration deadline: passed (on or after 2026-03-10, at most 10 days before the registration on 2026-03-20)
  quiet day: exempt (days 1-23 of every month)
  advance filing: exempt (on or after 2026-03-31, working day 7 after the registration on 2026-03-20)
TXT

# translated, rule names included
LANGUAGE=zh_CN expect 1 "不允许：企业安静日——最早可检查日期：2026-03-24（周二）；或者检查事由须不受安静日限制" \
	inspect check --date 2026-03-23 --reason general --registered-on 2026-03-02
LANGUAGE=zh_CN expect 0 "允许" inspect check --date 2026-03-24 --reason general --registered-on 2026-03-02

# a year without a holiday file is counted by weekends, with a warning
expect 0 allowed inspect check --date 2027-03-24 --reason general --registered-on 2027-03-01
has "$err" "2027 has no State Council notice yet"

# ---- inspect check: bad input exits 2 and lists the reasons ----
expect 2 "" inspect check --date 2026-02-30 --reason general
has "$err" "--date: '2026-02-30' is not a real date"
has "$err" "general          一般性检查"
has "$err" "unannounced      突击检查    filing-exempt"
expect 2 "" inspect check --date 2026-3-5 --reason general
has "$err" "--date: '2026-3-5'"
expect 2 "" inspect check --date 2026-03-05 --reason routine
has "$err" "unknown inspection reason 'routine'"
has "$err" "emergency        突发事件    quiet-day exempt  filing-exempt  may be registered after the fact"
expect 2 "" inspect check --date 2026-03-05 --reason General
has "$err" "unknown inspection reason 'General'"
expect 2 "" inspect check --date 2026-03-05 --reason general --registered-on yesterday
has "$err" "--registered-on: 'yesterday'"
expect 2 "" inspect check --date 2026-03-05
has "$err" "inspect check: --reason is required; see qifu inspect --help"
expect 2 "" inspect check --reason general
expect 2 "" inspect check --date 2026-03-05 --reason general extra
expect 2 "" inspect check --date 2026-03-05 --reason general --frobnicate
expect 2 "" inspect
has "$err" "usage: qifu inspect SUBCOMMAND"
expect 2 "" inspect frobnicate
has "$err" "unknown subcommand 'frobnicate'"
"$qifu" inspect --help >"$out" 2>"$err" || fail "inspect --help: exit $?"
has "$out" "check"
"$qifu" inspect check --help >"$out" 2>"$err" || fail "inspect check --help: exit $?"
has "$out" "--registered-on"
has "$out" "food_drug        食药安全    quiet-day exempt"

# a broken reason table stops the command with file:line
bad=$(mktemp -d)
cp -r "$QIFU_DATA_DIR/holidays" "$bad/"
printf 'general\t一般性检查\tno\tsometimes\n' >"$bad/inspect_reasons.tsv"
QIFU_DATA_DIR=$bad "$qifu" inspect check --date 2026-03-24 --reason general >"$out" 2>"$err"
rc=$?
[ "$rc" = 2 ] || fail "broken reason table: exit $rc"
has "$err" "inspect_reasons.tsv:1: unknown flag 'sometimes' for reason 'general'"
rm -r "$bad"

# ---- calendar ----
expect_file 0 calendar 2026-02 <<'TXT'
2026/2
 Mo       Tu       We       Th       Fr       Sa       Su
                                                        1*
  2*       3*       4*       5*       6*       7*       8*
  9*      10*      11*      12*      13*      14*work  15*off
 16*off   17*off   18*off   19*off   20*off   21*off   22*off
 23*off   24       25       26       27       28 work
off holiday  work make-up working day  * quiet day (days 1-23, no general inspections)  [ ] today
TXT
stderr_empty
LANGUAGE=zh_CN expect_file 0 calendar 2026-10 <<'TXT'
2026年10月
 一     二     三     四     五     六     日
                       1*休   2*休   3*休   4*休
  5*休   6*休   7*休   8*     9*    10*班  11*
 12*    13*    14*    15*    16*    17*    18*
 19*    20*    21*    22*    23*    24     25
 26     27     28     29     30     31
休 节假日  班 调休上班  * 企业安静日（每月 1-23 日，不开展一般性检查）  [ ] 今天
TXT
# no month: this month, today in brackets
expect_file 0 calendar <<'TXT'
2026/12
 Mo       Tu       We       Th       Fr       Sa       Su
         [ 1*    ]  2*       3*       4*       5*       6*
  7*       8*       9*      10*      11*      12*      13*
 14*      15*      16*      17*      18*      19*      20*
 21*      22*      23*      24       25       26       27
 28       29       30       31
off holiday  work make-up working day  * quiet day (days 1-23, no general inspections)  [ ] today
TXT
"$qifu" calendar 2027-02 >"$out" 2>"$err" || fail "calendar 2027-02: exit $?"
has "$err" "2027 has no State Council notice yet"
has "$out" " 22*      23*      24       25       26       27       28"
# 除夕 to 初三 of 2027, provisional: their own mark, explained in the legend
has "$out" "  5*off?   6*off?   7*off?"
has "$out" "  8*off?   9*      10*"
has "$out" "off? provisional rest day (暂定: no State Council notice yet)"
LANGUAGE=zh_CN "$qifu" calendar 2027-02 >"$out" 2>"$err" || fail "calendar 2027-02 (zh_CN): exit $?"
has "$out" "暂 暂定休息日（尚无国务院放假通知）"
expect 2 "" calendar 2026-13
has "$err" "'2026-13' is not a month of the form YYYY-MM"
expect 2 "" calendar 2026-2
expect 2 "" calendar 2026-02-01
expect 2 "" calendar 2026-02 2026-03
has "$err" "calendar: unexpected argument '2026-03'"
"$qifu" calendar --help >"$out" 2>"$err" || fail "calendar --help: exit $?"
has "$out" "usage: qifu calendar [YYYY-MM]"

finish
