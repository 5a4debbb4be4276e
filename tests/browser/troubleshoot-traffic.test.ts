jest.setTimeout(120_000);
// Issue 22's page in real Chromium: a HAR chosen with the file input is analysed in the page's Web Worker with
// no request leaving the page, shown with no secret in the DOM, revealed only on request; Cancel stops a large
// one; a file that is not a HAR says why; the share link reopens the report from its fragment alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { syntheticHar } from '../../bench/support/synthetic-har.mjs';
import { type ColorScheme, openBrowser } from './support/chromium';
import { DIAGNOSED_RECORDINGS, harFindings, harFixture, harSecrets } from './support/har-fixtures';
import { axeViolationsInTheme, baseUrl, openPage, watchForProblems } from './support/site';

const FIXTURE = path.join(__dirname, '../fixtures/har/chromium-lab.har');
const pageUrl = () => `${baseUrl()}/troubleshoot/traffic`;

/** Every secret the fixture's requests carried, as sent: the Basic password and its base64, the tokens, Digest's response. */
function fixtureSecrets(): string[] {
  const har = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as { log: { entries: { request: { headers: { name: string; value: string }[] } }[] } };
  const sent = har.log.entries.flatMap((entry) =>
    entry.request.headers.filter((header) => header.name.toLowerCase() === 'authorization').map((header) => header.value),
  );
  const secrets = sent.flatMap((value) => {
    if (value.startsWith('Basic ')) return [value.slice(6)];
    if (value.startsWith('Bearer ')) return [value.slice(7), value.slice(7).split('.')[2] ?? ''];
    const response = /response="([^"]+)"/.exec(value)?.[1];
    return response ? [response] : [];
  });
  expect(sent.length).toBeGreaterThanOrEqual(3);
  return ['wonderland', ...secrets.filter((secret) => secret.length >= 6)];
}

/**
 * Requests of every page and worker of the context, from now until `stop`, except GETs of the site's own
 * build files (`/_next/static/`, no query): Next fetches the code of routes the report links to when the
 * browser is idle, which a loaded run saw as seven chunk requests after the report appeared. Such a GET
 * names a file of the build and carries nothing from the page.
 */
function recordRequests(context: BrowserContext) {
  const urls: string[] = [];
  const ownCode = (request: { url(): string; method(): string }) => {
    const url = new URL(request.url());
    return request.method() === 'GET' && url.origin === new URL(baseUrl()).origin && url.pathname.startsWith('/_next/static/') && url.search === '';
  };
  const listener = (request: { url(): string; method(): string }) => {
    if (!ownCode(request)) urls.push(request.url());
  };
  context.on('request', listener);
  return {
    stop: () => {
      context.off('request', listener);
      return urls;
    },
  };
}

/** The page, once hydrated and its worker's script has loaded (the worker starts with the page). */
async function openTrafficPage(page: Page, url = pageUrl()) {
  await openPage(page, url);
  await page.waitForLoadState('networkidle');
}

/** Opens a conversation's messages and one attempt's "Explain this response"; checks it explains the Basic challenge. */
async function openExplanation(conversation: Locator, attempt: number) {
  const messages = conversation.getByText('Every request and response, explained');
  if ((await messages.locator('xpath=..').getAttribute('open')) === null) await messages.click();
  const step = conversation.getByRole('region', { name: new RegExp(`^Attempt ${attempt}: `) });
  await step.getByText('Explain this response').click();
  const heading = step.getByRole('heading', { name: 'Explanation', level: 4 });
  await heading.waitFor();
  const explanation = heading.locator('xpath=..');
  expect(await explanation.getByRole('heading', { name: 'Findings', level: 5 }).isVisible()).toBe(true);
  expect(await explanation.textContent()).toMatch(/In short: .*Basic/);
}

const fileInput = (page: Page) => page.getByLabel('Choose a HAR file (or drop it here)');

