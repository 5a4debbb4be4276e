// The running site prints three handouts per lesson with Chromium and the print stylesheet (issue 17):
// the full one, a short one and the trainer's, with the answers, at /trainers/downloads/pdf/…; and
// `npm run export:pdf` downloads them from a server of its own. Read back with poppler-utils (pdfinfo,
// pdftotext, pdftoppm), as a reader's PDF viewer would show them. Printing is the costly part (seconds of
// CPU each), so each edition is printed once: the full handout by the export script, with SITE_URL set as
// a deployment's export would, the short and trainer ones by the test server's route.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadLessons } from '@/lib/content/lessons';
import { openBrowser } from './support/chromium';
import { baseUrl, openPage } from './support/site';

const TSX = path.join(process.cwd(), 'node_modules/tsx/dist/cli.mjs');
// Lesson 04 has the widest block of all, the anatomy of a JWT (issue 17: "clipped at the right edge").
const LESSON = loadLessons().find((lesson) => lesson.slug === 'bearer-tokens')!;
const BASE = LESSON.file.replace(/\.mdx$/, '');
// The lab the export names (its SITE_URL), and the one the test server's downloads name: SITE_URL's
// origin when the run set one for the server, else the origin the download reached, the server's own.
const LAB = 'https://handouts.example.test';
const SERVER_LAB = process.env.SITE_URL ? new URL(process.env.SITE_URL).origin : new URL(baseUrl()).origin;
// A4's printable width in CSS pixels inside the export's 14 mm side margins.
const PRINTABLE_WIDTH = Math.floor(((210 - 28) / 25.4) * 96);

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-export-'));
const file = (edition: '' | '-short' | '-trainer') => path.join(out, `${BASE}${edition}.pdf`);
const exportEnv = { ...process.env, PDF_OUT_DIR: out, SITE_URL: LAB };
const exportPdf = (...args: string[]) =>
  execFileSync(process.execPath, [TSX, 'scripts/export/pdf.ts', ...args], { cwd: process.cwd(), encoding: 'utf8', stdio: 'pipe', env: exportEnv });
const exportPdfAsync = (...args: string[]) =>
  promisify(execFile)(process.execPath, [TSX, 'scripts/export/pdf.ts', ...args], { cwd: process.cwd(), encoding: 'utf8', env: exportEnv });

/** GET (or HEAD) one handout from the test server. */
const download = (name: string, method: 'GET' | 'HEAD' = 'GET') => fetch(`${baseUrl()}/trainers/downloads/pdf/${name}`, { method });
const responses: Partial<Record<'-short' | '-trainer', Response>> = {};

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

beforeAll(async () => {
  // Settled whatever happens below: a rejection left behind would fail the next test file of this worker.
  const exported = exportPdfAsync(LESSON.slug, '--edition', 'full').then(
    ({ stdout }) => ({ stdout, error: undefined }),
    (error: Error & { stderr?: string }) => ({ stdout: '', error: error.stderr || error.message }),
  );
  let failed: unknown;
  try {
    for (const edition of ['-short', '-trainer'] as const) {
      const response = await download(`${BASE}${edition}.pdf`);
      // The problem's detail says why a print failed (lib/export/handout-printer.ts).
      if (response.status !== 200) throw new Error(`${BASE}${edition}.pdf answered ${response.status}: ${await response.text()}`);
      fs.writeFileSync(file(edition), Buffer.from(await response.arrayBuffer()));
      responses[edition] = response;
    }
  } catch (error) {
    failed = error;
  }
  const { stdout, error } = await exported;
  if (failed) throw failed;
  expect(error).toBeUndefined();
  expect(stdout).toContain(path.basename(file('')));
  expect(stdout).not.toContain(path.basename(file('-short')));
}, 240_000);

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

describe('PDF handouts', () => {
  test('the site sends each as a PDF attachment under its own name, for this client only (the address came from the request)', async () => {
    for (const edition of ['-short', '-trainer'] as const) {
      const response = responses[edition]!;
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${BASE}${edition}.pdf"`);
      expect(response.headers.get('cache-control')).toBe(process.env.SITE_URL ? 'public, max-age=3600' : 'private, no-store');
    }
    // HEAD says the same without printing (a handout never asked for before answers at once).
    const head = await download(`${loadLessons()[0]!.file.replace(/\.mdx$/, '')}-short.pdf`, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('application/pdf');
    expect(await head.text()).toBe('');
  });

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

  test('a handout downloaded from the site names the address it was downloaded from, not the build’s or the export’s', () => {
    const trainer = text(file('-trainer'));
    expect(trainer).toContain(`${SERVER_LAB}/lessons/`);
    expect(trainer).not.toContain(LAB);
    if (SERVER_LAB !== 'http://localhost:3000') expect(trainer).not.toContain('http://localhost:3000');
    expect(trainer).not.toMatch(/\(\/lessons\//);
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
