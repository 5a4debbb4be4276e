// Re-records the fixtures of lib/har's tests (tests/fixtures/har/) from real sessions against the lab:
// Debian's Chromium through playwright-core's recordHar, Firefox ESR over WebDriver BiDi (bidi-har.ts), and curl -v. Needs a build (`npm run build`); it
// starts the production server itself (scripts/serve-build.mjs) and a loopback server of its own that
// redirects to the lab on another origin. Sandbox credentials only (alice / wonderland).
// Run: npx tsx scripts/har/record-fixtures.ts
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import * as z from 'zod';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
import { startServer } from '../serve-build.mjs';
import { answerChallenges, provide } from '../cdp-auth';
import { launchFirefox } from '../firefox';
import { type BidiEvent, harFromBidi } from './bidi-har';
import { answerDigestChallenge, encodeBasicCredentials, formatCredentials, parseChallenges } from '@/lib/http-auth';
import { appOrigin } from './app-origin';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = path.join(root, 'tests/fixtures/har');
const USER = { userId: 'alice', password: 'wonderland' };
// A JWT-shaped token the lab did not issue (its signature is none of the lab's): 401 error="invalid_token".
const FOREIGN_JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZSIsImF1ZCI6Imh0dHBzOi8vb3RoZXIuZXhhbXBsZSIsImV4cCI6MTcwMDAwMDAwMH0.c2lnbmF0dXJlLW5vdC1mcm9tLXRoZS1sYWItMDEyMzQ1Njc4OQ';

/** Keeps the fixture small: the lab's page and its assets go, the sandbox exchanges and the redirect stay. */
function trim(file: string): number {
  const har = JSON.parse(fs.readFileSync(file, 'utf8'));
  har.log.entries = har.log.entries.filter((entry: { request: { url: string } }) => /\/api\/sandbox\/|\/start$/.test(entry.request.url));
  har.log.pages = [];
  fs.writeFileSync(file, `${JSON.stringify(har, null, 2)}\n`);
  return har.log.entries.length;
}

/** A fetch from the page, as a single-page app sends it; the answer's status and headers come back. */
async function pageFetch(page: Page, url: string, headers: Record<string, string> = {}) {
  return page.evaluate(
    async ([target, sent]) => {
      const response = await fetch(target, { headers: sent, cache: 'no-store' });
      return { status: response.status, challenge: response.headers.get('WWW-Authenticate') ?? '' };
    },
    [url, headers] as const,
  );
}

async function digestConversation(page: Page, base: string): Promise<void> {
  const target = '/api/sandbox/digest';
  const first = await pageFetch(page, `${base}${target}`);
  const challenges = parseChallenges(first.challenge);
  const challenge = challenges.ok ? challenges.value.find((c) => c.scheme.toLowerCase() === 'digest') : undefined;
  if (!challenge) throw new Error(`no Digest challenge in ${first.challenge}`);
  const answer = answerDigestChallenge({ challenge, username: USER.userId, password: USER.password, method: 'GET', uri: target });
  if (!answer.ok) throw new Error(answer.error.message);
  await pageFetch(page, `${base}${target}`, { Authorization: formatCredentials(answer.value.credentials) });
}

async function recordChromium(base: string): Promise<void> {
  // The lab on "localhost" as well as 127.0.0.1: two origins (RFC 6454 §4) on one machine.
  const hop = await appOrigin(`${base.replace('127.0.0.1', 'localhost')}/api/sandbox/basic`);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    const file = path.join(out, 'chromium-lab.har');
    const context = await browser.newContext({ recordHar: { path: file, content: 'embed' } });
    const page = await context.newPage();
    // Nobody types into the login dialog: every challenge reaches the page's script as the 401 it is.
    const auth = await answerChallenges(context, page, () => ({ response: 'CancelAuth' }));
    // Scripts on the lab's home page (its Content-Security-Policy lets them fetch their own origin).
    await page.goto(`${base}/`);
    const basic = encodeBasicCredentials(USER);
    if (!basic.ok) throw new Error(basic.error.message);
    await pageFetch(page, `${base}/api/sandbox/basic`);
    await pageFetch(page, `${base}/api/sandbox/basic`, { Authorization: formatCredentials(basic.value) });
    await digestConversation(page, base);
    await pageFetch(page, `${base}/api/sandbox/bearer`, { Authorization: `Bearer ${FOREIGN_JWT}` });
    // A navigation redirected to another origin, where the resource asks for credentials (no one types them).
    await page.goto(`${hop.origin}/start`).catch(() => undefined);
    await auth.detach();
    await context.close();
    console.log(`chromium-lab.har: ${trim(file)} entries`);
  } finally {
    await browser.close();
    await hop.close();
  }
}