test('a HAR chosen in the page is analysed with no request, shown redacted, revealed on request, and shared by its fragment', async () => {
  const session = await openBrowser();
  try {
    const { page, context } = session;
    const problems = watchForProblems(page, pageUrl());
    await openTrafficPage(page);
    expect(await page.getByText('Nothing is uploaded.').isVisible()).toBe(true);

    const requests = recordRequests(context);
    await fileInput(page).setInputFiles(FIXTURE);
    const results = page.getByRole('heading', { name: 'Report on chromium-lab.har' });
    await results.waitFor();
    expect(requests.stop()).toEqual([]);
    expect(await results.evaluate((heading) => heading === document.activeElement)).toBe(true);

    await page.getByRole('heading', { name: 'Diagnosis' }).waitFor();
    expect(await page.getByRole('heading', { name: /^Conversation \d+: / }).allTextContents()).toEqual([
      expect.stringMatching(/^Conversation 1: http:\/\/127\.0\.0\.1:\d+$/),
      expect.stringMatching(/^Conversation 2: http:\/\/127\.0\.0\.1:\d+$/),
    ]);
    expect(await page.getByRole('figure', { name: 'Conversation 1' }).isVisible()).toBe(true);
    // A recorded 401 explained by the playground's engine, from the redacted response (checked for secrets below).
    await openExplanation(page.getByRole('region', { name: /^Conversation 1: / }), 1);
    const text = await page.evaluate(() => document.body.textContent ?? '');
    expect(text).toContain('[redacted #1: user-id "alice", password hidden]');
    for (const secret of fixtureSecrets()) expect([secret, text.includes(secret)]).toEqual([secret, false]);

    // Reveal asks the worker for one value, on purpose; still no request.
    const revealing = recordRequests(context);
    const first = page.getByRole('region', { name: /^Conversation 1: / });
    await first.getByText(/^Redacted values/).click();
    await first.getByRole('button', { name: 'Reveal #1' }).click();
    expect(await first.getByLabel('Value of #1').textContent()).toBe('Basic YWxpY2U6d29uZGVybGFuZA==');
    expect(revealing.stop()).toEqual([]);

    await page.getByRole('button', { name: 'Make a share link' }).click();
    const link = await page.getByLabel(/^Share link/).inputValue();
    expect(link).toMatch(/\/troubleshoot\/traffic#report=[A-Za-z0-9_-]+$/);
    expect(link).not.toContain('YWxpY2U6d29uZGVybGFuZA');

    // Opened elsewhere: the page's own files are the only requests, none carries the report.
    const shared = await context.newPage();
    const opening = recordRequests(context);
    await openTrafficPage(shared, link);
    await shared.getByRole('heading', { name: 'Shared report' }).waitFor();
    const asked = opening.stop();
    expect(asked.filter((url) => url.includes('report='))).toEqual([]);
    expect(asked.every((url) => url.startsWith(baseUrl()))).toBe(true);
    expect(await shared.getByRole('heading', { name: /^Conversation \d+: / }).count()).toBe(2);
    expect(await shared.getByRole('button', { name: /^Reveal/ }).count()).toBe(0);
    await openExplanation(shared.getByRole('region', { name: /^Conversation 1: / }), 1);
    const sharedText = await shared.evaluate(() => document.body.textContent ?? '');
    for (const secret of fixtureSecrets()) expect([secret, sharedText.includes(secret)]).toEqual([secret, false]);
    expect(problems).toEqual([]);
  } finally {
    await session.close();
  }
});

test.each(DIAGNOSED_RECORDINGS)('%s, recorded by a real browser, gets its findings on the page, with no request and no secret shown', async (file, rules) => {
  const expected = harFindings(file);
  expect(expected.rules).toEqual(rules);
  const session = await openBrowser();
  try {
    const { page, context } = session;
    await openTrafficPage(page);
    const requests = recordRequests(context);
    await fileInput(page).setInputFiles(harFixture(file));
    await page.getByRole('heading', { name: `Report on ${file}` }).waitFor();
    expect(requests.stop()).toEqual([]);
    const findings = page.getByRole('heading', { level: 3 }).filter({ hasText: /(Problem|Warning): / });
    expect(await findings.allTextContents()).toEqual(expected.headings.map((heading) => expect.stringContaining(heading)));
    const text = await page.evaluate(() => document.body.textContent ?? '');
    for (const secret of harSecrets(file)) expect([secret, text.includes(secret)]).toEqual([secret, false]);
  } finally {
    await session.close();
  }
});

test('Cancel stops a large recording, and the page takes the next one', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'traffic-cancel-'));
  const large = path.join(dir, 'large.har');
  fs.writeFileSync(large, syntheticHar(40 * 1024 * 1024).text);
  const session = await openBrowser();
  try {
    const { page } = session;
    await openTrafficPage(page);
    await fileInput(page).setInputFiles(large);
    await page.getByRole('progressbar', { name: /^Analysing large\.har/ }).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Cancelled: large.har was not analysed.').waitFor();
    await page.waitForTimeout(3000);
    expect(await page.getByRole('heading', { name: /^Report on/ }).count()).toBe(0);

    await fileInput(page).setInputFiles(FIXTURE);
    await page.getByRole('heading', { name: 'Report on chromium-lab.har' }).waitFor();
  } finally {
    await session.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a file that is not a HAR says what was expected and where it broke', async () => {
  const session = await openBrowser();
  try {
    const { page } = session;
    await openTrafficPage(page);
    await fileInput(page).setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Remember to buy milk.\n') });
    const heading = page.getByRole('heading', { name: 'notes.txt could not be read' });
    await heading.waitFor();
    const section = page.getByRole('region', { name: 'notes.txt could not be read' });
    expect(await section.textContent()).toContain('This is neither a HAR file nor curl -v output');
    expect(await section.textContent()).toContain('Where: the start of the file');
  } finally {
    await session.close();
  }
});

