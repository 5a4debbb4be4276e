// Records the fixtures of lib/har's diagnosis tests that real clients make against the lab
// (tests/fixtures/har/chromium-mistakes.har, curl-redirect.txt): the same wrong password sent three times,
// Authorization dropped on a redirect to another origin, a Digest challenge offering only SHA-512-256, and a
// cross-origin fetch whose 401 the lab does expose (a case the rules must stay silent on). Needs a build
// (`npm run build`); it starts the production server itself and a loopback origin of its own that serves a
// page and redirects to the lab on another origin. Sandbox credentials only (alice / wonderland).
// Run: npx tsx scripts/har/record-mistakes.ts
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
import { startServer } from '../serve-build.mjs';
import { answerChallenges, provide } from '../cdp-auth';
import { encodeBasicCredentials, formatCredentials } from '@/lib/http-auth';
import { appOrigin } from './app-origin';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = path.join(root, 'tests/fixtures/har');
const USER = { userId: 'alice', password: 'wonderland' };

/** A fetch from the page, as a single-page app sends it; resolves to its status, or 0 when it failed. */
const pageFetch = (page: Page, url: string, headers: Record<string, string> = {}) =>
  page.evaluate(
    async ([target, sent]) => {
      try {
        return (await fetch(target, { headers: sent, cache: 'no-store' })).status;
      } catch {
        return 0;
      }
    },
    [url, headers] as const,
  );

function trim(file: string, keep: RegExp): number {
  const har = JSON.parse(fs.readFileSync(file, 'utf8'));
  har.log.entries = har.log.entries.filter((entry: { request: { url: string } }) => keep.test(entry.request.url));
  har.log.pages = [];
  fs.writeFileSync(file, `${JSON.stringify(har, null, 2)}\n`);
  return har.log.entries.length;
}

async function recordChromium(base: string): Promise<void> {
  // The lab on "localhost", the app on 127.0.0.1: two origins (RFC 6454 §4) on one machine.
  const lab = base.replace('127.0.0.1', 'localhost');
  const app = await appOrigin(`${lab}/api/sandbox/basic`);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    const file = path.join(out, 'chromium-mistakes.har');
    const context = await browser.newContext({ recordHar: { path: file, content: 'embed' } });
    const page = await context.newPage();
    // The reader types alice's password into a Digest dialog and dismisses every other one, so the scripts'
    // 401s reach them as they are (answering a 401 to a script-set Authorization makes Chromium ask forever).
    const auth = await answerChallenges(context, page, (challenge) =>
      challenge.scheme.toLowerCase() === 'digest' ? provide(USER.userId, USER.password) : { response: 'CancelAuth' },
    );
    const wrong = encodeBasicCredentials({ userId: USER.userId, password: 'not-wonderland' });
    const right = encodeBasicCredentials(USER);
    if (!wrong.ok || !right.ok) throw new Error('Basic credentials did not encode');
    // A script that retries the same wrong password: three 401s.
    await page.goto(`${base}/`);
    for (let i = 0; i < 3; i++) await pageFetch(page, `${base}/api/sandbox/basic`, { Authorization: formatCredentials(wrong.value) });
    // A script on the app's origin: right credentials to its own /start, redirected to the lab on another origin.
    await page.goto(`${app.origin}/`);
    await pageFetch(page, `${app.origin}/start`, { Authorization: formatCredentials(right.value) });
    // The same script calling the lab directly: a cross-origin 401 whose challenge the lab exposes.
    await pageFetch(page, `${lab}/api/sandbox/bearer`);
    // A page whose Digest challenge offers only SHA-512-256: what does Chromium answer?
    await page.goto(`${base}/api/sandbox/digest?algorithm=SHA-512-256`).catch(() => undefined);
    console.log('challenges Chromium asked about:', JSON.stringify(auth.challenges.map((c) => `${c.scheme} ${c.url}`)));
    await auth.detach();
    await context.close();
    console.log(`chromium-mistakes.har: ${trim(file, /\/api\/sandbox\/|\/start$/)} entries`);
  } finally {
    await browser.close();
    await app.close();
  }
}

async function recordCurl(base: string): Promise<void> {
  // curl -L does not send -u credentials to another host than the one they were given for.
  const app = await appOrigin(`${base.replace('127.0.0.1', 'localhost')}/api/sandbox/basic`);
  try {
    // Not execFileSync: the redirector answers from this process's event loop, which must keep running.
    const { stdout: text } = await promisify(execFile)(
      'sh',
      ['-c', 'curl -sS -v -L -u "$1" "$2" 2>&1', 'curl', `${USER.userId}:${USER.password}`, `${app.origin}/start`],
      {
        encoding: 'utf8',
      },
    );
    fs.writeFileSync(path.join(out, 'curl-redirect.txt'), text);
    console.log('curl-redirect.txt written');
  } finally {
    await app.close();
  }
}

fs.mkdirSync(out, { recursive: true });
const lab = await startServer({ SANDBOX_SECRET: 'har-fixtures-secret-0123456789abcdef', SANDBOX_RATE_LIMIT: 'off' });
process.on('exit', () => lab.child.kill());
try {
  await recordChromium(lab.baseUrl);
  await recordCurl(lab.baseUrl);
} finally {
  lab.child.kill();
}
