#!/bin/sh
# qifu inspect notice: the printed notice of an approved plan, refused without a code;
# and its plan code as a QR code that a phone scanner reads: tests/qr_scan.py paints the
# drawn code as a terminal or printer shows it and decodes it with zbar's zbarimg, in
# English and Chinese, in both polarities and one module a character, and the verify
# line it carries works as typed. Only the scans need zbarimg: without it the rest is
# checked and the test then skips (77). $1 is qifu, $2 python3, $3 tests/qr_scan.py.
qifu=$1
python=$2
scan_py=$3
. "$(dirname "$0")/lib.sh"
db=$tmpdir/n.db
q() { "$qifu" --db "$db" "$@"; }
have_zbar=false
command -v zbarimg >/dev/null 2>&1 && have_zbar=true

# scan FILE WANT [--invert] [--wide]: the QR code drawn in FILE decodes to WANT
scan() {
	file=$1 want=$2
	shift 2
	$have_zbar || return 0
	got=$("$python" "$scan_py" "$@" "$file" 2>"$tmpdir/scan.err")
	rc=$?
	[ "$rc" = 0 ] && [ "$got" = "$want" ] ||
		fail "scan $* $(basename "$file"): exit $rc, '$got' (want '$want'): $(cat "$tmpdir/scan.err")"
}

# blocks FILE: how many lines of FILE hold block characters
blocks() {
	grep -c '[▀▄█]' "$1"
}

A=914403001922038216 B=91440300708461136T
PLAN="--inspectors 李四,王五 --basis 《安全生产法》第六十五条 --items 消防通道、应急照明"
expect_rc 0 --db "$db" init
q staff add --login sup --name 督办甲 --unit 区科经局 --role supervisor >/dev/null
q staff add --login ks --name 科员 --unit 区科经局 --role unit_staff >/dev/null
q enterprise add --name 华勤技术股份有限公司 --uscc $A --area 昌东镇 --category industry >/dev/null
q enterprise add --name 麻丘航空配件有限公司 --uscc $B --area 麻丘镇 --category industry >/dev/null
expect_rc 0 --db "$db" --as ks inspect register --unit 区科经局 --enterprise $A,$B --date 2026-12-24 \
	--reason general $PLAN
expect_rc 0 --db "$db" --as ks inspect register --unit 区科经局 --enterprise $A --date 2026-12-28 \
	--reason general $PLAN

# ---- no code, no notice ----
expect_rc 1 --db "$db" --as ks inspect notice 1
stderr_has "inspection 1: the plan is not approved yet, so it has no valid code"
[ -s "$out" ] && fail "a notice was printed for a plan without a code: $(cat "$out")"
expect "0" "approved inspection 1: plan code JC26-000001-D" --db "$db" --as sup inspect approve 1

# ---- the notice: everything but the drawing, exactly ----
expect_rc 0 --db "$db" --as ks inspect notice 1
stderr_empty
cp "$out" "$tmpdir/en.txt"
grep -v '[▀▄█]' "$tmpdir/en.txt" >"$tmpdir/en-text.txt"
cat >"$tmpdir/want" <<'TXT'
              Notice of a registered inspection (法码同行)              
No. 1                                                 Printed 2026-12-01
------------------------------------------------------------------------
Plan code         JC26-000001-D
Inspecting unit   区科经局
Date              2026-12-24 (Thu)
Reason            一般性检查
Enterprises inspected
                  华勤技术股份有限公司 914403001922038216、麻丘航空配件
                  有限公司 91440300708461136T
Inspectors        李四、王五
Legal basis       《安全生产法》第六十五条
Items             消防通道、应急照明
Registered        2026-12-01 by 科员
Approved          2026-12-01 by 督办甲
------------------------------------------------------------------------




                   Inspection plan code JC26-000001-D
               Verify: qifu inspect verify JC26-000001-D
------------------------------------------------------------------------
What the enterprise may do:
1. This inspection was registered and approved under 法码同行. The
   inspectors show this notice or its plan code when they arrive; scan
   the QR code above and have the code verified by the enterprise
   service centre or your town or sub-district office.
2. The enterprise may refuse entry to a unit that comes to inspect
   without a registered plan; tell the enterprise service centre or your
   town or sub-district office, which record the refusal.
3. After the inspection the enterprise may evaluate it (score 1 to 5)
   and give its opinion through the enterprise service centre or its
   town or sub-district office, which record it.
------------------------------------------------------------------------
Inspecting unit (seal):             Date:
TXT
diff -u "$tmpdir/want" "$tmpdir/en-text.txt" >/dev/null ||
	{ fail "the notice's text differs"; diff -u "$tmpdir/want" "$tmpdir/en-text.txt"; }
