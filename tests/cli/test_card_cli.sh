#!/bin/sh
# The service contact card (服务企业联系卡): the enterprise, its commissioner with the
# work phone, the lead unit and its contact (the head with a phone before its staff; a
# disabled login never), the hotline and channels of the settings; a batch for an area
# or a lead unit as text (a form feed between cards) and as a workbook of A6 cards
# four to an A4 page (a row break after every second row of cards); the delivery
# recorded with its event; bad input named.
qifu=$1
python=$2
. "$(dirname "$0")/lib.sh"
db=$tmpdir/card.db
q() { "$qifu" --db "$db" "$@"; }
sql() { sqlite3 "$db" "$1"; }
check() {
	if [ "$2" != "$3" ]; then
		echo "FAIL: $1: got '$2', want '$3'"
		fails=$((fails + 1))
	fi
}

HQ=914403001922038216
CS=91110000600037341L
expect_rc 0 --db "$db" init
q staff add --login kj --name 柯静 --unit 区科经局 --role unit_staff --phone 13812345678 >/dev/null
q staff add --login kj2 --name 孔杰 --unit 区科经局 --role unit_staff --phone 13900000001 >/dev/null
q staff add --login kjzr --name 徐紫薇 --unit 区科经局 --role supervisor --phone 0791-88681209 >/dev/null
q staff add --login cd --name 陈东 --unit 昌东镇 --role area_officer --area 昌东镇 >/dev/null
q staff add --login mq --name 马秋 --unit 麻丘镇 --role area_officer --area 麻丘镇 >/dev/null
q enterprise add --name 华勤技术股份有限公司 --uscc $HQ --area 昌东镇 --category industry \
	--commissioner kj >/dev/null
q enterprise add --name 昌东小超市 --uscc $CS --area 昌东镇 --category below_scale >/dev/null
printf '[card]\nhotline = 0791-88681209\nchannels = 电话、上门、12345热线\n' >"$tmpdir/card.ini"

expect_rc 0 --db "$db" --config "$tmpdir/card.ini" card $HQ
stdout_has "Service contact card"
stdout_has "华勤技术股份有限公司"
stdout_has "柯静 (区科经局)"
stdout_has "13812345678"
stdout_has "Lead unit contact 徐紫薇 0791-88681209"
stdout_has "0791-88681209"
stdout_has "电话、上门、12345热线"
# the head disabled: the unit's first member (by login) with a phone is its contact
q staff disable kjzr >/dev/null
expect_rc 0 --db "$db" --config "$tmpdir/card.ini" card $HQ
stdout_has "Lead unit contact 柯静 13812345678"
# no commissioner, no settings: said so, and the channels appeals come by
expect_rc 0 --db "$db" card $CS
stdout_has "not assigned"
stdout_has "not set ([card] hotline in the settings)"
stdout_has "12345 hotline"
stdout_lacks "Commissioner's phone"
expect_rc 0 --db "$db" --today 2026-12-01 card $CS --format txt --output "$tmpdir/cs.txt"
stdout_has "wrote 1 card to $tmpdir/cs.txt"
grep -q 昌东小超市 "$tmpdir/cs.txt" || { echo "FAIL: the card file lacks the enterprise"; fails=$((fails + 1)); }

# bad input
expect_rc 1 --db "$db" card 91360000000000000X
stderr_has "no enterprise with USCC 91360000000000000X"
expect_rc 2 --db "$db" card $HQ --format pdf
stderr_has "--format: 'pdf' is not one of txt, xlsx"
expect_rc 2 --db "$db" card $HQ --format xlsx
stderr_has "--format xlsx needs --output FILE"
expect_rc 2 --db "$db" card --area 区科经局
stderr_has "--area: '区科经局' is not one of the grid areas"
expect_rc 2 --db "$db" card --area 昌东镇 --unit 区科经局
stderr_has "--area and --unit do not go together"
expect_rc 1 --db "$db" card --area 麻丘镇
stderr_has "no enterprise in the register is in area 麻丘镇"
# an area officer of another area does not see the enterprise
expect_rc 1 --db "$db" --as mq card $HQ
stderr_has "no enterprise with USCC"

