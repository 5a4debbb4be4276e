jest.setTimeout(90_000);
// Issue 16's journeys in Firefox ESR, walked as in Chromium (journeys.test.ts with snippet-journey.test.ts,
// phone-journeys.test.ts, embed-journeys.test.ts) with clicks and keys, and held to the same expectations
// through the helpers those files share. One Firefox for the file (puppeteer-core over WebDriver BiDi,
// scripts/firefox.ts), a fresh browser context per test. Controls are found by role and name with
// puppeteer's ARIA selectors (::-p-aria), which over BiDi ask Firefox's own accessibility tree.
import { type Browser, type BrowserContext, ElementHandle, type Frame, type Page } from 'puppeteer-core';
import { findPreset } from '@/lib/sandbox/scenario/presets';
import { launchFirefox } from '@/scripts/firefox';
import { headingPlace, landedPlace, lastSection, scrollAtRest } from './support/lesson-scroll';
import { LESSON_PLAYGROUND_LINKS, playgroundLinkName } from './support/lesson-links';
import { baseUrl, firstLesson, reactHydrated } from './support/site';
import { curlFinalStatus, RESULT_SUMMARY, runPasted, summaryFinalStatus } from './support/snippet-run';
import { coursePage, labFrame, trainerSite, visibleSandboxCommands } from './support/trainer-site';

const trainer = trainerSite();
let firefox: Browser;

beforeAll(async () => {
  [firefox] = await Promise.all([launchFirefox({ readableClipboard: true }), trainer.start()]);
});

afterAll(async () => {
  await Promise.all([firefox?.close(), trainer.close()]);
});

/** A fresh context (its own cookies, storage and clipboard permissions) and a page in it. */
async function openFirefox(): Promise<{ page: Page; context: BrowserContext }> {
  const context = await firefox.createBrowserContext();
  return { page: await context.newPage(), context };
}

/** Loads `url` and resolves once its scripts ran and React hydrated it, as site.ts's openPage. */
async function openPage(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(reactHydrated);
}

/** The frame of the <iframe> `selector` finds in `page`, once React has hydrated it. */
async function hydratedFrame(page: Page, selector: string): Promise<Frame> {
  const frame = await (await page.waitForSelector(selector))?.contentFrame();
  if (!frame) throw new Error(`${selector} is not a frame`);
  await frame.waitForFunction(reactHydrated);
  return frame;
}

/** ::-p-aria's attribute form: a role and an exact accessible name, as Firefox's accessibility tree has them. */
const byRole = (role: string, name: string) => `::-p-aria([name=${JSON.stringify(name)}][role="${role}"])`;

/**
 * The element with `role` and `name` in `scope`, once there. A query of the whole page walks Firefox's whole
 * accessibility tree (1–2 s for the playground on a busy two-core machine, up to 9 s for a lesson; inside a
 * form or a list, a tenth of a second), so the journeys look inside the form, group or list a person would
 * look in, found by its text where the page is long.
 */
async function find(scope: Page | ElementHandle, role: string, name: string): Promise<ElementHandle<Element>> {
  const element = await scope.waitForSelector(byRole(role, name));
  if (!element) throw new Error(`no ${role} "${name}"`);
  return element;
}

/** The element `levels` above `element`: a small scope to ask Firefox's accessibility tree in. */
async function ancestor(element: ElementHandle, levels: number): Promise<ElementHandle<Element>> {
  const handle = await element.evaluateHandle((start, count) => {
    let found: Element | null = start;
    for (let i = 0; i < count; i++) found = found?.parentElement ?? null;
    return found;
  }, levels);
  if (!(handle instanceof ElementHandle)) throw new Error(`nothing ${levels} levels up`);
  return handle;
}

/** The element whose own text is `text` (puppeteer's ::-p-text, which reads the DOM: fast on any page). */
async function byText(scope: Page | ElementHandle, text: string): Promise<ElementHandle<Element>> {
  const element = await scope.waitForSelector(`::-p-text(${text})`);
  if (!element) throw new Error(`no "${text}"`);
  return element;
}

