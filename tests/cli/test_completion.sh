#!/bin/sh
# The bash completion as bash runs it: completion/qifu sourced, COMP_WORDS set as bash
# sets them, _qifu called, COMPREPLY read. Commands, subcommands and options come from
# the program's own tables, values from the data files (a unit added to a copy of the
# data directory is offered at once). $1 is the qifu executable, $2 the completion
# script, $3 the data directory.
qifu=$1
script=$2
data=$3
. "$(dirname "$0")/lib.sh"
command -v bash >/dev/null || { echo "bash is missing"; exit 77; }

# complete WORD...: what _qifu offers for the last word (which may be ''), one a line
complete() {
	bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _qifu;
		printf "%s\n" "${COMPREPLY[@]}"' _ "$script" "$qifu" "$@" >"$out" 2>"$err"
}

# offers WANT WORD...: the completion of the words is exactly WANT (lines joined by spaces)
offers() {
	want=$1
	shift
	complete "$@"
	got=$(tr '\n' ' ' <"$out" | sed 's/ $//')
	[ "$got" = "$want" ] || fail "qifu $* <Tab>: '$got', want '$want'"
}

# includes WANT WORD...: the completion of the words includes the line WANT
includes() {
	want=$1
	shift
	complete "$@"
	grep -qxF -- "$want" "$out" || fail "qifu $* <Tab> lacks '$want': $(tr '\n' ' ' <"$out")"
}

offers "appeal" ap
offers "enterprise" ent
includes "help" h
offers "--db --dump" --d
offers "dispatch" appeal dis
offers "show sheet schedule supervise-sheet self-handle submit sign" appeal s
offers "list" visit l
offers "units" report u
offers "--state --search --sort" appeal list --s
offers "--unit --related --version --help" appeal dispatch 2026-000001 --
offers "--reason --version --help" appeal escalate 2026-000001 --
offers "--caller --caller-phone --caller-role" appeal new --call
offers "--output --invert --help" inspect notice 2026-0001 --
offers "notice" inspect no
# global options before the command are passed over
offers "dispatch" --db x.db --as wangfang appeal dis
offers "enterprise" help ent
offers "list" help appeal li

# values from the data: a Chinese unit name, the areas, categories, reasons, groups
offers "区科经局" appeal dispatch 2026-000001 --unit 区科
offers "区科经局,区建管局" appeal dispatch 2026-000001 --related 区科经局,区建
offers "昌东镇 麻丘镇 艾溪湖管理处 鲤鱼洲管理处" enterprise add --area ''
want=$(grep -v '^#' "$data/categories.tsv" | cut -f1 | tr '\n' ' ' | sed 's/ $//')
offers "$want" enterprise list --category ''
want=$(grep -v '^#' "$data/inspect_reasons.tsv" | cut -f1 | tr '\n' ' ' | sed 's/ $//')
offers "$want" inspect check --date 2026-12-10 --reason ''
offers "华勤系" enterprise add --group 华
offers "tech upscale" pool enter --pool ''
# and the model's codes
offers "simple general complex" appeal new --kind ''
offers "close_requested closed" appeal list --state clo
offers "meeting onsite" appeal schedule 2026-000001 --mode ''
offers "phone visit message letter" appeal report 2026-000001 --how ''
offers "table csv json" appeal list --format ''
offers "txt xlsx" appeal sheet 2026-000001 --format ''
offers "table csv xlsx" report units --format ''
offers "table csv json xlsx" report year 2026 --format ''
offers "overdue dissatisfied figures" supervise add --from ''
offers "resolved unresolved" supervise outcome 1 --outcome ''
# bash splits --format=c into --format, = and c
offers "table csv json" appeal list --format =
offers "csv" appeal list --format = c
# a free text, a date or a file: nothing, and bash offers file names
offers "" appeal return 2026-000001 --reason ''
offers "" appeal frobnicate ''

# a unit added to the data is offered at once, without a new build
cp -r "$data" "$tmpdir/data"
printf '测试新局\t测试新局\tdept\n' >>"$tmpdir/data/units.tsv"
QIFU_DATA_DIR=$tmpdir/data
export QIFU_DATA_DIR
offers "测试新局" remind --unit 测试
QIFU_DATA_DIR=$data

# what the completion offers, the program takes: each appeal subcommand has --help,
# and each option offered for appeal list is one it knows
complete appeal ''
[ "$(wc -l <"$out")" -ge 25 ] || fail "appeal <Tab>: only $(wc -l <"$out") subcommands"
while read -r sub; do
	"$qifu" appeal "$sub" --help >/dev/null 2>"$err" || fail "qifu appeal $sub --help: $(cat "$err")"
done <"$out"
complete appeal list --
cp "$out" "$tmpdir/opts"
while read -r opt; do
	"$qifu" appeal list "$opt" >/dev/null 2>"$err"
	grep -q "does not take" "$err" && fail "appeal list <Tab> offers $opt, which it refuses"
done <"$tmpdir/opts"

finish
