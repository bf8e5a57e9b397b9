#!/usr/bin/env bash
# End-to-end tests drive Debian's Chromium; browsers are never downloaded by a test tool.
set -euo pipefail
CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
	echo "[waymark] $CHROMIUM is missing: installing Debian's chromium package"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq chromium >/dev/null
	exit 0
fi
echo "[waymark] The end-to-end tests need Chromium at $CHROMIUM." >&2
echo "          Install it with: sudo apt-get install -y chromium" >&2
exit 1
