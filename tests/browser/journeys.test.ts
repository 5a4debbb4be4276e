import { findPreset } from '@/lib/sandbox/scenario/presets';
import { openBrowser } from './support/chromium';
import { LESSON_PLAYGROUND_LINKS, playgroundLinkName } from './support/lesson-links';
import { baseUrl, hydrated, openPage } from './support/site';

// Issue 16: the hand-offs between the parts, walked with clicks the way a reader moves, not by typing URLs.

describe('lesson → playground', () => {
  // Each lesson's "Open … in the playground" link is a client-side navigation: the playground must open
  // the scenario the link names, and keep it in the address (it once opened the default scenario and
  // wrote that over the link).
  test.each(LESSON_PLAYGROUND_LINKS)('%s: "Open in the playground" for %s opens that scenario', async (slug, presetId) => {
    const preset = findPreset(presetId);
    if (!preset) throw new Error(`no preset ${presetId}`);
    const session = await openBrowser();
    try {
      const { page } = session;
      await openPage(page, `${baseUrl()}/lessons/${slug}`);
      await page
        .getByRole('link', { name: playgroundLinkName(preset.title) })
        .first()
        .click();
      await page.waitForURL((url) => url.pathname === '/playground');
      await hydrated(page);
      const picker = page.getByRole('combobox', { name: 'Preset' });
      // The picker shows the scenario once the playground has read the link (a wrong one fails below).
      await page
        .waitForFunction((id) => [...document.querySelectorAll('select')].some((select) => select.value === id), presetId, { timeout: 5_000 })
        .catch(() => undefined);
      expect(await picker.inputValue()).toBe(presetId);
      expect(new URL(page.url()).searchParams.get('p')).toBe(presetId);
    } finally {
      await session.close();
    }
  });
});
