# Shared by the CLI tests: run the real binary and compare exit code, stdout and
# stderr. Source it after setting qifu=PATH-TO-BINARY; finish with `finish`.
fails=0
out=$(mktemp) err=$(mktemp)
tmpdir=$(mktemp -d)
trap 'rm -rf "$out" "$err" "$tmpdir"' EXIT

# expect CODE STDOUT ARGS...: exit code and exact stdout
expect() {
	want_rc=$1 want_out=$2
	shift 2
	"$qifu" "$@" >"$out" 2>"$err"
	rc=$?
	got=$(cat "$out")
	if [ "$rc" != "$want_rc" ] || [ "$got" != "$want_out" ]; then
		echo "FAIL: qifu $*: exit $rc, stdout '$got' (want exit $want_rc, '$want_out'); stderr: $(cat "$err")"
		fails=$((fails + 1))
	fi
}

# expect_rc CODE ARGS...: exit code only (stdout kept in $out for the checks below)
expect_rc() {
	want_rc=$1
	shift
	"$qifu" "$@" >"$out" 2>"$err"
	rc=$?
	if [ "$rc" != "$want_rc" ]; then
		echo "FAIL: qifu $*: exit $rc (want $want_rc); stdout: $(cat "$out"); stderr: $(cat "$err")"
		fails=$((fails + 1))
	fi
}

# stderr_has TEXT: the last command's stderr contains TEXT
stderr_has() {
	if ! grep -qF -- "$1" "$err"; then
		echo "FAIL: stderr lacks '$1': $(cat "$err")"
		fails=$((fails + 1))
	fi
}

# stdout_has TEXT: the last command's stdout contains TEXT
stdout_has() {
	if ! grep -qF -- "$1" "$out"; then
		echo "FAIL: stdout lacks '$1': $(cat "$out")"
		fails=$((fails + 1))
	fi
}

# stdout_lacks TEXT: the last command's stdout does not contain TEXT
stdout_lacks() {
	if grep -qF -- "$1" "$out"; then
		echo "FAIL: stdout has '$1': $(cat "$out")"
		fails=$((fails + 1))
	fi
}

stderr_empty() {
	if [ -s "$err" ]; then
		echo "FAIL: unexpected stderr: $(cat "$err")"
		fails=$((fails + 1))
	fi
}

fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}

# expect_file CODE ARGS...: exit code, and stdout equal to the text on stdin
expect_file() {
	want_rc=$1
	shift
	cat >"$tmpdir/want"
	"$qifu" "$@" >"$out" 2>"$err"
	rc=$?
	[ "$rc" = "$want_rc" ] || fail "qifu $*: exit $rc, want $want_rc; stderr: $(cat "$err")"
	diff -u "$tmpdir/want" "$out" >/dev/null || { fail "qifu $*: stdout differs"; diff -u "$tmpdir/want" "$out"; }
}

# has FILE TEXT: FILE contains TEXT
has() {
	grep -qF -- "$2" "$1" || fail "$(basename "$1") lacks '$2': $(cat "$1")"
}

finish() {
	if [ "$fails" -ne 0 ]; then
		echo "$fails check(s) failed"
		exit 1
	fi
	echo "all checks passed"
	exit 0
}