async function recordChromiumProxy(base: string): Promise<void> {
  // The lab as Chromium's configured proxy (as tests/browser/other-clients.test.ts does): a real 407.
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, `--proxy-server=${base}`, '--proxy-bypass-list=<-loopback>'],
  });
  try {
    const file = path.join(out, 'chromium-proxy.har');
    const context = await browser.newContext({ recordHar: { path: file, content: 'embed' } });
    const page = await context.newPage();
    // First the reader dismisses the proxy's dialog (the 407 reaches the page), then signs in to the proxy and
    // dismisses the origin's (Chromium answers the 407 itself: the recording shows only the 401 that follows).
    let signInToProxy = false;
    const auth = await answerChallenges(context, page, (challenge) =>
      signInToProxy && challenge.source === 'Proxy' ? provide(USER.userId, USER.password) : { response: 'CancelAuth' },
    );
    await page.goto(`${base}/api/sandbox/proxy`).catch(() => undefined);
    signInToProxy = true;
    await page.goto(`${base}/api/sandbox/proxy?again`).catch(() => undefined);
    await auth.detach();
    await context.close();
    console.log(`chromium-proxy.har: ${trim(file)} entries`);
  } finally {
    await browser.close();
  }
}

/** puppeteer-core's BiDi connection (Browser.connection, internal in its types; tests/browser/support/probe-page.ts reads it too). */
type BidiConnection = { on: (event: string, handler: (params: unknown) => void) => unknown };

async function recordFirefox(base: string): Promise<void> {
  const browser = await launchFirefox();
  try {
    const connection = (browser as unknown as { connection: BidiConnection }).connection;
    const events: BidiEvent[] = [];
    for (const name of ['network.beforeRequestSent', 'network.authRequired', 'network.responseCompleted', 'network.fetchError']) {
      connection.on(name, (params) => events.push({ name, params }));
    }
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    // Firefox answers Basic and Digest itself, as after a reader typed alice's password into its dialog.
    await page.authenticate({ username: USER.userId, password: USER.password });
    await page.goto(`${base}/`);
    const fetchStatus = (url: string, headers: Record<string, string> = {}) =>
      page.evaluate(async (target, sent) => (await fetch(target, { headers: sent, cache: 'no-store' })).status, url, headers);
    await fetchStatus(`${base}/api/sandbox/basic`);
    await fetchStatus(`${base}/api/sandbox/digest`);
    await fetchStatus(`${base}/api/sandbox/bearer`, { Authorization: `Bearer ${FOREIGN_JWT}` });
    const id = z.object({ _id: z.string() }).parse(page.mainFrame())._id;
    const har = harFromBidi(events, id, (await browser.version()).replace(/^firefox\//i, ''));
    har.log.entries = har.log.entries.filter((entry) => /\/api\/sandbox\//.test((entry as { request: { url: string } }).request.url));
    fs.writeFileSync(path.join(out, 'firefox-bidi.har'), `${JSON.stringify(har, null, 2)}\n`);
    console.log(`firefox-bidi.har: ${har.log.entries.length} entries`);
    await context.close();
  } finally {
    await browser.close();
  }
}

function recordCurl(base: string): void {
  // stderr (the > < * lines) and stdout (the body) together, in the order curl wrote them, as a terminal shows them.
  const both = (args: string[]) => execFileSync('sh', ['-c', 'curl -sS -v "$@" 2>&1', 'curl', ...args], { encoding: 'utf8' });
  fs.writeFileSync(path.join(out, 'curl-digest.txt'), both(['--digest', '-u', `${USER.userId}:${USER.password}`, `${base}/api/sandbox/digest`]));
  console.log('curl-digest.txt written');
}

fs.mkdirSync(out, { recursive: true });
const lab = await startServer({ SANDBOX_SECRET: 'har-fixtures-secret-0123456789abcdef', SANDBOX_RATE_LIMIT: 'off' });
// However the script ends (a browser that hangs, an exception thrown from an event handler), the lab ends with it.
process.on('exit', () => lab.child.kill());
try {
  await recordChromium(lab.baseUrl);
  await recordChromiumProxy(lab.baseUrl);
  await recordFirefox(lab.baseUrl);
  recordCurl(lab.baseUrl);
} finally {
  lab.child.kill();
}
