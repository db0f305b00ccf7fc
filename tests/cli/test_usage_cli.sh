#!/bin/sh
# The command line's manners, as git and apt users expect them: a mistyped command,
# subcommand or option names the one meant, a missing required option or argument is
# one line (exit 2) and not the whole usage, and `qifu help [COMMAND]` is `--help`.
# Nothing here needs a database: every mistake is caught before one is opened, which
# the missing --db file proves. $1 is the qifu executable.
qifu=$1
. "$(dirname "$0")/lib.sh"
db=$tmpdir/never-created.db

# one_line CODE MESSAGE ARGS...: exit CODE, nothing on stdout, exactly MESSAGE (after
# "qifu: ") as the one line on stderr
one_line() {
	want_rc=$1 want=$2
	shift 2
	"$qifu" --db "$db" "$@" >"$out" 2>"$err"
	rc=$?
	if [ "$rc" != "$want_rc" ] || [ -s "$out" ] || [ "$(cat "$err")" != "qifu: $want" ]; then
		echo "FAIL: qifu $*: exit $rc (want $want_rc), stdout '$(cat "$out")'"
		echo "  stderr: $(cat "$err")"
		echo "  want:   qifu: $want"
		fails=$((fails + 1))
	fi
}

# ---- did you mean …? ---------------------------------------------------------
one_line 2 "unknown command 'apeal'; did you mean 'appeal'?" apeal list
one_line 2 "unknown command 'enterprize'; did you mean 'enterprise'?" enterprize list
one_line 2 "unknown command 'Calendar'; did you mean 'calendar'?" Calendar
one_line 2 "unknown command 'frobnicate'; see qifu --help" frobnicate
one_line 2 "appeal: unknown subcommand 'lsit'; did you mean 'list'?" appeal lsit
one_line 2 "appeal: unknown subcommand 'dispach'; did you mean 'dispatch'?" appeal dispach 2026-000001 --unit 区科经局
one_line 2 "inspect: unknown subcommand 'regster'; did you mean 'register'?" inspect regster
one_line 2 "workday: unknown subcommand 'ad'; did you mean 'add'?" workday ad 2026-01-05 1
one_line 2 "visit: unknown subcommand 'frobnicate'; see qifu visit --help" visit frobnicate
one_line 2 "appeal list does not take --serch; did you mean --search?" appeal list --serch 华勤
one_line 2 "appeal list does not take --serch; did you mean --search?" appeal list --serch=华勤
one_line 2 "enterprise list does not take --categroy; did you mean --category?" enterprise list --categroy industry
one_line 2 "appeal list does not take --colour; see qifu appeal --help" appeal list --colour red
one_line 2 "appeal list does not take -x; see qifu appeal --help" appeal list -x
# an option of another subcommand, and one that several subcommands share a table for
one_line 2 "appeal sign does not take --reason; see qifu appeal --help" appeal sign 2026-000001 --reason x
one_line 2 "appeal escalate does not take --text; see qifu appeal --help" appeal escalate 2026-000001 --text x
one_line 2 "enterprise export does not take --format; see qifu enterprise --help" enterprise export out.csv --format csv
one_line 2 "appeal list: --s is ambiguous: --state, --search, --sort" appeal list --s x
one_line 2 "appeal list: --state needs a value; see qifu appeal --help" appeal list --state
one_line 2 "unknown global option '--dbb'; did you mean --db?" --dbb x appeal list
one_line 2 "unknown global option '--colour'; see qifu --help" --colour appeal list
"$qifu" --today >"$out" 2>"$err"
[ $? = 2 ] && grep -qxF "qifu: --today needs a value" "$err" || fail "--today without a value: $(cat "$err")"

# ---- a missing required option or argument: one line ----------------------------
one_line 2 "appeal new: --enterprise is required; see qifu appeal --help" \
	appeal new --title 用电增容 --kind general --channel phone
one_line 2 "appeal new: --enterprise, --title, --kind, --channel are required; see qifu appeal --help" \
	appeal new
one_line 2 "appeal new: --problem is required; see qifu appeal --help" appeal new --from-visit 3
one_line 2 "appeal dispatch: --unit is required; see qifu appeal --help" appeal dispatch 2026-000001
one_line 2 "appeal return: --reason is required; see qifu appeal --help" appeal return 2026-000001
one_line 2 "appeal extend: --reason, --until are required; see qifu appeal --help" appeal extend 2026-000001
one_line 2 "appeal explain: --text is required; see qifu appeal --help" appeal explain 2026-000001
one_line 2 "appeal answer: --result is required; see qifu appeal --help" appeal answer 2026-000001
one_line 2 "appeal report: --text, --how are required; see qifu appeal --help" appeal report 2026-000001
one_line 2 "appeal callback: --reason is required; see qifu appeal --help" appeal callback 2026-000001 --dissatisfied
one_line 2 "appeal withdraw: --reason is required; see qifu appeal --help" appeal withdraw 2026-000001
one_line 2 "appeal merge: --into is required; see qifu appeal --help" appeal merge 2026-000001
one_line 2 "appeal escalate: --reason is required; see qifu appeal --help" appeal escalate 2026-000001
one_line 2 "appeal schedule: --date, --decision are required; see qifu appeal --help" \
	appeal schedule 2026-000001 --mode meeting
one_line 2 "appeal outcome: --text is required; see qifu appeal --help" appeal outcome 2026-000001
one_line 2 "enterprise add: --uscc, --area, --category are required; see qifu enterprise --help" \
	enterprise add --name 测试企业
