#!/usr/bin/env bash
# What the tests need from Debian: Chromium (driven by playwright-core), its headless shell (the same
# Blink without the browser's own UI, for the page and journey tests: about half Chromium's CPU per page,
# docs/testing.md) and Firefox ESR (driven by puppeteer-core over WebDriver BiDi, for the browser facts
# checked in both engines); nothing downloads a browser at run time. Also curl, wget, Python requests, Perl's LWP and a JDK (real clients for the sandbox
# endpoints, the snippets and the lessons' claims about clients, tests/http/client-claims.test.ts), and
# nginx (the two-instance test puts it in front of two servers; it runs its own nginx -p <tmpdir>, so
# Debian's nginx service is never started: see policy-rc.d below). And xmllint, which validates the SCORM
# manifests against ADL's XSDs (tests/scripts/scorm-manifest.test.ts). And poppler-utils (pdfinfo, pdftotext,
# pdftoppm), which read the PDF handouts back: tagged, page counts, answer key, no blank page
# (tests/browser/export-pdf.test.ts, bench/handouts.mjs). And python3-requests-ntlm, Python's NTLM client
# for requests, run against the lab's NTLM and Negotiate endpoints (tests/http/ntlm-clients.test.ts). And
# redis-server, for the shared store behind REDIS_URL (tests/lib/sandbox/store.test.ts and
# tests/http/two-instances-redis.test.ts start their own on a free port; the system service is never
# started, like nginx's: see policy-rc.d below).
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$chromium_path" ] || missing+=(chromium)
[ -x "${CHROMIUM_HEADLESS_SHELL_PATH:-/usr/bin/chromium-headless-shell}" ] || missing+=(chromium-headless-shell)
[ -x "${FIREFOX_PATH:-/usr/bin/firefox-esr}" ] || missing+=(firefox-esr)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v wget >/dev/null 2>&1 || missing+=(wget)
perl -MLWP::UserAgent -e 1 >/dev/null 2>&1 || missing+=(libwww-perl)
# javac compiles the Java client once per run; the headless JDK also brings java.
command -v javac >/dev/null 2>&1 || missing+=(default-jdk-headless)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
{ command -v pdfinfo && command -v pdftotext && command -v pdftoppm; } >/dev/null 2>&1 || missing+=(poppler-utils)
# The snippet tests use whichever python3 can import requests (PATH first, then Debian's).
{ python3 -c "import requests" || /usr/bin/python3 -c "import requests"; } >/dev/null 2>&1 || missing+=(python3-requests)
# Debian's own python3 (the NTLM test runs /usr/bin/python3, whatever python3 comes first on PATH).
/usr/bin/python3 -c "import requests_ntlm" >/dev/null 2>&1 || missing+=(python3-requests-ntlm)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing: ${missing[*]}. Install Debian's packages as root: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing Debian packages the tests need: ${missing[*]}"
# Installing nginx or redis-server would start the system service (port 80, port 6379); policy-rc.d answering
# 101 ("action forbidden") tells invoke-rc.d not to start any service during this install (the file is
# removed after).
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi
DEBIAN_FRONTEND=noninteractive apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
