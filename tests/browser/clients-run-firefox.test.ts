jest.setTimeout(120_000);
// Issue 21, "Test your own client", in Firefox ESR: the same journey as clients-run.test.ts (start a run,
// let this browser be the client, see the verdicts), with the login prompt answered through WebDriver BiDi
// (page.authenticate) as a reader would answer it. Firefox hands a 407 from a server that is not its proxy
// to the page (content/browser-facts.yaml), so the proxy cases end with that status, not a network error.
import type { Browser } from 'puppeteer-core';
import { ALICE, expectBrowserAnsweredBasic, recordedCase, recordedReport, runIdFrom, verdictWords } from './support/client-run';
import { launchFirefox } from '@/scripts/firefox';
import { baseUrl, reactHydrated } from './support/site';

let firefox: Browser;

beforeAll(async () => {
  firefox = await launchFirefox();
});

afterAll(async () => {
  await firefox?.close();
});

const byRole = (role: string, name: string) => `::-p-aria([name=${JSON.stringify(name)}][role="${role}"])`;

test('start a run, run the cases in Firefox, and see the verdicts the lab graded from Firefox’s own requests', async () => {
  const context = await firefox.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.authenticate(ALICE);
    await page.goto(`${baseUrl()}/clients/test`, { waitUntil: 'load' });
    await page.waitForFunction(reactHydrated);
    await (await page.waitForSelector(byRole('button', 'Start a run')))?.click();
    const heading = await page.waitForSelector('#run-heading');
    const id = runIdFrom((await heading?.evaluate((element) => (element as HTMLElement).innerText)) ?? '');
    await (await page.waitForSelector(byRole('button', 'Run these cases in this browser')))?.click();
    await page.waitForFunction(() => document.body.innerText.includes('This browser requested every case'), { timeout: 90_000 });
    await page.waitForFunction(() => document.body.innerText.includes('Every case has a verdict.'), { timeout: 15_000 });

    const report = await recordedReport(id);
    expect(report.summary.pending).toBe(0);
    expectBrowserAnsweredBasic(report);
    // Each case's item on the page, by its title: the verdict the lab graded shows there in words.
    const items = await page.evaluate(() =>
      [...(document.querySelector('ol[aria-label="Cases"]')?.children ?? [])].map((li) => [
        li.querySelector('h3')?.textContent ?? '',
        (li as HTMLElement).innerText,
      ]),
    );
    const shown = new Map(items as Array<[string, string]>);
    for (const [title, words] of verdictWords(report)) expect([title, shown.get(title)?.includes(words)]).toEqual([title, true]);
    const proxy = recordedCase(report, 'proxy-basic-then-origin-basic');
    expect(proxy.requests[0]?.status).toBe(407);
    expect(shown.get(proxy.title)).toMatch(/This browser ended with\s*407\s*Proxy Authentication Required/);
  } finally {
    await context.close();
  }
});