# 31 bytes of code and 41 of verify line: version 4, 33 modules, 17 lines of two; the
# quiet zone is the blank paper around them
[ "$(blocks "$tmpdir/en.txt")" = 17 ] || fail "the drawing has $(blocks "$tmpdir/en.txt") lines, want 17"
grep -n ' $' "$tmpdir/en.txt" | grep -v '^1:' && fail "spaces at the end of a line of the notice"
EN="Inspection plan code JC26-000001-D
Verify: qifu inspect verify JC26-000001-D"
scan "$tmpdir/en.txt" "$EN"
# the polarity matters: the same drawing read as light on dark is no code at all
if $have_zbar && "$python" "$scan_py" --invert "$tmpdir/en.txt" >/dev/null 2>&1; then
	fail "the dark-on-light drawing also scans as light-on-dark"
fi
# the verify line works as it reads, typed in by whoever the enterprise forwards it to
verify=$(printf '%s\n' "$EN" | sed -n 's/^Verify: qifu //p')
# shellcheck disable=SC2086 # the line is the words of a command
expect_rc 0 --db "$db" --as ks $verify
stdout_has "valid: JC26-000001-D"

# ---- in Chinese, by the code as read aloud, for a dark terminal ----
LANGUAGE=zh_CN expect_rc 0 --db "$db" --as ks inspect notice "jc26 000001 d" --invert
cp "$out" "$tmpdir/zh.txt"
has "$tmpdir/zh.txt" "入企检查告知单（法码同行）"
has "$tmpdir/zh.txt" "执法计划码        JC26-000001-D"
has "$tmpdir/zh.txt" "事由              一般性检查"
has "$tmpdir/zh.txt" "2. 对未履行报备程序入企检查的执法部门，企业可以不予接待"
has "$tmpdir/zh.txt" "执法单位（盖章）：                  日期："
# inverted, the quiet zone is ink too: 41 columns, 21 lines
[ "$(blocks "$tmpdir/zh.txt")" = 21 ] || fail "the inverted drawing has $(blocks "$tmpdir/zh.txt") lines, want 21"
has "$tmpdir/zh.txt" "               █████████████████████████████████████████"
ZH="执法计划码 JC26-000001-D
核验：qifu inspect verify JC26-000001-D"
scan "$tmpdir/zh.txt" "$ZH" --invert

# ---- into a file; one module a character where ambiguous characters are wide ----
printf '[display]\nambiguous_width = 2\n' >"$tmpdir/wide.ini"
LANGUAGE=zh_CN expect "0" "已将检查 1（JC26-000001-D）的告知单写入 $tmpdir/wide.txt" \
	--db "$db" --as ks --config "$tmpdir/wide.ini" inspect notice 1 --output "$tmpdir/wide.txt"
has "$tmpdir/wide.txt" "检查企业          华勤技术股份有限公司 914403001922038216、"
[ "$(blocks "$tmpdir/wide.txt")" = 33 ] || fail "the wide drawing has $(blocks "$tmpdir/wide.txt") lines, want 33"
scan "$tmpdir/wide.txt" "$ZH" --wide
expect_rc 2 --db "$db" --as ks inspect notice 1 --output "$tmpdir/no-such-dir/n.txt"
stderr_has "no-such-dir/n.txt: cannot write it"

# ---- a cancelled plan's code is void; bad arguments ----
expect "0" "approved inspection 2: plan code JC26-000002-Q" --db "$db" --as sup inspect approve 2
expect_rc 0 --db "$db" --as ks inspect cancel 2 --reason 合并检查
expect_rc 1 --db "$db" --as ks inspect notice JC26-000002-Q
stderr_has "inspection 2: the plan was cancelled (合并检查)"
expect_rc 1 --db "$db" --as ks inspect notice 99
stderr_has "no inspection 99"
expect_rc 2 --db "$db" --as ks inspect notice JC26-000001-E
stderr_has "neither an inspection number nor a plan code"
expect_rc 2 --db "$db" --as ks inspect notice
stderr_has "inspect notice needs the inspection number or plan code"
expect_rc 2 --db "$db" --as ks inspect notice 1 --colour
stderr_has "inspect notice does not take --colour"
expect_rc 2 --db "$db" --as ks inspect notice 1 --invret
stderr_has "did you mean --invert?"
expect_rc 0 --db "$db" inspect notice --help
stdout_has "--invert"
expect_rc 0 --db "$db" inspect --help
stdout_has "notice     print an approved plan's notice with its code as a QR code"

if [ "$fails" -eq 0 ] && ! $have_zbar; then
	echo "zbarimg not found (Debian package zbar-tools): the notice is checked, its QR code not scanned"
	exit 77
fi
finish