/** curl -v of a 401 without a challenge, which the no-challenge rule diagnoses (RFC 9110 §15.5.2). */
const CURL_401 = [
  '> GET /orders HTTP/1.1',
  '> Host: api.example',
  '> Authorization: Bearer sk_live_abcdefghijklmnop1234',
  '>',
  '< HTTP/1.1 401 Unauthorized',
  '< Content-Length: 0',
  '<',
].join('\n');

test.each<ColorScheme>(['light', 'dark'])('pasted curl -v: the finding links to its exchange, and the report is axe-clean (%s)', async (colorScheme) => {
  const session = await openBrowser({ colorScheme });
  try {
    const { page } = session;
    await openTrafficPage(page);
    await page.getByRole('textbox', { name: 'Or paste a HAR or curl -v output' }).fill(CURL_401);
    await page.getByRole('button', { name: 'Analyse the pasted text' }).click();
    const finding = page.getByRole('article', { name: 'Problem: A 401 without WWW-Authenticate' });
    await finding.waitFor();
    expect(await finding.getByRole('link', { name: 'RFC 9110 §15.5.2' }).getAttribute('href')).toBe('https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2');
    // The exchange link opens the folded messages and moves focus to the exchange, leaving the URL alone.
    await finding.getByRole('link', { name: 'exchange 1', exact: true }).click();
    const attempt = page.getByRole('heading', { name: /^Attempt 1: GET \/orders/ });
    expect(await attempt.evaluate((heading) => heading === document.activeElement)).toBe(true);
    expect(new URL(page.url()).hash).toBe('');
    // With the hop's explanation open too: by keyboard, from its summary.
    await page.getByText('Explain this response').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Explanation', level: 4 }).waitFor();
    expect(await page.getByText(/^In short: A 401 must carry WWW-Authenticate/).isVisible()).toBe(true);
    expect(await axeViolationsInTheme(page, colorScheme)).toEqual([]);
  } finally {
    await session.close();
  }
});

test.each([
  ['the troubleshooting page', '/troubleshoot'],
  ['the playground', '/playground'],
  ['lesson 10', '/lessons/troubleshooting-401'],
])('%s links to the traffic page', async (_name, from) => {
  const session = await openBrowser();
  try {
    const { page } = session;
    await openPage(page, `${baseUrl()}${from}`);
    await page.getByRole('link', { name: 'Troubleshoot your own traffic' }).click();
    await page.waitForURL(pageUrl());
    await page.getByRole('heading', { level: 1, name: 'Troubleshoot your own traffic' }).waitFor();
  } finally {
    await session.close();
  }
});
