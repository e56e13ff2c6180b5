#!/usr/bin/env bash
# The README's test command. It installs what the tests need when it is
# missing, so it passes on a fresh machine:
#   - Chromium for the browser tests (Debian's chromium, when run as root);
#   - nginx for the web server test (Debian's nginx, when run as root; not started);
#   - Firefox ESR and WebKit for the tests that run in every engine (Debian's
#     firefox-esr, webkit2gtk-driver and xvfb, when run as root);
#   - axe-core for the accessibility checks (npm ci --prefix tools, from the
#     pinned tools/package-lock.json);
# then runs go vet and go test on every package, and exits non-zero when
# anything fails. Extra arguments go to go test: ./test.sh -run Worksheet
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then
	PATH="$PATH:/usr/local/go/bin"
fi

# The same places internal/browsertest looks, in the same order.
have_chrome() {
	[ -n "${IPTSITE_CHROME:-}" ] && return 0
	[ -x /usr/bin/chromium ] && return 0
	local c
	for c in chromium chromium-browser google-chrome google-chrome-stable; do
		command -v "$c" >/dev/null 2>&1 && return 0
	done
	return 1
}

# apt_update runs apt-get update once per run, however many blocks install.
apt_updated=
apt_update() {
	[ -n "$apt_updated" ] && return 0
	# Wait for another apt or dpkg run instead of failing on its lock.
	apt-get -o DPkg::Lock::Timeout=600 update -q
	apt_updated=1
}

if ! have_chrome; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "test.sh: chromium not found; installing Debian's chromium for the browser tests" >&2
		apt_update
		DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends chromium
	else
		echo "test.sh: chromium not found and not root, so it cannot be installed here." >&2
		echo "test.sh: install it (sudo apt-get install chromium) or set IPTSITE_CHROME to a Chromium or Chrome binary;" >&2
		echo "test.sh: until then the browser tests are skipped (and fail under CI=true)." >&2
	fi
fi

# nginx, for the test that serves the built site with the block docs/deploy.md gives
# (nginx_test.go). Only the package: the test starts its own nginx on a free loopback
# port; the Debian service is neither started nor needed.
if ! [ -x /usr/sbin/nginx ] && ! command -v nginx >/dev/null 2>&1; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "test.sh: nginx not found; installing Debian's nginx for the web server test" >&2
		apt_update
		# A policy-rc.d that exits 101 keeps the package's scripts from starting the
		# service; one already there is left as it is.
		made_policy=
		if [ ! -e /usr/sbin/policy-rc.d ]; then
			printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && made_policy=1
		fi
		status=0
		DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends nginx || status=$?
		if [ -n "$made_policy" ]; then rm -f /usr/sbin/policy-rc.d; fi
		[ "$status" = 0 ] || exit "$status"
	else
		echo "test.sh: nginx not found and not root, so it cannot be installed here (sudo apt-get install nginx);" >&2
		echo "test.sh: until then the web server test is skipped (and fails under CI=true)." >&2
	fi
fi

# Firefox ESR and WebKit: the same programs internal/browsertest (engine.go)
# looks for. MiniBrowser needs a display, so Xvfb too unless one is set.
engine_debs=()
[ -n "${IPTSITE_FIREFOX:-}" ] || command -v firefox-esr >/dev/null 2>&1 || command -v firefox >/dev/null 2>&1 || engine_debs+=(firefox-esr)
[ -n "${IPTSITE_WEBKIT_DRIVER:-}" ] || command -v WebKitWebDriver >/dev/null 2>&1 || engine_debs+=(webkit2gtk-driver)
[ -n "${DISPLAY:-}${IPTSITE_XVFB:-}" ] || command -v Xvfb >/dev/null 2>&1 || engine_debs+=(xvfb)
if [ ${#engine_debs[@]} -gt 0 ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "test.sh: installing Debian's ${engine_debs[*]} for the tests that run in every browser engine" >&2
		apt_update
		DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${engine_debs[@]}"
	else
		echo "test.sh: ${engine_debs[*]} not installed and not root, so they cannot be installed here." >&2
		echo "test.sh: install them (sudo apt-get install ${engine_debs[*]}); until then the Firefox and WebKit tests are skipped (and fail under CI=true)." >&2
	fi
fi

if [ ! -f tools/node_modules/axe-core/axe.min.js ]; then
	if command -v npm >/dev/null 2>&1; then
		echo "test.sh: installing the npm test tools (axe-core) into tools/node_modules" >&2
		npm ci --prefix tools --no-audit --no-fund
	else
		echo "test.sh: npm not found, so axe-core cannot be installed; install Node.js and npm, then run npm ci --prefix tools." >&2
		echo "test.sh: until then the accessibility checks are skipped (and fail under CI=true)." >&2
	fi
fi

go vet ./...
# Go's default of 10 minutes per package is shorter than a loaded 2-core
# machine needs for the browser tests; every browser command has its own
# limit (internal/browsertest), so a hang still fails on its own.
go test -count=1 -timeout 30m "$@" ./...