/** Types into a hop's User and Password fields as a person does: click the field (all of its text), type. */
async function typeCredentials(page: Page, form: ElementHandle, hop: string, user: string, password: string) {
  const group = await find(form, 'group', hop);
  for (const [name, value] of [
    ['User', user],
    ['Password', password],
  ] as const) {
    const field = await find(group, 'textbox', name);
    await field.click({ count: 3 });
    await page.keyboard.type(value);
    expect(await field.evaluate((input) => (input as HTMLInputElement).value)).toBe(value);
  }
}

/** The summary line under Result once the conversation is shown, "3 requests: 407 → 401 → 200 (103 ms)". */
async function resultSummary(page: Page): Promise<string> {
  const result = await find(page, 'region', 'Result');
  // The innermost element whose text is the line, as Testing Library's getByText finds it.
  const line = await page.waitForFunction(
    (region, source) => {
      const pattern = new RegExp(source);
      const matches = (element: Element) => pattern.test(element.textContent);
      return [...(region?.querySelectorAll('*') ?? [])].find((element) => matches(element) && ![...element.children].some(matches))?.textContent;
    },
    {},
    result,
    RESULT_SUMMARY.source,
  );
  return String(await line.jsonValue());
}

// One journey, the lesson whose link opens a conversation through both hops (407, then 401, then 200): each
// lesson's link and each preset's snippet are walked in Chromium (journeys.test.ts, snippet-journey.test.ts).
const THROUGH_THE_PROXY = LESSON_PLAYGROUND_LINKS.filter(([, presetId]) => presetId === 'proxy-then-origin');

describe('Firefox: lesson → playground → Send → Copy snippet → curl', () => {
  test.each(THROUGH_THE_PROXY)('%s: the link opens %s, and the copied curl command ends with the playground’s status', async (slug, presetId) => {
    const preset = findPreset(presetId);
    if (!preset) throw new Error(`no preset ${presetId}`);
    const { page, context } = await openFirefox();
    try {
      await openPage(page, `${baseUrl()}/lessons/${slug}`);
      // Scroll to the link as a reader does, then click it. In a section Firefox has not laid out yet
      // (content-visibility: auto, app/globals.css) its accessibility tree has no names, and not every
      // element, so the link is found by its text and checked to be a link of that name once on screen.
      const linkText = await byText(page, playgroundLinkName(preset.title));
      await linkText.scrollIntoView();
      await (await find(await ancestor(linkText, 1), 'link', playgroundLinkName(preset.title))).click();
      await page.waitForFunction(() => location.pathname === '/playground');
      await page.waitForFunction(reactHydrated);
      // The playground opens the scenario the link names, and keeps it in the address.
      const form = await find(page, 'form', 'Build a request');
      const picker = await find(form, 'combobox', 'Preset');
      await page.waitForFunction((select, id) => (select as HTMLSelectElement).value === id, { timeout: 5_000 }, picker, presetId).catch(() => undefined);
      expect(await picker.evaluate((select) => (select as HTMLSelectElement).value)).toBe(presetId);
      expect(new URL(page.url()).searchParams.get('p')).toBe(presetId);

      await typeCredentials(page, form, 'For the origin (Authorization)', 'alice', 'wonderland');
      if (preset.scenario.proxy) await typeCredentials(page, form, 'For the proxy (Proxy-Authorization)', 'alice', 'wonderland');
      const exchange = page.waitForResponse((response) => response.url().endsWith('/api/exchange'));
      await (await find(form, 'button', 'Send')).click();
      expect((await exchange).status()).toBe(200);
      const shown = summaryFinalStatus(await resultSummary(page));

      await (await find(await find(form, 'tablist', 'Copy the request as'), 'tab', 'curl')).click();
      await (await find(form, 'button', 'Copy snippet')).click();
      await page.waitForSelector('::-p-text(Copied to the clipboard.)');
      // The real clipboard (headless Firefox's own), read back as a paste would.
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(await page.$eval('pre[aria-label="Snippet"]', (pre) => pre.textContent));

      // The copied text is the product: bash runs it as pasted.
      expect(curlFinalStatus(await runPasted(copied))).toBe(shown);
    } finally {
      await context.close();
    }
  });
});

