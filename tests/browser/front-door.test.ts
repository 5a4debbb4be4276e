jest.setTimeout(90_000);
// Issue 16: someone with a 401 right now finds the door on the home page and in the navigation. Each
// journey is driven as a person would: a click into the box, the header typed on the keyboard, a click
// on the button found by its role. The home journey runs in Chromium (the run's shared one) and in
// Firefox ESR (one for this file, a fresh context per test).
import type { Page } from 'playwright-core';
import type { Browser as FirefoxBrowser } from 'puppeteer-core';
import { openBrowser } from './support/chromium';
import { launchFirefox } from '@/scripts/firefox';
import { axeViolations, baseUrl, openPage, reactHydrated } from './support/site';

// A broken challenge: its conclusion names where it breaks and what a client then does.
const BROKEN = 'WWW-Authenticate: Basic realm=x y';
const CONCLUSION =
  /^In short: The WWW-Authenticate line does not parse at column 33 \(expected ',' or the end after a parameter, found 'y'\): .*reports the 401\.$/;
const FINDING = "Expected ',' or the end after a parameter, found 'y'.";

/** What the reader sees of the explanation: its lead sentence and its findings, in order. */
function readExplanation() {
  const lead = [...document.querySelectorAll('p')].find((p) => p.textContent?.startsWith('In short:'));
  const findingsHeading = [...document.querySelectorAll('h3, h4')].find((h) => h.textContent === 'Findings');
  return {
    lead: lead?.textContent ?? '',
    leadFirst: Boolean(lead && findingsHeading && lead.compareDocumentPosition(findingsHeading) & Node.DOCUMENT_POSITION_FOLLOWING),
    findings: [...document.querySelectorAll('ol > li')].map((li) => li.textContent ?? ''),
    address: location.href,
  };
}

let firefox: FirefoxBrowser;
beforeAll(async () => {
  firefox = await launchFirefox();
});
afterAll(async () => {
  await firefox?.close();
});

