jest.setTimeout(90_000);
// Issue 16, tried on a 390 px phone in dark mode: a contents jump hid its heading behind the sticky
// header, sequence diagrams cut off their last lane, the header took two rows, the contents were only at
// the top of a 20 000 px lesson, the result of a send started out of view with focus dropped to the
// body, and two radio groups took six tab stops. Each journey here is driven by taps and keys, as there.
import type { Locator, Page } from 'playwright-core';
import { openBrowser, type ColorScheme } from './support/chromium';
import { headingPlace, landedPlace, lastSection, scrollAtRest } from './support/lesson-scroll';
import { axeViolations, axeViolationsInTheme, baseUrl, firstLesson, openPage } from './support/site';

const PHONE = { width: 390, height: 844 };
const lessonUrl = () => `${baseUrl()}/lessons/${firstLesson().slug}`;
const playgroundUrl = () => `${baseUrl()}/playground?v=1&p=basic-missing-credentials`;

const openPhone = (colorScheme: ColorScheme = 'dark') => openBrowser({ viewport: PHONE, colorScheme, hasTouch: true });

/** Where the heading `id` landed (see `landedPlace`). */
const placeOf = (page: Page, id: string) => landedPlace(() => page.evaluate(headingPlace, id));

// "Contents", then (once a section is being read) "· " and that section's name.
const contentsSummary = (page: Page) => page.locator('summary', { hasText: /^Contents/ });

describe('a lesson on a 390 px phone in dark mode', () => {
  test('the contents jump to a heading below the sticky header; a "Contents" disclosure stays in reach all the way down', async () => {
    const { page, close } = await openPhone();
    try {
      await openPage(page, lessonUrl());
      const { id, text } = lastSection();

      // The contents list at the top of the lesson.
      await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: text, exact: true }).tap();
      await page.waitForURL(`**#${id}`);
      let place = await placeOf(page, id);
      expect(place.top).toBeGreaterThanOrEqual(place.stuckBottom);
      expect(place.bottom).toBeLessThanOrEqual(place.viewport);

      // Far down the page, the sticky "Contents" is on screen: tap it, then a section.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
      await scrollAtRest(page);
      expect(await contentsSummary(page).count()).toBe(1);
      const box = await contentsSummary(page).boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= PHONE.height).toBe(true);
      await contentsSummary(page).tap();
      const first = firstLesson().toc[0];
      if (!first) throw new Error('the first lesson has no contents');
      await page.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: first.text, exact: true }).tap();
      await page.waitForURL(`**#${first.id}`);
      place = await placeOf(page, first.id);
      expect(place.top).toBeGreaterThanOrEqual(place.stuckBottom);
      expect(place.bottom).toBeLessThanOrEqual(place.viewport);
      // Following a link closed the list.
      await expect(page.getByRole('navigation', { name: 'Contents' }).isVisible()).resolves.toBe(false);
    } finally {
      await close();
    }
  });

  test('the Contents disclosure works from the keyboard: Enter opens it, Esc closes it and keeps focus on it', async () => {
    const { page, close } = await openPhone();
    try {
      await openPage(page, lessonUrl());
      expect(await contentsSummary(page).count()).toBe(1);
      await contentsSummary(page).focus();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('navigation', { name: 'Contents' }).isVisible()).resolves.toBe(true);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('navigation', { name: 'Contents' }).isVisible()).resolves.toBe(false);
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toMatch(/^Contents/);
    } finally {
      await close();
    }
  });

  test('the site header is one row', async () => {
    const { page, close } = await openPhone();
    try {
      await openPage(page, lessonUrl());
      const header = await page.getByRole('banner').boundingBox();
      expect(header?.height).toBeLessThanOrEqual(64);
      const nav = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
      const theme = await page.getByRole('group', { name: 'Colour theme' }).boundingBox();
      if (!nav || !theme) throw new Error('no main navigation or theme buttons');
      // Side by side: the one's top above the other's bottom.
      expect(theme.y).toBeLessThan(nav.y + nav.height);
    } finally {
      await close();
    }
  });

  test('every sequence diagram fits its box: all its lanes, Origin included, are on screen', async () => {
    const { page, close } = await openPhone();
    try {
      await openPage(page, lessonUrl());
      // Lay out every section (they are deferred until near), as a jump does.
      await page.evaluate(() => document.documentElement.setAttribute('data-all-sections', ''));
      const diagrams = await page.locator('.lesson-prose figure svg[role="img"]').evaluateAll((svgs) =>
        svgs.map((svg) => {
          const box = (svg.parentElement as HTMLElement).getBoundingClientRect();
          const lanes = [...svg.querySelectorAll('text[font-weight="700"]')].map((lane) => ({
            lane: lane.textContent,
            right: lane.getBoundingClientRect().right,
          }));
          return { box: box.right, lanes, svgRight: svg.getBoundingClientRect().right, pageWidth: document.documentElement.clientWidth };
        }),
      );
      expect(diagrams.length).toBeGreaterThan(0);
      for (const { box, lanes, svgRight, pageWidth } of diagrams) {
        expect(svgRight).toBeLessThanOrEqual(box + 0.5);
        for (const { lane, right } of lanes) expect({ lane, visible: right <= Math.min(box, pageWidth) + 0.5 }).toEqual({ lane, visible: true });
      }
    } finally {
      await close();
    }
  });

  test.each<ColorScheme>(['dark', 'light'])('axe finds nothing on the lesson in %s mode, Contents open', async (colorScheme) => {
    const { page, close } = await openPhone(colorScheme);
    try {
      await openPage(page, lessonUrl());
      await contentsSummary(page).tap();
      expect(await axeViolationsInTheme(page, colorScheme)).toEqual([]);
    } finally {
      await close();
    }
  });
});

