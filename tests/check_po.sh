#!/bin/sh
# Chinese first: every msgid in the sources has a Chinese translation in
# po/zh_CN.po (no untranslated or fuzzy entry), and po/POTFILES names every source
# file with msgids. $1 is the source root.
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src" || exit 1
fails=0
find src -name '*.[ch]' | sort > "$tmp/all"
grep -lE '\b(N_|_|P_)\(' $(cat "$tmp/all") | sort > "$tmp/with-msgids"
sort po/POTFILES > "$tmp/potfiles"
missing=$(comm -23 "$tmp/with-msgids" "$tmp/potfiles")
if [ -n "$missing" ]; then
	echo "FAIL: po/POTFILES lacks: $missing"
	fails=1
fi
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=P_:1,2 -c -o "$tmp/qifu.pot" \
	$(cat "$tmp/with-msgids") || exit 1
msgmerge -q --no-fuzzy-matching po/zh_CN.po "$tmp/qifu.pot" -o "$tmp/merged.po" || exit 1
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$tmp/merged.po" 2>&1)
echo "$stats"
case "$stats" in
*untranslated*|*fuzzy*)
	msgattrib --untranslated --only-fuzzy "$tmp/merged.po" 2>/dev/null | head -5
	msgattrib --untranslated "$tmp/merged.po" | grep '^msgid' | head -40
	fails=1 ;;
esac
# the catalogue itself must be valid and free of fuzzy entries
if ! msgfmt --check -o /dev/null po/zh_CN.po; then fails=1; fi
if grep -q '^#, fuzzy' po/zh_CN.po; then echo "FAIL: fuzzy entries in po/zh_CN.po"; fails=1; fi
exit $fails
