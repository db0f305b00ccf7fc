# Shared by scripts/demo, scripts/test, scripts/bench and scripts/check-fresh: install
# the Debian 12 packages qifu needs (only the missing ones) and build into a build
# directory. The lists are what a minimal bookworm (debootstrap --variant=minbase) lacks,
# installed with --no-install-recommends; scripts/check-fresh proves them there.

# to build and run qifu (scripts/demo). libxlsxwriter-dev names -lz in its pkg-config
# file without depending on zlib1g-dev; gcc only recommends libc6-dev; libqrencode-dev
# draws the plan code as a QR code; libzip-dev and libexpat1-dev read xlsx imports;
# nettle-dev hashes the event log's chain (SHA-256).
QIFU_BUILD_PACKAGES="meson ninja-build pkg-config gcc libc6-dev gettext libncurses-dev
libsqlite3-dev libiniparser-dev libunistring-dev libxlsxwriter-dev zlib1g-dev libqrencode-dev
libzip-dev libexpat1-dev nettle-dev"

# and to run every test (scripts/test): clang with its sanitizer runtime (not pulled in
# without recommends), cmocka, libvterm and tmux for the terminal tests, Unihan for the
# pinyin-table check, python3 for the test summary and the pty tests, the sqlite3 shell,
# groff to render the man page, python3-ephem to recompute the statutory holiday table,
# zbar-tools to scan the drawn QR codes (its zbarimg reads PNG through ImageMagick's
# libraries, which it depends on)
QIFU_TEST_PACKAGES="clang libclang-rt-14-dev libcmocka-dev libvterm-dev tmux unicode-data
python3 sqlite3 groff-base python3-ephem zbar-tools"

# ensure_packages [PACKAGE…]: install those of the given packages that are missing
ensure_packages() {
	local missing=() p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
			missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	echo "Installing missing Debian packages: ${missing[*]}" >&2
	local sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	$sudo apt-get update -qq >&2
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
		"${missing[@]}" >&2
}

# build DIR [meson options…]: configure once, then compile
build() {
	local dir=$1
	shift
	if [ ! -f "$dir/build.ninja" ]; then
		meson setup "$dir" "$@" >"$dir.setup.log" 2>&1 || {
			cat "$dir.setup.log" >&2
			return 1
		}
		rm -f "$dir.setup.log"
	fi
	ninja -C "$dir" >&2
}
