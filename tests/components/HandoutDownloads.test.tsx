import { TextDecoder, TextEncoder } from 'node:util';
import { render, screen, within } from '@testing-library/react';

// The lessons' frontmatter checks name the sandbox's presets, which need TextEncoder (jsdom has none):
// the component and the lessons are loaded once the global is in place.
let HandoutDownloads: typeof import('@/app/(site)/trainers/_components/HandoutDownloads').HandoutDownloads;
let lessons: import('@/lib/export/handout-file').HandoutLesson[];
let loadLessons: typeof import('@/lib/content/lessons').loadLessons;

beforeAll(async () => {
  Object.assign(globalThis, { TextEncoder, TextDecoder });
  ({ HandoutDownloads } = await import('@/app/(site)/trainers/_components/HandoutDownloads'));
  lessons = (await import('@/lib/export/handout-file')).handoutLessons();
  ({ loadLessons } = await import('@/lib/content/lessons'));
});

describe('the handout downloads for trainers', () => {
  test('a table with a caption: one row per lesson, a column per edition', () => {
    render(<HandoutDownloads />);
    const table = screen.getByRole('table', { name: 'PDF handouts per lesson' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Lesson', 'Handout', 'Short', 'Trainer edition']);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((header) => header.textContent),
    ).toEqual(lessons.map((lesson) => lesson.title));
    expect(lessons.length).toBeGreaterThan(1);
  });

  test('every link downloads one edition from the site and says which lesson and which edition', () => {
    render(<HandoutDownloads />);
    const links = screen.getAllByRole('link');
    expect(links).toHaveLength(lessons.length * 3);
    for (const lesson of lessons) {
      const full = screen.getByRole('link', { name: `Download ${lesson.title}: handout (PDF)` });
      const short = screen.getByRole('link', { name: `Download ${lesson.title}: short handout (PDF)` });
      const trainer = screen.getByRole('link', { name: `Download ${lesson.title}: trainer edition, with answers (PDF)` });
      expect(full).toHaveAttribute('href', `/trainers/downloads/pdf/${lesson.base}.pdf`);
      expect(short).toHaveAttribute('href', `/trainers/downloads/pdf/${lesson.base}-short.pdf`);
      expect(trainer).toHaveAttribute('href', `/trainers/downloads/pdf/${lesson.base}-trainer.pdf`);
      for (const link of [full, short, trainer]) expect(link).toHaveAttribute('download');
    }
  });

  test('says what the handouts are and that the site prints them with Chromium', () => {
    render(<HandoutDownloads />);
    expect(screen.getByText(/trainer edition with every quiz answered/)).toBeInTheDocument();
    expect(screen.getByText(/This site prints them with Chromium/)).toBeInTheDocument();
  });

  test('lists the lessons it is given', () => {
    const last = loadLessons().at(-1);
    render(<HandoutDownloads lessons={last ? [last] : []} />);
    expect(screen.getAllByRole('row')).toHaveLength(2);
    expect(screen.getByRole('rowheader')).toHaveTextContent(last?.frontmatter.title ?? '');
  });
});