describe('home → paste a header → explanation', () => {
  test('in Chromium', async () => {
    const { page, close } = await openBrowser();
    try {
      await openPage(page, `${baseUrl()}/`);
      const box = page.getByRole('textbox', { name: 'Paste the response you got' });
      await box.click();
      await page.keyboard.type(BROKEN);
      await page.getByRole('button', { name: 'Explain', exact: true }).click();
      await page.getByText(/^In short:/).waitFor();
      const seen = await page.evaluate(readExplanation);
      expect(seen.lead).toMatch(CONCLUSION);
      expect(seen.leadFirst).toBe(true);
      expect(seen.findings.some((finding) => finding.includes(FINDING))).toBe(true);
      // Nothing pasted went into the address (it may hold credentials).
      expect(seen.address).toBe(`${baseUrl()}/`);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await close();
    }
  });

  test('in Chromium, a press before the explainer has arrived waits for it: nothing typed is lost', async () => {
    const { page, close } = await openBrowser();
    try {
      await openPage(page, `${baseUrl()}/`);
      // Every script fetched from now on (the explainer's chunk, asked for on focus) arrives late.
      await page.route('**/_next/static/chunks/**', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      await page.getByRole('textbox', { name: 'Paste the response you got' }).click();
      await page.keyboard.type(BROKEN);
      await page.getByRole('button', { name: 'Explain', exact: true }).click();
      await page.getByText('Explaining…').waitFor();
      await page.getByText(/^In short:/).waitFor();
      expect((await page.evaluate(readExplanation)).lead).toMatch(CONCLUSION);
    } finally {
      await close();
    }
  });

  test('in Firefox', async () => {
    const context = await firefox.createBrowserContext();
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl()}/`, { waitUntil: 'load' });
      await page.waitForFunction(reactHydrated);
      await page.locator('::-p-aria([name="Paste the response you got"][role="textbox"])').click();
      await page.keyboard.type(BROKEN);
      await page.locator('::-p-aria([name="Explain"][role="button"])').click();
      await page.waitForFunction(() => [...document.querySelectorAll('p')].some((p) => p.textContent?.startsWith('In short:')));
      const seen = await page.evaluate(readExplanation);
      expect(seen.lead).toMatch(CONCLUSION);
      expect(seen.leadFirst).toBe(true);
      expect(seen.findings.some((finding) => finding.includes(FINDING))).toBe(true);
      expect(seen.address).toBe(`${baseUrl()}/`);
    } finally {
      await context.close();
    }
  });
});

async function leadOf(page: Page): Promise<string> {
  return (await page.locator('p', { hasText: /^In short:/ }).textContent()) ?? '';
}

describe('the troubleshooting page', () => {
  test('the nav link leads there; its Explain box works at once (no load button), the troubleshooter follows', async () => {
    const { page, close } = await openBrowser();
    try {
      await openPage(page, `${baseUrl()}/playground`);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Troubleshoot' }).click();
      await page.waitForURL(`${baseUrl()}/troubleshoot`);
      await page.getByRole('heading', { level: 1, name: 'Troubleshoot a 401, 403 or 407' }).waitFor();
      const box = page.getByRole('textbox', { name: 'Response to explain' });
      await box.click();
      await page.keyboard.type('WWW-Authenticate: Basic realm="x", charset="UTF-8"');
      await page.keyboard.press('Control+Enter');
      await page.getByText(/^In short:/).waitFor();
      expect(await leadOf(page)).toBe('In short: A client holding a user name and password retries with Authorization: Basic.');
      // The troubleshooter's walk follows on the same page.
      await page.getByRole('group', { name: 'Question 1: What did the failing request get back?' }).waitFor();
    } finally {
      await close();
    }
  });

  test('a bare Bearer 401 pasted there: RFC 6750 §3 cited, Esc leaves the box for the button, no axe violations', async () => {
    const { page, close } = await openBrowser();
    try {
      await openPage(page, `${baseUrl()}/troubleshoot`);
      const box = page.getByRole('textbox', { name: 'Response to explain' });
      await box.click();
      await page.keyboard.type('HTTP/1.1 401 Unauthorized');
      await page.keyboard.press('Enter');
      await page.keyboard.type('WWW-Authenticate: Bearer');
      await page.getByRole('button', { name: 'Explain', exact: true }).click();
      await page.locator('cite', { hasText: 'RFC 6750 §3' }).first().waitFor();
      expect(await leadOf(page)).toMatch(/^In short: A Bearer challenge must carry at least one parameter/);
      await box.focus();
      await page.keyboard.press('Escape');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Explain');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await close();
    }
  });

  test('the playground points to the Explain tool there', async () => {
    const { page, close } = await openBrowser();
    try {
      await openPage(page, `${baseUrl()}/playground`);
      await page.getByRole('link', { name: 'Explain tool on the troubleshooting page' }).click();
      await page.waitForURL(`${baseUrl()}/troubleshoot#explain`);
      await page.getByRole('textbox', { name: 'Response to explain' }).waitFor();
    } finally {
      await close();
    }
  });
});

// The home page's own scripts stay small: the explainer (the header grammar and its rules) is a chunk
// fetched only when the reader starts on the paste box; the troubleshooting page loads it up front.
describe('where the explainer is loaded', () => {
  const MARK = 'The explainer failed on this input';
  async function scriptsOf(path: string): Promise<string> {
    const html = await (await fetch(`${baseUrl()}${path}`)).text();
    const sources = [...new Set([...html.matchAll(/\/_next\/static\/chunks\/[\w.-]+\.js/g)].map(([src]) => src))];
    const code = await Promise.all(sources.map(async (src) => (await fetch(`${baseUrl()}${src}`)).text()));
    return code.join('\n');
  }

  test('not among the home page scripts, but among the troubleshooting page scripts', async () => {
    const [home, troubleshoot] = await Promise.all([scriptsOf('/'), scriptsOf('/troubleshoot')]);
    expect(home.includes(MARK)).toBe(false);
    expect(troubleshoot.includes(MARK)).toBe(true);
  });
});
