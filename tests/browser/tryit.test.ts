import { openBrowser } from './support/chromium';
import { scrollAtRest } from './support/lesson-scroll';
import { baseUrl, firstLesson } from './support/site';

describe('<TryIt> in a lesson', () => {
  test('shows the expected conversation without JavaScript', async () => {
    const session = await openBrowser();
    try {
      const { page } = session;
      await page.route('**/*.js', (route) => route.abort());
      await page.goto(`${baseUrl()}/lessons/${firstLesson().slug}`, { waitUntil: 'load' });
      const widget = page.getByRole('region', { name: 'Proxy, then origin' });
      // Lesson 1 opens with this conversation, so its Try it folds the transcript (<TryIt folded>): a
      // native toggle, which opens without JavaScript too.
      // Brought into view and left to settle first: sections are laid out as they come near
      // (content-visibility), and a click aimed while the page still moves can land beside the toggle.
      const toggle = widget.locator('summary', { hasText: 'The conversation, as drawn at the top of the lesson' });
      await toggle.scrollIntoViewIfNeeded();
      await scrollAtRest(page);
      await toggle.click();
      const diagram = widget.getByRole('img', { name: /Sequence diagram: 10 messages between Client, Proxy, Origin/ });
      await diagram.waitFor({ timeout: 10_000 });
      await expect(diagram.count()).resolves.toBe(1);
      const story = await widget.locator('figcaption li').allTextContents();
      expect(story[1]).toBe('Proxy → Client: response 407 Proxy Authentication Required (attempt 1)');
      expect(story.at(-1)).toBe('Proxy → Client: response 200 OK (attempt 3)');
    } finally {
      await session.close();
    }
  });

  test('"Run it live" replaces the build-time result with a live one from the sandbox', async () => {
    const session = await openBrowser();
    try {
      const { page } = session;
      // networkidle on purpose: every script the first load fetches, even late, is in before the count
      // below starts, so a script fetched after the click is one the click asked for.
      await page.goto(`${baseUrl()}/lessons/${firstLesson().slug}`, { waitUntil: 'networkidle' });
      const widget = page.getByRole('region', { name: 'Basic: wrong password' });
      // The code that draws a live transcript is not part of the lesson's first load: it is fetched
      // when the reader reaches for the button.
      const scriptsLater: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scriptsLater.push(request.url());
      });
      const exchange = page.waitForResponse((response) => response.url().endsWith('/api/exchange'));
      await widget.getByRole('button', { name: 'Run it live' }).click();
      expect((await exchange).status()).toBe(200);
      await widget.getByText('Live result from the sandbox.').waitFor();
      expect(scriptsLater.length).toBeGreaterThan(0);
      await widget.getByText('Every request and response, explained').click();
      await expect(widget.getByRole('heading', { name: /Attempt 2:/ }).textContent()).resolves.toContain('401');
      await widget.getByText(/These credentials were already refused/).waitFor();
    } finally {
      await session.close();
    }
  });
});
