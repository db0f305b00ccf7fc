#!/bin/sh
# meson install puts everything where the issue says: the binary, the data files
# under share/qifu, the commented config under sysconfdir/qifu, the .mo catalogue and
# the man page and the bash completion; the installed binary finds its data and speaks
# Chinese, and the installed completion asks the installed binary.
# $1 is the build directory, $2 the source root.
build=$1
src=$2
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
meson install -C "$build" --destdir "$dest" --no-rebuild --quiet >/dev/null || exit 1
fails=0
prefix=$(meson introspect "$build" --buildoptions | python3 -c '
import json, sys
o = {x["name"]: x["value"] for x in json.load(sys.stdin)}
print(o["prefix"])')
for f in bin/qifu share/qifu/units.tsv share/qifu/routing.tsv share/qifu/holidays/2026.txt share/qifu/holidays/statutory.tsv \
	share/qifu/inspect_reasons.tsv share/qifu/templates/enterprises.csv \
	share/locale/zh_CN/LC_MESSAGES/qifu.mo share/man/man1/qifu.1 \
	share/bash-completion/completions/qifu; do
	[ -f "$dest$prefix/$f" ] || { echo "FAIL: $prefix/$f not installed"; fails=1; }
done
ini=$(find "$dest" -path '*/qifu/qifu.ini' | head -1)
[ -n "$ini" ] || { echo "FAIL: qifu.ini not installed"; fails=1; }
cmp -s "$ini" "$src/config/qifu.ini" || { echo "FAIL: installed qifu.ini differs"; fails=1; }
man -l "$dest$prefix/share/man/man1/qifu.1" >/dev/null 2>&1 ||
	groff -man -Tutf8 "$dest$prefix/share/man/man1/qifu.1" >/dev/null 2>&1 ||
	{ echo "FAIL: the man page does not render"; fails=1; }
if command -v bash >/dev/null; then
	got=$(bash -c '. "$1"; COMP_WORDS=("$2" appeal dis); COMP_CWORD=2; _qifu; echo "${COMPREPLY[*]}"' _ \
		"$dest$prefix/share/bash-completion/completions/qifu" "$dest$prefix/bin/qifu")
	[ "$got" = dispatch ] || { echo "FAIL: the installed completion offers '$got' for qifu appeal dis"; fails=1; }
fi
exit $fails
