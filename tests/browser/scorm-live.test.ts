import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { spokenTroubleshooterText } from '@/components/mdx/troubleshooter/TroubleshooterText';
import { loadLessons, type Lesson } from '@/lib/content/lessons';
import { TROUBLESHOOTING_TREE } from '@/lib/content/troubleshooting-tree';
import { findPreset } from '@/lib/sandbox/scenario/presets';
import { openBrowser } from './support/chromium';
import { exportScormLessons, extractScorm } from './support/scorm-export';
import { baseUrl, firstLesson } from './support/site';

// The live lab inside a SCORM package (issue 17), opened from the extracted folder over file:// as an
// LMS's player or a learner's download would: "Run it live" reaches the lab when it is up and falls
// back to the exported transcript when it is not, saying which one it shows; Copy copies a command;
// the troubleshooter is readable without the site's scripts.

const troubleshootingLesson = (): Lesson => {
  const lesson = loadLessons().find((entry) => fs.readFileSync(path.join('content', 'lessons', entry.file), 'utf8').includes('<Troubleshooter'));
  if (!lesson) throw new Error('no lesson holds the <Troubleshooter />');
  return lesson;
};

/** An origin on this machine where nothing listens: a port bound and closed again. */
async function closedLoopbackOrigin(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

// The first Try it of the first lesson, by the title its heading shows.
const firstTryIt = () => {
  const preset = /<TryIt preset="([^"]+)"/.exec(fs.readFileSync(path.join('content', 'lessons', firstLesson().file), 'utf8'))?.[1];
  const title = preset ? findPreset(preset)?.title : undefined;
  if (!title) throw new Error(`${firstLesson().slug} has no <TryIt> with a known preset`);
  return title;
};

const folders: string[] = [];
let live = '';
let troubleshooter = '';
let offline = '';
let deadLab = '';

beforeAll(async () => {
  const [lesson, trouble] = await exportScormLessons([firstLesson(), troubleshootingLesson()], baseUrl());
  deadLab = await closedLoopbackOrigin();
  const [unreachable] = await exportScormLessons([firstLesson()], deadLab);
  if (!lesson || !trouble || !unreachable) throw new Error('an export is missing');
  live = extractScorm(lesson['1.2'], 'scorm-live-');
  troubleshooter = extractScorm(trouble['1.2'], 'scorm-trouble-');
  offline = extractScorm(unreachable['1.2'], 'scorm-offline-');
  folders.push(live, troubleshooter, offline);
}, 240_000);

afterAll(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

async function tryIt(page: Page, folder: string): Promise<Locator> {
  await page.goto(`file://${path.join(folder, 'index.html')}`, { waitUntil: 'load' });
  return page.getByRole('region', { name: firstTryIt() });
}

const RECORDED = /^Recorded when this lesson was exported on \d{4}-\d{2}-\d{2}\.$/;

describe('SCORM package: the live lab when it can be reached', () => {
  test('with the lab up, "Run it live" shows the lab’s transcript and says it is live', async () => {
    const session = await openBrowser();
    try {
      const { page } = session;
      const region = await tryIt(page, live);
      const status = region.getByRole('status').first();
      expect(await status.textContent()).toMatch(RECORDED);
      const exchange = page.waitForResponse((response) => response.url() === `${baseUrl()}/api/exchange`);
      await region.getByRole('button', { name: 'Run it live' }).click();
      expect((await exchange).status()).toBe(200);
      await region.getByText(`Live from ${baseUrl()}, just now.`).waitFor();
      // The live transcript, step by step, with each response's status line.
      const first = region.getByText(/^Step 1: GET \/api\/sandbox\/\S* → HTTP\/1\.1 401 Unauthorized \(answered by the (origin|proxy)\)$/);
      await first.waitFor();
      expect(
        await region
          .locator('pre')
          .filter({ hasText: /^WWW-Authenticate: Basic/m })
          .count(),
      ).toBeGreaterThan(0);
      await region.getByRole('button', { name: 'Run again' }).waitFor();
    } finally {
      await session.close();
    }
  });

  test('with the lab unreachable, the recorded transcript stays and the note says why', async () => {
    const session = await openBrowser();
    try {
      const { page } = session;
      const region = await tryIt(page, offline);
      const shown = region.locator('[aria-live]');
      const recorded = await shown.innerText();
      expect(recorded.length).toBeGreaterThan(0);
      await region.getByRole('button', { name: 'Run it live' }).click();
      const note = region.getByText(/^Recorded when this lesson was exported on \d{4}-\d{2}-\d{2} \(the lab could not be reached: .+\)\.$/);
      await note.waitFor({ timeout: 15_000 });
      expect(await note.textContent()).toContain(deadLab);
      expect(await shown.innerText()).toBe(recorded);
      expect(await region.getByText(/^Step 1:/).count()).toBe(0);
      // Ready to try again.
      expect(await region.getByRole('button', { name: 'Run it live' }).isEnabled()).toBe(true);
    } finally {
      await session.close();
    }
  });

  test('Copy copies the command, with the lab’s address in it', async () => {
    const session = await openBrowser({ permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      const { page } = session;
      await page.goto(`file://${path.join(live, 'index.html')}`, { waitUntil: 'load' });
      const withCopy = page
        .locator('figure')
        .filter({ has: page.getByRole('button', { name: /^Copy/ }) })
        .filter({ hasText: 'curl' })
        .first();
      const command = (await withCopy.locator('pre').innerText()).trim();
      expect(command).toContain(`${baseUrl()}/api/sandbox/`);
      // Found again by its command: once clicked, its button says "Copied".
      const figure = page.locator('figure').filter({ hasText: command }).first();
      await figure.getByRole('button', { name: /^Copy/ }).click();
      await figure.getByText('Copied to the clipboard.').waitFor();
      expect((await page.evaluate(() => navigator.clipboard.readText())).trim()).toBe(command);
    } finally {
      await session.close();
    }
  });

  test('the troubleshooter is readable: every question and cause is there as text, no empty bullet', async () => {
    const session = await openBrowser();
    try {
      const { page } = session;
      await page.goto(`file://${path.join(troubleshooter, 'index.html')}`, { waitUntil: 'load' });
      const section = page.getByRole('region', { name: 'Troubleshooter' });
      const text = (await section.innerText()).replace(/\s+/g, ' ');
      for (const node of TROUBLESHOOTING_TREE.nodes) {
        const words = spokenTroubleshooterText(node.kind === 'question' ? node.prompt : node.title).replace(/\s+/g, ' ');
        expect([node.id, text.includes(words)]).toEqual([node.id, true]);
      }
      const items = await section.locator('li').allInnerTexts();
      expect(items.length).toBeGreaterThan(0);
      expect(items.filter((item) => item.trim() === '')).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
