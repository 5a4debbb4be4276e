import { findLesson } from '@/lib/content/lessons';
import { lessonQuizModels } from '@/lib/content/lesson-quizzes';
import { openBrowser } from './support/chromium';
import { axeViolations, baseUrl, openPage, reloadPage } from './support/site';

// Two lessons walked as a reader would: read (follow the table of contents), try (run a sandbox
// exchange live), check yourself (answer every quiz, one of them wrongly first), and find the lessons
// marked completed in the list, still after a reload.

const JOURNEYS = ['basic-authentication', 'proxies-and-407'];

describe('two lessons end to end', () => {
  test('read, try, check yourself; the lesson list shows both completed, after a reload too', async () => {
    const session = await openBrowser();
    try {
      const { page } = session;
      for (const slug of JOURNEYS) {
        const lesson = findLesson(slug);
        if (!lesson) throw new Error(`no lesson ${slug}`);
        await openPage(page, `${baseUrl()}/lessons/${slug}`);
        await page.getByRole('heading', { level: 1, name: lesson.frontmatter.title }).waitFor();

        // Read: the table of contents leads to the summary.
        await page
          .getByRole('navigation', { name: /on this page/i })
          .getByRole('link', { name: 'Summary' })
          .click();
        await page.waitForFunction(() => window.location.hash === '#summary');

        // Try: the first Try it widget runs live against the sandbox.
        // (Located by place, not by the button's label, which changes once it runs.)
        const widget = page.locator('section[data-embed-part="sandbox"]').first();
        await widget.getByRole('button', { name: 'Run it live' }).click();
        await widget.getByText('Live result from the sandbox.').waitFor();

        // Check yourself: every question, the first one wrongly before rightly.
        const quizzes = lessonQuizModels(lesson);
        expect(quizzes.length).toBeGreaterThanOrEqual(2);
        for (const [index, quiz] of quizzes.entries()) {
          const box = page.locator(`[data-quiz="${quiz.id}"]`);
          const check = box.getByRole('button', { name: 'Check answer' });
          if (index === 0) {
            await box
              .getByRole('radio')
              .nth(quiz.correct === 0 ? 1 : 0)
              .check();
            await check.click();
            await box.getByRole('status').getByText('Not quite.').waitFor();
          }
          await box.getByRole('radio').nth(quiz.correct).check();
          await check.click();
          await box.getByRole('status').getByText('Correct.').waitFor();
        }
        await page.getByText('Completed: you answered every quiz question correctly.').waitFor();
        expect(await axeViolations(page)).toEqual([]);
      }

      const entry = (slug: string) => {
        const title = findLesson(slug)?.frontmatter.title ?? slug;
        return page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
      };
      await openPage(page, `${baseUrl()}/lessons`);
      for (const slug of JOURNEYS) await entry(slug).getByText('Completed').waitFor();
      await reloadPage(page);
      for (const slug of JOURNEYS) await entry(slug).getByText('Completed').waitFor();
      // A lesson not walked is not completed.
      expect(await entry('digest-authentication').getByText('Completed').count()).toBe(0);
    } finally {
      await session.close();
    }
  });
});
