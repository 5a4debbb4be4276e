jest.setTimeout(90_000);
// Issue 16, "pictures where the text strains": the Digest calculator (lesson 05), the Basic reuse tree
// (lesson 03) and the credentials-mode table (lesson 09), each in its lesson, on a 390 px phone in both
// themes: axe finds nothing, nothing is cut off sideways, and the interactive ones answer taps and typing.
import type { Locator, Page } from 'playwright-core';
import { answerDigestChallenge, digestChallenge } from '@/lib/http-auth';
import { openBrowser, type ColorScheme } from './support/chromium';
import { axeViolationsInTheme, baseUrl, openPage, watchForProblems } from './support/site';

const PHONE = { width: 390, height: 844 };

const pictures = [
  { slug: 'basic-authentication', figure: /Where Basic credentials go unasked/ },
  { slug: 'digest-authentication', figure: /Digest calculator/ },
  { slug: 'browsers-and-401', figure: /What each credentials mode sends/ },
] as const;

/** The lesson on a phone, with what went wrong on the way (console errors such as a hydration mismatch, failed requests). */
async function openLesson(slug: string, colorScheme: ColorScheme): Promise<{ page: Page; close: () => Promise<void>; problems: string[] }> {
  const session = await openBrowser({ viewport: PHONE, colorScheme, hasTouch: true });
  const url = `${baseUrl()}/lessons/${slug}`;
  const problems = watchForProblems(session.page, url);
  await openPage(session.page, url);
  return { ...session, problems };
}

/** How far the figure and the page reach past the right edge of the screen (0 when nothing is cut off). */
async function overflow(page: Page, figure: Locator) {
  const box = await figure.boundingBox();
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  return { figure: Math.max(0, (box?.x ?? 0) + (box?.width ?? 0) - PHONE.width), page: Math.max(0, pageWidth - PHONE.width) };
}

/** The value shown for a calculator step, by the step's name. */
const step = (figure: Locator, name: RegExp) => figure.locator('dt', { hasText: name }).locator('xpath=following-sibling::dd[1]//code').textContent();

describe('lesson pictures on a 390 px phone', () => {
  test.each(pictures.flatMap((p) => (['light', 'dark'] as const).map((theme) => ({ ...p, theme }))))(
    '$slug in $theme: the figure is on the page, fits the screen, axe finds nothing and the console stays quiet',
    async ({ slug, figure: name, theme }) => {
      const { page, close, problems } = await openLesson(slug, theme);
      try {
        const figure = page.getByRole('figure', { name });
        await figure.scrollIntoViewIfNeeded();
        expect(await overflow(page, figure)).toEqual({ figure: 0, page: 0 });
        expect(await axeViolationsInTheme(page, theme)).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    },
  );

  test('the Digest calculator: typing another password changes H(A1) and the response to what the library computes', async () => {
    const { page, close } = await openLesson('digest-authentication', 'dark');
    try {
      const figure = page.getByRole('figure', { name: /Digest calculator/ });
      await figure.scrollIntoViewIfNeeded();
      expect(await step(figure, /^response = /)).toBe('753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1');
      const password = figure.getByRole('textbox', { name: 'Password' });
      await password.fill('');
      await password.pressSequentially('hakuna matata');
      const answer = answerDigestChallenge({
        challenge: digestChallenge({
          realm: 'http-auth@example.org',
          nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
          algorithm: 'SHA-256',
          opaque: 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS',
        }),
        username: 'Mufasa',
        password: 'hakuna matata',
        method: 'GET',
        uri: '/dir/index.html',
        cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
      });
      if (!answer.ok) throw new Error(answer.error.message);
      expect(await step(figure, /^H\(A1\)/)).toBe(answer.value.exchange.ha1);
      expect(await step(figure, /^response = /)).toBe(answer.value.credentials.params.response);
    } finally {
      await close();
    }
  });

  test('the reuse tree: tapping /docs/index.html as the accepted URL sends credentials to all of /docs/', async () => {
    const { page, close } = await openLesson('basic-authentication', 'light');
    try {
      const figure = page.getByRole('figure', { name: /Where Basic credentials go unasked/ });
      await figure.scrollIntoViewIfNeeded();
      await expect(figure.getByText(/Credentials go unasked to 3 of 5 URLs/).isVisible()).resolves.toBe(true);
      await figure.getByRole('radio', { name: /index\.html/ }).tap();
      await figure.getByText(/Credentials go unasked to 4 of 5 URLs/).waitFor();
      expect(await figure.locator('[data-reuse="sends"]').count()).toBe(4);
    } finally {
      await close();
    }
  });
});
