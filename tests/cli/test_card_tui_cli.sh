#!/bin/sh
# The contact card from the full-screen program (p in the Enterprises tab), played
# headless with --keys: the file it writes is the text qifu card USCC prints, the
# delivery it marks is recorded with its event, an existing file is refused and left
# as it was, a folder it cannot write into is named and nothing is recorded, xlsx is a
# workbook, and p in the coverage list writes the cards of the enterprises listed, in
# the list's order, as qifu card prints them one by one.
qifu=$(realpath "$1")
. "$(dirname "$0")/lib.sh"
export LANG=C.UTF-8 LANGUAGE=en
db=$tmpdir/card.db
run=$tmpdir/run
mkdir "$run"
q() { "$qifu" --db "$db" --today 2026-12-01 "$@"; }
sql() { sqlite3 "$db" "$1"; }
check() {
	if [ "$2" != "$3" ]; then
		echo "FAIL: $1: got '$2', want '$3'"
		fails=$((fails + 1))
	fi
}
# play KEYS... in the run folder (one a line); the screens into $run/screen
play() {
	printf '%s\n' "$@" >"$tmpdir/keys"
	(cd "$run" && "$qifu" --db "$db" --today 2026-12-01 --keys "$tmpdir/keys" --size 80x24 \
		--dump "$run/screen") || { echo "FAIL: qifu --keys $*"; fails=$((fails + 1)); }
}
screen_has() {
	if ! grep -qF -- "$1" "$run/screen"; then
		echo "FAIL: the screen lacks '$1':"
		cat "$run/screen"
		fails=$((fails + 1))
	fi
}

q demo --enterprises 60 --seed 7 >/dev/null || { echo "FAIL: qifu demo"; exit 1; }
# the register's first row by name, as the list shows it
first=$(q enterprise list --format csv | sed -n 2p | cut -d, -f2)
check "first USCC read" "$(printf %s "$first" | wc -c)" 18
card=$run/contact-card_${first}_20261201.txt
events=$(sql "SELECT count(*) FROM event")
cards=$(sql "SELECT count(*) FROM card_delivery")

# p, the file as offered, "mark it delivered" yes, Print
play p Tab Tab Right Tab Enter dump
[ -f "$card" ] || { echo "FAIL: no $card"; fails=$((fails + 1)); }
q card "$first" --format txt >"$tmpdir/cli.txt"
cmp -s "$tmpdir/cli.txt" "$card" || { echo "FAIL: the TUI's card differs from qifu card"; \
	diff "$tmpdir/cli.txt" "$card"; fails=$((fails + 1)); }
screen_has "wrote 1 card to ./contact-card_${first}_20261201.txt; recorded delive"
check "delivery recorded" "$(sql "SELECT count(*) FROM card_delivery")" $((cards + 1))
check "its event" "$(sql "SELECT count(*) FROM event")" $((events + 1))

# again: the file exists, is refused by name, and stays as it was; nothing recorded
echo changed >>"$card"
cp "$card" "$tmpdir/before"
play p Tab Tab Right Tab Enter dump
screen_has "Error: ./contact-card_${first}_20261201.txt"
screen_has "exists: give another file name (nothing written)"
cmp -s "$tmpdir/before" "$card" || { echo "FAIL: an existing card was overwritten"; \
	fails=$((fails + 1)); }
check "no second delivery" "$(sql "SELECT count(*) FROM card_delivery")" $((cards + 1))
check "no leftover temporary file" "$(ls "$run" | grep -c tmp)" 0

# a folder that does not exist: named, nothing written, nothing recorded
play p Tab C-u "text $tmpdir/none/card.txt" Tab Right Tab Enter dump
screen_has "$tmpdir/none/card.txt"
screen_has "cannot write"
check "no delivery when the card was not written" \
	"$(sql "SELECT count(*) FROM card_delivery")" $((cards + 1))

# xlsx: the offered name follows the format
play p Right Tab Tab Tab Enter dump
x=$run/contact-card_${first}_20261201.xlsx
check "xlsx written as a zip" "$(head -c 2 "$x" 2>/dev/null)" PK

# the coverage list (v three times): the cards of every enterprise listed, in one file
play v v v p Tab Tab Enter dump
batch=$run/contact-cards_20261201.txt
q coverage --format csv | sed 1d | cut -d, -f2 >"$tmpdir/listed"
n=$(wc -l <"$tmpdir/listed")
[ "$n" -gt 1 ] || { echo "FAIL: the coverage list has $n rows"; fails=$((fails + 1)); }
screen_has "wrote $n cards to ./contact-cards_20261201.txt"
: >"$tmpdir/want"
i=0
while read -r u; do
	[ $i -gt 0 ] && printf '\f' >>"$tmpdir/want"
	q card "$u" >>"$tmpdir/want"
	i=$((i + 1))
done <"$tmpdir/listed"
cmp -s "$tmpdir/want" "$batch" || { echo "FAIL: the coverage batch differs from qifu card"; \
	fails=$((fails + 1)); }
finish
