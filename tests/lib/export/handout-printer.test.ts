/** @jest-environment node */
// The server's handout printer when it cannot print: no Chromium, a "Chromium" that will not start, and
// more requests than it lets wait. Printing itself is tested in Chromium (tests/browser/export-pdf.test.ts).
import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { createHandoutPrinter, NO_CHROMIUM_DETAIL } from '@/lib/export/handout-printer';
import type { HandoutPrint } from '@/lib/export/handout-pdf';

const PRINT = { base: 'http://127.0.0.1:9', lab: 'https://lab.example.edu', slug: 'bearer-tokens', edition: 'full' } as const;

describe('the handout printer', () => {
  test('no Chromium at the configured path: says so, and launches nothing', async () => {
    const printer = createHandoutPrinter({ executablePath: path.join(__dirname, 'no-such-chromium') });
    expect(printer.available()).toBe(false);
    expect(await printer.print(PRINT)).toEqual({ kind: 'no-chromium', detail: NO_CHROMIUM_DETAIL });
  });

  test('a Chromium that will not start: says that, with the first line of why', async () => {
    // Node is an executable file, but not a browser: it refuses Chromium's flags and exits.
    const printer = createHandoutPrinter({ executablePath: process.execPath, log: () => undefined });
    expect(printer.available()).toBe(true);
    const outcome = await printer.print(PRINT);
    expect(outcome.kind).toBe('no-chromium');
    expect(outcome.kind === 'no-chromium' && outcome.detail).toMatch(/^Chromium would not start: [^\n]+$/);
    await printer.close();
  }, 30_000);

  test('one print at a time: beyond the ones allowed to wait, a request is turned away at once', async () => {
    const printer = createHandoutPrinter({ executablePath: process.execPath, maxWaiting: 1, log: () => undefined });
    const first = printer.print(PRINT);
    expect(await printer.print({ ...PRINT, edition: 'short' })).toEqual({ kind: 'busy', detail: expect.stringMatching(/^The printer is busy/) });
    expect((await first).kind).toBe('no-chromium');
    // Once the first is done, there is room again.
    expect((await printer.print({ ...PRINT, edition: 'short' })).kind).toBe('no-chromium');
    await printer.close();
  }, 30_000);

  describe('when a print fails part way', () => {
    /** A stand-in browser: counts its contexts, and can go away as a crashed Chromium does. */
    function fakeBrowser() {
      const events = new EventEmitter();
      const contexts: { closed: boolean }[] = [];
      const browser = {
        contexts,
        newContext: async () => {
          const context = { closed: false, close: async () => void (context.closed = true) };
          contexts.push(context);
          return context as unknown as BrowserContext;
        },
        on: (event: string, listener: () => void) => events.on(event, listener),
        close: async () => void events.emit('disconnected'),
        crash: () => events.emit('disconnected'),
      };
      return browser;
    }
    const PDF = Buffer.from('%PDF-1.7 stand-in');
    const existing = process.execPath; // any file that exists: available() only looks for the executable

    test('a print that fails once is tried again in a fresh context, answers the PDF, and the failure is logged', async () => {
      const browser = fakeBrowser();
      const log: string[] = [];
      let calls = 0;
      const printer = createHandoutPrinter({
        executablePath: existing,
        launchBrowser: async () => browser as unknown as Browser,
        printPage: async () => {
          calls += 1;
          if (calls === 1) throw new Error('Target crashed\n=== logs ===');
          return PDF;
        },
        log: (line) => log.push(line),
      });
      const outcome = await printer.print(PRINT);
      expect(outcome).toEqual({ kind: 'pdf', body: new Uint8Array(PDF) });
      expect(browser.contexts).toHaveLength(2);
      expect(browser.contexts.every((context) => context.closed)).toBe(true);
      expect(log).toEqual(['[handouts] bearer-tokens (full): Printing failed: Target crashed Trying once more.']);
      // Printed once, then served from the cache.
      expect(await printer.print(PRINT)).toEqual(outcome);
      expect(calls).toBe(2);
      await printer.close();
    });

    test('a browser that went away mid-print is launched afresh for the second try', async () => {
      const browsers = [fakeBrowser(), fakeBrowser()];
      let launches = 0;
      const printer = createHandoutPrinter({
        executablePath: existing,
        launchBrowser: async () => browsers[launches++] as unknown as Browser,
        printPage: async () => {
          if (launches === 1) {
            browsers[0]!.crash();
            throw new Error('Browser closed.');
          }
          return PDF;
        },
        log: () => undefined,
      });
      expect((await printer.print(PRINT)).kind).toBe('pdf');
      expect(launches).toBe(2);
      await printer.close();
    });

    test('a print that keeps failing answers why after the second try, and is not cached', async () => {
      const log: string[] = [];
      let calls = 0;
      const printer = createHandoutPrinter({
        executablePath: existing,
        launchBrowser: async () => fakeBrowser() as unknown as Browser,
        printPage: async (_context: BrowserContext, request: HandoutPrint) => {
          calls += 1;
          throw new Error(`/lessons/${request.slug} answered 404`);
        },
        log: (line) => log.push(line),
      });
      expect(await printer.print(PRINT)).toEqual({ kind: 'failed', detail: 'Printing failed: /lessons/bearer-tokens answered 404' });
      expect(calls).toBe(2);
      expect(log).toHaveLength(2);
      expect(log[1]).toBe('[handouts] bearer-tokens (full): Printing failed: /lessons/bearer-tokens answered 404');
      await printer.print(PRINT);
      expect(calls).toBe(4);
      await printer.close();
    });

    test('a print that runs out of time is not tried again: the context is closed and the reader told', async () => {
      let calls = 0;
      const browser = fakeBrowser();
      const printer = createHandoutPrinter({
        executablePath: existing,
        timeoutMs: 50,
        launchBrowser: async () => browser as unknown as Browser,
        // Waits until its context is closed, as a Playwright call does.
        printPage: (context) =>
          new Promise((_resolve, reject) => {
            calls += 1;
            const poll = setInterval(() => {
              if ((context as unknown as { closed: boolean }).closed) {
                clearInterval(poll);
                reject(new Error('Target page, context or browser has been closed'));
              }
            }, 5);
          }),
        log: () => undefined,
      });
      expect(await printer.print(PRINT)).toEqual({ kind: 'failed', detail: 'Printing took longer than 0 s.' });
      expect(calls).toBe(1);
      await printer.close();
    });
  });
});
