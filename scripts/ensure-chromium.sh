#!/usr/bin/env bash
# Browser tests drive Debian's Chromium through playwright-core; nothing downloads a browser at run time.
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium_path" ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing at $chromium_path. Install Debian's package as root: apt-get install -y chromium" >&2
  exit 1
fi
echo "Installing Debian's chromium (needed by the browser tests)..."
DEBIAN_FRONTEND=noninteractive apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
"$chromium_path" --version