// A phone's viewport. WebDriver BiDi sets the size (browsingContext.setViewport) but not touch: puppeteer's
// hasTouch/isMobile change nothing over BiDi in this Firefox ESR, and a touch tap (input.performActions with
// a touch pointer) fails in Firefox's EventUtils, so the journey taps with clicks, as Chromium's taps land.
const PHONE = { width: 390, height: 844 };

describe('Firefox: a lesson read with a screen reader', () => {
  // Chromium keeps a section it has not laid out (content-visibility: auto) in the accessibility tree;
  // Firefox ESR 153 gave its headings no name, so the lesson lays out every section there (app/globals.css).
  test('the last section’s heading has its name on a plain visit, before the reader scrolls near it', async () => {
    const { page, context } = await openFirefox();
    try {
      await openPage(page, `${baseUrl()}/lessons/${firstLesson().slug}`);
      const { id, text } = lastSection();
      const section = await (await page.waitForSelector(`#${id}`))?.evaluateHandle((heading) => heading.closest('section[data-section]'));
      if (!(section instanceof ElementHandle)) throw new Error(`no section around #${id}`);
      // Asked inside its section: a whole-lesson query of Firefox's accessibility tree takes seconds.
      const heading = await section.waitForSelector(byRole('heading', text), { timeout: 5_000 }).catch(() => null);
      expect(await heading?.evaluate((element) => element.id)).toBe(id);
    } finally {
      await context.close();
    }
  });
});

