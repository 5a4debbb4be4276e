import { handoutDownloadHref, handoutLessons, parseHandoutFile, type HandoutLesson } from '@/lib/export/handout-file';

// Two made-up lessons, one whose slug ends the way an edition's name does.
const LESSONS: HandoutLesson[] = [
  { slug: 'bearer-tokens', title: 'Bearer tokens', base: '04-bearer-tokens' },
  { slug: 'the-short', title: 'The short', base: '13-the-short' },
];

describe('handout file names', () => {
  test('each lesson has three, which parse back to it and its edition', () => {
    for (const lesson of handoutLessons()) {
      for (const edition of ['full', 'short', 'trainer'] as const) {
        const href = handoutDownloadHref(lesson.base, edition);
        expect(href.startsWith('/trainers/downloads/pdf/')).toBe(true);
        const name = href.split('/').pop() ?? '';
        expect(parseHandoutFile(name)).toEqual({ lesson, edition, name });
      }
    }
  });

  test('a slug ending in "-short" is the full handout of that lesson, not a short one', () => {
    expect(parseHandoutFile('13-the-short.pdf', LESSONS)).toMatchObject({ lesson: { slug: 'the-short' }, edition: 'full' });
    expect(parseHandoutFile('13-the-short-short.pdf', LESSONS)).toMatchObject({ lesson: { slug: 'the-short' }, edition: 'short' });
    expect(parseHandoutFile('13-the.pdf', LESSONS)).toBeUndefined();
  });

  test('names no handout has: undefined', () => {
    for (const name of [
      '04-bearer-tokens-poster.pdf',
      '04-bearer-tokens',
      'bearer-tokens.pdf',
      '4-bearer-tokens.pdf',
      '04-Bearer-Tokens.pdf',
      '../04-bearer-tokens.pdf',
      `04-${'a'.repeat(200)}.pdf`,
    ]) {
      expect(parseHandoutFile(name, LESSONS)).toBeUndefined();
    }
  });
});