# a batch: text a page each, xlsx four to a page
# nine more of 昌东镇, with codes whose check character is right
"$python" - <<'PY' >"$tmpdir/codes"
chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ow = [3, 7, 9, 10, 5, 8, 4, 2]
val = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
for i in range(1, 10):
    org = "MA3%05d" % i
    oc = 11 - sum(val.index(ch) * k for ch, k in zip(org, ow)) % 11
    body = "91360100" + org + ("X" if oc == 10 else "0" if oc == 11 else str(oc))
    c = (31 - sum(chars.index(ch) * k for ch, k in zip(body, w)) % 31) % 31
    print(body + chars[c])
PY
i=0
while read -r code; do
	i=$((i + 1))
	q enterprise add --name "昌东测试企业$i" --uscc "$code" --area 昌东镇 --category below_scale \
		>/dev/null || { echo "FAIL: enterprise $code"; fails=$((fails + 1)); }
done <"$tmpdir/codes"
n=$(sql "SELECT count(*) FROM enterprise WHERE area = '昌东镇'")
expect_rc 0 --db "$db" card --area 昌东镇
check "form feeds between the cards" "$("$python" -c 'import sys; print(sys.stdin.read().count("\f"))' <"$out")" $((n - 1))
expect_rc 0 --db "$db" card --area 昌东镇 --format xlsx --output "$tmpdir/cards.xlsx"
stdout_has "wrote $n cards to $tmpdir/cards.xlsx"
check "the sheet: A4 portrait, a break after every second row of cards" "$("$python" - "$tmpdir/cards.xlsx" <<'PY'
import re, sys, zipfile
s = zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet1.xml').decode()
setup = re.search(r'<pageSetup[^>]*>', s).group(0)
print('paperSize="9"' in setup, 'orientation="portrait"' in setup,
      ','.join(re.findall(r'<brk id="(\d+)"', s)), s.count('昌东测试企业'))
PY
)" "True True 22,44 9"
expect_rc 0 --db "$db" card --unit 区科经局 --format txt
stdout_has "华勤技术股份有限公司"
stdout_lacks "昌东小超市"

# the delivery: recorded with its event; a day ahead refused
expect_rc 0 --db "$db" enterprise show $HQ --full
stdout_has "Card  not delivered"
expect_rc 0 --db "$db" --today 2026-12-01 --as cd card deliver $HQ --date 2026-11-30
stdout_has "recorded the contact card of 华勤技术股份有限公司 delivered on 2026-11-30 by 陈东"
check "the delivery and its event" "$(sql "SELECT delivered_on || ' ' || delivered_by || ' ' || created_by FROM card_delivery") $(sql "SELECT action || ' ' || entity_id FROM event ORDER BY id DESC LIMIT 1")" "2026-11-30 陈东 cd card.deliver 1"
expect_rc 2 --db "$db" --today 2026-12-01 card deliver $HQ --date 2026-12-02
stderr_has "lies after today"
expect_rc 1 --db "$db" --as mq card deliver $HQ
check "deliveries after the refusals" "$(sql "SELECT count(*) FROM card_delivery")" 1

# the 360 view says the latest: the delivery, then a visit that handed the card later
expect_rc 0 --db "$db" enterprise show $HQ --full
stdout_has "Card  delivered 2026-11-30 by 陈东"
q --today 2026-12-01 --as kj visit add --enterprise $HQ --date 2026-12-01 --people 柯静 \
	--topics 回访 --card >/dev/null
expect_rc 0 --db "$db" enterprise show $HQ --full
stdout_has "Card  handed over 2026-12-01 on a visit by 区科经局"
q --today 2026-12-01 --as kj visit add --enterprise $HQ --date 2026-11-29 --people 柯静 \
	--topics 走访 --card >/dev/null
expect_rc 0 --db "$db" enterprise show $HQ --full
stdout_has "Card  handed over 2026-12-01 on a visit by 区科经局"

finish
