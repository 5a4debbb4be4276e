import type { Page } from 'playwright-core';
import { z } from 'zod';

/**
 * The PDF handouts a lesson exports to (issue 17): the full lesson for learners, the same with every
 * quiz answered for the trainer, and a short one (the opening, the summary, the quiz questions).
 */
export const HANDOUT_EDITIONS = ['full', 'short', 'trainer'] as const;
export type HandoutEdition = (typeof HANDOUT_EDITIONS)[number];

export const handoutEditionArg = z.enum([...HANDOUT_EDITIONS, 'all']);

/** dist/pdf/NN-slug.pdf for the full edition, NN-slug-trainer.pdf and NN-slug-short.pdf beside it. */
export function handoutFileName(base: string, edition: HandoutEdition): string {
  return edition === 'full' ? `${base}.pdf` : `${base}-${edition}.pdf`;
}

export function editionLabel(edition: HandoutEdition): string {
  switch (edition) {
    case 'full':
      return 'Handout';
    case 'short':
      return 'Short handout';
    case 'trainer':
      return 'Trainer edition, with answers';
    default: {
      const unknown: never = edition;
      throw new Error(`Unknown edition ${String(unknown)}`);
    }
  }
}

/**
 * Links inside the lab print with the lab's own address: on paper "/lessons/x" leads nowhere. In-page
 * links (#note-1) stay as they are; the print stylesheet prints an http(s) link's address after it.
 */
export async function absoluteLabLinks(page: Page, lab: string): Promise<void> {
  await page.evaluate((origin) => {
    for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>('main a[href^="/"]'))) {
      link.setAttribute('href', new URL(link.getAttribute('href') ?? '/', origin).href);
    }
  }, lab);
}

/**
 * Answers every quiz the way a reader would, so the quiz itself shows its key: the verdict with the
 * right option's explanation, then every option explained (components/mdx/QuizQuestion.tsx). A first
 * check reveals which option is right; the second chooses it, so the printed radio marks the answer.
 * Only for the trainer edition: the page is not the learner's any more afterwards.
 */
async function answerEveryQuiz(page: Page): Promise<number> {
  const quizzes = page.locator('[data-quiz]');
  const count = await quizzes.count();
  for (let i = 0; i < count; i += 1) {
    const quiz = quizzes.nth(i);
    const options = quiz.getByRole('radio');
    await options.first().check();
    await quiz.getByRole('button', { name: 'Check answer' }).click();
    const explained = quiz.getByRole('list').last().getByRole('listitem');
    await explained.first().waitFor();
    const verdicts = await explained.allTextContents();
    const right = verdicts.findIndex((text) => text.startsWith('✓'));
    if (right < 0) throw new Error(`Quiz ${i + 1} shows no correct answer after a check`);
    await options.nth(right).check();
    await quiz.getByRole('button', { name: 'Check answer' }).click();
    await quiz.getByText('Correct.', { exact: true }).waitFor();
  }
  return count;
}

/** A4's printable box in CSS pixels at 96 per inch, inside the export's 14 mm and 16 mm margins. */
export const PRINTABLE = { width: Math.floor(((210 - 2 * 14) / 25.4) * 96), height: Math.floor(((297 - 2 * 16) / 25.4) * 96) };

/**
 * The print stylesheet keeps code, figures, panels and quizzes whole (break-inside: avoid), but one
 * taller than about half a page would then start on a new page and leave the rest of the one before
 * blank (issue 17's nearly empty pages), only to break anyway if it is taller than a page. Laid out at
 * the paper's width, those let go and break where the page ends; the short ones stay whole.
 */
export async function releaseTallBlocks(page: Page): Promise<void> {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: PRINTABLE.width, height: PRINTABLE.height });
  await page.evaluate((limit) => {
    const keptWhole = document.querySelectorAll<HTMLElement>('main :is(pre, figure, table, [role="note"], [data-quiz], fieldset)');
    for (const element of Array.from(keptWhole)) {
      if (element.getBoundingClientRect().height > limit) element.style.breakInside = 'auto';
    }
  }, PRINTABLE.height / 2);
  if (viewport) await page.setViewportSize(viewport);
}

/** Sets the page up for one edition: html[data-handout] for the print stylesheet, and the trainer's answers. */
export async function prepareEdition(page: Page, edition: HandoutEdition): Promise<void> {
  await page.evaluate((value) => document.documentElement.setAttribute('data-handout', value), edition);
  if (edition === 'short') {
    // The short handout is the opening, these two sections and nothing else (app/globals.css).
    const kept = await page.locator('[data-section="summary"], [data-section="check-yourself"]').count();
    if (kept !== 2) throw new Error('The short handout needs the lesson’s "## Summary" and "## Check yourself" sections');
  }
  if (edition !== 'trainer') return;
  await answerEveryQuiz(page);
  // Said on the first page too, so nobody hands the answers out by mistake.
  await page.evaluate((label) => {
    const title = document.querySelector('main h1');
    const note = document.createElement('p');
    note.setAttribute('data-handout-note', '');
    note.style.fontWeight = '700';
    note.textContent = `${label}: every quiz below is answered, with each option explained.`;
    title?.after(note);
  }, editionLabel(edition));
}