one_line 2 "staff add: --role is required; see qifu staff --help" \
	staff add --login wf --name 王芳 --unit 区企服中心
one_line 2 "visit add: --people, --topics are required; see qifu visit --help" \
	visit add --enterprise 914403001922038216
one_line 2 "outreach add: --kind, --place, --topic are required; see qifu outreach --help" \
	outreach add --enterprise 914403001922038216
one_line 2 "outreach problem: --enterprise, --text are required; see qifu outreach --help" \
	outreach problem 1
one_line 2 "talent add: --school, --name, --places, --start are required; see qifu talent --help" \
	talent add --enterprise 914403001922038216 --programme order
one_line 2 "talent move: --to is required; see qifu talent --help" talent move 1
one_line 2 "financing add: --purpose is required; see qifu financing --help" \
	financing add --enterprise 914403001922038216 --amount 500万
one_line 2 "project add: --name is required; see qifu project --help" project add --investor 某公司
one_line 2 "project move: --to is required; see qifu project --help" project move XM2026-000001
one_line 2 "pool enter: --pool is required; see qifu pool --help" pool enter --enterprise 914403001922038216
one_line 2 "pool leave: --reason is required; see qifu pool --help" \
	pool leave --enterprise 914403001922038216 --pool tech
one_line 2 "pool history: --enterprise is required; see qifu pool --help" pool history
one_line 2 "warning add: --source, --level, --signal are required; see qifu warning --help" \
	warning add --enterprise 914403001922038216
one_line 2 "warning respond: --text is required; see qifu warning --help" warning respond 3
one_line 2 "rating add: --score is required; see qifu rating --help" \
	rating add --enterprise 914403001922038216 --unit 区科经局 --quarter 2026Q4
one_line 2 "rating list: --quarter is required; see qifu rating --help" rating list
one_line 2 "inspect check: --date is required; see qifu inspect --help" inspect check --reason general
one_line 2 "inspect register: --enterprise, --date, --reason, --inspectors, --basis, --items are required; see qifu inspect --help" \
	inspect register --unit 区科经局
one_line 2 "inspect done: --findings, --outcome are required; see qifu inspect --help" inspect done 4
one_line 2 "inspect evaluate: --score is required; see qifu inspect --help" \
	inspect evaluate 4 --enterprise 914403001922038216
one_line 2 "inspect cancel: --reason is required; see qifu inspect --help" inspect cancel 4
one_line 2 "inspect refuse: --people is required; see qifu inspect --help" \
	inspect refuse --unit 区科经局 --enterprise 914403001922038216 --date 2026-12-01
one_line 2 "report units: --to is required; see qifu report --help" report units --from 2026-01-01
one_line 2 "appeal sign needs the appeal number; see qifu appeal --help" appeal sign
one_line 2 "appeal show needs the appeal number; see qifu appeal --help" appeal show --format json
one_line 2 "appeal list: unexpected argument 'red'; see qifu appeal --help" appeal list --light yellow red
one_line 2 "quarter freeze needs the quarter (like 2026Q4); see qifu quarter --help" quarter freeze
one_line 2 "uscc check needs the code; see qifu uscc --help" uscc check
one_line 2 "holiday import needs the notice file; see qifu holiday --help" holiday import --yes
one_line 2 "backup: unexpected argument 'b.db'; see qifu backup --help" backup a.db b.db
[ -e "$db" ] && fail "a mistake on the command line created $db"

# ---- help ------------------------------------------------------------------------
"$qifu" --help >"$tmpdir/help" 2>"$err" || fail "qifu --help: exit $?"
expect_file 0 help <"$tmpdir/help"
stderr_empty
# --help lists every command, and each describes itself (report units included)
sed -n '/^Commands:/,/^$/p' "$tmpdir/help" | awk 'NF > 1 { print $1 }' >"$tmpdir/commands"
[ "$(wc -l <"$tmpdir/commands")" -ge 22 ] || fail "qifu --help lists $(wc -l <"$tmpdir/commands") commands"
while read -r cmd; do
	"$qifu" "$cmd" --help >"$out" 2>"$err" || fail "qifu $cmd --help: exit $?"
	grep -q "qifu $cmd\|qifu \[global options\]" "$out" || fail "qifu $cmd --help: $(head -2 "$out")"
	"$qifu" help "$cmd" >"$tmpdir/via-help" 2>&1 || fail "qifu help $cmd: exit $?"
	cmp -s "$out" "$tmpdir/via-help" || fail "qifu help $cmd differs from qifu $cmd --help"
done <"$tmpdir/commands"
grep -q "^  report .*report units" "$tmpdir/help" || fail "qifu --help does not name report units"
for sub in "appeal new" "inspect check" "report units" "visit add" "workday add" "uscc check"; do
	# shellcheck disable=SC2086
	"$qifu" $sub --help >"$out" 2>"$err" || fail "qifu $sub --help: exit $?"
	# shellcheck disable=SC2086
	"$qifu" help $sub >"$tmpdir/via-help" 2>&1
	cmp -s "$out" "$tmpdir/via-help" || fail "qifu help $sub differs from qifu $sub --help"
	# shellcheck disable=SC2086
	"$qifu" $sub -h >"$tmpdir/via-h" 2>&1
	cmp -s "$out" "$tmpdir/via-h" || fail "qifu $sub -h differs from qifu $sub --help"
done
one_line 2 "unknown command 'apeal'; did you mean 'appeal'?" help apeal
# the completion's question is not a command for people
grep -q "__complete" "$tmpdir/help" && fail "qifu --help lists __complete"

finish
