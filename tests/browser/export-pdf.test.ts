// npm run export:pdf writes three handouts per lesson with Debian's Chromium and the print stylesheet
// (issue 17): the full one, a short one and the trainer's, with the answers. Read back with poppler-utils
// (pdfinfo, pdftotext, pdftoppm), as a reader's PDF viewer would show them.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadLessons } from '@/lib/content/lessons';
import { openBrowser } from './support/chromium';
import { baseUrl, openPage } from './support/site';

const TSX = path.join(process.cwd(), 'node_modules/tsx/dist/cli.mjs');
// Lesson 04 has the widest block of all, the anatomy of a JWT (issue 17: "clipped at the right edge").
const LESSON = loadLessons().find((lesson) => lesson.slug === 'bearer-tokens')!;
const LAB = 'https://handouts.example.test';
// A4's printable width in CSS pixels inside the export's 14 mm side margins.
const PRINTABLE_WIDTH = Math.floor(((210 - 28) / 25.4) * 96);

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-export-'));
const file = (edition: '' | '-short' | '-trainer') => path.join(out, `${LESSON.file.replace(/\.mdx$/, '')}${edition}.pdf`);
const exportPdf = (...args: string[]) =>
  execFileSync(process.execPath, [TSX, 'scripts/export/pdf.ts', ...args], {
    cwd: process.cwd(),
    encoding: 'utf8',
    stdio: 'pipe',
    env: { ...process.env, PDF_OUT_DIR: out, SITE_URL: LAB },
  });

const info = (pdf: string) => execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
const pageCount = (pdf: string) => Number(/^Pages:\s+(\d+)$/m.exec(info(pdf))?.[1]);
/** The PDF's text with every run of white space as one space (pdftotext breaks lines where the page did). */
const text = (pdf: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

/**
 * How far down each page the lowest ink above the footer reaches, 0 to 1, from a 20 dpi greyscale render
 * (pdftoppm's binary PGM: "P5\nwidth height\n255\n" then a byte a pixel). The footer's band (the bottom 7 %,
 * the margin the page number sits in) is left out: a page with only a footer is a blank page.
 */
function inkDepths(pdf: string): number[] {
  const dir = fs.mkdtempSync(path.join(out, 'pages-'));
  execFileSync('pdftoppm', ['-r', '20', '-gray', pdf, path.join(dir, 'p')]);
  return fs
    .readdirSync(dir)
    .sort()
    .map((name) => {
      const bytes = fs.readFileSync(path.join(dir, name));
      const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 32).toString('latin1'));
      if (!header) throw new Error(`${name} is not an 8-bit PGM`);
      const [width, height] = [Number(header[1]), Number(header[2])];
      const pixels = bytes.subarray(header[0].length);
      let lowest = 0;
      for (let row = 0; row < Math.floor(height * 0.93); row += 1) {
        if (pixels.subarray(row * width, (row + 1) * width).some((grey) => grey < 200)) lowest = row;
      }
      return lowest / height;
    });
}

beforeAll(() => {
  const output = exportPdf(LESSON.slug);
  for (const edition of ['', '-short', '-trainer'] as const) expect(output).toContain(path.basename(file(edition)));
}, 180_000);

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

