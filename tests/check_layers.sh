#!/bin/sh
# The layers stay apart: curses only in src/ui, SQLite only in src/store, iniparser
# only in src/config, the policy file reader core/tsv only in src/policy; each folder
# includes only the folders below it (core < model < policy < store < app < the two
# faces cli and ui, config beside them: the faces never include each other); and the
# unit-test binaries link without ncursesw (the proof that the model never draws); the
# store builds no sentence (no gettext header, no _( N_( P_( or gettext call): it hands
# codes and facts up and src/app words them. $1 is the source root, $2 the build
# directory.
src=$1
build=$2
fails=0
check() {
	header=$1 allowed=$2
	found=$(grep -rlE "#include *[<\"]($header)" "$src/src" | sed "s#^$src/##" | grep -vE "^($allowed)/")
	if [ -n "$found" ]; then
		echo "FAIL: $header included outside $allowed: $found"
		fails=1
	fi
}
check 'n?curses\.h|ncursesw/curses\.h|term\.h' src/ui
check 'sqlite3\.h' src/store
check 'iniparser/iniparser\.h|iniparser\.h|dictionary\.h' src/config
check 'core/tsv\.h' 'src/policy|src/core'
# words DIR: no translated message is built in src/DIR
words() {
	gettext='#include *[<"](libintl\.h|core/i18n\.h)'
	call='(^|[^A-Za-z0-9_])(N_|P_|_|d?n?gettext)\('
	found=$(grep -rnE "$gettext|$call" "$src/src/$1" | sed "s#^$src/##")
	if [ -n "$found" ]; then
		echo "FAIL: src/$1 builds translated messages (a store_err goes up; src/app words it):"
		echo "$found"
		fails=1
	fi
}
words store
# arrows DIR ALLOWED…: the project headers src/DIR may include
arrows() {
	dir=$1
	shift
	pattern=$(echo "$@" | tr ' ' '|')
	found=$(grep -rnE '#include *"[a-z_]+/' "$src/src/$dir" | grep -vE "#include *\"($pattern)/" |
		sed "s#^$src/##")
	if [ -n "$found" ]; then
		echo "FAIL: src/$dir includes outside $*:"
		echo "$found"
		fails=1
	fi
}
arrows core core
arrows model core model
arrows policy core model policy
arrows store core model policy store
arrows config core config
arrows app core model policy store config app
arrows cli core model policy store config app cli
arrows ui core model policy store config app ui
n=0
for t in "$build"/tests/test_*; do
	[ -x "$t" ] || continue
	n=$((n + 1))
	if ldd "$t" 2>/dev/null | grep -q ncurses; then
		echo "FAIL: $(basename "$t") links ncurses"
		fails=1
	fi
done
[ "$n" -gt 0 ] || { echo "FAIL: no unit-test binaries found in $build/tests"; fails=1; }
exit $fails
