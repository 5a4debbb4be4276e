// Issue 21, "Test your own client", in Chromium: a reader starts a run on the page, lets this browser be the
// client (the login prompt answered by the test as a reader would answer it: alice / wonderland), and sees
// the verdicts arrive. The verdicts are checked against the report the lab recorded of Chromium's own
// requests; then the link to share opens the same report. Axe, in both themes, and a 360 px phone on the
// pages with a run on them (the page sweep sees /clients/test before a run starts).
import type { Page } from 'playwright-core';
import { networkErrorWords } from '@/lib/clients/browser-run';
import { ALICE, expectBrowserAnsweredBasic, recordedCase, recordedReport, runIdFrom, verdictWords } from './support/client-run';
import { openBrowser, type ColorScheme } from './support/chromium';
import { axeViolationsInTheme, baseUrl, openPage } from './support/site';

const caseItem = (page: Page, title: string) =>
  page
    .getByRole('list', { name: 'Cases' })
    .locator(':scope > li')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) });

async function startRun(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Start a run' }).click();
  const heading = page.getByRole('heading', { level: 2, name: /^Run / });
  await heading.waitFor();
  return runIdFrom(await heading.innerText());
}

test('start a run, run the cases in Chromium, and see the verdicts the lab graded from Chromium’s own requests', async () => {
  const session = await openBrowser({ httpCredentials: ALICE, realChromium: true });
  try {
    const { page } = session;
    await openPage(page, `${baseUrl()}/clients/test`);
    const id = await startRun(page);
    // Focus moved to the run, for a keyboard or screen reader user.
    await page.waitForFunction(() => document.activeElement?.id === 'run-heading', undefined, { timeout: 5000 });
    // From the run's heading, the next stop is the button that runs the cases: keyboard only.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Run these cases in this browser');
    await page.keyboard.press('Enter');
    await page.getByText(/This browser requested every case/).waitFor({ timeout: 90_000 });
    // Every case got a request from Chromium, so every case is graded and the page stops checking.
    await page.getByText(/Every case has a verdict\./).waitFor({ timeout: 15_000 });

    const report = await recordedReport(id);
    expect(report.summary.pending).toBe(0);
    expectBrowserAnsweredBasic(report);
    for (const [title, words] of verdictWords(report)) await expect(caseItem(page, title).getByText(words, { exact: true }).count()).resolves.toBe(1);

    // Chromium turns the 407 of a server that is not its proxy into a network error: the page says so,
    // and the lab recorded the request it answered with 407.
    const proxy = recordedCase(report, 'proxy-basic-then-origin-basic');
    expect(proxy.requests[0]?.status).toBe(407);
    const proxyItem = caseItem(page, proxy.title);
    await expect(proxyItem.getByText(/network error/).innerText()).resolves.toBe(networkErrorWords(proxy, 'Failed to fetch'));

    // The requests the lab saw, in the case's disclosure.
    const basicItem = caseItem(page, recordedCase(report, 'basic-plain').title);
    const saw = recordedCase(report, 'basic-plain').requests.length;
    await basicItem.getByText(saw === 1 ? 'The request the lab saw' : `The ${saw} requests the lab saw`).click();
    await expect(basicItem.getByText(/Sent Authorization: Basic\. Verified as alice\./).isVisible()).resolves.toBe(true);

    // The link to share opens the same report on a page of its own.
    await page.getByRole('link', { name: `the report of run ${id}` }).click();
    await page.waitForURL(`**/clients/runs/${id}`);
    await page.getByText(/Every case has a verdict\./).waitFor();
    for (const [title, words] of verdictWords(report)) await expect(caseItem(page, title).getByText(words, { exact: true }).count()).resolves.toBe(1);
  } finally {
    await session.close();
  }
}, 180_000);

describe.each(['light', 'dark'] as ColorScheme[])('with a run on the page, in %s', (theme) => {
  test('the test page and the report page pass axe', async () => {
    const session = await openBrowser({ colorScheme: theme });
    try {
      const { page } = session;
      await openPage(page, `${baseUrl()}/clients/test`);
      const id = await startRun(page);
      await page.getByText(/No case graded yet/).waitFor();
      expect(await axeViolationsInTheme(page, theme)).toEqual([]);
      await openPage(page, `${baseUrl()}/clients/runs/${id}`);
      await page.getByText(/No case graded yet/).waitFor();
      expect(await axeViolationsInTheme(page, theme)).toEqual([]);
    } finally {
      await session.close();
    }
  });
});

test('on a 360 px phone, a run’s cases fit without sideways scrolling; an unknown run says so in words', async () => {
  const session = await openBrowser({ viewport: { width: 360, height: 740 } });
  try {
    const { page } = session;
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await openPage(page, `${baseUrl()}/clients/test`);
    const id = await startRun(page);
    await page.getByText(/No case graded yet/).waitFor();
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    await openPage(page, `${baseUrl()}/clients/runs/${id}`);
    await page.getByText(/No case graded yet/).waitFor();
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    await openPage(page, `${baseUrl()}/clients/runs/${'A'.repeat(22)}`);
    await page.getByText(/This run is gone: There is no run/).waitFor();
    await expect(page.getByRole('link', { name: 'Start a new run' }).getAttribute('href')).resolves.toBe('/clients/test');
  } finally {
    await session.close();
  }
});
