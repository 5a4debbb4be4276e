jest.setTimeout(120_000);
// Issue 22's page in Firefox ESR (puppeteer-core over WebDriver BiDi, scripts/firefox.ts), the journey of
// troubleshoot-traffic.test.ts: a HAR chosen in the file input is analysed in Firefox's Web Worker with no
// request leaving the page and no secret in the DOM; the share link reopens it; Cancel and a non-HAR file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, ElementHandle, Page } from 'puppeteer-core';
import { launchFirefox } from '@/scripts/firefox';
import { syntheticHar } from '../../bench/support/synthetic-har.mjs';
import { DIAGNOSED_RECORDINGS, harFindings, harFixture, harSecrets } from './support/har-fixtures';
import { baseUrl, reactHydrated } from './support/site';

const FIXTURE = path.join(__dirname, '../fixtures/har/chromium-lab.har');
const pageUrl = () => `${baseUrl()}/troubleshoot/traffic`;
// The fixture's Basic password, its base64 form, and the start of the JWT it sent (its header, a fixed value).
const SECRETS = ['wonderland', 'YWxpY2U6d29uZGVybGFuZA', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGlj'];

let firefox: Browser;

beforeAll(async () => {
  firefox = await launchFirefox();
});

afterAll(async () => {
  await firefox?.close();
});

async function openTrafficPage(context: BrowserContext, url = pageUrl()): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(reactHydrated);
  // The worker starts with the page: its scripts are loaded before a file is chosen.
  await page.waitForNetworkIdle({ idleTime: 500 });
  return page;
}

async function fileInput(page: Page): Promise<ElementHandle<HTMLInputElement>> {
  const input = await page.waitForSelector('input[type="file"]');
  if (!input) throw new Error('no file input');
  return input as ElementHandle<HTMLInputElement>;
}

/** Waits for the element whose text is `text` exactly (puppeteer's ::-p-text reads the DOM). */
const waitForText = (page: Page, text: string, timeout = 60_000) => page.waitForSelector(`::-p-text(${text})`, { timeout });
const bodyText = (page: Page) => page.evaluate(() => document.body.textContent ?? '');

/**
 * Chooses `file` in the page's file input and waits for its report: the requests the page made meanwhile.
 * Firefox reports the data: URLs of its own built-in fonts as requests too; they never leave the machine.
 */
async function requestsWhileAnalysing(page: Page, file: string): Promise<string[]> {
  const requests: string[] = [];
  const record = (request: { url(): string }) => requests.push(request.url());
  page.on('request', record);
  await (await fileInput(page)).uploadFile(file);
  await waitForText(page, `Report on ${path.basename(file)}`);
  page.off('request', record);
  return requests.filter((url) => !url.startsWith('data:'));
}

test('a HAR chosen in Firefox is analysed with no request, shown redacted, and its share link reopens it', async () => {
  const context = await firefox.createBrowserContext();
  try {
    const page = await openTrafficPage(context);
    expect(await requestsWhileAnalysing(page, FIXTURE)).toEqual([]);

    const text = await bodyText(page);
    expect(text).toContain('Diagnosis');
    expect(text).toMatch(/Conversation 1: http:\/\/127\.0\.0\.1:\d+/);
    expect(text).toMatch(/Conversation 2: http:\/\/127\.0\.0\.1:\d+/);
    expect(text).toContain('[redacted #1: user-id "alice", password hidden]');
    for (const secret of SECRETS) expect([secret, text.includes(secret)]).toEqual([secret, false]);

    // Reveal asks Firefox's worker for the value.
    await (await page.waitForSelector('::-p-text(Redacted values (4))'))?.click();
    await (await page.waitForSelector('::-p-aria([name="Reveal #1"][role="button"])'))?.click();
    await page.waitForSelector('[aria-label="Value of #1"]');
    expect(await page.$eval('[aria-label="Value of #1"]', (code) => code.textContent)).toBe('Basic YWxpY2U6d29uZGVybGFuZA==');

    await (await page.waitForSelector('::-p-aria([name="Make a share link"][role="button"])'))?.click();
    const link = await (await page.waitForSelector('#share-link'))!.evaluate((input) => (input as HTMLInputElement).value);
    expect(link).toMatch(/\/troubleshoot\/traffic#report=[A-Za-z0-9_-]+$/);

    const shared = await openTrafficPage(context, link);
    await waitForText(shared, 'Shared report');
    const sharedText = await bodyText(shared);
    expect(sharedText).toMatch(/Conversation 2: http:\/\/127\.0\.0\.1:\d+/);
    for (const secret of SECRETS) expect([secret, sharedText.includes(secret)]).toEqual([secret, false]);
  } finally {
    await context.close();
  }
});

test.each(DIAGNOSED_RECORDINGS)('%s, recorded by a real browser, gets its findings in Firefox, with no request and no secret shown', async (file, rules) => {
  const expected = harFindings(file);
  expect(expected.rules).toEqual(rules);
  const context = await firefox.createBrowserContext();
  try {
    const page = await openTrafficPage(context);
    expect(await requestsWhileAnalysing(page, harFixture(file))).toEqual([]);
    const headings = await page.$$eval('h3', (all) => all.map((h) => (h.textContent ?? '').trim()).filter((t) => /(Problem|Warning): /.test(t)));
    expect(headings).toEqual(expected.headings.map((heading) => expect.stringContaining(heading)));
    const text = await bodyText(page);
    for (const secret of harSecrets(file)) expect([secret, text.includes(secret)]).toEqual([secret, false]);
  } finally {
    await context.close();
  }
});

test('Cancel stops a large recording in Firefox, and a file that is not a HAR says why', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'traffic-firefox-'));
  const large = path.join(dir, 'large.har');
  const notes = path.join(dir, 'notes.txt');
  fs.writeFileSync(large, syntheticHar(60 * 1024 * 1024).text);
  fs.writeFileSync(notes, 'Remember to buy milk.\n');
  const context = await firefox.createBrowserContext();
  try {
    const page = await openTrafficPage(context);
    await (await fileInput(page)).uploadFile(large);
    // Found by its text, which reads the DOM: an ARIA query of Firefox's accessibility tree can take longer
    // than the analysis itself.
    await (await page.waitForSelector('button::-p-text(Cancel)'))?.click();
    await waitForText(page, 'Cancelled: large.har was not analysed.');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await bodyText(page)).not.toContain('Report on large.har');

    await (await fileInput(page)).uploadFile(notes);
    await page.waitForFunction(() => document.body.textContent?.includes('notes.txt could not be read'), { timeout: 30_000 });
    expect(await bodyText(page)).toContain('This is neither a HAR file nor curl -v output');
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
