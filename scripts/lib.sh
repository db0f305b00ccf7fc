# Shared by scripts/demo, scripts/test and scripts/bench: install the Debian 12
# packages qifu needs (only the missing ones) and build into a build directory.

QIFU_PACKAGES="meson ninja-build pkg-config gcc clang gettext libncurses-dev libsqlite3-dev
libiniparser-dev libunistring-dev libxlsxwriter-dev libcmocka-dev libvterm-dev tmux
unicode-data python3 sqlite3"

ensure_packages() {
	local missing=() p
	for p in $QIFU_PACKAGES "$@"; do
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