const result = (page: Page) => page.getByRole('region', { name: 'Result' });

/** Tab from `from` through the rest of its fieldset: the radio groups focus rested in, one entry per stop. */
async function radioTabStops(page: Page, from: Locator): Promise<string[]> {
  await from.focus();
  const stops: string[] = [];
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element?.closest('fieldset fieldset, fieldset [role="radiogroup"]')) return { done: true, group: null };
      const radio = element instanceof HTMLInputElement && element.type === 'radio';
      return { done: false, group: radio ? (element.closest('[role="radiogroup"]')?.getAttribute('aria-label') ?? '?') : null };
    });
    if (focused.done) break;
    if (focused.group) stops.push(focused.group);
  }
  return stops;
}

describe('the playground on a 390 px phone in dark mode', () => {
  test('after Send the result heading is on screen and has focus', async () => {
    const { page, close } = await openPhone();
    try {
      await openPage(page, playgroundUrl());
      const exchange = page.waitForResponse((response) => response.url().endsWith('/api/exchange'));
      await page.getByRole('button', { name: 'Send', exact: true }).tap();
      expect((await exchange).status()).toBe(200);
      await result(page)
        .getByText(/requests?: /)
        .first()
        .waitFor();
      await scrollAtRest(page);
      const heading = result(page).getByRole('heading', { name: 'Result', exact: true });
      await expect(heading.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
      const place = await placeOf(page, 'result-heading');
      expect(place.top).toBeGreaterThanOrEqual(place.stuckBottom);
      expect(place.bottom).toBeLessThanOrEqual(place.viewport);
      // The conversation's diagram fits the result box too.
      const fits = await result(page)
        .locator('figure svg[role="img"]')
        .evaluate((svg) => svg.getBoundingClientRect().right <= (svg.parentElement as HTMLElement).getBoundingClientRect().right + 0.5);
      expect(fits).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await close();
    }
  });

  test('Tab moves through each radio group as one stop; arrows move within it', async () => {
    const { page, close } = await openPhone();
    try {
      await openPage(page, playgroundUrl());
      const auto = page.getByRole('radio', { name: /^Auto:/ });
      await expect(auto.isChecked()).resolves.toBe(true);
      // From the mode group: one stop for the origin's group, one for the proxy's, one for how the client
      // uses connections, then on.
      expect(await radioTabStops(page, auto)).toEqual([
        'For the origin (Authorization): what the client holds',
        'For the proxy (Proxy-Authorization): what the client holds',
        'Connections: how the client sends its requests',
      ]);
      const origin = page.getByRole('radiogroup', { name: 'For the origin (Authorization): what the client holds' });
      await origin.getByRole('radio', { checked: true }).focus();
      const before = await origin.getByRole('radio', { checked: true }).getAttribute('value');
      await page.keyboard.press('ArrowRight');
      const after = await origin
        .getByRole('radio', { checked: true })
        .evaluate((radio) => ({ value: (radio as HTMLInputElement).value, focused: radio === document.activeElement }));
      expect(after.focused).toBe(true);
      expect(after.value).not.toBe(before);
    } finally {
      await close();
    }
  });

  test('the scenario picker shows the whole preset title', async () => {
    const { page, close } = await openPhone();
    try {
      await openPage(page, playgroundUrl());
      const preset = page.getByRole('combobox', { name: 'Preset' });
      const { width, fieldset } = await preset.evaluate((select) => ({
        width: select.getBoundingClientRect().width,
        fieldset: (select.closest('fieldset') as HTMLElement).clientWidth,
      }));
      // The whole row of its fieldset, not squeezed beside the Reset button.
      expect(width).toBeGreaterThan(fieldset * 0.8);
    } finally {
      await close();
    }
  });

  test.each<ColorScheme>(['dark', 'light'])('a wrong path shows its problem under the field, in words, and axe finds nothing (%s)', async (colorScheme) => {
    const { page, close } = await openPhone(colorScheme);
    try {
      await openPage(page, playgroundUrl());
      const field = page.getByRole('textbox', { name: 'Path and query (on the sandbox)' });
      await field.fill('/elsewhere');
      await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
      const message = page.locator(`#${await field.getAttribute('aria-describedby')}`);
      await expect(message.textContent()).resolves.toMatch(/^Path and query must start with \/api\/sandbox\//);
      const [fieldBox, messageBox] = await Promise.all([field.boundingBox(), message.boundingBox()]);
      if (!fieldBox || !messageBox) throw new Error('field or message not shown');
      expect(messageBox.y - (fieldBox.y + fieldBox.height)).toBeLessThan(24);
      expect(await axeViolationsInTheme(page, colorScheme)).toEqual([]);
    } finally {
      await close();
    }
  });
});
