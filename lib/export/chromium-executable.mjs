// Which Chromium the lab drives, and with what flags: the site's handout printer (handout-printer.ts), the
// browser tests and the benchmarks (scripts/chromium.mjs) all use Debian's. Nothing downloads a browser.
// Plain .mjs so scripts run by plain node can import it.

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Flags this machine needs: no sandbox as root, and no background traffic to a network that is closed.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
