#!/bin/sh
# A server install (issue 15): the built binary installed setgid into a prefix of
# its own, whose root-owned etc/qifu/qifu.ini names a protected database directory.
# Two staff logins and a login that is not staff, none of them in the group: nobody
# reads the database file directly; the two logins, each with its own umask, write
# through the binary 200 times in turn and never fail (the journal stays group-
# writable); $USER, --today, --config, QIFU_DATA_DIR and --db elsewhere change
# nothing. Needs root and useradd; otherwise skipped (77).
# $1 the built qifu, $2 the source data directory.
built=$1
data=$2
[ "$(id -u)" = 0 ] && command -v useradd >/dev/null && command -v userdel >/dev/null &&
	command -v groupdel >/dev/null && command -v setpriv >/dev/null || {
	echo "SKIP: needs root, useradd and setpriv"
	exit 77
}
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
tag=$$
a=qsa$tag b=qsb$tag n=qsn$tag grp=qifut$tag
# on tmpfs where there is one: 200 fsyncs on a loaded disk take a minute
shm=/tmp
[ -d /dev/shm ] && [ -w /dev/shm ] && shm=/dev/shm
top=$(mktemp -d "$shm/qifu-server.XXXXXX")
cleanup() {
	for u in $a $b $n; do userdel "$u" >/dev/null 2>&1; done
	groupdel "$grp" >/dev/null 2>&1
	rm -rf "$top"
}
trap cleanup EXIT
chmod 755 "$top"
for u in $a $b $n; do
	useradd --no-create-home --home-dir "$top/home" --shell /bin/sh "$u" || {
		echo "SKIP: useradd $u failed"
		exit 77
	}
done
mkdir -p "$top/bin" "$top/etc/qifu" "$top/share" "$top/home"
chmod 1777 "$top/home"
cp "$built" "$top/bin/qifu"
cp -r "$data" "$top/share/qifu"
chmod -R a+rX "$top/share"
db=$top/var/lib/qifu/qifu.db
printf '[database]\npath = %s\n[paths]\ndata_dir = %s\n' "$db" "$top/share/qifu" \
	>"$top/etc/qifu/qifu.ini"
qifu=$top/bin/qifu
# login LOGIN CMD...: run CMD as LOGIN (no supplementary groups: not in the qifu
# group), with HOME the shared one and $USER naming LOGIN
login() {
	(
		u=$1
		shift
		export HOME="$top/home" USER="$u" LOGNAME="$u"
		exec setpriv --reuid="$u" --regid="$(id -g "$u")" --clear-groups "$@"
	)
}
# as LOGIN MASK ARGS...: qifu ARGS as LOGIN with umask MASK
as() {
	(
		umask "$2"
		u=$1
		shift 2
		cd / && login "$u" "$qifu" "$@"
	)
}
unset QIFU_SYSCONF_FILE QIFU_DATA_DIR
out=$("$qifu" setup-server --group "$grp" --admin "$a" \
	--unit 区科经局 2>&1) || fail "setup-server: $out"
[ "$(stat -c %a:%U:%G "$top/var/lib/qifu")" = "2770:root:$grp" ] ||
	fail "directory is $(stat -c %a:%U:%G "$top/var/lib/qifu")"
[ "$(stat -c %a:%G "$qifu")" = "2755:$grp" ] || fail "binary is $(stat -c %a:%G "$qifu")"
[ "$(stat -c %a:%G "$db")" = "660:$grp" ] || fail "database is $(stat -c %a:%G "$db")"
# a second run repairs nothing and refuses a second database
out=$("$qifu" setup-server --group "$grp" 2>&1) ||
	fail "setup-server again: $out"

# nobody outside the group opens the file itself
for u in $a $b $n; do
	login "$u" cat "$db" >/dev/null 2>&1 && fail "$u read the database file"
done

out=$(as "$a" 022 staff add --login "$b" --name 乙 --unit 区科经局 --role unit_staff 2>&1) ||
	fail "staff add: $out"
out=$(as "$a" 022 enterprise add --name 华勤技术股份有限公司 --uscc 914403001922038216 \
	--area 昌东镇 --category industry 2>&1) || fail "enterprise add: $out"

# not staff: refused by name; $USER names nobody
out=$(as "$n" 022 staff list 2>&1) && fail "$n listed staff"
case $out in *"'$n' is not registered"*) ;; *) fail "$n: $out" ;; esac
out=$(env -i USER="$a" LOGNAME="$a" HOME="$top/home" setpriv --reuid="$b" \
	--regid="$(id -g "$b")" --init-groups "$qifu" staff add --login "x$tag" --name X \
	--unit 区科经局 --role admin 2>&1) && fail "USER=$a made $b an administrator"
# --as stays the administrator's
out=$(as "$b" 022 --as "$a" staff list 2>&1) && fail "$b acted as $a"
# no database but the protected one; no init of one's own
out=$(as "$b" 022 --db "$top/home/mine.db" staff list 2>&1) && fail "--db elsewhere: $out"
case $out in *"protected"*) ;; *) fail "--db elsewhere: $out" ;; esac
out=$(as "$b" 022 --db "$top/var/lib/qifu/../qifu.db" staff list 2>&1) && fail "--db ..: $out"
out=$(as "$b" 022 init 2>&1) && fail "init when protected: $out"
# --today and a personal config do not move the rules or the dates
printf '[appeal]\ngeneral_days = 30\n' >"$top/home/own.ini"
chmod 644 "$top/home/own.ini"
out=$(as "$b" 022 --config "$top/home/own.ini" config 2>&1)
case $out in *"general_days"*"3 "*) ;; *) fail "--config changed the rules: $out" ;; esac
out=$(as "$b" 022 --today 2020-01-01 visit add --enterprise 914403001922038216 \
	--people 乙 --topics 走访 2>&1) || fail "visit add with --today: $out"
case $out in *"--today is ignored"*) ;; *) fail "--today was not named as ignored: $out" ;; esac
out=$(as "$b" 022 visit list --format csv 2>&1)
case $out in *2020-01-01*) fail "--today dated a visit: $out" ;; esac

# two logins in turn, one with umask 077, 200 writes through the binary
i=0
while [ $i -lt 200 ]; do
	if [ $((i % 2)) = 0 ]; then u=$a m=077; else u=$b m=022; fi
	out=$(as "$u" $m visit add --enterprise 914403001922038216 --people "p$i" \
		--topics 走访 2>&1) || { fail "write $i by $u: $out"; break; }
	i=$((i + 1))
done
count=$(as "$a" 022 visit list --format csv | grep -c '走访')
[ "$count" = 201 ] || fail "$count visits, want 201"
for f in "$db" "$db-journal"; do
	[ -e "$f" ] || continue
	[ "$(stat -c %a:%G "$f")" = "660:$grp" ] || fail "$f is $(stat -c %a:%G "$f")"
done
# a backup the user asks for is the user's, and never readable by others
out=$(as "$a" 000 backup "$top/home/b.db" 2>&1) || fail "backup: $out"
[ "$(stat -c %a:%U "$top/home/b.db")" = "660:$a" ] ||
	fail "backup is $(stat -c %a:%U "$top/home/b.db")"
out=$(as "$a" 022 check 2>&1) || fail "check: $out"
case $out in *"角色检查仅为提示"*|*"advisory"*) fail "protected check calls roles advisory" ;; esac

[ $fails = 0 ] || { echo "$fails check(s) failed"; exit 1; }
echo "all checks passed"