describe('Firefox: a link into folded deep material', () => {
  // Chromium opens a closed <details> holding a fragment's target by itself; Firefox relies on the lab's
  // FoldedTargetOpener. Lesson 1 folds the lowercase-scheme demonstration, whose Try it has this id.
  const inside = 'tryit-lowercase-scheme';
  const foldOpen = (id: string) => document.getElementById(id)?.closest('details')?.open === true;

  test('opens the <InDepth> on a jump from the page and when the lesson is opened at that address', async () => {
    const { page, context } = await openFirefox();
    try {
      await openPage(page, `${baseUrl()}/lessons/${firstLesson().slug}`);
      expect(await page.evaluate(foldOpen, inside)).toBe(false);
      await page.evaluate((id) => {
        window.location.hash = id;
      }, inside);
      await page.waitForFunction(foldOpen, { timeout: 5_000 }, inside);
      // Waits on the widget itself coming to rest on screen: under load the smooth scroll can begin after the
      // fold has opened, so a page that looks still may not have moved yet (support/lesson-scroll.ts).
      const { top, viewport } = await landedPlace(() =>
        page.$eval(`#${inside}`, (element) => {
          const box = element.getBoundingClientRect();
          return { top: box.top, bottom: box.top, stuckBottom: 0, viewport: window.innerHeight };
        }),
      );
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(viewport);

      // A new tab: the same document with only a new fragment would not load again.
      const tab = await context.newPage();
      await openPage(tab, `${baseUrl()}/lessons/${firstLesson().slug}#${inside}`);
      await tab.waitForFunction(foldOpen, { timeout: 5_000 }, inside);
      expect(await tab.$eval(`#${inside}`, (element) => element.checkVisibility())).toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe('Firefox: a lesson on a 390 px phone in dark mode', () => {
  test('the contents jump to a heading below the sticky header, and the sticky "Contents" does it from far down', async () => {
    const { page, context } = await openFirefox();
    try {
      await page.setViewport(PHONE);
      await openPage(page, `${baseUrl()}/lessons/${firstLesson().slug}`);
      // Dark mode as a reader picks it: prefers-color-scheme cannot be emulated over BiDi (puppeteer needs CDP).
      const header = await page.waitForSelector('header[data-site-header]');
      if (!header) throw new Error('no site header');
      await (await find(await find(header, 'group', 'Colour theme'), 'button', 'Dark theme')).click();
      await page.waitForFunction(() => document.documentElement.classList.contains('dark'));
      const { id, text } = lastSection();

      // The contents list at the top of the lesson, found by its heading. Firefox names the list by that
      // heading as rendered, upper-cased by CSS (text-transform): "ON THIS PAGE" in its accessibility tree.
      const toc = await find(await ancestor(await byText(page, 'On this page'), 2), 'navigation', 'ON THIS PAGE');
      await (await find(toc, 'link', text)).click();
      await page.waitForFunction((hash) => location.hash === hash, {}, `#${id}`);
      let place = await landedPlace(() => page.evaluate(headingPlace, id));
      expect(place.top).toBeGreaterThanOrEqual(place.stuckBottom);
      expect(place.bottom).toBeLessThanOrEqual(place.viewport);

      // Far down the page, the sticky "Contents" is on screen: open it from the keyboard, then click a section.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
      await scrollAtRest(page);
      // Firefox gives <summary> no ARIA role (HTML-AAM maps none): the disclosure is the <summary> holding the
      // text "Contents", which goes on with the section being read ("Contents· 403: …").
      const found = await (await byText(page, 'Contents')).evaluateHandle((label) => label.closest('summary'));
      if (!(found instanceof ElementHandle)) throw new Error('"Contents" is not in a <summary>');
      const summary = found as ElementHandle<Element>;
      expect(await summary.evaluate((element) => element.textContent)).toMatch(/^Contents· \S/);
      const disclosure = await ancestor(summary, 1);
      const box = await summary.boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= PHONE.height).toBe(true);
      await summary.focus();
      await page.keyboard.press('Enter');
      const first = firstLesson().toc[0];
      if (!first) throw new Error('the first lesson has no contents');
      const contents = await find(disclosure, 'navigation', 'Contents');
      const shown = () => contents.evaluate((nav) => nav.checkVisibility());
      expect(await shown()).toBe(true);
      await (await find(contents, 'link', first.text)).click();
      await page.waitForFunction((hash) => location.hash === hash, {}, `#${first.id}`);
      place = await landedPlace(() => page.evaluate(headingPlace, first.id));
      expect(place.top).toBeGreaterThanOrEqual(place.stuckBottom);
      expect(place.bottom).toBeLessThanOrEqual(place.viewport);
      // Following a link closed the list. (Not puppeteer's isVisible: it reads the box, which Firefox keeps for
      // content a closed <details> skips.)
      expect(await shown()).toBe(false);
      expect(await disclosure.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
    } finally {
      await context.close();
    }
  });
});

describe('Firefox: an embed in a trainer’s page', () => {
  test('a lesson embedded without the sandbox shows no sandbox command or widget, and says once that they are hidden', async () => {
    const src = `${baseUrl()}/embed/lessons/${firstLesson().slug}`;
    trainer.pages.set('/no-sandbox', coursePage(labFrame('without', `${src}?sandbox=hide`) + labFrame('with', src)));
    const { page, context } = await openFirefox();
    try {
      await page.goto(`${trainer.url()}/no-sandbox`, { waitUntil: 'load' });
      const [without, withSandbox] = await Promise.all([hydratedFrame(page, '#without'), hydratedFrame(page, '#with')]);

      // The same lesson with the sandbox shown has them: the count below can fail.
      expect(await withSandbox.evaluate(visibleSandboxCommands)).toBeGreaterThan(5);
      expect(await without.evaluate(visibleSandboxCommands)).toBe(0);
      expect(await without.$$eval('[data-embed-part="sandbox"]', (parts) => parts.filter((part) => part.checkVisibility()).length)).toBe(0);

      const visible = (notes: ElementHandle[]) => Promise.all(notes.map((note) => note.evaluate((element) => element.checkVisibility())));
      const notes = await without.$$('::-p-text(hidden in this embed)');
      expect(await visible(notes)).toEqual([true]);
      expect(await visible(await withSandbox.$$('::-p-text(hidden in this embed)'))).not.toContain(true);
    } finally {
      await context.close();
    }
  });
});