describe('export:pdf handouts', () => {
  test('every edition is a tagged PDF with an outline, and the short handout is a fraction of the full one', () => {
    for (const edition of ['', '-short', '-trainer'] as const) {
      const pdf = file(edition);
      expect(fs.readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(info(pdf)).toMatch(/^Tagged:\s+yes$/m);
      // The outline (bookmarks) is the catalogue's /Outlines entry, Chromium's headings.
      expect(fs.readFileSync(pdf).toString('latin1')).toMatch(/\/Outlines\s+\d+ 0 R/);
    }
    const full = pageCount(file(''));
    expect(full).toBeGreaterThan(10);
    expect(pageCount(file('-trainer'))).toBeGreaterThanOrEqual(full);
    expect(pageCount(file('-short'))).toBeGreaterThan(0);
    expect(pageCount(file('-short')) * 4).toBeLessThanOrEqual(full);
  });

  test('no page is blank: each has ink above its footer', () => {
    for (const edition of ['', '-short', '-trainer'] as const) {
      const depths = inkDepths(file(edition));
      expect(depths).toHaveLength(pageCount(file(edition)));
      expect(depths.filter((depth) => depth < 0.05)).toEqual([]);
    }
  });

  test('only the trainer edition has the answers; the short one has the summary and the questions, not the body', () => {
    const full = text(file(''));
    const trainer = text(file('-trainer'));
    const short = text(file('-short'));
    // One of the lesson's quiz questions, in all three.
    const question = 'What should it do?';
    for (const edition of [full, trainer, short]) expect(edition).toContain(question);
    expect(trainer).toMatch(/Trainer edition/);
    expect(trainer).toContain('✓ Correct answer:');
    expect(trainer).toContain('Every option explained');
    for (const learner of [full, short]) {
      expect(learner).not.toContain('Correct answer');
      expect(learner).not.toContain('Every option explained');
    }
    expect(short).toContain('Summary');
    expect(short).toContain('In one picture');
    expect(full).toContain('Never put tokens in URLs');
    expect(short).not.toContain('Never put tokens in URLs');
  });

  test('links into the lab print with its address, and long code lines carry a continuation mark', () => {
    const full = text(file(''));
    expect(full).toContain(`${LAB}/lessons/`);
    expect(full).not.toMatch(/\(\/lessons\//);
    expect(full).toContain('↪');
  });

  test('refuses an unknown lesson and an unknown edition by name', () => {
    expect(() => exportPdf('no-such-lesson')).toThrow(/No lesson named no-such-lesson/);
    expect(() => exportPdf(LESSON.slug, '--edition', 'poster')).toThrow(/--edition takes one of full, short, trainer, all/);
  });
});

test('the JWT anatomy of lesson 04 scrolls on a narrow screen but fits the paper in print', async () => {
  const session = await openBrowser({ colorScheme: 'light', viewport: { width: PRINTABLE_WIDTH, height: 1000 } });
  try {
    const { page } = session;
    await openPage(page, `${baseUrl()}/lessons/${LESSON.slug}`);
    const overflow = () =>
      page.evaluate(() => {
        const jwt = [...document.querySelectorAll('[data-part="token68"]')].map((part) => part.closest('figure')!);
        return jwt.map((figure) => {
          const scroller = figure.querySelector<HTMLElement>('[aria-hidden="true"]')!;
          const right = figure.getBoundingClientRect().right;
          return {
            scrolls: scroller.scrollWidth > scroller.clientWidth + 1,
            // Anything drawn past the figure's right edge would be past the paper's.
            beyond: [...figure.querySelectorAll('*')].filter((element) => element.getBoundingClientRect().right > right + 1).length,
          };
        });
      });
    const stickingOut = () =>
      page.evaluate(() => {
        const article = document.querySelector('article')!;
        const right = article.getBoundingClientRect().right;
        return [...article.querySelectorAll('*')]
          .filter((element) => element.getClientRects().length > 0 && element.getBoundingClientRect().right > right + 1)
          .map((element) => `${element.tagName} ${element.textContent?.slice(0, 40)}`);
      });
    const screen = await overflow();
    expect((await stickingOut()).length).toBeGreaterThan(0);
    expect(screen.length).toBeGreaterThan(0);
    expect(screen.some((figure) => figure.scrolls)).toBe(true);
    await page.emulateMedia({ media: 'print' });
    for (const figure of await overflow()) expect(figure).toEqual({ scrolls: false, beyond: 0 });
    // Nor anything else in the lesson (tables, diagrams, exchanges, code) past the article's right edge,
    // where on screen the scroll boxes' contents are.
    expect(await stickingOut()).toEqual([]);
  } finally {
    await session.close();
  }
});
