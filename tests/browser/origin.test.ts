import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { LESSONS_DIR, loadLessons } from '@/lib/content/lessons';
import { allPresets } from '@/lib/sandbox/scenario/presets';
import { LAB_PLACEHOLDER_ORIGIN } from '@/lib/site/lab-origin.mjs';
import { startLab } from '../http/support/lab-server.mjs';
import { openBrowser } from './support/chromium';
import { hydrated } from './support/site';

// Issue 16 bug 3: a lab served anywhere but the build's SITE_URL (here a second production server of
// this test's own, on a free loopback port: `PORT=<n> npm start` with the same build) must give commands
// that reach it. A lesson's curl block is copied with its Copy button and run with curl, exactly as
// copied; without JavaScript, the page still shows a complete command.

const run = promisify(execFile);

/** The first single-line curl block of any lesson with the status its fence says it gets (expect=NNN). */
function lessonCommand(): { slug: string; command: string; expect: number } {
  for (const lesson of loadLessons()) {
    const source = fs.readFileSync(path.join(LESSONS_DIR, lesson.file), 'utf8');
    const block = /^```shell expect=(\d{3})\n(curl -i [^\n$`]*http:\/\/localhost:3000\/api\/sandbox\/[^\n$`]*)\n```$/m.exec(source);
    if (block?.[1] && block[2]) return { slug: lesson.slug, command: block[2], expect: Number(block[1]) };
  }
  throw new Error('no lesson has a one-line ```shell expect=NNN curl block against the sandbox');
}

/** The status line of what `curl -i` printed. */
function statusOf(output: string): number {
  const status = /^HTTP\/[\d.]+ (\d{3})/.exec(output)?.[1];
  if (!status) throw new Error(`curl printed no status line:\n${output.slice(0, 300)}`);
  return Number(status);
}

/** Runs a copied command as a reader would paste it into a shell. */
async function runCopied(command: string): Promise<number> {
  const { stdout } = await run('bash', ['-c', command], { timeout: 15_000 });
  return statusOf(stdout);
}

let lab: Awaited<ReturnType<typeof startLab>>;
const { slug, command, expect: expected } = lessonCommand();
const commandPath = command.slice(command.indexOf(LAB_PLACEHOLDER_ORIGIN) + LAB_PLACEHOLDER_ORIGIN.length);

beforeAll(async () => {
  lab = await startLab({ SANDBOX_SECRET: 'origin-test-secret-at-least-32-characters', SANDBOX_RATE_LIMIT: 'off' });
}, 60_000);

afterAll(() => lab?.stop());

/** The lesson's code block that holds the command (by the part after the origin, which never changes). */
function commandBlock(page: Page) {
  return page
    .getByRole('figure')
    .filter({ has: page.locator('pre.shiki', { hasText: commandPath }) })
    .first();
}

describe('commands name the origin the page is served from', () => {
  test('a lesson’s curl block, copied with its Copy button on a lab at another port, runs and gets the status the lesson promises', async () => {
    expect(new URL(lab.baseUrl).origin).not.toBe(LAB_PLACEHOLDER_ORIGIN);
    const session = await openBrowser({ permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      const { page } = session;
      await page.goto(`${lab.baseUrl}/lessons/${slug}`, { waitUntil: 'load' });
      await hydrated(page);
      const block = commandBlock(page);
      await block.getByRole('button', { name: /^Copy/ }).click();
      await block.getByRole('status').getByText('Copied to the clipboard.').waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      // Run first: what matters is that the reader's paste reaches this lab (not "curl: (7) Failed to connect").
      await expect(runCopied(copied)).resolves.toBe(expected);
      const shown = command.replace(LAB_PLACEHOLDER_ORIGIN, lab.baseUrl);
      expect(copied).toBe(shown);
      await expect(block.locator('pre').innerText()).resolves.toContain(shown);

      // The sandbox panel beside the lesson: its first preset's command, copied and run, reaches this lab too
      // and gets what the preset's own request gets there.
      const card = page.getByRole('region', { name: 'Sandbox' }).getByRole('listitem').first();
      const title = await card.getByRole('heading').innerText();
      const preset = allPresets().find((candidate) => candidate.title === title);
      if (!preset) throw new Error(`the sandbox panel shows a preset titled "${title}" that allPresets() does not have`);
      await card.getByRole('button', { name: 'Copy' }).click();
      await card.getByRole('status').getByText('Copied to the clipboard.').waitFor();
      const panelCommand = await page.evaluate(() => navigator.clipboard.readText());
      expect(panelCommand).toContain(`${lab.baseUrl}${preset.request.path}`);
      const { method, path: presetPath, headers, body } = preset.request;
      const direct = await fetch(new URL(presetPath, lab.baseUrl), { method, headers: headers.map(([name, value]): [string, string] => [name, value]), body });
      await expect(runCopied(panelCommand)).resolves.toBe(direct.status);
    } finally {
      await session.close();
    }
  });

  test('without JavaScript the same block is a complete command, its origin marked for the page to replace', async () => {
    const session = await openBrowser({ javaScriptEnabled: false });
    try {
      const { page } = session;
      await page.goto(`${lab.baseUrl}/lessons/${slug}`, { waitUntil: 'load' });
      // The origin the build was given (SITE_URL, else localhost): the one its canonical links carry.
      const built = new URL((await page.locator('link[rel="canonical"]').getAttribute('href')) ?? '').origin;
      const pre = commandBlock(page).locator('pre');
      await expect(pre.innerText()).resolves.toContain(`${command.slice(0, command.indexOf(LAB_PLACEHOLDER_ORIGIN))}${built}${commandPath}`);
      await expect(pre.locator('[data-lab-origin]').first().innerText()).resolves.toBe(built);
    } finally {
      await session.close();
    }
  });

  test('the exchanges’ Host fields name the host the page is served from, as the commands above them do', async () => {
    const session = await openBrowser();
    try {
      const { page } = session;
      await page.goto(`${lab.baseUrl}/lessons/${slug}`, { waitUntil: 'load' });
      await hydrated(page);
      // textContent: some sit in folded material, whose innerText is empty.
      const hosts = await page.locator('[data-lab-host]').allTextContents();
      expect(hosts.length).toBeGreaterThan(0);
      expect(new Set(hosts)).toEqual(new Set([new URL(lab.baseUrl).host]));
      // Read as a line of the transcript, not only as a span (a line may end in a note marker).
      const line = await page
        .locator('.exchange-line', { hasText: /^Host: / })
        .first()
        .textContent();
      expect(line).toMatch(new RegExp(`^Host: ${new URL(lab.baseUrl).host.replace(/\./g, '\\.')}(?![\\d.:])`));
    } finally {
      await session.close();
    }
  });
});
