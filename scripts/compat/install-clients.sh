#!/usr/bin/env bash
# The clients `npm run compat` measures, from Debian's packages (scripts/compat/clients has one adapter per
# client): curl, wget, Python requests (with requests-ntlm) and urllib (Debian's python3), Perl LWP, a JDK
# for HttpURLConnection, and the optional ones: HTTPie, httpx, aiohttp, Go's net/http, PHP's curl
# extension. Node's fetch comes with Node. Installs only what is missing; never starts a service (a
# policy-rc.d answering 101 is in place during the install). The tests never rely on this script: the CI
# check (tests/http/compat-results.test.ts) uses the clients scripts/ensure-test-tools.sh installs.
set -euo pipefail
missing=()
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v wget >/dev/null 2>&1 || missing+=(wget)
/usr/bin/python3 -c "import requests" >/dev/null 2>&1 || missing+=(python3-requests)
/usr/bin/python3 -c "import requests_ntlm" >/dev/null 2>&1 || missing+=(python3-requests-ntlm)
perl -MLWP::UserAgent -e 1 >/dev/null 2>&1 || missing+=(libwww-perl)
command -v javac >/dev/null 2>&1 || missing+=(default-jdk-headless)
command -v http >/dev/null 2>&1 || missing+=(httpie)
/usr/bin/python3 -c "import httpx" >/dev/null 2>&1 || missing+=(python3-httpx)
/usr/bin/python3 -c "import aiohttp" >/dev/null 2>&1 || missing+=(python3-aiohttp)
command -v go >/dev/null 2>&1 || missing+=(golang-go)
{ command -v php >/dev/null 2>&1 && php -r 'exit(function_exists("curl_init") ? 0 : 1);'; } >/dev/null 2>&1 || missing+=(php-cli php-curl)
[ ${#missing[@]} -eq 0 ] && { echo "Every client of the matrix is installed."; exit 0; }
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing: ${missing[*]}. Install Debian's packages as root: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing the matrix's clients: ${missing[*]}"
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi
DEBIAN_FRONTEND=noninteractive apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
